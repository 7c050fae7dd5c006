import type { Knex } from '@mikro-orm/knex';
import { appointmentDateOf, birthDateOf } from '../employee/employee.dates';
import { EDUCATION_LEVELS, RANKS } from '../reference/reference.data';
import type { CandidateSpec } from './fit.scoring';

/**
 * What scoring may know of one employee, for every date: the candidate spec's dated parts
 * (levels, courses) kept whole, so a spec can be cut from them for any date.
 */
interface Facts extends Omit<CandidateSpec, 'levels' | 'completedCourseIds' | 'performance'> {
  readonly orgUnitId: number;
  /** Per competency, every assessed level, latest first (date, then assessment id). */
  readonly history: Map<number, { level: number; assessedOn: string }[]>;
  readonly trainings: { courseId: number; completedOn: string }[];
  /** Latest year first. */
  readonly performance: { year: number; rating: string }[];
}

const RANK_ORDINAL = new Map(RANKS.map((r) => [r.code, { code: r.code, ordinal: r.ordinal }]));
const EDUCATION_ORDINAL = new Map(
  EDUCATION_LEVELS.map((e) => [e.code, { code: e.code, ordinal: e.ordinal }]),
);

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
  private readonly facts = new Map<number, Facts>();
  private readonly specs = new Map<string, Map<number, CandidateSpec>>();
  /** Changes from transactions at or after this id are still to be read (null: not loaded). */
  private horizon: string | null = null;
  private loadedAt = 0;
  private prunedAt = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Bumped whenever facts change; with the log, lets derived data (rankings) catch up. */
  private gen = 0;
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
    return this.gen;
  }

  /**
   * Employees whose facts changed after `generation`, or null when that is not known any more
   * (a full reload since, or older than the log): then derived data must be rebuilt.
   */
  changedSince(generation: number): number[] | null {
    if (generation < this.fullLoadGeneration) return null;
    if (generation === this.gen) return [];
    const oldest = this.changes[0]?.generation ?? this.gen + 1;
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
      spec = specOf(facts, asOf);
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
      this.gen++;
      this.changes.push({ generation: this.gen, ids });
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
    this.gen++;
    this.fullLoadGeneration = this.gen;
    this.changes = [];
  }

  /** Loads the facts of some employees (or of an id range), four statements. */
  private async load(ids: number[] | null, range?: [number, number]): Promise<void> {
    const where = (column: string) =>
      ids ? `${column} = any(?)` : `${column} >= ? and ${column} < ?`;
    const bindings = ids ? [ids] : range!;
    const q = async <T>(sql: string) =>
      (await this.knex.raw<{ rows: T[] }>(sql, bindings as Knex.RawBinding[])).rows;
    const [employees, results, trainings, ratings] = await Promise.all([
      q<{
        id: number;
        org_unit_id: number;
        employment_type: string;
        rank_code: string | null;
        pppk_grade: number | null;
        education_code: string;
        nip: string | null;
        birth_date: string | null;
        appointed_on: string | null;
      }>(
        `select id, org_unit_id, employment_type, rank_code, pppk_grade, education_code, nip,
                birth_date::text, appointed_on::text
           from employee where ${where('id')}`,
      ),
      q<{ employee_id: number; competency_id: number; level: number; assessed_on: string }>(
        `select a.employee_id, r.competency_id, r.level, a.assessed_on::text
           from assessment a join assessment_result r on r.assessment_id = a.id
          where ${where('a.employee_id')}
          order by a.employee_id, r.competency_id, a.assessed_on desc, a.id desc`,
      ),
      q<{ employee_id: number; course_id: number; completed_on: string }>(
        `select employee_id, course_id, completed_on::text from training_record
          where ${where('employee_id')}`,
      ),
      q<{ employee_id: number; year: number; rating: string }>(
        `select employee_id, year, rating from performance_record
          where ${where('employee_id')} order by employee_id, year desc, id`,
      ),
    ]);
    for (const e of employees) {
      this.facts.set(e.id, {
        id: e.id,
        orgUnitId: e.org_unit_id,
        employmentType: e.employment_type,
        rank: (e.rank_code && RANK_ORDINAL.get(e.rank_code)) || null,
        pppkGrade: e.pppk_grade,
        education: EDUCATION_ORDINAL.get(e.education_code)!,
        birthDate: birthDateOf({ nip: e.nip, birthDate: e.birth_date }),
        appointedOn: appointmentDateOf({ nip: e.nip, appointedOn: e.appointed_on }),
        history: new Map(),
        trainings: [],
        performance: [],
      });
    }
    for (const r of results) {
      const history = this.facts.get(r.employee_id)?.history;
      if (!history) continue;
      const list = history.get(r.competency_id);
      const entry = { level: r.level, assessedOn: r.assessed_on };
      if (list) list.push(entry);
      else history.set(r.competency_id, [entry]);
    }
    for (const t of trainings)
      this.facts
        .get(t.employee_id)
        ?.trainings.push({ courseId: t.course_id, completedOn: t.completed_on });
    for (const p of ratings)
      this.facts.get(p.employee_id)?.performance.push({ year: p.year, rating: p.rating });
  }
}

function specOf(f: Facts, asOf: string): CandidateSpec {
  const levels = new Map<number, { level: number; assessedOn: string }>();
  for (const [competencyId, list] of f.history) {
    const latest = list.find((entry) => entry.assessedOn <= asOf);
    if (latest) levels.set(competencyId, latest);
  }
  return {
    id: f.id,
    employmentType: f.employmentType,
    rank: f.rank,
    pppkGrade: f.pppkGrade,
    education: f.education,
    birthDate: f.birthDate,
    appointedOn: f.appointedOn,
    levels,
    completedCourseIds: new Set(
      f.trainings.filter((t) => t.completedOn <= asOf).map((t) => t.courseId),
    ),
    performance: f.performance,
  };
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
