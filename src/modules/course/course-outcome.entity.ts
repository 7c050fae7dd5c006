import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Competency } from '../competency/competency.entity';
import { Course } from './course.entity';

/** The level of a competency a course brings a participant to, and the level it needs first. */
@Entity({ tableName: 'course_outcome' })
@Unique({ properties: ['course', 'competency'] })
@Check({
  name: 'course_outcome_levels_check',
  expression: 'min_level is null or min_level < to_level',
})
@ObjectType({
  description: 'What a course develops: a competency, from an entry level to a level.',
})
export class CourseOutcome {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Course, { deleteRule: 'cascade' })
  course!: Course;

  @ManyToOne(() => Competency, { deleteRule: 'restrict', index: true })
  competency!: Competency;

  @Field(() => Int, { nullable: true, description: 'Level needed to enter; null = none.' })
  @Property({ type: 'smallint', nullable: true })
  @Check({
    name: 'course_outcome_min_level_check',
    expression: 'min_level >= 1 and min_level <= 5',
  })
  minLevel?: number | null;

  @Field(() => Int, { description: 'Level a participant reaches.' })
  @Property({ type: 'smallint' })
  @Check({ name: 'course_outcome_to_level_check', expression: 'to_level >= 1 and to_level <= 5' })
  toLevel!: number;

  @Property({ type: 'smallint', default: 0 })
  ordinal!: number;
}
