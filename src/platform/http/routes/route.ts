import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { WebSocket } from 'ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ApolloServer } from '@apollo/server';
import type { CompiledExecution } from '../../graphql/compiled-execution';
import type { Context, ContextFactory, ContextSettings } from '../../graphql/context';
import type { Viewer } from '../../auth/auth.types';
import type { ReadRouting } from '../../db/read-routing';
import type { ServerMetrics } from '../metrics';
import { statusOf, type Door, type RequestPipeline } from '../pipeline';
import type { AppError } from '../../../shared/errors';
import type { ServerOptions } from '../options';

/**
 * A route of the server. A route that runs an operation or reads a caller's data is a `door`
 * of the request pipeline; any other says why it needs none (`open`: health and metrics, the
 * console's and explorer's files). The server refuses to register a route that is neither.
 */
export interface AppRoute {
  readonly method: HTTPMethods | HTTPMethods[];
  readonly url: string;
  readonly door?: Door;
  readonly open?: 'ops' | 'static';
  /** The body is the request's stream, read by the route itself (up to its own limit). */
  readonly rawBody?: true;
  readonly handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** A WebSocket route: the socket once upgraded (`handler` answers a plain request). */
  readonly websocket?: (this: FastifyInstance, socket: WebSocket, request: FastifyRequest) => void;
}

/** What the routes are built from: one server's parts, made once by `createServer`. */
export interface RouteDeps {
  readonly orm: MikroORM;
  readonly options: ServerOptions;
  /** The application's context of a request. */
  readonly createContext: ContextFactory;
  readonly pipeline: RequestPipeline;
  readonly apollo: ApolloServer<Context>;
  /** The compiled path Apollo executes with, and its documents for the hot path. */
  readonly compiled: CompiledExecution;
  readonly metrics: ServerMetrics;
  readonly routing?: ReadRouting;
  readonly log: (error: unknown) => void;
  /** True once the server has begun to stop. */
  readonly stopping: () => boolean;
  /** Ends every open stream with `complete` when the server stops. */
  readonly streams: Set<AbortController>;
}

/** What the request log line says of a request besides its route, status and time. */
export interface RequestLog {
  operation?: string | null;
  type?: string;
  database?: string;
  role?: string;
  errors?: string[];
}

const LOGS = new WeakMap<FastifyRequest, RequestLog>();

/** The log entry of a request, filled by its route as it learns things. */
export function logOf(request: FastifyRequest): RequestLog {
  let entry = LOGS.get(request);
  if (!entry) LOGS.set(request, (entry = {}));
  return entry;
}

/** One error as GraphQL answers them (BAD_USER_INPUT unless said otherwise). */
export function errorBody(message: string, code = 'BAD_USER_INPUT', extra: object = {}): string {
  return JSON.stringify({ errors: [{ message, extensions: { ...extra, code } }] });
}

/** Sends one error with its status. */
export function sendError(
  reply: FastifyReply,
  status: number,
  message: string,
  code = 'BAD_USER_INPUT',
): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json')
    .header('cache-control', 'no-store')
    .send(errorBody(message, code));
}

/** A header's first value. */
export function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A refusal of the pipeline (an `AppError`), answered with the status its code calls for. */
export function sendRefusal(reply: FastifyReply, error: AppError): FastifyReply {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  const retryAfter = extensions.retryAfterSeconds;
  if (extensions.code === 'RATE_LIMITED' && typeof retryAfter === 'number')
    reply.header('retry-after', String(retryAfter));
  return reply
    .code(statusOf(error))
    .header('content-type', 'application/json')
    .header('cache-control', 'no-store')
    .send(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}

/**
 * A request's context, as every door makes it: the server's settings (write wait, minimum group
 * size) with what the door adds (request id, stream signal, replica routing).
 */
export function requestContext(
  deps: RouteDeps,
  viewer: Viewer | null,
  settings: Omit<ContextSettings, 'writeWaitMs' | 'minGroupSize'> & { orm?: MikroORM } = {},
): Context {
  const { orm = deps.orm, ...rest } = settings;
  return deps.createContext(orm, viewer, {
    writeWaitMs: deps.options.limits.writeWaitMs,
    minGroupSize: deps.options.limits.minGroupSize,
    ...rest,
  });
}
