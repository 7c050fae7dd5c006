import { CourseModality, CourseType } from '../domain/course.enums';
import type { CourseRecord } from '../domain/dataset.types';
import type { RecordReader } from '../domain/record-reader';
import { values, type DocumentReader } from './validate-reader';

/** Courses, their outcomes, and prerequisites that exist and make no cycle. */
export function readCourses(doc: DocumentReader): void {
  const courseRecords: { r: RecordReader; record: CourseRecord; ok: boolean }[] = [];
  doc.records('courses', (r) => {
    const code = r.code('code');
    const title = r.string('title', { required: true, max: 300 });
    const type = r.oneOf('type', values(CourseType));
    const modality = r.oneOf('modality', values(CourseModality));
    const hours = r.integer('hours', { required: true, min: 1, max: 100000 });
    const cost = r.number('cost', { min: 0, max: 1e13 }) ?? 0;
    const provider = r.string('provider', { required: true, max: 200 });
    const outcomes = readOutcomes(doc, r);
    const prerequisites = readPrerequisites(r, code);
    if (!doc.firstSeen(r, doc.docCourses, code, 'code') || !code) return;
    doc.docCourses.set(code, {
      hours: hours ?? 0,
      prerequisites: prerequisites.list,
      index: r.index,
    });
    const record = {
      code,
      title: title!,
      type: type!,
      modality: modality!,
      hours: hours!,
      cost,
      provider: provider!,
      outcomes: outcomes.list,
      prerequisites: prerequisites.list,
    };
    const ok = outcomes.ok && prerequisites.ok;
    courseRecords.push({
      r,
      record,
      ok: ok && !!title && !!type && !!modality && hours !== null && !!provider,
    });
  });
  // Prerequisites are checked once every course of the document is known.
  for (const { r, record, ok } of courseRecords) {
    if (prerequisitesAreGood(doc, r, record) && ok) doc.dataset.courses.push(record);
  }
}

/** A course's outcomes: a known competency each, once, reaching above its entry level. */
function readOutcomes(
  doc: DocumentReader,
  r: RecordReader,
): { list: CourseRecord['outcomes']; ok: boolean } {
  let ok = true;
  const list: CourseRecord['outcomes'] = [];
  const seen = new Set<string>();
  r.list('outcomes', (item, _i, path) => {
    const outcome = r.nested(path, item);
    if (!outcome) return (ok = false);
    const competency = outcome.code('competency');
    const minLevel = outcome.integer('minLevel', { min: 1, max: 4 });
    const toLevel = outcome.integer('toLevel', { required: true, min: 1, max: 5 });
    outcome.rejectUnknownFields();
    if (!doc.checkCompetency(outcome, 'competency', competency) || toLevel === null)
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
    list.push({ competency: competency!, minLevel, toLevel });
  });
  return { list, ok };
}

/** A course's prerequisites as codes, each once and never the course itself. */
function readPrerequisites(r: RecordReader, code: string | null): { list: string[]; ok: boolean } {
  let ok = true;
  const list: string[] = [];
  r.list('prerequisites', (item, _i, path) => {
    if (typeof item !== 'string' || !item.trim()) {
      r.issue(path, 'INVALID', 'must be a course code');
      ok = false;
    } else if (item.trim() === code) {
      r.issue(path, 'CYCLE', 'a course cannot be its own prerequisite');
      ok = false;
    } else if (list.includes(item.trim())) {
      r.issue(path, 'DUPLICATE', `"${item.trim()}" is listed twice`);
      ok = false;
    } else list.push(item.trim());
  });
  return { list, ok };
}

/** Whether every prerequisite of a course exists and none requires the course back. */
function prerequisitesAreGood(doc: DocumentReader, r: RecordReader, record: CourseRecord): boolean {
  let valid = true;
  record.prerequisites.forEach((prerequisite, i) => {
    if (!doc.courseOf(prerequisite)) {
      r.issue(`prerequisites[${i}]`, 'NOT_FOUND', `no course has code "${prerequisite}"`);
      valid = false;
    } else if (reachesAny(prerequisite, record.code, (c) => doc.courseOf(c)?.prerequisites ?? [])) {
      r.issue(
        `prerequisites[${i}]`,
        'CYCLE',
        `"${prerequisite}" already requires "${record.code}" (directly or through others)`,
      );
      valid = false;
    }
  });
  return valid;
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
