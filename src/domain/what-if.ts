import type { CandidateSpec, PositionSpec, RequirementSpec } from './fit.scoring';
import { reachedLevel, type PlanCourse } from './training-plan';

/** What a what-if assumes of an employee: courses completed and levels assessed (by id). */
export interface Assumed {
  readonly courses: readonly PlanCourse[];
  readonly levels: readonly { competencyId: number; level: number }[];
}

/**
 * The candidate as if the courses were completed and the levels assessed on `asOf`: the
 * courses count as completed (for required courses) and raise levels as the training plan
 * computes them (an outcome applies when its entry level is met, chains followed); a raised
 * or assumed level counts as assessed that day, so it is not stale; an assumed level stands
 * over what the courses give. Nothing else changes.
 */
export function assumeCandidate(
  candidate: CandidateSpec,
  assumed: Assumed,
  asOf: string,
): CandidateSpec {
  const levels = new Map(candidate.levels);
  const raised = new Set(assumed.courses.flatMap((c) => c.outcomes.map((o) => o.competencyId)));
  for (const competencyId of raised) {
    const current = levels.get(competencyId)?.level ?? 0;
    const reached = reachedLevel(competencyId, current, assumed.courses);
    if (reached > current) levels.set(competencyId, { level: reached, assessedOn: asOf });
  }
  for (const { competencyId, level } of assumed.levels)
    levels.set(competencyId, { level, assessedOn: asOf });
  return {
    ...candidate,
    levels,
    completedCourseIds: new Set([
      ...candidate.completedCourseIds,
      ...assumed.courses.map((c) => c.id),
    ]),
  };
}

/** The job profile with other required competencies; its conditions stay. */
export function withRequirements(
  spec: PositionSpec,
  requirements: readonly RequirementSpec[],
): PositionSpec {
  return { ...spec, requirements };
}
