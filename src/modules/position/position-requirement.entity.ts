import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Competency } from '../competency/competency.entity';
import { Position } from './position.entity';

/** A competency a position requires, at a level, with a weight and a critical flag. */
@Entity({ tableName: 'position_requirement' })
@Unique({ properties: ['position', 'competency'] })
@ObjectType({ description: 'A competency a position requires, at a level.' })
export class PositionRequirement {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Position, { deleteRule: 'cascade' })
  position!: Position;

  @ManyToOne(() => Competency, { deleteRule: 'restrict', index: true })
  competency!: Competency;

  @Field(() => Int, { description: 'Required level, 1–5.' })
  @Property({ type: 'smallint' })
  @Check({ name: 'position_requirement_level_check', expression: 'level >= 1 and level <= 5' })
  level!: number;

  @Field(() => Float, { description: 'Weight in the JPM (default 1).' })
  @Property({ type: 'double', default: 1 })
  @Check({ name: 'position_requirement_weight_check', expression: '(weight)::numeric > 0' })
  weight!: number;

  @Field(() => Boolean, { description: 'A gap here disqualifies, whatever the JPM.' })
  @Property({ type: 'boolean', default: false })
  critical!: boolean;

  /** Order of the requirement within the job profile. */
  @Property({ type: 'smallint' })
  ordinal!: number;
}
