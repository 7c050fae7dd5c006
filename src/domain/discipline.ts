import { addYears } from './employee.dates';

/** The levels of a disciplinary sentence (PP 94/2021, Pasal 8), lightest first. */
export enum DisciplineLevel {
  RINGAN = 'RINGAN',
  SEDANG = 'SEDANG',
  BERAT = 'BERAT',
}

/** The levels in their order: a later one is heavier. */
export const DISCIPLINE_LEVELS: readonly DisciplineLevel[] = [
  DisciplineLevel.RINGAN,
  DisciplineLevel.SEDANG,
  DisciplineLevel.BERAT,
];

/** The sentences of PP 94/2021 (Pasal 8 ayat 2–4). */
export enum DisciplineKind {
  TEGURAN_LISAN = 'TEGURAN_LISAN',
  TEGURAN_TERTULIS = 'TEGURAN_TERTULIS',
  PERNYATAAN_TIDAK_PUAS = 'PERNYATAAN_TIDAK_PUAS',
  POTONGAN_TUKIN_6_BULAN = 'POTONGAN_TUKIN_6_BULAN',
  POTONGAN_TUKIN_9_BULAN = 'POTONGAN_TUKIN_9_BULAN',
  POTONGAN_TUKIN_12_BULAN = 'POTONGAN_TUKIN_12_BULAN',
  PENURUNAN_JABATAN_12_BULAN = 'PENURUNAN_JABATAN_12_BULAN',
  PEMBEBASAN_JABATAN_12_BULAN = 'PEMBEBASAN_JABATAN_12_BULAN',
  PEMBERHENTIAN = 'PEMBERHENTIAN',
}

/** The level each sentence belongs to. */
export const DISCIPLINE_KIND_LEVEL: Readonly<Record<DisciplineKind, DisciplineLevel>> = {
  TEGURAN_LISAN: DisciplineLevel.RINGAN,
  TEGURAN_TERTULIS: DisciplineLevel.RINGAN,
  PERNYATAAN_TIDAK_PUAS: DisciplineLevel.RINGAN,
  POTONGAN_TUKIN_6_BULAN: DisciplineLevel.SEDANG,
  POTONGAN_TUKIN_9_BULAN: DisciplineLevel.SEDANG,
  POTONGAN_TUKIN_12_BULAN: DisciplineLevel.SEDANG,
  PENURUNAN_JABATAN_12_BULAN: DisciplineLevel.BERAT,
  PEMBEBASAN_JABATAN_12_BULAN: DisciplineLevel.BERAT,
  PEMBERHENTIAN: DisciplineLevel.BERAT,
};

/** Whether a sentence has no end: dismissal (the only one; every other has a last day). */
export const isOpenEnded = (kind: DisciplineKind): boolean => kind === DisciplineKind.PEMBERHENTIAN;

/** A sentence as scoring reads it: its level and period (`until` null: without end). */
export interface DisciplineSentence {
  readonly level: DisciplineLevel;
  /** First day in force (ISO). */
  readonly from: string;
  /** Last day in force, inclusive (ISO); null for a sentence without end (dismissal). */
  readonly until: string | null;
}

/** The window of a position's discipline condition unless it says otherwise (PermenPANRB 15/2019). */
export const DEFAULT_DISCIPLINE_YEARS = 5;

/** A position's discipline condition: no sentence of `level` or heavier within `years`. */
export interface DisciplineRule {
  /** null: the position asks only that no sentence is being served. */
  readonly level: DisciplineLevel | null;
  readonly years: number;
}

/** The order of a level: 0 for RINGAN … 2 for BERAT. */
export const disciplineOrdinal = (level: DisciplineLevel): number =>
  DISCIPLINE_LEVELS.indexOf(level);

/** Whether a sentence is being served on a day: from ≤ day ≤ until (no end: from on). */
export function isServing(sentence: DisciplineSentence, asOf: string): boolean {
  return sentence.from <= asOf && (sentence.until === null || asOf <= sentence.until);
}

/** The first day of the window of a rule as of a day: `years` before it (the day itself counts). */
export const windowStart = (rule: DisciplineRule, asOf: string): string =>
  addYears(asOf, -rule.years);

/**
 * PP 94/2021 and PermenPANRB 15/2019: an officer serving a sentence of any level is not
 * promoted, whatever the position asks; and where the position asks for no sentence of `level`
 * or heavier within `years`, a sentence of that weight in force on any day from `years` before
 * `asOf` to `asOf` (both ends included) bars too. A sentence that starts after `asOf` is not yet
 * in force and bars nothing as of that day.
 */
export function sentenceBars(
  sentence: DisciplineSentence,
  rule: DisciplineRule,
  asOf: string,
): boolean {
  if (sentence.from > asOf) return false;
  if (isServing(sentence, asOf)) return true;
  if (rule.level === null) return false;
  if (disciplineOrdinal(sentence.level) < disciplineOrdinal(rule.level)) return false;
  return sentence.until! >= windowStart(rule, asOf);
}

/**
 * The sentence that bars a candidate as of a day, or null: one being served first (the latest
 * ending), else the heaviest within the window (then the latest ending). One reason is enough
 * to report; the verdict is the same whichever is named.
 */
export function barringSentence<S extends DisciplineSentence>(
  sentences: readonly S[],
  rule: DisciplineRule,
  asOf: string,
): S | null {
  let found: S | null = null;
  for (const sentence of sentences) {
    if (!sentenceBars(sentence, rule, asOf)) continue;
    if (found === null || outranks(sentence, found, asOf)) found = sentence;
  }
  return found;
}

/** Whether `a` is the better reason to name than `b`: serving, heavier, ending later. */
function outranks(a: DisciplineSentence, b: DisciplineSentence, asOf: string): boolean {
  const serving = Number(isServing(a, asOf)) - Number(isServing(b, asOf));
  if (serving !== 0) return serving > 0;
  const weight = disciplineOrdinal(a.level) - disciplineOrdinal(b.level);
  if (weight !== 0) return weight > 0;
  if (a.until === b.until) return a.from > b.from;
  return a.until === null || (b.until !== null && a.until > b.until);
}
