/** Performance axis of the talent matrix (Permenpan RB 3/2020). */
export type PerformanceAxis = 'BELOW' | 'MEETS' | 'ABOVE';
/** Potential axis of the talent matrix. */
export type PotentialAxis = 'LOW' | 'MEDIUM' | 'HIGH';

/** Cut-offs of one agency (or the default), stored as data. */
export interface TalentCutoffs {
  /** Potential at or above this is MEDIUM (default 50). */
  readonly potentialMediumFrom: number;
  /** Potential at or above this is HIGH (default 75). */
  readonly potentialHighFrom: number;
  /** Ratings that are above expectation (default SANGAT_BAIK). */
  readonly aboveRatings: readonly string[];
  /** Ratings that meet expectation (default BAIK); any other rating is below. */
  readonly meetsRatings: readonly string[];
}

export const DEFAULT_CUTOFFS: TalentCutoffs = {
  potentialMediumFrom: 50,
  potentialHighFrom: 75,
  aboveRatings: ['SANGAT_BAIK'],
  meetsRatings: ['BAIK'],
};

/**
 * The nine boxes, not numbered row by row (Permenpan RB 3/2020, manajemen talenta):
 * high potential 6 8 9, medium 3 5 7, low 1 2 4, for performance below / meets / above.
 */
const BOXES: Record<PotentialAxis, Record<PerformanceAxis, number>> = {
  HIGH: { BELOW: 6, MEETS: 8, ABOVE: 9 },
  MEDIUM: { BELOW: 3, MEETS: 5, ABOVE: 7 },
  LOW: { BELOW: 1, MEETS: 2, ABOVE: 4 },
};

/** Boxes 9, 8, 7: the talent pool for key positions, in the order succession lists use. */
export const SUCCESSION_BOXES: readonly number[] = [9, 8, 7];

/** The performance axis of an SKP rating under the cut-offs. */
export function performanceAxis(rating: string, cutoffs: TalentCutoffs): PerformanceAxis {
  if (cutoffs.aboveRatings.includes(rating)) return 'ABOVE';
  if (cutoffs.meetsRatings.includes(rating)) return 'MEETS';
  return 'BELOW';
}

/** The potential axis of a 0–100 score: LOW < medium cut-off ≤ MEDIUM < high cut-off ≤ HIGH. */
export function potentialAxis(score: number, cutoffs: TalentCutoffs): PotentialAxis {
  if (score >= cutoffs.potentialHighFrom) return 'HIGH';
  if (score >= cutoffs.potentialMediumFrom) return 'MEDIUM';
  return 'LOW';
}

/** The box (1–9) of a performance and potential. */
export function boxOf(performance: PerformanceAxis, potential: PotentialAxis): number {
  return BOXES[potential][performance];
}

/** The axes of a box (the inverse of `boxOf`). */
export function axesOf(box: number): { performance: PerformanceAxis; potential: PotentialAxis } {
  for (const potential of ['LOW', 'MEDIUM', 'HIGH'] as const) {
    for (const performance of ['BELOW', 'MEETS', 'ABOVE'] as const) {
      if (BOXES[potential][performance] === box) return { performance, potential };
    }
  }
  throw new Error(`There is no talent box ${box}`);
}

export interface Placement {
  readonly box: number;
  readonly performance: PerformanceAxis;
  readonly potential: PotentialAxis;
  readonly rating: string;
  readonly ratingYear: number;
  readonly potentialScore: number;
}

/**
 * The box of an employee for a year: the latest rating of a year up to `year` and the
 * potential score; null when either is missing (the employee cannot be placed).
 */
export function placeInBox(
  ratings: readonly { year: number; rating: string }[],
  potentialScore: number | null,
  year: number,
  cutoffs: TalentCutoffs,
): Placement | null {
  const latest = ratings.filter((r) => r.year <= year).sort((a, b) => b.year - a.year)[0];
  if (!latest || potentialScore === null) return null;
  const performance = performanceAxis(latest.rating, cutoffs);
  const potential = potentialAxis(potentialScore, cutoffs);
  return {
    box: boxOf(performance, potential),
    performance,
    potential,
    rating: latest.rating,
    ratingYear: latest.year,
    potentialScore,
  };
}

/** Checks cut-offs before they are stored: ordered, within 0–100, each rating on one axis. */
export function cutoffProblems(c: TalentCutoffs): string[] {
  const problems: string[] = [];
  if (!(
    c.potentialMediumFrom > 0 &&
    c.potentialMediumFrom < c.potentialHighFrom &&
    c.potentialHighFrom <= 100
  )) {
    problems.push('potential cut-offs must satisfy 0 < medium < high ≤ 100');
  }
  const overlap = c.aboveRatings.filter((r) => c.meetsRatings.includes(r));
  if (overlap.length > 0) problems.push(`ratings on both axes: ${overlap.join(', ')}`);
  return problems;
}
