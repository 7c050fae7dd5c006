import { parseNip } from './nip';

/** The fields the date rules read. */
export interface DatedEmployee {
  readonly nip?: string | null;
  readonly birthDate?: string | null;
  readonly appointedOn?: string | null;
}

/** Birth date: the explicit one if recorded, else the NIP's digits 1–8. */
export function birthDateOf(employee: DatedEmployee): string | null {
  if (employee.birthDate) return employee.birthDate;
  const parsed = employee.nip ? parseNip(employee.nip) : undefined;
  return parsed?.ok ? parsed.parts.birthDate : null;
}

/** First appointment (TMT CPNS): the explicit one if recorded, else the NIP's month. */
export function appointmentDateOf(employee: DatedEmployee): string | null {
  if (employee.appointedOn) return employee.appointedOn;
  const parsed = employee.nip ? parseNip(employee.nip) : undefined;
  return parsed?.ok ? parsed.parts.appointedMonth : null;
}

/** Whole years from `from` to `to` (ISO dates), as for an age: birthdays not yet reached don't count. */
export function wholeYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const years = ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
  return Math.max(0, years);
}

/** `date` moved by whole years (29 February becomes 28 February in common years). */
export function addYears(date: string, years: number): string {
  // String arithmetic, no Date: scoring calls this for every term of every candidate.
  const year = Number(date.slice(0, 4)) + years;
  let monthDay = date.slice(4, 10);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (monthDay === '-02-29' && !leap) monthDay = '-02-28';
  return `${String(year).padStart(4, '0')}${monthDay}`;
}
