import {
  getNamedType,
  Kind,
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
