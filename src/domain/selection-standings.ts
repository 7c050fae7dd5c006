import { SCALE, StageKind, type SelectionStageSpec } from './selection-stages';

/** A candidate of the frozen ranking with the scores in force (each stage's latest entry). */
export interface CandidateScores {
  readonly employeeId: number;
  /** Place in the frozen ranking, 0 first. */
  readonly frozenRank: number;
  readonly jobPersonMatch: number;
  /** Score in force by stage id. */
  readonly scores: ReadonlyMap<number, number>;
}

/** The rules that order two standings of equal total, tried in this order. */
export enum TieBreak {
  COMPETENCY_SCORE = 'COMPETENCY_SCORE',
  JOB_PERSON_MATCH = 'JOB_PERSON_MATCH',
  FROZEN_RANKING = 'FROZEN_RANKING',
}

export interface StandingScore {
  readonly stageId: number;
  readonly score: number;
  /** The frozen JPM standing in for a COMPETENCY score nobody entered. */
  readonly fromJobPersonMatch: boolean;
}

export interface StandingResult {
  readonly employeeId: number;
  /** 1 for the best; null when dropped. */
  readonly rank: number | null;
  /** The rank under the selection's own weights (differs from `rank` only in a what-if). */
  readonly baseRank: number | null;
  /** Σ weight × score / 100 over the stages scored so far; null when dropped. */
  readonly total: number | null;
  /** The stage whose pass mark the candidate did not reach (null: still in). */
  readonly droppedAt: number | null;
  /** Every stage has a score (entered, or the JPM for COMPETENCY) and none dropped them. */
  readonly complete: boolean;
  readonly scores: readonly StandingScore[];
  /** The rule that ordered this standing against a neighbour of equal total. */
  readonly tieBreak: TieBreak | null;
  readonly tieNote: string | null;
}

type Walked = Omit<StandingResult, 'rank' | 'baseRank' | 'tieBreak' | 'tieNote'> & {
  readonly competency: number | null;
  readonly jobPersonMatch: number;
  readonly frozenRank: number;
  readonly dropOrder: number;
};

/** Float noise off a total, so equal sums compare equal. */
const rounded = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * One candidate through the stages in order (PermenPANRB 15/2019: who fails a stage leaves the
 * later ones): a stage's score is the one entered, or for COMPETENCY the frozen JPM when none
 * was; a score below the pass mark drops the candidate there. A stage without a score is not
 * taken yet: it neither drops nor adds, and leaves the candidate incomplete.
 */
function walk(stages: readonly SelectionStageSpec[], candidate: CandidateScores): Walked {
  const scores: StandingScore[] = [];
  let droppedAt: SelectionStageSpec | null = null;
  let sum = 0;
  let complete = true;
  let competency: number | null = null;
  for (const stage of stages) {
    const entered = candidate.scores.get(stage.id);
    const fromJobPersonMatch = entered === undefined && stage.kind === StageKind.COMPETENCY;
    const score = fromJobPersonMatch ? candidate.jobPersonMatch : entered;
    if (droppedAt) {
      // Entered before an earlier score was corrected down: shown, not counted.
      if (entered !== undefined)
        scores.push({ stageId: stage.id, score: entered, fromJobPersonMatch });
      continue;
    }
    if (score === undefined) {
      complete = false;
      continue;
    }
    scores.push({ stageId: stage.id, score, fromJobPersonMatch });
    if (stage.kind === StageKind.COMPETENCY) competency = score;
    if (stage.passMark !== null && score < stage.passMark) droppedAt = stage;
    else sum += (stage.weight * score) / SCALE;
  }
  return {
    employeeId: candidate.employeeId,
    total: droppedAt ? null : rounded(sum),
    droppedAt: droppedAt?.id ?? null,
    complete: complete && !droppedAt,
    scores,
    competency,
    jobPersonMatch: candidate.jobPersonMatch,
    frozenRank: candidate.frozenRank,
    dropOrder: droppedAt?.order ?? 0,
  };
}

const TIE_RULES: readonly {
  rule: TieBreak;
  value: (w: Walked) => number;
  higherFirst: boolean;
  words: string;
}[] = [
  {
    rule: TieBreak.COMPETENCY_SCORE,
    value: (w) => w.competency ?? -1,
    higherFirst: true,
    words: 'higher competency score',
  },
  {
    rule: TieBreak.JOB_PERSON_MATCH,
    value: (w) => w.jobPersonMatch,
    higherFirst: true,
    words: 'higher frozen JPM',
  },
  {
    rule: TieBreak.FROZEN_RANKING,
    value: (w) => w.frozenRank + 1,
    higherFirst: false,
    words: 'earlier place in the frozen ranking',
  },
];

/** The tie rule that orders two standings of equal total (the frozen ranking always does). */
function tieRule(a: Walked, b: Walked) {
  return TIE_RULES.find((r) => r.value(a) !== r.value(b)) ?? TIE_RULES[TIE_RULES.length - 1];
}

/**
 * The ranking order: complete standings before incomplete ones, then the higher total; equal
 * totals by the higher COMPETENCY score (entered or JPM), then the higher frozen JPM, then the
 * earlier place in the frozen ranking (which never ties).
 */
function compareRanked(a: Walked, b: Walked): number {
  if (a.complete !== b.complete) return a.complete ? -1 : 1;
  if (a.total !== b.total) return (b.total ?? 0) - (a.total ?? 0);
  const rule = tieRule(a, b);
  const diff = rule.value(a) - rule.value(b);
  return rule.higherFirst ? -diff : diff;
}

const tied = (a: Walked | undefined, b: Walked | undefined) =>
  !!a && !!b && a.complete === b.complete && a.total === b.total;

/**
 * The standings of a selection: every candidate walked through the stages (in their order),
 * those still in ranked by `compareRanked` (rank 1 first), those dropped after them (the one
 * who went further first, then by the frozen ranking) with no rank and no total. Standings
 * ranked just above or below one of equal total name the tie rule that ordered them.
 */
export function standingsOf(
  stages: readonly SelectionStageSpec[],
  candidates: readonly CandidateScores[],
): StandingResult[] {
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  const walked = candidates.map((c) => walk(ordered, c));
  const ranked = walked.filter((w) => w.droppedAt === null).sort(compareRanked);
  const dropped = walked
    .filter((w) => w.droppedAt !== null)
    .sort((a, b) => b.dropOrder - a.dropOrder || a.frozenRank - b.frozenRank);
  const standing = (
    w: Walked,
    rank: number | null,
    tie: { rule: TieBreak; note: string } | null,
  ) => ({
    employeeId: w.employeeId,
    rank,
    baseRank: rank,
    total: w.total,
    droppedAt: w.droppedAt,
    complete: w.complete,
    scores: w.scores,
    tieBreak: tie?.rule ?? null,
    tieNote: tie?.note ?? null,
  });
  return [
    ...ranked.map((w, i) => {
      const above = ranked[i - 1];
      const below = ranked[i + 1];
      const other = tied(above, w) ? above : tied(w, below) ? below : null;
      if (!other) return standing(w, i + 1, null);
      const rule = tieRule(w, other);
      const otherRank = other === above ? i : i + 2;
      const place = other === above ? 'after' : 'before';
      return standing(w, i + 1, {
        rule: rule.rule,
        note: `Equal total ${w.total} with rank ${otherRank}: placed ${place} it by the ${rule.words} (${rule.value(w)} against ${rule.value(other)}).`,
      });
    }),
    ...dropped.map((w) => standing(w, null, null)),
  ];
}

/** The names the committee proposes to the PPK: the three best complete standings not dropped. */
export function proposedNames<T extends Pick<StandingResult, 'rank' | 'complete'>>(
  standings: readonly T[],
): T[] {
  return standings.filter((s) => s.rank !== null && s.complete).slice(0, 3);
}
