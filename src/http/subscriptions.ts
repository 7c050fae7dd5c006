import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Kind, parse, validate, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { ExecutionResult } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/http';
import { createContext, type Context } from '../context';
import { COST_MODEL } from '../cost';
import type { TokenKeys } from '../modules/auth/tokens';
import { viewerFromHeader } from '../modules/auth/tokens';
import { AppError, ErrorCode, formatError } from '../shared/errors';
import { limitProblems, measureOperation, type QueryLimits } from '../shared/limits';

/** The request context, as graphql-sse types an operation's context. */
type StreamContext = Context & Record<PropertyKey, unknown>;

/** Streams one caller, and one process, may hold open at once. */
const STREAMS_PER_CALLER = 10;
const STREAMS_PER_PROCESS = 1_000;

export interface SubscriptionOptions {
  readonly schema: GraphQLSchema;
  readonly orm: MikroORM;
  readonly keys: TokenKeys;
  readonly limits: QueryLimits & { maxTokens: number; writeWaitMs: number };
  readonly log: (error: unknown) => void;
  readonly requestIdOf: (req: IncomingMessage) => string;
}

/**
 * GraphQL subscriptions over Server-Sent Events (`graphql-sse`, its "distinct connections"
 * mode) at `/graphql/stream`: the same schema, token and limits as `/graphql`. Only
 * subscriptions run here; each is authorised when it starts, and a caller holds at most ten
 * streams at once.
 */
export function subscriptionHandler(options: SubscriptionOptions) {
  const open = new Map<string, number>();
  let total = 0;
  const callers = new WeakMap<object, string>();
  const refuse = (status: number, code: string, message: string) =>
    [
      JSON.stringify({ errors: [{ message, extensions: { code } }] }),
      { status, statusText: code, headers: { 'content-type': 'application/json' } },
    ] as [string, { status: number; statusText: string; headers: Record<string, string> }];
  const failed = (errors: readonly GraphQLError[]): ExecutionResult =>
    ({ errors: errors.map((e) => formatError(e, e, options.log)) }) as unknown as ExecutionResult;

  return createHandler<StreamContext>({
    schema: options.schema,
    // Every request its own stream: the token rides on each.
    authenticate: () => null,
    onSubscribe: (req, params) => {
      const raw = req.raw;
      let viewer;
      try {
        viewer = viewerFromHeader(options.keys, raw.headers.authorization);
      } catch (error) {
        if (error instanceof AppError) return refuse(401, ErrorCode.UNAUTHENTICATED, error.message);
        throw error;
      }
      if (!viewer)
        return refuse(
          401,
          ErrorCode.UNAUTHENTICATED,
          'Sign in: send "Authorization: Bearer <token>".',
        );
      let document;
      try {
        document = parse(params.query, { maxTokens: options.limits.maxTokens, noLocation: false });
      } catch (error) {
        return failed([error as GraphQLError]);
      }
      const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      const operation =
        operations.length === 1
          ? operations[0]
          : operations.find((o) => o.name?.value === params.operationName);
      if (!operation || operation.operation !== 'subscription')
        return refuse(
          400,
          ErrorCode.BAD_USER_INPUT,
          'This endpoint runs subscriptions; send queries and mutations to /graphql.',
        );
      const errors = validate(options.schema, document);
      if (errors.length > 0) return failed(errors);
      const fragments = Object.fromEntries(
        document.definitions.flatMap((d) =>
          d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [],
        ),
      );
      const measure = measureOperation(
        options.schema,
        operation,
        fragments,
        params.variables ?? {},
        COST_MODEL,
      );
      const problems = limitProblems(measure, options.limits);
      if (problems.length > 0)
        return refuse(
          400,
          ErrorCode.QUERY_TOO_COMPLEX,
          `The subscription is too large: ${problems.join('; ')}.`,
        );
      const caller = `${viewer.role}:${viewer.subject}`;
      if ((open.get(caller) ?? 0) >= STREAMS_PER_CALLER || total >= STREAMS_PER_PROCESS)
        return refuse(
          429,
          ErrorCode.RATE_LIMITED,
          `At most ${STREAMS_PER_CALLER} open subscriptions a caller.`,
        );
      open.set(caller, (open.get(caller) ?? 0) + 1);
      total++;
      // The stream ends when its client goes: the subscription hears it through the signal.
      const gone = new AbortController();
      const response = (req.context as { res?: ServerResponse } | undefined)?.res;
      (response ?? raw).once('close', () => gone.abort());
      const contextValue = createContext(options.orm, viewer, {
        writeWaitMs: options.limits.writeWaitMs,
        requestId: options.requestIdOf(raw),
        signal: gone.signal,
      });
      callers.set(contextValue, caller);
      return {
        schema: options.schema,
        document,
        operationName: params.operationName,
        variableValues: params.variables,
        contextValue: contextValue as StreamContext,
      };
    },
    onNext: (_ctx, _req, result) => {
      if (!('errors' in result) || !result.errors) return result;
      return {
        ...result,
        errors: result.errors.map((e) => formatError(e, e, options.log)),
      } as never;
    },
    onComplete: (ctx) => {
      const caller = callers.get(ctx);
      if (!caller) return;
      callers.delete(ctx);
      total--;
      const left = (open.get(caller) ?? 1) - 1;
      if (left > 0) open.set(caller, left);
      else open.delete(caller);
    },
  });
}
