import type { PoolClient } from 'pg';
import { PERFORMANCE_RATINGS } from '../../domain/reference.data';
import { codes, days, ENTRY_SLOT, groupKey, packDay } from './column-packing';
import { copyNumbers } from './copy-out';
import { sharedArray } from './shared-arrays';

/** Growable numbers, for groups whose size is known only at the end of the stream. */
export class Numbers {
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
  /** The values sorted ascending, in an array of their own size (on shared memory). */
  sorted(): Float64Array {
    const sorted = sharedArray(Float64Array, this.length);
    sorted.set(this.values.subarray(0, this.length));
    return sorted.sort();
  }
}

/**
 * A step of `loadCandidateColumns`: completed courses by course id and performance ratings by
 * year, each packed with the employee id where the slot will go (`id · 2^18 + day`, or
 * `+ rating`). An employee with a completion the columns cannot date is added to `exceptional`.
 */
export async function streamCoursesAndRatings(
  c: PoolClient,
  exceptional: Set<number>,
  onProgress: (part: string, rows: number) => void,
): Promise<{ courses: Map<number, Numbers>; ratings: Map<number, Numbers> }> {
  const courses = await streamGroups(
    c,
    'completed courses',
    `select employee_id, course_id, ${days('completed_on')} from training_record`,
    (row, put) => {
      const day = packDay(row[2]);
      if (day === null) exceptional.add(row[0]);
      else put(row[0] * ENTRY_SLOT + day);
    },
    onProgress,
  );
  const ratings = await streamGroups(
    c,
    'performance ratings',
    `select employee_id, year, array_position(${codes(PERFORMANCE_RATINGS)}, rating::text) - 1
       from performance_record`,
    (row, put) => put(row[0] * ENTRY_SLOT + row[2]),
    onProgress,
  );
  return { courses, ratings };
}

/**
 * Rows of a part grouped by their second column (a competency, course or year: a small
 * whole number), each row packed by `add` with the employee id where the slot will go, and
 * handed to `put` (none for a row it leaves out). No object per row.
 */
async function streamGroups(
  c: PoolClient,
  part: string,
  query: string,
  add: (row: Float64Array, put: (value: number) => void) => void,
  onProgress: (part: string, rows: number) => void,
): Promise<Map<number, Numbers>> {
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
}
