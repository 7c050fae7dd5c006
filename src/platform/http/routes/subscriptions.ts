import {
  createSourceEventStream,
  execute,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type OperationDefinitionNode,
} from 'graphql';
import { AppError, ErrorCode, formatError } from '../../../shared/errors';
import type { Context } from '../../graphql/context';
import type { Language } from '../../../domain/language';
import { operationOf, variablesOf, type Caller, type OperationBody } from '../pipeline';
import { requestContext, type RouteDeps } from './route';

/** How many items an event carries (the employees it will resolve), for its cost. */
export type EventSize = (event: unknown) => number;

/** Streams one caller, and one process, may hold open at once, over every door together. */
export const STREAMS_PER_CALLER = 10;
export const STREAMS_PER_PROCESS = 1_000;

/** A subscription as it was admitted, to charge each of its events. */
export interface Admitted {
  readonly caller: Caller;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly variables: Record<string, unknown>;
}

/** What a subscription sends as it starts, whatever its transport. */
export interface SubscriptionRequest extends OperationBody {
  readonly operationName?: unknown;
}

/** A subscription that runs: its request context, ended when its client goes or the server stops. */
export interface OpenStream {
  readonly contextValue: Context;
  /** Ends the stream's client (and its context's signal) and stops counting it. Idempotent. */
  end(): void;
}

/**
 * The subscriptions of one server, over Server-Sent Events and over WebSocket alike: each
 * admitted through the pipeline as it starts (token, trusted documents, validation, roles,
 * input, cost, budget), counted against the caller's and the process's number of streams, and
 * each of its events charged to the subscriber's budget by its real size before it is executed.
 */
export class Subscriptions {
  private readonly perCaller = new Map<string, number>();
  private total = 0;
  private readonly admitted = new WeakMap<object, Admitted & { gone: AbortController }>();

  constructor(
    private readonly deps: RouteDeps,
    private readonly eventSize: EventSize,
  ) {}

  /**
   * The pipeline's steps for a subscription as it starts: signed in, trusted documents, the
   * document valid (else its errors), a subscription, its variables, then admitted (roles,
   * input, cost, budget). Throws the `AppError` of a refusal.
   */
  async admit(
    caller: Caller,
    request: SubscriptionRequest,
  ): Promise<Admitted | readonly GraphQLError[]> {
    const { pipeline } = this.deps;
    const viewer = pipeline.signedIn(caller);
    const body: OperationBody = { ...request };
    pipeline.trustedDocument(body, viewer);
    const document = pipeline.document(body.query);
    if (!('kind' in document)) return document;
    const operation = operationOf(document, request.operationName);
    if (operation.operation !== 'subscription')
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        'This endpoint runs subscriptions; send queries and mutations to /graphql.',
      );
    const variables = variablesOf(body.variables);
    await pipeline.admit(caller, document, operation, variables);
    return { caller, document, operation, variables };
  }

  /**
   * An admitted subscription opens, within the caller's and the process's number of streams
   * (else RATE_LIMITED): counted, tied to the server's stop, and given its request context.
   * Nothing awaits between the count's check and the count, so streams started together
   * cannot pass the limit.
   */
  open(admitted: Admitted, requestId: string, language?: Language): OpenStream {
    const key = admitted.caller.key;
    if ((this.perCaller.get(key) ?? 0) >= STREAMS_PER_CALLER || this.total >= STREAMS_PER_PROCESS)
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `At most ${STREAMS_PER_CALLER} open subscriptions a caller.`,
      );
    this.perCaller.set(key, (this.perCaller.get(key) ?? 0) + 1);
    this.total++;
    const gone = new AbortController();
    this.deps.streams.add(gone);
    gone.signal.addEventListener('abort', () => this.deps.streams.delete(gone), { once: true });
    const contextValue = requestContext(this.deps, admitted.caller.viewer, {
      requestId,
      signal: gone.signal,
      language,
    });
    this.admitted.set(contextValue, { ...admitted, gone });
    return { contextValue, end: () => this.complete(contextValue) };
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

  /**
   * graphql-js's `subscribe`, with each event charged before it is executed: past the
   * subscriber's budget the stream says RATE_LIMITED and ends, and nothing of that event runs.
   */
  readonly subscribe = async (args: ExecutionArgs): Promise<ExecutionResult | AsyncGenerator> => {
    const { pipeline, log } = this.deps;
    const source = await createSourceEventStream(args);
    const stream = this.admitted.get(args.contextValue as object);
    if (!(Symbol.asyncIterator in source) || !stream) return source as ExecutionResult;
    const events = source as AsyncGenerator<unknown>;
    const eventSize = this.eventSize;
    const charged = (async function* charged(): AsyncGenerator<ExecutionResult> {
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
    // A client that stops its subscription (graphql-ws `complete`) stops it while it waits for
    // an event: the stream's signal ends the source, else the return would wait for the next.
    const stop = charged.return.bind(charged);
    charged.return = (value) => {
      stream.gone.abort();
      return stop(value);
    };
    return charged;
  };
}
