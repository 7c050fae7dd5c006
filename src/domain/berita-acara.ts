import { zoneAbbreviation } from './province';

/**
 * The number of a berita acara, by the agency's format. Placeholders:
 * `{seq}` the agency's sequence of the year (1, 2, …), `{seq:N}` the same zero-padded to N digits
 * (1–6), `{year}` the four-digit year, `{month}` the two-digit month, `{roman}` the month in Roman
 * numerals (as Indonesian letters number it: XII). The year and month are the closing's, in the
 * agency's time zone. Anything else is written as it stands.
 */
export const DEFAULT_NUMBER_FORMAT = 'BA-{seq:3}/{roman}/{year}';
const MAX_FORMAT = 100;
const PLACEHOLDER = /\{([a-z]+)(?::(\d+))?\}/g;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Why a number format cannot be used, or null: known placeholders, `{seq}` once, printable text. */
export function numberFormatProblem(format: string): string | null {
  if (format.length === 0 || format.length > MAX_FORMAT)
    return `from 1 to ${MAX_FORMAT} characters`;
  if ([...format].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return 'no control characters';
  let sequences = 0;
  for (const [whole, name, width] of format.matchAll(PLACEHOLDER)) {
    if (name === 'seq') {
      sequences++;
      if (width !== undefined && (Number(width) < 1 || Number(width) > 6))
        return `${whole}: the width is from 1 to 6`;
    } else if (!['year', 'month', 'roman'].includes(name) || width !== undefined)
      return `${whole} is not a placeholder ({seq}, {seq:N}, {year}, {month}, {roman})`;
  }
  if (sequences !== 1) return 'it holds {seq} (or {seq:N}) exactly once';
  if (/[{}]/.test(format.replace(PLACEHOLDER, ''))) return 'a brace outside a placeholder';
  return null;
}

/** The number for the `sequence`-th berita acara of a year: the format with its placeholders filled. */
export function formatNumber(
  format: string,
  sequence: number,
  moment: { year: number; month: number },
): string {
  return format.replace(PLACEHOLDER, (_whole, name: string, width?: string) => {
    switch (name) {
      case 'seq':
        return String(sequence).padStart(width ? Number(width) : 1, '0');
      case 'year':
        return String(moment.year);
      case 'month':
        return String(moment.month).padStart(2, '0');
      case 'roman':
        return ROMAN[moment.month - 1];
      default:
        return _whole;
    }
  });
}

/** The year and month of a moment in a time zone (the numbering year is the agency's). */
export function yearAndMonth(moment: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(moment);
  const value = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: value('year'), month: value('month') };
}

/** A date as Indonesians write it, in a time zone: 7 Desember 2026. */
export function tanggal(moment: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(moment);
}

/** A time of day in a time zone with its zone's name: 14.30 WIT. */
export function pukul(moment: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(moment);
  return `${time.replace(':', '.')} ${zoneAbbreviation(timeZone) ?? timeZone}`;
}

/** The place-and-date line over the signatures: "Ambon, 7 Desember 2026". */
export function placeAndDate(place: string, moment: Date, timeZone: string): string {
  return `${place}, ${tanggal(moment, timeZone)}`;
}
