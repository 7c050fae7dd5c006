import type { Knex } from '@mikro-orm/knex';
import { appointmentDateOf, birthDateOf } from '../../domain/employee.dates';
import { EDUCATION_LEVELS, RANKS } from '../../domain/reference.data';
import type { CandidateSpec } from '../../domain/fit.scoring';
import type { DisciplineLevel, DisciplineSentence } from '../../domain/discipline';

/**
 * What scoring may know of one employee, for every date: the candidate spec's dated parts
 * (levels, courses) kept whole, so a spec can be cut from them for any date.
 */
export interface EmployeeFacts extends Omit<
  CandidateSpec,
  'levels' | 'completedCourseIds' | 'performance' | 'discipline'
> {
  readonly orgUnitId: number;
  /** Per competency, every assessed level, latest first (date, then assessment id). */
  readonly history: Map<number, { level: number; assessedOn: string }[]>;
  readonly trainings: { courseId: number; completedOn: string }[];
  /** Latest year first. */
  readonly performance: { year: number; rating: string }[];
  /** Disciplinary sentences, by first day then last (no end last). */
  readonly discipline: DisciplineSentence[];
}

const RANK_ORDINAL = new Map(RANKS.map((r) => [r.code, { code: r.code, ordinal: r.ordinal }]));
const EDUCATION_ORDINAL = new Map(
  EDUCATION_LEVELS.map((e) => [e.code, { code: e.code, ordinal: e.ordinal }]),
);

/**
 * The facts of some employees (by id, or an id range `[from, to)`), in four statements. The
 * one way a candidate is read: the ranking index loads through it, and so do single fits.
 */
export async function loadEmployeeFacts(
  knex: Knex,
  selection: { ids: readonly number[] } | { range: readonly [number, number] },
): Promise<EmployeeFacts[]> {
  const where = (column: string) =>
    'ids' in selection ? `${column} = any(?)` : `${column} >= ? and ${column} < ?`;
  const bindings = 'ids' in selection ? [[...selection.ids]] : [...selection.range];
  const rows = async <T>(sql: string) =>
    (await knex.raw<{ rows: T[] }>(sql, bindings as Knex.RawBinding[])).rows;
  const [employees, results, trainings, ratings] = await Promise.all([
    rows<{
      id: number;
      org_unit_id: number;
      position_id: number | null;
      employment_type: string;
      rank_code: string | null;
      pppk_grade: number | null;
      education_code: string;
      nip: string | null;
      birth_date: string | null;
      appointed_on: string | null;
      discipline: { level: DisciplineLevel; from: string; until: string | null }[] | null;
    }>(
      // Sentences are few (most have none): read beside the employee, not in a statement of their own.
      `select e.id, e.org_unit_id, e.position_id, e.employment_type, e.rank_code, e.pppk_grade,
              e.education_code, e.nip, e.birth_date::text, e.appointed_on::text,
              (select json_agg(json_build_object('level', d.level, 'from', d.starts_on, 'until', d.ends_on)
                               order by d.starts_on, d.ends_on nulls last, d.id)
                 from discipline_record d where d.employee_id = e.id) as discipline
         from employee e where ${where('e.id')}`,
    ),
    rows<{ employee_id: number; competency_id: number; level: number; assessed_on: string }>(
      `select a.employee_id, r.competency_id, r.level, a.assessed_on::text
         from assessment a join assessment_result r on r.assessment_id = a.id
        where ${where('a.employee_id')}
        order by a.employee_id, r.competency_id, a.assessed_on desc, a.id desc`,
    ),
    rows<{ employee_id: number; course_id: number; completed_on: string }>(
      `select employee_id, course_id, completed_on::text from training_record
        where ${where('employee_id')}`,
    ),
    rows<{ employee_id: number; year: number; rating: string }>(
      `select employee_id, year, rating from performance_record
        where ${where('employee_id')} order by employee_id, year desc, id`,
    ),
  ]);
  const byId = new Map<number, EmployeeFacts>();
  for (const employee of employees) {
    byId.set(employee.id, {
      id: employee.id,
      orgUnitId: employee.org_unit_id,
      positionId: employee.position_id,
      employmentType: employee.employment_type,
      rank: (employee.rank_code && RANK_ORDINAL.get(employee.rank_code)) || null,
      pppkGrade: employee.pppk_grade,
      education: EDUCATION_ORDINAL.get(employee.education_code)!,
      birthDate: birthDateOf({ nip: employee.nip, birthDate: employee.birth_date }),
      appointedOn: appointmentDateOf({ nip: employee.nip, appointedOn: employee.appointed_on }),
      history: new Map(),
      trainings: [],
      performance: [],
      discipline: employee.discipline ?? [],
    });
  }
  for (const result of results) {
    const history = byId.get(result.employee_id)?.history;
    if (!history) continue;
    const entry = { level: result.level, assessedOn: result.assessed_on };
    const list = history.get(result.competency_id);
    if (list) list.push(entry);
    else history.set(result.competency_id, [entry]);
  }
  for (const training of trainings)
    byId
      .get(training.employee_id)
      ?.trainings.push({ courseId: training.course_id, completedOn: training.completed_on });
  for (const rating of ratings)
    byId.get(rating.employee_id)?.performance.push({ year: rating.year, rating: rating.rating });
  return [...byId.values()];
}

/** The candidate spec as of a date: the latest level of each competency up to it, the courses completed by it. */
export function candidateSpecOf(facts: EmployeeFacts, asOf: string): CandidateSpec {
  const levels = new Map<number, { level: number; assessedOn: string }>();
  for (const [competencyId, history] of facts.history) {
    const latest = history.find((entry) => entry.assessedOn <= asOf);
    if (latest) levels.set(competencyId, latest);
  }
  return {
    id: facts.id,
    employmentType: facts.employmentType,
    rank: facts.rank,
    pppkGrade: facts.pppkGrade,
    education: facts.education,
    birthDate: facts.birthDate,
    appointedOn: facts.appointedOn,
    levels,
    completedCourseIds: new Set(
      facts.trainings.filter((t) => t.completedOn <= asOf).map((t) => t.courseId),
    ),
    performance: facts.performance,
    positionId: facts.positionId,
    discipline: facts.discipline,
  };
}
