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

/** One ranked employee: the rank key and the org unit (for filters by unit). */
export interface RankedEntry {
  readonly key: RankKey;
  readonly orgUnitId: number;
}

/**
 * Every employee ranked for one position profile and policy, as of an index generation,
 * best first, packed into typed arrays (56 bytes an employee: the key's parts and the unit).
 */
export class PackedRanking {
  private constructor(
    readonly generation: number,
    private readonly keys: Float64Array,
    private readonly orgUnitIds: Int32Array,
  ) {}

  static sorted(generation: number, entries: RankedEntry[]): PackedRanking {
    entries.sort((a, b) => compareRankKeys(a.key, b.key));
    const keys = new Float64Array(entries.length * RANK_KEY_LENGTH);
    const orgUnitIds = new Int32Array(entries.length);
    entries.forEach((entry, i) => {
      keys.set(entry.key, i * RANK_KEY_LENGTH);
      orgUnitIds[i] = entry.orgUnitId;
    });
    return new PackedRanking(generation, keys, orgUnitIds);
  }

  get length(): number {
    return this.orgUnitIds.length;
  }

  key(i: number): RankKey {
    const start = i * RANK_KEY_LENGTH;
    return Array.from(this.keys.subarray(start, start + RANK_KEY_LENGTH)) as unknown as RankKey;
  }

  entry(i: number): RankedEntry {
    return { key: this.key(i), orgUnitId: this.orgUnitIds[i] };
  }

  /** `test` on entry `i` without making it (a scan of 100,000 allocates nothing). */
  matches(
    i: number,
    test: (
      qualified: number,
      jobPersonMatch: number,
      orgUnitId: number,
      employeeId: number,
    ) => boolean,
  ): boolean {
    const start = i * RANK_KEY_LENGTH;
    return test(this.keys[start], this.keys[start + 1], this.orgUnitIds[i], this.keys[start + 5]);
  }

  employeeId(i: number): number {
    return this.keys[i * RANK_KEY_LENGTH + 5];
  }

  /** The first position whose entry ranks after `cursor` (a binary search: the list is sorted). */
  firstAfter(cursor: readonly unknown[]): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareRankKeys(this.keys.subarray(middle * RANK_KEY_LENGTH), cursor) > 0) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
