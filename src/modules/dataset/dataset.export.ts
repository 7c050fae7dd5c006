import type { Knex } from '@mikro-orm/knex';
import type { DatasetDocument } from './dataset.types';

/** Limits an export to some records of one section (e.g. the one a mutation updates). */
export interface ExportScope {
  section: 'agencies' | 'orgUnits' | 'competencies' | 'courses' | 'positions' | 'employees';
  /** Codes, or NIPs and PPPK numbers for employees. */
  keys: string[];
}

/** Groups rows by a key, keeping their order. */
function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * The whole database as one dataset document, every record whole and in a stable order
 * (by code, NIP, date), so that exporting twice gives the same bytes.
 */
export async function exportDataset(
  knex: Knex | Knex.Transaction,
  scope?: ExportScope,
): Promise<Required<DatasetDocument>> {
  const q = async <T>(sql: string, bindings: unknown[] = []) =>
    (await knex.raw(sql, bindings as Knex.RawBinding[])) as unknown as { rows: T[] };
  // Without a scope every section is exported whole; with one, only that section's keys.
  const wants = (section: ExportScope['section']) => !scope || scope.section === section;
  const keyFilter = (column: string, section: ExportScope['section']) =>
    scope?.section === section ? `where ${column} = any(?)` : '';
  const keyBindings = (section: ExportScope['section']) =>
    scope?.section === section ? [scope.keys] : [];
  const none = <T>() => ({ rows: [] as T[] });
  /** Rows of a child table for some parent ids, grouped by parent. */
  const childRows = async <T>(sql: string, parentIds: number[], parentOf: (row: T) => number) =>
    groupBy((await q<T>(sql, [parentIds])).rows, parentOf);
  const agencies = (
    wants('agencies')
      ? await q<{ code: string; name: string; kind: string }>(
          `select code, name, kind from agency ${keyFilter('code', 'agencies')} order by code`,
          keyBindings('agencies'),
        )
      : none<{ code: string; name: string; kind: string }>()
  ).rows;
  const orgUnits = (
    wants('orgUnits')
      ? await q<{ code: string; agency: string; name: string; parent: string | null }>(
          `select u.code, a.code as agency, u.name, p.code as parent
             from org_unit u join agency a on a.id = u.agency_id left join org_unit p on p.id = u.parent_id
           ${keyFilter('u.code', 'orgUnits')} order by u.code`,
          keyBindings('orgUnits'),
        )
      : none<{ code: string; agency: string; name: string; parent: string | null }>()
  ).rows;

  const competencyRows = wants('competencies')
    ? (
        await q<{ id: number; code: string; name: string; type: string; description: string }>(
          `select id, code, name, type, description from competency ${keyFilter('code', 'competencies')} order by code`,
          keyBindings('competencies'),
        )
      ).rows
    : [];
  const competencyIds = competencyRows.map((c) => c.id);
  const levels = await childRows<{
    competency_id: number;
    level: number;
    description: string;
    indicators: string[];
  }>(
    `select competency_id, level, description, indicators from competency_level
        where competency_id = any(?) order by competency_id, level`,
    competencyIds,
    (r) => r.competency_id,
  );
  const competencies = competencyRows.map((c) => ({
    code: c.code,
    name: c.name,
    type: c.type,
    description: c.description,
    levels: (levels.get(c.id) ?? []).map((l) => ({
      level: l.level,
      description: l.description,
      indicators: l.indicators,
    })),
  }));

  const courseRows = !wants('courses')
    ? []
    : (
        await q<{
          id: number;
          code: string;
          title: string;
          type: string;
          modality: string;
          hours: number;
          cost: string;
          provider: string;
        }>(
          `select id, code, title, type, modality, hours, cost, provider from course ${keyFilter('code', 'courses')} order by code`,
          keyBindings('courses'),
        )
      ).rows;
  const courseIds = courseRows.map((c) => c.id);
  const outcomes = await childRows<{
    course_id: number;
    competency: string;
    min_level: number | null;
    to_level: number;
  }>(
    `select o.course_id, c.code as competency, o.min_level, o.to_level
         from course_outcome o join competency c on c.id = o.competency_id
        where o.course_id = any(?) order by o.course_id, o.ordinal, o.id`,
    courseIds,
    (r) => r.course_id,
  );
  const prerequisites = await childRows<{ course_id: number; code: string }>(
    `select p.course_id, c.code from course_prerequisite p join course c on c.id = p.prerequisite_id
        where p.course_id = any(?) order by p.course_id, c.code`,
    courseIds,
    (r) => r.course_id,
  );
  const courses = courseRows.map((c) => ({
    code: c.code,
    title: c.title,
    type: c.type,
    modality: c.modality,
    hours: c.hours,
    cost: Number(c.cost),
    provider: c.provider,
    outcomes: (outcomes.get(c.id) ?? []).map((o) => ({
      competency: o.competency,
      minLevel: o.min_level,
      toLevel: o.to_level,
    })),
    prerequisites: (prerequisites.get(c.id) ?? []).map((p) => p.code),
  }));

  const positionRows = !wants('positions')
    ? []
    : (
        await q<{
          id: number;
          code: string;
          title: string;
          category: string;
          org_unit: string;
          summary: string;
          government_affair: string | null;
          min_rank_code: string | null;
          min_education_code: string | null;
          min_years_of_service: number | null;
          min_performance: string | null;
          performance_years: number;
          retirement_age: number;
        }>(
          `select p.id, p.code, p.title, p.category, u.code as org_unit, p.summary, p.government_affair, p.min_rank_code,
            p.min_education_code, p.min_years_of_service, p.min_performance, p.performance_years, p.retirement_age
       from position p join org_unit u on u.id = p.org_unit_id ${keyFilter('p.code', 'positions')} order by p.code`,
          keyBindings('positions'),
        )
      ).rows;
  const positionIds = positionRows.map((p) => p.id);
  const requirements = await childRows<{
    position_id: number;
    competency: string;
    level: number;
    weight: number;
    critical: boolean;
  }>(
    `select r.position_id, c.code as competency, r.level, r.weight, r.critical
         from position_requirement r join competency c on c.id = r.competency_id
        where r.position_id = any(?) order by r.position_id, r.ordinal, r.id`,
    positionIds,
    (r) => r.position_id,
  );
  const requiredCourses = await childRows<{ position_id: number; code: string }>(
    `select p.position_id, c.code from position_required_course p join course c on c.id = p.course_id
        where p.position_id = any(?) order by p.position_id, c.code`,
    positionIds,
    (r) => r.position_id,
  );
  const positions = positionRows.map((p) => ({
    code: p.code,
    title: p.title,
    category: p.category,
    orgUnit: p.org_unit,
    summary: p.summary,
    governmentAffair: p.government_affair,
    requirements: (requirements.get(p.id) ?? []).map((r) => ({
      competency: r.competency,
      level: r.level,
      weight: r.weight,
      critical: r.critical,
    })),
    conditions: {
      minRank: p.min_rank_code,
      minEducation: p.min_education_code,
      requiredCourses: (requiredCourses.get(p.id) ?? []).map((c) => c.code),
      minYearsOfService: p.min_years_of_service,
      minPerformance: p.min_performance,
      performanceYears: p.performance_years,
      retirementAge: p.retirement_age,
    },
  }));

  const employeeRows = !wants('employees')
    ? []
    : (
        await q<{
          id: number;
          nip: string | null;
          pppk_number: string | null;
          name: string;
          employment_type: string;
          rank_code: string | null;
          pppk_grade: number | null;
          education_code: string;
          org_unit: string;
          position: string | null;
          birth_date: string | null;
          appointed_on: string | null;
          potential: string | null;
        }>(
          `select e.id, e.nip, e.pppk_number, e.name, e.employment_type, e.rank_code, e.pppk_grade, e.education_code,
            u.code as org_unit, p.code as position, e.birth_date::text, e.appointed_on::text, e.potential
       from employee e join org_unit u on u.id = e.org_unit_id left join position p on p.id = e.position_id
      ${scope?.section === 'employees' ? 'where e.nip = any(?) or e.pppk_number = any(?)' : ''}
      order by e.nip nulls last, e.pppk_number`,
          scope?.section === 'employees' ? [scope.keys, scope.keys] : [],
        )
      ).rows;
  const employeeIds = employeeRows.map((e) => e.id);
  const performance = await childRows<{ employee_id: number; year: number; rating: string }>(
    `select employee_id, year, rating from performance_record where employee_id = any(?) order by employee_id, year`,
    employeeIds,
    (r) => r.employee_id,
  );
  const employees = employeeRows.map((e) => ({
    nip: e.nip,
    pppkNumber: e.pppk_number,
    name: e.name,
    employmentType: e.employment_type,
    rank: e.rank_code,
    pppkGrade: e.pppk_grade,
    education: e.education_code,
    orgUnit: e.org_unit,
    position: e.position,
    birthDate: e.birth_date,
    appointedOn: e.appointed_on,
    potential: e.potential === null ? null : Number(e.potential),
    performance: (performance.get(e.id) ?? []).map((p) => ({ year: p.year, rating: p.rating })),
  }));

  if (scope)
    return {
      agencies,
      orgUnits,
      competencies,
      courses,
      positions,
      employees,
      assessments: [],
      trainings: [],
    };

  const assessmentRows = (
    await q<{
      id: number;
      nip: string | null;
      pppk_number: string | null;
      assessed_on: string;
      method: string;
      assessor: string | null;
      potential: string | null;
    }>(
      `select a.id, e.nip, e.pppk_number, a.assessed_on::text, a.method, a.assessor, a.potential
       from assessment a join employee e on e.id = a.employee_id
      order by e.nip nulls last, e.pppk_number, a.assessed_on, a.method`,
    )
  ).rows;
  const results = groupBy(
    (
      await q<{ assessment_id: number; competency: string; level: number }>(
        `select r.assessment_id, c.code as competency, r.level
         from assessment_result r join competency c on c.id = r.competency_id order by r.assessment_id, r.id`,
      )
    ).rows,
    (r) => r.assessment_id,
  );
  const assessments = assessmentRows.map((a) => ({
    nip: a.nip,
    pppkNumber: a.pppk_number,
    assessedOn: a.assessed_on,
    method: a.method,
    assessor: a.assessor,
    potential: a.potential === null ? null : Number(a.potential),
    results: (results.get(a.id) ?? []).map((r) => ({ competency: r.competency, level: r.level })),
  }));

  const trainings = (
    await q<{
      nip: string | null;
      pppk_number: string | null;
      course: string;
      completed_on: string;
      hours: number;
    }>(
      `select e.nip, e.pppk_number, c.code as course, t.completed_on::text, t.hours
       from training_record t join employee e on e.id = t.employee_id join course c on c.id = t.course_id
      order by e.nip nulls last, e.pppk_number, t.completed_on, c.code`,
    )
  ).rows.map((t) => ({
    nip: t.nip,
    pppkNumber: t.pppk_number,
    course: t.course,
    completedOn: t.completed_on,
    hours: t.hours,
  }));

  return {
    agencies,
    orgUnits,
    competencies,
    courses,
    positions,
    employees,
    assessments,
    trainings,
  };
}
