import { AssessmentMethod } from '../domain/assessment.enums';
import { CompetencyType } from '../domain/competency.enums';
import { CourseModality, CourseType } from '../domain/course.enums';
import { AgencyKind } from '../domain/org.enums';
import { PositionCategory } from '../domain/position.enums';
import type {
  AgencyRecord,
  AssessmentRecord,
  CompetencyRecord,
  CourseRecord,
  DatasetIssue,
  OrgUnitRecord,
  PositionRecord,
  Section,
  TrainingRecordInput,
  ValidDataset,
} from '../domain/dataset.types';
import { SECTIONS } from '../domain/dataset.types';
import {
  CODE_PATTERN,
  isObject,
  isWholeIn,
  normaliseDocument,
  RecordReader,
  withFieldCount,
} from '../domain/record-reader';
import { readConditions, readEmployee } from '../domain/record-fields';
import { IssueList } from './issue-list';
import type { KnownKeys } from './known-keys';

/** An enum's values, listed once per enum (records ask for them millions of times). */
const listed = new WeakMap<object, readonly string[]>();
const values = <T extends string>(e: Record<string, T>): readonly T[] => {
  let list = listed.get(e);
  if (!list) listed.set(e, (list = Object.values(e)));
  return list as readonly T[];
};

/**
 * Checks a whole document against the format and against what exists (in the document or the
 * database), collecting every problem. Pure: the database's keys and today's date come in.
 */
export function validateDataset(
  raw: unknown,
  known: KnownKeys,
  today: string,
): { dataset: ValidDataset; issues: DatasetIssue[] } {
  return new DocumentReader(known, today).read(raw);
}

/**
 * Reads a document section by section, in the order references need: each section's reader
 * checks its records and keeps the keys it defines for the sections after it.
 */
class DocumentReader {
  // The first issues are kept, the rest counted: a hostile document cannot grow the list.
  private readonly issues: DatasetIssue[] = new IssueList<DatasetIssue>();
  private readonly dataset: ValidDataset = {
    agencies: [],
    orgUnits: [],
    competencies: [],
    courses: [],
    positions: [],
    employees: [],
    assessments: [],
    trainings: [],
  };
  private raw: Record<string, unknown> = {};
  // Keys defined by this document, for references between sections.
  private readonly docAgencies = new Set<string>();
  private readonly docUnits = new Map<
    string,
    { agency: string; parent: string | null; index: number }
  >();
  private readonly docCompetencies = new Set<string>();
  private readonly docCourses = new Map<
    string,
    { hours: number; prerequisites: string[]; index: number }
  >();
  private readonly docPositions = new Set<string>();
  private readonly docNips = new Set<string>();
  private readonly docPppk = new Set<string>();

  constructor(
    private readonly known: KnownKeys,
    private readonly today: string,
  ) {}

  read(document: unknown): { dataset: ValidDataset; issues: DatasetIssue[] } {
    const raw = normaliseDocument(document, this.issues);
    if (!isObject(raw)) {
      this.issues.push({
        section: 'document',
        index: null,
        field: null,
        code: 'INVALID',
        message: 'The dataset must be a JSON object with sections.',
      });
      return { dataset: this.dataset, issues: this.issues };
    }
    for (const key of Object.keys(raw)) {
      if (!(SECTIONS as readonly string[]).includes(key)) {
        this.issues.push({
          section: 'document',
          index: null,
          field: key,
          code: 'INVALID',
          message: `"${key}" is not a section (${SECTIONS.join(', ')})`,
        });
      }
    }
    this.raw = raw;
    this.agencies();
    this.orgUnits();
    this.competencies();
    this.courses();
    this.positions();
    this.employees();
    this.assessments();
    this.trainings();
    return { dataset: this.dataset, issues: this.issues };
  }

  /** Hands every record of a section to `read`, then reports the fields it did not read. */
  private records(section: Section, read: (r: RecordReader) => void): void {
    const list = this.raw[section];
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) {
      this.issues.push({
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
        this.issues.push({
          section,
          index,
          field: null,
          code: 'INVALID',
          message: 'must be an object',
        });
        return;
      }
      const reader = new RecordReader(this.issues, section, index, item);
      read(reader);
      reader.rejectUnknownFields();
    });
  }

  /** Whether `key` is new in its section; a repeat is reported as DUPLICATE. */
  private firstSeen(
    r: RecordReader,
    set: Set<string> | Map<string, unknown>,
    key: string | null,
    field: string,
  ): boolean {
    if (key === null) return false;
    if (set.has(key)) {
      r.issue(field, 'DUPLICATE', `"${key}" appears more than once in ${r.section}`);
      return false;
    }
    return true;
  }

  private agencyExists(code: string): boolean {
    return this.docAgencies.has(code) || this.known.agencies.has(code);
  }

  private unitOf(code: string) {
    return this.docUnits.get(code) ?? this.known.orgUnits.get(code);
  }

  private competencyExists(code: string): boolean {
    return this.docCompetencies.has(code) || this.known.competencies.has(code);
  }

  private checkCompetency(r: RecordReader, field: string, code: string | null): boolean {
    if (code && !this.competencyExists(code)) {
      r.issue(field, 'NOT_FOUND', `no competency has code "${code}"`);
      return false;
    }
    return code !== null;
  }

  private courseOf(code: string) {
    return this.docCourses.get(code) ?? this.known.courses.get(code);
  }

  private positionExists(code: string): boolean {
    return this.docPositions.has(code) || this.known.positions.has(code);
  }

  /** Agencies: code, name and kind. */
  private agencies(): void {
    this.records('agencies', (r) => {
      const code = r.code('code');
      const name = r.string('name', { required: true, max: 200 });
      const kind = r.oneOf('kind', values(AgencyKind));
      if (!this.firstSeen(r, this.docAgencies, code, 'code') || !code) return;
      this.docAgencies.add(code);
      if (name && kind) this.dataset.agencies.push({ code, name, kind } satisfies AgencyRecord);
    });
  }

  /** Org units: their agency, and a parent of the same agency without a cycle. */
  private orgUnits(): void {
    const unitRecords: { r: RecordReader; record: OrgUnitRecord }[] = [];
    this.records('orgUnits', (r) => {
      const code = r.code('code');
      const agency = r.code('agency');
      const name = r.string('name', { required: true, max: 200 });
      const parent = r.code('parent', false);
      if (agency && !this.agencyExists(agency))
        r.issue('agency', 'NOT_FOUND', `no agency has code "${agency}"`);
      if (code && parent === code)
        r.issue('parent', 'CYCLE', 'an org unit cannot be its own parent');
      if (!this.firstSeen(r, this.docUnits, code, 'code') || !code || !agency) return;
      this.docUnits.set(code, { agency, parent, index: r.index });
      if (name) unitRecords.push({ r, record: { code, agency, name, parent } });
    });
    for (const { r, record } of unitRecords) {
      if (record.parent && record.parent !== record.code) {
        const parent = this.unitOf(record.parent);
        if (!parent) r.issue('parent', 'NOT_FOUND', `no org unit has code "${record.parent}"`);
        else if (parent.agency !== record.agency) {
          r.issue(
            'parent',
            'INVALID',
            `parent "${record.parent}" belongs to agency "${parent.agency}", not "${record.agency}"`,
          );
        } else if (reaches(record.parent, record.code, (c) => this.unitOf(c)?.parent ?? null)) {
          r.issue(
            'parent',
            'CYCLE',
            `making "${record.parent}" the parent of "${record.code}" closes a cycle`,
          );
        } else this.dataset.orgUnits.push(record);
      } else if (!record.parent) this.dataset.orgUnits.push(record);
    }
  }

  /** Competencies with their five levels. */
  private competencies(): void {
    this.records('competencies', (r) => {
      const code = r.code('code');
      const name = r.string('name', { required: true, max: 200 });
      const type = r.oneOf('type', values(CompetencyType));
      const description = r.string('description') ?? '';
      const levels: CompetencyRecord['levels'] = [];
      const seenLevels = new Set<number>();
      let levelsOk = true;
      r.list('levels', (item, _i, path) => {
        const levelReader = r.nested(path, item);
        if (!levelReader) return (levelsOk = false);
        const level = levelReader.integer('level', { required: true, min: 1, max: 5 });
        const text = levelReader.string('description', { required: true });
        const indicators: string[] = [];
        levelReader.list('indicators', (ind, _j, indPath) => {
          if (typeof ind === 'string' && ind.trim()) indicators.push(ind.trim());
          else {
            levelReader.issue(indPath, 'INVALID', 'must be a non-empty string');
            levelsOk = false;
          }
        });
        levelReader.rejectUnknownFields();
        if (level !== null && seenLevels.has(level)) {
          levelReader.issue('level', 'DUPLICATE', `level ${level} appears more than once`);
          levelsOk = false;
        }
        if (level === null || text === null) return (levelsOk = false);
        seenLevels.add(level);
        levels.push({ level, description: text, indicators });
      });
      if (!this.firstSeen(r, this.docCompetencies, code, 'code') || !code) return;
      this.docCompetencies.add(code);
      if (name && type && levelsOk) {
        levels.sort((a, b) => a.level - b.level);
        this.dataset.competencies.push({ code, name, type, description, levels });
      }
    });
  }

  /** Courses, their outcomes, and prerequisites that exist and make no cycle. */
  private courses(): void {
    const courseRecords: { r: RecordReader; record: CourseRecord; ok: boolean }[] = [];
    this.records('courses', (r) => {
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
        const outcome = r.nested(path, item);
        if (!outcome) return (ok = false);
        const competency = outcome.code('competency');
        const minLevel = outcome.integer('minLevel', { min: 1, max: 4 });
        const toLevel = outcome.integer('toLevel', { required: true, min: 1, max: 5 });
        outcome.rejectUnknownFields();
        if (!this.checkCompetency(outcome, 'competency', competency) || toLevel === null)
          return (ok = false);
        if (minLevel !== null && minLevel >= toLevel) {
          outcome.issue(
            'minLevel',
            'OUT_OF_RANGE',
            `entry level ${minLevel} must be below the level reached (${toLevel})`,
          );
          return (ok = false);
        }
        if (seen.has(competency!)) {
          outcome.issue(
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
      if (!this.firstSeen(r, this.docCourses, code, 'code') || !code) return;
      this.docCourses.set(code, { hours: hours ?? 0, prerequisites, index: r.index });
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
    for (const { r, record, ok } of courseRecords) {
      let valid = ok;
      record.prerequisites.forEach((prerequisite, i) => {
        if (!this.courseOf(prerequisite)) {
          r.issue(`prerequisites[${i}]`, 'NOT_FOUND', `no course has code "${prerequisite}"`);
          valid = false;
        } else if (
          reachesAny(prerequisite, record.code, (c) => this.courseOf(c)?.prerequisites ?? [])
        ) {
          r.issue(
            `prerequisites[${i}]`,
            'CYCLE',
            `"${prerequisite}" already requires "${record.code}" (directly or through others)`,
          );
          valid = false;
        }
      });
      if (valid) this.dataset.courses.push(record);
    }
  }

  /** Positions: job profile (requirements) and conditions. */
  private positions(): void {
    this.records('positions', (r) => {
      const code = r.code('code');
      const title = r.string('title', { required: true, max: 300 });
      const category = r.oneOf('category', values(PositionCategory));
      const orgUnit = r.code('orgUnit');
      const summary = r.string('summary') ?? '';
      const governmentAffair = r.string('governmentAffair', { max: 200 });
      let ok = true;
      if (orgUnit && !this.unitOf(orgUnit)) {
        r.issue('orgUnit', 'NOT_FOUND', `no org unit has code "${orgUnit}"`);
        ok = false;
      }
      const requirements: PositionRecord['requirements'] = [];
      const seen = new Set<string>();
      r.list('requirements', (item, _i, path) => {
        const requirement = r.nested(path, item);
        if (!requirement) return (ok = false);
        const competency = requirement.code('competency');
        const level = requirement.integer('level', { required: true, min: 1, max: 5 });
        const weight = requirement.number('weight', { min: 0, max: 1000, exclusiveMin: true }) ?? 1;
        const critical = requirement.boolean('critical', false);
        requirement.rejectUnknownFields();
        if (!this.checkCompetency(requirement, 'competency', competency) || level === null)
          return (ok = false);
        if (seen.has(competency!)) {
          requirement.issue(
            'competency',
            'DUPLICATE',
            `"${competency}" is required more than once`,
          );
          return (ok = false);
        }
        seen.add(competency!);
        requirements.push({ competency: competency!, level, weight, critical });
      });
      const conditions = readConditions(r, category, (code) => this.courseOf(code));
      if (!conditions) ok = false;
      if (!this.firstSeen(r, this.docPositions, code, 'code') || !code) return;
      this.docPositions.add(code);
      if (ok && title && category && orgUnit && conditions) {
        this.dataset.positions.push({
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
  }

  /** Employees (see `readEmployee`), each NIP or PPPK number once. */
  private employees(): void {
    this.records('employees', (r) => {
      const record = readEmployee(
        r,
        (code) => this.unitOf(code),
        (code) => this.positionExists(code),
        this.today,
      );
      const identity = record?.nip
        ? { set: this.docNips, key: record.nip, field: 'nip' }
        : record?.pppkNumber
          ? { set: this.docPppk, key: record.pppkNumber, field: 'pppkNumber' }
          : undefined;
      if (!record || !identity) return;
      if (!this.firstSeen(r, identity.set, identity.key, identity.field)) return;
      identity.set.add(identity.key);
      this.dataset.employees.push(record);
    });
  }

  /** The employee an assessment or training names, which must exist. */
  private employeeRef(r: RecordReader): { nip: string | null; pppkNumber: string | null } | null {
    const nip = r.string('nip', { max: 18 });
    const pppkNumber = r.string('pppkNumber', { max: 32 });
    if (!nip && !pppkNumber) {
      r.issue('nip', 'REQUIRED', 'is required (or pppkNumber for PPPK)');
      return null;
    }
    if (nip && !this.docNips.has(nip) && !this.known.nips.has(nip)) {
      r.issue('nip', 'NOT_FOUND', `no employee has NIP ${nip}`);
      return null;
    }
    if (
      !nip &&
      pppkNumber &&
      !this.docPppk.has(pppkNumber) &&
      !this.known.pppkNumbers.has(pppkNumber)
    ) {
      r.issue('pppkNumber', 'NOT_FOUND', `no employee has PPPK number ${pppkNumber}`);
      return null;
    }
    return nip ? { nip, pppkNumber: null } : { nip: null, pppkNumber };
  }

  /** Assessments: an existing employee, a date not in the future, each competency once. */
  private assessments(): void {
    const assessmentKeys = new Set<string>();
    this.records('assessments', (r) => {
      const who = this.employeeRef(r);
      const assessedOn = r.date('assessedOn', true);
      const method = r.oneOf('method', values(AssessmentMethod));
      const assessor = r.string('assessor', { max: 200 });
      const potential = r.number('potential', { min: 0, max: 100, decimals: 2 });
      if (assessedOn && assessedOn > this.today)
        r.issue('assessedOn', 'OUT_OF_RANGE', `${assessedOn} is in the future`);
      let ok = true;
      const results: AssessmentRecord['results'] = [];
      const seen = new Set<string>();
      r.list('results', (item, _i, path) => {
        // Most results are just a known competency and a level: taken as they are, no reader.
        const plain = plainResult(item);
        if (plain && !seen.has(plain.competency) && this.competencyExists(plain.competency)) {
          seen.add(plain.competency);
          return results.push(plain);
        }
        const result = r.nested(path, item);
        if (!result) return (ok = false);
        const competency = result.code('competency');
        const level = result.integer('level', { required: true, min: 1, max: 5 });
        result.rejectUnknownFields();
        if (!this.checkCompetency(result, 'competency', competency) || level === null)
          return (ok = false);
        if (seen.has(competency!)) {
          result.issue(
            'competency',
            'DUPLICATE',
            `"${competency}" is assessed twice in one assessment`,
          );
          return (ok = false);
        }
        seen.add(competency!);
        results.push({ competency: competency!, level });
      });
      if (results.length === 0 && ok) {
        r.issue('results', 'REQUIRED', 'an assessment needs at least one result');
        ok = false;
      }
      if (!who || !assessedOn || assessedOn > this.today || !method || !ok) return;
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
      this.dataset.assessments.push({ ...who, assessedOn, method, assessor, potential, results });
    });
  }

  /** Completed courses: an existing employee and course, a date not in the future. */
  private trainings(): void {
    const trainingKeys = new Set<string>();
    this.records('trainings', (r) => {
      const who = this.employeeRef(r);
      const course = r.code('course');
      const completedOn = r.date('completedOn', true);
      let hours = r.integer('hours', { min: 1, max: 100000 });
      const courseInfo = course ? this.courseOf(course) : undefined;
      if (course && !courseInfo) r.issue('course', 'NOT_FOUND', `no course has code "${course}"`);
      if (completedOn && completedOn > this.today)
        r.issue('completedOn', 'OUT_OF_RANGE', `${completedOn} is in the future`);
      if (hours === null && !r.has('hours') && courseInfo) hours = courseInfo.hours;
      if (
        !who ||
        !course ||
        !courseInfo ||
        !completedOn ||
        completedOn > this.today ||
        hours === null
      )
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
      this.dataset.trainings.push({
        ...who,
        course,
        completedOn,
        hours,
      } satisfies TrainingRecordInput);
    });
  }
}

/**
 * A result that is exactly `{ competency, level }` with a code and a level from 1 to 5, as it
 * stands (already normalised); anything else is null and goes through the field checks.
 */
function plainResult(item: unknown): AssessmentRecord['results'][number] | null {
  const record = withFieldCount(item, 2);
  if (!record) return null;
  const { competency, level } = record;
  return typeof competency === 'string' && CODE_PATTERN.test(competency) && isWholeIn(level, 1, 5)
    ? (record as { competency: string; level: number })
    : null;
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
