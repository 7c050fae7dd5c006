import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Knex } from '@mikro-orm/knex';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The bulk path's primitives: rows go to PostgreSQL through COPY on the import transaction's
 * own connection, and foreign keys are checked once per table instead of once per row.
 */

type Value = string | number | boolean | null | undefined | Date | readonly string[];

/** A value in COPY's text format: `\N` for null; backslash, tab and line breaks escaped. */
export function copyText(value: Value): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return copyText(arrayLiteral(value as readonly string[]));
  return (value as string).replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text[] literal: every element quoted, quotes and backslashes escaped. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** The pg connection the transaction runs on (knex hands the same one to every query of it). */
export async function connectionOf(trx: Knex.Transaction): Promise<PoolClient> {
  return (await (
    trx.client as { acquireConnection(): Promise<unknown> }
  ).acquireConnection()) as PoolClient;
}

/**
 * COPYs rows into `table` (the named columns, in order); `onRows` hears how many went so far
 * (every 20,000 rows and at the end).
 */
export async function copyRows(
  trx: Knex.Transaction,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly Value[])[],
  onRows: (done: number) => void = () => undefined,
): Promise<void> {
  if (rows.length === 0) return;
  const connection = await connectionOf(trx);
  const target = connection.query(
    copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`),
  );
  async function* lines() {
    let batch = '';
    for (let i = 0; i < rows.length; i++) {
      batch += `${rows[i].map(copyText).join('\t')}\n`;
      if ((i + 1) % 20_000 === 0) {
        yield batch;
        batch = '';
        onRows(i + 1);
      }
    }
    if (batch) yield batch;
    onRows(rows.length);
  }
  await pipeline(Readable.from(lines()), target);
}

/**
 * Runs `write` with the foreign keys of `tables` dropped, then adds each back exactly as it was
 * (from the catalogue), which checks every row in one pass. In the import's transaction: on any
 * failure the drop is rolled back with the rest. The tables stay locked until commit.
 */
export async function withForeignKeysCheckedOnce<T>(
  trx: Knex.Transaction,
  tables: readonly string[],
  write: () => Promise<T>,
): Promise<T> {
  const { rows } = await trx.raw<{
    rows: { table_name: string; name: string; definition: string }[];
  }>(
    `select c.conrelid::regclass::text as table_name, c.conname as name,
            pg_get_constraintdef(c.oid) as definition
       from pg_constraint c
      where c.contype = 'f' and c.conrelid = any(?::regclass[])
      order by c.conrelid::regclass::text, c.conname`,
    [[...tables]],
  );
  for (const fk of rows) await trx.raw(`alter table ${fk.table_name} drop constraint "${fk.name}"`);
  const result = await write();
  for (const fk of rows)
    await trx.raw(`alter table ${fk.table_name} add constraint "${fk.name}" ${fk.definition}`);
  return result;
}
