import { DateResolver } from 'graphql-scalars';
import { Authorized, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../platform/auth/auth.types';
import { Fit, Readiness } from '../fit/fit.types';

export enum PerformanceLevel {
  BELOW = 'BELOW',
  MEETS = 'MEETS',
  ABOVE = 'ABOVE',
}
registerEnumType(PerformanceLevel, {
  name: 'PerformanceLevel',
  description: 'Performance axis of the talent matrix: below, meets or above expectation.',
  valuesConfig: {
    BELOW: { description: 'Below expectation: BUTUH_PERBAIKAN, KURANG or SANGAT_KURANG.' },
    MEETS: { description: 'Meets expectation: BAIK.' },
    ABOVE: { description: 'Above expectation: SANGAT_BAIK.' },
  },
});

export enum PotentialLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(PotentialLevel, {
  name: 'PotentialLevel',
  description: 'Potential axis of the talent matrix.',
  valuesConfig: {
    LOW: { description: 'Potential score below the medium cut-off (default 50).' },
    MEDIUM: { description: 'From the medium cut-off to below the high one (default 50 to < 75).' },
    HIGH: { description: 'At least the high cut-off (default 75).' },
  },
});

@ObjectType({ description: "An employee's talent box for a year (Permenpan RB 3/2020)." })
export class TalentPlacement {
  @Field(() => Int, { description: 'The year asked.' }) year!: number;
  @Field(() => Int, {
    description:
      'Box 1–9 (high potential 6 8 9, medium 3 5 7, low 1 2 4): the talent committee’s calibrated box for the year when there is one, else the computed box.',
  })
  box!: number;
  @Field(() => Int, {
    description: 'The box the rules compute from the rating and the potential score.',
  })
  computedBox!: number;
  @Field(() => Boolean, {
    description: 'Whether the talent committee calibrated the box for this year.',
  })
  calibrated!: boolean;
  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @Field(() => String, {
    nullable: true,
    description:
      'Why the committee calibrated the box (the calibration in force); null when not calibrated. ADMIN, HR and COMMITTEE.',
  })
  reason!: string | null;
  @Field(() => PerformanceLevel, { description: 'Performance axis (of the box in force).' })
  performance!: PerformanceLevel;
  @Field(() => PotentialLevel, { description: 'Potential axis (of the box in force).' })
  potential!: PotentialLevel;
  @Field(() => String, { description: 'The SKP rating used.' }) rating!: string;
  @Field(() => Int, { description: 'The year of that rating (the latest up to the year asked).' })
  ratingYear!: number;
  @Field(() => Float, { description: 'The potential score used.' }) potentialScore!: number;
  @Field(() => Boolean, { description: 'In the succession pool (boxes 7, 8, 9).' })
  inSuccessionPool!: boolean;
  @Field(() => String, { description: 'Name of the box.' }) label!: string;
  @Field(() => String, { description: 'Suggested action for the box.' }) action!: string;
}

@ObjectType({ description: 'One box of a talent matrix.' })
export class TalentCell {
  employeeIds!: number[];

  @Field(() => Int, { description: 'Box 1–9.' }) box!: number;
  @Field(() => PerformanceLevel, { description: 'Performance axis.' })
  performance!: PerformanceLevel;
  @Field(() => PotentialLevel, { description: 'Potential axis.' }) potential!: PotentialLevel;
  @Field(() => Int, { description: 'How many employees are in it.' }) count!: number;
  @Field(() => String, { description: 'Name of the box.' }) label!: string;
  @Field(() => String, { description: 'Suggested action.' }) action!: string;
}

@ObjectType({ description: 'The 3×3 talent matrix of an org unit or agency for a year.' })
export class TalentMatrix {
  unplacedIds!: number[];

  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Int, { description: 'Employees in scope.' }) employees!: number;
  @Field(() => Int, {
    description: 'Employees without a rating or a potential score, who cannot be placed.',
  })
  unplaced!: number;
  @Field(() => [TalentCell], { description: 'The nine boxes, 1 to 9.' }) cells!: TalentCell[];
}

@ObjectType({
  description: 'A candidate on a succession list: their box and their fit for the position.',
})
export class SuccessionCandidate {
  @Field(() => Int, { nullable: true, description: 'Talent box (7–9 for the pool).' }) box!:
    number | null;
  @Field(() => Fit, { description: 'The fit for the position.' }) fit!: Fit;
  @Field(() => Readiness, {
    description: 'Ready now, after training, after a new assessment, or blocked.',
  })
  readiness!: Readiness;
}

@ObjectType({ description: 'How many successors a key position has, by readiness.' })
export class BenchStrength {
  positionId!: number;

  @Field(() => Int, { description: 'People in the succession pool (boxes 7–9) of the scope.' })
  pool!: number;
  @Field(() => Int, { description: 'Of them, ready now.' }) readyNow!: number;
  @Field(() => Int, { description: 'Of them, ready after the training plan.' })
  afterTraining!: number;
  @Field(() => Int, { description: 'Of them, waiting for a new assessment.' })
  needsAssessment!: number;
  @Field(() => Int, { description: 'Of them, blocked.' }) blocked!: number;
  @Field(() => Int, {
    description: 'Of them, ready in 1–2 years (training within two years of 20 JP).',
  })
  readyInOneToTwoYears!: number;
  @Field(() => Int, { description: 'Of them, ready later than two years (or blocked).' })
  readyLater!: number;
  @Field(() => Int, {
    description:
      'Successors in the position’s approved succession plan (the latest approved version; 0 without one).',
  })
  approved!: number;
  @Field(() => Int, { description: 'Of the approved successors, judged ready now.' })
  approvedReadyNow!: number;
  @Field(() => Int, { description: 'Of the approved successors, judged ready in 1–2 years.' })
  approvedReadyInOneToTwoYears!: number;
  @Field(() => Int, { description: 'Of the approved successors, judged ready later.' })
  approvedReadyLater!: number;
  @Field(() => Boolean, {
    description: 'Whether the approved plan names an emergency successor.',
  })
  emergencySuccessor!: boolean;
}

@ObjectType({
  description:
    'A key position whose holder reaches the retirement age (BUP) within the horizon, with its bench.',
})
export class Vacancy {
  positionId!: number;
  holderId!: number;

  @Field(() => DateResolver, {
    description: 'When the holder reaches the position’s retirement age (birth date + BUP).',
  })
  retiresOn!: string;

  @Field(() => BenchStrength, {
    description: 'Successors in the agency’s talent pool, by readiness.',
  })
  bench!: BenchStrength;
}
