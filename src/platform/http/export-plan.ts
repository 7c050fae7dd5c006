import {
  getArgumentValues,
  getNamedType,
  GraphQLString,
  getNullableType,
  getVariableValues,
  isEnumType,
  isListType,
  isObjectType,
  Kind,
  print,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { badInput } from '../../shared/errors';

/**
 * How an export reads its rows: which field of the operation they come from, the columns they
 * make (known from the selection before the first row is read, so a file can be streamed), and
 * for a connection the operation rewritten to page through it by its cursor.
 */

/** How a column's cells are written: from the GraphQL type of its field. */
export type CellKind = 'text' | 'number' | 'boolean' | 'date' | 'dateTime';

/** One column: its header, where its values are in a row, and their kind. */
export interface ExportColumn {
  readonly name: string;
  /** Response keys from the row down to the leaf (lists on the way are followed item by item). */
  readonly path: readonly string[];
  /** For a key spread over several columns: the item of the leaf list this column holds. */
  readonly item?: number;
  readonly kind: CellKind;
}

export interface ExportPlan {
  /** The response keys from the root to the field that holds the rows. */
  readonly rowsPath: readonly string[];
  /** Paged by cursor (a connection); a plain list is read in one run. */
  readonly paged: boolean;
  /** In a connection: whether the rows are its `nodes` or its `edges { node }`. */
  readonly rowsKey: 'nodes' | 'edges' | null;
  readonly columns: readonly ExportColumn[];
  /** The operation to run (for a connection: each page, with `PAGE_SIZE`/`PAGE_AFTER` variables). */
  readonly query: string;
  /** The caller's variables the rewritten operation still uses. */
  readonly variables: Record<string, unknown>;
  /** The connection's `first` as the caller gave it: the most rows wanted (null: all of them). */
  readonly wanted: number | null;
  /** The connection's `after` as the caller gave it: where the first page starts. */
  readonly startAfter: string | null;
}

/** The variables a paged export sets on each page (names no caller's operation may hold). */
export const PAGE_SIZE = 'exportPageSize_';
export const PAGE_AFTER = 'exportPageAfter_';
/** The alias under which each page asks for the connection's `pageInfo`. */
export const PAGE_INFO = 'exportPageInfo_';

/** Scalars written as numbers, dates and date-times; every other scalar and enum is text. */
const NUMBER_SCALARS = new Set(['Int', 'Float']);
const DATE_SCALARS = new Set(['Date']);
const DATE_TIME_SCALARS = new Set(['DateTime', 'DateTimeISO']);

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variables: Record<string, unknown>;
}

/** A field of the operation with its schema definition and the type it selects within. */
interface Found {
  readonly node: FieldNode;
  readonly definition: GraphQLField<unknown, unknown>;
  readonly path: string[];
}

/**
 * The plan of an export: the first list or connection of the operation, in field order, depth
 * first (a connection selecting neither `nodes` nor `edges` is passed over). Null when the
 * operation holds none. A connection is read page by page: its `first` becomes the most rows
 * wanted, its `after` where to start, and `last`/`before` are refused (an export reads
 * forward). BAD_USER_INPUT for a `first` that is not a non-negative integer.
 */
export function exportPlan(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): ExportPlan | null {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  // The variables as the operation will read them (defaults applied); wrong ones refused here.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if ('errors' in coerced && coerced.errors) {
    const [error] = coerced.errors;
    Object.assign(error.extensions, { code: 'BAD_USER_INPUT' });
    throw error;
  }
  const walk: Walk = { schema, fragments, variables: coerced.coerced };
  const root = schema.getQueryType();
  if (!root) return null;
  const found = findRows(walk, operation.selectionSet, root, []);
  if (!found) return null;
  const { field, rows, rowsKey } = found;
  const columns = columnsOf(walk, rows.selectionSet, rows.type, [], groupKeys(walk, field));
  if (!rowsKey)
    return {
      rowsPath: field.path,
      paged: false,
      rowsKey: null,
      columns,
      query: print(document),
      variables,
      wanted: null,
      startAfter: null,
    };
  const args = argumentValues(walk, field);
  if (args.last !== undefined || args.before !== undefined)
    throw badInput(
      `An export reads \`${field.definition.name}\` forward, to its end: use \`first\` (the most rows wanted) and \`after\`, not \`last\` or \`before\`.`,
      { argument: 'last' },
    );
  const wanted = args.first ?? null;
  if (wanted !== null && (!Number.isInteger(wanted) || (wanted as number) < 0))
    throw badInput(`\`first\` of \`${field.definition.name}\` must be a whole number of rows.`, {
      argument: 'first',
    });
  const paged = withoutUnusedVariables(pagedDocument(document, operation, field.node), variables);
  return {
    rowsPath: field.path,
    paged: true,
    rowsKey,
    columns,
    query: print(paged.document),
    variables: paged.variables,
    wanted: wanted as number | null,
    startAfter: typeof args.after === 'string' ? args.after : null,
  };
}

/** The rows' field: a list of objects, or a connection with its `nodes` or `edges { node }`. */
function findRows(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  path: string[],
):
  | {
      field: Found;
      rows: { selectionSet: SelectionSetNode; type: GraphQLCompositeType };
      rowsKey: 'nodes' | 'edges' | null;
    }
  | undefined {
  for (const { node, definition } of fieldsOf(walk, selectionSet, parent)) {
    if (!node.selectionSet) continue;
    const key = node.alias?.value ?? node.name.value;
    const field: Found = { node, definition, path: [...path, key] };
    const named = getNamedType(definition.type) as GraphQLCompositeType;
    if (isListType(getNullableType(definition.type)))
      return { field, rows: { selectionSet: node.selectionSet, type: named }, rowsKey: null };
    if (isConnection(named)) {
      const rows = connectionRows(walk, node.selectionSet, named);
      if (rows) return { field, ...rows };
      continue;
    }
    const deeper = findRows(walk, node.selectionSet, named, field.path);
    if (deeper) return deeper;
  }
  return undefined;
}

function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && ('nodes' in fields || 'edges' in fields);
}

/** The rows of a connection's selection: its `nodes` if selected, else its edges' `node`. */
function connectionRows(
  walk: Walk,
  selectionSet: SelectionSetNode,
  connection: GraphQLCompositeType,
):
  | {
      rows: { selectionSet: SelectionSetNode; type: GraphQLCompositeType };
      rowsKey: 'nodes' | 'edges';
    }
  | undefined {
  const fields = fieldsOf(walk, selectionSet, connection);
  for (const wantedKey of ['nodes', 'edges'] as const) {
    const field = fields.find((f) => f.node.name.value === wantedKey && f.node.selectionSet);
    if (!field?.node.selectionSet) continue;
    // The response key must be the field's own name for the rows to be found in the answer.
    if (field.node.alias && field.node.alias.value !== wantedKey) continue;
    const type = getNamedType(field.definition.type) as GraphQLCompositeType;
    if (wantedKey === 'nodes')
      return { rows: { selectionSet: field.node.selectionSet, type }, rowsKey: 'nodes' };
    const node = fieldsOf(walk, field.node.selectionSet, type).find(
      (f) => f.node.name.value === 'node' && !f.node.alias && f.node.selectionSet,
    );
    if (node?.node.selectionSet)
      return {
        rows: {
          selectionSet: node.node.selectionSet,
          type: getNamedType(node.definition.type) as GraphQLCompositeType,
        },
        rowsKey: 'edges',
      };
  }
  return undefined;
}

/** The fields a selection set asks of a type, fragments followed, in order. */
function fieldsOf(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
): { node: FieldNode; definition: GraphQLField<unknown, unknown>; type: GraphQLCompositeType }[] {
  const out: {
    node: FieldNode;
    definition: GraphQLField<unknown, unknown>;
    type: GraphQLCompositeType;
  }[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) {
        if (selection.name.value === '__typename')
          out.push({ node: selection, definition: TYPENAME, type: parent });
        continue;
      }
      const definition = 'getFields' in parent ? parent.getFields()[selection.name.value] : null;
      if (definition) out.push({ node: selection, definition, type: parent });
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments[selection.name.value];
    if (!fragment) continue;
    const condition = fragment.typeCondition
      ? (walk.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType)
      : parent;
    out.push(...fieldsOf(walk, fragment.selectionSet, condition ?? parent));
  }
  return out;
}

/** `__typename`, asked of any type: text. */
const TYPENAME = {
  name: '__typename',
  type: GraphQLString,
  args: [],
} as unknown as GraphQLField<unknown, unknown>;

/**
 * The columns of the rows' selection, in field order, depth first: nested objects and lists
 * become dotted names (`rank.code`); a leaf named in `spread` (a group's `key`) becomes one
 * column per name given.
 */
function columnsOf(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  path: string[],
  spread: { field: string; names: readonly string[] } | null,
): ExportColumn[] {
  const columns: ExportColumn[] = [];
  const seen = new Set<string>();
  const add = (column: ExportColumn) => {
    if (seen.has(column.name)) return;
    seen.add(column.name);
    columns.push(column);
  };
  for (const { node, definition } of fieldsOf(walk, selectionSet, parent)) {
    const key = node.alias?.value ?? node.name.value;
    const here = [...path, key];
    const named = getNamedType(definition.type);
    if (node.selectionSet && named && 'getFields' in named) {
      for (const column of columnsOf(
        walk,
        node.selectionSet,
        named as GraphQLCompositeType,
        here,
        null,
      ))
        add(column);
      continue;
    }
    const kind = kindOf(named);
    if (spread && path.length === 0 && node.name.value === spread.field && !node.alias) {
      spread.names.forEach((name, item) => add({ name, path: here, item, kind }));
      continue;
    }
    add({ name: here.join('.'), path: here, kind });
  }
  return columns;
}

function kindOf(type: { name: string } | undefined): CellKind {
  if (!type) return 'text';
  if (isEnumType(type)) return 'text';
  if (NUMBER_SCALARS.has(type.name)) return 'number';
  if (type.name === 'Boolean') return 'boolean';
  if (DATE_SCALARS.has(type.name)) return 'date';
  if (DATE_TIME_SCALARS.has(type.name)) return 'dateTime';
  return 'text';
}

/**
 * A grouped count's key (`key`, a list of codes in the order of the field's `groupBy`) spread
 * over one column per dimension, named by it: `employeeCounts(groupBy: [AGENCY, RANK])` gives
 * the columns AGENCY and RANK instead of one cell holding both.
 */
function groupKeys(walk: Walk, field: Found): { field: string; names: string[] } | null {
  if (!field.definition.args.some((a) => a.name === 'groupBy')) return null;
  const groupBy = argumentValues(walk, field).groupBy;
  if (!Array.isArray(groupBy)) return null;
  return { field: 'key', names: groupBy.map(String) };
}

function argumentValues(walk: Walk, field: Found): Record<string, unknown> {
  return getArgumentValues(field.definition as never, field.node, walk.variables);
}

/**
 * The operation with the connection's `first`/`after` set by the export's page variables and
 * its `pageInfo` asked for under `PAGE_INFO`; the rest of the document as sent.
 */
function pagedDocument(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  connection: FieldNode,
): DocumentNode {
  const variable = (name: string): ValueNode => ({
    kind: Kind.VARIABLE,
    name: { kind: Kind.NAME, value: name },
  });
  const argument = (name: string, value: string): ArgumentNode => ({
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: variable(value),
  });
  const pageInfo: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: PAGE_INFO },
    name: { kind: Kind.NAME, value: 'pageInfo' },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: ['hasNextPage', 'endCursor'].map((name) => ({
        kind: Kind.FIELD,
        name: { kind: Kind.NAME, value: name },
      })),
    },
  };
  return visit<DocumentNode>(document, {
    Field(node) {
      if (node !== connection) return undefined;
      return {
        ...node,
        arguments: [
          ...(node.arguments ?? []).filter(
            (a) => !['first', 'after', 'last', 'before'].includes(a.name.value),
          ),
          argument('first', PAGE_SIZE),
          argument('after', PAGE_AFTER),
        ],
        selectionSet: {
          ...node.selectionSet!,
          selections: [...node.selectionSet!.selections, pageInfo],
        },
      };
    },
    OperationDefinition(node) {
      if (node !== operation) return undefined;
      const definition = (name: string, type: string, nonNull: boolean) => ({
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
        type: nonNull
          ? {
              kind: Kind.NON_NULL_TYPE,
              type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } },
            }
          : { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } },
      });
      return {
        ...node,
        variableDefinitions: [
          ...(node.variableDefinitions ?? []),
          definition(PAGE_SIZE, 'Int', true),
          definition(PAGE_AFTER, 'String', false),
        ],
      };
    },
  });
}

/**
 * The document without the definitions of variables it no longer uses (a `$first` the export
 * replaced), which validation would refuse; their values dropped too.
 */
function withoutUnusedVariables(
  document: DocumentNode,
  variables: Record<string, unknown>,
): { document: DocumentNode; variables: Record<string, unknown> } {
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable(node) {
      used.add(node.name.value);
    },
  });
  const unused = new Set<string>();
  visit(document, {
    VariableDefinition(node) {
      if (!used.has(node.variable.name.value)) unused.add(node.variable.name.value);
    },
  });
  return {
    document: {
      ...document,
      definitions: document.definitions.map((d) =>
        d.kind === Kind.OPERATION_DEFINITION
          ? {
              ...d,
              variableDefinitions: d.variableDefinitions?.filter(
                (v) => !unused.has(v.variable.name.value),
              ),
            }
          : d,
      ),
    },
    variables: Object.fromEntries(Object.entries(variables).filter(([name]) => !unused.has(name))),
  };
}
