import { Role } from '../../platform/auth/auth.types';
import {
  Arg,
  Ctx,
  Field,
  Float,
  InputType,
  Int,
  Mutation,
  Resolver,
  Authorized,
} from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { payloadType } from '../../shared/user-error';
import { TITLE_DEPRECATION, titleFromName } from '../../shared/naming';
import { saveCoded, type CodedKind } from '../../records/save-record';
import { Position } from './position.entity';
import { PerformanceRating, PositionCategory } from '../../domain/position.enums';
import { DisciplineLevel } from '../../domain/discipline';

@InputType({ description: 'A competency a position requires.' })
export class RequirementInput {
  @Field(() => String, { description: 'Competency code.' }) competency!: string;
  @Field(() => Int, { description: 'Required level, 1–5.' }) level!: number;
  @Field(() => Float, { nullable: true, description: 'Weight in the JPM (> 0, default 1).' })
  weight?: number;
  @Field(() => Boolean, { nullable: true, description: 'A gap here disqualifies (default false).' })
  critical?: boolean;
}

@InputType({
  description: 'Hard requirements; a field left out has no requirement (or its default).',
})
export class PositionConditionsInput {
  @Field(() => String, { nullable: true, description: 'Minimum rank code, e.g. `III/d`.' })
  minRank?: string | null;
  @Field(() => String, { nullable: true, description: 'Minimum education code (D4 = S1).' })
  minEducation?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Codes of courses the holder must have completed.',
  })
  requiredCourses?: string[];
  @Field(() => Int, { nullable: true, description: 'Minimum years of service.' })
  minYearsOfService?: number | null;
  @Field(() => PerformanceRating, { nullable: true, description: 'Lowest acceptable rating.' })
  minPerformance?: PerformanceRating | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Recent rated years that must reach it (default 2).',
  })
  performanceYears?: number;
  @Field(() => DisciplineLevel, {
    nullable: true,
    description:
      'No disciplinary sentence of this level or heavier within `disciplineYears` (serving one always bars).',
  })
  disciplineLevel?: DisciplineLevel | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The window of `disciplineLevel` in years, 1–10 (default 5).',
  })
  disciplineYears?: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Retirement age (default by category: 58, 60 or 65).',
  })
  retirementAge?: number;
}

@InputType({ description: 'A new position with its job profile.' })
export class CreatePositionInput {
  @Field(() => String, { description: 'Natural key (kode jabatan).' }) code!: string;
  @Field(() => String, { nullable: true, description: 'Name (required, unless `title` is given).' })
  name?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The name, under its old field name.',
    deprecationReason: TITLE_DEPRECATION,
  })
  title?: string | null;
  @Field(() => PositionCategory, { description: 'Category.' }) category!: PositionCategory;
  @Field(() => String, { description: 'Org unit code.' }) orgUnit!: string;
  @Field(() => String, { nullable: true, description: 'Job summary.' }) summary?: string;
  @Field(() => String, { nullable: true, description: 'Field of government affairs.' })
  governmentAffair?: string | null;
  @Field(() => [RequirementInput], {
    nullable: true,
    description: 'Required competencies, in order.',
  })
  requirements?: RequirementInput[];
  @Field(() => PositionConditionsInput, { nullable: true, description: 'Hard requirements.' })
  conditions?: PositionConditionsInput;
}

@InputType({
  description:
    'Changes to a position; `requirements` and `conditions`, when given, replace the stored ones.',
})
export class UpdatePositionInput {
  @Field(() => String, { description: 'The position to change.' }) code!: string;
  @Field(() => String, { nullable: true, description: 'New name.' }) name?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The new name, under its old field name.',
    deprecationReason: TITLE_DEPRECATION,
  })
  title?: string | null;
  @Field(() => PositionCategory, { nullable: true, description: 'Category.' })
  category?: PositionCategory;
  @Field(() => String, { nullable: true, description: 'Org unit code.' }) orgUnit?: string;
  @Field(() => String, { nullable: true, description: 'Job summary.' }) summary?: string;
  @Field(() => String, { nullable: true, description: 'Field of government affairs.' })
  governmentAffair?: string | null;
  @Field(() => [RequirementInput], { nullable: true, description: 'All requirements.' })
  requirements?: RequirementInput[];
  @Field(() => PositionConditionsInput, { nullable: true, description: 'All hard requirements.' })
  conditions?: PositionConditionsInput;
}

export const PositionPayload = payloadType(
  'PositionPayload',
  'position',
  Position,
  'Result of a position mutation.',
);

const POSITION: CodedKind<Position, 'position'> = {
  section: 'positions',
  entity: Position,
  field: 'position',
  noun: 'Position',
};

@Resolver()
export class PositionMutationResolver {
  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => PositionPayload, {
    nullable: true,
    description: 'Creates a position with its job profile.',
  })
  async createPosition(
    @Arg('input', () => CreatePositionInput, { description: 'What to change.' })
    input: CreatePositionInput,
    @Ctx() ctx: Context,
  ) {
    const named = titleFromName(input, true);
    if (named.userErrors.length) return { userErrors: named.userErrors, position: null };
    return saveCoded(ctx, POSITION, named.input, 'create');
  }

  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => PositionPayload, {
    nullable: true,
    description: 'Changes a position or its job profile.',
  })
  async updatePosition(
    @Arg('input', () => UpdatePositionInput, { description: 'What to change.' })
    input: UpdatePositionInput,
    @Ctx() ctx: Context,
  ) {
    const named = titleFromName(input, false);
    if (named.userErrors.length) return { userErrors: named.userErrors, position: null };
    return saveCoded(ctx, POSITION, named.input, 'update');
  }
}
