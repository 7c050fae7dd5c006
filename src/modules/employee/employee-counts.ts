import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Knex } from '@mikro-orm/knex';
import type { Context } from '../../platform/graphql/context';
import { badInput } from '../../shared/errors';
import { suppressSmallGroups } from '../../domain/groups';
import { underGroupRule } from '../../platform/graphql/personal-facts';
import { Employee } from './employee.entity';
import type { EmployeeFilter } from './employee.inputs';
import { checkFilterLimits, employeeWhere } from './employee.service';
import { selectFromIndex } from './employee-selection';
import type { CountedField, EmployeeSelection } from '../../engine/ranking';

export enum EmployeeDimension {
  AGENCY = 'AGENCY',
  ORG_UNIT = 'ORG_UNIT',
  RANK = 'RANK',
  EDUCATION = 'EDUCATION',
  EMPLOYMENT_TYPE = 'EMPLOYMENT_TYPE',
  POSITION_CATEGORY = 'POSITION_CATEGORY',
  GENDER = 'GENDER',
}
registerEnumType(EmployeeDimension, {
  name: 'EmployeeDimension',
  description: 'What employees can be counted by.',
  valuesConfig: {
    AGENCY: { description: 'Agency code.' },
    ORG_UNIT: { description: 'Org unit code (the unit itself, not its parents).' },
    RANK: { description: 'Rank code (null for PPPK).' },
    EDUCATION: { description: 'Education code.' },
    EMPLOYMENT_TYPE: { description: 'PNS, CPNS or PPPK.' },
    POSITION_CATEGORY: { description: 'Category of the position held (null: none).' },
    GENDER: { description: 'MALE or FEMALE, from the NIP (null without a NIP).' },
  },
});

@ObjectType({ description: 'How many employees share one combination of the grouped dimensions.' })
export class EmployeeCount {
  @Field(() => [String], {
    nullable: 'items',
    description: 'The code for each dimension of `groupBy`, in its order; null where none.',
  })
  key!: (string | null)[];

  @Field(() => Int, { description: 'How many employees have this key.' })
  count!: number;

  @Field(() => Boolean, {
    description:
      'The row gathers the groups withheld from an ANALYST for being smaller than the minimum group size (its key all null, its count their total); false on every other row.',
  })
  suppressed!: boolean;

  /** The groups of the answer this row is one of: what its means are computed over. */
  groups?: CountedGroups;
}

/**
 * The groups of one `employeeCounts` answer: the employees it counted, grouped the same way, so
 * that each mean asked of its rows is one statement for all of them (`employee-means.ts`).
 */
export interface CountedGroups {
  readonly ctx: Context;
  /**
   * The counted employees (`e`), joined and grouped by the key columns `k0`, `k1`, … (wrapped:
   * a query is a promise of its rows).
   */
  grouped(): Promise<{ query: Knex.QueryBuilder }>;
  /** The key columns' names, in the order of `groupBy`. */
  readonly keys: readonly string[];
  /** What each mean computed for these groups answered, by what it was asked (memo). */
  readonly means: Map<string, Promise<ReadonlyMap<string, { mean: number | null; n: number }>>>;
}

/** A row's key as the means' results are keyed. */
export const keyText = (key: readonly (string | null)[]): string => JSON.stringify(key);

/** The most groups one answer holds (the cost model counts on it). */
const MAX_GROUPS = 1000;

/** Each dimension as a column of one statement, with the join it needs. */
const DIMENSIONS: Record<
  EmployeeDimension,
  { column: string; join?: 'unit' | 'agency' | 'position' }
> = {
  AGENCY: { column: 'ag.code', join: 'agency' },
  ORG_UNIT: { column: 'u.code', join: 'unit' },
  RANK: { column: 'e.rank_code' },
  EDUCATION: { column: 'e.education_code' },
  EMPLOYMENT_TYPE: { column: 'e.employment_type' },
  POSITION_CATEGORY: { column: 'p.category', join: 'position' },
  // The 15th digit of the NIP: 1 man, 2 woman.
  GENDER: {
    column: `case substr(e.nip, 15, 1) when '1' then 'MALE' when '2' then 'FEMALE' end`,
  },
};

/**
 * Headcounts of the employees a filter selects (within the viewer's visibility), grouped by the
 * dimensions in order, largest groups first, then by key: from the ranking index when it holds
 * the filter's facts and every dimension's (`countsFromIndex`), else one SQL statement. To a
 * role under the group rule (ANALYST), groups smaller than `MIN_GROUP_SIZE` are withheld
 * (`suppressSmallGroups`); with no dimension the one total is such a group too.
 */
export async function employeeCounts(
  ctx: Context,
  groupBy: readonly EmployeeDimension[],
  filter: EmployeeFilter | null | undefined,
): Promise<EmployeeCount[]> {
  if (groupBy.length > 4) throw badInput('Group by at most 4 dimensions.', { argument: 'groupBy' });
  if (new Set(groupBy).size !== groupBy.length)
    throw badInput('Each dimension may be grouped by once.', { argument: 'groupBy' });
  checkFilterLimits(filter);
  let where: Promise<{ $and: object[] }> | undefined;
  const columns = groupBy.map((d, i) => ({ name: `k${i}`, sql: DIMENSIONS[d].column }));
  const joins = new Set(groupBy.map((d) => DIMENSIONS[d].join));
  // The counted employees with the key columns first (1…n), grouped by them.
  const grouped = async () => {
    where ??= employeeWhere(ctx, filter);
    const selected = ctx.em
      .createQueryBuilder(Employee, 'f')
      .select('f.id')
      .where(await where)
      .getKnexQuery();
    const query = ctx.knex('employee as e').whereIn('e.id', selected);
    if (joins.has('unit') || joins.has('agency'))
      query.join('org_unit as u', 'u.id', 'e.org_unit_id');
    if (joins.has('agency')) query.join('agency as ag', 'ag.id', 'u.agency_id');
    if (joins.has('position')) query.leftJoin('position as p', 'p.id', 'e.position_id');
    for (const { name, sql } of columns) query.select(ctx.knex.raw(`${sql} as ${name}`));
    if (columns.length > 0) query.groupByRaw(columns.map((_, i) => String(i + 1)).join(', '));
    return { query };
  };
  const groups: CountedGroups = {
    ctx,
    grouped,
    keys: columns.map((c) => c.name),
    means: new Map(),
  };
  const selection = groupBy.every(indexDimension) ? await selectFromIndex(ctx, filter) : undefined;
  const counted = selection
    ? await countsFromIndex(ctx, selection, groupBy)
    : await countsInSql((await grouped()).query, columns.length);
  if (counted.length > MAX_GROUPS)
    throw badInput(
      `More than ${MAX_GROUPS} groups: narrow the filter, or group by fewer dimensions.`,
      { argument: 'groupBy' },
    );
  const counts: EmployeeCount[] = counted.map(({ key, count }) =>
    Object.assign(new EmployeeCount(), { key, count, suppressed: false, groups }),
  );
  // An ANALYST must not single anyone out: groups below the minimum are withheld.
  if (!underGroupRule(ctx.access)) return counts;
  return suppressSmallGroups(counts, ctx.minGroupSize, (total) =>
    Object.assign(new EmployeeCount(), {
      key: columns.map(() => null),
      count: total,
      suppressed: true,
    }),
  );
}

/** A group's key (codes, null where none) and its headcount. */
interface Counted {
  key: (string | null)[];
  count: number;
}

/** The groups in SQL: largest first, then by key (nulls last); at most one past the limit. */
async function countsInSql(grouped: Knex.QueryBuilder, keys: number): Promise<Counted[]> {
  const query = grouped.select(grouped.client.raw('count(*)::int as count'));
  if (keys > 0)
    query.orderByRaw(
      ['count desc', ...Array.from({ length: keys }, (_, i) => `${i + 1} nulls last`)].join(', '),
    );
  const rows = (await query.limit(MAX_GROUPS + 1)) as Record<string, string | number | null>[];
  return rows.map((row) => ({
    key: Array.from({ length: keys }, (_, i) =>
      row[`k${i}`] === null ? null : String(row[`k${i}`]),
    ),
    count: Number(row.count),
  }));
}

/** The dimensions the ranking index holds, as the fields it counts by. */
const INDEX_FIELDS: Partial<Record<EmployeeDimension, CountedField['field']>> = {
  AGENCY: 'orgUnit',
  ORG_UNIT: 'orgUnit',
  RANK: 'rank',
  EDUCATION: 'education',
  EMPLOYMENT_TYPE: 'employmentType',
};

const indexDimension = (dimension: EmployeeDimension) => INDEX_FIELDS[dimension] !== undefined;

/**
 * The groups from the index's selection: counted over the columns by unit, rank, education and
 * type, the units gathered by agency or named by code (one statement reads the units), then
 * ordered as the SQL way orders them (largest first, then by key, nulls last, in the database's
 * C collation: code point order).
 */
async function countsFromIndex(
  ctx: Context,
  selection: EmployeeSelection,
  groupBy: readonly EmployeeDimension[],
): Promise<Counted[]> {
  const units = groupBy.some((d) => INDEX_FIELDS[d] === 'orgUnit')
    ? await selection.fromUnits('counted units', () => unitsOf(ctx))
    : null;
  const names: (string[] | null)[] = [];
  const fields: CountedField[] = groupBy.map((dimension) => {
    const field = INDEX_FIELDS[dimension]!;
    if (field !== 'orgUnit') {
      names.push(null);
      return { field };
    }
    // Units as groups: each agency's (by its code), or each unit its own.
    const codes = dimension === EmployeeDimension.AGENCY ? units!.agencies : units!.codes;
    const groupNames = [...new Set(codes)];
    const groupOfName = new Map(groupNames.map((name, i) => [name, i]));
    const groupOf = new Int32Array(units!.maxId + 1).fill(-1);
    units!.ids.forEach((id, i) => (groupOf[id] = groupOfName.get(codes[i])!));
    names.push(groupNames);
    return { field, groupOf, groups: groupNames.length };
  });
  const counted: Counted[] = selection.countBy(fields).map(({ key, count }) => ({
    key: key.map((value, i) =>
      value === null ? null : typeof value === 'number' ? names[i]![value] : value,
    ),
    count,
  }));
  return counted.sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
}

/** Every org unit's id, code and agency code (one statement; the index keeps it until they change). */
async function unitsOf(
  ctx: Context,
): Promise<{ ids: number[]; codes: string[]; agencies: string[]; maxId: number }> {
  const { rows } = await ctx.knex.raw<{
    rows: { ids: number[] | null; codes: string[] | null; agencies: string[] | null }[];
  }>(
    `select array_agg(u.id) as ids, array_agg(u.code) as codes, array_agg(a.code) as agencies
       from org_unit u join agency a on a.id = u.agency_id`,
  );
  const ids = rows[0]?.ids ?? [];
  return {
    ids,
    codes: rows[0]?.codes ?? [],
    agencies: rows[0]?.agencies ?? [],
    maxId: ids.reduce((a, b) => Math.max(a, b), 0),
  };
}

/** Keys in SQL's `nulls last` order, text by code point (the C collation's byte order). */
function compareKeys(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === null) return 1;
    if (b[i] === null) return -1;
    return Buffer.compare(Buffer.from(a[i]!), Buffer.from(b[i]!));
  }
  return 0;
}
