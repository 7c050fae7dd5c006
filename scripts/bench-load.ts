import autocannon from 'autocannon';

/** One operation the bench drives. */
export interface Operation {
  name: string;
  query: string;
  variables: (i: number) => Record<string, unknown>;
  /** The plain-SQL baseline for the same answer, if there is one. */
  baseline?: (i: number) => { sql: string; bindings: unknown[] };
}

export interface Measured {
  p50: number;
  p95: number;
  rps: number;
  requests: number;
  errors: number;
}

/**
 * Drives an operation for `duration` seconds over `connections` connections, shared out among
 * the servers at `urls` (one autocannon instance each, side by side); latencies are merged.
 * A request counts as failed on any status but 200, or any error in the answer.
 */
export async function load(
  urls: readonly string[],
  token: string,
  op: Pick<Operation, 'query' | 'variables'>,
  { connections, duration }: { connections: number; duration: number },
): Promise<Measured> {
  const latencies: number[] = [];
  let n = 0;
  let errors = 0;
  const runs = urls.map((url, i) => {
    const instance = autocannon({
      url: `${url}/graphql`,
      connections: Math.max(
        1,
        Math.floor(connections / urls.length) + (i < connections % urls.length ? 1 : 0),
      ),
      duration,
      requests: [
        {
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          setupRequest: (request: Record<string, unknown>) => ({
            ...request,
            body: JSON.stringify({ query: op.query, variables: op.variables(n++) }),
          }),
          onResponse: (status: number, body: string) => {
            if (status !== 200 || body.includes('"errors"')) errors++;
          },
        },
      ],
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => {
      latencies.push(time);
    });
    return instance;
  });
  const results = await Promise.all(runs);
  latencies.sort((a, b) => a - b);
  const seconds = Math.max(...results.map((r) => r.duration));
  // Requests that got no answer (connection errors, autocannon's timeout) failed too.
  errors += results.reduce((sum, r) => sum + r.errors, 0);
  return {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    rps: latencies.length / seconds,
    requests: latencies.length,
    errors,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
