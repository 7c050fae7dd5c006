import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error';
import { PerformanceRating } from '../../domain/position.enums';
import { TalentBoxAction } from './talent-box-action.entity';
import { TalentPolicy } from './talent-policy.entity';

@InputType({ description: 'Talent-matrix cut-offs for an agency, or the default.' })
export class SetTalentPolicyInput {
  @Field(() => String, { nullable: true, description: 'The agency; leave out for the default.' })
  agencyCode?: string | null;
  @Field(() => Float, { description: 'Potential at or above this is MEDIUM.' })
  potentialMediumFrom!: number;
  @Field(() => Float, { description: 'Potential at or above this is HIGH.' })
  potentialHighFrom!: number;
  @Field(() => [PerformanceRating], { description: 'Ratings above expectation.' })
  aboveRatings!: PerformanceRating[];
  @Field(() => [PerformanceRating], {
    description: 'Ratings meeting expectation; others are below.',
  })
  meetsRatings!: PerformanceRating[];
}

@ObjectType({ description: 'Result of setting talent cut-offs.' })
export class TalentPolicyPayload {
  @Field(() => TalentPolicy, {
    nullable: true,
    description: 'The cut-offs now in force for the scope.',
  })
  talentPolicy!: TalentPolicy | null;
  @Field(() => [UserError], { description: 'Empty when saved.' }) userErrors!: UserError[];
}

@InputType({ description: 'The name and suggested action of a box.' })
export class SetTalentBoxActionInput {
  @Field(() => Int, { description: 'Box 1–9.' }) box!: number;
  @Field(() => String, { description: 'Short name.' }) label!: string;
  @Field(() => String, { description: 'Suggested action.' }) action!: string;
}

@ObjectType({ description: 'Result of setting a box action.' })
export class TalentBoxActionPayload {
  @Field(() => TalentBoxAction, { nullable: true, description: 'The box as saved.' })
  talentBoxAction!: TalentBoxAction | null;
  @Field(() => [UserError], { description: 'Empty when saved.' }) userErrors!: UserError[];
}
