import type { Knex } from '@mikro-orm/knex';
import type { DatasetIssue, ImportReport } from './dataset.types';
import { validateDataset, type KnownKeys } from './dataset.validate';
import { writeDataset, type Progress } from './dataset.write';

/** At most this many issues are listed in a report; `issueCount` gives the total. */
export const MAX_LISTED_ISSUES = 1000;

export interface ImportOptions {
  /** Today's date (ISO); dates after it are rejected. */
  today: string;
  /** Validate and write, then roll back: what would happen, with nothing changed. */
  dryRun?: boolean;
  onProgress?: Progress;
  /** Extra checks against the keys the database holds, under the import lock. */
  check?: (known: KnownKeys) => DatasetIssue[];
  /** Runs inside the import's transaction after the write, before commit (e.g. audit). */
  afterWrite?: (trx: Knex.Transaction, report: ImportReport) => Promise<void>;
}

class Rollback extends Error {}

/**
 * Imports a dataset document in one transaction: every record lands or none does. The report
 * lists each bad record with its section, index, field and reason.
 */
export async function importDataset(
  knex: Knex,
  raw: unknown,
  options: ImportOptions,
): Promise<ImportReport> {
  let report: ImportReport | undefined;
  try {
    await knex.transaction(async (trx) => {
      // One import at a time: concurrent upserts of the same keys would interleave.
      await trx.raw('select pg_advisory_xact_lock(?)', [IMPORT_LOCK]);
      const known = await loadKnownKeys(trx);
      const { dataset, issues } = validateDataset(raw, known, options.today);
      issues.unshift(...(options.check?.(known) ?? []));
      if (issues.length > 0) {
        report = failed(issues);
        throw new Rollback();
      }
      const written = await writeDataset(trx, dataset, options.onProgress);
      report =
        written.issues.length > 0
          ? failed(written.issues)
          : { applied: true, sections: written.sections, issues: [], issueCount: 0 };
      if (!report.applied) throw new Rollback();
      await options.afterWrite?.(trx, report);
      if (options.dryRun) {
        report = { ...report, applied: false };
        throw new Rollback();
      }
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return report!;
}

const IMPORT_LOCK = 7_201_001;

function failed(issues: DatasetIssue[]): ImportReport {
  return {
    applied: false,
    sections: [],
    issues: issues.slice(0, MAX_LISTED_ISSUES),
    issueCount: issues.length,
  };
}

/** The natural keys the database holds, for validating references. */
export async function loadKnownKeys(knex: Knex | Knex.Transaction): Promise<KnownKeys> {
  const rows = async <T>(sql: string): Promise<T[]> => (await knex.raw<{ rows: T[] }>(sql)).rows;
  const units = await rows<{ code: string; agency: string; parent: string | null }>(
    `select u.code, a.code as agency, p.code as parent
       from org_unit u join agency a on a.id = u.agency_id left join org_unit p on p.id = u.parent_id`,
  );
  const courses = await rows<{ code: string; hours: number; prerequisites: string[] }>(
    `select c.code, c.hours, coalesce(array_agg(p.code) filter (where p.code is not null), '{}') as prerequisites
       from course c
       left join course_prerequisite cp on cp.course_id = c.id
       left join course p on p.id = cp.prerequisite_id
      group by c.id`,
  );
  const codes = async (table: string) =>
    new Set((await rows<{ code: string }>(`select code from ${table}`)).map((r) => r.code));
  const employees = await rows<{ nip: string | null; pppk_number: string | null }>(
    `select nip, pppk_number from employee`,
  );
  return {
    agencies: await codes('agency'),
    orgUnits: new Map(units.map((u) => [u.code, { agency: u.agency, parent: u.parent }])),
    competencies: await codes('competency'),
    courses: new Map(
      courses.map((c) => [c.code, { hours: c.hours, prerequisites: c.prerequisites }]),
    ),
    positions: await codes('position'),
    nips: new Set(employees.flatMap((e) => (e.nip ? [e.nip] : []))),
    pppkNumbers: new Set(employees.flatMap((e) => (e.pppk_number ? [e.pppk_number] : []))),
  };
}
