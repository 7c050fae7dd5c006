import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  defaultFieldResolver,
  execute,
  getNamedType,
  getOperationAST,
  isInputObjectType,
  isObjectType,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputObjectType,
  getVariableValues,
  GraphQLError,
  isNonNullType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Queries and mutations run as compiled code: a document the server has parsed and validated
 * (Apollo keeps them, one object per text) is compiled into a function that walks its
 * selection, instead of graphql-js working the selection out again for every field of every
 * object on every request. The schema, its resolvers, the plugins (cost, roles, budget),
 * errors and their formatting are those of the rest of the server: only the walk differs.
 *
 * Compiling costs a few milliseconds, so a document is compiled the second time it runs (by
 * default): a one-off query, or a flood of distinct ones, never pays for it. Subscriptions,
 * documents with a variable of an input type graphql-jit cannot read (`inputsItCannotParse`),
 * and anything it cannot compile run on graphql-js.
 *
 * Apollo Server takes an executor of its own only through its gateway interface.
 */
export function compiledExecution(
  schema: GraphQLSchema,
  { runsBeforeCompiling = 1 }: { runsBeforeCompiling?: number } = {},
): CompiledExecution {
  readFieldsAsGraphQLDoes(schema);
  const unparsable = inputsItCannotParse(schema);
  // Per document (Apollo's parsed object) and operation name: its compiled form, the number of
  // runs so far before it is compiled, or null when it runs on graphql-js.
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled | number | null>>();
  // The texts of documents Apollo has parsed and validated and that run compiled: a request
  // that sends one again may skip straight to its compiled form (`hot`).
  const hotTexts = new Map<string, DocumentNode>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined) => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map<string, Compiled | number | null>()));
    const key = operationName ?? '';
    const known = byName.get(key) ?? 0;
    if (typeof known !== 'number') return known;
    if (known < runsBeforeCompiling) {
      byName.set(key, known + 1);
      return null;
    }
    const operation = getOperationAST(document, operationName);
    const compilable =
      operation &&
      operation.operation !== 'subscription' &&
      !(operation.variableDefinitions ?? []).some((v) => unparsable.has(namedTypeOf(v.type)));
    const result = compilable ? compileQuery(schema, document, operationName) : null;
    const ready: Compiled | null =
      result && isCompiledQuery(result) ? { query: result, operation: operation!, document } : null;
    byName.set(key, ready);
    return ready;
  };
  // The variables are checked as graphql-js checks them, so a bad one is refused in the same
  // words (and Apollo answers BAD_USER_INPUT); graphql-jit then reads them as given.
  const variablesRefused = (compiledQuery: Compiled, variables: Record<string, unknown>) => {
    const definitions = compiledQuery.operation.variableDefinitions ?? [];
    if (definitions.length === 0) return undefined;
    return getVariableValues(schema, definitions, variables, { maxErrors: 50 }).errors;
  };
  const runChecked = async (
    compiledQuery: Compiled,
    context: unknown,
    variables: Record<string, unknown>,
  ): Promise<ExecutionResult> => {
    const result = await compiledQuery.query.query(undefined, context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  const executor: GatewayExecutor = async (request) => {
    const operationName = request.operationName ?? undefined;
    const compiledQuery = compiledFor(request.document, operationName);
    const variables = request.request.variables ?? {};
    let result: ExecutionResult;
    if (compiledQuery) {
      remember(hotTexts, request.source, request.document);
      const refused = variablesRefused(compiledQuery, variables);
      result = refused
        ? { errors: refused }
        : await runChecked(compiledQuery, request.context, variables);
    } else
      result = await execute({
        schema,
        document: request.document,
        contextValue: request.context,
        variableValues: variables,
        operationName,
      });
    return result as Awaited<ReturnType<GatewayExecutor>>;
  };
  let loaded: ((context: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void)[] = [];
  const gateway: GatewayInterface = {
    async load() {
      for (const listener of loaded) listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(listener) {
      loaded.push(listener);
      return () => {
        loaded = loaded.filter((l) => l !== listener);
      };
    },
    async stop() {
      loaded = [];
      hotTexts.clear();
    },
  };
  return {
    gateway,
    hot(text, operationName) {
      const document = hotTexts.get(text);
      const known = document && compiled.get(document)?.get(operationName ?? '');
      return known && typeof known === 'object' ? known : undefined;
    },
    variablesRefused,
    runChecked,
  };
}

/**
 * The compiled path of a server: the executor Apollo Server runs every operation with (its
 * `gateway`), and the operations it has already compiled, by the text of their document, for
 * the request pipeline's hot path (`routes/graphql-hot.ts`).
 */
export interface CompiledExecution {
  readonly gateway: GatewayInterface;
  /**
   * The compiled operation of a document Apollo has parsed, validated and run compiled before,
   * by its exact text and the operation's name (undefined: not one of those).
   */
  hot(text: string, operationName: string | undefined): Compiled | undefined;
  /** What graphql-js says of the variables as sent (undefined: they are fine). */
  variablesRefused(
    compiled: Compiled,
    variables: Record<string, unknown>,
  ): readonly GraphQLError[] | undefined;
  /** Runs a compiled operation whose variables were found fine (`variablesRefused`). */
  runChecked(
    compiled: Compiled,
    context: unknown,
    variables: Record<string, unknown>,
  ): Promise<ExecutionResult>;
}

/** How many texts of compiled documents are kept, and the longest kept. */
const HOT_TEXTS = 1000;
const HOT_MAX_CHARS = 20_000;

function remember(
  texts: Map<string, DocumentNode>,
  text: string | undefined,
  document: DocumentNode,
) {
  if (text === undefined || text.length > HOT_MAX_CHARS || texts.get(text) === document) return;
  if (texts.size >= HOT_TEXTS) texts.delete(texts.keys().next().value!);
  texts.set(text, document);
}

/**
 * graphql-jit reads a field without a resolver as a plain property; graphql-js calls it when it
 * is a function (a connection's `totalCount` runs only when asked) and awaits it when it is a
 * promise. Every such field gets graphql-js's own reader, so both answer the same.
 */
function readFieldsAsGraphQLDoes(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) field.resolve ??= defaultFieldResolver;
  }
}

const namedTypeOf = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);

/**
 * graphql-jit's own error (for a resolver's failure, or a null where none may be) as graphql-js
 * makes it: a GraphQLError with the resolver's error as `originalError` and its extensions, so
 * Apollo and `formatError` treat both executions' errors alike.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (error instanceof GraphQLError && error.extensions) return error;
  const original = error.originalError ?? undefined;
  const made = new GraphQLError(error.message, { path: error.path, originalError: original });
  if (error.locations)
    Object.defineProperty(made, 'locations', {
      value: error.locations,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return made;
}

/** An operation compiled for its document. */
export interface Compiled {
  readonly query: CompiledQuery;
  readonly operation: OperationDefinitionNode;
  readonly document: DocumentNode;
}

/**
 * The input types graphql-jit cannot read variables of: a type from which a field path leads
 * back to itself (it would write a parser for every path, without end), and a type that holds,
 * at any depth, a non-null field with a default (it refuses the field when left out, where
 * graphql-js gives the default).
 */
export function inputsItCannotParse(schema: GraphQLSchema): Set<string> {
  const inputs = Object.values(schema.getTypeMap()).filter(isInputObjectType);
  const reachable = (from: GraphQLInputObjectType): Set<string> => {
    const seen = new Set<string>();
    const walk = (type: GraphQLInputObjectType) => {
      for (const field of Object.values(type.getFields())) {
        const inner = getNamedType(field.type);
        if (isInputObjectType(inner) && !seen.has(inner.name)) {
          seen.add(inner.name);
          walk(inner);
        }
      }
    };
    walk(from);
    return seen;
  };
  const defaultedNonNull = new Set(
    inputs
      .filter((t) =>
        Object.values(t.getFields()).some(
          (f) => isNonNullType(f.type) && f.defaultValue !== undefined,
        ),
      )
      .map((t) => t.name),
  );
  const found = new Set<string>();
  for (const type of inputs) {
    const below = reachable(type);
    if (
      below.has(type.name) ||
      defaultedNonNull.has(type.name) ||
      [...below].some((name) => defaultedNonNull.has(name))
    )
      found.add(type.name);
  }
  return found;
}
