import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { PerformanceRating } from '../../domain/position.enums';
import { Employee } from './employee.entity';

/** An employee's SKP rating for one year. */
@Entity({ tableName: 'performance_record' })
@Unique({ properties: ['employee', 'year'] })
@ObjectType({ description: "An employee's performance (SKP) rating for a year." })
export class PerformanceRecord {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee, { deleteRule: 'cascade' })
  employee!: Employee;

  @Field(() => Int, { description: 'The rated year.' })
  @Property({ type: 'smallint' })
  @Check({ name: 'performance_record_year_check', expression: 'year >= 1950 and year <= 2200' })
  year!: number;

  @Field(() => PerformanceRating, { description: 'The rating.' })
  @Enum({ items: () => PerformanceRating })
  rating!: PerformanceRating;
}
