import {
  isPassFail,
  MAX_STAGES,
  sameSum,
  SCALE,
  type SelectionStageSpec,
} from './selection-stages';
import { standingsOf, type CandidateScores, type StandingResult } from './selection-standings';

/** A changed weight for a what-if, by stage id. */
export interface StageWeight {
  readonly stageId: number;
  readonly weight: number;
}

/**
 * The stages with the given weights (the others keep theirs), or why not, each reason naming
 * `weights[i]` and the field: at most 10; a stage of the selection, once; 0–100; none on a
 * pass/fail stage; the weights of all stages adding up to 100 (as a template's).
 */
export function reweighed(
  stages: readonly SelectionStageSpec[],
  weights: readonly StageWeight[],
): { stages: SelectionStageSpec[]; issues: string[] } {
  if (weights.length > MAX_STAGES)
    return {
      stages: [...stages],
      issues: [`weights: at most ${MAX_STAGES}, got ${weights.length}`],
    };
  const issues: string[] = [];
  const given = new Map<number, number>();
  weights.forEach((w, i) => {
    const stage = stages.find((s) => s.id === w.stageId);
    if (!stage) issues.push(`weights[${i}].stage: not a stage of this selection`);
    else if (given.has(w.stageId)) issues.push(`weights[${i}].stage: ${stage.name} is given twice`);
    else if (!Number.isFinite(w.weight) || w.weight < 0 || w.weight > SCALE)
      issues.push(`weights[${i}].weight: between 0 and ${SCALE}, got ${w.weight}`);
    else if (isPassFail(stage.kind) && w.weight !== 0)
      issues.push(`weights[${i}].weight: ${stage.name} only passes or fails and carries no weight`);
    given.set(w.stageId, w.weight);
  });
  const changed = stages.map((s) => ({ ...s, weight: given.get(s.id) ?? s.weight }));
  const total = changed.reduce((sum, s) => sum + s.weight, 0);
  if (issues.length === 0 && !sameSum(total, SCALE))
    issues.push(`weights: the stages' weights would add up to ${total}, not ${SCALE}`);
  return { stages: changed, issues };
}

/**
 * The standings under other weights, with nothing written: each standing's `baseRank` is its
 * rank under the selection's own weights, so a client sees how ranks moved.
 */
export function standingsUnderWeights(
  stages: readonly SelectionStageSpec[],
  changed: readonly SelectionStageSpec[],
  candidates: readonly CandidateScores[],
): StandingResult[] {
  const base = new Map(standingsOf(stages, candidates).map((s) => [s.employeeId, s.rank]));
  return standingsOf(changed, candidates).map((s) => ({
    ...s,
    baseRank: base.get(s.employeeId) ?? null,
  }));
}
