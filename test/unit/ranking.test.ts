import { describe, expect, it } from 'vitest';
import {
  compareRankKeys,
  rankKeyOf,
  RANK_KEY_LENGTH,
  RankPacking,
  ranksBefore,
  TopK,
  type RankKey,
} from '../../src/domain/ranking';

/** A small deterministic generator, so failures repeat. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The order as the committee reads it, written out longhand. */
function longhandBefore(a: RankKey, b: RankKey): boolean {
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
      expect(compareRankKeys(a, b) < 0, JSON.stringify([a, b])).toBe(longhandBefore(a, b));
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

describe('RankPacking', () => {
  const keys = randomKeys(2000, 11);
  const packing = new RankPacking(7, 20);

  it('orders packed keys with their ids exactly as the rank keys', () => {
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      expect(
        ranksBefore(packing.pack(a), a[5], packing.pack(b), b[5]),
        JSON.stringify([a, b]),
      ).toBe(compareRankKeys(a, b) < 0);
    }
  });

  it.each([
    [[1, 100, 0, 0, 500, 3]],
    [[0, 0, 7, 20, 0, 1]],
    [[1, 87.53, 2, 11, 91.07, 42]],
    [[0, 1310.71, 0, 0, 1310.71, 9]],
  ] as [RankKey][])('gives back every part of %j', (key) => {
    const packed = packing.pack(key);
    expect(packing.unpack(packed, key[5])).toEqual([...key]);
    expect(packing.qualified(packed)).toBe(key[0] === 1);
    expect(packing.jobPersonMatch(packed)).toBe(key[1]);
  });

  it.each([
    ['a JPM above 1310.71', [1, 1310.72, 0, 0, 0, 1]],
    ['more unmet conditions than the profile has', [1, 50, 8, 0, 50, 1]],
    ['more missing levels than required', [1, 50, 0, 21, 50, 1]],
    ['a negative part', [1, -1, 0, 0, 50, 1]],
  ] as [string, RankKey][])('refuses %s (NaN)', (_, key) => {
    expect(packing.pack(key)).toBeNaN();
  });

  it('refuses a profile too large for 53 bits', () => {
    expect(() => new RankPacking(2 ** 10, 2 ** 10)).toThrow(/too large/);
  });
});

describe('TopK', () => {
  const keys = randomKeys(500, 13);
  const packing = new RankPacking(7, 20);
  const entries = keys.map((key) => ({
    packed: packing.pack(key),
    employeeId: key[5],
    orgUnitId: 1,
    positionId: null,
  }));
  const sorted = [...entries].sort((a, b) => a.packed - b.packed || a.employeeId - b.employeeId);

  it.each([0, 1, 10, 51, 499, 600])(
    'keeps the best %i of an unordered stream, in order',
    (limit) => {
      const top = new TopK(limit, null);
      for (const e of entries) if (top.wants(e.packed, e.employeeId)) top.add(e);
      expect(top.result()).toEqual(sorted.slice(0, limit));
    },
  );

  it('starts right after a cursor, as paging through the sorted list would', () => {
    for (const at of [0, 1, 49, 250, 498, 499]) {
      const cursor = sorted[at];
      const top = new TopK(50, cursor);
      for (const e of entries) if (top.wants(e.packed, e.employeeId)) top.add(e);
      expect(top.result()).toEqual(sorted.slice(at + 1, at + 51));
    }
  });
});
