import { groupBy } from '../domain/collections';
import type { ValidDataset } from '../domain/dataset.types';
import type { Counts, TableWriter } from './write-tables';

/** Agencies, upserted by code. */
export async function writeAgencies(w: TableWriter, data: ValidDataset): Promise<Counts> {
  const rows = data.agencies.map((a) => ({
    code: a.code,
    name: a.name,
    kind: a.kind,
    province: a.province ?? null,
    updated_at: w.trx.fn.now(),
  }));
  const created = await w.upsert('agency', rows, ['code'], 'agencies', rows.length);
  return w.counts('agencies', rows.length, created);
}

/** Org units, upserted by code, parents before their children. */
export async function writeOrgUnits(w: TableWriter, data: ValidDataset): Promise<Counts> {
  const units = data.orgUnits;
  const agencyIds = await w.ids(
    'agency',
    'code',
    units.map((u) => u.agency),
  );
  // Parents first, so that each unit's parent id is known when it is written.
  const inDoc = new Map(units.map((u) => [u.code, u]));
  const depth = (code: string, seen = 0): number => {
    const parent = inDoc.get(code)?.parent;
    return parent && inDoc.has(parent) && seen < units.length ? 1 + depth(parent, seen + 1) : 0;
  };
  const levels = groupBy(units, (unit) => depth(unit.code));
  let created = 0;
  let done = 0;
  for (const d of [...levels.keys()].sort((a, b) => a - b)) {
    const batch = levels.get(d)!;
    const parentIds = await w.ids(
      'org_unit',
      'code',
      batch.flatMap((u) => (u.parent ? [u.parent] : [])),
    );
    const rows = batch.map((u) => ({
      code: u.code,
      name: u.name,
      agency_id: agencyIds.get(u.agency),
      parent_id: u.parent ? parentIds.get(u.parent) : null,
      updated_at: w.trx.fn.now(),
    }));
    created += await w.upsert('org_unit', rows, ['code'], 'orgUnits', units.length, done);
    done += rows.length;
  }
  return w.counts('orgUnits', units.length, created);
}

/** Competencies, upserted by code, with their levels replaced. */
export async function writeCompetencies(w: TableWriter, data: ValidDataset): Promise<Counts> {
  const list = data.competencies;
  const rows = list.map((c) => ({
    code: c.code,
    name: c.name,
    type: c.type,
    description: c.description,
    updated_at: w.trx.fn.now(),
  }));
  const created = await w.upsert('competency', rows, ['code'], 'competencies', rows.length);
  const ids = await w.ids(
    'competency',
    'code',
    list.map((c) => c.code),
  );
  const levels = list.flatMap((c) =>
    c.levels.map((l) => ({
      competency_id: ids.get(c.code),
      level: l.level,
      description: l.description,
      indicators: l.indicators,
    })),
  );
  await w.replaceChildren('competency_level', 'competency_id', [...ids.values()], levels);
  return w.counts('competencies', list.length, created);
}

/** Courses, upserted by code, with their outcomes and prerequisites replaced. */
export async function writeCourses(w: TableWriter, data: ValidDataset): Promise<Counts> {
  const list = data.courses;
  const rows = list.map((c) => ({
    code: c.code,
    title: c.title,
    type: c.type,
    modality: c.modality,
    hours: c.hours,
    cost: c.cost,
    provider: c.provider,
    updated_at: w.trx.fn.now(),
  }));
  const created = await w.upsert('course', rows, ['code'], 'courses', rows.length);
  const ids = await w.ids(
    'course',
    'code',
    list.flatMap((c) => [c.code, ...c.prerequisites]),
  );
  const competencyIds = await w.ids(
    'competency',
    'code',
    list.flatMap((c) => c.outcomes.map((o) => o.competency)),
  );
  const own = list.map((c) => ids.get(c.code)!);
  const outcomes = list.flatMap((c) =>
    c.outcomes.map((o, i) => ({
      course_id: ids.get(c.code),
      competency_id: competencyIds.get(o.competency),
      min_level: o.minLevel,
      to_level: o.toLevel,
      ordinal: i,
    })),
  );
  await w.replaceChildren('course_outcome', 'course_id', own, outcomes);
  const edges = list.flatMap((c) =>
    c.prerequisites.map((p) => ({ course_id: ids.get(c.code), prerequisite_id: ids.get(p) })),
  );
  await w.replaceChildren('course_prerequisite', 'course_id', own, edges);
  return w.counts('courses', list.length, created);
}

/** Positions, upserted by code, with their requirements and required courses replaced. */
export async function writePositions(w: TableWriter, data: ValidDataset): Promise<Counts> {
  const list = data.positions;
  const unitIds = await w.ids(
    'org_unit',
    'code',
    list.map((p) => p.orgUnit),
  );
  const rows = list.map((p) => ({
    code: p.code,
    title: p.title,
    category: p.category,
    org_unit_id: unitIds.get(p.orgUnit),
    summary: p.summary,
    government_affair: p.governmentAffair,
    min_rank_code: p.conditions.minRank,
    min_education_code: p.conditions.minEducation,
    min_years_of_service: p.conditions.minYearsOfService,
    min_performance: p.conditions.minPerformance,
    performance_years: p.conditions.performanceYears,
    retirement_age: p.conditions.retirementAge,
    discipline_level: p.conditions.disciplineLevel,
    discipline_years: p.conditions.disciplineYears,
    updated_at: w.trx.fn.now(),
  }));
  const created = await w.upsert('position', rows, ['code'], 'positions', rows.length);
  const ids = await w.ids(
    'position',
    'code',
    list.map((p) => p.code),
  );
  const competencyIds = await w.ids(
    'competency',
    'code',
    list.flatMap((p) => p.requirements.map((r) => r.competency)),
  );
  const courseIds = await w.ids(
    'course',
    'code',
    list.flatMap((p) => p.conditions.requiredCourses),
  );
  const own = [...ids.values()];
  const requirements = list.flatMap((p) =>
    p.requirements.map((r, i) => ({
      position_id: ids.get(p.code),
      competency_id: competencyIds.get(r.competency),
      level: r.level,
      weight: r.weight,
      critical: r.critical,
      ordinal: i,
    })),
  );
  await w.replaceChildren('position_requirement', 'position_id', own, requirements);
  const required = list.flatMap((p) =>
    p.conditions.requiredCourses.map((c) => ({
      position_id: ids.get(p.code),
      course_id: courseIds.get(c),
    })),
  );
  await w.replaceChildren('position_required_course', 'position_id', own, required);
  return w.counts('positions', list.length, created);
}
