import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What one subscription over `/graphql/ws` heard: its results, its errors, how its socket closed. */
export interface SocketListener {
  readonly received: any[];
  readonly errors: any[];
  readonly state: { ended: boolean; closed?: { code: number; reason: string } };
  readonly client: Client;
  stop(): void;
}

/**
 * Subscribes over `graphql-ws` with the token in `connectionParams` (as a browser sends it), and
 * resolves once the server acknowledged the connection (or the socket closed without).
 */
export async function subscribeOverSocket(
  baseUrl: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<SocketListener> {
  const state: SocketListener['state'] = { ended: false };
  const received: any[] = [];
  const errors: any[] = [];
  let settle: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (settle = resolve));
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql/ws`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    // A refused connection is what some tests are about: heard through `closed`, not logged.
    onNonLazyError: () => undefined,
    on: {
      connected: () => settle(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        state.closed = { code, reason: String(reason) };
        settle();
      },
    },
  });
  const iterator = client.iterate({ query, variables });
  void (async () => {
    try {
      for await (const value of iterator) received.push(value);
    } catch (error) {
      errors.push(error);
    }
    state.ended = true;
  })();
  await ready;
  return {
    received,
    errors,
    state,
    client,
    stop: () => {
      void iterator.return?.();
    },
  };
}

/** Waits until `check` holds (at most `ms`). */
export async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The codes of what a listener heard: its results' errors, its errors, its close reason's code. */
export function codesOf(listener: SocketListener): string[] {
  const fromResults = listener.received.flatMap((r) =>
    (r.errors ?? []).map((e: any) => String(e.extensions?.code)),
  );
  const fromErrors = listener.errors.flatMap((e) =>
    Array.isArray(e) ? e.map((x: any) => String(x.extensions?.code)) : [],
  );
  const closed = listener.state.closed?.reason.match(/^([A-Z_]+):/)?.[1];
  return [...fromResults, ...fromErrors, ...(closed ? [closed] : [])];
}
