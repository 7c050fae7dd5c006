import { shownMean } from '../../domain/groups';
import { underGroupRule } from '../../platform/graphql/personal-facts';
import { badInput } from '../../shared/errors';
import { yearArgument } from '../../shared/arguments';
import { Competency } from '../competency/competency.entity';
import { keyText, type CountedGroups, type EmployeeCount } from './employee-counts';

/** One mean per group of an answer, by the group's key (`keyText`). */
type Means = ReadonlyMap<string, { mean: number | null; n: number }>;

/**
 * The mean current level of a competency in a row's group: the latest assessment result in it
 * up to today (as `Employee.competencies` and the skill filter read it, stale ones included),
 * over the group's employees who have one; those never assessed in it are left out, not
 * counted as 0. To an ANALYST, null unless at least `MIN_GROUP_SIZE` of the group are assessed.
 * One statement for every group of the answer, whichever row asks first.
 */
export async function meanLevel(row: EmployeeCount, code: string): Promise<number | null> {
  const groups = row.groups;
  if (!groups || row.suppressed) return null;
  const { ctx } = groups;
  const competency = await ctx.loaders.byKey(Competency, 'code').load(code.trim());
  if (!competency)
    throw badInput(`No competency has code "${code.trim()}".`, { argument: 'competency' });
  const means = meansOf(groups, `level:${competency.id}`, async () => {
    const levels = ctx.knex.raw(
      `(select distinct on (a.employee_id) a.employee_id, r.level
          from assessment a join assessment_result r on r.assessment_id = a.id
         where r.competency_id = ? and a.assessed_on <= ?
         order by a.employee_id, a.assessed_on desc, a.id desc) as l`,
      [competency.id, ctx.today],
    );
    return (await groups.grouped()).query
      .leftJoin(levels, 'l.employee_id', 'e.id')
      .select(ctx.knex.raw('avg(l.level)::float8 as mean, count(l.level)::int as n'));
  });
  return shown(row, await means);
}

/**
 * The mean JP of training completed in a year per employee of a row's group: everyone in the
 * group counts, an employee with no training that year as 0 (the 20 JP a year is everyone's
 * right, so those who had none pull the mean down, as they should). One statement for every
 * group of the answer.
 */
export async function meanTrainingHours(row: EmployeeCount, year: number): Promise<number | null> {
  const groups = row.groups;
  if (!groups || row.suppressed) return null;
  const { ctx } = groups;
  const asked = yearArgument(ctx.today, year);
  const means = meansOf(groups, `hours:${asked}`, async () => {
    const hours = ctx.knex.raw(
      `(select employee_id, sum(hours) as hours from training_record
         where completed_on >= ? and completed_on <= ? group by employee_id) as t`,
      [`${asked}-01-01`, `${asked}-12-31`],
    );
    return (await groups.grouped()).query
      .leftJoin(hours, 't.employee_id', 'e.id')
      .select(ctx.knex.raw('avg(coalesce(t.hours, 0))::float8 as mean, count(*)::int as n'));
  });
  return shown(row, await means);
}

/** The means of one aggregate for every group, computed once per answer and aggregate. */
function meansOf(
  groups: CountedGroups,
  asked: string,
  statement: () => PromiseLike<unknown>,
): Promise<Means> {
  let means = groups.means.get(asked);
  if (!means) {
    means = (async () => {
      const rows = (await statement()) as Record<string, string | number | null>[];
      return new Map(
        rows.map((r) => [
          keyText(groups.keys.map((k) => (r[k] === null ? null : String(r[k])))),
          { mean: r.mean === null ? null : Number(r.mean), n: Number(r.n) },
        ]),
      );
    })();
    groups.means.set(asked, means);
  }
  return means;
}

function shown(row: EmployeeCount, means: Means): number | null {
  const { ctx } = row.groups!;
  const group = means.get(keyText(row.key)) ?? { mean: null, n: 0 };
  return shownMean(
    { mean: group.mean, contributors: group.n, suppressed: row.suppressed },
    ctx.minGroupSize,
    underGroupRule(ctx.access),
  );
}
