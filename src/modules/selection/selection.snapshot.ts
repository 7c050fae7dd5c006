import type { ScoringPolicy } from '../../domain/fit.policy';
import type { CandidateSpec, FitResult, PositionSpec } from '../../domain/fit.scoring';
import type { TrainingPlanResult } from '../../domain/training-plan';

/** A candidate spec as JSON: its levels and completed courses as lists. */
export interface FrozenCandidateSpec extends Omit<CandidateSpec, 'levels' | 'completedCourseIds'> {
  readonly levels: [number, { level: number; assessedOn: string }][];
  readonly completedCourseIds: number[];
}

/** One ranked candidate as the committee saw it: who, the inputs, the verdict and the plan. */
export interface FrozenCandidate {
  readonly employeeId: number;
  readonly nip: string | null;
  readonly name: string;
  readonly candidate: FrozenCandidateSpec;
  readonly result: FitResult;
  readonly plan: TrainingPlanResult;
  readonly readiness: string;
}

/** What a selection froze: the position's profile, the policy, the ranking in order. */
export interface FrozenSelection {
  readonly version: 1;
  readonly position: { id: number; code: string; title: string; category: string };
  readonly profile: PositionSpec;
  readonly policy: ScoringPolicy;
  readonly candidates: FrozenCandidate[];
}

/** A candidate spec as JSON (Map and Set as sorted lists). */
export function freezeCandidateSpec(spec: CandidateSpec): FrozenCandidateSpec {
  return {
    ...spec,
    levels: [...spec.levels.entries()].sort((a, b) => a[0] - b[0]),
    completedCourseIds: [...spec.completedCourseIds].sort((a, b) => a - b),
  };
}

/** The candidate spec a frozen one stands for. */
export function thawCandidateSpec(frozen: FrozenCandidateSpec): CandidateSpec {
  return {
    ...frozen,
    levels: new Map(frozen.levels),
    completedCourseIds: new Set(frozen.completedCourseIds),
  };
}

/**
 * JSON with the keys of every object sorted and nothing else varying, so the same content
 * always gives the same text whatever order keys were written or stored in (PostgreSQL's
 * jsonb reorders them).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
