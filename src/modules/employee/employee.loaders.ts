import { Competency } from '../competency/competency.entity';
import { Employee } from './employee.entity';
import type { Context } from '../../context';
import { leanReaderOf } from '../../shared/lean';
import { prepared } from '../../shared/prepared';

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
      const sql = levelsAndCompetencies(
        'a.employee_id = any(?)',
        'a.employee_id, ',
        competency.select('c'),
      );
      const result = await ctx.knex
        .raw<{
          rows: { levels: CurrentLevel[] | null; competencies: Record<string, unknown>[] | null }[];
        }>(sql, [ids as number[], asOf])
        .options(prepared(sql));
      const [{ levels, competencies }] = result.rows;
      await ctx.loaders.primeById(
        Competency,
        (competencies ?? []).map((row) => competency.map(row) as Competency),
      );
      const groups = new Map<number, CurrentLevel[]>(ids.map((id) => [id, []]));
      for (const row of levels ?? []) groups.get(row.employeeId)?.push(row);
      for (const list of groups.values()) byCode(list);
      return ids.map((id) => groups.get(id) ?? []);
    },
  );
}

const byCode = (levels: CurrentLevel[]) =>
  levels.sort((a, b) => a.competencyCode.localeCompare(b.competencyCode));

/**
 * The current levels of the employees `which` names (the latest result per employee and
 * competency on or before the date bound next), as JSON, with the competencies they are of.
 */
function levelsAndCompetencies(
  which: string,
  perEmployee: string,
  competencyColumns: string,
): string {
  return `with levels as (
           select distinct on (${perEmployee}r.competency_id)
                  a.employee_id as "employeeId", r.competency_id as "competencyId",
                  c.code as "competencyCode", r.level, a.assessed_on::text as "assessedOn",
                  a.id as "assessmentId"
             from assessment a
             join assessment_result r on r.assessment_id = a.id
             join competency c on c.id = r.competency_id
            where ${which} and a.assessed_on <= ?
            order by ${perEmployee}r.competency_id, a.assessed_on desc, a.id desc)
         select (select json_agg(l) from levels l) as levels,
                (select json_agg(x) from (select ${competencyColumns} from competency c
                  where c.id in (select "competencyId" from levels)) x) as competencies`;
}

/**
 * An employee by NIP with their current levels as of a date and the competencies of those
 * levels, in one statement: what `employee(nip) { competencies { … } }` reads. The employee
 * passes the viewer's visibility as every loaded employee does; the levels and competencies go
 * to their loaders, so the fields that follow resolve without another statement.
 */
export async function employeeWithLevels(
  ctx: Context,
  nip: string,
  asOf: string,
): Promise<Employee | null> {
  const meta = ctx.em.getMetadata();
  const employee = leanReaderOf(meta.get(Employee.name));
  const competency = leanReaderOf(meta.get(Competency.name));
  const sql = `select ${employee.select('t')}, lv.levels as "__levels", lv.competencies as "__competencies"
       from ${employee.table} as t
       left join lateral (${levelsAndCompetencies('a.employee_id = t.id', '', competency.select('c'))}) as lv on true
      where t.nip = ?`;
  const { rows } = await ctx.knex
    .raw<{ rows: Record<string, unknown>[] }>(sql, [asOf, nip])
    .options(prepared(sql));
  const byNip = ctx.loaders.byKey<Employee, string>(Employee, 'nip');
  const [row] = rows;
  if (!row) {
    byNip.prime(nip, null);
    return null;
  }
  const found = employee.map(row) as Employee;
  await ctx.loaders.primeById(Employee, [found]);
  const visible = await ctx.loaders.byId(Employee).load(found.id);
  byNip.prime(nip, visible);
  if (!visible) return null;
  await ctx.loaders.primeById(
    Competency,
    ((row.__competencies as Record<string, unknown>[] | null) ?? []).map(
      (r) => competency.map(r) as Competency,
    ),
  );
  currentLevels(ctx, asOf).prime(found.id, byCode((row.__levels as CurrentLevel[] | null) ?? []));
  return visible;
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
