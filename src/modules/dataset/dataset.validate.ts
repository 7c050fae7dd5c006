import { AssessmentMethod } from '../assessment/assessment.enums';
import { CompetencyType } from '../competency/competency.enums';
import { CourseModality, CourseType } from '../course/course.enums';
import { EmploymentType } from '../employee/employee.enums';
import { parseNip } from '../employee/nip';
import { AgencyKind } from '../org/org.enums';
import {
  PerformanceRating,
  POSITION_CATEGORY_INFO,
  PositionCategory,
} from '../position/position.enums';
import { isRankCode, normaliseEducationCode } from '../reference/reference.data';
import type {
  AgencyRecord,
  AssessmentRecord,
  CompetencyRecord,
  CourseRecord,
  DatasetIssue,
  EmployeeRecord,
  OrgUnitRecord,
  PositionRecord,
  Section,
  TrainingRecordInput,
  ValidDataset,
} from './dataset.types';
import { SECTIONS } from './dataset.types';
import { isObject, RecordReader } from './record-reader';

/** What the database already holds, as far as validating references needs. */
export interface KnownKeys {
  agencies: ReadonlySet<string>;
  orgUnits: ReadonlyMap<string, { agency: string; parent: string | null }>;
  competencies: ReadonlySet<string>;
  courses: ReadonlyMap<string, { hours: number; prerequisites: readonly string[] }>;
  /** Position code → agency code. */
  positions: ReadonlyMap<string, string>;
  nips: ReadonlySet<string>;
  pppkNumbers: ReadonlySet<string>;
  /** Employee key (`N:` NIP or `P:` PPPK number) → agency code. */
  employeeAgencies: ReadonlyMap<string, string>;
}

export const EMPTY_KNOWN: KnownKeys = {
  agencies: new Set(),
  orgUnits: new Map(),
  competencies: new Set(),
  courses: new Map(),
  positions: new Map(),
  nips: new Set(),
  pppkNumbers: new Set(),
  employeeAgencies: new Map(),
};

const values = <T extends string>(e: Record<string, T>) => Object.values(e);
const PPPK_NUMBER = /^[0-9]{8,32}$/;
/** No serving employee was born earlier, nor first appointed before the republic's civil service. */
const EARLIEST_BIRTH_DATE = '1900-01-01';
const EARLIEST_APPOINTMENT = '1945-08-17';

/**
 * Checks a whole document against the format and against what exists (in the document or the
 * database), collecting every problem. Pure: the database's keys and today's date come in.
 */
export function validateDataset(
  raw: unknown,
  known: KnownKeys,
  today: string,
): { dataset: ValidDataset; issues: DatasetIssue[] } {
  const issues: DatasetIssue[] = [];
  const dataset: ValidDataset = {
    agencies: [],
    orgUnits: [],
    competencies: [],
    courses: [],
    positions: [],
    employees: [],
    assessments: [],
    trainings: [],
  };
  if (!isObject(raw)) {
    issues.push({
      section: 'document',
      index: null,
      field: null,
      code: 'INVALID',
      message: 'The dataset must be a JSON object with sections.',
    });
    return { dataset, issues };
  }
  for (const key of Object.keys(raw)) {
    if (!(SECTIONS as readonly string[]).includes(key)) {
      issues.push({
        section: 'document',
        index: null,
        field: key,
        code: 'INVALID',
        message: `"${key}" is not a section (${SECTIONS.join(', ')})`,
      });
    }
  }
  const records = (section: Section, read: (r: RecordReader) => void) => {
    const list = raw[section];
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) {
      issues.push({
        section,
        index: null,
        field: null,
        code: 'INVALID',
        message: 'must be a list of records',
      });
      return;
    }
    list.forEach((item, index) => {
      if (!isObject(item)) {
        issues.push({ section, index, field: null, code: 'INVALID', message: 'must be an object' });
        return;
      }
      const reader = new RecordReader(issues, section, index, item);
      read(reader);
      reader.rejectUnknownFields();
    });
  };

  // Keys defined by this document, for references between sections.
  const docAgencies = new Set<string>();
  const docUnits = new Map<string, { agency: string; parent: string | null; index: number }>();
  const docCompetencies = new Set<string>();
  const docCourses = new Map<string, { hours: number; prerequisites: string[]; index: number }>();
  const docPositions = new Set<string>();
  const docNips = new Set<string>();
  const docPppk = new Set<string>();

  const firstSeen = (
    r: RecordReader,
    set: Set<string> | Map<string, unknown>,
    key: string | null,
    field: string,
  ) => {
    if (key === null) return false;
    if (set.has(key)) {
      r.issue(field, 'DUPLICATE', `"${key}" appears more than once in ${r.section}`);
      return false;
    }
    return true;
  };

  records('agencies', (r) => {
    const code = r.code('code');
    const name = r.string('name', { required: true, max: 200 });
    const kind = r.oneOf('kind', values(AgencyKind));
    if (!firstSeen(r, docAgencies, code, 'code') || !code) return;
    docAgencies.add(code);
    if (name && kind) dataset.agencies.push({ code, name, kind } satisfies AgencyRecord);
  });

  const agencyExists = (code: string) => docAgencies.has(code) || known.agencies.has(code);
  const unitRecords: { r: RecordReader; record: OrgUnitRecord }[] = [];
  records('orgUnits', (r) => {
    const code = r.code('code');
    const agency = r.code('agency');
    const name = r.string('name', { required: true, max: 200 });
    const parent = r.code('parent', false);
    if (agency && !agencyExists(agency))
      r.issue('agency', 'NOT_FOUND', `no agency has code "${agency}"`);
    if (code && parent === code) r.issue('parent', 'CYCLE', 'an org unit cannot be its own parent');
    if (!firstSeen(r, docUnits, code, 'code') || !code || !agency) return;
    docUnits.set(code, { agency, parent, index: r.index });
    if (name) unitRecords.push({ r, record: { code, agency, name, parent } });
  });
  const unitOf = (code: string) => docUnits.get(code) ?? known.orgUnits.get(code);
  for (const { r, record } of unitRecords) {
    if (record.parent && record.parent !== record.code) {
      const parent = unitOf(record.parent);
      if (!parent) r.issue('parent', 'NOT_FOUND', `no org unit has code "${record.parent}"`);
      else if (parent.agency !== record.agency) {
        r.issue(
          'parent',
          'INVALID',
          `parent "${record.parent}" belongs to agency "${parent.agency}", not "${record.agency}"`,
        );
      } else if (reaches(record.parent, record.code, (c) => unitOf(c)?.parent ?? null)) {
        r.issue(
          'parent',
          'CYCLE',
          `making "${record.parent}" the parent of "${record.code}" closes a cycle`,
        );
      } else dataset.orgUnits.push(record);
    } else if (!record.parent) dataset.orgUnits.push(record);
  }

  records('competencies', (r) => {
    const code = r.code('code');
    const name = r.string('name', { required: true, max: 200 });
    const type = r.oneOf('type', values(CompetencyType));
    const description = r.string('description') ?? '';
    const levels: CompetencyRecord['levels'] = [];
    const seenLevels = new Set<number>();
    let levelsOk = true;
    r.list('levels', (item, _i, path) => {
      const l = r.nested(path, item);
      if (!l) return (levelsOk = false);
      const level = l.integer('level', { required: true, min: 1, max: 5 });
      const text = l.string('description', { required: true });
      const indicators: string[] = [];
      l.list('indicators', (ind, _j, indPath) => {
        if (typeof ind === 'string' && ind.trim()) indicators.push(ind.trim());
        else {
          l.issue(indPath, 'INVALID', 'must be a non-empty string');
          levelsOk = false;
        }
      });
      l.rejectUnknownFields();
      if (level !== null && seenLevels.has(level)) {
        l.issue('level', 'DUPLICATE', `level ${level} appears more than once`);
        levelsOk = false;
      }
      if (level === null || text === null) return (levelsOk = false);
      seenLevels.add(level);
      levels.push({ level, description: text, indicators });
    });
    if (!firstSeen(r, docCompetencies, code, 'code') || !code) return;
    docCompetencies.add(code);
    if (name && type && levelsOk) {
      levels.sort((a, b) => a.level - b.level);
      dataset.competencies.push({ code, name, type, description, levels });
    }
  });
  const competencyExists = (code: string) =>
    docCompetencies.has(code) || known.competencies.has(code);
  const checkCompetency = (r: RecordReader, field: string, code: string | null) => {
    if (code && !competencyExists(code)) {
      r.issue(field, 'NOT_FOUND', `no competency has code "${code}"`);
      return false;
    }
    return code !== null;
  };

  const courseRecords: { r: RecordReader; record: CourseRecord; ok: boolean }[] = [];
  records('courses', (r) => {
    const code = r.code('code');
    const title = r.string('title', { required: true, max: 300 });
    const type = r.oneOf('type', values(CourseType));
    const modality = r.oneOf('modality', values(CourseModality));
    const hours = r.integer('hours', { required: true, min: 1, max: 100000 });
    const cost = r.number('cost', { min: 0, max: 1e13 }) ?? 0;
    const provider = r.string('provider', { required: true, max: 200 });
    let ok = true;
    const outcomes: CourseRecord['outcomes'] = [];
    const seen = new Set<string>();
    r.list('outcomes', (item, _i, path) => {
      const o = r.nested(path, item);
      if (!o) return (ok = false);
      const competency = o.code('competency');
      const minLevel = o.integer('minLevel', { min: 1, max: 4 });
      const toLevel = o.integer('toLevel', { required: true, min: 1, max: 5 });
      o.rejectUnknownFields();
      if (!checkCompetency(o, 'competency', competency) || toLevel === null) return (ok = false);
      if (minLevel !== null && minLevel >= toLevel) {
        o.issue(
          'minLevel',
          'OUT_OF_RANGE',
          `entry level ${minLevel} must be below the level reached (${toLevel})`,
        );
        return (ok = false);
      }
      if (seen.has(competency!)) {
        o.issue(
          'competency',
          'DUPLICATE',
          `"${competency}" has more than one outcome in this course`,
        );
        return (ok = false);
      }
      seen.add(competency!);
      outcomes.push({ competency: competency!, minLevel, toLevel });
    });
    const prerequisites: string[] = [];
    r.list('prerequisites', (item, _i, path) => {
      if (typeof item !== 'string' || !item.trim()) {
        r.issue(path, 'INVALID', 'must be a course code');
        ok = false;
      } else if (item.trim() === code) {
        r.issue(path, 'CYCLE', 'a course cannot be its own prerequisite');
        ok = false;
      } else if (prerequisites.includes(item.trim())) {
        r.issue(path, 'DUPLICATE', `"${item.trim()}" is listed twice`);
        ok = false;
      } else prerequisites.push(item.trim());
    });
    if (!firstSeen(r, docCourses, code, 'code') || !code) return;
    docCourses.set(code, { hours: hours ?? 0, prerequisites, index: r.index });
    const record = {
      code,
      title: title!,
      type: type!,
      modality: modality!,
      hours: hours!,
      cost,
      provider: provider!,
      outcomes,
      prerequisites,
    };
    courseRecords.push({
      r,
      record,
      ok: ok && !!title && !!type && !!modality && hours !== null && !!provider,
    });
  });
  const courseOf = (code: string) => docCourses.get(code) ?? known.courses.get(code);
  for (const { r, record, ok } of courseRecords) {
    let valid = ok;
    record.prerequisites.forEach((prerequisite, i) => {
      if (!courseOf(prerequisite)) {
        r.issue(`prerequisites[${i}]`, 'NOT_FOUND', `no course has code "${prerequisite}"`);
        valid = false;
      } else if (reachesAny(prerequisite, record.code, (c) => courseOf(c)?.prerequisites ?? [])) {
        r.issue(
          `prerequisites[${i}]`,
          'CYCLE',
          `"${prerequisite}" already requires "${record.code}" (directly or through others)`,
        );
        valid = false;
      }
    });
    if (valid) dataset.courses.push(record);
  }

  records('positions', (r) => {
    const code = r.code('code');
    const title = r.string('title', { required: true, max: 300 });
    const category = r.oneOf('category', values(PositionCategory));
    const orgUnit = r.code('orgUnit');
    const summary = r.string('summary') ?? '';
    const governmentAffair = r.string('governmentAffair', { max: 200 });
    let ok = true;
    if (orgUnit && !unitOf(orgUnit)) {
      r.issue('orgUnit', 'NOT_FOUND', `no org unit has code "${orgUnit}"`);
      ok = false;
    }
    const requirements: PositionRecord['requirements'] = [];
    const seen = new Set<string>();
    r.list('requirements', (item, _i, path) => {
      const q = r.nested(path, item);
      if (!q) return (ok = false);
      const competency = q.code('competency');
      const level = q.integer('level', { required: true, min: 1, max: 5 });
      const weight = q.number('weight', { min: 0, max: 1000, exclusiveMin: true }) ?? 1;
      const critical = q.boolean('critical', false);
      q.rejectUnknownFields();
      if (!checkCompetency(q, 'competency', competency) || level === null) return (ok = false);
      if (seen.has(competency!)) {
        q.issue('competency', 'DUPLICATE', `"${competency}" is required more than once`);
        return (ok = false);
      }
      seen.add(competency!);
      requirements.push({ competency: competency!, level, weight, critical });
    });
    const conditions = readConditions(r, category, courseOf);
    if (!conditions) ok = false;
    if (!firstSeen(r, docPositions, code, 'code') || !code) return;
    docPositions.add(code);
    if (ok && title && category && orgUnit && conditions) {
      dataset.positions.push({
        code,
        title,
        category,
        orgUnit,
        summary,
        governmentAffair,
        requirements,
        conditions,
      });
    }
  });
  const positionExists = (code: string) => docPositions.has(code) || known.positions.has(code);

  records('employees', (r) => {
    const record = readEmployee(r, unitOf, positionExists, today);
    const identity = record?.nip
      ? { set: docNips, key: record.nip, field: 'nip' }
      : record?.pppkNumber
        ? { set: docPppk, key: record.pppkNumber, field: 'pppkNumber' }
        : undefined;
    if (!record || !identity) return;
    if (!firstSeen(r, identity.set, identity.key, identity.field)) return;
    identity.set.add(identity.key);
    dataset.employees.push(record);
  });
  const employeeRef = (
    r: RecordReader,
  ): { nip: string | null; pppkNumber: string | null } | null => {
    const nip = r.string('nip', { max: 18 });
    const pppkNumber = r.string('pppkNumber', { max: 32 });
    if (!nip && !pppkNumber) {
      r.issue('nip', 'REQUIRED', 'is required (or pppkNumber for PPPK)');
      return null;
    }
    if (nip && !docNips.has(nip) && !known.nips.has(nip)) {
      r.issue('nip', 'NOT_FOUND', `no employee has NIP ${nip}`);
      return null;
    }
    if (!nip && pppkNumber && !docPppk.has(pppkNumber) && !known.pppkNumbers.has(pppkNumber)) {
      r.issue('pppkNumber', 'NOT_FOUND', `no employee has PPPK number ${pppkNumber}`);
      return null;
    }
    return nip ? { nip, pppkNumber: null } : { nip: null, pppkNumber };
  };

  const assessmentKeys = new Set<string>();
  records('assessments', (r) => {
    const who = employeeRef(r);
    const assessedOn = r.date('assessedOn', true);
    const method = r.oneOf('method', values(AssessmentMethod));
    const assessor = r.string('assessor', { max: 200 });
    const potential = r.number('potential', { min: 0, max: 100, decimals: 2 });
    if (assessedOn && assessedOn > today)
      r.issue('assessedOn', 'OUT_OF_RANGE', `${assessedOn} is in the future`);
    let ok = true;
    const results: AssessmentRecord['results'] = [];
    const seen = new Set<string>();
    r.list('results', (item, _i, path) => {
      const q = r.nested(path, item);
      if (!q) return (ok = false);
      const competency = q.code('competency');
      const level = q.integer('level', { required: true, min: 1, max: 5 });
      q.rejectUnknownFields();
      if (!checkCompetency(q, 'competency', competency) || level === null) return (ok = false);
      if (seen.has(competency!)) {
        q.issue('competency', 'DUPLICATE', `"${competency}" is assessed twice in one assessment`);
        return (ok = false);
      }
      seen.add(competency!);
      results.push({ competency: competency!, level });
    });
    if (results.length === 0 && ok) {
      r.issue('results', 'REQUIRED', 'an assessment needs at least one result');
      ok = false;
    }
    if (!who || !assessedOn || assessedOn > today || !method || !ok) return;
    const key = `${who.nip ?? who.pppkNumber}|${assessedOn}|${method}`;
    if (assessmentKeys.has(key)) {
      r.issue(
        null,
        'DUPLICATE',
        `another assessment of the same employee, date and method is in the document`,
      );
      return;
    }
    assessmentKeys.add(key);
    dataset.assessments.push({ ...who, assessedOn, method, assessor, potential, results });
  });

  const trainingKeys = new Set<string>();
  records('trainings', (r) => {
    const who = employeeRef(r);
    const course = r.code('course');
    const completedOn = r.date('completedOn', true);
    let hours = r.integer('hours', { min: 1, max: 100000 });
    const courseInfo = course ? courseOf(course) : undefined;
    if (course && !courseInfo) r.issue('course', 'NOT_FOUND', `no course has code "${course}"`);
    if (completedOn && completedOn > today)
      r.issue('completedOn', 'OUT_OF_RANGE', `${completedOn} is in the future`);
    if (hours === null && !r.has('hours') && courseInfo) hours = courseInfo.hours;
    if (!who || !course || !courseInfo || !completedOn || completedOn > today || hours === null)
      return;
    const key = `${who.nip ?? who.pppkNumber}|${course}|${completedOn}`;
    if (trainingKeys.has(key)) {
      r.issue(
        null,
        'DUPLICATE',
        'the same course completion (employee, course, date) is listed twice',
      );
      return;
    }
    trainingKeys.add(key);
    dataset.trainings.push({ ...who, course, completedOn, hours } satisfies TrainingRecordInput);
  });

  return { dataset, issues };
}

function readConditions(
  r: RecordReader,
  category: string | null,
  courseOf: (code: string) => unknown,
): PositionRecord['conditions'] | null {
  const defaults = {
    minRank: null,
    minEducation: null,
    requiredCourses: [],
    minYearsOfService: null,
    minPerformance: null,
    performanceYears: 2,
    retirementAge: category
      ? POSITION_CATEGORY_INFO[category as PositionCategory].retirementAge
      : 58,
  };
  const raw = r.value('conditions');
  if (raw === undefined || raw === null) return defaults;
  const c = r.nested('conditions', raw);
  if (!c) return null;
  let ok = true;
  const minRank = c.string('minRank');
  if (minRank && !isRankCode(minRank)) {
    c.issue('minRank', 'INVALID', `"${minRank}" is not a rank code (I/a … IV/e)`);
    ok = false;
  }
  const minEducationRaw = c.string('minEducation');
  const minEducation = minEducationRaw ? normaliseEducationCode(minEducationRaw) : null;
  if (minEducationRaw && !minEducation) {
    c.issue(
      'minEducation',
      'INVALID',
      `"${minEducationRaw}" is not an education code (SD SMP SMA D1 D2 D3 S1 D4 S2 S3)`,
    );
    ok = false;
  }
  const requiredCourses: string[] = [];
  c.list('requiredCourses', (item, _i, path) => {
    if (typeof item !== 'string' || !item.trim()) {
      c.issue(path, 'INVALID', 'must be a course code');
      ok = false;
    } else if (!courseOf(item.trim())) {
      c.issue(path, 'NOT_FOUND', `no course has code "${item.trim()}"`);
      ok = false;
    } else if (!requiredCourses.includes(item.trim())) requiredCourses.push(item.trim());
  });
  const minYearsOfService = c.integer('minYearsOfService', { min: 0, max: 60 });
  const minPerformance = c.oneOf('minPerformance', values(PerformanceRating), false);
  const performanceYears =
    c.integer('performanceYears', { min: 1, max: 10 }) ?? defaults.performanceYears;
  const retirementAge = c.integer('retirementAge', { min: 40, max: 75 }) ?? defaults.retirementAge;
  c.rejectUnknownFields();
  if (!ok) return null;
  return {
    minRank,
    minEducation: minEducation ?? null,
    requiredCourses,
    minYearsOfService,
    minPerformance,
    performanceYears,
    retirementAge,
  };
}

function readEmployee(
  r: RecordReader,
  unitOf: (code: string) => unknown,
  positionExists: (code: string) => boolean,
  today: string,
): EmployeeRecord | null {
  const employmentType = r.oneOf('employmentType', values(EmploymentType));
  const nip = r.string('nip', { max: 40 });
  const pppkNumber = r.string('pppkNumber', { max: 40 });
  const name = r.string('name', { required: true, max: 200 });
  const rank = r.string('rank');
  const pppkGrade = r.integer('pppkGrade', { min: 1, max: 17 });
  const educationRaw = r.string('education', { required: true });
  const orgUnit = r.code('orgUnit');
  const position = r.code('position', false);
  const birthDate = r.date('birthDate', false, { from: EARLIEST_BIRTH_DATE, to: today });
  const appointedOn = r.date('appointedOn', false, { from: EARLIEST_APPOINTMENT, to: today });
  const potential = r.number('potential', { min: 0, max: 100, decimals: 2 });
  let ok = !!employmentType && !!name && !!orgUnit;

  if (employmentType === 'PPPK') {
    if (nip) r.issue('nip', 'INVALID', 'PPPK employees have a PPPK number, not a NIP');
    if (!pppkNumber) r.issue('pppkNumber', 'REQUIRED', 'is required for PPPK');
    else if (!PPPK_NUMBER.test(pppkNumber)) r.issue('pppkNumber', 'INVALID', 'must be 8–32 digits');
    if (rank) r.issue('rank', 'INVALID', 'PPPK have a grade (pppkGrade), not a rank');
    ok &&= !nip && !!pppkNumber && PPPK_NUMBER.test(pppkNumber) && !rank;
  } else if (employmentType) {
    if (pppkNumber)
      r.issue('pppkNumber', 'INVALID', `${employmentType} employees are identified by NIP`);
    if (pppkGrade !== null) r.issue('pppkGrade', 'INVALID', 'only PPPK have a grade');
    if (!nip) r.issue('nip', 'REQUIRED', `is required for ${employmentType}`);
    else {
      const parsed = parseNip(nip);
      if (!parsed.ok) {
        r.issue('nip', 'INVALID', `NIP ${nip.slice(0, 20)}: ${parsed.reason}`);
        ok = false;
      } else if (parsed.parts.birthDate > today) {
        r.issue('nip', 'INVALID', `NIP ${nip}: the birth date is in the future`);
        ok = false;
      }
    }
    if (rank && !isRankCode(rank)) {
      r.issue('rank', 'INVALID', `"${rank}" is not a rank code (I/a … IV/e)`);
      ok = false;
    }
    ok &&= !pppkNumber && pppkGrade === null && !!nip;
  }
  const education = educationRaw ? normaliseEducationCode(educationRaw) : undefined;
  if (educationRaw && !education) {
    r.issue(
      'education',
      'INVALID',
      `"${educationRaw}" is not an education code (SD SMP SMA D1 D2 D3 S1 D4 S2 S3)`,
    );
  }
  if (orgUnit && !unitOf(orgUnit)) {
    r.issue('orgUnit', 'NOT_FOUND', `no org unit has code "${orgUnit}"`);
    ok = false;
  }
  if (position && !positionExists(position)) {
    r.issue('position', 'NOT_FOUND', `no position has code "${position}"`);
    ok = false;
  }
  if (birthDate && appointedOn && appointedOn <= birthDate) {
    r.issue('appointedOn', 'INVALID', 'must be after the birth date');
    ok = false;
  }
  const performance: EmployeeRecord['performance'] = [];
  const years = new Set<number>();
  r.list('performance', (item, _i, path) => {
    const p = r.nested(path, item);
    if (!p) return (ok = false);
    const year = p.integer('year', { required: true, min: 1950, max: 2200 });
    const rating = p.oneOf('rating', values(PerformanceRating));
    p.rejectUnknownFields();
    if (year === null || !rating) return (ok = false);
    if (years.has(year)) {
      p.issue('year', 'DUPLICATE', `year ${year} is rated more than once`);
      return (ok = false);
    }
    years.add(year);
    performance.push({ year, rating });
  });
  performance.sort((a, b) => a.year - b.year);
  if (!ok || !education) return null;
  return {
    nip: employmentType === 'PPPK' ? null : nip,
    pppkNumber: employmentType === 'PPPK' ? pppkNumber : null,
    name: name!,
    employmentType: employmentType!,
    rank: employmentType === 'PPPK' ? null : rank,
    pppkGrade: employmentType === 'PPPK' ? pppkGrade : null,
    education,
    orgUnit: orgUnit!,
    position,
    birthDate,
    appointedOn,
    potential,
    performance,
  };
}

/** Whether following `next` from `from` reaches `target` (single successor: a tree's parents). */
function reaches(from: string, target: string, next: (code: string) => string | null): boolean {
  const seen = new Set<string>();
  for (let at: string | null = from; at !== null; at = next(at)) {
    if (at === target) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

/** Whether `target` is reachable from `from` in a graph given by `next` (prerequisite edges). */
function reachesAny(
  from: string,
  target: string,
  next: (code: string) => readonly string[],
): boolean {
  const stack = [from];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (at === target) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...next(at));
  }
  return false;
}
