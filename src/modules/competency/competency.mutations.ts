import { Role } from '../../platform/auth/auth.types';
import { Arg, Ctx, Field, InputType, Int, Mutation, Resolver, Authorized } from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { payloadType } from '../../shared/user-error';
import { saveCoded, type CodedKind } from '../../records/save-record';
import { Competency } from './competency.entity';
import { CompetencyType } from '../../domain/competency.enums';

@InputType({ description: 'One proficiency level of a competency.' })
export class CompetencyLevelInput {
  @Field(() => Int, { description: 'Level 1–5.' }) level!: number;
  @Field(() => String, { description: 'What a person at this level does.' }) description!: string;
  @Field(() => [String], { nullable: true, description: 'Behavioural indicators.' })
  indicators?: string[];
}

@InputType({ description: 'A new competency.' })
export class CreateCompetencyInput {
  @Field(() => String, { description: 'Natural key, e.g. `T.KEU.05`.' }) code!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  @Field(() => CompetencyType, { description: 'Block.' }) type!: CompetencyType;
  @Field(() => String, { nullable: true, description: 'What it is about.' }) description?: string;
  @Field(() => [CompetencyLevelInput], {
    nullable: true,
    description: 'Levels 1–5, each at most once.',
  })
  levels?: CompetencyLevelInput[];
}

@InputType({ description: 'Changes to a competency; `levels`, when given, replace all levels.' })
export class UpdateCompetencyInput {
  @Field(() => String, { description: 'The competency to change.' }) code!: string;
  @Field(() => String, { nullable: true, description: 'Name.' }) name?: string;
  @Field(() => CompetencyType, { nullable: true, description: 'Block.' }) type?: CompetencyType;
  @Field(() => String, { nullable: true, description: 'What it is about.' }) description?: string;
  @Field(() => [CompetencyLevelInput], {
    nullable: true,
    description: 'All levels, replacing the stored ones.',
  })
  levels?: CompetencyLevelInput[];
}

export const CompetencyPayload = payloadType(
  'CompetencyPayload',
  'competency',
  Competency,
  'Result of a competency mutation.',
);

const COMPETENCY: CodedKind<Competency, 'competency'> = {
  section: 'competencies',
  entity: Competency,
  field: 'competency',
  noun: 'Competency',
};

@Resolver()
export class CompetencyMutationResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => CompetencyPayload, {
    nullable: true,
    description: 'Adds a competency to the dictionary.',
  })
  async createCompetency(
    @Arg('input', () => CreateCompetencyInput, { description: 'What to change.' })
    input: CreateCompetencyInput,
    @Ctx() ctx: Context,
  ) {
    return saveCoded(ctx, COMPETENCY, input, 'create');
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CompetencyPayload, { nullable: true, description: 'Changes a competency.' })
  async updateCompetency(
    @Arg('input', () => UpdateCompetencyInput, { description: 'What to change.' })
    input: UpdateCompetencyInput,
    @Ctx() ctx: Context,
  ) {
    return saveCoded(ctx, COMPETENCY, input, 'update');
  }
}
