import { AssessmentMethod } from '../domain/assessment.enums';
import type { AssessmentRecord, TrainingRecordInput } from '../domain/dataset.types';
import {
  CODE_PATTERN,
  isWholeIn,
  withFieldCount,
  type RecordReader,
} from '../domain/record-reader';
import { readEmployee } from '../domain/record-fields';
import { readDisciplineRecord } from '../domain/discipline.fields';
import { values, type DocumentReader } from './validate-reader';

/** Employees (see `readEmployee`), each NIP or PPPK number once. */
export function readEmployees(doc: DocumentReader): void {
  doc.records('employees', (r) => {
    const record = readEmployee(
      r,
      (code) => doc.unitOf(code),
      (code) => doc.positionExists(code),
      doc.today,
    );
    const identity = record?.nip
      ? { set: doc.docNips, key: record.nip, field: 'nip' }
      : record?.pppkNumber
        ? { set: doc.docPppk, key: record.pppkNumber, field: 'pppkNumber' }
        : undefined;
    if (!record || !identity) return;
    if (!doc.firstSeen(r, identity.set, identity.key, identity.field)) return;
    identity.set.add(identity.key);
    doc.dataset.employees.push(record);
  });
}

/** The employee an assessment or training names, which must exist. */
function employeeRef(
  doc: DocumentReader,
  r: RecordReader,
): { nip: string | null; pppkNumber: string | null } | null {
  const nip = r.string('nip', { max: 18 });
  const pppkNumber = r.string('pppkNumber', { max: 32 });
  if (!nip && !pppkNumber) {
    r.issue('nip', 'REQUIRED', 'is required (or pppkNumber for PPPK)');
    return null;
  }
  if (nip && !doc.docNips.has(nip) && !doc.known.nips.has(nip)) {
    r.issue('nip', 'NOT_FOUND', `no employee has NIP ${nip}`);
    return null;
  }
  if (
    !nip &&
    pppkNumber &&
    !doc.docPppk.has(pppkNumber) &&
    !doc.known.pppkNumbers.has(pppkNumber)
  ) {
    r.issue('pppkNumber', 'NOT_FOUND', `no employee has PPPK number ${pppkNumber}`);
    return null;
  }
  return nip ? { nip, pppkNumber: null } : { nip: null, pppkNumber };
}

/**
 * Assessments: an existing employee, a date not in the future, each competency once (`keys`
 * holds the assessments seen so far, for a document read in chunks).
 */
export function readAssessments(doc: DocumentReader, assessmentKeys = new Set<string>()): void {
  doc.records('assessments', (r) => {
    const who = employeeRef(doc, r);
    const assessedOn = r.date('assessedOn', true);
    const method = r.oneOf('method', values(AssessmentMethod));
    const assessor = r.string('assessor', { max: 200 });
    const potential = r.number('potential', { min: 0, max: 100, decimals: 2 });
    if (assessedOn && assessedOn > doc.today)
      r.issue('assessedOn', 'OUT_OF_RANGE', `${assessedOn} is in the future`);
    const { results, ok } = readResults(doc, r);
    if (!who || !assessedOn || assessedOn > doc.today || !method || !ok) return;
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
    doc.dataset.assessments.push({ ...who, assessedOn, method, assessor, potential, results });
  });
}

/** An assessment's results, at least one, each competency once. */
function readResults(
  doc: DocumentReader,
  r: RecordReader,
): { results: AssessmentRecord['results']; ok: boolean } {
  let ok = true;
  const results: AssessmentRecord['results'] = [];
  const seen = new Set<string>();
  r.list('results', (item, _i, path) => {
    // Most results are just a known competency and a level: taken as they are, no reader.
    const plain = plainResult(item);
    if (plain && !seen.has(plain.competency) && doc.competencyExists(plain.competency)) {
      seen.add(plain.competency);
      return results.push(plain);
    }
    const result = r.nested(path, item);
    if (!result) return (ok = false);
    const competency = result.code('competency');
    const level = result.integer('level', { required: true, min: 1, max: 5 });
    result.rejectUnknownFields();
    if (!doc.checkCompetency(result, 'competency', competency) || level === null)
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
  return { results, ok };
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

/** Completed courses: an existing employee and course, a date not in the future. */
export function readTrainings(doc: DocumentReader, trainingKeys = new Set<string>()): void {
  doc.records('trainings', (r) => {
    const who = employeeRef(doc, r);
    const course = r.code('course');
    const completedOn = r.date('completedOn', true);
    let hours = r.integer('hours', { min: 1, max: 100000 });
    const courseInfo = course ? doc.courseOf(course) : undefined;
    if (course && !courseInfo) r.issue('course', 'NOT_FOUND', `no course has code "${course}"`);
    if (completedOn && completedOn > doc.today)
      r.issue('completedOn', 'OUT_OF_RANGE', `${completedOn} is in the future`);
    if (hours === null && !r.has('hours') && courseInfo) hours = courseInfo.hours;
    if (!who || !course || !courseInfo || !completedOn || completedOn > doc.today || hours === null)
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
    doc.dataset.trainings.push({
      ...who,
      course,
      completedOn,
      hours,
    } satisfies TrainingRecordInput);
  });
}

/**
 * Disciplinary sentences (see `readDisciplineRecord`) of existing employees, named by NIP; one
 * per employee and decision number, the record's identity.
 */
export function readDiscipline(doc: DocumentReader, keys = new Set<string>()): void {
  doc.records('discipline', (r) => {
    const record = readDisciplineRecord(r);
    if (!record) return;
    if (!doc.docNips.has(record.nip) && !doc.known.nips.has(record.nip)) {
      r.issue('nip', 'NOT_FOUND', `no employee has NIP ${record.nip}`);
      return;
    }
    const key = `${record.nip}|${record.decisionNumber}`;
    if (keys.has(key)) {
      r.issue(
        'decisionNumber',
        'DUPLICATE',
        `NIP ${record.nip}: decision ${record.decisionNumber} is listed twice`,
      );
      return;
    }
    keys.add(key);
    doc.dataset.discipline.push(record);
  });
}
