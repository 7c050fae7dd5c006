import { dayNumber } from '../../domain/days';
import { EmploymentType } from '../../domain/employee.enums';

/**
 * How the columns pack facts into numbers: dates as days in 18 bits, results as one entry
 * (a reversed day and a level), completions and ratings as a slot and a day (or a rating), and
 * the SQL that hands them over as whole numbers. Shared by the columns and the steps that load
 * them.
 */

/** Packed dates are days since 1700-01-01, in 18 bits (to 2417). */
export const DAY_ORIGIN = dayNumber('1700-01-01');
export const DAY_BITS = 2 ** 18;
/** Competency, course ids and years the index groups by are below this. */
export const MAX_GROUP = 2 ** 24;
/** Slots are packed in 26 bits (67 million employees). */
export const MAX_SLOTS = 2 ** 26;
export const NONE = -1;

/** A part's grouping key (competency, course or year) as read, or an error naming the part. */
export function groupKey(part: string, key: number): number {
  if (!(key >= 0 && key < MAX_GROUP && Number.isInteger(key)))
    throw new Error(`${part}: ${key} is not a key the index groups by`);
  return key;
}

export const EMPLOYMENT_TYPES: readonly string[] = Object.values(EmploymentType);

/** A date as a packed day (null: outside the packable range, or no date). */
export function packDay(day: number): number | null {
  const packed = day - DAY_ORIGIN;
  return Number.isInteger(packed) && packed >= 0 && packed < DAY_BITS ? packed : null;
}

/** A result's entry, `(2^18 − 1 − day) · 8 + level`: ascending, the latest first. */
export const resultEntry = (day: number, level: number) => (DAY_BITS - 1 - day) * 8 + level;
/**
 * The smallest entry dated on or before a day: entries hold `(2^18 − 1 − day) · 8 + level`,
 * so a later date is a smaller entry.
 */
export function entryLimit(asOfDay: number): number {
  const packed = packDay(asOfDay) ?? (asOfDay < DAY_ORIGIN ? NONE : DAY_BITS - 1);
  return packed === NONE ? Number.MAX_SAFE_INTEGER : (DAY_BITS - 1 - packed) * 8;
}

/** One completed course or rating packed as `slot · 2^18 + day` (or `+ rating`). */
export const ENTRY_SLOT = DAY_BITS;

/** A date column as a day number (days since 1970-01-01), in SQL. */
export const days = (column: string) => `(${column} - date '1970-01-01')`;

/** A list of codes as an SQL array, for `array_position` (a code's index, from 1). */
export const codes = (list: readonly string[]) =>
  `array[${list.map((c) => `'${c.replace(/'/g, "''")}'`).join(',')}]::text[]`;

/** The first index whose value is ≥ `value` in a sorted array. */
export function firstAtLeast(sorted: Float64Array | Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
