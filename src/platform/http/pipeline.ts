import {
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { Role, type Viewer } from '../auth/auth.types';
import { identifiedFacts, personalFactFields } from '../graphql/personal-facts';
import { viewerFromHeader, type TokenKeys } from '../auth/tokens';
import { AppError, ErrorCode } from '../../shared/errors';
import type { CostModel, QueryLimits, QueryMeasure } from '../graphql/limits';
import { eventCostModel, MeasureMemo, measureIn, requireWithinLimits } from './measure-step';
import { checkVariables } from './variables';
import type { ServerMetrics } from './metrics';
import type { TrustedDocuments } from './trusted-documents';

/**
 * The ways in by which a caller runs an operation. Every one of them goes through the same
 * `RequestPipeline`, in the same order of steps:
 *
 *   body and document limits → authentication → trusted documents → validation →
 *   roles of the root fields → argument normalisation → cost → budget → execution
 *
 * (`/graphql` lets Apollo Server parse and validate, with its cache of documents; the other doors
 * parse and validate here, with one of their own.)
 */
export enum Door {
  /** `POST` and `GET /graphql`. */
  GRAPHQL = 'graphql',
  /** `POST /export.csv|xlsx`: a query, its answer as rows. */
  EXPORT = 'export',
  /** `/graphql/stream`: a subscription over Server-Sent Events, when it starts. */
  STREAM = 'stream',
  /** `/graphql/ws`: a subscription over WebSocket (`graphql-ws`), when it starts. */
  SOCKET = 'socket',
  /** Each event of a subscription, when it is executed for its subscriber. */
  EVENT = 'event',
  /** `GET /selections/{id}/report.pdf`. */
  REPORT = 'report',
  /** `POST /import`: a dataset (ADMIN). */
  IMPORT = 'import',
}

export interface PipelineLimits extends QueryLimits {
  readonly maxTokens: number;
  readonly costPerMinute: number;
}

/** What a caller may spend a minute, shared by every door (and, when shared, every process). */
export interface Budget {
  /** Takes `cost` from the caller's budget, or throws RATE_LIMITED (429, Retry-After). */
  spend(caller: string, cost: number): Promise<Spent> | Spent;
}

export interface Spent {
  readonly perMinute: number;
  readonly remaining: number;
  readonly resetsInSeconds: number;
}

export interface PipelineOptions {
  readonly schema: GraphQLSchema;
  readonly keys: TokenKeys;
  readonly limits: PipelineLimits;
  /** Production refuses introspection to callers who are not signed in. */
  readonly production: boolean;
  readonly trustedDocuments?: { readonly documents: TrustedDocuments; readonly only: boolean };
  readonly budget?: Budget;
  readonly metrics: ServerMetrics;
  /** The roles each root field asks for (`Mutation.importDataset` → `['ADMIN']`). */
  readonly rootRoles: ReadonlyMap<string, readonly string[]>;
  /** What the fields, lists and inputs of the schema cost (its features' entries). */
  readonly cost: CostModel;
}

/** Who calls: the token read once; a bad one fails the operation, not the route. */
export interface Caller {
  readonly viewer: Viewer | null;
  /** Why the token was refused (the operation then fails UNAUTHENTICATED). */
  readonly error?: AppError;
  /** The budget's key of the caller. */
  readonly key: string;
}

/** An operation admitted to run: what it costs and what was taken from the budget. */
export interface Admission {
  readonly measure: QueryMeasure;
  readonly cost: { requested: number; limit: number; budget?: Spent };
}

/** What a request sends (a body, or the search parameters of a GET). */
export interface OperationBody {
  query?: unknown;
  documentId?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** Documents parsed and validated by the doors that do it themselves, by their text. */
const DOCUMENTS_KEPT = 500;
const KEEP_MAX_CHARS = 20_000;

/**
 * The guards every operation passes, whatever door it came through. One object per server;
 * its steps are called in order by each door (and by the Apollo plugin for `/graphql`), and a
 * step either passes or throws an `AppError` whose code says what HTTP status it calls for
 * (`statusOf`).
 */
export class RequestPipeline {
  private readonly documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  /** What the fields, lists and inputs of the schema cost. */
  readonly model: CostModel;
  private facts: Set<string> | undefined;
  /** Measures of operations seen before, by the variables they depend on. */
  private readonly measures: MeasureMemo;

  constructor(private readonly options: PipelineOptions) {
    this.model = options.cost;
    this.measures = new MeasureMemo(options.schema, options.cost);
  }

  get schema(): GraphQLSchema {
    return this.options.schema;
  }

  get limits(): PipelineLimits {
    return this.options.limits;
  }

  /** Step: authentication. A missing token is a caller without a viewer; a bad one an error. */
  async authenticate(authorization: string | undefined): Promise<Caller> {
    try {
      const viewer = await viewerFromHeader(this.options.keys, authorization);
      return { viewer, key: viewer ? `${viewer.role}:${viewer.subject}` : 'anonymous' };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { viewer: null, error, key: 'anonymous' };
    }
  }

  /** A caller who must be signed in (a door without anonymous use: streams, reports, imports). */
  signedIn(caller: Caller): Viewer {
    if (caller.error) throw caller.error;
    if (!caller.viewer)
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        'Sign in: send "Authorization: Bearer <token>".',
      );
    return caller.viewer;
  }

  /**
   * Step: trusted documents. A request may name a listed document by `documentId` (its text
   * then runs, whatever else it sends); in `only` mode every role but ANALYST must. Sets the
   * body's `query` to the document that will run.
   */
  trustedDocument(body: OperationBody, viewer: Viewer | null): void {
    const trusted = this.options.trustedDocuments;
    const id = body.documentId;
    if (typeof id === 'string') {
      const document = trusted?.documents.document(id);
      if (document !== undefined) {
        body.query = document;
        return;
      }
      // An id this server does not know: the text sent with it runs, where any text may.
      const free = !trusted?.only || !viewer || viewer.role === Role.ANALYST;
      if (!free || typeof body.query !== 'string')
        throw new AppError(
          ErrorCode.BAD_REQUEST,
          `No trusted document has the id "${id.slice(0, 80)}".`,
          { http: { status: 400 } },
        );
      return;
    }
    if (trusted?.only && viewer && viewer.role !== Role.ANALYST)
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'This server runs trusted documents only: send the `documentId` of a published operation.',
        { http: { status: 403 } },
      );
  }

  /**
   * Steps: document limits and validation, for the doors that parse themselves (Apollo does
   * both for `/graphql`). The errors are GraphQL's own, with locations and codes.
   */
  document(text: unknown): DocumentNode | readonly GraphQLError[] {
    if (typeof text !== 'string' || text.trim() === '')
      throw new AppError(ErrorCode.BAD_REQUEST, 'Send the operation as `query`, a string.', {
        http: { status: 400 },
      });
    const known = this.documents.get(text);
    if (known) return known;
    let result: DocumentNode | readonly GraphQLError[];
    try {
      const document = parse(text, { maxTokens: this.options.limits.maxTokens });
      const errors = validate(this.options.schema, document);
      result = errors.length > 0 ? errors.map(withCode('GRAPHQL_VALIDATION_FAILED')) : document;
    } catch (error) {
      result = [withCode('GRAPHQL_PARSE_FAILED')(error as GraphQLError)];
    }
    if (text.length <= KEEP_MAX_CHARS) {
      if (this.documents.size >= DOCUMENTS_KEPT)
        this.documents.delete(this.documents.keys().next().value!);
      this.documents.set(text, result);
    }
    return result;
  }

  /**
   * Steps after validation, for one operation of a valid document: the caller signed in (or
   * only introspecting, outside production), the roles of its root fields (before any of its
   * input is walked), its variables normalised, its size and cost within the limits, and its
   * cost taken from the caller's budget (not again for a `retry` of a request already charged).
   */
  async admit(
    caller: Caller,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
    { retry = false, model = this.model }: { retry?: boolean; model?: CostModel } = {},
  ): Promise<Admission> {
    const introspectionOnly = isIntrospectionOnly(operation);
    if (caller.error) throw caller.error;
    if (!caller.viewer && !(introspectionOnly && !this.options.production))
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        'Sign in: send "Authorization: Bearer <token>".',
      );
    this.rootRoles(caller.viewer, operation);
    this.groupRule(caller.viewer, document, operation);
    normaliseVariables(variables);
    const measure =
      model === this.model
        ? this.measures.measure(document, operation, variables)
        : measureIn(this.options.schema, document, operation, variables, model);
    requireWithinLimits(measure, this.options.limits, this.options.metrics);
    const cost: Admission['cost'] = {
      requested: measure.cost,
      limit: this.options.limits.maxCost,
    };
    if (!retry && measure.cost > 0) {
      const budget = await this.spend(caller, measure.cost);
      if (budget) Object.assign(cost, { budget });
    }
    if (!retry) this.options.metrics.spent(measure.cost);
    return { measure, cost };
  }

  /**
   * Step: budget, for an event of a subscription as it is delivered, by its real size: the
   * subscription's selection measured again with every list of the event's payload as long as
   * the event holds.
   */
  async chargeEvent(
    caller: Caller,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
    size: number,
  ): Promise<number> {
    const model = eventCostModel(this.options.schema, operation, this.model, size);
    const measure = measureIn(this.options.schema, document, operation, variables, model);
    if (measure.cost > 0) await this.spend(caller, measure.cost);
    this.options.metrics.spent(measure.cost);
    return measure.cost;
  }

  /** Step: budget, for work that is not an operation (a committee report, a dataset import). */
  async spend(caller: Caller, cost: number): Promise<Spent | undefined> {
    const budget = this.options.budget;
    if (!budget) return undefined;
    try {
      return await budget.spend(caller.key, cost);
    } catch (refusal) {
      this.options.metrics.refusal('rate_limited');
      throw refusal;
    }
  }

  /**
   * FORBIDDEN to a role under the minimum group rule (ANALYST) that asks, of one employee, for a
   * per-person fact together with a field that says who the employee is.
   */
  private groupRule(
    viewer: Viewer | null,
    document: DocumentNode,
    operation: OperationDefinitionNode,
  ): void {
    if (viewer?.role !== Role.ANALYST) return;
    this.facts ??= personalFactFields();
    const linked = identifiedFacts(this.options.schema, document, operation, this.facts);
    if (linked)
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `The ANALYST role may not read \`${linked.fact}\` together with \`${linked.identifier}\` of the same employee: together they say whose it is. Ask for them in separate lists, or count with \`employeeCounts\`.`,
        { fields: [linked.fact, linked.identifier] },
      );
  }

  /**
   * FORBIDDEN when a root field of a mutation or a subscription asks for roles the caller does
   * not have: nothing of the operation runs and none of its input is walked further. A query
   * keeps GraphQL's partial answers: a refused root field is null with FORBIDDEN there (its
   * guard runs before its arguments are read), and the rest is answered.
   */
  private rootRoles(viewer: Viewer | null, operation: OperationDefinitionNode): void {
    if (operation.operation === 'query') return;
    const root = operation.operation === 'mutation' ? 'Mutation' : 'Subscription';
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const roles = this.options.rootRoles.get(`${root}.${selection.name.value}`);
      if (!roles || !viewer) continue;
      if (roles.length > 0 && !roles.includes(viewer.role))
        throw new AppError(
          ErrorCode.FORBIDDEN,
          `The ${viewer.role} role may not do this (\`${selection.name.value}\`).`,
        );
    }
  }
}

/** The operation a request names (its only one, or the one named), or a BAD_REQUEST. */
export function operationOf(
  document: DocumentNode,
  operationName: unknown,
): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const named = typeof operationName === 'string' && operationName !== '';
  const operation = named
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation)
    throw new AppError(
      ErrorCode.OPERATION_RESOLUTION_FAILURE,
      named
        ? `No operation named "${String(operationName).slice(0, 80)}" in the document.`
        : 'The document holds several operations: name one with `operationName`.',
      { http: { status: 400 } },
    );
  return operation;
}

/** Variables as sent: an object, or none. */
export function variablesOf(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new AppError(ErrorCode.BAD_REQUEST, '`variables` must be an object.', {
      http: { status: 400 },
    });
  return value as Record<string, unknown>;
}

/**
 * Step: argument normalisation of the variables, before anything else walks them: a control
 * character, a bidirectional control, a lone surrogate or a value nested deeper than
 * `MAX_INPUT_DEPTH` refused, naming the variable (`checkVariables`). The texts themselves are
 * normalised field by field, with the literals, as the arguments are read.
 */
function normaliseVariables(variables: Record<string, unknown>): void {
  const refused = checkVariables(variables);
  if (refused) throw refused;
}

/** Only `__schema` and `__type` (and `__typename`) at the root: what a tool asks before signing in. */
function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  const fields = operation.selectionSet.selections;
  return (
    fields.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__')) &&
    fields.some((s) => s.kind === Kind.FIELD && s.name.value !== '__typename')
  );
}

const withCode =
  (code: string) =>
  (error: GraphQLError): GraphQLError => {
    Object.assign(error.extensions, { code });
    return error;
  };

/** The HTTP status a refusal of the pipeline calls for, by its code. */
export function statusOf(error: AppError | { extensions?: Record<string, unknown> }): number {
  const extensions = error.extensions ?? {};
  const http = extensions.http as { status?: number } | undefined;
  if (http?.status) return http.status;
  return STATUS[String(extensions.code)] ?? 400;
}

const STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  BUSY: 503,
  QUERY_TIMEOUT: 503,
  INTERNAL_SERVER_ERROR: 500,
};
