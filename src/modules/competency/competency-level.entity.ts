import { ArrayType, Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Competency } from './competency.entity';

/** One proficiency level (1–5) of a competency with its behavioural indicators. */
@Entity({ tableName: 'competency_level' })
@Unique({ properties: ['competency', 'level'] })
@ObjectType({ description: 'A proficiency level of a competency (1–5).' })
export class CompetencyLevel {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Competency, { deleteRule: 'cascade' })
  competency!: Competency;

  @Field(() => Int, { description: 'The level, 1 (applies it to own work) to 5 (role model).' })
  @Property({ type: 'smallint' })
  @Check({ name: 'competency_level_level_check', expression: 'level >= 1 and level <= 5' })
  level!: number;

  @Field(() => String, { description: 'What a person at this level does.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => [String], { description: 'Behavioural indicators (indikator perilaku).' })
  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  indicators!: string[];
}
