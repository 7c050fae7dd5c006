import type { CandidateColumns } from './candidate-columns';
import { ENTRY_SLOT, NONE } from './column-packing';
import type { Numbers } from './load-courses-ratings';
import type { StreamedSentences } from './load-discipline';
import { resultGroupOf, type ResultPairs } from './result-group';

/**
 * The last step of `loadCandidateColumns`: employee ids become slots in the streamed parts,
 * which go into the columns. Slots follow ids in order, so every group stays sorted. The
 * employees the columns cannot hold (`exceptional`, and those with two results of one
 * competency on one day) become the columns' exceptions.
 */
export function intoSlots(
  columns: CandidateColumns,
  lastEmployeeId: number,
  parts: {
    /** Per competency id: its results as streamed (each group is let go once placed). */
    results: (ResultPairs | undefined)[];
    courses: Map<number, Numbers>;
    ratings: Map<number, Numbers>;
    /** By employee id: their slots follow in the same order. */
    discipline: StreamedSentences;
  },
  exceptional: ReadonlySet<number>,
): void {
  const { size } = columns;
  const slotOf = slotsById(columns, lastEmployeeId);
  const packedResults = parts.results;
  for (let competencyId = 0; competencyId < packedResults.length; competencyId++) {
    const pairs = packedResults[competencyId];
    if (pairs === undefined) continue;
    columns.results.set(
      competencyId,
      resultGroupOf(pairs.ids, pairs.entries, pairs.length, slotOf, size),
    );
    packedResults[competencyId] = undefined; // its memory goes as the next is made
  }
  toSlots(parts.courses, columns.courses, ENTRY_SLOT, slotOf);
  toSlots(parts.ratings, columns.ratings, ENTRY_SLOT, slotOf);
  const { discipline } = parts;
  columns.discipline = {
    slots: Int32Array.from(discipline.ids, slotOf),
    levels: Uint8Array.from(discipline.levels),
    from: Int32Array.from(discipline.from),
    until: Int32Array.from(discipline.until),
  };
  // The sentences as the scoring reads them, made here rather than by the first ranking.
  columns.sentenced();
  for (const id of exceptional) columns.exceptions.add(slotOf(id));
  markSameDayResults(columns);
}

/** The slot of an employee id, from the columns' ids (an id not among them is an error). */
function slotsById(columns: CandidateColumns, lastEmployeeId: number): (id: number) => number {
  const slotById = new Int32Array(lastEmployeeId + 1).fill(NONE);
  for (let s = 0; s < columns.size; s++) slotById[columns.ids[s]] = s;
  return (id: number) => {
    const found = id < slotById.length ? slotById[id] : NONE;
    if (found === NONE) throw new Error(`employee ${id} is not in the snapshot`);
    return found;
  };
}

/** Each group's numbers (`id · unit + rest`) sorted, with the id made a slot, into `target`. */
function toSlots(
  source: Map<number, Numbers>,
  target: Map<number, Float64Array>,
  unit: number,
  slotOf: (id: number) => number,
): void {
  for (const [key, numbers] of source) {
    const packed = numbers.sorted();
    for (let i = 0; i < packed.length; i++) {
      const id = Math.floor(packed[i] / unit);
      packed[i] += (slotOf(id) - id) * unit;
    }
    target.set(key, packed);
  }
}

/**
 * Two results of one competency on one day (two methods): which is the latest depends on the
 * assessment id, which the packing leaves out; such employees are read whole.
 */
function markSameDayResults(columns: CandidateColumns): void {
  for (const { slots, entries } of columns.results.values()) {
    for (let i = 1; i < slots.length; i++) {
      if (slots[i] === slots[i - 1] && entries[i] >> 3 === entries[i - 1] >> 3)
        columns.exceptions.add(slots[i]);
    }
  }
}
