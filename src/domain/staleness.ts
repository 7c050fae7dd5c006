import { addYears } from './employee.dates';

/** Default validity of an assessment, in years (the default of the assessment rules: three years); callers may pass another. */
export const DEFAULT_ASSESSMENT_VALIDITY_YEARS = 3;

/** An assessment is stale when it is older than `validityYears` on `asOf` (ISO dates). */
export function isStale(assessedOn: string, asOf: string, validityYears: number): boolean {
  return staleOn(asOf, validityYears)(assessedOn);
}

/** The rule of `isStale` for one date and validity, to judge many assessments by. */
export function staleOn(asOf: string, validityYears: number): (assessedOn: string) => boolean {
  const validFrom = addYears(asOf, -validityYears);
  return (assessedOn) => assessedOn < validFrom;
}
