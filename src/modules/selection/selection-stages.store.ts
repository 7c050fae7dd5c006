import type { Knex } from '@mikro-orm/knex';
import type { Context } from '../../platform/graphql/context';
import { FALLBACK_STAGES, normalStages, type StageSpec } from '../../domain/selection-stages';
import type { PositionCategory } from '../../domain/position.enums';
import type { StageKind } from '../../domain/selection-stages';
import type { Selection } from './selection.entity';
import { SelectionStage } from './selection-stage.entity';
import { SelectionStageScore } from './selection-stage-score.entity';
import type { StoredScore } from './selection.record';

/** A stage row as PostgreSQL gives it. */
interface StageRow {
  id: number;
  name: string;
  kind: StageKind;
  weight: number;
  pass_mark: number | null;
  order: number;
}

const stageOfRow = (row: StageRow) => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  weight: row.weight,
  passMark: row.pass_mark,
  order: row.order,
});

/** The template of a category (in order), or null when the category has none. */
export async function templateOf(
  knex: Knex,
  category: PositionCategory,
): Promise<StageSpec[] | null> {
  const rows = await knex('stage_template_stage')
    .where('category', category)
    .orderBy('order')
    .select<StageRow[]>('id', 'name', 'kind', 'weight', 'pass_mark', 'order');
  return rows.length === 0 ? null : rows.map(stageOfRow);
}

/** The stages a selection of a category freezes: its template's, or the fallback's. */
export async function stagesToFreeze(knex: Knex, category: PositionCategory): Promise<StageSpec[]> {
  return normalStages((await templateOf(knex, category)) ?? FALLBACK_STAGES);
}

/** Writes a selection's frozen stages, in the transaction that opens it. */
export async function insertStages(
  trx: Knex.Transaction,
  selectionId: number,
  stages: readonly StageSpec[],
): Promise<void> {
  await trx('selection_stage').insert(
    stages.map((s) => ({
      selection_id: selectionId,
      name: s.name,
      kind: s.kind,
      weight: s.weight,
      pass_mark: s.passMark,
      order: s.order,
    })),
  );
}

/** A selection's stages as stored, in order, read in a transaction. */
export async function stageRowsOf(trx: Knex, selectionId: number) {
  const rows = await trx('selection_stage')
    .where('selection_id', selectionId)
    .orderBy('order')
    .select<StageRow[]>('id', 'name', 'kind', 'weight', 'pass_mark', 'order');
  return rows.map(stageOfRow);
}

/** A selection's stages, in order (none for selections opened before stages were kept). */
export function stagesOf(ctx: Context, selection: Selection): Promise<SelectionStage[]> {
  return ctx.loaders.childrenOf(SelectionStage, 'selection', { order: 'ASC' }).load(selection.id);
}

/** A selection's stage scores, in the order recorded (superseded ones included). */
export function scoresOf(ctx: Context, selection: Selection): Promise<SelectionStageScore[]> {
  return ctx.loaders.childrenOf(SelectionStageScore, 'selection', { id: 'ASC' }).load(selection.id);
}

/** A selection's stages and scores as verification reads them. */
export async function sealedStagesAndScores(ctx: Context, selection: Selection) {
  const [stages, scores] = await Promise.all([stagesOf(ctx, selection), scoresOf(ctx, selection)]);
  const orderOf = new Map(stages.map((s) => [s.id, s.order]));
  const stored: StoredScore[] = scores.map((s) => ({
    id: s.id,
    employeeId: s.employeeId,
    // A score whose stage is not the selection's own cannot verify.
    stageOrder: orderOf.get(s.stage.id) ?? -1,
    score: s.score,
    note: s.note ?? null,
    recordedAt: s.recordedAt,
    recordedBy: s.recordedBy,
    supersedesId: s.supersedes?.id ?? null,
    mac: s.mac,
  }));
  return {
    stages: stages.map((s) => ({
      name: s.name,
      kind: s.kind,
      weight: s.weight,
      passMark: s.passMark ?? null,
      order: s.order,
    })),
    scores: stored,
  };
}
