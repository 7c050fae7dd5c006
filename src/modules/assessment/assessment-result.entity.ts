import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Competency } from '../competency/competency.entity';
import { Assessment } from './assessment.entity';

/** The level an assessment gave one competency. */
@Entity({ tableName: 'assessment_result' })
@Unique({ properties: ['assessment', 'competency'] })
@ObjectType({ description: 'The level one assessment gave one competency.' })
export class AssessmentResult {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Assessment, { deleteRule: 'restrict' })
  assessment!: Assessment;

  @ManyToOne(() => Competency, { deleteRule: 'restrict', index: true })
  competency!: Competency;

  @Field(() => Int, { description: 'Assessed level, 1–5.' })
  @Property({ type: 'smallint' })
  @Check({ name: 'assessment_result_level_check', expression: 'level >= 1 and level <= 5' })
  level!: number;
}
