import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Knex } from '@mikro-orm/knex';
import type { Context } from '../../platform/graphql/context';
import { badInput } from '../../shared/errors';
import { suppressSmallGroups } from '../../domain/groups';
import { underGroupRule } from '../../platform/graphql/personal-facts';
import { Employee } from './employee.entity';
import type { EmployeeFilter } from './employee.inputs';
import { employeeWhere } from './employee.service';

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
  /** The counted employees (`e`), joined and grouped by the key columns `k0`, `k1`, …. */
  grouped(): Knex.QueryBuilder;
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
 * dimensions in order: one SQL statement, largest groups first, then by key. To a role under
 * the group rule (ANALYST), groups smaller than `MIN_GROUP_SIZE` are withheld
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
  const where = await employeeWhere(ctx, filter);
  const columns = groupBy.map((d, i) => ({ name: `k${i}`, sql: DIMENSIONS[d].column }));
  const joins = new Set(groupBy.map((d) => DIMENSIONS[d].join));
  // The counted employees with the key columns first (1…n), grouped by them.
  const grouped = () => {
    const selected = ctx.em
      .createQueryBuilder(Employee, 'f')
      .select('f.id')
      .where(where)
      .getKnexQuery();
    const query = ctx.knex('employee as e').whereIn('e.id', selected);
    if (joins.has('unit') || joins.has('agency'))
      query.join('org_unit as u', 'u.id', 'e.org_unit_id');
    if (joins.has('agency')) query.join('agency as ag', 'ag.id', 'u.agency_id');
    if (joins.has('position')) query.leftJoin('position as p', 'p.id', 'e.position_id');
    for (const { name, sql } of columns) query.select(ctx.knex.raw(`${sql} as ${name}`));
    if (columns.length > 0) query.groupByRaw(columns.map((_, i) => String(i + 1)).join(', '));
    return query;
  };
  const groups: CountedGroups = {
    ctx,
    grouped,
    keys: columns.map((c) => c.name),
    means: new Map(),
  };
  const query = grouped().select(ctx.knex.raw('count(*)::int as count'));
  if (columns.length > 0)
    query.orderByRaw(['count desc', ...columns.map((_, i) => `${i + 1} nulls last`)].join(', '));
  const rows = (await query.limit(MAX_GROUPS + 1)) as Record<string, string | number | null>[];
  if (rows.length > MAX_GROUPS)
    throw badInput(
      `More than ${MAX_GROUPS} groups: narrow the filter, or group by fewer dimensions.`,
      { argument: 'groupBy' },
    );
  const counts: EmployeeCount[] = rows.map((row) =>
    Object.assign(new EmployeeCount(), {
      key: columns.map(({ name }) => (row[name] === null ? null : String(row[name]))),
      count: Number(row.count),
      suppressed: false,
      groups,
    }),
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
