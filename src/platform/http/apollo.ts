import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { Context } from '../graphql/context';
import { ReplicaBehindError } from '../db/read-routing';
import { AppError, ErrorCode, formatError, isConnectionFailure } from '../../shared/errors';
import { statementCount } from '../db/sql-stats';
import type { CompiledExecution } from '../graphql/compiled-execution';
import { statusOf, type Caller, type RequestPipeline } from './pipeline';

/** What the server learns of one GraphQL request as it runs, for routing, logs and metrics. */
export interface RequestInfo {
  /** Who sent it (the pipeline's authentication step). */
  readonly caller: Caller;
  /** A second run of the request elsewhere (its cost was already taken). */
  readonly retry: boolean;
  operation: string | null;
  type: string;
  /** Why the replica the request read from could not answer it (null: it could). */
  replicaFailure: string | null;
  /** The replica was only behind, not down. */
  replicaBehind: boolean;
  errorCodes: string[];
}

/**
 * Where a context carries its request's info: a symbol-keyed property, which Apollo's copy of
 * the context for each operation keeps (a WeakMap keyed by the context would miss the copy).
 */
const REQUEST_INFO = Symbol('request info');

export const infoOf = (ctx: Context): RequestInfo | undefined =>
  (ctx as Context & { [REQUEST_INFO]?: RequestInfo })[REQUEST_INFO];

export const withInfo = (ctx: Context, info: RequestInfo): Context =>
  Object.assign(ctx, { [REQUEST_INFO]: info });

export interface ApolloOptions {
  readonly schema: GraphQLSchema;
  readonly pipeline: RequestPipeline;
  readonly maxTokens: number;
  readonly log: (error: unknown) => void;
  /** The compiled path Apollo executes with (and the hot path reads). */
  readonly compiled: CompiledExecution;
  readonly exposeStatementCount: boolean | 'on-request';
}

/**
 * The GraphQL server of `/graphql` and the exports: Apollo parses and validates (keeping each
 * document it has seen), then the pipeline's later steps run on the operation (roles, input,
 * cost, budget) before the compiled execution.
 */
export async function createApollo(options: ApolloOptions): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    gateway: options.compiled.gateway,
    formatError: (formatted, error) => formatError(formatted, error, options.log),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Every operation is measured and authorised as sent; no cache of stored documents.
    persistedQueries: false,
    csrfPrevention: true,
    // The process handles SIGINT and SIGTERM itself: drain HTTP, then Apollo, then the database.
    stopOnTerminationSignals: false,
    introspection: true,
    parseOptions: { maxTokens: options.maxTokens },
    plugins: [
      // We set no cache hints, serve our own explorer and report to no one: without these
      // defaults no wrapper runs around every field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      pipelinePlugin(options.pipeline),
      observerPlugin,
      ...(options.exposeStatementCount ? [statementCountPlugin] : []),
    ],
  });
  await apollo.start();
  return apollo;
}

/** The pipeline's steps after validation, on the operation Apollo resolved. */
function pipelinePlugin(pipeline: RequestPipeline): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cost: Record<string, unknown> | undefined;
      return {
        async didResolveOperation({ contextValue, operation, document, request }) {
          if (!operation) return;
          const info = infoOf(contextValue);
          const caller = info?.caller ?? { viewer: contextValue.access.viewer, key: 'anonymous' };
          try {
            const admission = await pipeline.admit(
              caller,
              document,
              operation,
              request.variables ?? {},
              { retry: info?.retry },
            );
            cost = admission.cost;
          } catch (error) {
            if (error instanceof AppError) error.extensions.http ??= { status: statusHere(error) };
            throw error;
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
 * The status of a refusal on `/graphql`: a role refused answers 200, as the same refusal of one
 * field would; the rest as every door answers them.
 */
export const statusHere = (error: AppError): number =>
  error.extensions.code === ErrorCode.FORBIDDEN ? 200 : statusOf(error);

/**
 * Records the operation, errors that came from a failing replica, and the error codes of the
 * answer; puts what the resolvers asked to say (`ctx.extensions`) into the answer.
 */
const observerPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    const info = infoOf(contextValue);
    return {
      async didResolveOperation({ operation }) {
        if (!info || !operation) return;
        info.operation = operation.name?.value ?? null;
        info.type = operation.operation;
      },
      async didEncounterErrors({ errors }) {
        if (info) noteReplicaFailures(info, errors);
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { singleResult } = response.body;
        if (info)
          info.errorCodes = (singleResult.errors ?? []).map((e) => String(e.extensions?.code));
        if (Object.keys(contextValue.extensions).length > 0)
          singleResult.extensions = { ...singleResult.extensions, ...contextValue.extensions };
      },
    };
  },
};

/** Errors that came from a failing replica, noted on the request's info (for its retry). */
export function noteReplicaFailures(info: RequestInfo, errors: readonly GraphQLError[]): void {
  for (const error of errors) {
    const original = error.originalError ?? error;
    if (original instanceof ReplicaBehindError) {
      info.replicaFailure = original.message;
      info.replicaBehind = true;
    } else if (isConnectionFailure(original)) info.replicaFailure = String(original);
  }
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
