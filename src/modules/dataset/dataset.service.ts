import { isDeepStrictEqual } from 'node:util';
import type { Knex } from '@mikro-orm/knex';
import { recordAudit, type Actor } from '../../records/audit';
import { exportDataset, type ExportScope } from '../../records/read';
import type {
  DatasetDocument,
  DatasetIssue,
  ImportReport,
  Section,
} from '../../domain/dataset.types';
import { agencyOfRecord, visibleTo } from '../../records/record-agency';
import { validateDataset, type KnownKeys } from '../../records/validate';
import { employeeKey, writeDataset, type Progress } from '../../records/write';
import { prepared } from '../../platform/db/prepared';
import { listed } from '../../records/issue-list';
import { planDataset } from './dataset.plan';

export { MAX_LISTED_ISSUES } from '../../records/issue-list';

export interface ImportOptions {
  /** Today's date (ISO); dates after it are rejected. */
  today: string;
  /**
   * Validate and count what would happen, reading only: no lock is taken, so a dry run answers
   * while an import runs (it sees the data as committed when it starts).
   */
  dryRun?: boolean;
  onProgress?: Progress;
  /**
   * The bulk path for large files: COPY instead of statements, and the people tables'
   * references checked once per table. Same validation, transaction and report; but those
   * tables are locked against readers until it commits, so it is for loads into a quiet
   * database.
   */
  bulk?: boolean;
  /** How long to wait for writes under way, in ms; left out, as long as they take. */
  waitMs?: number;
  /** Told once when the import has to wait for another import or write to finish. */
  onWait?: () => void;
  /** The audit event written in the same transaction: counts of what was imported. */
  audit: { actor: Actor; action: string };
}

class Rollback extends Error {}

/**
 * Imports a dataset document in one transaction: every record lands or none does. The report
 * lists each bad record with its section, index, field and reason. An import excludes every
 * other write while it runs (they wait for it, up to their own limit). A dry run reads only.
 */
export async function importDataset(
  knex: Knex,
  raw: unknown,
  options: ImportOptions,
): Promise<ImportReport> {
  if (options.dryRun) return dryRun(knex, raw, options.today);
  let report: ImportReport | undefined;
  try {
    await knex.transaction(async (trx) => {
      await takeWriteLocks(trx, { exclusive: true }, options.waitMs, options.onWait);
      // One COPY of a province's results takes longer than the per-statement limit of requests.
      if (options.bulk) await trx.raw('set local statement_timeout = 0');
      const known = await loadKnownKeys(trx);
      const { dataset, issues } = validateDataset(raw, known, options.today);
      if (issues.length > 0) {
        report = failed(issues);
        throw new Rollback();
      }
      const written = await writeDataset(trx, dataset, options.onProgress, options.bulk);
      report =
        written.issues.length > 0
          ? failed(written.issues)
          : { applied: true, sections: written.sections, issues: [], issueCount: 0 };
      if (!report.applied) throw new Rollback();
      await recordAudit(trx, {
        actor: options.audit.actor,
        action: options.audit.action,
        after: { sections: report.sections.filter((s) => s.received > 0) },
      });
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return report!;
}

/**
 * A dry run: the document validated against the stored keys and what writing it would do
 * counted (`planDataset`), in a read-only transaction that takes no write lock.
 */
async function dryRun(knex: Knex, raw: unknown, today: string): Promise<ImportReport> {
  return knex.transaction(async (trx) => {
    await trx.raw('set transaction isolation level repeatable read, read only');
    const known = await loadKnownKeys(trx);
    const { dataset, issues } = validateDataset(raw, known, today);
    if (issues.length > 0) return failed(issues);
    const planned = await planDataset(trx, dataset, known);
    if (planned.issues.length > 0) return failed(planned.issues);
    return { applied: false, sections: planned.sections, issues: [], issueCount: 0 };
  });
}

/** One record written through the import's rules, by a mutation. */
export interface RecordWrite {
  section: Section;
  /** The record's natural key, for the audit trail. */
  key: string;
  /**
   * What the write locks: writes of the same lock key run one after another, others side by
   * side. An employee's record, assessments, trainings and ratings share the employee's key.
   */
  lockKey: string;
  /** How to read the stored record, for sections that have one: its before and after. */
  scope?: ExportScope;
  /**
   * The record to write, made from the stored one (null when there is none) after the lock is
   * taken, so that nothing written meanwhile is lost; or the issues that stop it.
   */
  build: (stored: unknown) => object | DatasetIssue[];
  /**
   * Checks against the database's keys: `all` is what it holds, `visible` what the caller may
   * see (another agency's records left out). The first issues found stop the write.
   */
  checks: ((
    known: { all: KnownKeys; visible: KnownKeys },
    record: Record<string, unknown>,
  ) => DatasetIssue[])[];
  /** The agency a caller is bound to (HR), whose view of the keys is limited to it. */
  agency: string | null;
  today: string;
  /** How long to wait for other writes of the same key, or an import, in ms. */
  waitMs: number;
  audit: { actor: Actor; action: string };
}

/**
 * Writes one record in one transaction, read-modify-write under its lock: the stored record is
 * read once after the lock is taken, merged, validated against the keys the document names,
 * written, read back and audited (no event when nothing changed). Issues come back with
 * nothing changed.
 */
export async function writeRecord(knex: Knex, write: RecordWrite): Promise<DatasetIssue[]> {
  let issues: DatasetIssue[] = [];
  try {
    await knex.transaction(async (trx) => {
      await takeWriteLocks(trx, { key: write.lockKey }, write.waitMs);
      const before = write.scope ? await storedRecord(trx, write.scope) : null;
      const built = write.build(before);
      if (Array.isArray(built)) {
        issues = built;
        throw new Rollback();
      }
      const document: DatasetDocument = { [write.section]: [built] };
      const all = await loadKnownKeys(trx, namedKeys(document));
      const visible = write.agency ? visibleTo(all, write.agency) : all;
      // The key and agency checks come first: a record the caller may not see is not found,
      // before validation could say anything about its stored fields.
      for (const check of write.checks) {
        issues = check({ all, visible }, built as Record<string, unknown>);
        if (issues.length > 0) throw new Rollback();
      }
      const validated = validateDataset(document, visible, write.today);
      issues = validated.issues;
      if (issues.length > 0) throw new Rollback();
      const written = await writeDataset(trx, validated.dataset);
      issues = written.issues;
      if (issues.length > 0) throw new Rollback();
      const counts = written.sections.find((s) => s.section === write.section);
      const after = write.scope ? await storedRecord(trx, write.scope) : built;
      const unchanged = write.scope
        ? isDeepStrictEqual(before, after)
        : counts !== undefined && counts.created + counts.updated === 0;
      if (unchanged) return;
      const record = (validated.dataset[write.section] as object[])[0] as Record<string, unknown>;
      await recordAudit(trx, {
        actor: write.audit.actor,
        action: write.audit.action,
        section: write.section,
        recordKey: write.key,
        agency: agencyOfRecord(write.section, record, all),
        before,
        after,
      });
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return issues;
}

/** The advisory lock an import holds exclusively (and a record write shared). */
export const IMPORT_LOCK = 7_201_001;
/** The first half of a record's lock key; the second is the hash of its natural key. */
const RECORD_LOCK_SPACE = 7_201;

/**
 * The locks of a write transaction. An import holds the import lock exclusively; a record
 * write holds it shared plus its record's lock, so record writes run side by side unless they
 * touch the same record, and none runs during an import. Waiting is bounded by `waitMs`
 * (PostgreSQL's lock_timeout, reported as BUSY); the per-statement timeout does not cut it.
 */
async function takeWriteLocks(
  trx: Knex.Transaction,
  lock: { exclusive: true } | { key: string },
  waitMs: number | undefined,
  onWait?: () => void,
): Promise<void> {
  const { rows } = await trx.raw<{ rows: { previous: string }[] }>(
    `select current_setting('statement_timeout') as previous,
            set_config('statement_timeout', '0', true),
            set_config('lock_timeout', ?, true)`,
    [`${waitMs ?? 0}ms`],
  );
  if ('exclusive' in lock) {
    if (onWait) {
      const { rows: taken } = await trx.raw<{ rows: { ok: boolean }[] }>(
        'select pg_try_advisory_xact_lock(?) as ok',
        [IMPORT_LOCK],
      );
      if (!taken[0].ok) onWait();
    }
    await trx.raw('select pg_advisory_xact_lock(?)', [IMPORT_LOCK]);
  } else {
    await trx.raw('select pg_advisory_xact_lock_shared(?), pg_advisory_xact_lock(?, hashtext(?))', [
      IMPORT_LOCK,
      RECORD_LOCK_SPACE,
      lock.key,
    ]);
  }
  await trx.raw(
    `select set_config('statement_timeout', ?, true), set_config('lock_timeout', '0', true)`,
    [rows[0].previous],
  );
}

async function storedRecord(trx: Knex.Transaction, scope: ExportScope): Promise<unknown> {
  return (await exportDataset(trx, scope))[scope.section][0] ?? null;
}

/** A report of issues: nothing applied, the first issues listed, and how many in all. */
function failed(issues: DatasetIssue[]): ImportReport {
  return { applied: false, sections: [], ...listed(issues) };
}

/** Every text in a document: a superset of the keys it names, for reading only those. */
function namedKeys(document: unknown): string[] {
  const names = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') names.add(value.trim());
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(document);
  return [...names];
}

/**
 * The natural keys the database holds, for validating references: all of them, or (`names`)
 * only the org units, positions and employees a document names, with the org units' ancestors
 * for the cycle check. The catalogues (agencies, competencies, courses) are read whole: they
 * are small, and a course's prerequisites are followed through the whole catalogue.
 */
export async function loadKnownKeys(
  knex: Knex | Knex.Transaction,
  names?: readonly string[],
): Promise<KnownKeys> {
  const lists = names ? await namedKeyRows(knex, names) : await allKeyRows(knex);
  return {
    agencies: new Set(lists.agencies),
    orgUnits: new Map(lists.units.map((u) => [u.code, { agency: u.agency, parent: u.parent }])),
    competencies: new Set(lists.competencies),
    courses: new Map(
      lists.courses.map((c) => [c.code, { hours: c.hours, prerequisites: c.prerequisites }]),
    ),
    positions: new Map(lists.positions.map((p) => [p.code, p.agency])),
    nips: new Set(lists.employees.flatMap((e) => (e.nip ? [e.nip] : []))),
    pppkNumbers: new Set(lists.employees.flatMap((e) => (e.pppk_number ? [e.pppk_number] : []))),
    employeeAgencies: new Map(
      lists.employees.map((e) => [
        employeeKey({ nip: e.nip, pppkNumber: e.pppk_number }),
        e.agency,
      ]),
    ),
  };
}

/** The keys the validation needs, as rows. */
interface KeyRows {
  agencies: string[];
  competencies: string[];
  units: { code: string; agency: string; parent: string | null }[];
  courses: { code: string; hours: number; prerequisites: string[] }[];
  employees: { nip: string | null; pppk_number: string | null; agency: string }[];
  positions: { code: string; agency: string }[];
}

const COURSES = `select c.code, c.hours, coalesce(array_agg(p.code) filter (where p.code is not null), '{}') as prerequisites
       from course c
       left join course_prerequisite cp on cp.course_id = c.id
       left join course p on p.id = cp.prerequisite_id
      group by c.id`;

/**
 * The keys a few records name (a single-record mutation): one statement, each list as JSON.
 * Units come with the chain of their parents; codes of agencies and competencies, and the
 * course catalogue with prerequisites, are read whole (they are short).
 */
async function namedKeyRows(knex: Knex | Knex.Transaction, names: readonly string[]) {
  const { rows } = await knex
    .raw<{ rows: KeyRows[] }>(NAMED_KEYS, { names: [...names] })
    // Its plan takes PostgreSQL longer than its execution: planned once per connection.
    .options(prepared(NAMED_KEYS));
  return rows[0];
}

const NAMED_KEYS = `select
       coalesce((select array_agg(code) from agency), '{}') as agencies,
       coalesce((select array_agg(code) from competency), '{}') as competencies,
       coalesce((with recursive chain(id) as (
                   select id from org_unit where code = any(:names)
                   union select u.parent_id from org_unit u join chain c on c.id = u.id
                    where u.parent_id is not null)
                 select json_agg(json_build_object('code', u.code, 'agency', a.code, 'parent', p.code))
                   from chain join org_unit u on u.id = chain.id join agency a on a.id = u.agency_id
                   left join org_unit p on p.id = u.parent_id), '[]') as units,
       coalesce((select json_agg(c) from (${COURSES}) c), '[]') as courses,
       coalesce((select json_agg(json_build_object('nip', e.nip, 'pppk_number', e.pppk_number, 'agency', a.code))
                   from employee e join org_unit u on u.id = e.org_unit_id join agency a on a.id = u.agency_id
                  where e.nip = any(:names) or e.pppk_number = any(:names)), '[]') as employees,
       coalesce((select json_agg(json_build_object('code', p.code, 'agency', a.code))
                   from position p join org_unit u on u.id = p.org_unit_id join agency a on a.id = u.agency_id
                  where p.code = any(:names)), '[]') as positions`;

/** Every key of the database (a whole import), one list a statement. */
async function allKeyRows(knex: Knex | Knex.Transaction): Promise<KeyRows> {
  const rows = async <T>(sql: string): Promise<T[]> => (await knex.raw<{ rows: T[] }>(sql)).rows;
  return {
    agencies: (await rows<{ code: string }>('select code from agency')).map((r) => r.code),
    competencies: (await rows<{ code: string }>('select code from competency')).map((r) => r.code),
    units: await rows(
      `select u.code, a.code as agency, p.code as parent
         from org_unit u join agency a on a.id = u.agency_id left join org_unit p on p.id = u.parent_id`,
    ),
    courses: await rows(COURSES),
    employees: await rows(
      `select e.nip, e.pppk_number, a.code as agency
         from employee e join org_unit u on u.id = e.org_unit_id join agency a on a.id = u.agency_id`,
    ),
    positions: await rows(
      `select p.code, a.code as agency
         from position p join org_unit u on u.id = p.org_unit_id join agency a on a.id = u.agency_id`,
    ),
  };
}
