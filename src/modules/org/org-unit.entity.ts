import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/node.type';
import { Agency } from './agency.entity';

/** An org unit (unit kerja) of an agency; units form a tree through `parent`. */
@Entity({ tableName: 'org_unit' })
@ObjectType({ implements: Node, description: 'An organisational unit (unit kerja) of an agency.' })
export class OrgUnit extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Natural key, e.g. `BPSDM-MALUKU`.' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String, { description: 'Name of the unit.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @ManyToOne(() => Agency, { deleteRule: 'restrict', index: true })
  agency!: Agency;

  @ManyToOne(() => OrgUnit, { nullable: true, deleteRule: 'restrict', index: true })
  parent?: OrgUnit | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}
