import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import {
  CloseCode,
  makeServer,
  type Server,
  type ConnectionInitMessage,
  type SubscribePayload,
} from 'graphql-ws';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { AppError, ErrorCode, formatError } from '../../../shared/errors';
import { Door, type Caller } from '../pipeline';
import { sendError, type AppRoute, type RouteDeps } from './route';
import type { OpenStream, Subscriptions } from './subscriptions';
import { preferredLanguage } from '../../../domain/language';

/** The largest message a client may send over the socket (a subscription and its variables). */
export const MAX_SOCKET_MESSAGE_BYTES = 1024 * 1024;
/** Sockets one process holds open at once (signed in or not yet). */
export const SOCKETS_PER_PROCESS = 2_000;
/** How long a socket may stay open without `connection_init`. */
const INIT_WAIT_MS = 5_000;
/** How often the server pings a socket (one that misses a pong in that time is dropped). */
const KEEP_ALIVE_MS = 12_000;

/**
 * What the server keeps of one socket: its request (as graphql-ws hands them over), its caller
 * once signed in, its open streams by subscription id.
 */
type SocketExtra = {
  readonly socket: WebSocket;
  readonly request: FastifyRequest;
  caller?: Caller;
  streams?: Map<string, OpenStream>;
};

/**
 * GraphQL subscriptions over WebSocket (`graphql-ws` protocol) at `/graphql/ws`, beside SSE and
 * through the same `Subscriptions` (the pipeline, the numbers of streams, the charged events).
 *
 * The token comes in `connection_init` (`connectionParams: { authorization: "Bearer …" }`, as a
 * browser cannot set headers on a WebSocket) or the upgrade request's `Authorization` header; a
 * missing or bad one closes the socket with 4401 and the reason, before any subscription is
 * read. Each subscription is admitted as `/graphql/stream` admits one: a refusal is an `error`
 * message with the same codes; a query or a mutation is refused (send them to `/graphql`).
 * A message over 1 MiB closes the socket (1009); the server stopping closes every socket with
 * 1001 after its streams complete.
 */
export function socketRoutes(deps: RouteDeps, subscriptions: Subscriptions): AppRoute[] {
  let sockets = 0;
  const { log } = deps;
  const server = makeServer<Record<string, unknown> | undefined, SocketExtra>({
    schema: deps.pipeline.schema,
    connectionInitWaitTimeout: INIT_WAIT_MS,
    subscribe: subscriptions.subscribe as never,
    onConnect: (ctx) => signIn(deps, ctx.extra, ctx.connectionParams),
    onSubscribe: (ctx, id, payload) => start(deps, subscriptions, ctx.extra, id, payload),
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors
        ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, log)) }
        : undefined,
    onError: (_ctx, _id, _payload, errors) => formatted(errors, log),
    onComplete: (ctx, id) => {
      ctx.extra.streams?.get(id)?.end();
      ctx.extra.streams?.delete(id);
    },
    // Whatever ended the socket, none of its streams counts any longer.
    onClose: (ctx) => {
      for (const stream of ctx.extra.streams?.values() ?? []) stream.end();
      ctx.extra.streams?.clear();
    },
  });
  const accept = (socket: WebSocket, request: FastifyRequest): void => {
    if (deps.stopping() || sockets >= SOCKETS_PER_PROCESS) {
      socket.close(1013, 'Try again later');
      return;
    }
    sockets++;
    socket.once('close', () => sockets--);
    serveSocket(server, socket, request, log);
  };
  return [
    {
      method: 'GET',
      url: '/graphql/ws',
      door: Door.SOCKET,
      websocket: accept,
      handler: async (_request: FastifyRequest, reply: FastifyReply) =>
        sendError(
          reply.header('upgrade', 'websocket'),
          426,
          'This endpoint speaks the graphql-ws protocol over WebSocket (subprotocol "graphql-transport-ws"); for Server-Sent Events use /graphql/stream.',
        ),
    },
  ];
}

/**
 * One socket served by graphql-ws: its messages in, its answers out, kept alive by pings (a
 * socket that misses a pong is dropped). A client's fault (a message over the limit, a broken
 * frame) closes its socket with the code `ws` chose and is no error of the server; an error of
 * the server's own handling is logged and closes the socket with 1011.
 */
function serveSocket(
  server: Server<SocketExtra>,
  socket: WebSocket,
  request: FastifyRequest,
  log: RouteDeps['log'],
): void {
  socket.on('error', () => socket.terminate());
  const alive = setInterval(() => {
    if (socket.readyState !== socket.OPEN) return;
    const missed = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
    socket.once('pong', () => clearTimeout(missed));
    socket.ping();
  }, KEEP_ALIVE_MS);
  const closed = server.opened(
    {
      protocol: socket.protocol,
      send: (data) =>
        new Promise<void>((resolve, reject) => {
          if (socket.readyState !== socket.OPEN) return resolve();
          socket.send(data, (error) => (error ? reject(error) : resolve()));
        }),
      close: (code, reason) => socket.close(code, reason),
      onMessage: (handle) =>
        socket.on('message', (data: Buffer) => {
          handle(data.toString('utf8')).catch((error: unknown) => {
            log(error);
            socket.close(CloseCode.InternalServerError, 'Internal server error');
          });
        }),
    },
    { socket, request },
  );
  socket.once('close', (code, reason) => {
    clearInterval(alive);
    void closed(code, reason.toString('utf8'));
  });
}

/**
 * `connection_init`: the caller's token, from its parameters or the upgrade request. A socket
 * without a valid one is closed with 4401 and why (no subscription of it is read).
 */
async function signIn(
  deps: RouteDeps,
  extra: SocketExtra,
  params: ConnectionInitMessage['payload'],
): Promise<boolean> {
  const given = params?.authorization ?? params?.Authorization;
  const header =
    typeof given === 'string' ? given : headerValue(extra.request.headers.authorization);
  const caller = await deps.pipeline.authenticate(header);
  try {
    deps.pipeline.signedIn(caller);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    extra.socket.close(CloseCode.Unauthorized, closeReason(`UNAUTHENTICATED: ${error.message}`));
    return false;
  }
  extra.caller = caller;
  return true;
}

/** A subscription message: admitted and opened, or refused with the pipeline's errors. */
async function start(
  deps: RouteDeps,
  subscriptions: Subscriptions,
  extra: SocketExtra,
  id: string,
  payload: SubscribePayload,
) {
  const caller = extra.caller!;
  try {
    const admitted = await subscriptions.admit(caller, {
      query: payload.query,
      variables: payload.variables,
      operationName: payload.operationName,
      documentId: (payload.extensions as { documentId?: unknown } | undefined)?.documentId,
    });
    if (!('operation' in admitted)) return admitted;
    if (extra.socket.readyState !== extra.socket.OPEN) return [gone()];
    const stream = subscriptions.open(
      admitted,
      `${String(extra.request.id)}:${id.slice(0, 64)}`,
      preferredLanguage(extra.request.headers['accept-language']),
    );
    (extra.streams ??= new Map()).set(id, stream);
    return {
      schema: deps.pipeline.schema,
      document: admitted.document,
      operationName: payload.operationName,
      variableValues: admitted.variables,
      contextValue: stream.contextValue,
    };
  } catch (error) {
    if (error instanceof AppError) return [error] as readonly GraphQLError[];
    throw error;
  }
}

const gone = () => new AppError(ErrorCode.BAD_REQUEST, 'The socket closed.');

/** Errors as every door sends them: public codes kept, internals never. */
function formatted(
  errors: readonly GraphQLError[],
  log: RouteDeps['log'],
): readonly GraphQLFormattedError[] {
  return errors.map((e) => {
    const { http: _http, ...extensions } = (e.extensions ?? {}) as Record<string, unknown>;
    return formatError({ ...e.toJSON(), extensions }, e, log);
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A close reason within WebSocket's 123 bytes. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -2);
  return reason;
}
