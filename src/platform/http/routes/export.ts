import { PassThrough } from 'node:stream';
import { GraphQLError } from 'graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode, formatError } from '../../../shared/errors';
import { withInfo } from '../apollo';
import { cellsOf, csvWriter, xlsxWriter, type RowWriter } from '../export';
import { exportPlan, PAGE_AFTER, PAGE_INFO, PAGE_SIZE, type ExportPlan } from '../export-plan';
import { Door, operationOf, variablesOf, type Caller, type OperationBody } from '../pipeline';
import {
  logOf,
  requestContext,
  sendError,
  sendRefusal,
  type AppRoute,
  type RouteDeps,
} from './route';

/** The most rows a page of a connection holds: the API's own limit. */
export const EXPORT_PAGE_SIZE = 100;
/** `EXPORT_MAX_ROWS` when the server is not told otherwise. */
export const DEFAULT_EXPORT_MAX_ROWS = 1_000_000;

/** The HTTP status of an export that failed before its first row, by its first error's code. */
const EXPORT_STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  QUERY_TIMEOUT: 503,
  INTERNAL_SERVER_ERROR: 500,
};

type Format = 'csv' | 'xlsx';

/** The plan of a query without rows: run once for its refusals, then answered 400. */
const NO_ROWS: ExportPlan = {
  rowsPath: [],
  paged: false,
  rowsKey: null,
  columns: [],
  query: '',
  variables: {},
  wanted: null,
  startAfter: null,
};

/** One run of the operation (a page), as Apollo answered it. */
interface Page {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  readonly status?: number;
}

/**
 * `POST /export.csv` and `/export.xlsx`: the body and token of `/graphql`. The first list or
 * connection of the query becomes the rows; a connection is followed to its end, a page of 100
 * at a time by its cursor, each page run as `/graphql` runs an operation (roles, limits, cost,
 * and its cost taken from the caller's budget), up to `EXPORT_MAX_ROWS` rows (its `first`, when
 * given, is the most rows wanted). The file is streamed as the pages come. An operation refused
 * or failed before the first row answers JSON with its errors and status (a bad query: 400);
 * once rows are sent, a file that cannot be whole (the budget spent, the row limit, an error)
 * ends with a row that says so, and the trailer `x-export-complete: false`.
 */
export function exportRoutes(deps: RouteDeps): AppRoute[] {
  const maxRows = deps.options.limits.exportMaxRows ?? DEFAULT_EXPORT_MAX_ROWS;
  const handle = (format: Format) => (request: FastifyRequest, reply: FastifyReply) =>
    serveExport(deps, maxRows, format, request, reply);
  return [
    { method: 'POST', url: '/export.csv', door: Door.EXPORT, handler: handle('csv') },
    { method: 'POST', url: '/export.xlsx', door: Door.EXPORT, handler: handle('xlsx') },
  ];
}

async function serveExport(
  deps: RouteDeps,
  maxRows: number,
  format: Format,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { pipeline } = deps;
  const caller = await pipeline.authenticate(request.headers.authorization);
  const entry = logOf(request);
  entry.role = caller.viewer?.role;
  entry.type = 'query';
  let plan: ExportPlan;
  let operationName: string | undefined;
  try {
    pipeline.signedIn(caller);
    const body = bodyOf(request);
    pipeline.trustedDocument(body, caller.viewer);
    const document = pipeline.document(body.query);
    if (!('kind' in document)) return sendErrors(reply, 400, document, deps.log);
    const operation = operationOf(document, body.operationName);
    if (operation.operation !== 'query')
      return sendError(
        reply,
        400,
        'An export runs one query (not a mutation, nor a document without one).',
      );
    operationName = operation.name?.value;
    entry.operation = operationName ?? null;
    const variables = variablesOf(body.variables);
    const found = exportPlan(pipeline.schema, document, operation, variables);
    // Without rows the query still runs once, so that its refusals (roles, cost) come first.
    plan = found ?? { ...NO_ROWS, query: String(body.query), variables };
  } catch (error) {
    if (error instanceof AppError) return sendRefusal(reply, error);
    // A variable of the wrong type where the export reads `first`, `after` or `groupBy`.
    if (error instanceof GraphQLError) return sendErrors(reply, 400, [error], deps.log);
    throw error;
  }

  // The client gone: no more pages are read.
  const gone = new AbortController();
  reply.raw.once('close', () => gone.abort());
  const run = pageRunner(deps, caller, request, plan, operationName, gone.signal);
  const limit = Math.min(plan.wanted ?? Infinity, maxRows);
  const first = await run(plan.startAfter, Math.min(EXPORT_PAGE_SIZE, limit));
  if (first.errors?.length || !first.data) {
    const code = codeOf(first.errors?.[0]) ?? '';
    entry.errors = (first.errors ?? []).map((e) => codeOf(e) ?? 'UNKNOWN');
    const status =
      EXPORT_STATUS[code] ?? (first.status && first.status !== 200 ? first.status : 400);
    if (code === 'RATE_LIMITED') {
      const retry = first.errors?.[0]?.extensions?.retryAfterSeconds;
      if (typeof retry === 'number') reply.header('retry-after', String(retry));
    }
    return reply
      .code(status)
      .header('content-type', 'application/json')
      .header('cache-control', 'no-store')
      .send(JSON.stringify({ errors: first.errors, data: first.data ?? null }));
  }

  if (plan.columns.length === 0)
    return sendError(reply, 400, 'The query holds no list or connection to make rows of.');
  const out = new PassThrough();
  const sheet = operationName ?? 'export';
  const writer: RowWriter =
    format === 'csv'
      ? csvWriter(out, plan.columns, {
          excel: (request.query as { text?: string }).text === 'excel',
        })
      : xlsxWriter(out, plan.columns, sheet);
  const outcome = { complete: true, rows: 0 };
  reply
    .code(200)
    .header(
      'content-type',
      format === 'csv'
        ? 'text/csv; charset=utf-8; header=present'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    .header(
      'content-disposition',
      `attachment; filename="${sheet}-${new Date().toISOString().slice(0, 10)}.${format}"`,
    )
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('x-export-max-rows', String(maxRows))
    .trailer('x-export-complete', async () => String(outcome.complete))
    .trailer('x-export-rows', async () => String(outcome.rows));
  void writeRows(plan, first, run, writer, limit, maxRows, gone.signal, outcome).catch(
    (error: unknown) => {
      deps.log(error);
      out.destroy(error as Error);
    },
  );
  return reply.send(out);
}

/**
 * Writes the rows of the first page and of every page after it until the connection ends, the
 * rows wanted are written, or the client goes; a file cut short (`EXPORT_MAX_ROWS`, a page
 * refused or failed) ends with a notice row saying where and why.
 */
async function writeRows(
  plan: ExportPlan,
  first: Page,
  run: ReturnType<typeof pageRunner>,
  writer: RowWriter,
  limit: number,
  maxRows: number,
  signal: AbortSignal,
  outcome: { complete: boolean; rows: number },
): Promise<void> {
  let page = first;
  for (;;) {
    const { rows, next } = rowsOf(plan, page.data);
    const room = limit - outcome.rows;
    const taken = rows.length > room ? rows.slice(0, room) : rows;
    await writer.rows(taken.map((row) => cellsOf(row, plan.columns)));
    outcome.rows += taken.length;
    const more = rows.length > taken.length || next?.hasNextPage === true;
    if (!more || signal.aborted) break;
    if (outcome.rows >= limit) {
      // The caller's own `first` reached: the file is what was asked for.
      if (outcome.rows < maxRows) break;
      outcome.complete = false;
      await writer.notice(
        `Export cut after ${outcome.rows} rows: EXPORT_MAX_ROWS is ${maxRows} and more rows remain.${resume(next?.endCursor)}`,
      );
      break;
    }
    page = await run(next!.endCursor ?? null, Math.min(EXPORT_PAGE_SIZE, limit - outcome.rows));
    if (signal.aborted) break;
    if (page.errors?.length || !page.data) {
      outcome.complete = false;
      const error = page.errors?.[0];
      const code = codeOf(error) ?? 'INTERNAL_SERVER_ERROR';
      await writer.notice(
        `Export cut after ${outcome.rows} rows: ${code}: ${error?.message ?? 'the next page failed.'}${resume(next?.endCursor)}`,
      );
      break;
    }
  }
  await writer.end();
}

const resume = (cursor: string | null | undefined) =>
  cursor ? ` To go on, export again with after: "${cursor}".` : '';

/** The rows of a page and, for a connection, where the next page starts. */
function rowsOf(
  plan: ExportPlan,
  data: Record<string, unknown> | null | undefined,
): { rows: unknown[]; next: { hasNextPage: boolean; endCursor: string | null } | null } {
  let value: unknown = data;
  for (const key of plan.rowsPath)
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : null;
  if (!plan.rowsKey) return { rows: Array.isArray(value) ? value : [], next: null };
  const connection = (value ?? {}) as Record<string, unknown>;
  const list = Array.isArray(connection[plan.rowsKey])
    ? (connection[plan.rowsKey] as unknown[])
    : [];
  const rows =
    plan.rowsKey === 'nodes'
      ? list
      : list.map((edge) =>
          edge && typeof edge === 'object' ? (edge as { node?: unknown }).node : null,
        );
  const info = connection[PAGE_INFO] as { hasNextPage?: boolean; endCursor?: string | null } | null;
  return {
    rows,
    next: { hasNextPage: info?.hasNextPage === true, endCursor: info?.endCursor ?? null },
  };
}

/**
 * Runs one page of the export as `/graphql` runs an operation (Apollo: validation, the
 * pipeline's roles, input, cost and budget, compiled execution), on a context of its own, so
 * nothing of a page is kept once it is written.
 */
function pageRunner(
  deps: RouteDeps,
  caller: Caller,
  request: FastifyRequest,
  plan: ExportPlan,
  operationName: string | undefined,
  signal: AbortSignal,
) {
  const target = deps.routing?.hasReplicas
    ? deps.routing.forRead(null)
    : { name: 'primary', orm: deps.orm, replica: false };
  return async function runPage(after: string | null, size: number): Promise<Page> {
    const ctx = requestContext(deps, caller.viewer, {
      orm: target.orm,
      primary: target.replica ? deps.orm : undefined,
      requestId: String(request.id),
      signal,
    });
    const info = {
      caller,
      retry: false,
      operation: null,
      type: 'query',
      replicaFailure: null,
      replicaBehind: false,
      errorCodes: [],
    };
    const variables = plan.paged
      ? { ...plan.variables, [PAGE_SIZE]: size, [PAGE_AFTER]: after }
      : plan.variables;
    const response = await deps.apollo.executeOperation(
      { query: plan.query, variables, operationName },
      { contextValue: withInfo(ctx, info) },
    );
    if (response.body.kind !== 'single') throw new Error('An export runs no incremental delivery.');
    const { data, errors } = response.body.singleResult;
    return {
      data: data,
      errors: errors,
      status: response.http.status,
    };
  };
}

function bodyOf(request: FastifyRequest): OperationBody {
  const body = request.body;
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new AppError(ErrorCode.BAD_REQUEST, 'Send the operation as a JSON object.', {
      http: { status: 400 },
    });
  return body;
}

function sendErrors(
  reply: FastifyReply,
  status: number,
  errors: readonly GraphQLError[],
  log: RouteDeps['log'],
): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json')
    .header('cache-control', 'no-store')
    .send(JSON.stringify({ errors: errors.map((e) => formatError(e.toJSON(), e, log)) }));
}

/** The code of an answer's error. */
function codeOf(error: { extensions?: Record<string, unknown> } | undefined): string | undefined {
  const code = error?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
