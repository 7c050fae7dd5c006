import type { Knex } from '@mikro-orm/knex';
import { prepared } from '../platform/db/prepared';
import { copyRows } from '../platform/db/bulk-copy';
import type { ImportReport, Section } from '../domain/dataset.types';
import { employeeKey, type KnownKeys } from './known-keys';

/** Told how far the writing of a section is: records done of its total. */
export type Progress = (section: Section, done: number, total: number) => void;

const CHUNK = 1000;

export type Row = Record<string, unknown>;
export type Counts = ImportReport['sections'][number];

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Sections smaller than this take the ordinary statements even on the bulk path. */
export const BULK_MIN_ROWS = 2000;

/** Each row's values of `columns`, in order, made as COPY asks for them. */
function* valuesOf(rows: readonly Row[], columns: readonly string[]) {
  for (const row of rows) yield columns.map((c) => row[c] as string | number | null);
}

function isSqlExpression(value: unknown): value is Knex.Raw {
  return typeof value === 'object' && value !== null && 'isRawInstance' in value;
}

/**
 * How an import writes to the tables inside its transaction: upserts by natural key, inserts,
 * child lists replaced, ids looked up by key; COPY on the bulk path. The writers of the
 * sections (write-catalogue.ts, write-people.ts, write-assessments.ts) go through it.
 */
export class TableWriter {
  constructor(
    readonly trx: Knex.Transaction,
    readonly progress: Progress,
    /** COPY instead of multi-row statements for large sections. */
    readonly bulk: boolean,
    /**
     * The keys the database held before this write (read under its lock), when the caller has
     * them: an employee not among them was created by this write, so nothing of theirs is
     * stored to compare with.
     */
    private readonly before?: KnownKeys,
  ) {}

  /** Whether the employee may have stored records (always, when the keys before are unknown). */
  storedBefore(ref: { nip: string | null; pppkNumber: string | null }): boolean {
    if (!this.before) return true;
    return ref.nip
      ? this.before.nips.has(ref.nip)
      : this.before.pppkNumbers.has(ref.pppkNumber ?? '');
  }

  /**
   * Whether the employee is new to the database on the bulk path: neither its NIP nor its PPPK
   * number was stored before this write. Its rows cannot meet a stored row under any unique
   * key (the validator made each key unique in the document), so they go straight in by COPY,
   * and there is nothing of theirs to delete or compare with.
   */
  isNew(ref: { nip: string | null; pppkNumber?: string | null }): boolean {
    if (!this.bulk || !this.before) return false;
    return !(
      (ref.nip && this.before.nips.has(ref.nip)) ||
      (ref.pppkNumber && this.before.pppkNumbers.has(ref.pppkNumber))
    );
  }

  /** The ids of the employees whose rows this write wrote: what the change log names. */
  readonly changed = new Set<number>();

  /** Employee ids of this import's references (ids never change within the transaction). */
  private readonly knownEmployees = new Map<string, number>();

  /** Whether each table held no row when this import first asked (before writing to it). */
  private readonly emptyAtStart = new Map<string, boolean>();

  async wasEmpty(table: string): Promise<boolean> {
    let empty = this.emptyAtStart.get(table);
    if (empty === undefined) {
      const { rows } = await this.trx.raw<{ rows: { empty: boolean }[] }>(
        `select not exists (select 1 from "${table}") as empty`,
      );
      empty = rows[0].empty;
      this.emptyAtStart.set(table, empty);
    }
    return empty;
  }

  /**
   * The bulk upsert: COPY into a scratch table, then one insert … on conflict from it. Into a
   * table that was empty when the import began (a first load), the rows go straight in by
   * COPY: the validator has made each record's key unique in the document, so none of them
   * can conflict with another, and none with a stored row.
   */
  private async copyUpsert(
    table: string,
    rows: Row[],
    conflict: string[],
    section: Section,
    total: number,
    offset: number,
  ): Promise<number> {
    const columns = Object.keys(rows[0]);
    const plain = columns.filter((c) => !isSqlExpression(rows[0][c]));
    const computed = columns.filter((c) => isSqlExpression(rows[0][c]));
    if (await this.wasEmpty(table)) {
      await this.copyInsert(table, rows, (done) => this.progress(section, offset + done, total));
      return rows.length;
    }
    const scratch = `bulk_${table}`;
    const list = (names: string[]) => names.map((c) => `"${c}"`).join(', ');
    await this.trx.raw(
      `create temporary table "${scratch}" on commit drop as select ${list(plain)} from "${table}" with no data`,
    );
    await copyRows(this.trx, scratch, plain, valuesOf(rows, plain), (done) =>
      this.progress(section, offset + done, total),
    );
    const values = [
      ...plain.map((c) => `"${c}"`),
      ...computed.map((c) => (rows[0][c] as Knex.Raw).toSQL().sql),
    ];
    const update = columns.filter((c) => !conflict.includes(c));
    const { rows: result } = await this.trx.raw<{ rows: { created: number }[] }>(
      `with written as (
         insert into "${table}" (${list([...plain, ...computed])})
         select ${values.join(', ')} from "${scratch}"
         on conflict (${list(conflict)}) do update set ${update.map((c) => `"${c}" = excluded."${c}"`).join(', ')}
         returning (xmax = 0) as inserted)
       select count(*) filter (where inserted)::int as created from written`,
    );
    await this.trx.raw(`drop table "${scratch}"`);
    return result[0].created;
  }

  /** Plain inserts: COPY on the bulk path, multi-row statements otherwise. */
  async insert(table: string, rows: Row[], onRows?: (done: number) => void): Promise<void> {
    if (rows.length === 0) return;
    if (this.bulk && rows.length >= BULK_MIN_ROWS) return this.copyInsert(table, rows, onRows);
    for (const part of chunks(rows)) await this.trx(table).insert(part);
    onRows?.(rows.length);
  }

  /** Rows straight into `table` by COPY; their computed values (`now()`) read once. */
  private async copyInsert(
    table: string,
    rows: Row[],
    onRows?: (done: number) => void,
  ): Promise<void> {
    const columns = Object.keys(rows[0]);
    const plain = columns.filter((c) => !isSqlExpression(rows[0][c]));
    const computed = columns.filter((c) => isSqlExpression(rows[0][c]));
    let values: string[] = [];
    if (computed.length > 0) {
      // The same for the whole transaction: read once.
      const { rows: fixed } = await this.trx.raw<{ rows: Record<string, string>[] }>(
        `select ${computed.map((c, i) => `(${(rows[0][c] as Knex.Raw).toSQL().sql})::text as v${i}`).join(', ')}`,
      );
      values = computed.map((_c, i) => fixed[0][`v${i}`]);
    }
    await copyRows(
      this.trx,
      table,
      [...plain, ...computed],
      (function* () {
        for (const row of valuesOf(rows, plain)) yield [...row, ...values];
      })(),
      onRows,
    );
  }

  /**
   * `count` ids drawn from `table`'s sequence, as the i-th id. They come back as a range when
   * they are consecutive (nothing else drew from the sequence meanwhile), else as a list.
   */
  async drawIds(table: string, count: number): Promise<(i: number) => number> {
    // While this transaction holds the table against writers (the bulk path alters its foreign
    // keys), no one else draws from its sequence for a row, so a range is one setval: drawing a
    // quarter of a million ids one nextval at a time took a second.
    const [{ locked, step }] = (
      await this.trx.raw<{ rows: { locked: boolean; step: string }[] }>(
        `select exists (select 1 from pg_locks
                         where relation = ?::regclass and pid = pg_backend_pid() and granted
                           and mode in ('ExclusiveLock', 'AccessExclusiveLock')) as locked,
                (select seqincrement from pg_sequence
                  where seqrelid = pg_get_serial_sequence(?, 'id')::regclass)::text as step`,
        [table, table],
      )
    ).rows;
    if (locked && step === '1') {
      const { rows: drawn } = await this.trx.raw<{ rows: { last: number }[] }>(
        `select setval(pg_get_serial_sequence(?, 'id'), nextval(pg_get_serial_sequence(?, 'id')) + ? - 1)::int as last`,
        [table, table, count],
      );
      const first = drawn[0].last - count + 1;
      return (i) => first + i;
    }
    const { rows } = await this.trx.raw<{
      rows: { first: number; last: number; ids: number[] | null }[];
    }>(
      // The list is gathered only when the ids are not a range (an aggregate in the CASE
      // would be made, and sorted, for every draw).
      `with drawn as materialized (
         select nextval(pg_get_serial_sequence(?, 'id')) as id from generate_series(1, ?))
       select min(id)::int as first, max(id)::int as last,
              case when max(id) - min(id) + 1 = count(*) then null
                   else (select array_agg(id::int order by id) from drawn) end as ids
         from drawn`,
      [table, count],
    );
    const { first, ids } = rows[0];
    return ids ? (i) => ids[i] : (i) => first + i;
  }

  /** Employee ids this write gave (drawn for new employees), kept for its later sections. */
  remember(ref: { nip: string | null; pppkNumber: string | null }, id: number): void {
    this.knownEmployees.set(employeeKey(ref), id);
  }

  /** Inserts or updates rows by `conflict`; returns how many were new. */
  async upsert(
    table: string,
    rows: Row[],
    conflict: string[],
    section: Section,
    total: number,
    offset = 0,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    // A table that started empty takes the straight COPY at any size (its unique indexes may
    // be waiting to be built, see `withIndexesBuiltOnce`).
    if (this.bulk && (rows.length >= BULK_MIN_ROWS || (await this.wasEmpty(table))))
      return this.copyUpsert(table, rows, conflict, section, total, offset);
    let created = 0;
    let done = offset;
    for (const part of chunks(rows)) {
      const update = Object.keys(part[0]).filter((c) => !conflict.includes(c));
      const query = this.trx(table).insert(part).onConflict(conflict).merge(update);
      const { sql, bindings } = query.toSQL();
      const result = await this.trx.raw<{ rows: { inserted: boolean }[] }>(
        `${sql} returning (xmax = 0) as inserted`,
        bindings,
      );
      created += result.rows.filter((r) => r.inserted).length;
      done += part.length;
      this.progress(section, done, total);
    }
    return created;
  }

  /** The ids of the rows of `table` whose `column` is one of `keys`, by key. */
  async ids(table: string, column: string, keys: readonly string[]): Promise<Map<string, number>> {
    const map = new Map<string, number>();
    // One array parameter per statement, not a placeholder per key.
    for (const part of chunks([...new Set(keys)], 50_000)) {
      const sql = `select id, "${column}" as key from "${table}" where "${column}" = any(?::text[])`;
      const { rows } = await this.trx
        .raw<{ rows: { id: number; key: string }[] }>(sql, [part])
        .options(prepared(sql));
      for (const row of rows) map.set(row.key, row.id);
    }
    return map;
  }

  /** Deletes the children of `parentIds`, then inserts `rows` (or runs `write` instead). */
  async replaceChildren(
    table: string,
    parentColumn: string,
    parentIds: number[],
    rows: Row[],
    write?: () => Promise<void>,
  ): Promise<void> {
    if (!(this.bulk && (await this.wasEmpty(table)))) {
      for (const part of chunks(parentIds, 50_000))
        await this.trx.raw(`delete from "${table}" where "${parentColumn}" = any(?::int[])`, [
          part,
        ]);
    }
    await (write ? write() : this.insert(table, rows));
  }

  /** A section's counts: the records not created were updated. */
  counts(section: Section, received: number, created: number): Counts {
    return { section, received, created, updated: received - created, unchanged: 0 };
  }

  /** The ids of every stored employee, by reference key. */
  async allEmployeeIds(): Promise<Map<string, number>> {
    const { rows } = await this.trx.raw<{
      rows: { id: number; nip: string | null; pppk_number: string | null }[];
    }>(`select id, nip, pppk_number from employee`);
    for (const row of rows)
      this.knownEmployees.set(employeeKey({ nip: row.nip, pppkNumber: row.pppk_number }), row.id);
    return this.knownEmployees;
  }

  /** Employee ids by reference key; ids already looked up in this import are kept. */
  async employeeIds(
    refs: readonly { nip: string | null; pppkNumber: string | null }[],
  ): Promise<Map<string, number>> {
    const known = this.knownEmployees;
    const missing = refs.filter((r) => !known.has(employeeKey(r)));
    const byNip = await this.ids(
      'employee',
      'nip',
      missing.flatMap((r) => (r.nip ? [r.nip] : [])),
    );
    const byPppk = await this.ids(
      'employee',
      'pppk_number',
      missing.flatMap((r) => (!r.nip && r.pppkNumber ? [r.pppkNumber] : [])),
    );
    for (const [nip, id] of byNip) known.set(`N:${nip}`, id);
    for (const [number, id] of byPppk) known.set(`P:${number}`, id);
    return known;
  }
}
