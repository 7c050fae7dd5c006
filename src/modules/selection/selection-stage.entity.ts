import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../shared/global-id';
import { StageKind } from './selection.enums';
import { Selection } from './selection.entity';

/**
 * A stage of a selection, copied from its category's template when it was opened: frozen with
 * it (the fingerprint covers it; the database refuses to change or delete it).
 */
@Entity({ tableName: 'selection_stage' })
@Unique({ properties: ['selection', 'order'] })
@ObjectType({ description: 'A stage of a selection, as frozen when it was opened.' })
export class SelectionStage {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Opaque global ID of the stage.' })
  get globalId(): string {
    return toGlobalId('SelectionStage', this.id);
  }

  @ManyToOne(() => Selection)
  selection!: Selection;

  @Field(() => String, { description: 'Its name, as the template gave it.' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => StageKind, { description: 'What the stage tests.' })
  @Enum({ items: () => StageKind })
  kind!: StageKind;

  @Field(() => Float, {
    description: 'Its share of the final total, 0–100; the stages’ weights add up to 100.',
  })
  @Property({ type: 'double' })
  weight!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'The lowest score that passes; a candidate below it leaves the later stages. Null: no pass mark. Pass/fail stages pass at 100.',
  })
  @Property({ type: 'double', nullable: true })
  passMark?: number | null;

  @Field(() => Int, { description: 'Its place in the procedure (1 first).' })
  @Property({ type: 'smallint' })
  order!: number;
}
