import { Field, Int, ObjectType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';

/** An employee's current level in one competency: the latest assessment up to a date. */
@ObjectType({ description: "An employee's current level in a competency (latest assessment)." })
export class EmployeeCompetency {
  competencyId!: number;
  assessmentId!: number;

  @Field(() => Int, { description: 'Assessed level, 1–5.' })
  level!: number;

  @Field(() => DateResolver, { description: 'When that level was assessed.' })
  assessedOn!: string;

  @Field(() => Boolean, { description: 'The assessment is older than the validity period.' })
  stale!: boolean;
}

/** JP of competency development in one year against the yearly entitlement. */
@ObjectType({ description: 'Training hours (JP) in a year against the 20 JP target.' })
export class TrainingHours {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => Int, { description: 'JP completed in the year.' })
  hours!: number;

  @Field(() => Int, { description: 'The target (20 JP unless asked otherwise).' })
  target!: number;

  @Field(() => Boolean, { description: 'hours ≥ target.' })
  met!: boolean;
}
