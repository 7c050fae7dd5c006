import { TITLE_DEPRECATION } from '../../shared/naming';
import './course.enums';
import { Check, DecimalType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../../shared/node.type';
import { CourseModality, CourseType } from '../../domain/course.enums';

/** A course of the shared catalogue, with outcomes per competency and prerequisites. */
@Entity({ tableName: 'course' })
@ObjectType({ implements: Node, description: 'A course (pelatihan) of the shared catalogue.' })
export class Course extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Natural key, e.g. `PKA`.' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  /** The name; GraphQL answers it as `name` (and, deprecated, `title`). */
  @Field(() => String, {
    description: 'The name, under its old field name.',
    deprecationReason: TITLE_DEPRECATION,
  })
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field(() => CourseType, { description: 'Kind of development.' })
  @Enum({ items: () => CourseType })
  type!: CourseType;

  @Field(() => CourseModality, { description: 'Classical, non-classical or blended.' })
  @Enum({ items: () => CourseModality })
  modality!: CourseModality;

  @Field(() => Int, { description: 'Length in JP (jam pelajaran, 45 minutes each).' })
  @Property({ type: 'integer' })
  @Check({ name: 'course_hours_check', expression: 'hours > 0' })
  hours!: number;

  @Field(() => Float, { description: 'Cost per participant in rupiah.' })
  @Property({ type: new DecimalType('number'), precision: 16, scale: 2, default: 0 })
  @Check({ name: 'course_cost_check', expression: 'cost >= 0' })
  cost!: number;

  @Field(() => String, { description: 'Who runs it, e.g. "BPSDM Provinsi Maluku", "LAN".' })
  @Property({ type: 'string', length: 200 })
  provider!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}
