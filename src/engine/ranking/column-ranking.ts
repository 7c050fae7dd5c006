import { addYears, wholeYearsBetween } from '../../domain/employee.dates';
import { EDUCATION_LEVELS, PERFORMANCE_RATINGS, RANKS } from '../../domain/reference.data';
import { candidateSpecOf, type EmployeeFacts } from './candidate-facts';
import { CandidateColumns } from './candidate-columns';
import type { ResultGroup } from './result-group';
import type { CandidateIndex } from './candidate-index';
import { dayNumber, isoOfDay, lastDayWhere } from '../../domain/days';
import type { ScoringPolicy } from '../../domain/fit.policy';
import { scoreFit, type PositionSpec } from '../../domain/fit.scoring';
import { DEFAULT_DISCIPLINE_YEARS, sentenceBars } from '../../domain/discipline';
import { rankKeyOf, RankPacking, TopK, type RankedEntry } from '../../domain/ranking';

/** The conditions a profile can fail besides its required courses (rank … retirement, discipline). */
const OTHER_CONDITIONS = 8;

/** How many answers (per filter) a ranking remembers, at most. */
const REMEMBERED = 32;

/**
 * Every employee of the index ranked for one profile and policy: one packed key per slot of
 * the columns (NaN where the overlay replaces the slot), and the overlay's employees beside.
 * Kept per process and brought up to date from the index's change log: only changed employees
 * are scored again.
 */
export class ProfileRanking {
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
  static of(index: CandidateIndex, position: PositionSpec, policy: ScoringPolicy): ProfileRanking {
    const packing = packingFor(position);
    const columns = index.base;
    const keys = scanColumns(columns, position, policy, packing);
    for (let slot = 0; slot < columns.size; slot++) if (index.isReplaced(slot)) keys[slot] = NaN;
    const ranking = new ProfileRanking(index.generation, packing, columns, keys);
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
  ): ProfileRanking {
    const next = new ProfileRanking(index.generation, this.packing, this.columns, this.keys);
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

  /** The best `limit` entries after a cursor that pass a test, best first: one pass. */
  best(
    limit: number,
    after: { packed: number; employeeId: number } | null,
    test: (packed: number, orgUnitId: number, positionId: number) => boolean,
  ): RankedEntry[] {
    const top = new TopK(limit, after);
    this.each((packed, employeeId, orgUnitId, positionId) => {
      if (top.wants(packed, employeeId) && test(packed, orgUnitId, positionId))
        top.add({ packed, employeeId, orgUnitId, positionId: positionId < 0 ? null : positionId });
    });
    return top.result();
  }

  /** How many entries pass a test. */
  count(test: (packed: number, orgUnitId: number, positionId: number) => boolean): number {
    let matches = 0;
    this.each((packed, _id, unit, held) => {
      if (test(packed, unit, held)) matches++;
    });
    return matches;
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
  const counted = new Float64Array(n);
  const uncapped = new Float64Array(n);
  const missing = new Int32Array(n);
  const assessed = new Uint8Array(n);
  const stale = new Uint8Array(n);
  const criticalMet = new Uint16Array(n);
  let required = 0;
  let levels = 0;
  let critical = 0;
  for (const r of position.requirements) {
    required += r.weight * r.level;
    levels += r.level;
    if (r.critical) critical++;
  }
  missing.fill(levels);
  // Entries hold a reversed date: dated on or before the policy date is `entry ≥ limit`,
  // older than the validity is `entry > staleEntry`.
  const limit = CandidateColumns.entryLimit(asOfDay);
  const staleEntry = CandidateColumns.entryLimit(staleBefore - 1) - 1;
  const cap = policy.capPerCompetency;
  for (const r of position.requirements) {
    const group = columns.results.get(r.competencyId);
    if (!group) continue;
    addCurrent(group, r, cap, limit, staleEntry, {
      counted,
      uncapped,
      missing,
      assessed,
      stale,
      criticalMet,
    });
  }

  const unmet = unmetCourseAndPerformance(columns, position, policy.asOf, asOfDay);
  markDisciplineBarred(columns, position, policy.asOf, unmet);
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
  const requirements = position.requirements.length;

  // Per rank (index + 1; 0: no PNS rank) and per education index, 1 where the condition fails.
  const rankFails = Uint8Array.from([-1, ...RANKS.keys()], (rank) =>
    minRank !== null && (rank < 0 || RANKS[rank].ordinal < minRank) ? 1 : 0,
  );
  const educationFails = Uint8Array.from(EDUCATION_LEVELS, (e) =>
    minEducation !== null && e.ordinal < minEducation ? 1 : 0,
  );
  // The date conditions as packed days: appointed after `servedBy` (or unknown) fails the years
  // of service; born on or before `retiringBy` is within a year of retirement.
  const origin = CandidateColumns.dayOf(0);
  const servedBy = servedEnough === null ? null : servedEnough - origin;
  const retiringBy = retiring - origin;
  const { rank, education, appointed, birth } = columns;
  const { capTotal, minJobPersonMatch } = policy;
  const keys = new Float64Array(n);
  for (let slot = 0; slot < n; slot++) {
    let conditions = unmet[slot] + rankFails[rank[slot] + 1] + educationFails[education[slot]];
    if (servedBy !== null && (appointed[slot] < 0 || appointed[slot] > servedBy)) conditions++;
    if (requirements > 0 && !assessed[slot]) conditions++;
    conditions += stale[slot];
    if (birth[slot] >= 0 && birth[slot] <= retiringBy) conditions++;
    let jpm = 100;
    let jpmUncapped = 100;
    if (required !== 0) {
      const value = (counted[slot] / required) * 100;
      jpm = round2(capTotal ? Math.min(100, value) : value);
      jpmUncapped = round2((uncapped[slot] / required) * 100);
    }
    const qualified =
      conditions === 0 && jpm >= minJobPersonMatch && criticalMet[slot] === critical;
    const key = packing.packParts(qualified ? 1 : 0, jpm, conditions, missing[slot], jpmUncapped);
    if (key !== key) throw new Error(`employee ${columns.ids[slot]}: a rank key out of range`);
    keys[slot] = key;
  }
  return keys;
}

/**
 * Per slot, how many of the conditions on courses and performance fail: each required course
 * not completed by the date, and a rating below the minimum in any of the years looked at.
 */
function unmetCourseAndPerformance(
  columns: CandidateColumns,
  position: PositionSpec,
  asOf: string,
  asOfDay: number,
): Uint8Array {
  const n = columns.size;
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
    const year = Number(asOf.slice(0, 4));
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
  return unmet;
}

/**
 * Adds the discipline condition to each slot's count of unmet conditions: sentences are few,
 * so each sentenced slot is judged by the scoring's own rule (`sentenceBars`), sentence by
 * sentence: the same verdict as `scoreFit`, at the cost of the sentences alone.
 */
function markDisciplineBarred(
  columns: CandidateColumns,
  position: PositionSpec,
  asOf: string,
  unmet: Uint8Array,
): void {
  const rule = {
    level: position.disciplineLevel ?? null,
    years: position.disciplineYears ?? DEFAULT_DISCIPLINE_YEARS,
  };
  columns.eachSentenced((slot, sentences) => {
    if (sentences.some((sentence) => sentenceBars(sentence, rule, asOf))) unmet[slot]++;
  });
}

/** Per slot sums and marks of the current results of the required competencies. */
interface Sums {
  counted: Float64Array;
  uncapped: Float64Array;
  missing: Int32Array;
  assessed: Uint8Array;
  stale: Uint8Array;
  criticalMet: Uint16Array;
}

/**
 * Adds one requirement's current results (each slot's latest on or before the date) to the
 * sums. A function of its own, small and of fixed types, so the engine compiles its loop well.
 */
function addCurrent(
  group: ResultGroup,
  requirement: PositionSpec['requirements'][number],
  cap: boolean,
  limit: number,
  staleEntry: number,
  sums: Sums,
): void {
  const { slots, entries } = group;
  const { counted, uncapped, missing, assessed, stale, criticalMet } = sums;
  const weight = requirement.weight;
  const needed = requirement.level;
  const isCritical = requirement.critical;
  let previous = -1;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    const entry = entries[i];
    if (slot === previous || entry < limit) continue;
    previous = slot;
    const level = entry & 7;
    const met = level < needed ? level : needed;
    counted[slot] += weight * (cap ? met : level);
    uncapped[slot] += weight * level;
    missing[slot] -= met;
    assessed[slot] = 1;
    if (entry > staleEntry) stale[slot] = 1;
    if (isCritical && level >= needed) criticalMet[slot]++;
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
