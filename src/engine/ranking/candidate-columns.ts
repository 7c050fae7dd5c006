import { isoOfDay } from '../../domain/days';
import { EDUCATION_LEVELS, PERFORMANCE_RATINGS, RANKS } from '../../domain/reference.data';
import { DISCIPLINE_LEVELS, type DisciplineSentence } from '../../domain/discipline';
import { NO_END } from './load-discipline';
import type { EmployeeFacts } from './candidate-facts';
import {
  DAY_BITS,
  DAY_ORIGIN,
  EMPLOYMENT_TYPES,
  ENTRY_SLOT,
  entryLimit,
  firstAtLeast,
  NONE,
} from './column-packing';
import type { ResultGroup } from './result-group';
import { sharedArray } from './shared-arrays';

/**
 * Every employee's scoring facts as columns of typed arrays: a few bytes per employee and
 * eight per assessed result, loaded from PostgreSQL in one snapshot by streaming COPY
 * (`loadCandidateColumns`, in load-columns.ts). Slot `s` is the s-th employee in id order.
 * Results, courses and ratings are grouped by competency, course and year (results as slots and
 * entries ordered by slot, the others as sorted packed numbers), so a ranking reads only the
 * groups its position requires. Every array a scan reads is on shared memory, so the scan's
 * worker threads read it without a copy.
 */

export class CandidateColumns {
  /** Employee id per slot, ascending. */
  readonly ids: Int32Array;
  readonly orgUnit: Int32Array;
  /** Position held (-1: none). */
  readonly position: Int32Array;
  readonly employmentType: Uint8Array;
  /** Index into RANKS (-1: no PNS rank). */
  readonly rank: Int8Array;
  readonly pppkGrade: Int16Array;
  /** Index into EDUCATION_LEVELS. */
  readonly education: Uint8Array;
  /** Packed days (-1: unknown). */
  readonly birth: Int32Array;
  readonly appointed: Int32Array;
  /** Per competency id: its results, by slot and latest first. */
  readonly results = new Map<number, ResultGroup>();
  /** Per course id: packed completions, sorted. */
  readonly courses = new Map<number, Float64Array>();
  /** Per year: packed ratings (index into PERFORMANCE_RATINGS), sorted. */
  readonly ratings = new Map<number, Float64Array>();
  /**
   * Disciplinary sentences, few, ordered by slot: the slot, the level (index into
   * DISCIPLINE_LEVELS), the first and the last day in force (day numbers; `NO_END`: without end).
   */
  discipline = {
    slots: new Int32Array(0),
    levels: new Uint8Array(0),
    from: new Int32Array(0),
    until: new Int32Array(0),
  };
  /** `sentenced()`, and the sentences it was made of. */
  private sentencedCache: {
    of: CandidateColumns['discipline'];
    list: { slot: number; sentences: readonly DisciplineSentence[] }[];
  } | null = null;
  /**
   * Slots whose facts the columns cannot hold (a date outside 1700–2417, two results of a
   * competency on one day): their facts are read as objects and kept beside the columns.
   */
  readonly exceptions = new Set<number>();

  constructor(readonly size: number) {
    // On shared memory: the scan's worker threads read them where they are (scan-workers.ts).
    this.ids = sharedArray(Int32Array, size);
    this.orgUnit = sharedArray(Int32Array, size);
    this.position = sharedArray(Int32Array, size);
    this.employmentType = sharedArray(Uint8Array, size);
    this.rank = sharedArray(Int8Array, size);
    this.pppkGrade = sharedArray(Int16Array, size);
    this.education = sharedArray(Uint8Array, size);
    this.birth = sharedArray(Int32Array, size);
    this.appointed = sharedArray(Int32Array, size);
  }

  /** The slot of an employee id (-1: not in the columns). */
  slotOf(id: number): number {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = this.ids[middle];
      if (found === id) return middle;
      if (found < id) low = middle + 1;
      else high = middle - 1;
    }
    return NONE;
  }

  /** Bytes held by the columns. */
  get bytes(): number {
    let total = this.size * 25; // the per-employee columns: 4 × 5 + 2 + 1 × 3 bytes
    for (const group of [this.courses, this.ratings])
      for (const values of group.values()) total += values.byteLength;
    for (const group of this.results.values())
      total += group.slots.byteLength + group.entries.byteLength;
    total += this.discipline.slots.length * 13;
    return total;
  }

  /**
   * The smallest entry dated on or before a day: entries hold `(2^18 − 1 − day) · 8 + level`,
   * so a later date is a smaller entry.
   */
  static entryLimit(asOfDay: number): number {
    return entryLimit(asOfDay);
  }

  /** The day number of an entry. */
  static entryDay(entry: number): number {
    return DAY_BITS - 1 - (entry >> 3) + DAY_ORIGIN;
  }

  /** Marks (with 1) the slots that completed the course on or before `asOfDay`. */
  markCompleted(courseId: number, asOfDay: number, marks: Uint8Array): void {
    const packed = this.courses.get(courseId);
    if (!packed) return;
    for (let i = 0; i < packed.length; i++) {
      const slot = Math.floor(packed[i] / ENTRY_SLOT);
      if (packed[i] - slot * ENTRY_SLOT + DAY_ORIGIN <= asOfDay) marks[slot] = 1;
    }
  }

  /** `visit(slot, ratingIndex)` for every rating of the year. */
  eachRating(year: number, visit: (slot: number, rating: number) => void): void {
    const packed = this.ratings.get(year);
    if (!packed) return;
    for (let i = 0; i < packed.length; i++) {
      const slot = Math.floor(packed[i] / ENTRY_SLOT);
      visit(slot, packed[i] - slot * ENTRY_SLOT);
    }
  }

  /**
   * The current level of each competency of one slot as of a day (the latest on or before it);
   * of `only` these competencies when given (an analysis needs those a position requires).
   */
  levelsAt(
    slot: number,
    asOfDay: number,
    only?: readonly number[],
  ): Map<number, { level: number; assessedOn: string }> {
    const levels = new Map<number, { level: number; assessedOn: string }>();
    const limit = CandidateColumns.entryLimit(asOfDay);
    const groups = only
      ? only.flatMap((id) => {
          const group = this.results.get(id);
          return group ? [[id, group] as const] : [];
        })
      : this.results;
    for (const [competencyId, { slots, entries }] of groups) {
      for (let i = firstAtLeast(slots, slot); i < slots.length && slots[i] === slot; i++) {
        if (entries[i] < limit) continue;
        levels.set(competencyId, {
          level: entries[i] & 7,
          assessedOn: isoOfDay(CandidateColumns.entryDay(entries[i])),
        });
        break;
      }
    }
    return levels;
  }

  /** How many results of a competency the columns hold (what a pass over them reads). */
  resultCount(competencyId: number): number {
    return this.results.get(competencyId)?.slots.length ?? 0;
  }

  /**
   * `visit(slot, level, day)` with each slot's current result of a competency: its latest on or
   * before `asOfDay`. One pass over the competency's results (a skill search), or over those
   * from `from` to `to` after a part that returned `previous`; returns what the next part takes.
   */
  eachCurrent(
    competencyId: number,
    asOfDay: number,
    visit: (slot: number, level: number, day: number) => void,
    from = 0,
    to = Infinity,
    previous = -1,
  ): number {
    const group = this.results.get(competencyId);
    if (!group) return previous;
    const { slots, entries } = group;
    const limit = CandidateColumns.entryLimit(asOfDay);
    const end = Math.min(to, slots.length);
    let done = previous;
    // A slot's entries come latest first; those after the date are passed over.
    for (let i = from; i < end; i++) {
      if (slots[i] === done || entries[i] < limit) continue;
      done = slots[i];
      visit(done, entries[i] & 7, CandidateColumns.entryDay(entries[i]));
    }
    return done;
  }

  /**
   * `visit(slot, sentences)` for every slot with disciplinary sentences, each slot once, its
   * sentences in the order loaded (first day, then last).
   */
  eachSentenced(visit: (slot: number, sentences: readonly DisciplineSentence[]) => void): void {
    for (const { slot, sentences } of this.sentenced()) visit(slot, sentences);
  }

  /**
   * The sentences by slot, as the scoring reads them (ISO dates): made once, on the first call
   * (the load makes the call), not by every ranking.
   */
  sentenced(): readonly { slot: number; sentences: readonly DisciplineSentence[] }[] {
    if (this.sentencedCache?.of === this.discipline) return this.sentencedCache.list;
    const { slots } = this.discipline;
    const list: { slot: number; sentences: DisciplineSentence[] }[] = [];
    for (let i = 0; i < slots.length;) {
      const slot = slots[i];
      const sentences: DisciplineSentence[] = [];
      for (; i < slots.length && slots[i] === slot; i++) sentences.push(this.sentence(i));
      list.push({ slot, sentences });
    }
    this.sentencedCache = { of: this.discipline, list };
    return list;
  }

  /** The disciplinary sentences of one slot. */
  sentencesAt(slot: number): DisciplineSentence[] {
    const { slots } = this.discipline;
    const sentences: DisciplineSentence[] = [];
    for (let i = firstAtLeast(slots, slot); i < slots.length && slots[i] === slot; i++)
      sentences.push(this.sentence(i));
    return sentences;
  }

  private sentence(i: number): DisciplineSentence {
    const { levels, from, until } = this.discipline;
    return {
      level: DISCIPLINE_LEVELS[levels[i]],
      from: isoOfDay(from[i]),
      until: until[i] === NO_END ? null : isoOfDay(until[i]),
    };
  }

  /** The facts of one slot as objects (for the fits shown on a page). */
  factsAt(slot: number): EmployeeFacts {
    const history = new Map<number, { level: number; assessedOn: string }[]>();
    for (const [competencyId, { slots, entries }] of this.results) {
      const list: { level: number; assessedOn: string }[] = [];
      for (let i = firstAtLeast(slots, slot); i < slots.length && slots[i] === slot; i++) {
        list.push({
          level: entries[i] & 7,
          assessedOn: isoOfDay(CandidateColumns.entryDay(entries[i])),
        });
      }
      if (list.length > 0) history.set(competencyId, list);
    }
    const trainings: { courseId: number; completedOn: string }[] = [];
    for (const [courseId, packed] of this.courses) {
      for (let i = firstAtLeast(packed, slot * ENTRY_SLOT); i < packed.length; i++) {
        if (Math.floor(packed[i] / ENTRY_SLOT) !== slot) break;
        trainings.push({
          courseId,
          completedOn: isoOfDay(packed[i] - slot * ENTRY_SLOT + DAY_ORIGIN),
        });
      }
    }
    const performance: { year: number; rating: string }[] = [];
    for (const [year, packed] of [...this.ratings].sort((a, b) => b[0] - a[0])) {
      const i = firstAtLeast(packed, slot * ENTRY_SLOT);
      if (i < packed.length && Math.floor(packed[i] / ENTRY_SLOT) === slot)
        performance.push({ year, rating: PERFORMANCE_RATINGS[packed[i] - slot * ENTRY_SLOT] });
    }
    const rank = this.rank[slot] === NONE ? null : RANKS[this.rank[slot]];
    const education = EDUCATION_LEVELS[this.education[slot]];
    const day = (packed: number) => (packed === NONE ? null : isoOfDay(packed + DAY_ORIGIN));
    return {
      id: this.ids[slot],
      orgUnitId: this.orgUnit[slot],
      positionId: this.position[slot] === NONE ? null : this.position[slot],
      employmentType: EMPLOYMENT_TYPES[this.employmentType[slot]],
      rank: rank && { code: rank.code, ordinal: rank.ordinal },
      pppkGrade: this.pppkGrade[slot] === NONE ? null : this.pppkGrade[slot],
      education: { code: education.code, ordinal: education.ordinal },
      birthDate: day(this.birth[slot]),
      appointedOn: day(this.appointed[slot]),
      history,
      trainings,
      performance,
      discipline: this.sentencesAt(slot),
    };
  }

  /** A packed day back to a day number (-1 stays -1: unknown). */
  static dayOf(packed: number): number {
    return packed === NONE ? NONE : packed + DAY_ORIGIN;
  }
}
