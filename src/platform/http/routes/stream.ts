import {
  createSourceEventStream,
  execute,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type OperationDefinitionNode,
} from 'graphql';
import {
  createHandler,
  type Handler,
  type OperationArgs,
  type OperationResult,
  type Request,
  type RequestParams,
  type Response,
} from 'graphql-sse';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../graphql/context';
import { AppError, ErrorCode, formatError } from '../../../shared/errors';
import { Door, operationOf, statusOf, variablesOf, type Caller } from '../pipeline';
import { requestContext, type AppRoute, type RouteDeps } from './route';

/** The request context, as graphql-sse types an operation's context. */
type StreamContext = Context & Record<PropertyKey, unknown>;

/** Streams one caller, and one process, may hold open at once. */
const STREAMS_PER_CALLER = 10;
const STREAMS_PER_PROCESS = 1_000;

/** What a stream was admitted with, to charge each of its events. */
interface Admitted {
  readonly caller: Caller;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly variables: Record<string, unknown>;
  readonly gone: AbortController;
}

/** How many items an event carries (the employees it will resolve), for its cost. */
export type EventSize = (event: unknown) => number;

type Refusal = [string, { status: number; statusText: string; headers: Record<string, string> }];

/** A request as graphql-sse hands it over: Fastify's, with the reply to write the stream to. */
type StreamRequest = Request<FastifyRequest, { reply: FastifyReply }>;
type StreamHandler = Handler<FastifyRequest, { reply: FastifyReply }>;
type Log = RouteDeps['log'];

/**
 * GraphQL subscriptions over Server-Sent Events (`graphql-sse`, "distinct connections" mode)
 * at `/graphql/stream`, through the pipeline twice: when a subscription starts (token, trusted
 * documents, validation, roles, input, cost, budget — refused as `/graphql` refuses, with the
 * same codes and the validation errors' locations), and each time an event is executed for it
 * (charged to the subscriber's budget by the event's real size; past the budget the stream
 * says RATE_LIMITED and ends). Streams end with `complete` when the server stops.
 */
export function streamRoutes(deps: RouteDeps, eventSize: EventSize): AppRoute[] {
  const { pipeline, log } = deps;
  const streams = new OpenStreams();
  const handler = createHandler<FastifyRequest, { reply: FastifyReply }, StreamContext>({
    schema: pipeline.schema,
    // Every request its own stream: the token rides on each.
    authenticate: () => null,
    subscribe: chargedSubscribe(deps, streams, eventSize) as never,
    onSubscribe: (req, params) => startStream(deps, streams, req, params),
    onNext: (_ctx, _req, result) => {
      if (!('errors' in result) || !result.errors) return result;
      return {
        ...result,
        errors: result.errors.map((e) => ('toJSON' in e ? formatError(e.toJSON(), e, log) : e)),
      } as never;
    },
    onComplete: (ctx) => streams.complete(ctx),
  });
  const handle = (request: FastifyRequest, reply: FastifyReply) =>
    serveStream(handler, request, reply);
  return [
    { method: 'POST', url: '/graphql/stream', door: Door.STREAM, handler: handle },
    { method: 'GET', url: '/graphql/stream', door: Door.STREAM, handler: handle },
  ];
}

/** The streams open now: how many per caller and in all, and what each was admitted with. */
class OpenStreams {
  private readonly perCaller = new Map<string, number>();
  private total = 0;
  private readonly admitted = new WeakMap<object, Admitted>();

  /** Whether the caller, or the process, holds as many streams as it may. */
  full(key: string): boolean {
    return (
      (this.perCaller.get(key) ?? 0) >= STREAMS_PER_CALLER || this.total >= STREAMS_PER_PROCESS
    );
  }

  /** Counts a stream of the caller as open. */
  opened(key: string): void {
    this.perCaller.set(key, (this.perCaller.get(key) ?? 0) + 1);
    this.total++;
  }

  /** Remembers what the stream of this context was admitted with. */
  admit(contextValue: object, stream: Admitted): void {
    this.admitted.set(contextValue, stream);
  }

  of(contextValue: object): Admitted | undefined {
    return this.admitted.get(contextValue);
  }

  /** The stream of this context ended: its client is let go and it no longer counts. */
  complete(contextValue: object): void {
    const stream = this.admitted.get(contextValue);
    if (!stream) return;
    this.admitted.delete(contextValue);
    stream.gone.abort();
    this.total--;
    const key = stream.caller.key;
    const left = (this.perCaller.get(key) ?? 1) - 1;
    if (left > 0) this.perCaller.set(key, left);
    else this.perCaller.delete(key);
  }
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

/** graphql-js's `subscribe`, with each event charged before it is executed. */
function chargedSubscribe(deps: RouteDeps, streams: OpenStreams, eventSize: EventSize) {
  const { pipeline, log } = deps;
  return async function subscribe(args: ExecutionArgs): Promise<OperationResult> {
    const source = await createSourceEventStream(args);
    const stream = streams.of(args.contextValue as object);
    if (!(Symbol.asyncIterator in source) || !stream) return source as ExecutionResult;
    const events = source as AsyncGenerator<unknown>;
    return (async function* charged(): AsyncGenerator<ExecutionResult> {
      try {
        for await (const event of events) {
          try {
            await pipeline.chargeEvent(
              stream.caller,
              stream.document,
              stream.operation,
              stream.variables,
              eventSize(event),
            );
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            yield { errors: [formatError(error.toJSON(), error, log)] } as never;
            return;
          }
          yield await execute({ ...args, rootValue: event });
        }
      } finally {
        await events.return?.(undefined);
      }
    })();
  };
}

/**
 * A subscription starting: through the pipeline (refused as `/graphql` refuses), within the
 * caller's and the process's number of streams; then counted, tied to its client's connection
 * and to the server's stop, and given its request context.
 */
async function startStream(
  deps: RouteDeps,
  streams: OpenStreams,
  req: StreamRequest,
  params: RequestParams,
): Promise<Response | OperationArgs<StreamContext>> {
  const request = req.raw;
  const caller = await deps.pipeline.authenticate(request.headers.authorization);
  let stream: Omit<Admitted, 'gone'>;
  try {
    const admitted = await admitSubscription(deps.pipeline, caller, request, params);
    if (!('operation' in admitted)) return refusal(admitted, deps.log);
    if (streams.full(caller.key))
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `At most ${STREAMS_PER_CALLER} open subscriptions a caller.`,
      );
    stream = admitted;
  } catch (error) {
    if (error instanceof AppError) return refusal(error, deps.log);
    throw error;
  }
  streams.opened(caller.key);
  // The stream ends when its client goes, or when the server stops.
  const gone = new AbortController();
  deps.streams.add(gone);
  req.context.reply.raw.once('close', () => gone.abort());
  gone.signal.addEventListener('abort', () => deps.streams.delete(gone), { once: true });
  const contextValue = requestContext(deps, caller.viewer, {
    requestId: String(request.id),
    signal: gone.signal,
  });
  streams.admit(contextValue, { ...stream, gone });
  return {
    schema: deps.pipeline.schema,
    document: stream.document,
    operationName: params.operationName,
    variableValues: stream.variables,
    contextValue: contextValue as StreamContext,
  };
}

/**
 * The pipeline's steps for a subscription as it starts: signed in, trusted documents, the
 * document valid (else its errors), a subscription, its variables, then admitted (roles, input,
 * cost, budget). Throws the `AppError` of a refusal.
 */
async function admitSubscription(
  pipeline: RouteDeps['pipeline'],
  caller: Caller,
  request: FastifyRequest,
  params: RequestParams,
): Promise<Omit<Admitted, 'gone'> | readonly GraphQLError[]> {
  const viewer = pipeline.signedIn(caller);
  const body = {
    ...params,
    documentId: (request.body as { documentId?: unknown })?.documentId,
  };
  pipeline.trustedDocument(body, viewer);
  const document = pipeline.document(body.query);
  if (!('kind' in document)) return document;
  const operation = operationOf(document, params.operationName);
  if (operation.operation !== 'subscription')
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      'This endpoint runs subscriptions; send queries and mutations to /graphql.',
    );
  const variables = variablesOf(params.variables);
  await pipeline.admit(caller, document, operation, variables);
  return { caller, document, operation, variables };
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
