/**
 * Dates as whole day numbers (days since 1970-01-01, proleptic Gregorian), for columns of
 * typed arrays: ISO strings compare in the same order as their day numbers, so a condition on
 * dates is the same condition on numbers. Pure arithmetic (no Date), exact for every year.
 */

/** The day number of an ISO date (YYYY-MM-DD). */
export function dayNumber(iso: string): number {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** The day number of a calendar date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function isoOfDay(dayNumberValue: number): string {
  const z = dayNumberValue + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The last day number `d` in `[low, high]` for which `holds(d)` is true, where `holds` is true
 * up to some day and false after it (low − 1 when it never holds). Turns a date rule that is
 * monotonic in a date into one threshold, computed with the rule's own function.
 */
export function lastDayWhere(low: number, high: number, holds: (day: number) => boolean): number {
  let from = low;
  let to = high + 1;
  while (from < to) {
    const middle = Math.floor((from + to) / 2);
    if (holds(middle)) from = middle + 1;
    else to = middle;
  }
  return from - 1;
}
