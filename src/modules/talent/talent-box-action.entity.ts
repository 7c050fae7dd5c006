import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** The name and suggested action of one talent box, as data. */
@Entity({ tableName: 'talent_box_action' })
@ObjectType({ description: 'What a talent box means and what to do with the people in it.' })
export class TalentBoxAction {
  @Field(() => Int, { description: 'Box 1–9.' })
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  @Check({ name: 'talent_box_action_box_check', expression: 'box >= 1 and box <= 9' })
  box!: number;

  @Field(() => String, { description: 'Short name of the box.' })
  @Property({ type: 'string', length: 100 })
  label!: string;

  @Field(() => String, { description: 'Suggested action for the people in it.' })
  @Property({ type: 'text' })
  action!: string;
}
