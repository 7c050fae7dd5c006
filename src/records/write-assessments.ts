import type { Knex } from '@mikro-orm/knex';
import { prepared } from '../platform/db/prepared';
import { copyRows } from '../platform/db/bulk-copy';
import type { DatasetIssue, ValidDataset } from '../domain/dataset.types';
import { employeeKey } from './known-keys';
import { BULK_MIN_ROWS, chunks, type Counts, type TableWriter } from './write-tables';

/**
 * Assessments are appended, never edited: one sent again as stored is skipped, one stored under
 * the same employee, day and method with other content is an APPEND_ONLY issue.
 */
export async function writeAssessments(
  w: TableWriter,
  data: ValidDataset,
  issues: DatasetIssue[],
): Promise<Counts> {
  const list = data.assessments;
  const employeeIds = await w.employeeIds(list);
  const competencyIds = await w.ids(
    'competency',
    'code',
    list.flatMap((a) => a.results.map((r) => r.competency)),
  );
  // A first load has no stored assessment to compare with, nor has an employee this import
  // created (most of a file that adds a regency's people).
  const stored =
    w.bulk && (await w.wasEmpty('assessment')) ? [] : list.filter((a) => w.storedBefore(a));
  const existing = await storedAssessments(
    w.trx,
    stored.map((a) => employeeIds.get(employeeKey(a))!),
  );
  const fresh: { record: (typeof list)[number]; employeeId: number }[] = [];
  list.forEach((a, index) => {
    const employeeId = employeeIds.get(employeeKey(a))!;
    const before = existing.get(`${employeeId}|${a.assessedOn}|${a.method}`);
    if (before === undefined) return fresh.push({ record: a, employeeId });
    if (assessmentFingerprint(a) !== before) issues.push(appendOnlyIssue(a, index));
  });
  for (const { employeeId } of fresh) w.changed.add(employeeId);
  if (w.bulk && fresh.length >= BULK_MIN_ROWS) {
    await copyAssessments(w, fresh, competencyIds);
  } else await insertAssessments(w, fresh, competencyIds);
  return {
    section: 'assessments',
    received: list.length,
    created: fresh.length,
    updated: 0,
    unchanged: list.length - fresh.length,
  };
}

/** The bulk path: ids drawn from the sequence up front, then both tables by COPY. */
async function copyAssessments(
  w: TableWriter,
  fresh: { record: ValidDataset['assessments'][number]; employeeId: number }[],
  competencyIds: Map<string, number>,
): Promise<void> {
  const idOf = await w.drawIds('assessment', fresh.length);
  await copyRows(
    w.trx,
    'assessment',
    ['id', 'employee_id', 'assessed_on', 'method', 'assessor', 'potential'],
    (function* () {
      for (let i = 0; i < fresh.length; i++) {
        const { record, employeeId } = fresh[i];
        yield [
          idOf(i),
          employeeId,
          record.assessedOn,
          record.method,
          record.assessor,
          record.potential,
        ];
      }
    })(),
  );
  function* results() {
    for (let i = 0; i < fresh.length; i++) {
      for (const r of fresh[i].record.results)
        yield [idOf(i), competencyIds.get(r.competency)!, r.level];
    }
  }
  let count = 0;
  for (const { record } of fresh) count += record.results.length;
  const perAssessment = count / Math.max(1, fresh.length);
  await copyRows(
    w.trx,
    'assessment_result',
    ['assessment_id', 'competency_id', 'level'],
    results(),
    (done) => w.progress('assessments', Math.round(done / perAssessment), fresh.length),
  );
}

async function insertAssessments(
  w: TableWriter,
  fresh: { record: ValidDataset['assessments'][number]; employeeId: number }[],
  competencyIds: Map<string, number>,
): Promise<void> {
  let done = 0;
  for (const part of chunks(fresh)) {
    const inserted: { id: number }[] = await w
      .trx('assessment')
      .insert(
        part.map(({ record, employeeId }) => ({
          employee_id: employeeId,
          assessed_on: record.assessedOn,
          method: record.method,
          assessor: record.assessor,
          potential: record.potential,
        })),
      )
      .returning('id');
    const results = part.flatMap(({ record }, i) =>
      record.results.map((r) => ({
        assessment_id: inserted[i].id,
        competency_id: competencyIds.get(r.competency),
        level: r.level,
      })),
    );
    for (const rows of chunks(results, 5000)) await w.trx('assessment_result').insert(rows);
    done += part.length;
    w.progress('assessments', done, fresh.length);
  }
}

/**
 * What makes two assessments of one employee, day and method the same: assessor, potential
 * and every result. An identical one is a repeat (skipped); a different one is refused,
 * because history is append-only.
 */
export function assessmentFingerprint(assessment: {
  assessor: string | null;
  potential: number | null;
  results: readonly { competency: string; level: number }[];
}): string {
  const results = [...assessment.results]
    .sort((x, y) => (x.competency < y.competency ? -1 : 1))
    .map((r) => `${r.competency}=${r.level}`);
  return `${assessment.assessor ?? ''}|${assessment.potential ?? ''}|${results.join(',')}`;
}

/**
 * The stored assessments of some employees (read 5,000 employees at a time), as the fingerprint
 * of each by `employee|date|method`: what an assessment sent again is compared with.
 */
export async function storedAssessments(
  trx: Knex,
  employeeIds: readonly number[],
): Promise<Map<string, string>> {
  const existing = new Map<string, string>();
  const unique = [...new Set(employeeIds)];
  if (unique.length === 0) return existing;
  for (const part of chunks(unique, 5000)) {
    const { rows } = await trx
      .raw<{ rows: StoredAssessment[] }>(STORED_ASSESSMENTS, [part])
      .options(prepared(STORED_ASSESSMENTS));
    for (const row of rows) {
      // One stored without results is left out, as an inner join would leave it.
      if (row.competencies === null) continue;
      const results = row.competencies.map((competency, i) => ({
        competency,
        level: row.levels![i],
      }));
      existing.set(
        `${row.employee_id}|${row.assessed_on}|${row.method}`,
        assessmentFingerprint({ ...row, results }),
      );
    }
  }
  return existing;
}

interface StoredAssessment {
  employee_id: number;
  assessed_on: string;
  method: string;
  assessor: string | null;
  potential: number | null;
  competencies: string[] | null;
  levels: number[] | null;
}

/** An assessment sent again with other content than stored: history is append-only. */
export function appendOnlyIssue(
  a: { assessedOn: string; method: string },
  index: number,
): DatasetIssue {
  return {
    section: 'assessments',
    index,
    field: 'results',
    code: 'APPEND_ONLY',
    message: `an assessment of this employee on ${a.assessedOn} by ${a.method} exists with other content; history is append-only, so record a new assessment instead`,
  };
}

/**
 * The stored assessments of some employees, each with its results (competency codes and levels)
 * to compare with. The results are gathered per assessment through their (assessment_id,
 * competency_id) index, each competency by its key: joined and grouped instead, the generic plan
 * of this prepared statement spilled its grouping to disk and took 13 times as long (1.5 s for
 * 5,000 employees at 100k).
 */
const STORED_ASSESSMENTS = `select a.employee_id, a.assessed_on::text as assessed_on, a.method, a.assessor,
                  a.potential::float8 as potential, r.competencies, r.levels
             from assessment a
            cross join lateral (select array_agg(c.code) as competencies,
                                       array_agg(r.level) as levels
                                  from assessment_result r
                                  join competency c on c.id = r.competency_id
                                 where r.assessment_id = a.id) r
            where a.employee_id = any(?)`;
