import { describe, expect, it } from 'vitest';
import { resultGroupOf } from '../../src/modules/fit/candidate-columns';

/** Results packed as the index packs them: employee id · 2^21 + entry. */
const SLOT = 2 ** 21;

/** The same group by a plain comparison sort: by slot, then entry. */
function reference(pairs: [number, number][], slotOf: (id: number) => number) {
  const sorted = pairs
    .map(([id, entry]) => [slotOf(id), entry] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { slots: sorted.map((p) => p[0]), entries: sorted.map((p) => p[1]) };
}

function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('resultGroupOf', () => {
  it.each([
    ['in employee order, a slot’s entries shuffled', 1, 5_000, 2_000, true],
    ['in any order, two passes', 2, 20_000, 3_000, false],
    ['in any order, slots past 2^22: three passes', 3, 20_000, 2 ** 23, false],
    ['one employee with many entries', 4, 300, 1, false],
    ['empty', 5, 0, 10, false],
  ])('orders %s like a comparison sort', (_name, seed, count, employees, inOrder) => {
    const next = random(seed);
    const pairs: [number, number][] = [];
    for (let i = 0; i < count; i++)
      pairs.push([Math.floor(next() * employees), Math.floor(next() * SLOT)]);
    if (inOrder) pairs.sort((a, b) => a[0] - b[0]);
    const values = new Float64Array(pairs.map(([id, entry]) => id * SLOT + entry));
    // Ids map to slots in the same order (as the index's do), here with gaps.
    const slotOf = (id: number) => id * 2 + 1;
    const group = resultGroupOf(values, values.length, slotOf, employees * 2 + 2);
    const expected = reference(pairs, slotOf);
    expect(Array.from(group.slots)).toEqual(expected.slots);
    expect(Array.from(group.entries)).toEqual(expected.entries);
  });

  it('reads only the first `length` values (the rest is spare room)', () => {
    const values = new Float64Array([3 * SLOT + 7, 1 * SLOT + 9, 99 * SLOT, 0]);
    const group = resultGroupOf(values, 2, (id) => id, 100);
    expect(Array.from(group.slots)).toEqual([1, 3]);
    expect(Array.from(group.entries)).toEqual([9, 7]);
  });
});
