import { Field, Float, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/pagination';
import { PersonalFact } from '../../platform/graphql/personal-fact';

@ObjectType({ description: "An employee's JP in a year against the target." })
export class EmployeeTrainingHours {
  employeeId!: number;

  @PersonalFact()
  @Field(() => Int, { nullable: true, description: 'JP completed in the year.' })
  hours!: number;
  @PersonalFact()
  @Field(() => Int, {
    nullable: true,
    description: 'JP still missing to reach the target (0 when met).',
  })
  shortfall!: number;
}

export const EmployeeTrainingHoursConnection = connectionType(EmployeeTrainingHours);

@ObjectType({ description: 'Who reached the yearly JP target in an org unit or agency.' })
export class TrainingCompliance {
  belowIds!: EmployeeTrainingHours[];

  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Int, { description: 'The target in JP (20 by default).' }) target!: number;
  @Field(() => Int, { description: 'Employees in scope.' }) employees!: number;
  @Field(() => Int, { description: 'Employees at or above the target.' }) reachedTarget!: number;
  @Field(() => Int, { description: 'Employees below the target (including those with none).' })
  belowTarget!: number;
  @Field(() => Int, { description: 'Employees with no training at all in the year.' })
  withoutTraining!: number;
  @Field(() => Int, { description: 'JP completed in all.' }) totalHours!: number;
  @Field(() => Float, { description: 'Mean JP per employee.' }) averageHours!: number;
}

@ObjectType({ description: 'One competency in a heat map row.' })
export class HeatMapCell {
  competencyId!: number;

  @Field(() => Int, { description: 'Employees whose own position requires it.' }) required!: number;
  @Field(() => Int, { description: 'Of them, at or above the required level.' }) meeting!: number;
  @Field(() => Float, { description: 'meeting / required (0–1).' }) share!: number;
  @Field(() => Float, {
    description: 'Mean of (current level or 0) − required; negative is lacking.',
  })
  meanGap!: number;
  @Field(() => Int, { description: 'Of them, never assessed in it.' }) unassessed!: number;
  @Field(() => Int, { description: 'Of them, assessed too long ago (stale).' }) stale!: number;
}

@ObjectType({ description: 'One org unit of a heat map.' })
export class HeatMapRow {
  orgUnitId!: number;

  @Field(() => Int, { description: 'Employees of the unit measured (those holding a position).' })
  employees!: number;
  @Field(() => [HeatMapCell], {
    description: 'One cell per competency of the heat map, in its order.',
  })
  cells!: HeatMapCell[];
}

@ObjectType({
  description: 'Org unit × competency: how many meet the requirement of their own position.',
})
export class CompetencyHeatMap {
  competencyIds!: number[];

  @Field(() => String, { description: 'The date levels and staleness were read at.' })
  asOf!: string;
  @Field(() => [HeatMapRow], {
    description: 'One row per org unit with measured employees, by code.',
  })
  rows!: HeatMapRow[];
}

@ObjectType({ description: 'How many people lack a competency, and how deeply.' })
export class CompetencyNeed {
  competencyId!: number;

  @Field(() => Int, { description: 'People below the required level.' }) people!: number;
  @Field(() => Int, { description: 'Missing levels in all.' }) gapLevels!: number;
  @Field(() => Float, { description: 'Mean missing levels per person lacking it.' })
  averageGap!: number;
  @Field(() => Int, { description: 'The deepest gap.' }) maxGap!: number;
}

@ObjectType({ description: 'What one course would do for the needs of a group.' })
export class CourseNeedRank {
  courseId!: number;

  @Field(() => Int, {
    description: 'People who would gain (entry level met, level below requirement).',
  })
  participants!: number;
  @Field(() => Int, { description: 'Gap levels it closes on its own.' }) gapLevels!: number;
  @Field(() => Int, { description: 'JP of sending every participant.' }) hours!: number;
  @Field(() => Float, { description: 'Rupiah of sending every participant.' }) cost!: number;
  @Field(() => Float, { description: 'Gap levels closed per JP.' }) gapLevelsPerJp!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Gap levels closed per million rupiah; null for a free course.',
  })
  gapLevelsPerMillionRupiah!: number | null;
}

@ObjectType({ description: 'The courses that close the most gap levels within a budget.' })
export class TrainingProgramme {
  courseIds!: number[];

  @Field(() => Int, { description: 'Gap levels closed.' }) gapLevels!: number;
  @Field(() => Int, { description: 'Total JP (participants × course JP).' }) hours!: number;
  @Field(() => Float, { description: 'Total cost in rupiah.' }) cost!: number;
  @Field(() => Boolean, {
    description: 'The best programme (false: the search stopped at its limit with the best found).',
  })
  exact!: boolean;
}

@ObjectType({
  description:
    'Training-needs analysis of an org unit or agency: the input to a yearly training plan.',
})
export class TrainingNeeds {
  @Field(() => Int, { description: 'Employees measured (with a target position).' })
  employees!: number;
  @Field(() => Int, {
    description: 'Employees skipped: no position of their own and no target given.',
  })
  withoutPosition!: number;
  @Field(() => Int, { description: 'Missing levels in all.' }) gapLevels!: number;
  @Field(() => [CompetencyNeed], { description: 'Gaps by competency, most missing levels first.' })
  competencies!: CompetencyNeed[];
  @Field(() => [CourseNeedRank], { description: 'Courses by gap levels per JP, best first.' })
  courses!: CourseNeedRank[];
  @Field(() => TrainingProgramme, {
    nullable: true,
    description: 'The best programme within the budget; null without a budget.',
  })
  programme!: TrainingProgramme | null;
}

@ObjectType({ description: "An employee's professionalism index (IP ASN) for a year." })
export class ProfessionalismIndexType {
  @Field(() => Float, { description: 'Qualification (education), out of its weight (25).' })
  qualification!: number;
  @Field(() => Float, { description: 'Competency (training held), out of its weight (40).' })
  competency!: number;
  @Field(() => Float, { description: 'Performance (SKP), out of its weight (30).' })
  performance!: number;
  @Field(() => Float, {
    description: 'Discipline, out of its weight (5); no sanctions are recorded here.',
  })
  discipline!: number;
  @Field(() => Float, { description: 'Sum of the four, 0–100.' }) total!: number;
  @Field(() => String, {
    description: 'SANGAT_TINGGI ≥ 91, TINGGI ≥ 81, SEDANG ≥ 71, RENDAH ≥ 61, else SANGAT_RENDAH.',
  })
  band!: string;
}

@ObjectType({ description: 'How many employees fall in a band.' })
export class BandCount {
  @Field(() => String, { description: 'The band.' }) band!: string;
  @Field(() => Int, { description: 'Employees in it.' }) count!: number;
}

@ObjectType({ description: 'The professionalism index of an org unit or agency.' })
export class ProfessionalismSummary {
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Int, { description: 'Employees in scope.' }) employees!: number;
  @Field(() => Float, { description: 'Mean total index.' }) average!: number;
  @Field(() => Float, { description: 'Mean qualification score.' }) qualification!: number;
  @Field(() => Float, { description: 'Mean competency score.' }) competency!: number;
  @Field(() => Float, { description: 'Mean performance score.' }) performance!: number;
  @Field(() => Float, { description: 'Mean discipline score.' }) discipline!: number;
  @Field(() => [BandCount], { description: 'Employees per band, highest band first.' })
  bands!: BandCount[];
}
