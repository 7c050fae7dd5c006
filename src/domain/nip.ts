import { daysFromCivil, isoOfDay } from './days';

/** What an 18-digit NIP encodes: `YYYYMMDD YYYYMM G NNN`. */
export interface NipParts {
  readonly birthDate: string; // ISO date
  readonly appointedMonth: string; // ISO date, first of the month of the CPNS appointment (TMT)
  readonly sex: 1 | 2;
  readonly sequence: number;
}

export type NipResult = { ok: true; parts: NipParts } | { ok: false; reason: string };

/** The NIP's digits as numbers: `YYYYMMDD`, `YYYYMM`, the sex digit and the sequence. */
export interface NipDigits {
  readonly birth: number;
  readonly appointed: number;
  readonly sex: number;
  readonly sequence: number;
}

/** The NIP's dates as day numbers, or why they are not valid: the one set of NIP rules. */
export type NipDays =
  { ok: true; birthDay: number; appointedDay: number } | { ok: false; reason: string };

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The day number of a calendar date, or undefined when there is no such date. */
function validDay(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
  return day <= last ? daysFromCivil(year, month, day) : undefined;
}

/**
 * The NIP's rules on its digits: a valid birth date from 1900, a valid year and month of
 * appointment from 1900 after the birth date, sex 1 or 2, a sequence 001–999. Also read by
 * the ranking index straight from numbers, without the string.
 */
export function nipDays(digits: NipDigits): NipDays {
  const birthYear = Math.floor(digits.birth / 10_000);
  const birthDay = validDay(birthYear, Math.floor(digits.birth / 100) % 100, digits.birth % 100);
  const text = (n: number, length: number) => String(n).padStart(length, '0');
  if (birthDay === undefined || birthYear < 1900) {
    return {
      ok: false,
      reason: `digits 1–8 (${text(digits.birth, 8)}) are not a valid birth date`,
    };
  }
  const appointedYear = Math.floor(digits.appointed / 100);
  const appointedDay = validDay(appointedYear, digits.appointed % 100, 1);
  if (appointedDay === undefined || appointedYear < 1900) {
    return {
      ok: false,
      reason: `digits 9–14 (${text(digits.appointed, 6)}) are not a valid year and month of appointment`,
    };
  }
  if (appointedDay <= birthDay) {
    return { ok: false, reason: 'the appointment month is not after the birth date' };
  }
  if (digits.sex !== 1 && digits.sex !== 2) {
    return { ok: false, reason: `digit 15 (${digits.sex}) must be 1 (male) or 2 (female)` };
  }
  if (digits.sequence < 1)
    return { ok: false, reason: 'the sequence (digits 16–18) must be 001–999' };
  return { ok: true, birthDay, appointedDay };
}

/**
 * Parses a PNS NIP: birth date (8 digits), year and month of first appointment as CPNS (6),
 * sex (1 = male, 2 = female) and a sequence 001–999. Invalid dates or sex digits are errors.
 */
export function parseNip(nip: string): NipResult {
  if (!/^\d{18}$/.test(nip)) return { ok: false, reason: 'must be exactly 18 digits' };
  const n = (from: number, to: number) => Number(nip.slice(from, to));
  const digits = { birth: n(0, 8), appointed: n(8, 14), sex: n(14, 15), sequence: n(15, 18) };
  const days = nipDays(digits);
  if (!days.ok) return days;
  return {
    ok: true,
    parts: {
      birthDate: isoOfDay(days.birthDay),
      appointedMonth: isoOfDay(days.appointedDay),
      sex: digits.sex as 1 | 2,
      sequence: digits.sequence,
    },
  };
}
