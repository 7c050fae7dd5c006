import type { Knex } from '@mikro-orm/knex';

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
export async function takeWriteLocks(
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
