import http from 'node:http';
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
  readonly log?: (error: unknown) => void;
  /** The secret cursors are encrypted with; processes that share it share cursors. */
  readonly cursorSecret?: string;
}

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
          if (budget && measure.cost > 0) {
            const viewer = contextValue.access.viewer;
            const caller = viewer ? `${viewer.role}:${viewer.subject}` : 'anonymous';
            cost.budget = await spend(budget, caller, measure.cost, options.limits.costPerMinute);
          }
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
  const log = options.log ?? console.error;
  const apollo = new ApolloServer<Context>({
    schema: buildAppSchema(),
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
      guardPlugin(options, budget),
      ...(options.exposeStatementCount ? [statementCountPlugin] : []),
    ],
  });
  await apollo.start();

  const committeeConsole = options.consoleDir ? consoleFiles(options.consoleDir) : undefined;
  let stopping = false;
  // Requests still being handled: a client that hangs up does not end its request's work, so
  // the drain waits for the work, not only for the connections.
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const server = http.createServer((req, res) => {
    inFlight++;
    handle(req, res)
      .catch((error) => {
        log(error);
        if (!res.headersSent)
          send(
            res,
            500,
            'application/json',
            JSON.stringify({
              errors: [
                {
                  message: 'Internal server error.',
                  extensions: { code: 'INTERNAL_SERVER_ERROR' },
                },
              ],
            }),
          );
        else res.end();
      })
      .finally(() => {
        inFlight--;
        if (inFlight === 0) drained?.();
      });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return send(res, 200, 'application/json', '{"status":"ok"}');
    if (url.pathname === '/ready') {
      const ready = await orm.isConnected().catch(() => false);
      return send(
        res,
        ready ? 200 : 503,
        'application/json',
        JSON.stringify({ status: ready ? 'ready' : 'database unavailable' }),
      );
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
    if (url.pathname !== '/graphql')
      return send(res, 404, 'application/json', '{"error":"not found"}');

    const body = req.method === 'POST' ? await readJson(req, res) : undefined;
    if (body === INVALID) return;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () =>
          createContext(orm, viewerFromHeader(options.keys, req.headers.authorization), {
            writeWaitMs: options.limits.writeWaitMs,
          }),
      });
    // Counting statements tracks every promise of the request: only when the count is shown.
    const count =
      options.exposeStatementCount === true ||
      (options.exposeStatementCount === 'on-request' && !!req.headers['x-count-statements']);
    const result = count ? await withStatementCounter(execute) : await execute();
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
      send(
        res,
        status,
        'application/json',
        JSON.stringify({ errors: [{ message, extensions: { code } }] }),
      );
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

  return {
    apollo,
    http: server,
    async stop() {
      stopping = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      await apollo.stop();
    },
  };
}

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

function sendError(res: http.ServerResponse, status: number, message: string): void {
  send(
    res,
    status,
    'application/json',
    JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] }),
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
