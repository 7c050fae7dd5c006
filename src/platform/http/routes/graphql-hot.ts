import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { Context } from '../../graphql/context';
import type { Compiled } from '../../graphql/compiled-execution';
import { AppError, formatError } from '../../../shared/errors';
import { statementCount } from '../../db/sql-stats';
import { noteReplicaFailures, statusHere, type RequestInfo } from '../apollo';
import type { Admission } from '../pipeline';
import type { RouteDeps } from './route';

/**
 * The hot path of `POST /graphql`. A query whose document Apollo Server has already parsed,
 * validated and run compiled (`CompiledExecution.hot`), sent again as the same text, goes
 * through the pipeline's steps after validation as every operation does (the group rule, the
 * checks of its input, its cost, the caller's budget) and then straight to its compiled code,
 * without Apollo's request pipeline working out again what it already knows of the document
 * (its hash, the cached parse and validation, the plugins' hooks, the HTTP head). The answer is
 * Apollo's own: the same body, status and headers, errors shaped by the same `formatError`
 * (`test/integration/hot-path.test.ts` holds the two to each other).
 *
 * Anything else goes to Apollo: a first or second sight of a document, mutations and
 * subscriptions, a GET, an `Accept` that asks for another type, `extensions` in the body,
 * variables graphql-js refuses (Apollo then answers 400 with its words), a token refused.
 */
export function hotPath(
  deps: RouteDeps,
  contextOf: (request: FastifyRequest, info: RequestInfo) => Context,
): HotPath {
  const { pipeline, compiled } = deps;
  const countStatements = deps.options.exposeStatementCount !== false;
  const shape = (errors: readonly GraphQLError[]) => formatErrors(errors, deps.log);

  return (request, reply, info) => {
    if (request.method !== 'POST' || info.caller.error) return undefined;
    const body = request.body as HotBody | undefined;
    if (!isPlainBody(body) || !acceptsJson(request.headers.accept)) return undefined;
    const operation = compiled.hot(body.query, body.operationName ?? undefined);
    if (!operation || operation.operation.operation !== 'query') return undefined;
    const variables = body.variables ?? {};
    if (compiled.variablesRefused(operation, variables)) return undefined;
    return run(request, reply, info, operation, variables);
  };

  async function run(
    request: FastifyRequest,
    reply: FastifyReply,
    info: RequestInfo,
    operation: Compiled,
    variables: Record<string, unknown>,
  ): Promise<string> {
    info.operation = operation.operation.name?.value ?? null;
    info.type = 'query';
    const context = contextOf(request, info);
    let admission: Admission;
    try {
      admission = await pipeline.admit(
        info.caller,
        operation.document,
        operation.operation,
        variables,
        { retry: info.retry },
      );
    } catch (error) {
      // As Apollo answers a refusal of its `didResolveOperation` hook (the pipeline's plugin).
      if (error instanceof AppError) error.extensions.http ??= { status: statusHere(error) };
      const refusal = asGraphQLError(error);
      noteReplicaFailures(info, [refusal]);
      return answer(reply, info, context, shape([refusal]), undefined, undefined, 500);
    }
    let result: ExecutionResult;
    try {
      result = await compiled.runChecked(operation, context, variables);
    } catch (error) {
      const failure = asGraphQLError(error);
      noteReplicaFailures(info, [failure]);
      return answer(reply, info, context, shape([failure]), undefined, admission, 500);
    }
    if (!result.errors) return answer(reply, info, context, undefined, result, admission);
    noteReplicaFailures(info, result.errors);
    return answer(reply, info, context, shape(result.errors), result, admission);
  }

  /** Writes the head and body as Apollo's Fastify integration would, and the request's info. */
  function answer(
    reply: FastifyReply,
    info: RequestInfo,
    context: Context,
    formatted: Formatted | undefined,
    result: ExecutionResult | undefined,
    admission: Admission | undefined,
    statusWithout = 200,
  ): string {
    if (formatted) {
      for (const [name, value] of formatted.headers) void reply.header(name, value);
      info.errorCodes = formatted.errors.map((e) => String(e.extensions?.code));
    }
    void reply.header('content-type', 'application/json; charset=utf-8');
    void reply.code(formatted?.status ?? statusWithout);
    // The extensions in the order Apollo's plugins add them: cost, the resolvers', statements.
    let extensions: Record<string, unknown> | undefined = result?.extensions;
    const cost = admission?.cost;
    if (cost && cost.requested > 0) extensions = { ...extensions, cost };
    if (Object.keys(context.extensions).length > 0)
      extensions = { ...extensions, ...context.extensions };
    const statements = countStatements ? statementCount() : undefined;
    if (statements !== undefined) extensions = { ...extensions, sqlStatements: statements };
    return `${JSON.stringify({ errors: formatted?.errors, data: result?.data, extensions })}\n`;
  }
}

/**
 * Runs a request on the hot path, answering its body, or undefined when it is not one for it
 * (Apollo then runs it).
 */
export type HotPath = (
  request: FastifyRequest,
  reply: FastifyReply,
  info: RequestInfo,
) => Promise<string> | undefined;

interface HotBody {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** A body Apollo would read as it stands: no `extensions`, fields of the types it expects. */
function isPlainBody(body: unknown): body is HotBody {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  return (
    typeof query === 'string' &&
    (operationName === undefined || operationName === null || typeof operationName === 'string') &&
    (variables === undefined ||
      variables === null ||
      (typeof variables === 'object' && !Array.isArray(variables))) &&
    extensions === undefined
  );
}

/**
 * An `Accept` for which Apollo answers `application/json`: none, or one that names it or any
 * type, and not the GraphQL response type (which Apollo would prefer) nor multipart.
 */
function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept === '*/*' || accept === 'application/json') return true;
  return (
    (accept.includes('application/json') || accept.includes('*/*')) &&
    !accept.includes('graphql-response') &&
    !accept.includes('multipart')
  );
}

interface Formatted {
  readonly errors: GraphQLFormattedError[];
  readonly status: number | undefined;
  readonly headers: [string, string][];
}

/**
 * Errors as Apollo Server shapes them: a code on each (INTERNAL_SERVER_ERROR if none), the
 * HTTP status and headers an error asks for taken out of its extensions (the last one's status
 * wins), then the server's `formatError`.
 */
function formatErrors(errors: readonly GraphQLError[], log: (error: unknown) => void): Formatted {
  let status: number | undefined;
  const headers: [string, string][] = [];
  const shaped = errors.map((error) => {
    const extensions: Record<string, unknown> = {
      ...error.extensions,
      code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR',
    };
    const http = extensions.http as { status?: unknown; headers?: unknown } | undefined;
    if (
      http &&
      typeof http === 'object' &&
      (http.status === undefined || typeof http.status === 'number') &&
      (http.headers === undefined || http.headers instanceof Map)
    ) {
      if (http.status) status = http.status;
      if (http.headers) headers.push(...(http.headers as Map<string, string>));
      delete extensions.http;
    }
    const formatted = { ...error.toJSON(), extensions };
    try {
      return formatError(formatted, error, log);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  });
  return { errors: shaped, status, headers };
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const cause =
    error instanceof Error ? error : new Error(`Unexpected error value: ${String(error)}`);
  return new GraphQLError(cause.message, { originalError: cause });
}
