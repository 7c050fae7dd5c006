import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../shared/pagination';

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
}

/** What a field costs beyond the 1 every resolved field counts. */
export interface CostModel {
  /**
   * The most items a list field without a page argument can hold (its bound in the domain:
   * levels 1–5, nine talent boxes, …); unlisted lists count `DEFAULT_LIST_BOUND`.
   */
  listBound(type: string, field: string): number | undefined;
  /** The work a field does each time it resolves (computing a fit, a ranking, an analysis). */
  work(type: string, field: string): number;
  /**
   * What an argument of an input type asks to be done each time its field resolves (a filter's
   * conditions), read from its value as it will run; undefined for input types that cost nothing.
   */
  inputCost?(type: string, value: unknown): InputCost | undefined;
}

/** The work an argument's value asks for, and the conditions it holds. */
export interface InputCost {
  /** Work each time the field resolves, in units of one plain field. */
  cost: number;
  /** Conditions it holds (each counts towards `MAX_CONDITIONS`). */
  conditions: number;
  /** How deep its conditions nest (`and`/`or`/`not`; 0: flat). */
  depth: number;
}

export const NO_EXTRA_COST: CostModel = { listBound: () => undefined, work: () => 0 };

/**
 * Filter conditions one operation may hold in all, written anywhere in it (whatever the cost
 * limit): each can be a scan of the whole province, and they run before the first row is read.
 */
export const MAX_CONDITIONS = 50;
/** How deep `and`/`or`/`not` may nest in a filter (0: a flat filter). */
export const MAX_FILTER_DEPTH = 5;

/** The count of a list the model does not bound. */
export const DEFAULT_LIST_BOUND = 20;

export interface QueryMeasure {
  depth: number;
  aliases: number;
  /**
   * Work the operation may cause: each field counts 1 plus its work, times the most items
   * the lists and connections above it can hold.
   */
  cost: number;
  /** Page sizes asked for above 100. */
  oversized: { field: string; argument: string; size: number }[];
  introspection: boolean;
  /** Filter conditions the arguments hold, in all (each written once, however often it runs). */
  conditions: number;
  /** How deep the most nested filter nests (0: flat, or no filter). */
  filterDepth: number;
}

/**
 * Measures an operation before anything runs: depth, aliases, page sizes, and a cost in which
 * every field counts as many times as the lists above it can repeat it. A connection repeats
 * its selection by its page size (`first`/`last`, 20 when left out); a list by its `first`
 * argument, the length of `ids`, or its bound in the model. An argument of an input type the
 * model costs (a filter) adds its cost each time its field resolves, and its conditions and
 * nesting to the operation's. Arguments are read as they will run: literals, variables, a
 * variable's default, an argument's default. Introspection fields are not measured.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  model: CostModel = NO_EXTRA_COST,
): QueryMeasure {
  const m: QueryMeasure = {
    depth: 0,
    aliases: 0,
    cost: 0,
    oversized: [],
    introspection: false,
    conditions: 0,
    filterDepth: 0,
  };
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    values[name] =
      variables[name] !== undefined
        ? variables[name]
        : definition.defaultValue
          ? valueFromASTUntyped(definition.defaultValue)
          : undefined;
  }
  const argumentsOf = (
    selection: FieldNode,
    field: GraphQLField<unknown, unknown> | undefined,
  ): Record<string, unknown> => {
    const args: Record<string, unknown> = {};
    for (const definition of field?.args ?? [])
      if (definition.defaultValue !== undefined) args[definition.name] = definition.defaultValue;
    for (const argument of selection.arguments ?? []) {
      const value = valueFromASTUntyped(argument.value, values);
      if (value !== undefined) args[argument.name.value] = value;
    }
    return args;
  };
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
      const field = parent?.getFields()[name];
      const owner = parent?.name ?? '';
      m.cost += multiplier * (1 + model.work(owner, name));
      const args = argumentsOf(selection, field);
      for (const definition of field?.args ?? []) {
        const type = getNamedType(definition.type);
        const value = args[definition.name];
        if (!isInputObjectType(type) || value === undefined || value === null) continue;
        const asked = model.inputCost?.(type.name, value);
        if (!asked) continue;
        m.cost += multiplier * asked.cost;
        m.conditions += asked.conditions;
        m.filterDepth = Math.max(m.filterDepth, asked.depth);
      }
      if (!selection.selectionSet) continue;
      const named = field ? getNamedType(field.type) : undefined;
      let repeat = 1;
      if (named?.name.endsWith('Connection')) {
        const argument = args.first != null ? 'first' : 'last';
        const size = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
        if (Number.isFinite(size) && size > MAX_PAGE_SIZE)
          m.oversized.push({ field: name, argument, size });
        repeat = Math.max(
          1,
          Number.isFinite(size) ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE,
        );
      } else if (field && isListOutput(field.type) && !owner.endsWith('Connection')) {
        // A connection's `edges` and `nodes` hold the page its own size already counted.
        repeat = Math.max(
          1,
          listLength(args) ?? model.listBound(owner, name) ?? DEFAULT_LIST_BOUND,
        );
      }
      walk(
        selection.selectionSet,
        named && 'getFields' in named ? (named as GraphQLObjectType) : undefined,
        depth + 1,
        multiplier * repeat,
        seen,
      );
    }
  };
  walk(operation.selectionSet, root, 1, 1, new Set());
  return m;
}

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The length a list's own arguments give it: `first`, or the number of `ids`. */
function listLength(args: Record<string, unknown>): number | undefined {
  if (Array.isArray(args.ids)) return args.ids.length;
  const first = Number(args.first);
  return Number.isFinite(first) ? first : undefined;
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
  if (measure.conditions > MAX_CONDITIONS)
    problems.push(`${measure.conditions} filter conditions exceed ${MAX_CONDITIONS}`);
  if (measure.filterDepth > MAX_FILTER_DEPTH)
    problems.push(`filters nest ${measure.filterDepth} deep, beyond ${MAX_FILTER_DEPTH}`);
  return problems;
}
