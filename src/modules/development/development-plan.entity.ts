import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Course } from '../course/course.entity';
import { Employee } from '../employee/employee.entity';
import { Position } from '../position/position.entity';

/**
 * An employee's development plan toward a target position: the courses of the training plan
 * at the time, each with the year it is to be taken. Progress follows the training records.
 */
@Entity({ tableName: 'development_plan' })
@Index({ properties: ['employee', 'id'] })
@ObjectType({ description: 'A development plan: courses toward a target position, year by year.' })
export class DevelopmentPlan {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee)
  employee!: Employee;

  @ManyToOne(() => Position)
  targetPosition!: Position;

  @Field(() => Int, { description: 'Development hours (JP) a year the plan is spread over.' })
  @Property({ type: 'integer' })
  yearlyHours!: number;

  @Field(() => Int, { description: 'The first year of the plan.' })
  @Property({ type: 'integer' })
  startYear!: number;

  @Field(() => Date, { description: 'When it was made.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Field(() => String, { description: 'Token subject of who made it.' })
  @Property({ type: 'string', length: 200 })
  createdBy!: string;
}

/** One course of a development plan and the year it is due. */
@Entity({ tableName: 'development_plan_course' })
@Index({ properties: ['plan', 'ordinal'] })
export class DevelopmentPlanCourse {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => DevelopmentPlan)
  plan!: DevelopmentPlan;

  @ManyToOne(() => Course)
  course!: Course;

  @Property({ type: 'integer' })
  targetYear!: number;

  /** The course's place in the plan (prerequisites first). */
  @Property({ type: 'integer' })
  ordinal!: number;
}
