import { describe, expect, it } from 'vitest';
import { resultGroupOf } from '../../src/engine/ranking/result-group';

/** Entries are below this (a day and a level). */
const ENTRIES = 2 ** 21;

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
    ['in employee order, a slot’s entries shuffled', 1, 5_000, 2_000, 'sorted'],
    ['in any order, two passes', 2, 20_000, 3_000, false],
    ['in any order, slots past 2^22: three passes', 3, 20_000, 2 ** 23, false],
    ['one employee with many entries', 4, 300, 1, false],
    ['empty', 5, 0, 10, false],
    ['in employee order but for a few appended: merged', 6, 20_000, 5_000, 'appended'],
    [
      'in employee order but for a few earlier ones in between: merged',
      7,
      20_000,
      5_000,
      'between',
    ],
    ['in employee order but for a large one first: a radix sort', 8, 20_000, 5_000, 'large first'],
  ])('orders %s like a comparison sort', (_name, seed, count, employees, order) => {
    const next = random(seed);
    const pairs: [number, number][] = [];
    for (let i = 0; i < count; i++)
      pairs.push([Math.floor(next() * employees), Math.floor(next() * ENTRIES)]);
    if (order) pairs.sort((a, b) => a[0] - b[0]);
    // Some results out of place, as later writes leave them in a table read in its order.
    const stray = () =>
      [Math.floor(next() * employees), Math.floor(next() * ENTRIES)] as [number, number];
    if (order === 'appended') for (let i = 0; i < 200; i++) pairs.push(stray());
    if (order === 'between')
      for (let i = 0; i < 200; i++) {
        const at = 1 + Math.floor(next() * (pairs.length - 1));
        pairs.splice(at, 0, [Math.floor(next() * pairs[at - 1][0]), 5]);
      }
    if (order === 'large first') pairs.unshift([employees - 1, 0]);
    const ids = new Int32Array(pairs.map(([id]) => id));
    const entries = new Int32Array(pairs.map(([, entry]) => entry));
    // Ids map to slots in the same order (as the index's do), here with gaps.
    const slotOf = (id: number) => id * 2 + 1;
    const group = resultGroupOf(ids, entries, ids.length, slotOf, employees * 2 + 2);
    const expected = reference(pairs, slotOf);
    expect(Array.from(group.slots)).toEqual(expected.slots);
    expect(Array.from(group.entries)).toEqual(expected.entries);
  });

  it('reads only the first `length` values (the rest is spare room)', () => {
    const ids = new Int32Array([3, 1, 99, 0]);
    const entries = new Int32Array([7, 9, 0, 0]);
    const group = resultGroupOf(ids, entries, 2, (id) => id, 100);
    expect(Array.from(group.slots)).toEqual([1, 3]);
    expect(Array.from(group.entries)).toEqual([9, 7]);
    // The streamed entries are left as they were.
    expect(Array.from(entries)).toEqual([7, 9, 0, 0]);
  });
});
