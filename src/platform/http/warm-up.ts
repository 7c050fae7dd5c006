import type { FastifyInstance } from 'fastify';
import { Role } from '../auth/auth.types';
import { signToken, type TokenKeys } from '../auth/tokens';
import type { Readiness } from './routes/ops';

/** Runs one GraphQL document through the whole server, as a request would. */
export type WarmRun = (query: string, variables?: Record<string, unknown>) => Promise<void>;

/** What the application asks of a warm-up: documents run through `run`, then its own tidying. */
export type WarmUp = (run: WarmRun) => Promise<void>;

/**
 * `/ready` that also waits for the first requests' one-off costs. Once the application's state
 * has loaded, the application's warm-up documents run once through the server (the body
 * parser, the pipeline, Apollo, the resolvers, the statements on the pool), signed in as an
 * ADMIN of its own whose token never leaves the process; until they have, `/ready` says
 * `loading` with the step `warming requests`. The engine compiles each code path on its first
 * runs (a first ranking at a million employees took 433–502 ms after `/ready` where the next
 * positions took 240–290 ms and the median 200 ms, measured), so the first committee after a
 * start no longer pays for it. A warm-up that fails leaves the server to become ready
 * anyway: the first requests then pay, as before. Without a key to sign with (tokens from an
 * identity provider only), there is no warm-up.
 */
export function warmedReadiness(
  readiness: () => Readiness,
  warmUp: WarmUp | undefined,
  app: FastifyInstance,
  keys: TokenKeys,
  log: (error: unknown) => void,
): () => Readiness {
  const canSign = !!(keys.privateKey ?? keys.secret);
  let state: 'cold' | 'warming' | 'warm' = warmUp && canSign ? 'cold' : 'warm';
  const run: WarmRun = async (query, variables) => {
    const token = signToken(keys, { role: Role.ADMIN, subject: 'warm-up' }, '5m');
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ query, variables }),
    });
    const body = response.json<{ errors?: unknown[] }>();
    if (response.statusCode !== 200 || body.errors)
      throw new Error(`warm-up request answered ${response.statusCode}: ${response.body}`);
  };
  return () => {
    const loaded = readiness();
    if (!loaded.ready || state === 'warm') return loaded;
    if (state === 'cold') {
      state = 'warming';
      void warmUp!(run)
        .catch(log)
        .finally(() => (state = 'warm'));
    }
    return { ready: false, detail: { step: 'warming requests' } };
  };
}
