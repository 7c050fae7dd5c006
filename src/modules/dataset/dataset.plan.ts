import type { Knex } from '@mikro-orm/knex';
import type { DatasetIssue, ImportReport, ValidDataset } from '../../domain/dataset.types';
import { employeeKey, type KnownKeys } from '../../records/known-keys';
import { IssueList } from '../../records/issue-list';
import { unchangedRecords, withUnchanged } from '../../records/unchanged-records';
import {
  appendOnlyIssue,
  assessmentFingerprint,
  storedAssessments,
} from '../../records/write-assessments';

type Counts = ImportReport['sections'][number];

/**
 * What writing a valid dataset would do, read without writing (a dry run): per section the
 * records received, those that would be new (their key is not stored) and those written
 * again, or unchanged when stored exactly as given; assessments already stored as given are unchanged, and one stored under the same key
 * with other content is an APPEND_ONLY issue, as the writer finds them. Reads only: it takes
 * no lock and waits for no import.
 */
export async function planDataset(
  trx: Knex.Transaction,
  data: ValidDataset,
  known: KnownKeys,
): Promise<{ sections: Counts[]; issues: DatasetIssue[] }> {
  const issues: DatasetIssue[] = new IssueList<DatasetIssue>();
  const counts = (section: Counts['section'], received: number, created: number): Counts => ({
    section,
    received,
    created,
    updated: received - created,
    unchanged: 0,
  });
  const fresh = <T>(list: readonly T[], stored: (record: T) => boolean) =>
    list.filter((record) => !stored(record)).length;
  const storedEmployee = (e: { nip: string | null; pppkNumber: string | null }) =>
    e.nip ? known.nips.has(e.nip) : known.pppkNumbers.has(e.pppkNumber ?? '');
  const sentenced = data.discipline.map((d) => ({ nip: d.nip, pppkNumber: null }));
  const ids = await storedEmployeeIds(trx, [...data.assessments, ...data.trainings, ...sentenced]);

  // Assessments: appended, unless stored as given (unchanged) or stored otherwise (an issue).
  const existing = await storedAssessments(
    trx,
    data.assessments.flatMap((a) => ids.get(employeeKey(a)) ?? []),
  );
  let newAssessments = 0;
  data.assessments.forEach((a, index) => {
    const id = ids.get(employeeKey(a));
    const before = id === undefined ? undefined : existing.get(`${id}|${a.assessedOn}|${a.method}`);
    if (before === undefined) newAssessments++;
    else if (assessmentFingerprint(a) !== before) issues.push(appendOnlyIssue(a, index));
  });

  // Trainings: upserted on employee, course and completion date.
  const trained = [...new Set(data.trainings.flatMap((t) => ids.get(employeeKey(t)) ?? []))];
  const storedTrainings = new Set<string>();
  for (let i = 0; i < trained.length; i += 5000) {
    const { rows } = await trx.raw<{ rows: { key: string }[] }>(
      `select t.employee_id || '|' || c.code || '|' || t.completed_on::text as key
         from training_record t join course c on c.id = t.course_id
        where t.employee_id = any(?)`,
      [trained.slice(i, i + 5000)],
    );
    for (const row of rows) storedTrainings.add(row.key);
  }

  // Disciplinary sentences: upserted on employee and decision number.
  const storedSentences = new Set<string>();
  const sentencedIds = [...new Set(sentenced.flatMap((d) => ids.get(employeeKey(d)) ?? []))];
  if (sentencedIds.length > 0) {
    const { rows } = await trx.raw<{ rows: { key: string }[] }>(
      `select employee_id || '|' || decision_number as key from discipline_record
        where employee_id = any(?)`,
      [sentencedIds],
    );
    for (const row of rows) storedSentences.add(row.key);
  }

  const unchanged = await unchangedRecords(trx, data);
  return {
    sections: withUnchanged(
      [
        counts(
          'agencies',
          data.agencies.length,
          fresh(data.agencies, (a) => known.agencies.has(a.code)),
        ),
        counts(
          'orgUnits',
          data.orgUnits.length,
          fresh(data.orgUnits, (u) => known.orgUnits.has(u.code)),
        ),
        counts(
          'competencies',
          data.competencies.length,
          fresh(data.competencies, (c) => known.competencies.has(c.code)),
        ),
        counts(
          'courses',
          data.courses.length,
          fresh(data.courses, (c) => known.courses.has(c.code)),
        ),
        counts(
          'positions',
          data.positions.length,
          fresh(data.positions, (p) => known.positions.has(p.code)),
        ),
        counts('employees', data.employees.length, fresh(data.employees, storedEmployee)),
        {
          section: 'assessments',
          received: data.assessments.length,
          created: newAssessments,
          updated: 0,
          unchanged: data.assessments.length - newAssessments - issues.length,
        },
        counts(
          'trainings',
          data.trainings.length,
          fresh(data.trainings, (t) => {
            const id = ids.get(employeeKey(t));
            return id !== undefined && storedTrainings.has(`${id}|${t.course}|${t.completedOn}`);
          }),
        ),
        counts(
          'discipline',
          data.discipline.length,
          fresh(data.discipline, (d) => {
            const id = ids.get(employeeKey({ nip: d.nip, pppkNumber: null }));
            return id !== undefined && storedSentences.has(`${id}|${d.decisionNumber}`);
          }),
        ),
      ],
      unchanged,
    ),
    issues,
  };
}

/** The ids of the stored employees some records name, by reference key. */
async function storedEmployeeIds(
  trx: Knex.Transaction,
  records: readonly { nip: string | null; pppkNumber: string | null }[],
): Promise<Map<string, number>> {
  const nips = [...new Set(records.flatMap((r) => (r.nip ? [r.nip] : [])))];
  const numbers = [
    ...new Set(records.flatMap((r) => (!r.nip && r.pppkNumber ? [r.pppkNumber] : []))),
  ];
  const ids = new Map<string, number>();
  if (nips.length === 0 && numbers.length === 0) return ids;
  const { rows } = await trx.raw<{
    rows: { id: number; nip: string | null; pppk_number: string | null }[];
  }>(`select id, nip, pppk_number from employee where nip = any(?) or pppk_number = any(?)`, [
    nips,
    numbers,
  ]);
  for (const row of rows) {
    if (row.nip) ids.set(`N:${row.nip}`, row.id);
    if (row.pppk_number) ids.set(`P:${row.pppk_number}`, row.id);
  }
  return ids;
}
