import { sharedArray } from './shared-arrays';

/**
 * One competency's results as the columns hold them: a slot and an entry per result, ordered
 * by slot and, within a slot, latest first. Gathered as pairs while the results stream, then
 * put in that order once the slots are known.
 */

/** One competency's results: the slot of each, and `(2^18 − 1 − day) · 8 + level`. */
export interface ResultGroup {
  readonly slots: Int32Array;
  readonly entries: Int32Array;
}

/** Growable pairs (employee id, entry) of one competency's results, in the order streamed. */
export class ResultPairs {
  /** The pairs, in the order pushed; those from `length` on are spare room. */
  ids = new Int32Array(1024);
  entries = new Int32Array(1024);
  length = 0;
  push(id: number, entry: number): void {
    if (this.length === this.ids.length) {
      const ids = new Int32Array(this.length * 2);
      const entries = new Int32Array(this.length * 2);
      ids.set(this.ids);
      entries.set(this.entries);
      this.ids = ids;
      this.entries = entries;
    }
    this.ids[this.length] = id;
    this.entries[this.length++] = entry;
  }
}

/**
 * One competency's results (the first `length` pairs of employee id and entry, in any order)
 * as slots and entries ordered by slot, each slot's entries ascending (latest first). The order
 * by slot is a merge when all but a few came in employee order, else a radix sort (stable
 * counting passes over the slot's bits: no comparisons); a slot's few entries are then put in
 * order by insertion.
 */
export function resultGroupOf(
  ids: Int32Array,
  streamed: Int32Array,
  length: number,
  slotOf: (employeeId: number) => number,
  slotCount: number,
): ResultGroup {
  // The group's arrays are on shared memory, for the scan's worker threads.
  let slots: Int32Array = sharedArray(Int32Array, length);
  let entries: Int32Array = sharedArray(Int32Array, length);
  entries.set(streamed.subarray(0, length));
  // A table read in its physical order gives its results in employee order, but for those
  // written since its load (later assessments, appended): those few are set aside here.
  const strays: number[] = [];
  let last = -1;
  for (let i = 0; i < length; i++) {
    const slot = (slots[i] = slotOf(ids[i]));
    if (slot >= last) last = slot;
    else if (strays.length <= length >> 4) strays.push(i);
  }
  if (strays.length > length >> 4) {
    const spareSlots = sharedArray(Int32Array, length);
    const spareEntries = sharedArray(Int32Array, length);
    countingPass(slots, entries, spareSlots, spareEntries, 0);
    countingPass(spareSlots, spareEntries, slots, entries, RADIX_BITS);
    if (slotCount > 2 ** (2 * RADIX_BITS)) {
      countingPass(slots, entries, spareSlots, spareEntries, 2 * RADIX_BITS);
      [slots, entries] = [spareSlots, spareEntries];
    }
  } else if (strays.length > 0) [slots, entries] = mergeStrays(slots, entries, strays);
  for (let i = 1; i < length; i++) {
    const entry = entries[i];
    let j = i - 1;
    while (j >= 0 && slots[j] === slots[i] && entries[j] > entry) {
      entries[j + 1] = entries[j];
      j--;
    }
    entries[j + 1] = entry;
  }
  return { slots, entries };
}

/**
 * The pairs ordered by slot, when all but `strays` (their indices, ascending) already are: the
 * strays are sorted on their own and merged in (the order within a slot is left to the caller).
 */
function mergeStrays(
  slots: Int32Array,
  entries: Int32Array,
  strays: number[],
): [Int32Array, Int32Array] {
  const sorted = strays.slice().sort((a, b) => slots[a] - slots[b]);
  const toSlots = sharedArray(Int32Array, slots.length);
  const toEntries = sharedArray(Int32Array, slots.length);
  let next = 0; // the next index of the ordered rest
  let skip = 0; // the next stray to step over in index order
  let merged = 0; // the next stray in slot order
  for (let out = 0; out < slots.length; out++) {
    while (skip < strays.length && strays[skip] === next) {
      next++;
      skip++;
    }
    const from =
      merged < sorted.length && (next >= slots.length || slots[sorted[merged]] < slots[next])
        ? sorted[merged++]
        : next++;
    toSlots[out] = slots[from];
    toEntries[out] = entries[from];
  }
  return [toSlots, toEntries];
}

/** Bits of a slot each counting pass orders by (three passes cover the 26 bits of a slot). */
const RADIX_BITS = 11;
const RADIX = 2 ** RADIX_BITS;

/**
 * One stable counting pass: the pairs (slot, entry) of `from` into `to`, ordered by the slot's
 * bits `shift` to `shift + RADIX_BITS`, keeping the order of pairs that tie.
 */
function countingPass(
  fromSlots: Int32Array,
  fromEntries: Int32Array,
  toSlots: Int32Array,
  toEntries: Int32Array,
  shift: number,
): void {
  const starts = new Int32Array(RADIX + 1);
  for (let i = 0; i < fromSlots.length; i++) starts[((fromSlots[i] >>> shift) & (RADIX - 1)) + 1]++;
  for (let d = 1; d <= RADIX; d++) starts[d] += starts[d - 1];
  for (let i = 0; i < fromSlots.length; i++) {
    const at = starts[(fromSlots[i] >>> shift) & (RADIX - 1)]++;
    toSlots[at] = fromSlots[i];
    toEntries[at] = fromEntries[i];
  }
}
