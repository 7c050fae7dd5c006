import { Field, ID, InputType, Int } from 'type-graphql';
import { ReadinessHorizon } from '../fit/fit.types';

@InputType({
  description:
    'A talent committee’s calibration of an employee’s box for a year, with its reason (the computed box is kept beside it).',
})
export class CalibrateTalentBoxInput {
  @Field(() => ID, { description: 'Global ID of the employee.' }) employee!: string;
  @Field(() => Int, { description: 'The year of the placement (2000 to the current year).' })
  year!: number;
  @Field(() => Int, { description: 'The box decided, 1–9.' }) box!: number;
  @Field(() => String, {
    description: 'Why (required; spaces alone are none; at most 2,000 characters).',
  })
  reason!: string;
}

@InputType({ description: 'A successor to nominate into the draft plan of a key position.' })
export class NominateSuccessorInput {
  @Field(() => String, { description: 'Code of the key position (JPT, Administrator, Pengawas).' })
  positionCode!: string;
  @Field(() => ID, {
    description:
      'Global ID of the employee: of the position’s agency, in its talent pool (boxes 7–9) this year, not its holder.',
  })
  employee!: string;
  @Field(() => ReadinessHorizon, { description: 'When the committee judges them ready.' })
  readiness!: ReadinessHorizon;
  @Field(() => Boolean, {
    nullable: true,
    description: 'The emergency successor (at most one a plan); default false.',
  })
  emergency?: boolean | null;
}

@InputType({ description: 'The key position whose draft succession plan is approved as a whole.' })
export class ApproveSuccessionInput {
  @Field(() => String, { description: 'Code of the key position.' }) positionCode!: string;
}
