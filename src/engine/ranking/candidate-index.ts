import type { Knex } from '@mikro-orm/knex';
import { candidateSpecOf, loadEmployeeFacts, type EmployeeFacts } from './candidate-facts';
import { CandidateColumns } from './candidate-columns';
import { loadCandidateColumns } from './load-columns';
import { dayNumber } from '../../domain/days';
import type { CandidateSpec } from '../../domain/fit.scoring';
import { isConnectionFailure } from '../../shared/errors';
import { parseLsn, type Lsn } from '../../platform/db/lsn';
import { perPool } from '../../platform/db/per-pool';
import { prepared } from '../../platform/db/prepared';
import type { WorkMeter } from '../../shared/work-meter';
import {
  EmployeeSelection,
  selectEmployees,
  type EmployeeCondition,
  type SkillTest,
} from './employee-selection';
import { loadNameOrder } from './name-order';

export type { SkillTest } from './employee-selection';

/** Change rows older than this are pruned; a process idle longer reloads everything. */
const CHANGE_RETENTION_MS = 24 * 3600 * 1000;
/** Changed employees kept as objects beside the columns before the columns are rebuilt. */
const OVERLAY_SHARE = 0.05;
const OVERLAY_MIN = 2_000;

/**
 * Every employee's scoring facts, in memory, kept exactly current. The facts live in columns
 * (`CandidateColumns`, loaded by streaming in one snapshot); employees changed since, and the
 * few the columns cannot hold, are kept as objects in an overlay that takes precedence. Before
 * each use the index reads which employees changed since it last looked (rows written by
 * triggers in the same transaction as the change, found by transaction id so a late commit is
 * not missed) and reloads those into the overlay. A write through any process is therefore in
 * the next ranking of every process, at the cost of one small statement per ranking. When the
 * overlay grows past a share of the province, the columns are rebuilt.
 */
/** What changed since a horizon, where the log stands and the next horizon: before every read. */
const CHANGES_SINCE = `select pg_snapshot_xmin(pg_current_snapshot())::text as horizon,
              pg_current_wal_insert_lsn()::text as lsn,
              coalesce((select array_agg(distinct employee_id) from employee_change
                         where xid >= ?::xid8), '{}') as ids`;

export class CandidateIndex {
  private columns = new CandidateColumns(0);
  /** Facts by employee id that take precedence over the columns (null: the employee is gone). */
  private readonly overlay = new Map<number, EmployeeFacts | null>();
  /** Slots of the columns the overlay replaces. */
  private replaced = new Uint8Array(0);
  private readonly specs = new Map<string, Map<number, CandidateSpec>>();
  /** Each load's name order, read when a list by name first asks (`loadNameOrder`). */
  private readonly nameOrders = new WeakMap<CandidateColumns, Promise<Int32Array>>();
  /** Changes from transactions at or after this id are still to be read (null: not loaded). */
  private horizon: string | null = null;
  private loadedAt = 0;
  private prunedAt = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Bumped whenever facts change; with the log, lets derived data (rankings) catch up. */
  private factsGeneration = 0;
  /** Employees changed at each generation since the last full load (the latest 1,000). */
  private changes: { generation: number; ids: number[] }[] = [];
  private fullLoadGeneration = 0;
  private pending: Promise<void> | null = null;
  /**
   * Bumped when org units or agencies change (the log's rows for employee 0) and at each full
   * load: what is derived from them (`fromUnits`) is made again after.
   */
  private unitsGeneration = 0;
  private readonly unitsDerived = new Map<
    string,
    { generation: number; value: Promise<unknown> }
  >();
  /**
   * The primary's WAL position when the facts were last read (a load, or a catch-up that found
   * changes): a replica that has replayed it holds every row the index names.
   */
  lsn: Lsn | null = null;
  /** When the index last caught up with the change log (ms since the epoch; 0: never). */
  caughtUpAt = 0;
  /**
   * Since when the index answers without catching up, because the primary does not answer
   * (null: it is exact). Rankings say so; the metrics show the age.
   */
  staleSince: number | null = null;
  /** How the last full load went, for the start-up line and the metrics. */
  lastLoad: { employees: number; milliseconds: number; bytes: number } | null = null;
  /** The full load under way (null: none): since when, and the rows of each part read so far. */
  loading: { since: number; rows: Record<string, number> } | null = null;

  constructor(private readonly knex: Knex) {}

  /**
   * Brings the index up to date with everything committed before this call, then returns it.
   * When the primary does not answer, a loaded index answers as it is (`staleSince` says from
   * when): rankings go on from replicas, and say how old they are.
   */
  current(): Promise<this> {
    // A refresh already running may have read before our caller's write committed; wait for it
    // and join (or start) the next one, which reads after this call.
    this.pending ??= this.queue.then(() => {
      this.pending = null;
      return this.refresh();
    });
    this.queue = this.pending.catch(() => undefined);
    return this.pending.then(
      () => {
        this.staleSince = null;
        this.caughtUpAt = Date.now();
        return this;
      },
      (error: unknown) => {
        if (this.horizon === null || !isConnectionFailure(error)) throw error;
        this.staleSince ??= this.caughtUpAt;
        return this;
      },
    );
  }

  /** The generation of the facts: any change to them makes a new one. */
  get generation(): number {
    return this.factsGeneration;
  }

  /**
   * Employees whose facts changed after `generation`, or null when that is not known any more
   * (a full reload since, or older than the log): then derived data must be rebuilt.
   */
  changedSince(generation: number): number[] | null {
    if (generation < this.fullLoadGeneration) return null;
    if (generation === this.factsGeneration) return [];
    const oldest = this.changes[0]?.generation ?? this.factsGeneration + 1;
    if (generation + 1 < oldest) return null;
    return [
      ...new Set(this.changes.filter((c) => c.generation > generation).flatMap((c) => c.ids)),
    ];
  }

  /** The columns, for scans; slots the overlay replaces must be skipped (`isReplaced`). */
  get base(): CandidateColumns {
    return this.columns;
  }

  isReplaced(slot: number): boolean {
    return this.replaced[slot] === 1;
  }

  /**
   * 1 at each slot the overlay replaces, as it is now: a change makes a new array, never
   * changes this one, so a scan that outlasts a catch-up keeps the index as it took it.
   */
  get replacedSlots(): Uint8Array {
    return this.replaced;
  }

  /** Employees in the overlay and not in the columns (new since the load), with their facts. */
  *added(): Iterable<EmployeeFacts> {
    for (const [id, facts] of this.overlay) {
      if (facts && this.columns.slotOf(id) < 0) yield facts;
    }
  }

  /** How many employees the index holds. */
  get size(): number {
    let size = this.columns.size;
    for (const [id, facts] of this.overlay) {
      const inColumns = this.columns.slotOf(id) >= 0;
      if (facts && !inColumns) size++;
      if (!facts && inColumns) size--;
    }
    return size;
  }

  /** The facts of an employee (undefined: not in the index). */
  facts(id: number): EmployeeFacts | undefined {
    const overlaid = this.overlay.get(id);
    if (overlaid !== undefined) return overlaid ?? undefined;
    const slot = this.columns.slotOf(id);
    return slot < 0 ? undefined : this.columns.factsAt(slot);
  }

  /** The position an employee holds now (null: none). */
  positionOf(id: number): number | null {
    const overlaid = this.overlay.get(id);
    if (overlaid !== undefined) return overlaid?.positionId ?? null;
    const slot = this.columns.slotOf(id);
    return slot < 0 || this.columns.position[slot] < 0 ? null : this.columns.position[slot];
  }

  /**
   * An employee's current level per competency as of a date (the latest assessment on or
   * before it), straight from the columns: what analyses of whole units read. With `only`, at
   * least those competencies (others may be there too).
   */
  levelsOf(
    id: number,
    asOf: string,
    only?: readonly number[],
  ): ReadonlyMap<number, { level: number; assessedOn: string }> {
    const overlaid = this.overlay.get(id);
    if (overlaid !== undefined)
      return overlaid ? candidateSpecOf(overlaid, asOf).levels : new Map();
    const slot = this.columns.slotOf(id);
    return slot < 0 ? new Map() : this.columns.levelsAt(slot, dayNumber(asOf), only);
  }

  /**
   * Employees whose current level (the latest assessment up to `asOf`) of each condition's
   * competency passes its test, every condition: a skill search, from the columns and the
   * overlay as they are when it starts. One pass over each competency's results, in order,
   * marking the slots that passed every condition so far; none passing one ends the search.
   * The reads count against the request's meter; once a chunk's worth is done, other callers
   * have a turn before the next (a search of one chunk or less runs straight through).
   */
  async holders(
    conditions: readonly SkillTest[],
    asOf: string,
    meter: WorkMeter,
  ): Promise<number[]> {
    // What the index is now: a refresh during a turn replaces these, it does not change them.
    const { columns, replaced } = this;
    const overlaid: [number, EmployeeFacts][] = [];
    for (const [id, facts] of this.overlay) if (facts) overlaid.push([id, facts]);
    const asOfDay = dayNumber(asOf);
    const chunk = Math.max(1, meter.chunk);
    // Each overlaid employee's levels, read once for every condition.
    let survivors: [number, ReadonlyMap<number, { level: number; assessedOn: string }>][] = [];
    for (let from = 0; from < overlaid.length; from += chunk) {
      const turn = meter.turn();
      if (turn) await turn;
      const part = overlaid.slice(from, from + chunk);
      meter.charge(part.length, 'skill search');
      for (const [id, facts] of part) survivors.push([id, candidateSpecOf(facts, asOf).levels]);
    }
    // How many conditions each slot has passed so far, in order.
    const passed = new Uint16Array(conditions.length > 0 ? columns.size : 0);
    const found: number[] = [];
    for (const [i, { competencyId, test }] of conditions.entries()) {
      const last = i === conditions.length - 1;
      let any = false;
      const visit = (slot: number, level: number, day: number) => {
        if (passed[slot] !== i || replaced[slot] === 1 || !test(level, day)) return;
        passed[slot] = i + 1;
        any = true;
        if (last) found.push(columns.ids[slot]);
      };
      const count = columns.resultCount(competencyId);
      let done = -1;
      for (let from = 0; from < count; from += chunk) {
        const turn = meter.turn();
        if (turn) await turn;
        meter.charge(Math.min(chunk, count - from), 'skill search');
        done = columns.eachCurrent(competencyId, asOfDay, visit, from, from + chunk, done);
      }
      meter.charge(survivors.length, 'skill search');
      survivors = survivors.filter(([, levels]) => {
        const current = levels.get(competencyId);
        return current !== undefined && test(current.level, dayNumber(current.assessedOn));
      });
      if (!any && survivors.length === 0) return [];
    }
    return conditions.length > 0 ? [...found, ...survivors.map(([id]) => id)] : [];
  }

  /**
   * The employees a condition selects, from the columns and the overlay as they are when it
   * starts (`selectEmployees`); a list by name reads the columns' name order once per load.
   */
  async select(
    condition: EmployeeCondition,
    asOf: string,
    meter: WorkMeter,
  ): Promise<EmployeeSelection> {
    const { columns, replaced } = this;
    const changed = [...this.overlay.keys()];
    const overlaid: EmployeeFacts[] = [];
    for (const facts of this.overlay.values()) if (facts) overlaid.push(facts);
    const selected = await selectEmployees(condition, columns, replaced, overlaid, asOf, meter);
    const nameOrder = () => {
      let order = this.nameOrders.get(columns);
      if (!order) {
        order = loadNameOrder(this.knex, columns);
        this.nameOrders.set(columns, order);
        order.catch(() => this.nameOrders.delete(columns));
      }
      return order;
    };
    return new EmployeeSelection(selected, columns, replaced, changed, nameOrder, (key, make) =>
      this.fromUnits(key, make),
    );
  }

  /**
   * A value derived from the org units and agencies (made by `make`, which reads them), kept
   * until the change log says they changed: read after the catch-up that saw the last change,
   * it holds at least that change, and a later one is seen by the next catch-up.
   */
  fromUnits<T>(key: string, make: () => Promise<T>): Promise<T> {
    const kept = this.unitsDerived.get(key);
    if (kept && kept.generation === this.unitsGeneration) return kept.value as Promise<T>;
    const value = make();
    this.unitsDerived.set(key, { generation: this.unitsGeneration, value });
    value.catch(() => {
      if (this.unitsDerived.get(key)?.value === value) this.unitsDerived.delete(key);
    });
    return value;
  }

  /** The candidate spec of an employee as of a date (levels up to it, courses completed by it). */
  spec(id: number, asOf: string): CandidateSpec | undefined {
    let byId = this.specs.get(asOf);
    if (!byId) {
      if (this.specs.size >= 4) this.specs.delete(this.specs.keys().next().value!);
      byId = new Map();
      this.specs.set(asOf, byId);
    }
    let spec = byId.get(id);
    if (!spec) {
      const facts = this.facts(id);
      if (!facts) return undefined;
      spec = candidateSpecOf(facts, asOf);
      // Specs are kept for the employees pages show, not for a whole province.
      if (byId.size >= 10_000) byId.clear();
      byId.set(id, spec);
    }
    return spec;
  }

  private async refresh(): Promise<void> {
    const stale = Date.now() - this.loadedAt > CHANGE_RETENTION_MS / 2;
    const crowded = this.overlay.size > Math.max(OVERLAY_MIN, this.columns.size * OVERLAY_SHARE);
    if (this.horizon === null || stale || crowded) {
      await this.loadAll();
      return;
    }
    const { rows } = await this.knex
      .raw<{
        rows: { horizon: string; lsn: string; ids: number[] }[];
      }>(CHANGES_SINCE, [this.horizon])
      .options(prepared(CHANGES_SINCE));
    const [{ horizon, lsn, ids: logged }] = rows;
    // Employee 0 is the units' row (org units or agencies changed), not an employee.
    const ids = logged.filter((id) => id !== 0);
    if (ids.length < logged.length) this.unitsGeneration++;
    // Changes to too many employees to hold as objects (an import): the columns are read again.
    if (ids.length > Math.max(OVERLAY_MIN, this.columns.size * OVERLAY_SHARE)) {
      await this.loadAll();
      return;
    }
    if (ids.length > 0) {
      await this.overlayFacts(ids);
      this.lsn = parseLsn(lsn);
      for (const byId of this.specs.values()) for (const id of ids) byId.delete(id);
      this.factsGeneration++;
      this.changes.push({ generation: this.factsGeneration, ids });
      if (this.changes.length > 1000) this.changes.shift();
    }
    this.horizon = horizon;
    this.loadedAt = Date.now();
    if (Date.now() - this.prunedAt > 3600 * 1000) {
      this.prunedAt = Date.now();
      await this.knex.raw(`delete from employee_change where at < now() - ?::interval`, [
        `${CHANGE_RETENTION_MS / 1000} seconds`,
      ]);
    }
  }

  /** Reads employees' facts as objects into the overlay (null for those gone). */
  private async overlayFacts(ids: readonly number[]): Promise<void> {
    const loaded = new Map((await loadEmployeeFacts(this.knex, { ids })).map((f) => [f.id, f]));
    // A new array, not a change to the one a skill search in its turn may be reading.
    const replaced = this.replaced.slice();
    for (const id of ids) {
      this.overlay.set(id, loaded.get(id) ?? null);
      const slot = this.columns.slotOf(id);
      if (slot >= 0) replaced[slot] = 1;
    }
    this.replaced = replaced;
  }

  private async loadAll(): Promise<void> {
    const started = Date.now();
    const loading = { since: started, rows: {} as Record<string, number> };
    this.loading = loading;
    const { columns, horizon, lsn } = await loadCandidateColumns(this.knex, (part, rows) => {
      loading.rows[part] = rows;
    }).finally(() => {
      this.loading = null;
    });
    this.columns = columns;
    this.replaced = new Uint8Array(columns.size);
    this.overlay.clear();
    this.specs.clear();
    // What the columns could not hold is read as objects (read after the snapshot: newer facts
    // are right too, and their change rows are read again on the next refresh).
    if (columns.exceptions.size > 0)
      await this.overlayFacts([...columns.exceptions].map((slot) => columns.ids[slot]));
    this.horizon = horizon;
    this.lsn = parseLsn(lsn);
    this.loadedAt = Date.now();
    this.factsGeneration++;
    this.unitsGeneration++;
    this.fullLoadGeneration = this.factsGeneration;
    this.changes = [];
    this.lastLoad = {
      employees: columns.size,
      milliseconds: Date.now() - started,
      bytes: columns.bytes,
    };
  }
}

/** The index of a database connection pool (one per process and database). */
export const candidateIndex = perPool((knex) => new CandidateIndex(knex));
