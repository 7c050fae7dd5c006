import type { GraphQLError } from 'graphql';
import {
  createHandler,
  type Handler,
  type OperationArgs,
  type RequestParams,
  type Request,
  type Response,
} from 'graphql-sse';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../graphql/context';
import { AppError, formatError } from '../../../shared/errors';
import { Door, statusOf } from '../pipeline';
import type { AppRoute, RouteDeps } from './route';
import type { Subscriptions } from './subscriptions';
import { preferredLanguage } from '../../../domain/language';

/** The request context, as graphql-sse types an operation's context. */
type StreamContext = Context & Record<PropertyKey, unknown>;

type Refusal = [string, { status: number; statusText: string; headers: Record<string, string> }];

/** A request as graphql-sse hands it over: Fastify's, with the reply to write the stream to. */
type StreamRequest = Request<FastifyRequest, { reply: FastifyReply }>;
type StreamHandler = Handler<FastifyRequest, { reply: FastifyReply }>;
type Log = RouteDeps['log'];

/**
 * GraphQL subscriptions over Server-Sent Events (`graphql-sse`, "distinct connections" mode)
 * at `/graphql/stream`, through the pipeline twice (`Subscriptions`): when a subscription starts
 * (refused as `/graphql` refuses, with the same codes and the validation errors' locations), and
 * each time an event is executed for it (charged to the subscriber's budget by the event's real
 * size; past the budget the stream says RATE_LIMITED and ends). Streams end with `complete`
 * when the server stops.
 */
export function streamRoutes(deps: RouteDeps, subscriptions: Subscriptions): AppRoute[] {
  const { log } = deps;
  const handler = createHandler<FastifyRequest, { reply: FastifyReply }, StreamContext>({
    schema: deps.pipeline.schema,
    // Every request its own stream: the token rides on each.
    authenticate: () => null,
    subscribe: subscriptions.subscribe as never,
    onSubscribe: (req, params) => startStream(deps, subscriptions, req, params),
    onNext: (_ctx, _req, result) => {
      if (!('errors' in result) || !result.errors) return result;
      return {
        ...result,
        errors: result.errors.map((e) => ('toJSON' in e ? formatError(e.toJSON(), e, log) : e)),
      } as never;
    },
    onComplete: (ctx) => subscriptions.complete(ctx),
  });
  const handle = (request: FastifyRequest, reply: FastifyReply) =>
    serveStream(handler, request, reply);
  return [
    { method: 'POST', url: '/graphql/stream', door: Door.STREAM, handler: handle },
    { method: 'GET', url: '/graphql/stream', door: Door.STREAM, handler: handle },
  ];
}

/** A refusal of the pipeline as graphql-sse sends it: the errors, with the status and headers. */
function refusal(error: AppError | readonly GraphQLError[], log: Log): Refusal {
  const errors: readonly GraphQLError[] = error instanceof AppError ? [error] : error;
  const status = error instanceof AppError ? statusOf(error) : 400;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const retryAfter = errors[0].extensions.retryAfterSeconds;
  if (typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
  return [
    JSON.stringify({ errors: errors.map((e) => formatError(e.toJSON(), e, log)) }),
    { status, statusText: String(errors[0].extensions.code), headers },
  ];
}

/**
 * A subscription starting: admitted through the pipeline (refused as `/graphql` refuses), then
 * opened (within the caller's and the process's number of streams) and tied to its client's
 * connection.
 */
async function startStream(
  deps: RouteDeps,
  subscriptions: Subscriptions,
  req: StreamRequest,
  params: RequestParams,
): Promise<Response | OperationArgs<StreamContext>> {
  const request = req.raw;
  const caller = await deps.pipeline.authenticate(request.headers.authorization);
  try {
    const admitted = await subscriptions.admit(caller, {
      ...params,
      documentId: (request.body as { documentId?: unknown })?.documentId,
    });
    if (!('operation' in admitted)) return refusal(admitted, deps.log);
    const stream = subscriptions.open(
      admitted,
      String(request.id),
      preferredLanguage(request.headers['accept-language']),
    );
    // The stream ends when its client goes, or when the server stops.
    req.context.reply.raw.once('close', () => stream.end());
    return {
      schema: deps.pipeline.schema,
      document: admitted.document,
      operationName: params.operationName,
      variableValues: admitted.variables,
      contextValue: stream.contextValue as StreamContext,
    };
  } catch (error) {
    if (error instanceof AppError) return refusal(error, deps.log);
    throw error;
  }
}

/** Answers through graphql-sse: a refusal or a single result as a reply, an event stream straight to the socket. */
async function serveStream(
  handler: StreamHandler,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const [body, init] = await handler({
    method: request.method,
    url: request.url,
    headers: {
      get: (key: string) => {
        const value = request.headers[key];
        return Array.isArray(value) ? value.join('\n') : value;
      },
    },
    body: (request.body ?? null) as never,
    raw: request,
    context: { reply },
  });
  if (!body || typeof body === 'string') {
    return reply
      .code(init.status ?? 200)
      .headers(init.headers ?? {})
      .send(body ?? '');
  }
  // An event stream: written straight to the socket, event by event.
  reply.hijack();
  const res = reply.raw;
  res.writeHead(init.status ?? 200, init.statusText, {
    ...(init.headers as Record<string, string>),
    'x-request-id': String(request.id),
  });
  const stop = () => void body.return(undefined);
  res.once('close', stop);
  for await (const chunk of body) {
    if (!res.writable) break;
    res.write(chunk);
  }
  res.end();
  return reply;
}
