import { labelOf } from './labels';
/**
 * How a candidate's verdict is written, one way for every medium: the berita acara (PDF) and the
 * console's selection screen both call these, so they cannot disagree. Pure, and free of Node
 * imports: the console imports this file by relative path.
 */

/** The JPM as written: one decimal, half away from zero, Indonesian decimal comma (94,6). */
export function formatJpm(value: number, language: 'id' | 'en' = 'id'): string {
  return new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  }).format(value);
}

/** A stage score or total, as the screen and the berita acara both write it (one decimal). */
export const formatScore = (value: number, language: 'id' | 'en' = 'id'): string =>
  formatJpm(value, language);

/** What of a verdict the reasons read (a frozen `FitResult` or the API's `Fit` alike). */
export interface VerdictFacts {
  readonly jobPersonMatch: number;
  readonly threshold: number;
  readonly qualified: boolean;
  readonly unmetConditions: readonly { readonly code: string }[];
  readonly terms: readonly { readonly critical: boolean; readonly gap: number }[];
}

/** One reason a candidate is not qualified. */
export type NotQualifiedReason =
  | { readonly kind: 'CONDITION'; readonly code: string }
  | { readonly kind: 'CRITICAL_GAP'; readonly count: number }
  | { readonly kind: 'BELOW_THRESHOLD'; readonly threshold: number };

/**
 * Why a candidate is not qualified, by the rule of `scoreFit`: every unmet condition, the
 * critical competencies below their standard (never assessed counts as 0, so below), and a JPM
 * under the threshold. Empty for a qualified candidate.
 */
export function notQualifiedReasons(verdict: VerdictFacts): NotQualifiedReason[] {
  if (verdict.qualified) return [];
  const reasons: NotQualifiedReason[] = verdict.unmetConditions.map((c) => ({
    kind: 'CONDITION',
    code: c.code,
  }));
  const critical = verdict.terms.filter((t) => t.critical && t.gap < 0).length;
  if (critical > 0) reasons.push({ kind: 'CRITICAL_GAP', count: critical });
  if (verdict.jobPersonMatch < verdict.threshold)
    reasons.push({ kind: 'BELOW_THRESHOLD', threshold: verdict.threshold });
  return reasons;
}

/**
 * The words for enum values the berita acara prints, keyed by enum name and value: the one
 * place to swap for the shared label table (src/domain/labels.ts) when it lands.
 */
/**
 * The phrases the berita acara writes where a label alone would not read as a sentence: the
 * reasons after "alasan", the scale in words, yes and no. Every other enum value is written with
 * its label from the one table (`labelOf`), as the console and the API's `labels` give it.
 */
const REPORT_PHRASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  JpmScale: {
    OPTIMAL: 'Optimal – Cukup optimal – Kurang optimal',
    ELIGIBILITY: 'Memenuhi syarat – Masih memenuhi syarat – Kurang memenuhi syarat',
  },
  ConditionCode: {
    RANK_TOO_LOW: 'pangkat di bawah syarat',
    EDUCATION_TOO_LOW: 'pendidikan di bawah syarat',
    MISSING_REQUIRED_COURSE: 'diklat wajib belum diikuti',
    TOO_FEW_YEARS_OF_SERVICE: 'masa kerja kurang',
    PERFORMANCE_TOO_LOW: 'kinerja di bawah syarat',
    ASSESSMENT_STALE: 'asesmen kedaluwarsa',
    NOT_ASSESSED: 'belum diasesmen',
    NEAR_RETIREMENT: 'mendekati batas usia pensiun',
    DISCIPLINE: 'hukuman disiplin',
  },
  Boolean: { true: 'ya', false: 'tidak' },
};

/** The Indonesian words for an enum's value: its phrase, else its label; the value itself only when neither has it. */
export function reportLabel(enumName: string, value: string | boolean): string {
  return REPORT_PHRASES[enumName]?.[String(value)] ?? labelOf(enumName, String(value), 'ID');
}

/** A label inside a sentence: its first letter small, unless it starts an abbreviation (JPM). */
export function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

const ENGLISH_REASONS: Readonly<Record<string, string>> = {
  RANK_TOO_LOW: 'rank below the requirement',
  EDUCATION_TOO_LOW: 'education below the requirement',
  MISSING_REQUIRED_COURSE: 'required course not completed',
  TOO_FEW_YEARS_OF_SERVICE: 'too few years of service',
  PERFORMANCE_TOO_LOW: 'performance below the requirement',
  ASSESSMENT_STALE: 'assessment out of date',
  NOT_ASSESSED: 'not assessed',
  NEAR_RETIREMENT: 'near retirement age',
  DISCIPLINE: 'disciplinary sentence',
};

/** A reason in words: "2 kompetensi kritis di bawah standar", "JPM di bawah ambang 78,0". */
export function reasonPhrase(reason: NotQualifiedReason, language: 'id' | 'en' = 'id'): string {
  switch (reason.kind) {
    case 'CONDITION':
      return language === 'id'
        ? reportLabel('ConditionCode', reason.code)
        : (ENGLISH_REASONS[reason.code] ?? reason.code);
    case 'CRITICAL_GAP':
      return language === 'id'
        ? `${reason.count} kompetensi kritis di bawah standar`
        : `${reason.count} critical competenc${reason.count === 1 ? 'y' : 'ies'} below standard`;
    case 'BELOW_THRESHOLD':
      return language === 'id'
        ? `JPM di bawah ambang ${formatJpm(reason.threshold, 'id')}`
        : `JPM below the threshold of ${formatJpm(reason.threshold, 'en')}`;
  }
}

/** Every reason of a verdict in words, joined: what the PDF and the screen both print. */
export function notQualifiedText(verdict: VerdictFacts, language: 'id' | 'en' = 'id'): string {
  return notQualifiedReasons(verdict)
    .map((r) => reasonPhrase(r, language))
    .join(', ');
}
