import {
  getNamedType,
  isListType,
  isNonNullType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
}

export interface QueryMeasure {
  depth: number;
  aliases: number;
  /** Fields that may be resolved: each field counts the product of the page sizes above it. */
  cost: number;
  /** Page sizes asked for above 100. */
  oversized: { field: string; argument: string; size: number }[];
  introspection: boolean;
}

/**
 * Measures an operation before anything runs: depth, aliases, page sizes, and a cost in which
 * every field counts as many times as the connections above it can repeat it (`first`/`last`,
 * or 20 when left out). Introspection fields are not measured.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): QueryMeasure {
  const m: QueryMeasure = { depth: 0, aliases: 0, cost: 0, oversized: [], introspection: false };
  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const valueOf = (node: ValueNode): unknown =>
    node.kind === Kind.VARIABLE
      ? variables[node.name.value]
      : node.kind === Kind.INT
        ? Number(node.value)
        : undefined;
  const walk = (
    set: SelectionSetNode,
    parent: GraphQLObjectType | GraphQLInterfaceType | null | undefined,
    depth: number,
    multiplier: number,
    seen: Set<string>,
  ) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) as
          GraphQLObjectType | undefined;
        walk(
          fragment.selectionSet,
          type,
          depth,
          multiplier,
          new Set([...seen, fragment.name.value]),
        );
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) as GraphQLObjectType | undefined)
          : parent;
        walk(selection.selectionSet, type, depth, multiplier, seen);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__')) {
        if (name !== '__typename') m.introspection = true;
        continue;
      }
      if (selection.alias && selection.alias.value !== name) m.aliases++;
      m.depth = Math.max(m.depth, depth);
      m.cost += multiplier;
      const field = parent?.getFields()[name];
      if (!selection.selectionSet) continue;
      let type: GraphQLOutputType | undefined = field?.type;
      while (type && (isNonNullType(type) || isListType(type)))
        type = (type as { ofType: GraphQLOutputType }).ofType;
      const named = type ? (getNamedType(type) as GraphQLObjectType) : undefined;
      let next = multiplier;
      if (named?.name.endsWith('Connection')) {
        const args = Object.fromEntries(
          (selection.arguments ?? []).map((a) => [a.name.value, valueOf(a.value)]),
        );
        const argument = args.first != null ? 'first' : 'last';
        const size = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
        if (Number.isFinite(size) && size > MAX_PAGE_SIZE)
          m.oversized.push({ field: name, argument, size });
        next =
          multiplier *
          Math.max(1, Number.isFinite(size) ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE);
      }
      walk(
        selection.selectionSet,
        named && 'getFields' in named ? named : undefined,
        depth + 1,
        next,
        seen,
      );
    }
  };
  walk(operation.selectionSet, root, 1, 1, new Set());
  return m;
}

/** The limits an operation breaks, in words; empty when it may run. */
export function limitProblems(measure: QueryMeasure, limits: QueryLimits): string[] {
  const problems: string[] = [];
  if (measure.depth > limits.maxDepth)
    problems.push(`depth ${measure.depth} exceeds ${limits.maxDepth}`);
  if (measure.aliases > limits.maxAliases)
    problems.push(`${measure.aliases} aliases exceed ${limits.maxAliases}`);
  if (measure.cost > limits.maxCost)
    problems.push(`cost ${measure.cost} exceeds ${limits.maxCost}`);
  return problems;
}
