import type { Knex } from '@mikro-orm/knex';
import { candidateSpecOf, loadEmployeeFacts, type EmployeeFacts } from './candidate-facts';
import type { CandidateSpec } from './fit.scoring';

/** Employees loaded per batch on a full load, so a province never sits in one result set. */
const LOAD_BATCH = 20_000;
/** How many dates' specs are kept (today, and a few dates committees ask about). */
const SPEC_DATES = 4;
/** Change rows older than this are pruned; a process idle longer reloads everything. */
const CHANGE_RETENTION_MS = 24 * 3600 * 1000;

/**
 * Every employee's scoring facts, in memory, kept exactly current: before each use the index
 * reads which employees changed since it last looked (rows written by triggers in the same
 * transaction as the change, found by transaction id so a late commit is not missed) and
 * reloads those. A write through any process is therefore in the next ranking of every
 * process, at the cost of one small statement per ranking.
 */
export class CandidateIndex {
  private readonly facts = new Map<number, EmployeeFacts>();
  private readonly specs = new Map<string, Map<number, CandidateSpec>>();
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

  constructor(private readonly knex: Knex) {}

  /** Brings the index up to date with everything committed before this call, then returns it. */
  current(): Promise<this> {
    // A refresh already running may have read before our caller's write committed; wait for it
    // and join (or start) the next one, which reads after this call.
    this.pending ??= this.queue.then(() => {
      this.pending = null;
      return this.refresh();
    });
    this.queue = this.pending.catch(() => undefined);
    return this.pending.then(() => this);
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

  get size(): number {
    return this.facts.size;
  }

  /** Employee ids in the index, in id order. */
  *ids(): Iterable<number> {
    yield* [...this.facts.keys()].sort((a, b) => a - b);
  }

  /** The position an employee holds now (null: none). */
  positionOf(id: number): number | null {
    return this.facts.get(id)?.positionId ?? null;
  }

  orgUnitOf(id: number): number | undefined {
    return this.facts.get(id)?.orgUnitId;
  }

  /** The candidate spec of an employee as of a date (levels up to it, courses completed by it). */
  spec(id: number, asOf: string): CandidateSpec | undefined {
    let byId = this.specs.get(asOf);
    if (!byId) {
      if (this.specs.size >= SPEC_DATES) this.specs.delete(this.specs.keys().next().value!);
      byId = new Map();
      this.specs.set(asOf, byId);
    }
    let spec = byId.get(id);
    if (!spec) {
      const facts = this.facts.get(id);
      if (!facts) return undefined;
      spec = candidateSpecOf(facts, asOf);
      byId.set(id, spec);
    }
    return spec;
  }

  private async refresh(): Promise<void> {
    const stale = Date.now() - this.loadedAt > CHANGE_RETENTION_MS / 2;
    if (this.horizon === null || stale) {
      await this.loadAll();
      return;
    }
    const { rows } = await this.knex.raw<{ rows: { horizon: string; ids: number[] }[] }>(
      `select pg_snapshot_xmin(pg_current_snapshot())::text as horizon,
              coalesce((select array_agg(distinct employee_id) from employee_change
                         where xid >= ?::xid8), '{}') as ids`,
      [this.horizon],
    );
    const [{ horizon, ids }] = rows;
    if (ids.length > 0) {
      for (const id of ids) this.facts.delete(id);
      for (const byId of this.specs.values()) for (const id of ids) byId.delete(id);
      await this.load(ids);
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

  private async loadAll(): Promise<void> {
    const { rows } = await this.knex.raw<{ rows: { horizon: string; max: number | null }[] }>(
      `select pg_snapshot_xmin(pg_current_snapshot())::text as horizon, (select max(id) from employee) as max`,
    );
    this.facts.clear();
    this.specs.clear();
    const max = rows[0].max ?? 0;
    for (let from = 0; from <= max; from += LOAD_BATCH)
      await this.load(null, [from, from + LOAD_BATCH]);
    this.horizon = rows[0].horizon;
    this.loadedAt = Date.now();
    this.factsGeneration++;
    this.fullLoadGeneration = this.factsGeneration;
    this.changes = [];
  }

  /** Loads the facts of some employees (or of an id range) into the index. */
  private async load(ids: number[] | null, range?: [number, number]): Promise<void> {
    for (const facts of await loadEmployeeFacts(this.knex, ids ? { ids } : { range: range! }))
      this.facts.set(facts.id, facts);
  }
}

const indexes = new WeakMap<object, CandidateIndex>();

/** The index of a database connection pool (one per process and database). */
export function candidateIndex(knex: Knex): CandidateIndex {
  let index = indexes.get(knex.client as object);
  if (!index) {
    index = new CandidateIndex(knex);
    indexes.set(knex.client as object, index);
  }
  return index;
}
