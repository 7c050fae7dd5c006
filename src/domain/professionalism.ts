/** The rules of the professionalism index (IP ASN, Permenpan RB 38/2018, Perban BKN 8/2019), as data. */
export interface ProfessionalismRules {
  readonly weights: {
    qualification: number;
    competency: number;
    performance: number;
    discipline: number;
  };
  /** Score per education code (at most the qualification weight). */
  readonly qualification: Readonly<Record<string, number>>;
  /** Points of the competency dimension (they add up to its weight). */
  readonly competency: {
    leadership: number;
    functional: number;
    technical20Jp: number;
    seminar: number;
  };
  /** Score per SKP rating (at most the performance weight). */
  readonly performance: Readonly<Record<string, number>>;
  /** Score with no recorded sanction (this system records none). */
  readonly discipline: number;
  /** Bands, highest first: a total at or above `from` is in `band`. */
  readonly bands: readonly { from: number; band: string }[];
}

export const DEFAULT_PROFESSIONALISM_RULES: ProfessionalismRules = {
  weights: { qualification: 25, competency: 40, performance: 30, discipline: 5 },
  qualification: { S3: 25, S2: 20, S1: 15, D3: 10, D2: 5, D1: 5, SMA: 1, SMP: 1, SD: 1 },
  competency: { leadership: 15, functional: 15, technical20Jp: 5, seminar: 5 },
  performance: { SANGAT_BAIK: 30, BAIK: 25, BUTUH_PERBAIKAN: 20, KURANG: 15, SANGAT_KURANG: 5 },
  discipline: 5,
  bands: [
    { from: 91, band: 'SANGAT_TINGGI' },
    { from: 81, band: 'TINGGI' },
    { from: 71, band: 'SEDANG' },
    { from: 61, band: 'RENDAH' },
    { from: 0, band: 'SANGAT_RENDAH' },
  ],
};

/** What the index reads of one employee for one year. */
export interface ProfessionalismFacts {
  readonly education: string;
  readonly heldLeadershipCourse: boolean;
  readonly heldFunctionalCourse: boolean;
  /** JP of competency development in the year. */
  readonly hoursInYear: number;
  readonly attendedSeminar: boolean;
  /** SKP rating of the year (or the latest before it); null: none. */
  readonly rating: string | null;
}

export interface ProfessionalismScore {
  readonly qualification: number;
  readonly competency: number;
  readonly performance: number;
  readonly discipline: number;
  readonly total: number;
  readonly band: string;
}

/** The four dimensions, their sum and its band. */
export function professionalismIndex(
  facts: ProfessionalismFacts,
  rules: ProfessionalismRules,
  yearlyTarget = 20,
): ProfessionalismScore {
  const qualification = rules.qualification[facts.education] ?? 0;
  const points = rules.competency;
  const competency =
    (facts.heldLeadershipCourse ? points.leadership : 0) +
    (facts.heldFunctionalCourse ? points.functional : 0) +
    (facts.hoursInYear >= yearlyTarget ? points.technical20Jp : 0) +
    (facts.attendedSeminar ? points.seminar : 0);
  const performance = facts.rating ? (rules.performance[facts.rating] ?? 0) : 0;
  const discipline = rules.discipline;
  const total = Math.round((qualification + competency + performance + discipline) * 100) / 100;
  const band = rules.bands.find((b) => total >= b.from)?.band ?? rules.bands.at(-1)!.band;
  return { qualification, competency, performance, discipline, total, band };
}

/** Problems with rules before they are stored: weights add to 100, no score above its weight. */
export function rulesProblems(r: ProfessionalismRules): string[] {
  const problems: string[] = [];
  const weights = r.weights;
  if (weights.qualification + weights.competency + weights.performance + weights.discipline !== 100)
    problems.push('weights must add up to 100');
  if (Object.values(r.qualification).some((s) => s < 0 || s > weights.qualification))
    problems.push('a qualification score exceeds its weight');
  const points = r.competency;
  if (
    points.leadership + points.functional + points.technical20Jp + points.seminar !==
    weights.competency
  )
    problems.push('competency points must add up to its weight');
  if (Object.values(r.performance).some((s) => s < 0 || s > weights.performance))
    problems.push('a performance score exceeds its weight');
  if (r.discipline < 0 || r.discipline > weights.discipline)
    problems.push('the discipline score exceeds its weight');
  return problems;
}
