import type { Knex } from '@mikro-orm/knex';
import type { DatasetIssue, ImportReport } from '../../domain/dataset.types';
import { recordAudit, type Actor } from '../../records/audit';
import { listed, MAX_LISTED_ISSUES } from '../../records/issue-list';
import { loadKnownKeys } from '../../records/load-known-keys';
import { validateDataset } from '../../records/validate-dataset';
import { writeDataset, type Progress } from '../../records/write-dataset';
import { takeWriteLocks } from '../../records/write-locks';
import {
  FirstLoad,
  FirstLoadReader,
  type DocumentRecord,
  type ReadResult,
} from '../../records/first-load';
import { readInThread } from './first-load-thread';
export { NotAFirstLoadError } from '../../records/first-load';
import { planDataset } from './dataset.plan';

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
      // The parsed document is let go: the valid records are what is written, and a monthly
      // file's parsed records held beside them made every collection while writing walk both.
      raw = undefined;
      if (issues.length > 0) {
        report = failed(issues);
        throw new Rollback();
      }
      const written = await writeDataset(trx, dataset, options.onProgress, options.bulk, known);
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

/** The options of a first load. */
export type FirstLoadOptions = Omit<ImportOptions, 'dryRun' | 'bulk' | 'onProgress'> & {
  /** Records validated and written at a time (tests make it small). */
  chunkSize?: number;
};

/**
 * A first load of a national file, read record by record (`records`, as the file is read):
 * never held whole, validated and written in chunks by `COPY … FREEZE` into the people tables,
 * truncated in this one transaction (see `FirstLoad`). Same report and all-or-nothing as
 * `importDataset`; an invalid file leaves the database as it was. Throws `NotAFirstLoadError`
 * when the database holds employees (or anything that refers to one): for those, the bulk path
 * of `importDataset`.
 */
export async function importFirstLoad(
  knex: Knex,
  records: AsyncIterable<readonly DocumentRecord[]>,
  options: FirstLoadOptions,
): Promise<ImportReport> {
  return firstLoad(knex, options, async (load) => {
    const reader = new FirstLoadReader(load.known, options.today, load, options.chunkSize);
    for await (const batch of records) await reader.take(batch);
    return reader.finish();
  });
}

/**
 * `importFirstLoad` of a JSON file, read in a thread of its own (`readInThread`): the file is
 * read and checked on one core while the chunks before are written on the other. A fault of
 * the file throws its `DocumentFileError`.
 */
export async function importFirstLoadFile(
  knex: Knex,
  file: string,
  options: FirstLoadOptions & { onProgress?: (bytesRead: number, bytesTotal: number) => void },
): Promise<ImportReport> {
  return firstLoad(knex, options, (load) =>
    readInThread(
      { file, known: load.known, today: options.today, chunkSize: options.chunkSize },
      load,
      options.onProgress,
    ),
  );
}

/** A first load in one transaction, its file read by `read` into the writer. */
async function firstLoad(
  knex: Knex,
  options: FirstLoadOptions,
  read: (load: FirstLoad) => Promise<ReadResult>,
): Promise<ImportReport> {
  let report: ImportReport | undefined;
  try {
    await knex.transaction(async (trx) => {
      await takeWriteLocks(trx, { exclusive: true }, options.waitMs, options.onWait);
      await trx.raw('set local statement_timeout = 0');
      const load = await FirstLoad.begin(trx, () => loadKnownKeys(trx));
      const result = await read(load).catch(async (error: unknown) => {
        await load.idle();
        throw error;
      });
      const sections = await load.finish(result);
      if (result.issueTotal > 0) {
        report = {
          applied: false,
          sections: [],
          issues: result.issues.slice(0, MAX_LISTED_ISSUES),
          issueCount: result.issueTotal,
        };
        throw new Rollback();
      }
      report = { applied: true, sections, issues: [], issueCount: 0 };
      await recordAudit(trx, {
        actor: options.audit.actor,
        action: options.audit.action,
        after: { sections: sections.filter((s) => s.received > 0) },
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

/** A report of issues: nothing applied, the first issues listed, and how many in all. */
function failed(issues: DatasetIssue[]): ImportReport {
  return { applied: false, sections: [], ...listed(issues) };
}
