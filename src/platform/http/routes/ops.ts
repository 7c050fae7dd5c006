import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppRoute, RouteDeps } from './route';

/**
 * Whether the application's in-memory state (the ranking index) has loaded: until it has,
 * `/ready` answers 503 `loading` with the detail, so no balancer sends a request that would
 * wait for the load.
 */
export interface Readiness {
  readonly ready: boolean;
  /** What `/ready` adds while not ready (how far the load is). */
  readonly detail?: object;
}

/** `/health`, `/ready`, `/metrics` and, in demo mode, `/demo/tokens`: no operation runs here. */
export function opsRoutes(
  { orm, routing, metrics, options }: RouteDeps,
  readiness: () => Readiness,
): AppRoute[] {
  return [
    {
      method: 'GET',
      url: '/health',
      open: 'ops',
      handler: async (_request, reply) =>
        reply.header('cache-control', 'no-store').type('application/json').send('{"status":"ok"}'),
    },
    {
      method: 'GET',
      url: '/ready',
      open: 'ops',
      // Ready while writes can go somewhere, or reads can (the primary away, replicas serving),
      // once the application's in-memory state has loaded.
      handler: async (_request, reply) => {
        const primaryUp = await orm.isConnected().catch(() => false);
        const replicas = routing?.replicaStates() ?? [];
        const serving = replicas.filter((r) => r.inRotation).length;
        const reachable = primaryUp || serving > 0;
        // Asked only with a database to load from (asking may start a load).
        const loaded = reachable ? readiness() : { ready: false };
        const status = !reachable
          ? 'database unavailable'
          : !loaded.ready
            ? 'loading'
            : primaryUp
              ? 'ready'
              : 'read-only';
        return reply
          .code(reachable && loaded.ready ? 200 : 503)
          .header('cache-control', 'no-store')
          .type('application/json')
          .send(
            JSON.stringify({
              status,
              ...(routing?.hasReplicas
                ? {
                    primary: primaryUp ? 'up' : 'down',
                    replicas: replicas.length,
                    replicasInRotation: serving,
                  }
                : {}),
              ...(loaded.ready ? {} : loaded.detail),
            }),
          );
      },
    },
    {
      method: 'GET',
      url: '/metrics',
      open: 'ops',
      handler: async (request, reply) => {
        reply.header('cache-control', 'no-store');
        if (!metricsAllowed(request, options.metricsToken))
          return reply
            .code(403)
            .type('application/json')
            .send(
              '{"error":"metrics: send the METRICS_TOKEN as a bearer token, or ask from this machine"}',
            );
        return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
      },
    },
    {
      method: 'GET',
      url: '/demo/tokens',
      open: 'ops',
      handler: async (_request, reply) =>
        options.demoTokens
          ? reply
              .header('cache-control', 'no-store')
              .type('application/json')
              .send(JSON.stringify(options.demoTokens))
          : reply.code(404).type('application/json').send('{"error":"not found"}'),
    },
  ];
}

/**
 * `/metrics` answers a caller with the configured bearer token; without one configured, only
 * callers on this machine (a scraper beside the server, or through an SSH tunnel).
 */
function metricsAllowed(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(request.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  const address = request.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
