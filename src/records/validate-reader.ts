import type { DatasetIssue, Section, ValidDataset } from '../domain/dataset.types';
import { isObject, RecordReader } from '../domain/record-reader';
import { IssueList } from './issue-list';
import type { KnownKeys } from './known-keys';

/** An enum's values, listed once per enum (records ask for them millions of times). */
const listed = new WeakMap<object, readonly string[]>();
export const values = <T extends string>(e: Record<string, T>): readonly T[] => {
  let list = listed.get(e);
  if (!list) listed.set(e, (list = Object.values(e)));
  return list as readonly T[];
};

/**
 * What validating one document keeps as it goes, section by section in the order references
 * need: the issues, the valid records, and the keys each section defines for the sections after
 * it. A reference is good when it names a key of the document or of the database (`known`).
 */
export class DocumentReader {
  // The first issues are kept, the rest counted: a hostile document cannot grow the list.
  readonly issues: DatasetIssue[] = new IssueList<DatasetIssue>();
  readonly dataset: ValidDataset = {
    agencies: [],
    orgUnits: [],
    competencies: [],
    courses: [],
    positions: [],
    employees: [],
    assessments: [],
    trainings: [],
    discipline: [],
  };
  /** The document's sections by name, once it is known to be an object. */
  sections: Record<string, unknown> = {};
  /**
   * The index in its section of the first record of `sections` (a document read in chunks
   * hands each chunk in turn; issues name the record's place in the whole section).
   */
  offset = 0;
  // Keys defined by this document, for references between sections.
  readonly docAgencies = new Set<string>();
  readonly docUnits = new Map<string, { agency: string; parent: string | null; index: number }>();
  readonly docCompetencies = new Set<string>();
  readonly docCourses = new Map<
    string,
    { hours: number; prerequisites: string[]; index: number }
  >();
  readonly docPositions = new Set<string>();
  readonly docNips = new Set<string>();
  readonly docPppk = new Set<string>();

  constructor(
    readonly known: KnownKeys,
    readonly today: string,
  ) {}

  /** Hands every record of a section to `read`, then reports the fields it did not read. */
  records(section: Section, read: (r: RecordReader) => void): void {
    const list = this.sections[section];
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
    list.forEach((item, i) => {
      const index = this.offset + i;
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
  firstSeen(
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

  agencyExists(code: string): boolean {
    return this.docAgencies.has(code) || this.known.agencies.has(code);
  }

  unitOf(code: string) {
    return this.docUnits.get(code) ?? this.known.orgUnits.get(code);
  }

  competencyExists(code: string): boolean {
    return this.docCompetencies.has(code) || this.known.competencies.has(code);
  }

  checkCompetency(r: RecordReader, field: string, code: string | null): boolean {
    if (code && !this.competencyExists(code)) {
      r.issue(field, 'NOT_FOUND', `no competency has code "${code}"`);
      return false;
    }
    return code !== null;
  }

  courseOf(code: string) {
    return this.docCourses.get(code) ?? this.known.courses.get(code);
  }

  positionExists(code: string): boolean {
    return this.docPositions.has(code) || this.known.positions.has(code);
  }
}
