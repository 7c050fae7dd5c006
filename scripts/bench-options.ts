import { parseArgs } from 'node:util';

/** What `npm run bench` was asked to do. */
export interface Options {
  employees: number;
  seed: number;
  duration: number;
  connections: number;
  /** `--heap-mb N`: the server's V8 old-space limit (`--max-old-space-size`), if set. */
  heapMb?: number;
  /** `--peer`: PostGraphile 5 over the same database, measured beside ours. */
  peer: boolean;
  /** `--only TEXT`: only the operations whose name contains it (for profiling one). */
  only?: string;
  /** `--profile`: the server writes a CPU profile to .data/bench/profiles when it stops. */
  profile: boolean;
  /**
   * `--processes N`: the scale-out run instead: a streaming replica of the bench database, and
   * 1 to N API processes over the two, with a replica outage under load and the write lag.
   */
  processes?: number;
  /**
   * `--write-docs`: the run's tables replace this size's block in docs/performance.md. Off by
   * default, so that development runs leave the page alone; only a whole run with the peers may
   * write it (not with `--only` or `--processes`).
   */
  writeDocs: boolean;
}

const USAGE =
  'usage: npm run bench -- [--employees 100000] [--seed 1] [--duration 10] [--connections 10] [--heap-mb N] [--peer] [--only TEXT] [--profile] [--processes N] [--write-docs]';

/** The command line, strictly: an unknown flag or a bad number is an error, never a default. */
export function parseOptions(args: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        employees: { type: 'string', default: '100000' },
        seed: { type: 'string', default: '1' },
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '10' },
        'heap-mb': { type: 'string' },
        peer: { type: 'boolean', default: false },
        only: { type: 'string' },
        profile: { type: 'boolean', default: false },
        processes: { type: 'string' },
        'write-docs': { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const whole = (name: string, text: string | undefined) => {
    const n = Number(text);
    if (!/^\d+$/.test(text ?? '') || !Number.isSafeInteger(n) || n < 1)
      throw new Error(`--${name} must be a positive whole number, got "${text}".\n${USAGE}`);
    return n;
  };
  const writeDocs = parsed['write-docs'] ?? false;
  // The page shows whole runs beside both peers: a partial table would replace a whole one.
  if (writeDocs && (!parsed.peer || parsed.only !== undefined || parsed.processes !== undefined))
    throw new Error(
      `--write-docs writes a whole run beside the peers: it needs --peer, and neither --only nor --processes.\n${USAGE}`,
    );
  return {
    employees: whole('employees', parsed.employees),
    seed: whole('seed', parsed.seed),
    duration: whole('duration', parsed.duration),
    connections: whole('connections', parsed.connections),
    heapMb: parsed['heap-mb'] === undefined ? undefined : whole('heap-mb', parsed['heap-mb']),
    peer: parsed.peer ?? false,
    only: parsed.only,
    profile: parsed.profile ?? false,
    processes: parsed.processes === undefined ? undefined : whole('processes', parsed.processes),
    writeDocs,
  };
}
