import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { Node } from '../../shared/node.type';
import { Course } from '../course/course.entity';
import { Employee } from '../employee/employee.entity';

/** A completed course; its JP count toward the employee's 20 JP a year. */
@Entity({ tableName: 'training_record' })
@Unique({ properties: ['employee', 'course', 'completedOn'] })
@ObjectType({ implements: Node, description: 'A course an employee completed.' })
export class TrainingRecord extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee, { deleteRule: 'cascade', index: true })
  employee!: Employee;

  @ManyToOne(() => Course, { deleteRule: 'restrict', index: true })
  course!: Course;

  @Field(() => DateResolver, { description: 'Completion date.' })
  @Property({ type: 'date' })
  completedOn!: string;

  @Field(() => Int, { description: 'JP earned (jam pelajaran).' })
  @Property({ type: 'integer' })
  @Check({ name: 'training_record_hours_check', expression: 'hours > 0' })
  hours!: number;
}
