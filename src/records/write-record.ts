import { isDeepStrictEqual } from 'node:util';
import type { Knex } from '@mikro-orm/knex';
import type { DatasetDocument, DatasetIssue, Section } from '../domain/dataset.types';
import { recordAudit, type Actor } from './audit';
import { exportDataset, type ExportScope } from './export-dataset';
import type { KnownKeys } from './known-keys';
import { loadKnownKeys, namedKeys } from './load-known-keys';
import { agencyOfRecord, visibleTo } from './record-agency';
import { validateDataset } from './validate-dataset';
import { writeDataset } from './write-dataset';
import { takeWriteLocks } from './write-locks';

/** Stops the transaction: what it did is rolled back, and the issues are answered. */
class Rollback extends Error {}

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
      const written = await writeDataset(trx, validated.dataset, undefined, false, all);
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

/** The stored record a scope names, or null when there is none. */
async function storedRecord(trx: Knex.Transaction, scope: ExportScope): Promise<unknown> {
  return (await exportDataset(trx, scope))[scope.section][0] ?? null;
}
