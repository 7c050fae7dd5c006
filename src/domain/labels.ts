import { ENUM_LABELS, type Label } from './labels.data';
import type { Language } from './language';
import { EDUCATION_LEVELS, RANKS } from './reference.data';

export { ENUM_LABELS } from './labels.data';

/** The label of an enum value, if the table has one. */
export function findLabel(enumName: string, value: string): Label | undefined {
  const labels = ENUM_LABELS[enumName];
  return labels && Object.hasOwn(labels, value) ? labels[value] : undefined;
}

/**
 * The label of an enum value (`PerformanceRating`, `BUTUH_PERBAIKAN`) in a language ("Butuh
 * perbaikan"); a value the table does not know answers as itself, so a text never loses it.
 */
export function labelOf(enumName: string, value: string, language: 'ID' | 'EN'): string {
  return findLabel(enumName, value)?.[language] ?? value;
}

/** English names of the ranks (the ranks' own names are Indonesian titles, used in both). */
const RANK_BY_CODE = new Map(RANKS.map((rank) => [rank.code, rank]));

/**
 * A rank's label: its pangkat and golongan, "Penata Tingkat I (III/d)". The pangkat is a title,
 * not translated, so both languages read the same; an unknown code answers as itself.
 */
export function rankLabel(code: string, _language: Language | 'ID' | 'EN'): string {
  const rank = RANK_BY_CODE.get(code);
  return rank ? `${rank.name} (${rank.code})` : code;
}

const EDUCATION_BY_CODE = new Map(EDUCATION_LEVELS.map((level) => [level.code, level]));

/** English names of the education levels, by code. */
const EDUCATION_IN_ENGLISH: Readonly<Record<string, string>> = {
  SD: 'Primary school',
  SMP: 'Junior secondary school',
  SMA: 'Senior secondary or vocational school',
  D1: 'One-year diploma',
  D2: 'Two-year diploma',
  D3: 'Three-year diploma',
  S1: "Bachelor's degree or four-year diploma",
  S2: "Master's degree",
  S3: 'Doctorate',
};

/**
 * An education level's label with its code: "Sarjana / Diploma IV (S1)" in Indonesian,
 * "Bachelor's degree or four-year diploma (S1)" in English; an unknown code answers as itself.
 */
export function educationLabel(code: string, language: Language | 'ID' | 'EN'): string {
  const level = EDUCATION_BY_CODE.get(code);
  if (!level) return code;
  const name = language === 'EN' ? EDUCATION_IN_ENGLISH[code] : level.name;
  return `${name} (${code})`;
}
