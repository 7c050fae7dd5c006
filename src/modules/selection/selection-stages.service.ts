import type { Context } from '../../platform/graphql/context';
import { badInput, UserErrorCode } from '../../shared/errors';
import { fromGlobalId, toGlobalId } from '../../shared/global-id';
import type { UserError } from '../../shared/user-error';
import { actorOf, recordAudit } from '../../records/audit';
import { PositionCategory } from '../../domain/position.enums';
import {
  FALLBACK_STAGES,
  normalStages,
  scoreIssue,
  stageIssues,
  type StageSpec,
} from '../../domain/selection-stages';
import {
  proposedNames,
  standingsOf,
  type CandidateScores,
  type StandingResult,
} from '../../domain/selection-standings';
import { reweighed, standingsUnderWeights } from '../../domain/selection-what-if';
import type { Selection } from './selection.entity';
import { SelectionStage } from './selection-stage.entity';
import { scoreMacOf, selectionKey } from './selection.record';
import {
  candidateById,
  changeOpenSelection,
  MAX_TEXT,
  refused,
  type Payload,
} from './selection.service';
import { scoresOf, stageRowsOf, stagesOf, templateOf } from './selection-stages.store';

/** A category's template as the API shows it: its stages, or the fallback's when it has none. */
export interface StageTemplateView {
  readonly category: PositionCategory;
  readonly stages: readonly StageSpec[];
  readonly fallback: boolean;
}

/** The template of every category, in the order of the categories. */
export async function stageTemplates(ctx: Context): Promise<StageTemplateView[]> {
  return Promise.all(Object.values(PositionCategory).map((c) => stageTemplate(ctx, c)));
}

async function stageTemplate(ctx: Context, category: PositionCategory): Promise<StageTemplateView> {
  const stages = await templateOf(ctx.knex, category);
  return { category, stages: stages ?? FALLBACK_STAGES, fallback: stages === null };
}

/**
 * Replaces the template of a category (ADMIN), validated as a whole (`stageIssues`: each error
 * names the stage's index and field); no stages removes it, so the category falls back. The
 * stages of selections already open do not change. Audited with the template before and after.
 */
export async function setStageTemplate(
  ctx: Context,
  input: { category: PositionCategory; stages: readonly StageSpec[] },
): Promise<{ userErrors: UserError[]; stageTemplate: StageTemplateView | null }> {
  const issues = input.stages.length === 0 ? [] : stageIssues(input.stages);
  if (issues.length > 0)
    return {
      userErrors: issues.map((issue) => ({
        field:
          issue.index === null
            ? ['input', 'stages']
            : ['input', 'stages', String(issue.index), issue.field],
        code: UserErrorCode[issue.code],
        message: issue.message,
      })),
      stageTemplate: null,
    };
  const stages = normalStages(input.stages);
  await ctx.knex.transaction(async (trx) => {
    // One writer of a category's template at a time.
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [
      `stage_template ${input.category}`,
    ]);
    const before = await templateOf(trx, input.category);
    await trx('stage_template_stage').where('category', input.category).delete();
    if (stages.length > 0)
      await trx('stage_template_stage').insert(
        stages.map((s) => ({
          category: input.category,
          name: s.name,
          kind: s.kind,
          weight: s.weight,
          pass_mark: s.passMark,
          order: s.order,
        })),
      );
    await recordAudit(trx, {
      actor: actorOf(ctx),
      action: 'setStageTemplate',
      section: 'stageTemplates',
      recordKey: input.category,
      before: before?.map(({ name, kind, weight, passMark, order }) => ({
        name,
        kind,
        weight,
        passMark,
        order,
      })),
      after: stages,
    });
  });
  return { userErrors: [], stageTemplate: await stageTemplate(ctx, input.category) };
}

/**
 * Records a candidate's score at a stage of an open selection (COMMITTEE of its agency): the
 * candidate one of the frozen ranking (by global ID), the stage one of the selection's, the score
 * 0–100 (0 or 100 on a pass/fail stage), and not at a stage after the one the candidate dropped
 * at. Appended: a later score for the same candidate and stage supersedes the earlier one, which
 * stays. Sealed with a MAC chained to the selection's previous score; audited.
 */
export function recordStageScore(
  ctx: Context,
  input: {
    selectionId: string;
    employee: string;
    stage: string;
    score: number;
    note?: string | null;
  },
): Promise<Payload> {
  if (input.note && input.note.length > MAX_TEXT)
    return Promise.resolve(
      refused(
        ['input', 'note'],
        UserErrorCode.OUT_OF_RANGE,
        `note: at most ${MAX_TEXT} characters`,
      ),
    );
  return changeOpenSelection(ctx, input.selectionId, async (trx, row, actor) => {
    const candidate = candidateById(row.snapshot, input.employee);
    if (!candidate)
      return refused(
        ['input', 'employee'],
        UserErrorCode.NOT_FOUND,
        `employee: no candidate of this selection has ID ${input.employee}`,
      );
    const stages = await stageRowsOf(trx, row.id);
    const parsed = fromGlobalId(input.stage);
    const stage =
      parsed?.typeName === 'SelectionStage' ? stages.find((s) => s.id === parsed.id) : undefined;
    if (!stage)
      return refused(
        ['input', 'stage'],
        UserErrorCode.NOT_FOUND,
        `stage: no stage of this selection has ID ${input.stage}`,
      );
    const wrong = scoreIssue(stage.kind, input.score);
    if (wrong)
      return refused(
        ['input', 'score'],
        UserErrorCode.OUT_OF_RANGE,
        `score at ${stage.name}: ${wrong}`,
      );
    const earlier = await trx('selection_stage_score')
      .where({ selection_id: row.id, employee_id: candidate.employeeId })
      .orderBy('id', 'asc')
      .select<{ id: number; stage_id: number; score: number; mac: string }[]>(
        'id',
        'stage_id',
        'score',
        'mac',
      );
    const [standing] = standingsOf(stages, [
      {
        employeeId: candidate.employeeId,
        frozenRank: 0,
        jobPersonMatch: candidate.result.jobPersonMatch,
        scores: new Map(earlier.map((s) => [s.stage_id, s.score])),
      },
    ]);
    const dropped = stages.find((s) => s.id === standing.droppedAt);
    if (dropped && dropped.order < stage.order)
      return refused(
        ['input', 'stage'],
        UserErrorCode.INVALID,
        `stage: ${candidate.name} dropped at stage ${dropped.order} (${dropped.name}), below its pass mark ${dropped.passMark}, and takes no later stage such as ${stage.order} (${stage.name}); correct the score at ${dropped.name} first if it was wrong`,
      );
    const previous = await trx('selection_stage_score')
      .where('selection_id', row.id)
      .orderBy('id', 'desc')
      .first<{ mac: string } | undefined>('mac');
    const superseded = earlier.filter((s) => s.stage_id === stage.id).at(-1);
    const content = {
      employeeId: candidate.employeeId,
      stageOrder: stage.order,
      score: input.score,
      note: input.note || null,
      recordedAt: new Date(),
      recordedBy: actor.subject,
    };
    const key = selectionKey();
    const mac = scoreMacOf(
      key,
      row.fingerprint,
      content,
      previous?.mac ?? null,
      superseded?.mac ?? null,
    );
    await trx('selection_stage_score').insert({
      selection_id: row.id,
      stage_id: stage.id,
      employee_id: content.employeeId,
      score: content.score,
      note: content.note,
      recorded_at: content.recordedAt,
      recorded_by: content.recordedBy,
      supersedes_id: superseded?.id ?? null,
      mac,
    });
    await recordAudit(trx, {
      actor,
      action: 'recordStageScore',
      section: 'selections',
      recordKey: `${row.id} ${candidate.nip ?? toGlobalId('Employee', candidate.employeeId)} ${stage.order}`,
      agency: row.agency,
      before: superseded ? { score: superseded.score } : null,
      after: {
        stage: stage.name,
        order: stage.order,
        score: content.score,
        note: content.note,
        mac,
      },
    });
    return null;
  });
}

/** A standing as the API shows it: the domain's, with its stages and notes. */
export interface StandingView {
  readonly employeeId: number;
  readonly rank: number | null;
  readonly baseRank: number | null;
  readonly total: number | null;
  readonly complete: boolean;
  readonly droppedAt: SelectionStage | null;
  readonly scores: {
    stage: SelectionStage;
    score: number;
    note: string | null;
    fromJobPersonMatch: boolean;
  }[];
  readonly tieBreak: StandingResult['tieBreak'];
  readonly tieNote: string | null;
}

/** A changed stage weight, as the API takes it (the stage by global ID). */
export interface StageWeightArg {
  readonly stage: string;
  readonly weight: number;
}

/**
 * The standings of a selection (`standingsOf`): its frozen candidates with each stage's score in
 * force (the latest entered). With `weights`, the standings as if the stages had those weights,
 * each with its rank under the selection's own (`baseRank`), computed, never written; weights
 * that do not make a valid set are refused naming `weights[i]` and the field.
 */
export async function standingsFor(
  ctx: Context,
  selection: Selection,
  weights: readonly StageWeightArg[] | null,
): Promise<StandingView[]> {
  const [stages, scores] = await Promise.all([stagesOf(ctx, selection), scoresOf(ctx, selection)]);
  type Entered = Map<number, { score: number; note: string | null }>;
  // Scores come in the order recorded: the last one per candidate and stage is in force.
  const current = new Map<number, Entered>();
  for (const s of scores) {
    const byStage: Entered = current.get(s.employeeId) ?? (new Map() as Entered);
    byStage.set(s.stage.id, { score: s.score, note: s.note ?? null });
    current.set(s.employeeId, byStage);
  }
  const candidates: CandidateScores[] = selection.snapshot.candidates.map((c, frozenRank) => ({
    employeeId: c.employeeId,
    frozenRank,
    jobPersonMatch: c.result.jobPersonMatch,
    scores: new Map([...(current.get(c.employeeId) ?? [])].map(([id, s]) => [id, s.score])),
  }));
  const specs = stages.map((s) => ({ ...stageSpecOf(s), id: s.id }));
  let shown = new Map(stages.map((s) => [s.id, s]));
  let results: StandingResult[];
  if (weights) {
    const changed = reweighed(
      specs,
      weights.map((w) => {
        const parsed = fromGlobalId(w.stage);
        return {
          stageId: parsed?.typeName === 'SelectionStage' ? parsed.id : -1,
          weight: w.weight,
        };
      }),
    );
    if (changed.issues.length > 0)
      throw badInput(changed.issues.join('; '), { argument: 'weights' });
    results = standingsUnderWeights(specs, changed.stages, candidates);
    shown = new Map(changed.stages.map((s) => [s.id, Object.assign(new SelectionStage(), s)]));
  } else results = standingsOf(specs, candidates);
  return results.map((r) => ({
    ...r,
    droppedAt: r.droppedAt === null ? null : (shown.get(r.droppedAt) ?? null),
    scores: r.scores.map((s) => ({
      stage: shown.get(s.stageId) as SelectionStage,
      score: s.score,
      note: s.fromJobPersonMatch ? null : (current.get(r.employeeId)?.get(s.stageId)?.note ?? null),
      fromJobPersonMatch: s.fromJobPersonMatch,
    })),
  }));
}

/** The names proposed to the PPK (`proposedNames`), under the selection's or the given weights. */
export async function proposedFor(
  ctx: Context,
  selection: Selection,
  weights: readonly StageWeightArg[] | null,
): Promise<StandingView[]> {
  return proposedNames(await standingsFor(ctx, selection, weights));
}

function stageSpecOf(stage: SelectionStage): StageSpec {
  return {
    name: stage.name,
    kind: stage.kind,
    weight: stage.weight,
    passMark: stage.passMark ?? null,
    order: stage.order,
  };
}
