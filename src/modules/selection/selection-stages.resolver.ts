import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { payloadType } from '../../shared/user-error';
import { Role } from '../../platform/auth/auth.types';
import { PositionCategory } from '../../domain/position.enums';
import { Employee } from '../employee/employee.entity';
import { StageKind, TieBreak } from './selection.enums';
import { Selection } from './selection.entity';
import { SelectionStage } from './selection-stage.entity';
import { SelectionPayload } from './selection.resolver';
import {
  proposedFor,
  recordStageScore,
  setStageTemplate,
  stageTemplates,
  standingsFor,
  type StandingView,
} from './selection-stages.service';
import { stagesOf } from './selection-stages.store';

@ObjectType({ description: 'A candidate’s score at a stage: the one in force.' })
export class StageScore {
  @Field(() => SelectionStage, { description: 'The stage.' }) stage!: SelectionStage;
  @Field(() => Float, { description: 'The score, 0–100 (pass/fail stages: 100 passes, 0 fails).' })
  score!: number;
  @Field(() => String, { nullable: true, description: 'The committee’s note with it.' })
  note!: string | null;
  @Field(() => Boolean, {
    description:
      'The JPM frozen at opening, standing in for a COMPETENCY score the committee has not entered.',
  })
  fromJobPersonMatch!: boolean;
}

@ObjectType({
  description:
    'Where a candidate stands in a staged selection: the scores in force, the weighted total and the rank, or the stage they dropped at.',
})
export class Standing {
  employeeId!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Rank among the candidates still in (1 best): complete standings first, then by `total`, ties by `tieBreak`. Null when dropped.',
  })
  rank!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The rank under the selection’s own weights: equal to `rank` unless weights were given (what-if), so it shows how the ranks moved.',
  })
  baseRank!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Σ weight × score / 100 over the stages scored so far (the final score once complete). Null when dropped.',
  })
  total!: number | null;

  @Field(() => Boolean, {
    description:
      'Every stage has a score (entered, or the JPM for COMPETENCY) and the candidate did not drop; only complete standings are proposed.',
  })
  complete!: boolean;

  @Field(() => SelectionStage, {
    nullable: true,
    description:
      'The stage whose pass mark the candidate did not reach: they take no later stage. Null while still in.',
  })
  droppedAt!: SelectionStage | null;

  @Field(() => [StageScore], {
    description:
      'The scores in force, in stage order (scores entered after the stage dropped at are shown but not counted).',
  })
  scores!: StageScore[];

  @Field(() => TieBreak, {
    nullable: true,
    description:
      'When the standing ranked just above or below has an equal total: the rule that ordered the two. Null otherwise.',
  })
  tieBreak!: TieBreak | null;

  @Field(() => String, {
    nullable: true,
    description: 'The tie in words: the other rank, the rule and both values.',
  })
  tieNote!: string | null;
}

@ObjectType({ description: 'A stage of a category’s template.' })
export class TemplateStage {
  @Field(() => String, { description: 'Its name.' }) name!: string;
  @Field(() => StageKind, { description: 'What it tests.' }) kind!: StageKind;
  @Field(() => Float, { description: 'Share of the final total, 0–100.' }) weight!: number;
  @Field(() => Float, { nullable: true, description: 'The lowest passing score; null: none.' })
  passMark!: number | null;
  @Field(() => Int, { description: 'Its place in the procedure.' }) order!: number;
}

@ObjectType({
  description:
    'The stages a selection for a position of a category copies when it is opened (data; ADMIN changes them).',
})
export class StageTemplate {
  @Field(() => PositionCategory, { description: 'The category.' }) category!: PositionCategory;
  @Field(() => [TemplateStage], { description: 'Its stages, in order.' })
  stages!: TemplateStage[];
  @Field(() => Boolean, {
    description:
      'The category has no template: its selections get one COMPETENCY stage of weight 100, no pass mark, scored by the frozen JPM unless the committee enters another.',
  })
  fallback!: boolean;
}

@InputType({ description: 'A stage of a template.' })
export class StageInput {
  @Field(() => String, { description: 'Its name (at most 100 characters).' }) name!: string;
  @Field(() => StageKind, { description: 'What it tests.' }) kind!: StageKind;
  @Field(() => Float, {
    description:
      'Share of the final total, 0–100; the weights add up to 100; 0 on pass/fail stages.',
  })
  weight!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'The lowest passing score, 0–100; none: no pass mark; pass/fail stages pass at 100.',
  })
  passMark?: number | null;
  @Field(() => Int, { description: 'Its place in the procedure, unique (1 first).' })
  order!: number;
}

@InputType({ description: 'The template of a category.' })
export class SetStageTemplateInput {
  @Field(() => PositionCategory, { description: 'The category.' }) category!: PositionCategory;
  @Field(() => [StageInput], {
    description: 'Its stages (1 to 10); an empty list removes the template (the fallback applies).',
  })
  stages!: StageInput[];
}

@InputType({ description: 'A stage score for a candidate of an open selection.' })
export class RecordStageScoreInput {
  @Field(() => ID, { description: 'The selection.' }) selectionId!: string;
  @Field(() => ID, { description: 'Global ID of a candidate of the selection.' }) employee!: string;
  @Field(() => ID, { description: 'Global ID of a stage of the selection.' }) stage!: string;
  @Field(() => Float, {
    description: 'The score, 0–100; on a pass/fail stage 100 (passes) or 0 (fails).',
  })
  score!: number;
  @Field(() => String, { nullable: true, description: 'A note (at most 2,000 characters).' })
  note?: string | null;
}

@InputType({ description: 'Another weight for a stage of the selection (a what-if).' })
export class StageWeightInput {
  @Field(() => ID, { description: 'Global ID of a stage of the selection.' }) stage!: string;
  @Field(() => Float, { description: 'The weight to assume, 0–100.' }) weight!: number;
}

export const StageTemplatePayload = payloadType(
  'StageTemplatePayload',
  'stageTemplate',
  StageTemplate,
  'Result of setting a stage template.',
);

const WEIGHTS = {
  nullable: true,
  description:
    'What-if: other weights for some stages (the rest keep theirs; all must still add up to 100); computed, never written.',
} as const;

@Resolver(() => Selection)
export class SelectionStagesResolver {
  @FieldResolver(() => [SelectionStage], {
    description:
      'The stages frozen at opening, in order (none for selections opened before stages were kept).',
  })
  stages(@Root() selection: Selection, @Ctx() ctx: Context) {
    return stagesOf(ctx, selection);
  }

  @FieldResolver(() => [Standing], {
    description:
      'Every frozen candidate’s standing: those still in ranked best first, then those dropped (the furthest first).',
  })
  standings(
    @Root() selection: Selection,
    @Arg('weights', () => [StageWeightInput], WEIGHTS) weights: StageWeightInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return standingsFor(ctx, selection, weights);
  }

  @FieldResolver(() => [Standing], {
    description:
      'The names proposed to the PPK: the three best complete standings not dropped, best first (fewer if fewer qualify).',
  })
  proposedNames(
    @Root() selection: Selection,
    @Arg('weights', () => [StageWeightInput], WEIGHTS) weights: StageWeightInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return proposedFor(ctx, selection, weights);
  }

  @Authorized(Role.COMMITTEE)
  @Mutation(() => SelectionPayload, {
    nullable: true,
    description:
      'Records a candidate’s score at a stage of an open selection; a later score for the same candidate and stage supersedes it, both kept.',
  })
  recordStageScore(
    @Arg('input', () => RecordStageScoreInput, { description: 'The score.' })
    input: RecordStageScoreInput,
    @Ctx() ctx: Context,
  ) {
    return recordStageScore(ctx, input);
  }
}

@Resolver(() => StageTemplate)
export class StageTemplateResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @Query(() => [StageTemplate], {
    nullable: true,
    description: 'The stage template of every position category (or its fallback).',
  })
  stageTemplates(@Ctx() ctx: Context) {
    return stageTemplates(ctx);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => StageTemplatePayload, {
    nullable: true,
    description:
      'Replaces the stage template of a category; selections already opened keep their stages.',
  })
  setStageTemplate(
    @Arg('input', () => SetStageTemplateInput, { description: 'The template.' })
    input: SetStageTemplateInput,
    @Ctx() ctx: Context,
  ) {
    return setStageTemplate(ctx, {
      category: input.category,
      stages: input.stages.map((s) => ({ ...s, passMark: s.passMark ?? null })),
    });
  }
}

@Resolver(() => Standing)
export class StandingResolver {
  @FieldResolver(() => Employee, { nullable: true, description: 'The candidate.' })
  employee(@Root() standing: StandingView, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Employee).load(standing.employeeId);
  }
}
