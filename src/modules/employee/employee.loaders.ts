import { Competency } from '../competency/competency.entity';
import type { Context } from '../../context';
import { leanReaderOf } from '../../shared/lean';

export interface CurrentLevel {
  employeeId: number;
  competencyId: number;
  competencyCode: string;
  level: number;
  assessedOn: string;
  assessmentId: number;
}

/**
 * Current competency levels of many employees as of a date, in one statement: per employee and
 * competency, the result of the latest assessment on or before that date. The competencies
 * those levels are of come in the same statement (once each) and go to the competency loader.
 */
export function currentLevels(ctx: Context, asOf: string) {
  return ctx.loaders.custom<number, CurrentLevel[]>(
    `employee.currentLevels.${asOf}`,
    async (ids) => {
      const competency = leanReaderOf(ctx.em.getMetadata().get(Competency.name));
      const result = await ctx.knex.raw<{
        rows: { levels: CurrentLevel[] | null; competencies: Record<string, unknown>[] | null }[];
      }>(
        `with levels as (
           select distinct on (a.employee_id, r.competency_id)
                  a.employee_id as "employeeId", r.competency_id as "competencyId",
                  c.code as "competencyCode", r.level, a.assessed_on::text as "assessedOn",
                  a.id as "assessmentId"
             from assessment a
             join assessment_result r on r.assessment_id = a.id
             join competency c on c.id = r.competency_id
            where a.employee_id = any(?) and a.assessed_on <= ?
            order by a.employee_id, r.competency_id, a.assessed_on desc, a.id desc)
         select (select json_agg(l) from levels l) as levels,
                (select json_agg(x) from (select ${competency.select('c')} from competency c
                  where c.id in (select "competencyId" from levels)) x) as competencies`,
        [ids as number[], asOf],
      );
      const [{ levels, competencies }] = result.rows;
      await ctx.loaders.primeById(
        Competency,
        (competencies ?? []).map((row) => competency.map(row) as Competency),
      );
      const groups = new Map<number, CurrentLevel[]>(ids.map((id) => [id, []]));
      for (const row of levels ?? []) groups.get(row.employeeId)?.push(row);
      for (const list of groups.values())
        list.sort((a, b) => a.competencyCode.localeCompare(b.competencyCode));
      return ids.map((id) => groups.get(id) ?? []);
    },
  );
}

/** JP completed per employee in a year, for many employees in one statement. */
export function hoursInYear(ctx: Context, year: number) {
  return ctx.loaders.custom<number, number>(`employee.hoursInYear.${year}`, async (ids) => {
    const rows: { employee_id: number; hours: string }[] = await ctx
      .knex('training_record')
      .whereIn('employee_id', ids as number[])
      .andWhere('completed_on', '>=', `${year}-01-01`)
      .andWhere('completed_on', '<=', `${year}-12-31`)
      .groupBy('employee_id')
      .select('employee_id', ctx.knex.raw('sum(hours) as hours'));
    const map = new Map(rows.map((r) => [r.employee_id, Number(r.hours)]));
    return ids.map((id) => map.get(id) ?? 0);
  });
}
