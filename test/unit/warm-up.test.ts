import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { warmedReadiness, type WarmRun } from '../../src/platform/http/warm-up';

/** A server whose `/graphql` answers every injected request with `status` and `body`. */
function fakeApp(status: number, body: object, seen: string[]) {
  return {
    inject: async ({ payload, headers }: { payload: string; headers: Record<string, string> }) => {
      seen.push(
        `${headers.authorization.slice(0, 7)}${(JSON.parse(payload) as { query: string }).query}`,
      );
      return { statusCode: status, body: JSON.stringify(body), json: () => body };
    },
  } as unknown as FastifyInstance;
}

const KEYS = { secret: 'a-secret-of-the-test-only-0123456789abcdef' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('readiness with a warm-up of the request path', () => {
  it('says loading while the state loads, warming while the documents run, then ready', async () => {
    let loaded = false;
    let release!: () => void;
    const seen: string[] = [];
    const errors: unknown[] = [];
    const ready = warmedReadiness(
      () => (loaded ? { ready: true } : { ready: false, detail: { index: { step: 'starting' } } }),
      async (run: WarmRun) => {
        await run('{ a }');
        await new Promise<void>((resolve) => (release = resolve));
        await run('{ b }');
      },
      fakeApp(200, { data: {} }, seen),
      KEYS,
      (error) => errors.push(error),
    );
    expect(ready()).toEqual({ ready: false, detail: { index: { step: 'starting' } } });
    expect(seen).toEqual([]);
    loaded = true;
    expect(ready()).toEqual({ ready: false, detail: { step: 'warming requests' } });
    await settle();
    expect(ready()).toEqual({ ready: false, detail: { step: 'warming requests' } });
    release();
    await settle();
    expect(ready()).toEqual({ ready: true });
    // Each document once, signed in with a token of the process's own.
    expect(seen).toEqual(['Bearer { a }', 'Bearer { b }']);
    expect(errors).toEqual([]);
  });

  it('becomes ready anyway when a document fails, and reports the failure', async () => {
    const errors: unknown[] = [];
    const ready = warmedReadiness(
      () => ({ ready: true }),
      async (run) => run('{ a }'),
      fakeApp(400, { errors: [{ message: 'no' }] }, []),
      KEYS,
      (error) => errors.push(error),
    );
    expect(ready().ready).toBe(false);
    await settle();
    expect(ready()).toEqual({ ready: true });
    expect(String(errors[0])).toContain('warm-up request answered 400');
  });

  it('has nothing to warm without a key to sign with, or without documents', () => {
    const seen: string[] = [];
    const app = fakeApp(200, { data: {} }, seen);
    const warmUp = async (run: WarmRun) => run('{ a }');
    const oidcOnly = warmedReadiness(
      () => ({ ready: true }),
      warmUp,
      app,
      {},
      () => undefined,
    );
    expect(oidcOnly()).toEqual({ ready: true });
    const none = warmedReadiness(
      () => ({ ready: true }),
      undefined,
      app,
      KEYS,
      () => undefined,
    );
    expect(none()).toEqual({ ready: true });
    expect(seen).toEqual([]);
  });
});
