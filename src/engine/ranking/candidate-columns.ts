import type { Knex } from '@mikro-orm/knex';
import type { PoolClient } from 'pg';
import { connectionOf } from '../../platform/db/bulk-copy';
import { copyNumbers } from './copy-out';
import { nipDays } from '../../domain/nip';
import { EmploymentType } from '../../domain/employee.enums';
import { EDUCATION_LEVELS, PERFORMANCE_RATINGS, RANKS } from '../../domain/reference.data';
import type { EmployeeFacts } from './candidate-facts';
import { dayNumber, isoOfDay } from '../../domain/days';

/**
 * Every employee's scoring facts as columns of typed arrays: a few bytes per employee and
 * eight per assessed result, loaded from PostgreSQL in one snapshot by streaming COPY. Slot
 * `s` is the s-th employee in id order. Results, courses and ratings are grouped by
 * competency, course and year (results as slots and entries ordered by slot, the others as
 * sorted packed numbers), so a ranking reads only the groups its position requires.
 */

/** Packed dates are days since 1700-01-01, in 18 bits (to 2417). */
const DAY_ORIGIN = dayNumber('1700-01-01');
const DAY_BITS = 2 ** 18;
/** Competency, course ids and years the index groups by are below this. */
const MAX_GROUP = 2 ** 24;
/** Slots are packed in 26 bits (67 million employees). */
const MAX_SLOTS = 2 ** 26;
const NONE = -1;

/** A part's grouping key (competency, course or year) as read, or an error naming the part. */
function groupKey(part: string, key: number): number {
  if (!(key >= 0 && key < MAX_GROUP && Number.isInteger(key)))
    throw new Error(`${part}: ${key} is not a key the index groups by`);
  return key;
}

export const EMPLOYMENT_TYPES: readonly string[] = Object.values(EmploymentType);

/** A date as a packed day (null: outside the packable range, or no date). */
function packDay(day: number): number | null {
  const packed = day - DAY_ORIGIN;
  return Number.isInteger(packed) && packed >= 0 && packed < DAY_BITS ? packed : null;
}

/** Growable numbers, for groups whose size is known only at the end of the stream. */
class Numbers {
  /** The values, in the order pushed; those from `length` on are spare room. */
  values = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  /** The values sorted ascending, in an array of their own size. */
  sorted(): Float64Array {
    return this.values.slice(0, this.length).sort();
  }
}

/** Growable pairs (employee id, entry) of one competency's results, in the order streamed. */
class ResultPairs {
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
  let slots: Int32Array = new Int32Array(length);
  let entries: Int32Array = streamed.slice(0, length);
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
    const spareSlots = new Int32Array(length);
    const spareEntries = new Int32Array(length);
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
  const toSlots = new Int32Array(slots.length);
  const toEntries = new Int32Array(slots.length);
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

/** A result's entry, `(2^18 − 1 − day) · 8 + level`: ascending, the latest first. */
const resultEntry = (day: number, level: number) => (DAY_BITS - 1 - day) * 8 + level;
/** One completed course or rating packed as `slot · 2^18 + day` (or `+ rating`). */
const ENTRY_SLOT = DAY_BITS;

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
   * Slots whose facts the columns cannot hold (a date outside 1700–2417, two results of a
   * competency on one day): their facts are read as objects and kept beside the columns.
   */
  readonly exceptions = new Set<number>();

  constructor(readonly size: number) {
    this.ids = new Int32Array(size);
    this.orgUnit = new Int32Array(size);
    this.position = new Int32Array(size);
    this.employmentType = new Uint8Array(size);
    this.rank = new Int8Array(size);
    this.pppkGrade = new Int16Array(size);
    this.education = new Uint8Array(size);
    this.birth = new Int32Array(size);
    this.appointed = new Int32Array(size);
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
    return total;
  }

  /**
   * The smallest entry dated on or before a day: entries hold `(2^18 − 1 − day) · 8 + level`,
   * so a later date is a smaller entry.
   */
  static entryLimit(asOfDay: number): number {
    const packed = packDay(asOfDay) ?? (asOfDay < DAY_ORIGIN ? NONE : DAY_BITS - 1);
    return packed === NONE ? Number.MAX_SAFE_INTEGER : (DAY_BITS - 1 - packed) * 8;
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
    };
  }

  /** A packed day back to a day number (-1 stays -1: unknown). */
  static dayOf(packed: number): number {
    return packed === NONE ? NONE : packed + DAY_ORIGIN;
  }
}

/** One competency's results: the slot of each, and `(2^18 − 1 − day) · 8 + level`. */
export interface ResultGroup {
  readonly slots: Int32Array;
  readonly entries: Int32Array;
}

/** The first index whose value is ≥ `value` in a sorted array. */
function firstAtLeast(sorted: Float64Array | Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const days = (column: string) => `(${column} - date '1970-01-01')`;

/**
 * Loads the columns in one read-only snapshot, streaming; returns them with the transaction
 * horizon they are exact at. The parts stream in parallel on three connections that share the
 * snapshot (`pg_export_snapshot`), so PostgreSQL produces rows while they are parsed here.
 * Results are joined to their assessment here, not in SQL: plain scans stream far faster than
 * a join of millions of rows. `onProgress` hears each part as it ends.
 */
export async function loadCandidateColumns(
  knex: Knex,
  onProgress: (part: string, rows: number) => void = () => undefined,
): Promise<{ columns: CandidateColumns; horizon: string; lsn: string }> {
  const options = { isolationLevel: 'repeatable read', readOnly: true } as const;
  return knex.transaction(async (trx) => {
    const connection = await connectionOf(trx);
    // A national load streams for longer than a request may run: no statement limit here.
    await trx.raw('set local statement_timeout = 0');
    const { rows } = await trx.raw<{
      rows: {
        horizon: string;
        lsn: string;
        count: string;
        snapshot: string;
        employees: number | null;
        assessments: number | null;
      }[];
    }>(
      `select pg_snapshot_xmin(pg_current_snapshot())::text as horizon,
              pg_current_wal_insert_lsn()::text as lsn,
              (select count(*) from employee)::text as count, pg_export_snapshot() as snapshot,
              (select max(id) from employee) as employees, (select max(id) from assessment) as assessments`,
    );
    const [{ horizon, lsn, snapshot }] = rows;
    const size = Number(rows[0].count);
    if (size >= MAX_SLOTS || (rows[0].employees ?? 0) >= MAX_SLOTS)
      throw new Error(`The ranking index holds employees with ids below ${MAX_SLOTS}.`);
    const columns = new CandidateColumns(size);
    /** Work in its own transaction on its own connection, in the same snapshot. */
    const beside = <T>(work: (c: PoolClient) => Promise<T>) =>
      knex.transaction(async (side) => {
        await side.raw(`set transaction snapshot '${snapshot}'`);
        await side.raw('set local statement_timeout = 0');
        return work(await connectionOf(side));
      }, options);
    /** Employees the columns cannot hold, by id (made slots at the end). */
    const exceptional = new Set<number>();
    const codes = (list: readonly string[]) =>
      `array[${list.map((c) => `'${c.replace(/'/g, "''")}'`).join(',')}]::text[]`;

    const employees = (async () => {
      let slot = 0;
      await copyNumbers(
        connection,
        `select id, org_unit_id, coalesce(position_id, -1),
                array_position(${codes(EMPLOYMENT_TYPES)}, employment_type::text) - 1,
                coalesce(array_position(${codes(RANKS.map((r) => r.code))}, rank_code::text) - 1, -1),
                coalesce(pppk_grade, -1),
                array_position(${codes(EDUCATION_LEVELS.map((e) => e.code))}, education_code::text) - 1,
                ${days('birth_date')}, ${days('appointed_on')},
                left(nip, 14)::int8, right(nip, 4)::int
           from employee order by id`,
        11,
        (row) => {
          if (slot >= size) throw new Error('employees changed during the snapshot');
          columns.ids[slot] = row[0];
          columns.orgUnit[slot] = row[1];
          columns.position[slot] = row[2];
          columns.employmentType[slot] = row[3];
          columns.rank[slot] = row[4];
          columns.pppkGrade[slot] = row[5];
          columns.education[slot] = row[6];
          // Recorded dates first, else the NIP's (the same rules as birthDateOf/appointmentDateOf).
          // A NIP is 18 digits (a check constraint): its first 14 (yyyymmdd of birth, yyyymm of
          // appointment) and its last 4 (sex, sequence) come as two numbers.
          const fromNip = Number.isNaN(row[9])
            ? null
            : nipDays({
                birth: Math.floor(row[9] / 1e6),
                appointed: row[9] % 1e6,
                sex: Math.floor(row[10] / 1000),
                sequence: row[10] % 1000,
              });
          const nip = fromNip?.ok ? fromNip : null;
          const birth = Number.isNaN(row[7]) ? (nip?.birthDay ?? null) : row[7];
          const appointed = Number.isNaN(row[8]) ? (nip?.appointedDay ?? null) : row[8];
          const pack = (day: number | null) => {
            if (day === null) return NONE;
            const packed = packDay(day);
            if (packed === null) exceptional.add(row[0]);
            return packed ?? NONE;
          };
          columns.birth[slot] = pack(birth);
          columns.appointed[slot] = pack(appointed);
          slot++;
        },
      );
      onProgress('employees', size);
    })();

    /**
     * Rows of a part grouped by their second column (a competency, course or year: a small
     * whole number), each row packed by `add` with the employee id where the slot will go, and
     * handed to `put` (none for a row it leaves out). No object per row.
     */
    const grouped = async (
      c: PoolClient,
      part: string,
      query: string,
      add: (row: Float64Array, put: (value: number) => void) => void,
    ) => {
      const groups: Numbers[] = [];
      let group = 0;
      const put = (value: number) => {
        let numbers = groups[group];
        if (numbers === undefined) groups[group] = numbers = new Numbers();
        numbers.push(value);
      };
      const count = await copyNumbers(c, query, 3, (row) => {
        group = groupKey(part, row[1]);
        add(row, put);
      });
      onProgress(part, count);
      const byKey = new Map<number, Numbers>();
      groups.forEach((numbers, key) => byKey.set(key, numbers));
      return byKey;
    };

    const results = beside(async (c) => {
      const assessmentEmployee = new Int32Array((rows[0].assessments ?? 0) + 1).fill(NONE);
      const assessmentDay = new Int32Array(assessmentEmployee.length);
      await copyNumbers(
        c,
        `select id, employee_id, ${days('assessed_on')} from assessment`,
        3,
        (row) => {
          const day = packDay(row[2]);
          if (day === null) exceptional.add(row[1]);
          assessmentEmployee[row[0]] = row[1];
          assessmentDay[row[0]] = day ?? NONE;
        },
      );
      // The largest part (15 rows per employee): pairs of 32-bit numbers per competency.
      const groups: (ResultPairs | undefined)[] = [];
      const count = await copyNumbers(
        c,
        'select assessment_id, competency_id, level from assessment_result',
        3,
        (row) => {
          const competency = groupKey('assessment results', row[1]);
          const employee = assessmentEmployee[row[0]];
          if (employee === undefined || employee === NONE)
            throw new Error(`assessment ${row[0]} is not in the snapshot`);
          const day = assessmentDay[row[0]];
          const level = row[2];
          if (day === NONE || !(level >= 1 && level <= 7)) exceptional.add(employee);
          else (groups[competency] ??= new ResultPairs()).push(employee, resultEntry(day, level));
        },
      );
      onProgress('assessment results', count);
      return groups;
    });
    const others = beside(async (c) => {
      const courses = await grouped(
        c,
        'completed courses',
        `select employee_id, course_id, ${days('completed_on')} from training_record`,
        (row, put) => {
          const day = packDay(row[2]);
          if (day === null) exceptional.add(row[0]);
          else put(row[0] * ENTRY_SLOT + day);
        },
      );
      const ratings = await grouped(
        c,
        'performance ratings',
        `select employee_id, year, array_position(${codes(PERFORMANCE_RATINGS)}, rating::text) - 1
           from performance_record`,
        (row, put) => put(row[0] * ENTRY_SLOT + row[2]),
      );
      return { courses, ratings };
    });
    const [, packedResults, { courses, ratings }] = await Promise.all([employees, results, others]);

    // Employee ids become slots. Slots follow ids in order, so every group stays sorted.
    const slotById = new Int32Array((rows[0].employees ?? 0) + 1).fill(NONE);
    for (let s = 0; s < size; s++) slotById[columns.ids[s]] = s;
    const slotOf = (id: number) => {
      const found = id < slotById.length ? slotById[id] : NONE;
      if (found === NONE) throw new Error(`employee ${id} is not in the snapshot`);
      return found;
    };
    const toSlots = (
      source: Map<number, Numbers>,
      target: Map<number, Float64Array>,
      unit: number,
    ) => {
      for (const [key, numbers] of source) {
        const packed = numbers.sorted();
        for (let i = 0; i < packed.length; i++) {
          const id = Math.floor(packed[i] / unit);
          packed[i] += (slotOf(id) - id) * unit;
        }
        target.set(key, packed);
      }
    };
    for (let competencyId = 0; competencyId < packedResults.length; competencyId++) {
      const pairs = packedResults[competencyId];
      if (pairs === undefined) continue;
      columns.results.set(
        competencyId,
        resultGroupOf(pairs.ids, pairs.entries, pairs.length, slotOf, size),
      );
      packedResults[competencyId] = undefined; // its memory goes as the next is made
    }
    toSlots(courses, columns.courses, ENTRY_SLOT);
    toSlots(ratings, columns.ratings, ENTRY_SLOT);
    for (const id of exceptional) columns.exceptions.add(slotOf(id));
    // Two results of one competency on one day (two methods): which is the latest depends
    // on the assessment id, which the packing leaves out; such employees are read whole.
    for (const { slots, entries } of columns.results.values()) {
      for (let i = 1; i < slots.length; i++) {
        if (slots[i] === slots[i - 1] && entries[i] >> 3 === entries[i - 1] >> 3)
          columns.exceptions.add(slots[i]);
      }
    }
    return { columns, horizon, lsn };
  }, options);
}
