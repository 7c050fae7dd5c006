import {
  getNamedType,
  isLeafType,
  Kind,
  visit,
  type ValueNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { AppError, badInput, ErrorCode } from '../../shared/errors';
import {
  MAX_CONDITIONS,
  MAX_FILTER_DEPTH,
  limitProblems,
  measureOperation,
  type CostModel,
  type QueryLimits,
  type QueryMeasure,
} from '../graphql/limits';
import type { ServerMetrics } from './metrics';

/**
 * The request pipeline's step of measurement and limits (`RequestPipeline.admit` and
 * `chargeEvent`): what an operation may make the server do, measured before it runs, and the
 * refusal of one that asks for more than the limits allow.
 */

/** What an operation may make the server do, before it runs (`measureOperation`). */
export function measureIn(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  model: CostModel,
): QueryMeasure {
  return measureOperation(schema, operation, fragmentsOf(document), variables, model);
}

/**
 * Measures of the operations of the server's cost model, kept per operation and per the values
 * of the variables a measure can depend on (`measureDependsOn`): a document sent again with
 * another NIP is not walked again.
 */
export class MeasureMemo {
  private readonly kept = new WeakMap<
    OperationDefinitionNode,
    { readonly on: readonly string[]; readonly measures: Map<string, QueryMeasure> }
  >();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly model: CostModel,
  ) {}

  measure(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
  ): QueryMeasure {
    let entry = this.kept.get(operation);
    if (!entry) {
      entry = { on: measureDependsOn(this.schema, operation), measures: new Map() };
      this.kept.set(operation, entry);
    }
    // A variable left out (its default then counts) is told apart from one sent as null.
    const key =
      entry.on.length === 0
        ? ''
        : JSON.stringify(entry.on.map((n) => (variables[n] === undefined ? [] : [variables[n]])));
    let measure = entry.measures.get(key);
    if (!measure) {
      measure = Object.freeze(measureIn(this.schema, document, operation, variables, this.model));
      if (entry.measures.size >= MEASURES_PER_OPERATION) entry.measures.clear();
      entry.measures.set(key, measure);
    }
    return measure;
  }
}

const MEASURES_PER_OPERATION = 64;

/** Arguments whose values size a list (`Measurer.repeat`, `listLength`). */
const SIZING = new Set(['first', 'last', 'ids']);

/**
 * The variables an operation's measure can depend on: those given to an argument that sizes a
 * list (`first`, `last`, `ids`), used inside an input object or list written in the document,
 * or declared of an input object type (what the cost model charges for: filters). A variable of
 * a scalar or enum type given straight to any other argument (`nip: $nip`) cannot change it.
 */
export function measureDependsOn(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): string[] {
  const declared = new Map(
    (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.type]),
  );
  // Undeclared (the document would not have passed validation): counted, to be safe.
  const inputTyped = (name: string) => {
    let type = declared.get(name);
    while (type && type.kind !== Kind.NAMED_TYPE) type = type.type;
    return !type || !isLeafType(schema.getType(type.name.value));
  };
  const found = new Set<string>();
  const collect = (value: ValueNode) => {
    if (value.kind === Kind.VARIABLE) found.add(value.name.value);
    else if (value.kind === Kind.LIST) value.values.forEach(collect);
    else if (value.kind === Kind.OBJECT) value.fields.forEach((f) => collect(f.value));
  };
  visit(operation, {
    Argument(argument) {
      const value = argument.value;
      if (SIZING.has(argument.name.value) || value.kind !== Kind.VARIABLE) collect(value);
      else if (inputTyped(value.name.value)) found.add(value.name.value);
    },
  });
  return [...found].sort();
}

/**
 * Step: cost. BAD_USER_INPUT for a page size above 100; QUERY_TOO_COMPLEX (counted as a
 * `too_complex` refusal) for an operation beyond the limits, with its measure and the limits.
 */
export function requireWithinLimits(
  measure: QueryMeasure,
  limits: QueryLimits,
  metrics: ServerMetrics,
): void {
  const [oversized] = measure.oversized;
  if (oversized)
    throw badInput(
      `\`${oversized.argument}\` of \`${oversized.field}\` must be between 0 and 100, got ${oversized.size}.`,
      { argument: oversized.argument },
    );
  const problems = limitProblems(measure, limits);
  if (problems.length === 0) return;
  metrics.refusal('too_complex');
  throw new AppError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `The query is too large: ${problems.join('; ')}.`,
    {
      cost: measure.cost,
      depth: measure.depth,
      aliases: measure.aliases,
      conditions: measure.conditions,
      filterDepth: measure.filterDepth,
      limits: {
        maxDepth: limits.maxDepth,
        maxAliases: limits.maxAliases,
        maxCost: limits.maxCost,
        maxConditions: MAX_CONDITIONS,
        maxFilterDepth: MAX_FILTER_DEPTH,
      },
    },
  );
}

/**
 * The cost model of one event of a subscription: every list of the event's payload type as
 * long as the event holds (`size`), the rest as the base model says.
 */
export function eventCostModel(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  base: CostModel,
  size: number,
): CostModel {
  const payload = subscriptionPayloadType(schema, operation);
  return {
    ...base,
    listBound: (type, field) => (type === payload ? size : base.listBound(type, field)),
  };
}

function subscriptionPayloadType(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): string | undefined {
  const field = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  if (!field || field.kind !== Kind.FIELD) return undefined;
  const type = schema.getSubscriptionType()?.getFields()[field.name.value]?.type;
  return type ? getNamedType(type).name : undefined;
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return fragments;
}
