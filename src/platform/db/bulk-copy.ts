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
export type CopyValue = Value;

/** A value in COPY's text format: `\N` for null; backslash, tab and line breaks escaped. */
export function copyText(value: Value): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && !NEEDS_ESCAPE.test(value)) return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return copyText(arrayLiteral(value as readonly string[]));
  return (value as string).replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
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
 * (every 20,000 rows and at the end). Rows may be made as they are sent (a generator), so a
 * large section is never held as rows at once.
 */
export async function copyRows(
  trx: Knex.Transaction,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Value[]>,
  onRows: (done: number) => void = () => undefined,
  { freeze = false }: { freeze?: boolean } = {},
): Promise<void> {
  const target = await copyTarget(trx, table, columns, freeze);
  async function* lines() {
    let batch = '';
    let done = 0;
    for (const row of rows) {
      batch += lineOf(row);
      if (++done % 20_000 === 0) {
        yield batch;
        batch = '';
        onRows(done);
      }
    }
    if (batch) yield batch;
    onRows(done);
  }
  await pipeline(Readable.from(lines()), target);
}

/** A row as a line of COPY's text format. */
function lineOf(row: readonly Value[]): string {
  let line = copyText(row[0]);
  for (let c = 1; c < row.length; c++) line += `\t${copyText(row[c])}`;
  return `${line}\n`;
}

/** Rows as COPY's text, to be sent later by `copyFromText` (from another thread, say). */
export function copyLines(rows: Iterable<readonly Value[]>): string {
  let text = '';
  for (const row of rows) text += lineOf(row);
  return text;
}

/** COPYs rows already made as COPY's text (`copyLines`) into `table`. */
export async function copyFromText(
  trx: Knex.Transaction,
  table: string,
  columns: readonly string[],
  text: string,
  { freeze = false }: { freeze?: boolean } = {},
): Promise<void> {
  await pipeline(Readable.from([text]), await copyTarget(trx, table, columns, freeze));
}

/**
 * The stream a `COPY … FROM STDIN` into `table` reads from, on the transaction's connection.
 * FREEZE writes the rows as already visible to all (no later pass sets their hint bits or
 * freezes them); PostgreSQL allows it only into a table truncated in this transaction.
 */
async function copyTarget(
  trx: Knex.Transaction,
  table: string,
  columns: readonly string[],
  freeze: boolean,
) {
  const connection = await connectionOf(trx);
  return connection.query(
    copyFrom(
      `copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin${freeze ? ' with (freeze)' : ''}`,
    ),
  );
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
  const restore = await dropForeignKeys(trx, tables);
  const result = await write();
  await restore();
  return result;
}

/** The first half of `withForeignKeysCheckedOnce`: drops the keys, returns what adds them back. */
export async function dropForeignKeys(
  trx: Knex.Transaction,
  tables: readonly string[],
): Promise<() => Promise<void>> {
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
  return async () => {
    for (const fk of rows)
      await trx.raw(`alter table ${fk.table_name} add constraint "${fk.name}" ${fk.definition}`);
  };
}

/**
 * Runs `write` with the secondary indexes of `tables` dropped, then builds each again exactly
 * as it was (from the catalogue): one sort per index instead of an insertion per row, which
 * is most of the cost of COPYing into an indexed table. Primary keys stay (other tables'
 * foreign keys hang on them), as does any index a foreign key relies on. A unique index is
 * checked as it is built, so a duplicate still fails the import. In the import's transaction:
 * on failure the drop is rolled back with the rest.
 */
export async function withIndexesBuiltOnce<T>(
  trx: Knex.Transaction,
  tables: readonly string[],
  write: () => Promise<T>,
): Promise<T> {
  if (tables.length === 0) return write();
  const restore = await dropIndexes(trx, tables);
  const result = await write();
  await restore();
  return result;
}

/** The first half of `withIndexesBuiltOnce`: drops the indexes, returns what builds them. */
export async function dropIndexes(
  trx: Knex.Transaction,
  tables: readonly string[],
): Promise<() => Promise<void>> {
  const { rows } = await trx.raw<{
    rows: { table_name: string; name: string; definition: string; constraint: string | null }[];
  }>(
    `select i.indrelid::regclass::text as table_name, ix.relname as name,
            pg_get_indexdef(i.indexrelid) as definition,
            (select pg_get_constraintdef(c.oid) from pg_constraint c
              where c.conindid = i.indexrelid and c.conrelid = i.indrelid) as constraint
       from pg_index i
       join pg_class ix on ix.oid = i.indexrelid
      where i.indrelid = any(?::regclass[]) and not i.indisprimary
        and not exists (select 1 from pg_constraint f
                         where f.contype = 'f' and f.conindid = i.indexrelid)
      order by 1, 2`,
    [[...tables]],
  );
  for (const index of rows) {
    await trx.raw(
      index.constraint
        ? `alter table ${index.table_name} drop constraint "${index.name}"`
        : `drop index "${index.name}"`,
    );
  }
  return async () => {
    for (const index of rows) {
      await trx.raw(
        index.constraint
          ? `alter table ${index.table_name} add constraint "${index.name}" ${index.constraint}`
          : index.definition,
      );
    }
  };
}

/** The people tables whose change-log trigger names its employee by a column of its own. */
const EMPLOYEE_COLUMN: Readonly<Record<string, string>> = {
  employee: 'id',
  assessment: 'employee_id',
  training_record: 'employee_id',
  performance_record: 'employee_id',
  discipline_record: 'employee_id',
};

/**
 * The change-log triggers on insert of `tables` off (people tables that start empty, so every
 * row they get is new); returns what logs the employees of those rows in one statement and
 * turns the triggers on again. At a million employees the triggers set 21 million new rows
 * aside to log 5 million changes of one million employees. In the import's transaction: no
 * other session ever sees a trigger off, and a failure rolls the switch back with the rest.
 */
export async function pauseChangeLog(
  trx: Knex.Transaction,
  tables: readonly string[],
): Promise<() => Promise<void>> {
  const { rows } = await trx.raw<{ rows: { table_name: string; name: string }[] }>(
    `select t.tgrelid::regclass::text as table_name, t.tgname as name
       from pg_trigger t
      where t.tgrelid = any(?::regclass[]) and t.tgname = t.tgrelid::regclass::text || '_changed_insert'
        and t.tgenabled <> 'D'`,
    [[...tables]],
  );
  if (rows.length === 0) return async () => undefined;
  for (const trigger of rows)
    await trx.raw(`alter table "${trigger.table_name}" disable trigger "${trigger.name}"`);
  return () => logChanges(trx, rows);
}

/**
 * Runs `write` with every change-log trigger of `tables` off (on insert, update and delete),
 * then logs the employees `write` says it wrote rows of, each once, and turns the triggers on
 * again. A monthly file's writes name each of its employees (their rows upserted, ratings
 * replaced, assessments and results added): the triggers gathered every row written (3.7
 * million results for a file of 250,000, joined back to their assessments) to log the same
 * employees. In the import's transaction, as `pauseChangeLog`.
 */
export async function withChangesLoggedFor(
  trx: Knex.Transaction,
  tables: readonly string[],
  write: () => Promise<Iterable<number>>,
): Promise<void> {
  const { rows } = await trx.raw<{ rows: { table_name: string; name: string }[] }>(
    `select t.tgrelid::regclass::text as table_name, t.tgname as name
       from pg_trigger t
      where t.tgrelid = any(?::regclass[]) and t.tgenabled <> 'D'
        and t.tgname in (t.tgrelid::regclass::text || '_changed_insert',
                         t.tgrelid::regclass::text || '_changed_update',
                         t.tgrelid::regclass::text || '_changed_delete')`,
    [[...tables]],
  );
  for (const trigger of rows)
    await trx.raw(`alter table "${trigger.table_name}" disable trigger "${trigger.name}"`);
  const ids = [...new Set(await write())];
  for (let i = 0; i < ids.length; i += 200_000)
    await trx.raw(`insert into employee_change (employee_id) select unnest(?::int[])`, [
      ids.slice(i, i + 200_000),
    ]);
  for (const trigger of rows)
    await trx.raw(`alter table "${trigger.table_name}" enable trigger "${trigger.name}"`);
}

/** Logs the employees of the rows written while the triggers were off, and turns them on. */
async function logChanges(
  trx: Knex.Transaction,
  rows: readonly { table_name: string; name: string }[],
): Promise<void> {
  const off = new Set(rows.map((r) => r.table_name));
  // Every row of the other people tables belongs to an employee: when the employees are all new,
  // they are all the changes.
  const sources = off.has('employee')
    ? ['select id as employee_id from employee']
    : [
        ...[...off]
          .filter((table) => table in EMPLOYEE_COLUMN)
          .map((table) => `select ${EMPLOYEE_COLUMN[table]} as employee_id from "${table}"`),
        ...(off.has('assessment_result') && !off.has('assessment')
          ? [
              `select a.employee_id from assessment_result r join assessment a on a.id = r.assessment_id`,
            ]
          : []),
      ];
  if (sources.length > 0)
    await trx.raw(
      `insert into employee_change (employee_id)
       select distinct employee_id from (${sources.join(' union all ')}) as changed`,
    );
  for (const trigger of rows)
    await trx.raw(`alter table "${trigger.table_name}" enable trigger "${trigger.name}"`);
}
