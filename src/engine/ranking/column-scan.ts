import { addYears, wholeYearsBetween } from '../../domain/employee.dates';
import { EDUCATION_LEVELS, PERFORMANCE_RATINGS, RANKS } from '../../domain/reference.data';
import { dayNumber, isoOfDay, lastDayWhere } from '../../domain/days';
import type { ScoringPolicy } from '../../domain/fit.policy';
import type { PositionSpec } from '../../domain/fit.scoring';
import { RankPacking } from '../../domain/ranking';
import { DAY_ORIGIN, ENTRY_SLOT, entryLimit, firstAtLeast } from './column-packing';
import type { ResultGroup } from './result-group';

/**
 * The column scan of a range of slots: the scoring of `scoreFit` computed a column at a time.
 * It runs on the main thread (a small province, or the whole of one) and in the scan's worker
 * threads (a range each, scan-worker.ts), so it imports only the domain and the packing: what
 * a worker loads.
 */

/** The conditions a profile can fail besides its required courses (rank … retirement, discipline). */
const OTHER_CONDITIONS = 8;

/** What a scan reads of the columns (`CandidateColumns` is one; a worker rebuilds one from a message). */
export interface ScanColumns {
  readonly size: number;
  /** Employee id per slot (named in an error only). */
  readonly ids: Int32Array;
  readonly rank: Int8Array;
  readonly education: Uint8Array;
  readonly birth: Int32Array;
  readonly appointed: Int32Array;
  readonly results: ReadonlyMap<number, ResultGroup>;
  readonly courses: ReadonlyMap<number, Float64Array>;
  readonly ratings: ReadonlyMap<number, Float64Array>;
}

/** The packing wide enough for every key the profile can give. */
export function packingFor(position: PositionSpec): RankPacking {
  const missing = position.requirements.reduce((sum, r) => sum + r.level, 0);
  return new RankPacking(OTHER_CONDITIONS + position.requiredCourses.length, missing);
}

/** The years of ratings a profile's performance condition reads (none without one). */
export function ratingYears(position: PositionSpec, asOf: string): number[] {
  if (!position.minPerformance) return [];
  const year = Number(asOf.slice(0, 4));
  const years: number[] = [];
  for (let y = year - 1; y >= year - position.performanceYears; y--) years.push(y);
  return years;
}

/**
 * The packed rank key of the slots `from` to `to` (not included) into `keys`. Each required
 * competency's results in the range are read once (the latest on or before the date per slot);
 * JPM sums run in the profile's order, so every figure is the same number `jobPersonMatch`
 * gives; the date conditions become one threshold day each, found with the scoring's own date
 * functions. `barred` lists, ascending, the slots a disciplinary sentence bars (judged on the
 * main thread: `barredSlots`). A slot's key depends on that slot's facts alone, so ranges
 * scanned apart give the keys of one scan. A test compares it with `scoreFit` on whole
 * provinces, and the split scan with the scan of one thread.
 */
export function scanSlots(
  columns: ScanColumns,
  position: PositionSpec,
  policy: ScoringPolicy,
  barred: Int32Array,
  from: number,
  to: number,
  keys: Float64Array,
): void {
  const packing = packingFor(position);
  const n = to - from;
  const asOfDay = dayNumber(policy.asOf);
  const staleBefore = dayNumber(addYears(policy.asOf, -policy.validityYears));
  const sums: Sums = {
    counted: new Float64Array(n),
    uncapped: new Float64Array(n),
    missing: new Int32Array(n),
    assessed: new Uint8Array(n),
    stale: new Uint8Array(n),
    criticalMet: new Uint16Array(n),
  };
  const { counted, uncapped, missing, assessed, stale, criticalMet } = sums;
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
  const limit = entryLimit(asOfDay);
  const staleEntry = entryLimit(staleBefore - 1) - 1;
  const cap = policy.capPerCompetency;
  for (const r of position.requirements) {
    const group = columns.results.get(r.competencyId);
    if (!group) continue;
    const first = firstAtLeast(group.slots, from);
    const end = firstAtLeast(group.slots, to);
    addCurrent(group, first, end, from, r, cap, limit, staleEntry, sums);
  }

  const unmet = unmetCourseAndPerformance(columns, position, policy.asOf, asOfDay, from, to);
  for (let i = firstAtLeast(barred, from); i < barred.length && barred[i] < to; i++)
    unmet[barred[i] - from]++;
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
  const servedBy = servedEnough === null ? null : servedEnough - DAY_ORIGIN;
  const retiringBy = retiring - DAY_ORIGIN;
  const { rank, education, appointed, birth } = columns;
  const { capTotal, minJobPersonMatch } = policy;
  for (let i = 0; i < n; i++) {
    const slot = from + i;
    let conditions = unmet[i] + rankFails[rank[slot] + 1] + educationFails[education[slot]];
    if (servedBy !== null && (appointed[slot] < 0 || appointed[slot] > servedBy)) conditions++;
    if (requirements > 0 && !assessed[i]) conditions++;
    conditions += stale[i];
    if (birth[slot] >= 0 && birth[slot] <= retiringBy) conditions++;
    let jpm = 100;
    let jpmUncapped = 100;
    if (required !== 0) {
      const value = (counted[i] / required) * 100;
      jpm = round2(capTotal ? Math.min(100, value) : value);
      jpmUncapped = round2((uncapped[i] / required) * 100);
    }
    const qualified = conditions === 0 && jpm >= minJobPersonMatch && criticalMet[i] === critical;
    const key = packing.packParts(qualified ? 1 : 0, jpm, conditions, missing[i], jpmUncapped);
    if (key !== key) throw new Error(`employee ${columns.ids[slot]}: a rank key out of range`);
    keys[slot] = key;
  }
}

/**
 * Per slot of the range (from `from`), how many of the conditions on courses and performance
 * fail: each required course not completed by the date, and a rating below the minimum in any
 * of the years looked at.
 */
function unmetCourseAndPerformance(
  columns: ScanColumns,
  position: PositionSpec,
  asOf: string,
  asOfDay: number,
  from: number,
  to: number,
): Uint8Array {
  const n = to - from;
  const unmet = new Uint8Array(n);
  for (const course of position.requiredCourses) {
    const done = new Uint8Array(n);
    eachPacked(columns.courses.get(course.id), from, to, (i, day) => {
      if (day + DAY_ORIGIN <= asOfDay) done[i] = 1;
    });
    for (let i = 0; i < n; i++) if (!done[i]) unmet[i]++;
  }
  if (position.minPerformance) {
    const minimum = PERFORMANCE_RATINGS.indexOf(
      position.minPerformance as (typeof PERFORMANCE_RATINGS)[number],
    );
    const failed = new Uint8Array(n);
    for (const year of ratingYears(position, asOf)) {
      const met = new Uint8Array(n);
      eachPacked(columns.ratings.get(year), from, to, (i, rating) => {
        if (rating <= minimum) met[i] = 1;
      });
      for (let i = 0; i < n; i++) if (!met[i]) failed[i] = 1;
    }
    for (let i = 0; i < n; i++) unmet[i] += failed[i];
  }
  return unmet;
}

/**
 * `visit(slot − from, rest)` for each packed number (`slot · 2^18 + rest`, sorted) of a slot
 * from `from` to `to` (not included).
 */
function eachPacked(
  packed: Float64Array | undefined,
  from: number,
  to: number,
  visit: (i: number, rest: number) => void,
): void {
  if (!packed) return;
  const end = firstAtLeast(packed, to * ENTRY_SLOT);
  for (let i = firstAtLeast(packed, from * ENTRY_SLOT); i < end; i++) {
    const slot = Math.floor(packed[i] / ENTRY_SLOT);
    visit(slot - from, packed[i] - slot * ENTRY_SLOT);
  }
}

/** Per slot of a range, sums and marks of the current results of the required competencies. */
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
 * sums: the group's results `first` to `end` (not included), whose slots count from `from`. A
 * function of its own, small and of fixed types, so the engine compiles its loop well.
 */
function addCurrent(
  group: ResultGroup,
  first: number,
  end: number,
  from: number,
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
  for (let i = first; i < end; i++) {
    const slot = slots[i];
    const entry = entries[i];
    if (slot === previous || entry < limit) continue;
    previous = slot;
    const at = slot - from;
    const level = entry & 7;
    const met = level < needed ? level : needed;
    counted[at] += weight * (cap ? met : level);
    uncapped[at] += weight * level;
    missing[at] -= met;
    assessed[at] = 1;
    if (entry > staleEntry) stale[at] = 1;
    if (isCritical && level >= needed) criticalMet[at]++;
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
