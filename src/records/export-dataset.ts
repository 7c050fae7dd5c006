import type { Knex } from '@mikro-orm/knex';
import type { DatasetDocument, Section } from '../domain/dataset.types';

/** Limits an export to some records of one section (e.g. the one a mutation updates). */
export interface ExportScope {
  section: 'agencies' | 'orgUnits' | 'competencies' | 'courses' | 'positions' | 'employees';
  /** Codes, or NIPs and PPPK numbers for employees. */
  keys: string[];
}

type Document = Required<DatasetDocument>;

/** How an exporter reads: statements on the export's connection, and the keys it is limited to. */
interface Reader {
  rows<T>(sql: string, bindings?: unknown[]): Promise<T[]>;
  /** Rows of a child table for some parent ids, grouped by parent, in the statement's order. */
  children<T>(
    sql: string,
    parentIds: number[],
    parentOf: (row: T) => number,
  ): Promise<Map<number, T[]>>;
  /** The keys of the section asked for, or undefined for all. */
  keys: string[] | undefined;
  /** `where <column> = any(?)` when limited to keys, else nothing. */
  keyFilter(column: string): string;
  keyBindings(): unknown[];
}

/** Groups rows by a key, keeping their order. */
function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const group = map.get(key(row));
    if (group) group.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

async function agencies(read: Reader): Promise<Document['agencies']> {
  return read.rows(
    `select code, name, kind, province from agency ${read.keyFilter('code')} order by code`,
    read.keyBindings(),
  );
}

async function orgUnits(read: Reader): Promise<Document['orgUnits']> {
  return read.rows(
    `select u.code, a.code as agency, u.name, p.code as parent
       from org_unit u join agency a on a.id = u.agency_id left join org_unit p on p.id = u.parent_id
     ${read.keyFilter('u.code')} order by u.code`,
    read.keyBindings(),
  );
}

async function competencies(read: Reader): Promise<Document['competencies']> {
  const rows = await read.rows<{
    id: number;
    code: string;
    name: string;
    type: string;
    description: string;
  }>(
    `select id, code, name, type, description from competency ${read.keyFilter('code')} order by code`,
    read.keyBindings(),
  );
  const levels = await read.children<{
    competency_id: number;
    level: number;
    description: string;
    indicators: string[];
  }>(
    `select competency_id, level, description, indicators from competency_level
      where competency_id = any(?) order by competency_id, level`,
    rows.map((c) => c.id),
    (level) => level.competency_id,
  );
  return rows.map((c) => ({
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
}

async function courses(read: Reader): Promise<Document['courses']> {
  const rows = await read.rows<{
    id: number;
    code: string;
    title: string;
    type: string;
    modality: string;
    hours: number;
    cost: string;
    provider: string;
  }>(
    `select id, code, title, type, modality, hours, cost, provider from course
     ${read.keyFilter('code')} order by code`,
    read.keyBindings(),
  );
  const ids = rows.map((c) => c.id);
  const outcomes = await read.children<{
    course_id: number;
    competency: string;
    min_level: number | null;
    to_level: number;
  }>(
    `select o.course_id, c.code as competency, o.min_level, o.to_level
       from course_outcome o join competency c on c.id = o.competency_id
      where o.course_id = any(?) order by o.course_id, o.ordinal, o.id`,
    ids,
    (outcome) => outcome.course_id,
  );
  const prerequisites = await read.children<{ course_id: number; code: string }>(
    `select p.course_id, c.code from course_prerequisite p join course c on c.id = p.prerequisite_id
      where p.course_id = any(?) order by p.course_id, c.code`,
    ids,
    (prerequisite) => prerequisite.course_id,
  );
  return rows.map((c) => ({
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
}

async function positions(read: Reader): Promise<Document['positions']> {
  const rows = await read.rows<{
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
    discipline_level: string | null;
    discipline_years: number;
  }>(
    `select p.id, p.code, p.title, p.category, u.code as org_unit, p.summary, p.government_affair,
            p.min_rank_code, p.min_education_code, p.min_years_of_service, p.min_performance,
            p.performance_years, p.retirement_age, p.discipline_level, p.discipline_years
       from position p join org_unit u on u.id = p.org_unit_id
     ${read.keyFilter('p.code')} order by p.code`,
    read.keyBindings(),
  );
  const ids = rows.map((p) => p.id);
  const requirements = await read.children<{
    position_id: number;
    competency: string;
    level: number;
    weight: number;
    critical: boolean;
  }>(
    `select r.position_id, c.code as competency, r.level, r.weight, r.critical
       from position_requirement r join competency c on c.id = r.competency_id
      where r.position_id = any(?) order by r.position_id, r.ordinal, r.id`,
    ids,
    (requirement) => requirement.position_id,
  );
  const requiredCourses = await read.children<{ position_id: number; code: string }>(
    `select p.position_id, c.code from position_required_course p join course c on c.id = p.course_id
      where p.position_id = any(?) order by p.position_id, c.code`,
    ids,
    (course) => course.position_id,
  );
  return rows.map((p) => ({
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
      disciplineLevel: p.discipline_level,
      disciplineYears: p.discipline_years,
    },
  }));
}

async function employees(read: Reader): Promise<Document['employees']> {
  const rows = await read.rows<{
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
    `select e.id, e.nip, e.pppk_number, e.name, e.employment_type, e.rank_code, e.pppk_grade,
            e.education_code, u.code as org_unit, p.code as position, e.birth_date::text,
            e.appointed_on::text, e.potential
       from employee e join org_unit u on u.id = e.org_unit_id left join position p on p.id = e.position_id
     ${read.keys ? 'where e.nip = any(?) or e.pppk_number = any(?)' : ''}
      order by e.nip nulls last, e.pppk_number`,
    read.keys ? [read.keys, read.keys] : [],
  );
  const performance = await read.children<{ employee_id: number; year: number; rating: string }>(
    `select employee_id, year, rating from performance_record
      where employee_id = any(?) order by employee_id, year`,
    rows.map((e) => e.id),
    (rating) => rating.employee_id,
  );
  return rows.map((e) => ({
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
    potential: numberOrNull(e.potential),
    performance: (performance.get(e.id) ?? []).map((p) => ({ year: p.year, rating: p.rating })),
  }));
}

async function assessments(read: Reader): Promise<Document['assessments']> {
  const rows = await read.rows<{
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
  );
  const results = groupBy(
    await read.rows<{ assessment_id: number; competency: string; level: number }>(
      `select r.assessment_id, c.code as competency, r.level
         from assessment_result r join competency c on c.id = r.competency_id
        order by r.assessment_id, r.id`,
    ),
    (result) => result.assessment_id,
  );
  return rows.map((a) => ({
    nip: a.nip,
    pppkNumber: a.pppk_number,
    assessedOn: a.assessed_on,
    method: a.method,
    assessor: a.assessor,
    potential: numberOrNull(a.potential),
    results: (results.get(a.id) ?? []).map((r) => ({ competency: r.competency, level: r.level })),
  }));
}

async function trainings(read: Reader): Promise<Document['trainings']> {
  const rows = await read.rows<{
    nip: string | null;
    pppk_number: string | null;
    course: string;
    completed_on: string;
    hours: number;
  }>(
    `select e.nip, e.pppk_number, c.code as course, t.completed_on::text, t.hours
       from training_record t join employee e on e.id = t.employee_id join course c on c.id = t.course_id
      order by e.nip nulls last, e.pppk_number, t.completed_on, c.code`,
  );
  return rows.map((t) => ({
    nip: t.nip,
    pppkNumber: t.pppk_number,
    course: t.course,
    completedOn: t.completed_on,
    hours: t.hours,
  }));
}

async function discipline(read: Reader): Promise<Document['discipline']> {
  return read.rows(
    `select e.nip, d.level, d.kind, d.decision_number as "decisionNumber", d.starts_on::text as "from",
            d.ends_on::text as "until"
       from discipline_record d join employee e on e.id = d.employee_id
      where e.nip is not null
      order by e.nip, d.starts_on, d.decision_number`,
  );
}

/** One exporter per section, in the document's order. */
const EXPORTERS: { [S in Section]: (read: Reader) => Promise<Document[S]> } = {
  agencies,
  orgUnits,
  competencies,
  courses,
  positions,
  employees,
  assessments,
  trainings,
  discipline,
};

/**
 * The whole database as one dataset document, every record whole and in a stable order (by
 * code, NIP, date), so that exporting twice gives the same bytes. With a scope, only that
 * section's records of those keys (the others empty).
 */
export async function exportDataset(
  knex: Knex | Knex.Transaction,
  scope?: ExportScope,
): Promise<Document> {
  const rows = async <T>(sql: string, bindings: unknown[] = []) =>
    ((await knex.raw(sql, bindings as Knex.RawBinding[])) as unknown as { rows: T[] }).rows;
  const read: Reader = {
    rows,
    children: async (sql, parentIds, parentOf) => groupBy(await rows(sql, [parentIds]), parentOf),
    keys: scope?.keys,
    keyFilter: (column) => (scope ? `where ${column} = any(?)` : ''),
    keyBindings: () => (scope ? [scope.keys] : []),
  };
  const document = {} as Record<Section, unknown[]>;
  for (const section of Object.keys(EXPORTERS) as Section[]) {
    document[section] = !scope || scope.section === section ? await EXPORTERS[section](read) : [];
  }
  return document as Document;
}
