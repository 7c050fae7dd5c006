/** What an 18-digit NIP encodes: `YYYYMMDD YYYYMM G NNN`. */
export interface NipParts {
  readonly birthDate: string; // ISO date
  readonly appointedMonth: string; // ISO date, first of the month of the CPNS appointment (TMT)
  readonly sex: 1 | 2;
  readonly sequence: number;
}

export type NipResult = { ok: true; parts: NipParts } | { ok: false; reason: string };

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * Parses a PNS NIP: birth date (8 digits), year and month of first appointment as CPNS (6),
 * sex (1 = male, 2 = female) and a sequence 001–999. Invalid dates or sex digits are errors.
 */
export function parseNip(nip: string): NipResult {
  if (!/^\d{18}$/.test(nip)) return { ok: false, reason: 'must be exactly 18 digits' };
  const n = (from: number, to: number) => Number(nip.slice(from, to));
  const birthDate = isoDate(n(0, 4), n(4, 6), n(6, 8));
  if (!birthDate || n(0, 4) < 1900) {
    return { ok: false, reason: `digits 1–8 (${nip.slice(0, 8)}) are not a valid birth date` };
  }
  const appointedMonth = isoDate(n(8, 12), n(12, 14), 1);
  if (!appointedMonth || n(8, 12) < 1900) {
    return {
      ok: false,
      reason: `digits 9–14 (${nip.slice(8, 14)}) are not a valid year and month of appointment`,
    };
  }
  if (appointedMonth <= birthDate) {
    return { ok: false, reason: 'the appointment month is not after the birth date' };
  }
  const sex = n(14, 15);
  if (sex !== 1 && sex !== 2) {
    return { ok: false, reason: `digit 15 (${sex}) must be 1 (male) or 2 (female)` };
  }
  const sequence = n(15, 18);
  if (sequence < 1) return { ok: false, reason: 'the sequence (digits 16–18) must be 001–999' };
  return { ok: true, parts: { birthDate, appointedMonth, sex, sequence } };
}
