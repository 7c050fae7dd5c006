import type { FitResult } from './fit.scoring';

/**
 * The ranking order of candidates, defined once: qualified first, then higher JPM, fewer
 * unmet conditions, fewer missing levels in all, higher uncapped JPM, and finally the
 * employee's internal id, a number that says nothing about the person (a NIP would: it
 * encodes birth date and sex). A result is reduced to its rank key, and keys are compared
 * part by part; the packed rankings, their cursors and `compareFits` all use this.
 */
export type RankKey = readonly [
  qualified: number,
  jobPersonMatch: number,
  unmetConditions: number,
  missingLevels: number,
  jobPersonMatchUncapped: number,
  employeeId: number,
];

/** The number of parts of a rank key (the length of a ranking's cursor). */
export const RANK_KEY_LENGTH = 6;

/** Per part of the key: -1 where the higher value ranks first, 1 where the lower does. */
const DIRECTION: readonly number[] = [-1, -1, 1, 1, -1, 1];

/** The levels a result misses in all (the sum of its negative gaps, as a positive number). */
export function missingLevels(result: Pick<FitResult, 'gaps'>): number {
  return result.gaps.reduce((sum, gap) => sum - gap.gap, 0);
}

/** The rank key of an employee's result. */
export function rankKeyOf(
  result: Pick<
    FitResult,
    'qualified' | 'jobPersonMatch' | 'unmetConditions' | 'gaps' | 'jobPersonMatchUncapped'
  >,
  employeeId: number,
): RankKey {
  return [
    Number(result.qualified),
    result.jobPersonMatch,
    result.unmetConditions.length,
    missingLevels(result),
    result.jobPersonMatchUncapped,
    employeeId,
  ];
}

/** Negative when key `a` ranks before key `b`, positive when after, 0 when they are equal. */
export function compareRankKeys(a: ArrayLike<number>, b: ArrayLike<unknown>): number {
  for (let part = 0; part < RANK_KEY_LENGTH; part++) {
    const left = a[part];
    const right = b[part] as number;
    if (left !== right) return (left < right ? -1 : 1) * DIRECTION[part];
  }
  return 0;
}

/** Orders two employees' results as `candidates` ranks them (best first). */
export function compareFits(
  a: FitResult & { employeeId: number },
  b: FitResult & { employeeId: number },
): number {
  return compareRankKeys(rankKeyOf(a, a.employeeId), rankKeyOf(b, b.employeeId));
}

/** Bits of the packed key's parts (JPM and uncapped JPM are in hundredths). */
const JPM_BITS = 17;
const JPM_MAX = 2 ** JPM_BITS - 1;

/**
 * A rank key without its id packed into one number, smaller ranking first, so a ranking is an
 * array of numbers and `(packed, employeeId)` orders exactly as `compareRankKeys`. The widths
 * of the unmet-conditions and missing-levels parts follow the position's profile (their most
 * possible), so every part fits the 53 bits of a double.
 */
export class RankPacking {
  private readonly unmetScale: number;
  private readonly missingScale: number;
  private readonly jpmScale: number;
  private readonly qualifiedScale: number;

  constructor(
    private readonly maxUnmet: number,
    private readonly maxMissing: number,
  ) {
    const unmetRange = 2 ** Math.ceil(Math.log2(maxUnmet + 1));
    const missingRange = 2 ** Math.ceil(Math.log2(maxMissing + 1));
    this.missingScale = JPM_MAX + 1;
    this.unmetScale = this.missingScale * missingRange;
    this.jpmScale = this.unmetScale * unmetRange;
    this.qualifiedScale = this.jpmScale * (JPM_MAX + 1);
    if (this.qualifiedScale * 2 > Number.MAX_SAFE_INTEGER)
      throw new Error(
        `A profile with up to ${maxUnmet} unmet conditions and ${maxMissing} missing levels is too large to rank.`,
      );
  }

  /** The packed key (NaN when a part is out of its range: then the key cannot be packed). */
  pack(key: RankKey | readonly unknown[]): number {
    const [qualified, jpm, unmet, missing, uncapped] = key as readonly number[];
    return this.packParts(qualified, jpm, unmet, missing, uncapped);
  }

  /** `pack` of the parts themselves (the scan's inner loop: no array a key). */
  packParts(
    qualified: number,
    jpm: number,
    unmet: number,
    missing: number,
    uncapped: number,
  ): number {
    const jpmHundredths = Math.round(jpm * 100);
    const uncappedHundredths = Math.round(uncapped * 100);
    if (
      !(jpmHundredths >= 0 && jpmHundredths <= JPM_MAX) ||
      !(uncappedHundredths >= 0 && uncappedHundredths <= JPM_MAX) ||
      !(unmet >= 0 && unmet <= this.maxUnmet) ||
      !(missing >= 0 && missing <= this.maxMissing)
    )
      return NaN;
    return (
      (qualified ? 0 : this.qualifiedScale) +
      (JPM_MAX - jpmHundredths) * this.jpmScale +
      unmet * this.unmetScale +
      missing * this.missingScale +
      (JPM_MAX - uncappedHundredths)
    );
  }

  /** Whether a packed key is qualified. */
  qualified(packed: number): boolean {
    return packed < this.qualifiedScale;
  }

  /** The JPM of a packed key (the same number the scoring gave). */
  jobPersonMatch(packed: number): number {
    const rest = packed < this.qualifiedScale ? packed : packed - this.qualifiedScale;
    return (JPM_MAX - Math.floor(rest / this.jpmScale)) / 100;
  }

  /** The whole rank key of a packed key and its employee (for cursors). */
  unpack(packed: number, employeeId: number): RankKey {
    const qualified = packed < this.qualifiedScale ? 1 : 0;
    let rest = qualified ? packed : packed - this.qualifiedScale;
    const jpm = JPM_MAX - Math.floor(rest / this.jpmScale);
    rest -= (JPM_MAX - jpm) * this.jpmScale;
    const unmet = Math.floor(rest / this.unmetScale);
    rest -= unmet * this.unmetScale;
    const missing = Math.floor(rest / this.missingScale);
    rest -= missing * this.missingScale;
    return [qualified, jpm / 100, unmet, missing, (JPM_MAX - rest) / 100, employeeId];
  }
}

/** One ranked employee as a page scan sees it. */
export interface RankedEntry {
  readonly packed: number;
  readonly employeeId: number;
  readonly orgUnitId: number;
  readonly positionId: number | null;
}

/** `(packed, id)` before `(packed2, id2)` in ranking order. */
export function ranksBefore(packed: number, id: number, packed2: number, id2: number): boolean {
  return packed < packed2 || (packed === packed2 && id < id2);
}

/**
 * The best `limit` entries after a cursor (exclusive) in ranking order, from an unordered
 * stream of entries: one pass, keeping a small sorted buffer, no sort of the whole ranking.
 */
export class TopK {
  private readonly entries: RankedEntry[] = [];

  constructor(
    private readonly limit: number,
    private readonly after: { packed: number; employeeId: number } | null,
  ) {}

  /** Whether an entry could enter (cheap: compared with the cursor and the worst kept). */
  wants(packed: number, employeeId: number): boolean {
    const after = this.after;
    if (after && !ranksBefore(after.packed, after.employeeId, packed, employeeId)) return false;
    if (this.entries.length < this.limit) return true;
    if (this.limit === 0) return false;
    const worst = this.entries[this.entries.length - 1];
    return ranksBefore(packed, employeeId, worst.packed, worst.employeeId);
  }

  add(entry: RankedEntry): void {
    let at = this.entries.length;
    while (
      at > 0 &&
      ranksBefore(
        entry.packed,
        entry.employeeId,
        this.entries[at - 1].packed,
        this.entries[at - 1].employeeId,
      )
    )
      at--;
    this.entries.splice(at, 0, entry);
    if (this.entries.length > this.limit) this.entries.pop();
  }

  /** The entries kept, best first. */
  result(): RankedEntry[] {
    return this.entries;
  }
}
