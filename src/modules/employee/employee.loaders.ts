import { Competency } from '../competency/competency.entity';
import { Employee } from './employee.entity';
import type { Context } from '../../platform/graphql/context';
import type { LeanReader } from '../../platform/db/lean';
import { prepared } from '../../platform/db/prepared';

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
      const competency = ctx.loaders.readerOf(Competency);
      const sql = levelsAndCompetencies(
        'a.employee_id = any(?)',
        'a.employee_id, ',
        competency.select('c'),
      );
      const result = await ctx.knex
        .raw<{ rows: LevelColumns[] }>(sql, [ids as number[], asOf])
        .options(prepared(sql));
      const levels = await levelsOf(ctx, result.rows[0], competency);
      const groups = new Map<number, CurrentLevel[]>(ids.map((id) => [id, []]));
      for (const level of levels) groups.get(level.employeeId)?.push(level);
      for (const list of groups.values()) byCode(list);
      return ids.map((id) => groups.get(id) ?? []);
    },
  );
}

/** Levels by competency code, as `competencies` lists them. */
export const byCode = (levels: CurrentLevel[]) =>
  levels.sort((a, b) => a.competencyCode.localeCompare(b.competencyCode));

/** The current levels as `levelsAndCompetencies` selects them: a column per field. */
export interface LevelColumns {
  employees: number[] | null;
  competencies: number[] | null;
  levels: number[] | null;
  dates: string[] | null;
  assessments: number[] | null;
  competencyRows: Record<string, unknown>[] | null;
}

/**
 * The current levels of the employees `which` names (the latest result per employee and
 * competency on or before the date bound next), one array per field (PostgreSQL writes arrays
 * of numbers far faster than objects), with the competencies they are of: the
 * `LevelColumns`, in one row.
 */
function levelsAndCompetencies(
  which: string,
  perEmployee: string,
  competencyColumns: string,
): string {
  return `select agg.*, (select json_agg(x) from (select ${competencyColumns} from competency c
                  where c.id = any(agg.competencies)) x) as "competencyRows"
    from (with levels as (${latestLevels(which, perEmployee)})
          select ${LEVEL_ARRAYS} from levels) as agg`;
}

/**
 * The latest result per competency (and per employee, with `perEmployee`) of the assessments
 * `which` names on or before the date bound next (the latest assessment of a day first): what a
 * current level is. Columns: employee_id, competency_id, level, assessed_on, id.
 */
export function latestLevels(which: string, perEmployee: string): string {
  return `select distinct on (${perEmployee}r.competency_id)
                  a.employee_id, r.competency_id, r.level, a.assessed_on, a.id
             from assessment a
             join assessment_result r on r.assessment_id = a.id
            where ${which} and a.assessed_on <= ?
            order by ${perEmployee}r.competency_id, a.assessed_on desc, a.id desc`;
}

/** The `LevelColumns` of the rows of `latestLevels`, aggregated as arrays. */
export const LEVEL_ARRAYS = `array_agg(employee_id) as employees, array_agg(competency_id) as competencies,
                 array_agg(level) as levels, array_agg(assessed_on::text) as dates,
                 array_agg(id) as assessments`;

/** The levels of `LevelColumns` as objects, their competencies handed to the loader first. */
export async function levelsOf(
  ctx: Context,
  columns: LevelColumns,
  competency: LeanReader<Competency>,
): Promise<CurrentLevel[]> {
  const competencies = (columns.competencyRows ?? []).map((r) => competency.map(r));
  await ctx.loaders.primeById(Competency, competencies);
  const codes = new Map(competencies.map((c) => [c.id, c.code]));
  const levels: CurrentLevel[] = [];
  const n = columns.employees?.length ?? 0;
  for (let i = 0; i < n; i++)
    levels.push({
      employeeId: columns.employees![i],
      competencyId: columns.competencies![i],
      competencyCode: codes.get(columns.competencies![i])!,
      level: columns.levels![i],
      assessedOn: columns.dates![i],
      assessmentId: columns.assessments![i],
    });
  return levels;
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
  const employee = ctx.loaders.readerOf(Employee);
  const competency = ctx.loaders.readerOf(Competency);
  const sql = `select ${employee.select('t')}, lv.*
       from ${employee.table} as t
       left join lateral (${levelsAndCompetencies('a.employee_id = t.id', '', competency.select('c'))}) as lv on true
      where t.nip = ?`;
  const { rows } = await ctx.knex
    .raw<{ rows: (Record<string, unknown> & LevelColumns)[] }>(sql, [asOf, nip])
    .options(prepared(sql));
  const byNip = ctx.loaders.byKey<Employee, string>(Employee, 'nip');
  const [row] = rows;
  if (!row) {
    byNip.prime(nip, null);
    return null;
  }
  const found = employee.map(row);
  await ctx.loaders.primeById(Employee, [found]);
  const visible = await ctx.loaders.byId(Employee).load(found.id);
  byNip.prime(nip, visible);
  if (!visible) return null;
  currentLevels(ctx, asOf).prime(found.id, byCode(await levelsOf(ctx, row, competency)));
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
