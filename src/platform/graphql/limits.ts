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
  const root = rootType(schema, operation);
  const measurer = new Measurer(schema, fragments, variableValues(operation, variables), model);
  measurer.walk(operation.selectionSet, root, 1, 1, new Set());
  return measurer.measure;
}

type Parent = GraphQLObjectType | GraphQLInterfaceType | null | undefined;
type Field = GraphQLField<unknown, unknown>;

/** The root type an operation selects from. */
function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): Parent {
  return operation.operation === 'mutation'
    ? schema.getMutationType()
    : operation.operation === 'subscription'
      ? schema.getSubscriptionType()
      : schema.getQueryType();
}

/** The operation's variables as it will run: as sent, or their defaults. */
function variableValues(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
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
  return values;
}

/** One measuring of an operation: its selections walked once, the measure added up as it goes. */
class Measurer {
  readonly measure: QueryMeasure = {
    depth: 0,
    aliases: 0,
    cost: 0,
    oversized: [],
    introspection: false,
    conditions: 0,
    filterDepth: 0,
  };

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    /** The operation's variables as it will run. */
    private readonly values: Record<string, unknown>,
    private readonly model: CostModel,
  ) {}

  /** Measures a selection set: each field counts `multiplier` times, at `depth`. */
  walk(
    set: SelectionSetNode,
    parent: Parent,
    depth: number,
    multiplier: number,
    seen: Set<string>,
  ): void {
    const m = this.measure;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = this.fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = this.schema.getType(fragment.typeCondition.name.value) as
          GraphQLObjectType | undefined;
        this.walk(
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
          ? (this.schema.getType(selection.typeCondition.name.value) as
              GraphQLObjectType | undefined)
          : parent;
        this.walk(selection.selectionSet, type, depth, multiplier, seen);
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
      m.cost += multiplier * (1 + this.model.work(owner, name));
      const args = this.argumentsOf(selection, field);
      this.chargeInputs(field, args, multiplier);
      if (!selection.selectionSet) continue;
      const named = field ? getNamedType(field.type) : undefined;
      this.walk(
        selection.selectionSet,
        named && 'getFields' in named ? (named as GraphQLObjectType) : undefined,
        depth + 1,
        multiplier * this.repeat(name, field, owner, args),
        seen,
      );
    }
  }

  /** A field's arguments as they will run: its defaults, then the literals and variables sent. */
  private argumentsOf(selection: FieldNode, field: Field | undefined): Record<string, unknown> {
    const args: Record<string, unknown> = {};
    for (const definition of field?.args ?? [])
      if (definition.defaultValue !== undefined) args[definition.name] = definition.defaultValue;
    for (const argument of selection.arguments ?? []) {
      const value = valueFromASTUntyped(argument.value, this.values);
      if (value !== undefined) args[argument.name.value] = value;
    }
    return args;
  }

  /** Adds what the field's arguments of input types the model costs (filters) ask for. */
  private chargeInputs(
    field: Field | undefined,
    args: Record<string, unknown>,
    multiplier: number,
  ): void {
    const m = this.measure;
    for (const definition of field?.args ?? []) {
      const type = getNamedType(definition.type);
      const value = args[definition.name];
      if (!isInputObjectType(type) || value === undefined || value === null) continue;
      const asked = this.model.inputCost?.(type.name, value);
      if (!asked) continue;
      m.cost += multiplier * asked.cost;
      m.conditions += asked.conditions;
      m.filterDepth = Math.max(m.filterDepth, asked.depth);
    }
  }

  /**
   * How many times a field repeats its selection: a connection by its page size (noting one
   * asked above the most), a list by its length or bound, anything else once.
   */
  private repeat(
    name: string,
    field: Field | undefined,
    owner: string,
    args: Record<string, unknown>,
  ): number {
    const named = field ? getNamedType(field.type) : undefined;
    if (named?.name.endsWith('Connection')) {
      const argument = args.first != null ? 'first' : 'last';
      const size = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
      if (Number.isFinite(size) && size > MAX_PAGE_SIZE)
        this.measure.oversized.push({ field: name, argument, size });
      return Math.max(1, Number.isFinite(size) ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE);
    }
    if (field && isListOutput(field.type) && !owner.endsWith('Connection')) {
      // A connection's `edges` and `nodes` hold the page its own size already counted.
      return Math.max(
        1,
        listLength(args) ?? this.model.listBound(owner, name) ?? DEFAULT_LIST_BOUND,
      );
    }
    return 1;
  }
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
