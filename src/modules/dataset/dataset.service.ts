import type { Knex } from '@mikro-orm/knex';
import { recordAudit, type Actor } from '../audit/audit.service';
import { exportDataset, type ExportScope } from './dataset.export';
import type { DatasetIssue, ImportReport, Section } from './dataset.types';
import { agencyOfRecord } from './record-agency';
import { validateDataset, type KnownKeys } from './dataset.validate';
import { employeeKey, writeDataset, type Progress } from './dataset.write';

/** At most this many issues are listed in a report; `issueCount` gives the total. */
export const MAX_LISTED_ISSUES = 1000;

export interface ImportOptions {
  /** Today's date (ISO); dates after it are rejected. */
  today: string;
  /** Validate and write, then roll back: what would happen, with nothing changed. */
  dryRun?: boolean;
  onProgress?: Progress;
  /**
   * The bulk path for large files: COPY instead of statements, and the people tables'
   * references checked once per table. Same validation, transaction and report; but those
   * tables are locked against readers until it commits, so it is for loads into a quiet
   * database.
   */
  bulk?: boolean;
  /** Extra checks against the keys the database holds, under the import lock. */
  check?: (known: KnownKeys) => DatasetIssue[];
  /** The audit event written in the same transaction: the record's before and after for a mutation, counts for an import. */
  audit: {
    actor: Actor;
    action: string;
    /** The one record a mutation changes; its before and after are kept. */
    record?: { section: Section; key: string; scope?: ExportScope };
  };
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
      // One COPY of a province's results takes longer than the per-statement limit of requests.
      if (options.bulk) await trx.raw('set local statement_timeout = 0');
      const known = await loadKnownKeys(trx);
      const { dataset, issues } = validateDataset(raw, known, options.today);
      issues.unshift(...(options.check?.(known) ?? []));
      if (issues.length > 0) {
        report = failed(issues);
        throw new Rollback();
      }
      const { record } = options.audit;
      const before = record?.scope ? await storedRecord(trx, record.scope) : null;
      const written = await writeDataset(trx, dataset, options.onProgress, options.bulk);
      report =
        written.issues.length > 0
          ? failed(written.issues)
          : { applied: true, sections: written.sections, issues: [], issueCount: 0 };
      if (!report.applied) throw new Rollback();
      if (record) {
        const row = (dataset[record.section] ?? [])[0] as unknown as Record<string, unknown>;
        await recordAudit(trx, {
          actor: options.audit.actor,
          action: options.audit.action,
          section: record.section,
          recordKey: record.key,
          agency: agencyOfRecord(record.section, row, known),
          before,
          after: record.scope ? await storedRecord(trx, record.scope) : row,
        });
      } else {
        await recordAudit(trx, {
          actor: options.audit.actor,
          action: options.audit.action,
          after: { sections: report.sections.filter((s) => s.received > 0) },
        });
      }
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

async function storedRecord(trx: Knex.Transaction, scope: ExportScope): Promise<unknown> {
  return (await exportDataset(trx, scope))[scope.section][0] ?? null;
}

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
  const employees = await rows<{ nip: string | null; pppk_number: string | null; agency: string }>(
    `select e.nip, e.pppk_number, a.code as agency
       from employee e join org_unit u on u.id = e.org_unit_id join agency a on a.id = u.agency_id`,
  );
  const positions = await rows<{ code: string; agency: string }>(
    `select p.code, a.code as agency
       from position p join org_unit u on u.id = p.org_unit_id join agency a on a.id = u.agency_id`,
  );
  return {
    agencies: await codes('agency'),
    orgUnits: new Map(units.map((u) => [u.code, { agency: u.agency, parent: u.parent }])),
    competencies: await codes('competency'),
    courses: new Map(
      courses.map((c) => [c.code, { hours: c.hours, prerequisites: c.prerequisites }]),
    ),
    positions: new Map(positions.map((p) => [p.code, p.agency])),
    nips: new Set(employees.flatMap((e) => (e.nip ? [e.nip] : []))),
    pppkNumbers: new Set(employees.flatMap((e) => (e.pppk_number ? [e.pppk_number] : []))),
    employeeAgencies: new Map(
      employees.map((e) => [employeeKey({ nip: e.nip, pppkNumber: e.pppk_number }), e.agency]),
    ),
  };
}
