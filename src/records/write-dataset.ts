import type { Knex } from '@mikro-orm/knex';
import {
  withChangesLoggedFor,
  withForeignKeysCheckedOnce,
  withIndexesBuiltOnce,
} from '../platform/db/bulk-copy';
import type { DatasetIssue, ValidDataset } from '../domain/dataset.types';
import { IssueList } from './issue-list';
import type { KnownKeys } from './known-keys';
import { writeAssessments } from './write-assessments';
import {
  writeAgencies,
  writeCompetencies,
  writeCourses,
  writeOrgUnits,
  writePositions,
} from './write-catalogue';
import { writeDiscipline, writeEmployees, writeTrainings } from './write-people';
import { TableWriter, type Counts, type Progress } from './write-tables';
import { keyOf, unchangedKeys, withUnchanged } from './unchanged-records';

export type { Progress } from './write-tables';

/**
 * Writes validated records inside the caller's transaction: natural keys are upserted, child
 * lists replaced, assessments appended (an identical one is skipped; a different one under the
 * same key is an issue, because history is never edited). Returns the counts and any issues
 * found only now; the caller rolls back when there are issues. `before`, the keys the database
 * held when the write began (the validation's), spares the read of what new employees have stored.
 */
export async function writeDataset(
  trx: Knex.Transaction,
  data: ValidDataset,
  progress: Progress = () => undefined,
  bulk = false,
  before?: KnownKeys,
): Promise<{ sections: Counts[]; issues: DatasetIssue[] }> {
  const w = new TableWriter(trx, progress, bulk, before);
  // Read back before anything is written: the records stored exactly as given (a section of a
  // national load, past COMPARE_MAX_RECORDS, is not read back). Those of the catalogue are not
  // written again: a province's monthly file repeats its whole catalogue, and rewriting it
  // replaced every position's requirements each month.
  const unchanged = await unchangedKeys(trx, data);
  const changed = { ...data };
  for (const section of CATALOGUE) {
    const same = unchanged.get(section);
    if (same && same.size > 0)
      (changed as Record<string, object[]>)[section] = (data[section] as object[]).filter(
        (record) => !same.has(keyOf(record)),
      );
  }
  /** A section's counts over every record it was sent, the ones left unwritten among the updated. */
  const whole = (counts: Counts): Counts => {
    const left = (data[counts.section] as object[]).length - counts.received;
    return { ...counts, received: counts.received + left, updated: counts.updated + left };
  };
  const sections: Counts[] = [];
  const issues: DatasetIssue[] = new IssueList<DatasetIssue>();
  sections.push(whole(await writeAgencies(w, changed)));
  sections.push(whole(await writeOrgUnits(w, changed)));
  sections.push(whole(await writeCompetencies(w, changed)));
  sections.push(whole(await writeCourses(w, changed)));
  sections.push(whole(await writePositions(w, changed)));
  const people = async () => {
    sections.push(await writeEmployees(w, data));
    sections.push(await writeAssessments(w, data, issues));
    sections.push(await writeTrainings(w, data));
    sections.push(await writeDiscipline(w, data));
  };
  if (bulk) {
    // The bulk path checks the people tables' references once per table, after the rows are
    // in; the indexes of those that start empty (a first load) are built once at the end; and
    // the employees whose rows it wrote are logged as changed in one statement.
    const empty: string[] = [];
    for (const table of PEOPLE_TABLES) if (await w.wasEmpty(table)) empty.push(table);
    await withForeignKeysCheckedOnce(trx, PEOPLE_TABLES, () =>
      withIndexesBuiltOnce(trx, empty, () =>
        withChangesLoggedFor(trx, PEOPLE_TABLES, async () => {
          await people();
          return w.changed;
        }),
      ),
    );
  } else await people();
  const counted = new Map([...unchanged].map(([section, same]) => [section, same.size]));
  return { sections: withUnchanged(sections, counted), issues };
}

/** The sections whose records stored as given are left as they are. */
const CATALOGUE = ['agencies', 'orgUnits', 'competencies', 'courses', 'positions'] as const;

const PEOPLE_TABLES = [
  'employee',
  'performance_record',
  'assessment',
  'assessment_result',
  'training_record',
  'discipline_record',
];
