import { describe, expect, it } from 'vitest';
import {
  compareRankKeys,
  PackedRanking,
  rankKeyOf,
  RANK_KEY_LENGTH,
  type RankKey,
} from '../../src/modules/fit/ranking';

/** A small deterministic generator, so failures repeat. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The order as the committee reads it, written out longhand. */
function ranksBefore(a: RankKey, b: RankKey): boolean {
  const [aq, aj, au, am, ax, ai] = a;
  const [bq, bj, bu, bm, bx, bi] = b;
  if (aq !== bq) return aq > bq; // qualified first
  if (aj !== bj) return aj > bj; // higher JPM
  if (au !== bu) return au < bu; // fewer unmet conditions
  if (am !== bm) return am < bm; // fewer missing levels
  if (ax !== bx) return ax > bx; // higher uncapped JPM
  return ai < bi; // then the internal id
}

function randomKeys(count: number, seed: number): RankKey[] {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  return Array.from(
    { length: count },
    (_, i) => [pick(2), pick(4) * 25, pick(3), pick(4), pick(5) * 20, i + 1] as RankKey,
  );
}

describe('the ranking order', () => {
  it.each([
    ['qualified before not qualified', [1, 50, 3, 9, 50, 9], [0, 99, 0, 0, 99, 1]],
    ['higher JPM first', [1, 90, 3, 9, 50, 9], [1, 80, 0, 0, 99, 1]],
    ['fewer unmet conditions first', [1, 80, 0, 9, 50, 9], [1, 80, 1, 0, 99, 1]],
    ['fewer missing levels first', [1, 80, 0, 1, 50, 9], [1, 80, 0, 2, 99, 1]],
    ['higher uncapped JPM first', [1, 80, 0, 1, 110, 9], [1, 80, 0, 1, 100, 1]],
    ['the lower internal id first', [1, 80, 0, 1, 100, 1], [1, 80, 0, 1, 100, 2]],
  ] as [string, RankKey, RankKey][])('puts %s', (_, first, second) => {
    expect(compareRankKeys(first, second)).toBeLessThan(0);
    expect(compareRankKeys(second, first)).toBeGreaterThan(0);
    expect(compareRankKeys(first, [...first])).toBe(0);
  });

  it('agrees with the longhand order on 2,000 random pairs', () => {
    const keys = randomKeys(2000, 7);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      expect(compareRankKeys(a, b) < 0, JSON.stringify([a, b])).toBe(ranksBefore(a, b));
    }
  });

  it('reduces a result to its key: missing levels are the sum of negative gaps', () => {
    const key = rankKeyOf(
      {
        qualified: true,
        jobPersonMatch: 87.5,
        unmetConditions: [{} as never, {} as never],
        gaps: [{ gap: -2 } as never, { gap: -1 } as never],
        jobPersonMatchUncapped: 91,
      },
      42,
    );
    expect(key).toEqual([1, 87.5, 2, 3, 91, 42]);
    expect(key).toHaveLength(RANK_KEY_LENGTH);
  });
});

describe('PackedRanking', () => {
  const keys = randomKeys(500, 11);
  const ranking = PackedRanking.sorted(
    3,
    keys.map((key) => ({ key, orgUnitId: key[5] % 7 })),
  );

  it('keeps every entry, in the order, with its unit', () => {
    const sorted = [...keys].sort(compareRankKeys);
    expect(ranking.length).toBe(keys.length);
    sorted.forEach((key, i) => {
      expect(ranking.key(i)).toEqual([...key]);
      expect(ranking.entry(i).orgUnitId).toBe(key[5] % 7);
      expect(ranking.employeeId(i)).toBe(key[5]);
    });
  });

  it('finds the first entry after a cursor as a linear scan would', () => {
    for (const cursor of [...keys.slice(0, 50), [2, 0, 0, 0, 0, 0], [-1, 0, 0, 0, 0, 0]]) {
      let expected = 0;
      while (expected < ranking.length && compareRankKeys(ranking.key(expected), cursor) <= 0)
        expected++;
      expect(ranking.firstAfter(cursor)).toBe(expected);
    }
  });
});
