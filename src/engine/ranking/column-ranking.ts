import { candidateSpecOf, type EmployeeFacts } from './candidate-facts';
import type { CandidateColumns } from './candidate-columns';
import type { CandidateIndex } from './candidate-index';
import type { ScoringPolicy } from '../../domain/fit.policy';
import { scoreFit, type PositionSpec } from '../../domain/fit.scoring';
import { DEFAULT_DISCIPLINE_YEARS, sentenceBars } from '../../domain/discipline';
import { rankKeyOf, RankPacking, TopK, type RankedEntry } from '../../domain/ranking';
import { packingFor, scanSlots } from './column-scan';
import type { ScanWorkers } from './scan-workers';

export { packingFor } from './column-scan';

/** How many answers (per filter) a ranking remembers, at most. */
const REMEMBERED = 32;

/**
 * Every employee of the index ranked for one profile and policy: one packed key per slot of
 * the columns (NaN where the overlay replaces the slot), and the overlay's employees beside.
 * Kept per process and brought up to date from the index's change log: only changed employees
 * are scored again.
 */
export class ProfileRanking {
  private counted: number | null = null;
  /** Answers computed from this ranking (a change makes a new ranking, so they stay true). */
  private readonly remembered = new Map<string, unknown>();

  private constructor(
    readonly generation: number,
    readonly packing: RankPacking,
    private readonly columns: CandidateColumns,
    private readonly keys: Float64Array,
    /** Overlay employees: packed key, unit and position held. */
    private readonly overrides = new Map<number, RankedEntry>(),
  ) {}

  /**
   * Scores everyone: the columns by the column scan (split over the scanner's threads for a
   * large province), the overlay one by one. The ranking is of the index as it is when this is
   * called: the columns, the slots the overlay replaces and the overlay's facts are taken
   * before the scan is handed over, and a catch-up while the threads scan does not change them.
   */
  static async of(
    index: CandidateIndex,
    position: PositionSpec,
    policy: ScoringPolicy,
    scanner: ScanWorkers,
  ): Promise<ProfileRanking> {
    const packing = packingFor(position);
    const { base: columns, replacedSlots: replaced, generation } = index;
    const overrides = new Map<number, RankedEntry>();
    for (const facts of index.added()) scoreInto(overrides, packing, facts, position, policy);
    for (let slot = 0; slot < columns.size; slot++) {
      if (replaced[slot] !== 1) continue;
      const facts = index.facts(columns.ids[slot]);
      if (facts) scoreInto(overrides, packing, facts, position, policy);
    }
    const barred = barredSlots(columns, position, policy.asOf);
    const keys = await scanner.scan(columns, position, policy, barred);
    for (let slot = 0; slot < columns.size; slot++) if (replaced[slot] === 1) keys[slot] = NaN;
    return new ProfileRanking(generation, packing, columns, keys, overrides);
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
      if (facts) scoreInto(next.overrides, this.packing, facts, position, policy);
    }
    return next;
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

/** Scores one employee of the overlay by the pure scoring, into the overrides. */
function scoreInto(
  overrides: Map<number, RankedEntry>,
  packing: RankPacking,
  facts: EmployeeFacts,
  position: PositionSpec,
  policy: ScoringPolicy,
): void {
  const result = scoreFit(position, candidateSpecOf(facts, policy.asOf), policy, false);
  const packed = packing.pack(rankKeyOf(result, facts.id));
  if (Number.isNaN(packed)) throw new Error(`employee ${facts.id}: a rank key out of range`);
  overrides.set(facts.id, {
    packed,
    employeeId: facts.id,
    orgUnitId: facts.orgUnitId,
    positionId: facts.positionId ?? null,
  });
}

/**
 * The rank key of every slot of the columns, packed, on this thread: the scoring of `scoreFit`
 * computed a column at a time (`scanSlots`). A test compares it with `scoreFit` on whole
 * provinces, and the scan split over threads (`ScanWorkers`) with it.
 */
export function scanColumns(
  columns: CandidateColumns,
  position: PositionSpec,
  policy: ScoringPolicy,
): Float64Array {
  const keys = new Float64Array(columns.size);
  scanSlots(
    columns,
    position,
    policy,
    barredSlots(columns, position, policy.asOf),
    0,
    columns.size,
    keys,
  );
  return keys;
}

/**
 * The slots a disciplinary sentence bars, ascending: sentences are few, so each sentenced slot
 * is judged by the scoring's own rule (`sentenceBars`), sentence by sentence: the same verdict
 * as `scoreFit`, at the cost of the sentences alone.
 */
export function barredSlots(
  columns: CandidateColumns,
  position: PositionSpec,
  asOf: string,
): Int32Array {
  const rule = {
    level: position.disciplineLevel ?? null,
    years: position.disciplineYears ?? DEFAULT_DISCIPLINE_YEARS,
  };
  const barred: number[] = [];
  columns.eachSentenced((slot, sentences) => {
    if (sentences.some((sentence) => sentenceBars(sentence, rule, asOf))) barred.push(slot);
  });
  return Int32Array.from(barred);
}
