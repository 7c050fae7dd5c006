import { jobPersonMatch } from './fit.scoring';
import type { ConditionCodeName, FitResult } from './fit.scoring';
import type { ScoringPolicy } from './fit.policy';
import { reachedLevel, type PlanCourse, type TrainingPlanResult } from './training-plan';

export type ReadinessName = 'READY_NOW' | 'AFTER_TRAINING' | 'NEEDS_ASSESSMENT' | 'BLOCKED';

/** Conditions the training plan fixes (it includes the missing required courses). */
const FIXED_BY_TRAINING: ReadonlySet<ConditionCodeName> = new Set(['MISSING_REQUIRED_COURSE']);
/** Conditions only a new assessment fixes. */
const FIXED_BY_ASSESSMENT: ReadonlySet<ConditionCodeName> = new Set([
  'ASSESSMENT_STALE',
  'NOT_ASSESSED',
]);

/**
 * How soon a candidate could hold the position: READY_NOW when qualified; BLOCKED by any
 * condition neither training nor assessment changes (rank, education, service, performance,
 * retirement); NEEDS_ASSESSMENT when stale or missing assessments stand in the way; else
 * AFTER_TRAINING when the plan would make them qualify, BLOCKED when even the plan would not.
 */
export function readinessOf(
  fit: FitResult,
  plan: TrainingPlanResult,
  planned: readonly PlanCourse[],
  policy: Pick<ScoringPolicy, 'capPerCompetency' | 'capTotal' | 'minJobPersonMatch'>,
): ReadinessName {
  if (fit.qualified) return 'READY_NOW';
  const codes = fit.unmetConditions.map((c) => c.code);
  if (codes.some((c) => !FIXED_BY_TRAINING.has(c) && !FIXED_BY_ASSESSMENT.has(c))) return 'BLOCKED';
  if (codes.some((c) => FIXED_BY_ASSESSMENT.has(c))) return 'NEEDS_ASSESSMENT';
  const after = fit.terms.map((t) => ({
    ...t,
    actual: reachedLevel(t.competencyId, t.actual ?? 0, planned),
  }));
  const jpm = jobPersonMatch(after, policy).value;
  const criticalGap = after.some((t) => t.critical && t.actual < t.required);
  return jpm >= policy.minJobPersonMatch && !criticalGap && plan.steps.length > 0
    ? 'AFTER_TRAINING'
    : 'BLOCKED';
}

export type ReadinessHorizonName = 'READY_NOW' | 'ONE_TO_TWO_YEARS' | 'LATER';

/** The years "ready in 1–2 years" stands for. */
export const NEAR_HORIZON_YEARS = 2;

/**
 * When a candidate could be ready, on the succession scale of ready now / in 1–2 years /
 * later: now when qualified; in 1–2 years when what stands in the way is training that fits
 * in two years of the yearly development entitlement (20 JP a year by default), with or
 * without an assessment to redo (which takes no longer); later when blocked by a condition
 * training cannot change, or when the plan needs more hours than two years give.
 */
export function readinessHorizon(
  readiness: ReadinessName,
  planHours: number,
  yearlyHours: number,
): ReadinessHorizonName {
  if (readiness === 'READY_NOW') return 'READY_NOW';
  if (readiness === 'BLOCKED') return 'LATER';
  return planHours <= NEAR_HORIZON_YEARS * yearlyHours ? 'ONE_TO_TWO_YEARS' : 'LATER';
}
