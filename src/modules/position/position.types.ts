import { Field, Int, ObjectType } from 'type-graphql';
import { PerformanceRating } from '../../domain/position.enums';
import { DisciplineLevel } from '../../domain/discipline';
import type { Position } from './position.entity';

/** The hard conditions of a position (persyaratan jabatan), checked before any score. */
@ObjectType({ description: 'Hard requirements for holding a position, checked before any score.' })
export class PositionConditions {
  constructor(readonly position: Position) {}

  @Field(() => Int, { nullable: true, description: 'Minimum years of service since TMT CPNS.' })
  get minYearsOfService(): number | null {
    return this.position.minYearsOfService ?? null;
  }

  @Field(() => PerformanceRating, { nullable: true, description: 'Lowest acceptable SKP rating.' })
  get minPerformance(): PerformanceRating | null {
    return this.position.minPerformance ?? null;
  }

  @Field(() => Int, { description: 'How many recent rated years must reach `minPerformance`.' })
  get performanceYears(): number {
    return this.position.performanceYears;
  }

  @Field(() => DisciplineLevel, {
    nullable: true,
    description:
      'No disciplinary sentence of this level or heavier within `disciplineYears` (null: none asked; serving a sentence always bars).',
  })
  get disciplineLevel(): DisciplineLevel | null {
    return this.position.disciplineLevel ?? null;
  }

  @Field(() => Int, { description: 'The window of `disciplineLevel`, in years (default 5).' })
  get disciplineYears(): number {
    return this.position.disciplineYears;
  }

  @Field(() => Int, {
    description: 'Retirement age; candidates within a year of it do not qualify.',
  })
  get retirementAge(): number {
    return this.position.retirementAge;
  }
}
