import { addYears, wholeYearsBetween } from '../employee/employee.dates';
import { EDUCATION_LEVELS, PERFORMANCE_RATINGS, RANKS } from '../reference/reference.data';
import { candidateSpecOf, type EmployeeFacts } from './candidate-facts';
import { CandidateColumns } from './candidate-columns';
import type { CandidateIndex } from './candidate-index';
import { dayNumber, isoOfDay, lastDayWhere } from './days';
import type { ScoringPolicy } from './fit.policy';
import { scoreFit, type PositionSpec } from './fit.scoring';
import { rankKeyOf, RankPacking, type RankedEntry } from './ranking';

/** The conditions a profile can fail besides its required courses (rank … retirement). */
const OTHER_CONDITIONS = 7;

/** How many answers (per filter) a ranking remembers, at most. */
const REMEMBERED = 32;

/**
 * Every employee of the index ranked for one profile and policy: one packed key per slot of
 * the columns (NaN where the overlay replaces the slot), and the overlay's employees beside.
 * Kept per process and brought up to date from the index's change log: only changed employees
 * are scored again.
 */
export class Ranking {
  /** Overlay employees: packed key, unit and position held. */
  private readonly overrides = new Map<number, RankedEntry>();
  private counted: number | null = null;
  /** Answers computed from this ranking (a change makes a new ranking, so they stay true). */
  private readonly remembered = new Map<string, unknown>();

  private constructor(
    readonly generation: number,
    readonly packing: RankPacking,
    private readonly columns: CandidateColumns,
    private readonly keys: Float64Array,
  ) {}

  /** Scores everyone: the columns by the scan below, the overlay one by one. */
  static of(index: CandidateIndex, position: PositionSpec, policy: ScoringPolicy): Ranking {
    const packing = packingFor(position);
    const columns = index.base;
    const keys = scanColumns(columns, position, policy, packing);
    for (let slot = 0; slot < columns.size; slot++) if (index.isReplaced(slot)) keys[slot] = NaN;
    const ranking = new Ranking(index.generation, packing, columns, keys);
    for (const facts of index.added()) ranking.score(facts, position, policy);
    for (let slot = 0; slot < columns.size; slot++) {
      if (!index.isReplaced(slot)) continue;
      const facts = index.facts(columns.ids[slot]);
      if (facts) ranking.score(facts, position, policy);
    }
    return ranking;
  }

  /** The same ranking with some employees scored again (or dropped when gone). */
  updated(
    index: CandidateIndex,
    changed: readonly number[],
    position: PositionSpec,
    policy: ScoringPolicy,
  ): Ranking {
    const next = new Ranking(index.generation, this.packing, this.columns, this.keys);
    for (const [id, entry] of this.overrides) next.overrides.set(id, entry);
    for (const id of changed) {
      const slot = this.columns.slotOf(id);
      if (slot >= 0) this.keys[slot] = NaN;
      next.overrides.delete(id);
      const facts = index.facts(id);
      if (facts) next.score(facts, position, policy);
    }
    return next;
  }

  private score(facts: EmployeeFacts, position: PositionSpec, policy: ScoringPolicy): void {
    const result = scoreFit(position, candidateSpecOf(facts, policy.asOf), policy, false);
    const packed = this.packing.pack(rankKeyOf(result, facts.id));
    if (Number.isNaN(packed)) throw new Error(`employee ${facts.id}: a rank key out of range`);
    this.overrides.set(facts.id, {
      packed,
      employeeId: facts.id,
      orgUnitId: facts.orgUnitId,
      positionId: facts.positionId ?? null,
    });
  }

  /** Every ranked entry, in no order, as plain arguments (a scan of a million allocates nothing). */
  each(
    visit: (packed: number, employeeId: number, orgUnitId: number, positionId: number) => void,
  ): void {
    const { keys, columns } = this;
    for (let slot = 0; slot < keys.length; slot++) {
      const packed = keys[slot];
      if (packed === packed)
        visit(packed, columns.ids[slot], columns.orgUnit[slot], columns.position[slot]);
    }
    for (const entry of this.overrides.values())
      visit(entry.packed, entry.employeeId, entry.orgUnitId, entry.positionId ?? -1);
  }

  /**
   * A value computed from this ranking once (a filter's first entries, its counts): a ranking
   * never changes, a change makes a new one, so what it remembers stays true.
   */
  remember<T>(key: string, make: () => T): T {
    if (this.remembered.has(key)) return this.remembered.get(key) as T;
    // Filters are the caller's to vary (a minimum JPM is any number): only the latest few.
    if (this.remembered.size >= REMEMBERED) {
      this.remembered.delete(this.remembered.keys().next().value!);
    }
    const value = make();
    this.remembered.set(key, value);
    return value;
  }

  /** How many employees are ranked. */
  get length(): number {
    if (this.counted === null) {
      let count = this.overrides.size;
      for (let slot = 0; slot < this.keys.length; slot++)
        if (this.keys[slot] === this.keys[slot]) count++;
      this.counted = count;
    }
    return this.counted;
  }

  /** Bytes held (for the cache's budget). */
  get bytes(): number {
    return this.keys.byteLength + this.overrides.size * 64;
  }
}

/** The packing wide enough for every key the profile can give. */
export function packingFor(position: PositionSpec): RankPacking {
  const missing = position.requirements.reduce((sum, r) => sum + r.level, 0);
  return new RankPacking(OTHER_CONDITIONS + position.requiredCourses.length, missing);
}

/**
 * The rank key of every slot of the columns, packed: the scoring of `scoreFit` computed a
 * column at a time. Each required competency's results are read once (the latest on or before
 * the date per slot); JPM sums run in the profile's order, so every figure is the same number
 * `jobPersonMatch` gives; the date conditions become one threshold day each, found with the
 * scoring's own date functions. A test compares it with `scoreFit` on whole provinces.
 */
export function scanColumns(
  columns: CandidateColumns,
  position: PositionSpec,
  policy: ScoringPolicy,
  packing: RankPacking,
): Float64Array {
  const n = columns.size;
  const asOfDay = dayNumber(policy.asOf);
  const staleBefore = dayNumber(addYears(policy.asOf, -policy.validityYears));
  const requirements = position.requirements;
  const width = requirements.length;
  let required = 0;
  let levels = 0;
  let critical = 0;
  for (const r of requirements) {
    required += r.weight * r.level;
    levels += r.level;
    if (r.critical) critical++;
  }
  // Each slot's current result per requirement, one byte each: the level, plus STALE when it
  // is older than the validity; 0 when there is none. One pass over each required
  // competency's results, then the sums per slot below read the bytes in order.
  // Entries hold a reversed date: dated on or before the policy date is `entry ≥ limit`,
  // older than the validity is `entry > staleEntry`.
  const current = new Uint8Array(n * width);
  const limit = CandidateColumns.entryLimit(asOfDay);
  const staleEntry = CandidateColumns.entryLimit(staleBefore - 1) - 1;
  requirements.forEach((r, k) => {
    const group = columns.results.get(r.competencyId);
    if (!group) return;
    const { slots, entries } = group;
    let previous = -1;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const entry = entries[i];
      if (slot === previous || entry < limit) continue;
      previous = slot;
      current[slot * width + k] = (entry & 7) | (entry > staleEntry ? STALE : 0);
    }
  });
  const weights = Float64Array.from(requirements, (r) => r.weight);
  const needed = Int32Array.from(requirements, (r) => r.level);
  const isCritical = Uint8Array.from(requirements, (r) => (r.critical ? 1 : 0));
  const cap = policy.capPerCompetency;

  // Conditions that fail, per slot.
  const unmet = new Uint8Array(n);
  for (const course of position.requiredCourses) {
    const done = new Uint8Array(n);
    columns.markCompleted(course.id, asOfDay, done);
    for (let slot = 0; slot < n; slot++) if (!done[slot]) unmet[slot]++;
  }
  if (position.minPerformance) {
    const minimum = PERFORMANCE_RATINGS.indexOf(
      position.minPerformance as (typeof PERFORMANCE_RATINGS)[number],
    );
    const year = Number(policy.asOf.slice(0, 4));
    const failed = new Uint8Array(n);
    for (let y = year - 1; y >= year - position.performanceYears; y--) {
      const met = new Uint8Array(n);
      columns.eachRating(y, (slot, rating) => {
        if (rating <= minimum) met[slot] = 1;
      });
      for (let slot = 0; slot < n; slot++) if (!met[slot]) failed[slot] = 1;
    }
    for (let slot = 0; slot < n; slot++) unmet[slot] += failed[slot];
  }
  const [firstDay, lastDay] = [dayNumber('1700-01-01'), dayNumber('2417-12-31')];
  // Appointed on or before this day: enough years of service.
  const minYears = position.minYearsOfService;
  const servedEnough =
    minYears === null
      ? null
      : lastDayWhere(
          firstDay,
          lastDay,
          (d) => wholeYearsBetween(isoOfDay(d), policy.asOf) >= minYears,
        );
  // Born on or before this day: within a year of retirement.
  const retiring = lastDayWhere(
    firstDay,
    lastDay,
    (d) => policy.asOf >= addYears(addYears(isoOfDay(d), position.retirementAge), -1),
  );
  const minRank = position.minRank?.ordinal ?? null;
  const minEducation = position.minEducation?.ordinal ?? null;
  const { capTotal, minJobPersonMatch } = policy;
  const { rank: ranks, education, appointed: appointedDays, birth, ids } = columns;

  const keys = new Float64Array(n);
  // Ordinals by the columns' indexes (RANKS and EDUCATION_LEVELS are ordered by ordinal).
  const rankOrdinal = RANKS.map((r) => r.ordinal);
  const educationOrdinal = EDUCATION_LEVELS.map((e) => e.ordinal);
  for (let slot = 0; slot < n; slot++) {
    // The sums in the profile's order, so every figure is the number `jobPersonMatch` gives.
    let counted = 0;
    let uncapped = 0;
    let missing = levels;
    let criticalMet = 0;
    let assessed = false;
    let stale = false;
    for (let k = 0, at = slot * width; k < width; k++, at++) {
      const byte = current[at];
      if (byte === 0) continue;
      const level = byte & 7;
      const need = needed[k];
      const met = level < need ? level : need;
      counted += weights[k] * (cap ? met : level);
      uncapped += weights[k] * level;
      missing -= met;
      assessed = true;
      if (byte & STALE) stale = true;
      if (isCritical[k] && level >= need) criticalMet++;
    }
    let conditions = unmet[slot];
    if (minRank !== null) {
      const rank = ranks[slot];
      if (rank < 0 || rankOrdinal[rank] < minRank) conditions++;
    }
    if (minEducation !== null && educationOrdinal[education[slot]] < minEducation) conditions++;
    if (servedEnough !== null) {
      const appointed = appointedDays[slot];
      if (appointed < 0 || CandidateColumns.dayOf(appointed) > servedEnough) conditions++;
    }
    if (width > 0 && !assessed) conditions++;
    if (stale) conditions++;
    if (birth[slot] >= 0 && CandidateColumns.dayOf(birth[slot]) <= retiring) conditions++;
    let jpm = 100;
    let jpmUncapped = 100;
    if (required !== 0) {
      const value = (counted / required) * 100;
      jpm = round2(capTotal ? Math.min(100, value) : value);
      jpmUncapped = round2((uncapped / required) * 100);
    }
    const qualified = conditions === 0 && jpm >= minJobPersonMatch && criticalMet === critical;
    const key = packing.packParts(qualified ? 1 : 0, jpm, conditions, missing, jpmUncapped);
    if (Number.isNaN(key)) throw new Error(`employee ${ids[slot]}: a rank key out of range`);
    keys[slot] = key;
  }
  return keys;
}

/** The flag of a current result (beside its level, in bits 0–2) older than the validity. */
const STALE = 8;

const round2 = (n: number) => Math.round(n * 100) / 100;
