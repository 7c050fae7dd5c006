import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import fastifyCors from '@fastify/cors';
import fastifyWebsocket from '@fastify/websocket';
import { handleProtocols } from 'graphql-ws';
import type { ApolloServer } from '@apollo/server';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino, { type Logger } from 'pino';
import type { GraphQLSchema } from 'graphql';
import type { Context, ContextFactory } from '../graphql/context';
import type { CostModel } from '../graphql/limits';
import { rootFieldRoles } from '../graphql/schema';
import { ErrorCode } from '../../shared/errors';
import { decodeUtf8Strict, Utf8Error } from '../../domain/text';
import { setCursorKey } from '../../shared/pagination';
import { watchStatements } from '../db/sql-stats';
import { createApollo } from './apollo';
import { compiledExecution } from '../graphql/compiled-execution';
import { ServerMetrics, type RankingIndexFigures } from './metrics';
import type { Knex } from '@mikro-orm/knex';
import { BudgetRefusal, CostBudget } from './budget';
import { RequestPipeline } from './pipeline';
import { consoleRoutes } from './routes/console';
import { exportRoutes } from './routes/export';
import { graphqlRoutes, graphqlRunner } from './routes/graphql';
import { opsRoutes, type Readiness } from './routes/ops';
import { warmedReadiness, type WarmUp } from './warm-up';
import { errorBody, logOf, type AppRoute, type RouteDeps } from './routes/route';
import { streamRoutes } from './routes/stream';
import { MAX_SOCKET_MESSAGE_BYTES, socketRoutes } from './routes/socket';
import { Subscriptions, type EventSize } from './routes/subscriptions';
import type { ServerOptions } from './options';

export type { ServerOptions } from './options';

/** What an application brings to the server: its schema, contexts, costs and routes. */
export interface AppParts {
  readonly schema: GraphQLSchema;
  readonly createContext: ContextFactory;
  readonly cost: CostModel;
  readonly eventSize: EventSize;
  /** The ranking index's figures for `/metrics`, given the primary database. */
  readonly rankingFigures: (primary: Knex) => RankingIndexFigures;
  /** Whether what requests need in memory has loaded (`/ready`), given the primary database. */
  readonly readiness: (primary: Knex) => Readiness;
  /** Routes of the features, beside the server's own (each a door of the pipeline). */
  readonly routes: (deps: RouteDeps) => AppRoute[];
  /**
   * Documents run once through the server before `/ready` says ready, so that the first
   * requests do not pay for the code's first runs (`warmedReadiness`), given the primary.
   */
  readonly warmUp?: (primary: Knex) => WarmUp;
}

export interface AppServer {
  readonly apollo: ApolloServer<Context>;
  /** The HTTP server (listening is the caller's: `server.http.listen(port)`). */
  readonly http: http.Server;
  /** The routes, for the tests that hold every door to the pipeline. */
  readonly routes: readonly AppRoute[];
  /**
   * What `/ready` answers now; asked once the application's state has loaded, it starts the
   * warm-up of the request path (as the first probe that finds it loaded would).
   */
  readiness(): Readiness;
  stop(): Promise<void>;
}

/** The largest GraphQL request body (`/graphql`, exports, streams). */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Where pages of other (allowed) origins may call: the API, exports and committee reports. */
const CROSS_ORIGIN_PATHS =
  /^\/(graphql|graphql\/stream|import|export\.(csv|xlsx)|selections\/[^/]+\/report\.pdf)$/;

/**
 * Builds the server: the request pipeline, Apollo Server behind it, and Fastify with one small
 * file of routes per way in (not yet listening).
 */
export async function createHttpServer(
  orm: MikroORM,
  options: ServerOptions,
  parts: AppParts,
): Promise<AppServer> {
  watchStatements(orm.em.getKnex());
  if (options.cursorSecret) setCursorKey(options.cursorSecret);
  const logger = options.logger ?? pino({ level: 'silent' });
  const log = options.log ?? ((error: unknown) => logger.error({ err: error }, 'unexpected error'));
  const metrics = new ServerMetrics(orm.em.getKnex(), options.routing, parts.rankingFigures);
  const { schema } = parts;
  // Each caller's cost budget for the minute, shared by every door and every API process.
  const budget = sharedBudget(orm, options.limits.costPerMinute, logger);
  const pipeline = new RequestPipeline({
    schema,
    keys: options.keys,
    limits: options.limits,
    production: options.production,
    trustedDocuments: options.trustedDocuments,
    budget: budget && {
      spend(caller, cost) {
        const spent = budget.spend(caller, cost);
        if (spent instanceof BudgetRefusal) throw spent.toError();
        return spent;
      },
    },
    metrics,
    rootRoles: rootFieldRoles(schema),
    cost: parts.cost,
  });
  const compiled = compiledExecution(schema, { runsBeforeCompiling: options.runsBeforeCompiling });
  const apollo = await createApollo({
    schema,
    pipeline,
    maxTokens: options.limits.maxTokens,
    log,
    compiled,
    exposeStatementCount: options.exposeStatementCount,
  });
  let stopping = false;
  const deps: RouteDeps = {
    orm,
    options,
    createContext: parts.createContext,
    pipeline,
    apollo,
    compiled,
    metrics,
    routing: options.routing,
    log,
    stopping: () => stopping,
    streams: new Set(),
  };
  const app = Fastify({
    loggerInstance: logger,
    // One line per request is ours (`onResponse`), with what the route learned of it.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: MAX_BODY_BYTES,
    requestIdHeader: false,
    genReqId: (req) => requestIdOf(req.headers['x-request-id']),
    exposeHeadRoutes: false,
    return503OnClosing: true,
    // No child logger per request: the request's line is written once, with its id, at the end.
    childLoggerFactory: (parent) => parent,
  });
  // Requests still being handled: a client that hangs up does not end its request's work, so
  // the drain waits for the work, not only for the connections.
  const work = new InFlight();
  app.addHook('onRoute', checkRoute);
  await allowOrigins(app as unknown as FastifyInstance, options.corsOrigins ?? []);
  acceptBodies(app as unknown as FastifyInstance);
  observeRequests(app as unknown as FastifyInstance, {
    metrics,
    logger,
    log,
    stopping: () => stopping,
  });
  await acceptSockets(app as unknown as FastifyInstance);
  const runOperation = graphqlRunner(deps);
  const subscriptions = new Subscriptions(deps, parts.eventSize);
  const readiness = warmedReadiness(
    () => parts.readiness(orm.em.getKnex()),
    // Where only trusted documents run, the warm-up's own would be refused: none.
    options.trustedDocuments?.only ? undefined : parts.warmUp?.(orm.em.getKnex()),
    app as unknown as FastifyInstance,
    options.keys,
    log,
  );
  const routes: AppRoute[] = [
    ...opsRoutes(deps, readiness),
    ...consoleRoutes(deps),
    ...graphqlRoutes(deps, runOperation),
    ...exportRoutes(deps),
    ...streamRoutes(deps, subscriptions),
    ...socketRoutes(deps, subscriptions),
    ...parts.routes(deps),
  ];
  await registerRoutes(app as unknown as FastifyInstance, routes, (handler) => work.track(handler));
  await app.ready();

  return {
    apollo,
    http: app.server,
    routes,
    readiness,
    async stop() {
      stopping = true;
      // Open streams end with `complete` (they would hold the drain for ever).
      for (const stream of deps.streams) stream.abort();
      await app.close();
      await work.drained();
      await apollo.stop();
      await budget?.stop();
    },
  };
}

/** The callers' cost budget shared by the API processes (none when `perMinute` is 0). */
function sharedBudget(orm: MikroORM, perMinute: number, logger: Logger): CostBudget | undefined {
  if (perMinute <= 0) return undefined;
  return new CostBudget(orm.em.getKnex(), {
    perMinute,
    onError: (error) =>
      logger.warn({ err: error }, 'cost budgets: the primary does not answer; counting alone'),
  });
}

/**
 * WebSocket upgrades (for `/graphql/ws`): messages of 1 MiB at most, the `graphql-ws`
 * subprotocol chosen, and every socket closed with 1001 ("going away") when the server stops,
 * after its streams were ended with `complete`.
 */
async function acceptSockets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyWebsocket, {
    options: { maxPayload: MAX_SOCKET_MESSAGE_BYTES, handleProtocols },
    preClose(done) {
      for (const client of this.websocketServer.clients) client.close(1001, 'Server stopping');
      this.websocketServer.close(() => done());
    },
  });
}

/** Requests whose handlers still run (a client that hung up does not end its request's work). */
class InFlight {
  private count = 0;
  private done: (() => void) | undefined;

  track(handler: AppRoute['handler']): AppRoute['handler'] {
    return async (request, reply) => {
      this.count++;
      try {
        return await handler(request, reply);
      } finally {
        this.count--;
        if (this.count === 0) this.done?.();
      }
    };
  }

  /** Resolves once no handler runs. */
  async drained(): Promise<void> {
    if (this.count > 0) await new Promise<void>((resolve) => (this.done = resolve));
  }
}

/** CORS for the API's paths, only where origins are configured (none: no CORS at all). */
async function allowOrigins(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  await app.register(fastifyCors, {
    hook: 'onRequest',
    delegator: (request, callback) => {
      const origin = String(request.headers.origin ?? '').toLowerCase();
      const path = (request.url ?? '/').split('?')[0];
      const allowed = CROSS_ORIGIN_PATHS.test(path) && !!origin && origins.includes(origin);
      callback(null, {
        origin: allowed ? origin : false,
        methods: ['GET', 'POST'],
        allowedHeaders: CORS_REQUEST_HEADERS,
        exposedHeaders: CORS_EXPOSED_HEADERS,
        maxAge: 600,
      });
    },
  });
}

/**
 * What every request gets whatever its route: its id on the answer, `connection: close` while
 * the server stops, one log line and its metrics when it ends, and an error answered without
 * internals. Hooks in the callback style: no promise made for them on every request.
 */
function observeRequests(
  app: FastifyInstance,
  {
    metrics,
    logger,
    log,
    stopping,
  }: {
    metrics: ServerMetrics;
    logger: Logger;
    log: (error: unknown) => void;
    stopping: () => boolean;
  },
): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    // While stopping, a finished request closes its connection so the drain can end.
    if (stopping()) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = routeOf(request);
    metrics.httpRequest(route, reply.statusCode);
    const entry = logOf(request);
    if (entry.type)
      metrics.observeOperation(
        entry.operation ?? null,
        entry.type,
        entry.database ?? 'primary',
        reply.elapsedTime / 1000,
        entry.errors ?? [],
      );
    if (route !== 'metrics' && route !== 'health')
      logger.info(
        {
          requestId: request.id,
          method: request.method,
          route,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
          ...entry,
        },
        'request',
      );
    done();
  });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const refusal = bodyRefusal(error);
    if (refusal) return reply.code(refusal.status).type('application/json').send(refusal.body);
    log(error);
    return reply
      .code(500)
      .type('application/json')
      .send(errorBody('Internal server error.', ErrorCode.INTERNAL_SERVER_ERROR));
  });
}

/**
 * Registers the routes (those that read their own body in a scope that hands them the stream),
 * each handler tracked by `track`; a path reached with another method answers 405 naming the
 * methods it has, a refused preflight 403, anything else 404.
 */
async function registerRoutes(
  app: FastifyInstance,
  routes: readonly AppRoute[],
  track: (handler: AppRoute['handler']) => AppRoute['handler'],
): Promise<void> {
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'])
      return reply
        .code(403)
        .type('application/json')
        .send('{"error":"this origin may not call the API"}');
    const path = request.url.split('?')[0];
    const allowed = routes.filter((r) => pathPattern(r.url).test(path)).flatMap((r) => r.method);
    if (allowed.length === 0)
      return reply.code(404).type('application/json').send('{"error":"not found"}');
    return reply
      .code(405)
      .header('allow', allowed.join(', '))
      .type('application/json')
      .send(errorBody(`${request.method} is not allowed here; use ${allowed.join(' or ')}.`));
  });
  for (const route of routes.filter((r) => !r.rawBody))
    app.route({
      method: route.method,
      url: route.url,
      config: { door: route.door, open: route.open },
      handler: track(route.handler),
      ...(route.websocket ? { wsHandler: route.websocket } : {}),
    });
  // Routes that read their own body (a dataset of hundreds of MiB) take it as a stream.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { bodyLimit: Number.MAX_SAFE_INTEGER }, (_req, body, done) =>
      done(null, body),
    );
    for (const route of routes.filter((r) => r.rawBody))
      scope.route({
        method: route.method,
        url: route.url,
        config: { door: route.door, open: route.open },
        bodyLimit: Number.MAX_SAFE_INTEGER,
        handler: track(route.handler),
      });
  });
}

/**
 * Every route registered is a door of the request pipeline or says why it needs none (`open`);
 * a preflight (OPTIONS, headers only) needs none. Throws for any other, so a route added
 * without the pipeline stops the server from starting.
 */
export function checkRoute(route: {
  method: string | string[];
  url: string;
  config?: unknown;
}): void {
  const config = route.config as { door?: string; open?: string } | undefined;
  if (route.method !== 'OPTIONS' && !config?.door && !config?.open)
    throw new Error(
      `${String(route.method)} ${route.url}: a route is a door of the request pipeline or says why it needs none.`,
    );
}

/**
 * Step one of the pipeline, body limits: JSON bodies of 5 MiB at most, in valid UTF-8, without
 * keys that would rewrite an object's prototype; any other type of body is read as text for
 * Apollo to refuse (a "simple" cross-site request).
 */
function acceptBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8Strict(body as Buffer);
    } catch (error) {
      if (!(error instanceof Utf8Error)) throw error;
      return done(bodyError(400, error.message), undefined);
    }
    if (text.trim() === '') return done(null, undefined);
    void parseJson(request, text, (error, value) =>
      error
        ? done(bodyError(400, 'Request body is not valid JSON.'), undefined)
        : done(null, value),
    );
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
}

const bodyError = (statusCode: number, message: string) =>
  Object.assign(new Error(message), { statusCode, bodyRefusal: true });

/** The answer to a body the first step refused (size, encoding, syntax, type), or null. */
function bodyRefusal(error: FastifyError & { bodyRefusal?: boolean }): {
  status: number;
  body: string;
} | null {
  if (error.bodyRefusal) return { status: error.statusCode ?? 400, body: errorBody(error.message) };
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return { status: 413, body: errorBody(`Request body is larger than ${MAX_BODY_BYTES} bytes.`) };
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return { status: 415, body: errorBody('Send the request as application/json.') };
  if (error.code?.startsWith('FST_ERR_CTP_') || error.statusCode === 400)
    return { status: 400, body: errorBody('Request body is not valid JSON.') };
  return null;
}

/** A route's URL (with `:params` and a trailing `*`) as a pattern of paths. */
function pathPattern(url: string): RegExp {
  const source = url
    .split('/')
    .map((part) =>
      part.startsWith(':')
        ? '[^/]+'
        : part === '*'
          ? '.*'
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

/** What a page of another (allowed) origin may send, and read back. */
const CORS_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'x-min-lsn',
  'x-request-id',
  // What Apollo's clients send so a GET passes the server's check against request forgery.
  'apollo-require-preflight',
  'x-apollo-operation-name',
];
const CORS_EXPOSED_HEADERS = ['x-request-id', 'x-commit-lsn', 'retry-after', 'content-disposition'];

/** A caller's `x-request-id` when it is a plain token of 64 characters at most; else a new one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function requestIdOf(given: string | string[] | undefined): string {
  const value = Array.isArray(given) ? given[0] : given;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

/** The route of a request, for the metrics and logs (never the caller's own path text). */
function routeOf(request: FastifyRequest): string {
  const pathname = request.url.split('?')[0];
  if (pathname === '/graphql') return 'graphql';
  if (pathname === '/graphql/stream') return 'stream';
  if (pathname === '/graphql/ws') return 'socket';
  if (pathname === '/metrics' || pathname === '/health' || pathname === '/ready')
    return pathname.slice(1);
  if (pathname.startsWith('/selections/')) return 'report';
  if (pathname === '/import') return 'import';
  if (pathname.startsWith('/export.')) return 'export';
  if (pathname === '/explorer') return 'explorer';
  return 'console';
}
