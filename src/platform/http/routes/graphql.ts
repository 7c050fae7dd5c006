import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../graphql/context';
import type { ReadTarget } from '../../db/read-routing';
import { AppError } from '../../../shared/errors';
import { withStatementCounter } from '../../db/sql-stats';
import { withInfo, type RequestInfo } from '../apollo';
import { operationKind } from '../../graphql/operation-kind';
import { Door, type OperationBody } from '../pipeline';
import { sendExplorer } from './console';
import {
  headerText,
  logOf,
  requestContext,
  sendRefusal,
  type AppRoute,
  type RouteDeps,
} from './route';
import { preferredLanguage } from '../../../domain/language';
import { hotPath, type HotPath } from './graphql-hot';

/** The integration's route handler, called once per run of a request (a retry runs it again). */
type ApolloRoute = (
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<string>;

/** One run of a request on a database: where it reads, and what the run learns. */
interface Run {
  readonly target: ReadTarget;
  readonly info: RequestInfo;
}

/** What one GraphQL request answered: the body Apollo made (its status is on the reply). */
export type Answered = { readonly body: string } | undefined;

/**
 * Runs GraphQL requests as every door that runs a query or a mutation does: the token
 * (authentication), trusted documents, then Apollo (document limits, validation, and the
 * pipeline's later steps in its plugin) on the database the request reads from; a read on a
 * replica that fails under it is answered again elsewhere; after a write, the position the
 * caller's next reads must see.
 */
export function graphqlRunner(deps: RouteDeps) {
  const { orm, options, pipeline, routing, metrics } = deps;
  const runs = new WeakMap<FastifyRequest, Run>();
  // The context of a run of a request, on the database it reads from.
  const contextOf = (request: FastifyRequest, info: RequestInfo): Context => {
    const { target } = runs.get(request)!;
    const ctx = requestContext(deps, info.caller.viewer, {
      orm: target.orm,
      primary: target.replica ? orm : undefined,
      readsSee: routing && target.replica ? (lsn) => routing.waitFor(target, lsn) : undefined,
      requestId: String(request.id),
      language: preferredLanguage(request.headers['accept-language']),
    });
    return withInfo(ctx, info);
  };
  const handler = fastifyApolloHandler<Context>(deps.apollo, {
    context: async (request) => {
      const { info } = runs.get(request)!;
      if (info.caller.error) throw info.caller.error;
      return contextOf(request, info);
    },
  });
  const hot: HotPath = options.hotPath === false ? () => undefined : hotPath(deps, contextOf);
  const primary: ReadTarget = { name: 'primary', orm, replica: false };

  return async function runOperation(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<Answered> {
    const entry = logOf(request);
    const caller = await pipeline.authenticate(request.headers.authorization);
    entry.role = caller.viewer?.role;
    const body = bodyOf(request);
    try {
      if (body) pipeline.trustedDocument(body, caller.viewer);
      else if (request.method === 'GET')
        pipeline.trustedDocument(
          { query: (request.query as Record<string, unknown>).query },
          caller.viewer,
        );
    } catch (error) {
      if (error instanceof AppError) {
        sendRefusal(reply, error);
        return undefined;
      }
      throw error;
    }
    // With replicas, a query reads from one that has the caller's own writes; the rest, primary.
    const search = request.query as Record<string, unknown>;
    const kind = routing?.hasReplicas
      ? operationKind(
          body?.query ?? search.query,
          body?.operationName ?? search.operationName,
          options.limits.maxTokens,
        )
      : null;
    const mustSee =
      routing && kind === 'query'
        ? routing.mustSee(
            caller.viewer ? caller.key : null,
            headerText(request.headers['x-min-lsn']),
          )
        : null;
    // Counting statements tracks every promise of the request: only when the count is shown.
    const count =
      options.exposeStatementCount === true ||
      (options.exposeStatementCount === 'on-request' && !!request.headers['x-count-statements']);
    let target = routing && kind === 'query' ? routing.forRead(mustSee) : primary;
    let answer: string;
    let info: RequestInfo;
    for (let attempt = 0; ; attempt++) {
      info = {
        caller,
        retry: attempt > 0,
        operation: null,
        type: kind ?? 'unknown',
        replicaFailure: null,
        replicaBehind: false,
        errorCodes: [],
      };
      runs.set(request, { target, info });
      const execute = () =>
        hot(request, reply, info) ??
        (handler as unknown as ApolloRoute).call(request.server, request, reply);
      answer = count ? await withStatementCounter(execute) : await execute();
      // A replica that failed under the request: answer it again elsewhere (reads only).
      if (!routing || !target.replica || !info.replicaFailure || attempt >= 2) break;
      if (!info.replicaBehind) routing.markDown(target.name, info.replicaFailure);
      metrics.retried(target.name);
      target = info.replicaBehind ? primary : routing.forRead(mustSee);
    }
    Object.assign(entry, {
      operation: info.operation,
      type: info.type,
      database: target.name,
      errors: info.errorCodes.length > 0 ? info.errorCodes : undefined,
    });
    // After a write: where the primary's log stands, so the caller's next reads see the write.
    if (routing?.hasReplicas && kind === 'mutation') {
      const lsn = await routing.recordWrite(caller.viewer ? caller.key : null).catch(() => null);
      if (lsn) reply.header('x-commit-lsn', lsn);
    }
    return { body: answer };
  };
}

/** `POST` and `GET /graphql` (a browser's GET without a query gets the explorer). */
export function graphqlRoutes(
  deps: RouteDeps,
  runOperation: ReturnType<typeof graphqlRunner>,
): AppRoute[] {
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    if (wantsHtml(request)) return sendExplorer(reply, deps.options);
    const answered = await runOperation(request, reply);
    if (!answered) return reply;
    if (deps.stopping()) reply.header('connection', 'close');
    return reply.send(answered.body);
  };
  return [
    { method: 'POST', url: '/graphql', door: Door.GRAPHQL, handler: handle },
    { method: 'GET', url: '/graphql', door: Door.GRAPHQL, handler: handle },
  ];
}

/** The body of a POST as an object (Fastify's JSON parser read it), or undefined. */
function bodyOf(request: FastifyRequest): OperationBody | undefined {
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? body : undefined;
}

function wantsHtml(request: FastifyRequest): boolean {
  return (
    request.method === 'GET' &&
    !(request.query as Record<string, unknown>).query &&
    (request.headers.accept ?? '').includes('text/html')
  );
}
