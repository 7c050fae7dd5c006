import { isStale } from './staleness';
import { addYears, wholeYearsBetween } from './employee.dates';
import { PERFORMANCE_RATINGS } from './reference.data';
import { categoryOf, type JpmCategoryName, type ScoringPolicy } from './fit.policy';
import {
  barringSentence,
  DEFAULT_DISCIPLINE_YEARS,
  isServing,
  windowStart,
  type DisciplineLevel,
  type DisciplineSentence,
} from './discipline';

export interface RequirementSpec {
  readonly competencyId: number;
  readonly level: number;
  readonly weight: number;
  readonly critical: boolean;
}

/** A position's job profile as scoring needs it. */
export interface PositionSpec {
  readonly id: number;
  readonly requirements: readonly RequirementSpec[];
  readonly minRank: { code: string; ordinal: number } | null;
  readonly minEducation: { code: string; ordinal: number } | null;
  readonly requiredCourses: readonly { id: number; code: string }[];
  readonly minYearsOfService: number | null;
  readonly minPerformance: string | null;
  readonly performanceYears: number;
  readonly retirementAge: number;
  /** No sentence of this level or heavier within `disciplineYears` (null or absent: only serving bars). */
  readonly disciplineLevel?: DisciplineLevel | null;
  /** Default `DEFAULT_DISCIPLINE_YEARS`. */
  readonly disciplineYears?: number;
}

/**
 * What scoring may know of a person. There is deliberately no sex, religion, ethnicity or
 * birthplace here; the birth date is read only by the stated retirement condition.
 */
export interface CandidateSpec {
  readonly id: number;
  readonly employmentType: string;
  readonly rank: { code: string; ordinal: number } | null;
  readonly pppkGrade: number | null;
  readonly education: { code: string; ordinal: number };
  readonly birthDate: string | null;
  readonly appointedOn: string | null;
  /** Current level per competency id, as of the policy date. */
  readonly levels: ReadonlyMap<number, { level: number; assessedOn: string }>;
  readonly completedCourseIds: ReadonlySet<number>;
  readonly performance: readonly { year: number; rating: string }[];
  /** The position the employee holds now, if any (never scored: it marks the incumbent). */
  readonly positionId?: number | null;
  /** Disciplinary sentences, any order (absent: none recorded). */
  readonly discipline?: readonly DisciplineSentence[];
}

export interface TermResult {
  readonly competencyId: number;
  readonly required: number;
  /** null: never assessed (counts as 0). */
  readonly actual: number | null;
  readonly weight: number;
  readonly critical: boolean;
  /** actual (or 0) − required; negative is lacking. */
  readonly gap: number;
  readonly stale: boolean;
  readonly assessedOn: string | null;
  /** weight × the actual level counted (capped at required when the policy caps). */
  readonly contribution: number;
}

export type ConditionCodeName =
  | 'RANK_TOO_LOW'
  | 'EDUCATION_TOO_LOW'
  | 'MISSING_REQUIRED_COURSE'
  | 'TOO_FEW_YEARS_OF_SERVICE'
  | 'PERFORMANCE_TOO_LOW'
  | 'ASSESSMENT_STALE'
  | 'NOT_ASSESSED'
  | 'NEAR_RETIREMENT'
  | 'DISCIPLINE';

export interface ConditionResult {
  readonly code: ConditionCodeName;
  readonly message: string;
  readonly required: string | null;
  readonly actual: string | null;
}

export interface FitResult {
  readonly jobPersonMatch: number;
  readonly jobPersonMatchUncapped: number;
  readonly category: JpmCategoryName;
  readonly threshold: number;
  readonly terms: readonly TermResult[];
  /** Terms with actual < required, largest gap first (then in profile order). */
  readonly gaps: readonly TermResult[];
  readonly unmetConditions: readonly ConditionResult[];
  readonly eligible: boolean;
  readonly qualified: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * JPM = Σ w·actual / Σ w·required × 100 over the required competencies (never assessed = 0);
 * with `capPerCompetency` each actual counts at most up to its requirement, and with `capTotal`
 * the result is at most 100. Rounded to 2 decimals; both the policy's and the uncapped figure.
 */
export function jobPersonMatch(
  terms: readonly { required: number; actual: number | null; weight: number }[],
  policy: Pick<ScoringPolicy, 'capPerCompetency' | 'capTotal'>,
): { value: number; uncapped: number } {
  let required = 0;
  let counted = 0;
  let uncapped = 0;
  for (const t of terms) {
    const actual = t.actual ?? 0;
    required += t.weight * t.required;
    counted += t.weight * (policy.capPerCompetency ? Math.min(actual, t.required) : actual);
    uncapped += t.weight * actual;
  }
  if (required === 0) return { value: 100, uncapped: 100 };
  const value = (counted / required) * 100;
  return {
    value: round2(policy.capTotal ? Math.min(100, value) : value),
    uncapped: round2((uncapped / required) * 100),
  };
}

/** Each requirement against the candidate's current level, in the profile's order. */
export function scoreTerms(
  position: PositionSpec,
  candidate: CandidateSpec,
  policy: ScoringPolicy,
): TermResult[] {
  return position.requirements.map((r) => {
    const current = candidate.levels.get(r.competencyId);
    const actual = current?.level ?? null;
    const counted = policy.capPerCompetency ? Math.min(actual ?? 0, r.level) : (actual ?? 0);
    return {
      competencyId: r.competencyId,
      required: r.level,
      actual,
      weight: r.weight,
      critical: r.critical,
      gap: (actual ?? 0) - r.level,
      stale: current ? isStale(current.assessedOn, policy.asOf, policy.validityYears) : false,
      assessedOn: current?.assessedOn ?? null,
      contribution: r.weight * counted,
    };
  });
}

/** The hard requirements the candidate does not meet as of the policy date, each with a reason. */
export function unmetConditions(
  position: PositionSpec,
  candidate: CandidateSpec,
  terms: readonly TermResult[],
  policy: ScoringPolicy,
  explain = true,
): ConditionResult[] {
  const unmet: ConditionResult[] = [];
  // Reasons are words for people; a ranking of thousands needs only which conditions fail.
  const add = (code: ConditionCodeName, reason: () => Omit<ConditionResult, 'code'>) =>
    unmet.push(
      explain ? { code, ...reason() } : { code, message: '', required: null, actual: null },
    );
  const { asOf } = policy;
  if (position.minRank) {
    const min = position.minRank;
    if (!candidate.rank) {
      const actual =
        candidate.employmentType === 'PPPK' ? `PPPK grade ${candidate.pppkGrade ?? '?'}` : 'none';
      add('RANK_TOO_LOW', () => ({
        message: `Requires rank ${min.code} or higher; has no PNS rank.`,
        required: min.code,
        actual,
      }));
    } else if (candidate.rank.ordinal < min.ordinal) {
      const has = candidate.rank.code;
      add('RANK_TOO_LOW', () => ({
        message: `Requires rank ${min.code} or higher; has ${has}.`,
        required: min.code,
        actual: has,
      }));
    }
  }
  const minEducation = position.minEducation;
  if (minEducation && candidate.education.ordinal < minEducation.ordinal) {
    add('EDUCATION_TOO_LOW', () => ({
      message: `Requires education ${minEducation.code} or higher; has ${candidate.education.code}.`,
      required: minEducation.code,
      actual: candidate.education.code,
    }));
  }
  for (const course of position.requiredCourses) {
    if (!candidate.completedCourseIds.has(course.id)) {
      add('MISSING_REQUIRED_COURSE', () => ({
        message: `Requires completed course ${course.code}.`,
        required: course.code,
        actual: null,
      }));
    }
  }
  if (position.minYearsOfService !== null) {
    const years = candidate.appointedOn ? wholeYearsBetween(candidate.appointedOn, asOf) : null;
    if (years === null || years < position.minYearsOfService) {
      add('TOO_FEW_YEARS_OF_SERVICE', () => ({
        message: `Requires ${position.minYearsOfService} years of service; ${years === null ? 'the appointment date is unknown' : `has ${years}`}.`,
        required: String(position.minYearsOfService),
        actual: years === null ? null : String(years),
      }));
    }
  }
  if (position.minPerformance) {
    const worst = performanceShortfall(
      candidate.performance,
      position.minPerformance,
      position.performanceYears,
      Number(asOf.slice(0, 4)),
    );
    if (worst) add('PERFORMANCE_TOO_LOW', () => ({ ...worst }));
  }
  const assessed = terms.filter((t) => t.actual !== null);
  if (terms.length > 0 && assessed.length === 0) {
    add('NOT_ASSESSED', () => ({
      message: 'None of the required competencies has been assessed.',
      required: null,
      actual: null,
    }));
  }
  const stale = terms.filter((t) => t.stale);
  if (stale.length > 0) {
    const oldest = stale.map((t) => t.assessedOn!).sort()[0];
    add('ASSESSMENT_STALE', () => ({
      message: `${stale.length} required competenc${stale.length === 1 ? 'y was' : 'ies were'} last assessed more than ${policy.validityYears} years before ${asOf} (oldest ${oldest}).`,
      required: `assessed on or after ${addYears(asOf, -policy.validityYears)}`,
      actual: oldest,
    }));
  }
  if (candidate.birthDate) {
    const retirement = addYears(candidate.birthDate, position.retirementAge);
    if (asOf >= addYears(retirement, -1)) {
      add('NEAR_RETIREMENT', () => ({
        message: `Reaches the retirement age of ${position.retirementAge} on ${retirement}, within a year of ${asOf}.`,
        required: `retirement after ${addYears(asOf, 1)}`,
        actual: retirement,
      }));
    }
  }
  const barred = disciplineShortfall(position, candidate.discipline ?? [], asOf);
  if (barred) add('DISCIPLINE', () => barred);
  return unmet;
}

/**
 * The discipline condition (see `sentenceBars`): serving a sentence always bars; with a level
 * asked, so does a sentence of that weight in force within the window. The reason names the
 * level and the period only, never the decision (the committee sees the reason, not the file).
 */
function disciplineShortfall(
  position: Pick<PositionSpec, 'disciplineLevel' | 'disciplineYears'>,
  sentences: readonly DisciplineSentence[],
  asOf: string,
): Omit<ConditionResult, 'code'> | null {
  if (sentences.length === 0) return null;
  const rule = {
    level: position.disciplineLevel ?? null,
    years: position.disciplineYears ?? DEFAULT_DISCIPLINE_YEARS,
  };
  const sentence = barringSentence(sentences, rule, asOf);
  if (!sentence) return null;
  const period = `${sentence.from} – ${sentence.until ?? 'without end'}`;
  const required =
    rule.level === null
      ? 'not serving a disciplinary sentence'
      : `not serving a sentence, none ${rule.level} or heavier since ${windowStart(rule, asOf)}`;
  const message = isServing(sentence, asOf)
    ? `Is serving a disciplinary sentence (${sentence.level}, ${period}) on ${asOf}.`
    : `Requires no disciplinary sentence ${rule.level} or heavier within ${rule.years} years before ${asOf}; was sentenced ${sentence.level} (${period}).`;
  return { message, required, actual: `${sentence.level} ${period}` };
}

/**
 * "Performance at least R in the last N years": the N calendar years before the year of `asOf`
 * must each have a rating of R or better; a missing rating does not meet it.
 */
function performanceShortfall(
  ratings: readonly { year: number; rating: string }[],
  minimum: string,
  years: number,
  asOfYear: number,
): Omit<ConditionResult, 'code'> | null {
  const rank = (r: string) =>
    PERFORMANCE_RATINGS.indexOf(r as (typeof PERFORMANCE_RATINGS)[number]);
  const byYear = new Map(ratings.map((r) => [r.year, r.rating]));
  for (let year = asOfYear - 1; year >= asOfYear - years; year--) {
    const rating = byYear.get(year);
    if (rating === undefined || rank(rating) > rank(minimum)) {
      return {
        message: `Requires performance ${minimum} or better in each of the last ${years} years; ${year}: ${rating ?? 'no rating'}.`,
        required: `${minimum} in ${asOfYear - years}–${asOfYear - 1}`,
        actual: `${year}: ${rating ?? 'none'}`,
      };
    }
  }
  return null;
}

/** The whole verdict for one person and one position under a policy. */
export function scoreFit(
  position: PositionSpec,
  candidate: CandidateSpec,
  policy: ScoringPolicy,
  /** false: conditions carry their codes only, no words (for ranking many; same verdict). */
  explain = true,
): FitResult {
  const terms = scoreTerms(position, candidate, policy);
  const jpm = jobPersonMatch(terms, policy);
  const gaps = terms
    .map((term, index) => ({ term, index }))
    .filter(({ term }) => term.gap < 0)
    .sort((a, b) => a.term.gap - b.term.gap || a.index - b.index)
    .map(({ term }) => term);
  const unmet = unmetConditions(position, candidate, terms, policy, explain);
  const eligible = unmet.length === 0;
  const criticalGap = gaps.some((g) => g.critical);
  return {
    jobPersonMatch: jpm.value,
    jobPersonMatchUncapped: jpm.uncapped,
    category: categoryOf(jpm.value, policy.scale),
    threshold: policy.minJobPersonMatch,
    terms,
    gaps,
    unmetConditions: unmet,
    eligible,
    qualified: eligible && jpm.value >= policy.minJobPersonMatch && !criticalGap,
  };
}
