import type { DatasetIssue, ValidDataset } from '../domain/dataset.types';
import { SECTIONS } from '../domain/dataset.types';
import { isObject, normaliseDocument } from '../domain/record-reader';
import type { KnownKeys } from './known-keys';
import { readCompetencies } from './validate-competencies';
import { readCourses } from './validate-courses';
import { readAgencies, readOrgUnits } from './validate-org';
import { readAssessments, readDiscipline, readEmployees, readTrainings } from './validate-people';
import { readPositions } from './validate-positions';
import { DocumentReader } from './validate-reader';

/**
 * The sections' readers, in the order references need: each checks its records and keeps the
 * keys it defines for the sections after it.
 */
const SECTION_READERS: readonly ((doc: DocumentReader) => void)[] = [
  readAgencies,
  readOrgUnits,
  readCompetencies,
  readCourses,
  readPositions,
  readEmployees,
  readAssessments,
  readTrainings,
  readDiscipline,
];

/**
 * Checks a whole document against the format and against what exists (in the document or the
 * database), collecting every problem. Pure: the database's keys and today's date come in.
 */
export function validateDataset(
  raw: unknown,
  known: KnownKeys,
  today: string,
): { dataset: ValidDataset; issues: DatasetIssue[] } {
  const doc = new DocumentReader(known, today);
  const document = normaliseDocument(raw, doc.issues);
  if (!isObject(document)) {
    doc.issues.push({
      section: 'document',
      index: null,
      field: null,
      code: 'INVALID',
      message: 'The dataset must be a JSON object with sections.',
    });
    return { dataset: doc.dataset, issues: doc.issues };
  }
  for (const key of Object.keys(document)) {
    if (!(SECTIONS as readonly string[]).includes(key)) {
      doc.issues.push({
        section: 'document',
        index: null,
        field: key,
        code: 'INVALID',
        message: `"${key}" is not a section (${SECTIONS.join(', ')})`,
      });
    }
  }
  doc.sections = document;
  for (const read of SECTION_READERS) read(doc);
  return { dataset: doc.dataset, issues: doc.issues };
}
