import { randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import pino, { type Logger } from 'pino';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createContext, type Context } from '../context';
import { Role } from '../modules/auth/auth.types';
import { selectionReport } from '../modules/selection/selection.report';
import { selectionById } from '../modules/selection/selection.service';
import type { TokenKeys } from '../modules/auth/tokens';
import { viewerFromHeader } from '../modules/auth/tokens';
import { AppError, ErrorCode, formatError } from '../shared/errors';
import { limitProblems, measureOperation, type QueryLimits } from '../shared/limits';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { COST_MODEL } from '../cost';
import { buildAppSchema } from '../schema';
import { setCursorKey } from '../shared/pagination';
import { consoleFiles } from './console';
import { explorerAsset, explorerPage } from './explorer';
import { statementCount, watchStatements, withStatementCounter } from '../shared/sql-stats';
import { isConnectionFailure } from '../shared/errors';
import { ReplicaBehindError, type ReadRouting, type ReadTarget } from '../app/read-routing';
import type { Viewer } from '../modules/auth/auth.types';
import { ServerMetrics } from './metrics';
import { operationKind } from './operation-kind';
import { csvOf, tableOf, xlsxOf } from './export';
import type { TrustedDocuments } from './trusted-documents';
import { subscriptionHandler } from './subscriptions';
import { actorOf } from '../modules/audit/audit.service';
import { importDataset } from '../modules/dataset/dataset.service';
import type { DatasetIssue } from '../modules/dataset/dataset.types';
import {
  DocumentFileError,
  DocumentTooLargeError,
  readDocumentStream,
} from '../modules/dataset/document-file';
import { readSheets, sheetIssueOf } from '../modules/dataset/workbook';
import { compiledExecution } from './compiled-execution';

export interface ServerOptions {
  /**
   * Put `extensions.sqlStatements` on every response (development and tests), or only on those
   * to requests with the `x-count-statements` header: counting tracks every promise of the
   * request, which costs a measured server more than the reads it measures.
   */
  readonly exposeStatementCount: boolean | 'on-request';
  readonly keys: TokenKeys;
  readonly limits: QueryLimits & { maxTokens: number; writeWaitMs: number; costPerMinute: number };
  /** Production refuses introspection to callers who are not signed in. */
  readonly production: boolean;
  /** A token pre-filled in the explorer (demo mode only). */
  readonly explorerToken?: string;
  /** A NIP pre-filled in the explorer's example query. */
  readonly exampleNip?: string;
  /** The committee console's build (web/dist), served at `/`. */
  readonly consoleDir?: string;
  /** Demo mode only: one token per role, offered by the console's role picker. */
  readonly demoTokens?: Readonly<Record<string, string>>;
  /** Where unexpected errors are reported (default: the logger, at level error). */
  readonly log?: (error: unknown) => void;
  /** Structured logs: a line per request with its id (default: none). */
  readonly logger?: Logger;
  /** The secret cursors are encrypted with; processes that share it share cursors. */
  readonly cursorSecret?: string;
  /** Streaming replicas for read-only requests (none: everything on `orm`, the primary). */
  readonly routing?: ReadRouting;
  /**
   * How many times a document runs on graphql-js before it is compiled (default 1: compiled on
   * its second run; the tests use 0, so that every document they send runs compiled).
   */
  readonly runsBeforeCompiling?: number;
  /** `/metrics` asks for this bearer token; without one it answers loopback callers only. */
  readonly metricsToken?: string;
  /** Origins whose pages may call the API, exports and reports from a browser (none: no CORS). */
  readonly corsOrigins?: readonly string[];
  /** Documents a request may name by `documentId`; with `only`, the only ones non-analysts may run. */
  readonly trustedDocuments?: { readonly documents: TrustedDocuments; readonly only: boolean };
}

/** What the server learns of one GraphQL request as it runs, for routing, logs and metrics. */
interface RequestInfo {
  /** A second run of the request elsewhere (its cost was already taken). */
  readonly retry: boolean;
  operation: string | null;
  type: string;
  /** Why the replica the request read from could not answer it (null: it could). */
  replicaFailure: string | null;
  /** The replica was only behind, not down. */
  replicaBehind: boolean;
  errorCodes: string[];
}

/**
 * Where a context carries its request's info: a symbol-keyed property, which Apollo's copy of
 * the context for each operation keeps (a WeakMap keyed by the context would miss the copy).
 */
const REQUEST_INFO = Symbol('request info');
const infoOf = (ctx: Context): RequestInfo | undefined =>
  (ctx as Context & { [REQUEST_INFO]?: RequestInfo })[REQUEST_INFO];

/**
 * Records the operation, errors that came from a failing replica, and the error codes of the
 * answer; puts what the resolvers asked to say (`ctx.extensions`) into the answer.
 */
const observerPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    const info = infoOf(contextValue);
    return {
      async didResolveOperation({ operation }) {
        if (!info || !operation) return;
        info.operation = operation.name?.value ?? null;
        info.type = operation.operation;
      },
      async didEncounterErrors({ errors }) {
        if (!info) return;
        for (const error of errors) {
          const original = error.originalError ?? error;
          if (original instanceof ReplicaBehindError) {
            info.replicaFailure = original.message;
            info.replicaBehind = true;
          } else if (isConnectionFailure(original)) info.replicaFailure = String(original);
        }
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { singleResult } = response.body;
        if (info)
          info.errorCodes = (singleResult.errors ?? []).map((e) => String(e.extensions?.code));
        if (Object.keys(contextValue.extensions).length > 0)
          singleResult.extensions = { ...singleResult.extensions, ...contextValue.extensions };
      },
    };
  },
};

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The console loads only its own files and talks only to this server. */
const CONSOLE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The UI library sets CSS variables in style attributes and one style element.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const CONSOLE_NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>competency-graph</title>
<p>The committee console has not been built: run <code>npm run build</code>.
The API is at <a href="/graphql">/graphql</a> and its explorer at <a href="/explorer">/explorer</a>.</p>`;

export interface AppServer {
  readonly apollo: ApolloServer<Context>;
  readonly http: http.Server;
  stop(): Promise<void>;
}

const statementCountPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const sqlStatements = statementCount();
        if (response.body.kind === 'single' && sqlStatements !== undefined) {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            sqlStatements,
          };
        }
      },
    };
  },
};

/**
 * Before anything runs: a caller must be signed in (anonymous introspection only outside
 * production), the operation must stay within depth, aliases, page sizes and cost, and the
 * caller within its cost budget for the minute. Every answer says what it cost
 * (`extensions.cost`).
 */
function guardPlugin(
  options: ServerOptions,
  budget: RateLimiterMemory | undefined,
  metrics: ServerMetrics,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cost: Record<string, unknown> | undefined;
      return {
        async didResolveOperation({ contextValue, operation, document, request, schema }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) =>
              d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [],
            ),
          );
          const measure = measureOperation(
            schema,
            operation,
            fragments,
            request.variables ?? {},
            COST_MODEL,
          );
          cost = { requested: measure.cost, limit: options.limits.maxCost };
          const [oversized] = measure.oversized;
          if (oversized) {
            throw new AppError(
              ErrorCode.BAD_USER_INPUT,
              `\`${oversized.argument}\` of \`${oversized.field}\` must be between 0 and 100, got ${oversized.size}.`,
              { argument: oversized.argument },
            );
          }
          const problems = limitProblems(measure, options.limits);
          if (problems.length > 0) {
            metrics.refusal('too_complex');
            throw new AppError(
              ErrorCode.QUERY_TOO_COMPLEX,
              `The query is too large: ${problems.join('; ')}.`,
              {
                cost: measure.cost,
                depth: measure.depth,
                aliases: measure.aliases,
                limits: {
                  maxDepth: options.limits.maxDepth,
                  maxAliases: options.limits.maxAliases,
                  maxCost: options.limits.maxCost,
                },
              },
            );
          }
          const onlyIntrospection = measure.introspection && measure.cost === 0;
          if (!contextValue.access.viewer && !(onlyIntrospection && !options.production)) {
            contextValue.access.require();
          }
          // A request run again on another database was charged on its first run.
          if (infoOf(contextValue)?.retry) return;
          if (budget && measure.cost > 0) {
            const viewer = contextValue.access.viewer;
            const caller = viewer ? `${viewer.role}:${viewer.subject}` : 'anonymous';
            try {
              cost.budget = await spend(budget, caller, measure.cost, options.limits.costPerMinute);
            } catch (refusal) {
              metrics.refusal('rate_limited');
              throw refusal;
            }
          }
          metrics.spent(measure.cost);
        },
        async willSendResponse({ response }) {
          if (cost && (cost.requested as number) > 0 && response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost,
            };
          }
        },
      };
    },
  };
}

/**
 * Takes `cost` from the caller's budget for the minute, or refuses with RATE_LIMITED (HTTP 429
 * and Retry-After) when it would go past it; nothing runs then.
 */
async function spend(
  budget: RateLimiterMemory,
  caller: string,
  cost: number,
  perMinute: number,
): Promise<{ perMinute: number; remaining: number; resetsInSeconds: number }> {
  try {
    const state = await budget.consume(caller, cost);
    return {
      perMinute,
      remaining: state.remainingPoints,
      resetsInSeconds: Math.ceil(state.msBeforeNext / 1000),
    };
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    const headers = new HeaderMap([['retry-after', String(retryAfter)]]);
    throw new AppError(
      ErrorCode.RATE_LIMITED,
      `This operation costs ${cost}, more than is left of your budget of ${perMinute} a minute; try again in ${retryAfter} s.`,
      { retryAfterSeconds: retryAfter, http: { status: 429, headers } },
    );
  }
}

/** Builds the Apollo server and the HTTP server around it (not yet listening). */
/** What a committee report costs against the caller's budget (it reads and lays out a selection). */
const REPORT_COST = 1_000;

export async function createServer(orm: MikroORM, options: ServerOptions): Promise<AppServer> {
  // Each caller's cost budget for the minute, shared by GraphQL operations and reports.
  const budget =
    options.limits.costPerMinute > 0
      ? new RateLimiterMemory({ points: options.limits.costPerMinute, duration: 60 })
      : undefined;
  watchStatements(orm.em.getKnex());
  if (options.cursorSecret) setCursorKey(options.cursorSecret);
  const logger = options.logger ?? pino({ level: 'silent' });
  const log = options.log ?? ((error: unknown) => logger.error({ err: error }, 'unexpected error'));
  const routing = options.routing;
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const metrics = new ServerMetrics(orm.em.getKnex(), routing);
  const apollo = new ApolloServer<Context>({
    // The schema, executed as compiled code (`compiled-execution.ts`).
    gateway: compiledExecution(buildAppSchema(), {
      runsBeforeCompiling: options.runsBeforeCompiling,
    }),
    formatError: (formatted, error) => formatError(formatted, error, log),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Every operation is measured and authorised as sent; no cache of stored documents.
    persistedQueries: false,
    csrfPrevention: true,
    // The process handles SIGINT and SIGTERM itself: drain the HTTP server, then Apollo, then
    // the database (Apollo's own handler would race it and re-raise the signal).
    stopOnTerminationSignals: false,
    introspection: true,
    parseOptions: { maxTokens: options.limits.maxTokens },
    plugins: [
      // We set no cache hints, serve our own explorer and report to no one: without these
      // defaults no wrapper runs around every field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      guardPlugin(options, budget, metrics),
      observerPlugin,
      ...(options.exposeStatementCount ? [statementCountPlugin] : []),
    ],
  });
  await apollo.start();
  const subscriptions = subscriptionHandler({
    schema: buildAppSchema(),
    orm,
    keys: options.keys,
    limits: options.limits,
    log,
    // The id the request was given when it came in (the caller's, if plain; else a new one).
    requestIdOf: (req) => requestIds.get(req) ?? randomUUID(),
  });

  const committeeConsole = options.consoleDir ? consoleFiles(options.consoleDir) : undefined;
  let stopping = false;
  const streams = new Set<http.ServerResponse>();
  const requestIds = new WeakMap<http.IncomingMessage, string>();
  // Requests still being handled: a client that hangs up does not end its request's work, so
  // the drain waits for the work, not only for the connections.
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const server = http.createServer((req, res) => {
    inFlight++;
    const started = performance.now();
    const requestId = requestIdOf(req);
    requestIds.set(req, requestId);
    res.setHeader('x-request-id', requestId);
    const entry: RequestLog = {};
    handle(req, res, requestId, entry)
      .catch((error) => {
        log(error);
        if (!res.headersSent)
          sendError(res, 500, 'Internal server error.', ErrorCode.INTERNAL_SERVER_ERROR);
        else res.end();
      })
      .finally(() => {
        inFlight--;
        if (inFlight === 0) drained?.();
        const seconds = (performance.now() - started) / 1000;
        const route = routeOf(req.url);
        metrics.httpRequest(route, res.statusCode);
        if (entry.type)
          metrics.observeOperation(
            entry.operation ?? null,
            entry.type,
            entry.database ?? 'primary',
            seconds,
            entry.errors ?? [],
          );
        if (route !== 'metrics' && route !== 'health')
          logger.info(
            {
              requestId,
              method: req.method,
              route,
              status: res.statusCode,
              ms: Math.round(seconds * 10_000) / 10,
              ...entry,
            },
            'request',
          );
      });
  });

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    requestId: string,
    entry: RequestLog,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (CROSS_ORIGIN_PATHS.test(url.pathname) && crossOrigin(req, res)) return;
    if (url.pathname === '/health') return send(res, 200, 'application/json', '{"status":"ok"}');
    if (url.pathname === '/ready') return sendReadiness(res);
    if (url.pathname === '/metrics') {
      if (!metricsAllowed(req, options.metricsToken))
        return send(
          res,
          403,
          'application/json',
          '{"error":"metrics: send the METRICS_TOKEN as a bearer token, or ask from this machine"}',
        );
      return send(res, 200, metrics.registry.contentType, await metrics.registry.metrics());
    }
    const report = /^\/selections\/([A-Za-z0-9_-]{1,64})\/report\.pdf$/.exec(url.pathname);
    if (report) return sendSelectionReport(req, res, report[1]);
    if (url.pathname === '/demo/tokens') {
      return options.demoTokens
        ? send(res, 200, 'application/json', JSON.stringify(options.demoTokens))
        : send(res, 404, 'application/json', '{"error":"not found"}');
    }
    const asset = explorerAsset(url.pathname) ?? committeeConsole?.asset(url.pathname);
    if (asset) return send(res, 200, asset.type, asset.body, 'public, max-age=3600');
    if (url.pathname === '/') {
      const page = committeeConsole?.page();
      res.setHeader('content-security-policy', CONSOLE_POLICY);
      res.setHeader('x-content-type-options', 'nosniff');
      return send(res, page ? 200 : 503, 'text/html; charset=utf-8', page ?? CONSOLE_NOT_BUILT);
    }
    if (url.pathname === '/explorer' || (url.pathname === '/graphql' && wantsHtml(req, url))) {
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        explorerPage(options.exampleNip, options.explorerToken),
      );
    }
    if (url.pathname === '/import') return receiveImport(req, res, url, requestId);
    if (url.pathname === '/graphql/stream') {
      // Open streams are ended when the server stops (they would hold its drain for ever).
      streams.add(res);
      const closed = new Promise<void>((resolve) =>
        res.once('close', () => {
          streams.delete(res);
          resolve();
        }),
      );
      // The handler's own promise may never settle once the client has gone (it waits for the
      // end of a response that is already closed): the request is done when either is.
      await Promise.race([subscriptions(req, res), closed]);
      return;
    }
    const exported = /^\/export\.(csv|xlsx)$/.exec(url.pathname);
    if (exported) return sendExport(req, res, url, requestId, entry, exported[1] as 'csv' | 'xlsx');
    if (url.pathname !== '/graphql')
      return send(res, 404, 'application/json', '{"error":"not found"}');
    const result = await runOperation(req, res, url, requestId, entry);
    if (result) await sendResult(res, result);
  }

  /**
   * Runs one GraphQL request as `/graphql` does: the body, the token, where it reads (a
   * replica, answered again elsewhere if it fails), the guard, and after a write the position
   * the caller's next reads must see. Undefined when it has already answered (a bad body, or
   * not a query where only queries may run).
   */
  async function runOperation(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    requestId: string,
    entry: RequestLog,
    queriesOnly = false,
  ) {
    const body = req.method === 'POST' ? await readJson(req, res) : undefined;
    if (body === INVALID) return undefined;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    // The token is read once: a bad one fails the request in its context, as GraphQL errors.
    let viewer: Viewer | null = null;
    let viewerError: Error | undefined;
    try {
      viewer = viewerFromHeader(options.keys, req.headers.authorization);
    } catch (error) {
      viewerError = error as Error;
    }
    const caller = viewer ? `${viewer.role}:${viewer.subject}` : null;
    entry.role = viewer?.role;
    if (!trustedDocument(res, body, viewer)) return undefined;
    // With replicas, a query reads from one that has the caller's own writes; the rest, primary.
    const kind =
      routing?.hasReplicas || queriesOnly
        ? operationKind(
            (body as { query?: unknown } | undefined)?.query ?? url.searchParams.get('query'),
            (body as { operationName?: unknown } | undefined)?.operationName ??
              url.searchParams.get('operationName'),
            options.limits.maxTokens,
          )
        : null;
    if (queriesOnly && kind !== 'query') {
      sendError(res, 400, 'An export runs one query (not a mutation, nor a document without one).');
      return undefined;
    }
    const mustSee =
      routing && kind === 'query'
        ? routing.mustSee(caller, headerText(req.headers['x-min-lsn']))
        : null;
    const primary: ReadTarget = { name: 'primary', orm, replica: false };
    const execute = (target: ReadTarget, info: RequestInfo) =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          if (viewerError) throw viewerError;
          const ctx = createContext(target.orm, viewer, {
            writeWaitMs: options.limits.writeWaitMs,
            primary: target.replica ? orm : undefined,
            readsSee: routing && target.replica ? (lsn) => routing.waitFor(target, lsn) : undefined,
            requestId,
          });
          return Object.assign(ctx, { [REQUEST_INFO]: info });
        },
      });
    // Counting statements tracks every promise of the request: only when the count is shown.
    const count =
      options.exposeStatementCount === true ||
      (options.exposeStatementCount === 'on-request' && !!req.headers['x-count-statements']);
    let target = routing && kind === 'query' ? routing.forRead(mustSee) : primary;
    let info: RequestInfo;
    let result: Awaited<ReturnType<typeof execute>>;
    for (let attempt = 0; ; attempt++) {
      const run: RequestInfo = {
        retry: attempt > 0,
        operation: null,
        type: kind ?? 'unknown',
        replicaFailure: null,
        replicaBehind: false,
        errorCodes: [],
      };
      const chosen = target;
      result = count
        ? await withStatementCounter(() => execute(chosen, run))
        : await execute(chosen, run);
      info = run;
      // A replica that failed under the request: answer it again elsewhere (reads only).
      if (!routing || !target.replica || !run.replicaFailure || attempt >= 2) break;
      if (!run.replicaBehind) routing.markDown(target.name, run.replicaFailure);
      metrics.retried(target.name);
      target = run.replicaBehind ? primary : routing.forRead(mustSee);
    }
    Object.assign(entry, {
      operation: info.operation,
      type: info.type,
      database: target.name,
      errors: info.errorCodes.length > 0 ? info.errorCodes : undefined,
    });
    // After a write: where the primary's log stands, so the caller's next reads see the write.
    if (routing?.hasReplicas && kind === 'mutation') {
      const lsn = await routing.recordWrite(caller).catch(() => null);
      if (lsn) res.setHeader('x-commit-lsn', lsn);
    }
    return result;
  }

  /**
   * `POST /export.csv` and `/export.xlsx`: the body and token of `/graphql`, run as it would be
   * (same roles, limits, cost and budget); the first list or connection of the answer becomes
   * the rows. An answer with errors is sent as JSON with the status they call for.
   */
  async function sendExport(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    requestId: string,
    entry: RequestLog,
    format: 'csv' | 'xlsx',
  ): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, 405, 'An export is a POST with the body of a GraphQL query.');
    }
    const result = await runOperation(req, res, url, requestId, entry, true);
    if (!result) return;
    const text = result.body.kind === 'complete' ? result.body.string : '';
    const answer = JSON.parse(text || '{}') as {
      data?: unknown;
      errors?: { extensions?: { code?: string } }[];
    };
    if (answer.errors?.length || !answer.data) {
      const code = answer.errors?.[0]?.extensions?.code;
      const status =
        EXPORT_STATUS[code ?? ''] ?? (result.status && result.status !== 200 ? result.status : 400);
      for (const [key, value] of result.headers) res.setHeader(key, value);
      return send(res, status, 'application/json', text);
    }
    const table = tableOf(answer.data);
    if (!table)
      return sendError(res, 400, 'The answer holds no list or connection to make rows of.');
    const name = `${entry.operation ?? 'export'}-${new Date().toISOString().slice(0, 10)}`;
    const body = format === 'csv' ? csvOf(table) : await xlsxOf(table, entry.operation ?? 'export');
    res.writeHead(200, {
      'content-type':
        format === 'csv'
          ? 'text/csv; charset=utf-8; header=present'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}.${format}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  }

  /**
   * `POST /import[?dryRun=true]`: a dataset past the 5 MiB of a GraphQL body, streamed: a JSON
   * document (`application/json`, parsed as it arrives) or a workbook as `npm run template`
   * makes it (`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`). ADMIN only,
   * as `importDataset`; the same validator, transaction, audit and report, the issues of a
   * workbook by sheet, row and column.
   */
  async function receiveImport(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    requestId: string,
  ): Promise<void> {
    const refuse = (status: number, code: string, message: string) =>
      sendError(res, status, message, code);
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return refuse(405, ErrorCode.BAD_USER_INPUT, 'An import is a POST of the dataset.');
    }
    let ctx: Context;
    try {
      ctx = createContext(orm, viewerFromHeader(options.keys, req.headers.authorization), {
        writeWaitMs: options.limits.writeWaitMs,
        requestId,
      });
      ctx.access.require(Role.ADMIN);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const code = String(error.extensions.code);
      return refuse(code === ErrorCode.UNAUTHENTICATED ? 401 : 403, code, error.message);
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    let document: unknown;
    let place: ((issue: DatasetIssue) => object) | undefined;
    try {
      if (type === 'application/json') {
        document = await readDocumentStream(req, 'The request body', undefined, IMPORT_MAX_BYTES);
      } else if (type === XLSX_TYPE) {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of req as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > IMPORT_MAX_BYTES) throw new DocumentTooLargeError('too large');
          chunks.push(chunk);
        }
        const read = await readSheets(Buffer.concat(chunks), false);
        if (read.issues.length > 0)
          return send(
            res,
            200,
            'application/json',
            JSON.stringify({
              applied: false,
              sections: [],
              issues: read.issues,
              issueCount: read.issues.length,
            }),
          );
        document = read.document;
        place = (issue) => sheetIssueOf(issue, read.provenance);
      } else {
        return refuse(
          415,
          ErrorCode.BAD_USER_INPUT,
          `Send the dataset as application/json or as ${XLSX_TYPE}.`,
        );
      }
    } catch (error) {
      if (error instanceof DocumentTooLargeError)
        return refuse(
          413,
          ErrorCode.BAD_USER_INPUT,
          `The dataset is larger than ${IMPORT_MAX_BYTES} bytes.`,
        );
      if (error instanceof DocumentFileError)
        return refuse(400, ErrorCode.BAD_USER_INPUT, error.message);
      return refuse(
        400,
        ErrorCode.BAD_USER_INPUT,
        'The workbook cannot be read (is it an .xlsx file?).',
      );
    }
    const report = await importDataset(ctx.knex, document, {
      today: ctx.today,
      dryRun: url.searchParams.get('dryRun') === 'true',
      waitMs: ctx.writeWaitMs,
      audit: { actor: actorOf(ctx), action: 'importDataset' },
    }).catch((error: unknown) => {
      const known = formatError({ message: '' }, error, log);
      return { failed: known };
    });
    if ('failed' in report) {
      const code = String(report.failed.extensions?.code);
      return send(
        res,
        code === ErrorCode.BUSY || code === ErrorCode.SERVICE_UNAVAILABLE ? 503 : 500,
        'application/json',
        JSON.stringify({ errors: [report.failed] }),
      );
    }
    send(
      res,
      200,
      'application/json',
      JSON.stringify(place ? { ...report, issues: report.issues.map(place) } : report),
    );
  }

  async function sendResult(
    res: http.ServerResponse,
    result: Awaited<ReturnType<ApolloServer<Context>['executeHTTPGraphQLRequest']>>,
  ): Promise<void> {
    res.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) res.setHeader(key, value);
    // While stopping, a finished request closes its connection so the drain can end.
    if (stopping) res.setHeader('connection', 'close');
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  /** `GET /selections/{id}/report.pdf`: the committee's report, with the same token as the API. */
  async function sendSelectionReport(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    id: string,
  ): Promise<void> {
    const refuse = (status: number, code: string, message: string) =>
      sendError(res, status, message, code);
    let ctx: Context;
    try {
      const viewer = viewerFromHeader(options.keys, req.headers.authorization);
      ctx = createContext(orm, viewer, { writeWaitMs: options.limits.writeWaitMs });
      ctx.access.require(Role.ADMIN, Role.HR, Role.COMMITTEE);
      if (budget && viewer)
        await spend(
          budget,
          `${viewer.role}:${viewer.subject}`,
          REPORT_COST,
          options.limits.costPerMinute,
        );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const code = String(error.extensions.code);
      if (code === ErrorCode.RATE_LIMITED)
        res.setHeader('retry-after', String(error.extensions.retryAfterSeconds));
      const status =
        code === ErrorCode.UNAUTHENTICATED ? 401 : code === ErrorCode.RATE_LIMITED ? 429 : 403;
      return refuse(status, code, error.message);
    }
    const selection = await selectionById(ctx, id);
    if (!selection) return refuse(404, ErrorCode.NOT_FOUND, `No selection has ID ${id}.`);
    const pdf = await selectionReport(ctx, selection);
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="berita-acara-seleksi-${selection.id}.pdf"`,
      'cache-control': 'no-store',
    });
    res.end(pdf);
  }

  /**
   * CORS for the API's paths: a page of an allowed origin may call them with a token (no
   * cookies are involved, so no credentials mode); its preflight is answered here. Any other
   * origin gets no CORS headers, so browsers keep its pages out. True when the request was a
   * preflight and has been answered.
   */
  function crossOrigin(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const origin = headerText(req.headers.origin)?.toLowerCase();
    const allowed = !!origin && corsOrigins.has(origin);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      if (!allowed) {
        send(res, 403, 'application/json', '{"error":"this origin may not call the API"}');
        return true;
      }
      res.writeHead(204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': CORS_REQUEST_HEADERS,
        'access-control-max-age': '600',
        vary: 'Origin',
      });
      res.end();
      return true;
    }
    res.setHeader('vary', 'Origin');
    if (allowed) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS);
    }
    return false;
  }

  /**
   * A request may name a trusted document by `documentId` (its text then runs, whatever else it
   * sends). In `only` mode every role but ANALYST must: a document of its own is refused, 403.
   * False when it has answered the request.
   */
  function trustedDocument(
    res: http.ServerResponse,
    body: unknown,
    viewer: Viewer | null,
  ): boolean {
    const trusted = options.trustedDocuments;
    const request = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
    const id = request?.documentId;
    if (request && typeof id === 'string') {
      const document = trusted?.documents.document(id);
      if (document !== undefined) {
        request.query = document;
        return true;
      }
      // An id this server does not know: the text sent with it runs, where any text may.
      const free = !trusted?.only || !viewer || viewer.role === Role.ANALYST;
      if (!free || typeof request.query !== 'string') {
        sendError(res, 400, `No trusted document has the id "${id.slice(0, 80)}".`);
        return false;
      }
      return true;
    }
    if (trusted?.only && viewer && viewer.role !== Role.ANALYST) {
      sendError(
        res,
        403,
        'This server runs trusted documents only: send the `documentId` of a published operation.',
        ErrorCode.FORBIDDEN,
      );
      return false;
    }
    return true;
  }

  /** Ready while writes can go somewhere, or reads can (the primary away, replicas serving). */
  async function sendReadiness(res: http.ServerResponse): Promise<void> {
    const primaryUp = await orm.isConnected().catch(() => false);
    const replicas = routing?.replicaStates() ?? [];
    const serving = replicas.filter((r) => r.inRotation).length;
    const ready = primaryUp || serving > 0;
    const status = primaryUp ? 'ready' : serving > 0 ? 'read-only' : 'database unavailable';
    return send(
      res,
      ready ? 200 : 503,
      'application/json',
      JSON.stringify(
        routing?.hasReplicas
          ? {
              status,
              primary: primaryUp ? 'up' : 'down',
              replicas: replicas.length,
              replicasInRotation: serving,
            }
          : { status },
      ),
    );
  }

  return {
    apollo,
    http: server,
    async stop() {
      stopping = true;
      for (const stream of streams) stream.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      await apollo.stop();
    },
  };
}

/** What the request log line says of a request besides its route, status and time. */
interface RequestLog {
  operation?: string | null;
  type?: string;
  database?: string;
  role?: string;
  errors?: string[];
}

/** A caller's `x-request-id` when it is a plain token of 64 characters at most; else a new one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function requestIdOf(req: http.IncomingMessage): string {
  const given = headerText(req.headers['x-request-id']);
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The route of a request, for the metrics and logs (never the caller's own path text). */
function routeOf(url: string | undefined): string {
  const pathname = (url ?? '/').split('?')[0];
  if (pathname === '/graphql') return 'graphql';
  if (pathname === '/graphql/stream') return 'stream';
  if (pathname === '/metrics' || pathname === '/health' || pathname === '/ready')
    return pathname.slice(1);
  if (pathname.startsWith('/selections/')) return 'report';
  if (pathname === '/import') return 'import';
  if (pathname.startsWith('/export.')) return 'export';
  if (pathname === '/explorer') return 'explorer';
  return 'console';
}

/**
 * `/metrics` answers a caller with the configured bearer token; without one configured, only
 * callers on this machine (a scraper beside the server, or through an SSH tunnel).
 */
function metricsAllowed(req: http.IncomingMessage, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(req.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** Where pages of other (allowed) origins may call: the API, exports and committee reports. */
const CROSS_ORIGIN_PATHS =
  /^\/(graphql|graphql\/stream|import|export\.(csv|xlsx)|selections\/[^/]+\/report\.pdf)$/;
/** What such a page may send, and read back. */
const CORS_REQUEST_HEADERS = 'authorization, content-type, x-min-lsn, x-request-id';
const CORS_EXPOSED_HEADERS = 'x-request-id, x-commit-lsn, retry-after, content-disposition';

/** The largest dataset `POST /import` takes. */
const IMPORT_MAX_BYTES = 512 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The HTTP status of an export that failed, by the code of its first error. */
const EXPORT_STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  QUERY_TIMEOUT: 503,
};

const INVALID = Symbol('invalid body');

async function readJson(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      sendError(res, 413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
      return INVALID;
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    sendError(res, 400, 'Request body is not valid JSON.');
    return INVALID;
  }
}

function wantsHtml(req: http.IncomingMessage, url: URL): boolean {
  return (
    req.method === 'GET' &&
    !url.searchParams.has('query') &&
    (req.headers.accept ?? '').includes('text/html')
  );
}

/** An answer of one error, as GraphQL answers them (a BAD_USER_INPUT unless said otherwise). */
function sendError(
  res: http.ServerResponse,
  status: number,
  message: string,
  code: string = ErrorCode.BAD_USER_INPUT,
): void {
  send(
    res,
    status,
    'application/json',
    JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  );
}

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  cache = 'no-store',
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': cache });
  res.end(body);
}
