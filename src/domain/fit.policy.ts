/** The two JPM category scales in use (docs/fit.md, "JPM"); bands are half-open, highest first. */
export const SCALES = {
  /** Peraturan BRIN 3/2023: the default. */
  OPTIMAL: [
    { category: 'OPTIMAL', from: 90 },
    { category: 'CUKUP_OPTIMAL', from: 78 },
    { category: 'KURANG_OPTIMAL', from: -Infinity },
  ],
  /** Competency tests for functional positions. */
  ELIGIBILITY: [
    { category: 'MEMENUHI_SYARAT', from: 80 },
    { category: 'MASIH_MEMENUHI_SYARAT', from: 68 },
    { category: 'KURANG_MEMENUHI_SYARAT', from: -Infinity },
  ],
} as const;

export type ScaleName = keyof typeof SCALES;
export type JpmCategoryName = (typeof SCALES)[ScaleName][number]['category'];

/** How a fit is scored; every field is a choice some agency makes differently. */
export interface ScoringPolicy {
  readonly scale: ScaleName;
  /** Count min(actual, required) per term, so strength in one competency hides no gap in another. */
  readonly capPerCompetency: boolean;
  /** Cap the total at 100 (matters only without the per-competency cap). */
  readonly capTotal: boolean;
  /** Qualification threshold; default: the lower bound of the scale's middle band. */
  readonly minJobPersonMatch: number;
  /** The date everything is evaluated at (ISO). */
  readonly asOf: string;
  /** Assessments older than this many years are stale. */
  readonly validityYears: number;
}

/** The lower bound of the middle band: 78 on OPTIMAL, 68 on ELIGIBILITY. */
export function defaultThreshold(scale: ScaleName): number {
  return SCALES[scale][1].from;
}

/** A complete policy from partial choices, with the defaults of docs/fit.md. */
export function scoringPolicy(
  asOf: string,
  choices: Partial<Omit<ScoringPolicy, 'asOf'>> = {},
): ScoringPolicy {
  const scale = choices.scale ?? 'OPTIMAL';
  return {
    scale,
    capPerCompetency: choices.capPerCompetency ?? true,
    capTotal: choices.capTotal ?? true,
    minJobPersonMatch: choices.minJobPersonMatch ?? defaultThreshold(scale),
    asOf,
    validityYears: choices.validityYears ?? 3,
  };
}

/** The category of a JPM on a scale (half-open bands: 78 is CUKUP_OPTIMAL, 77.99 is not). */
export function categoryOf(jobPersonMatch: number, scale: ScaleName): JpmCategoryName {
  return SCALES[scale].find((band) => jobPersonMatch >= band.from)!.category;
}
