import { Field, Int, ObjectType } from 'type-graphql';
import { PerformanceRating } from '../../domain/position.enums';
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

  @Field(() => Int, {
    description: 'Retirement age; candidates within a year of it do not qualify.',
  })
  get retirementAge(): number {
    return this.position.retirementAge;
  }
}
