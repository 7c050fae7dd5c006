import './org.enums';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/node.type';
import { AgencyKind } from '../../domain/org.enums';

/** A government agency (instansi): a ministry, a province, a regency or a city. */
@Entity({ tableName: 'agency' })
@ObjectType({ implements: Node, description: 'A government agency (instansi).' })
export class Agency extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Natural key, e.g. `PROV-MALUKU`.' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String, { description: 'Official name, e.g. "Pemerintah Provinsi Maluku".' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => AgencyKind, { description: 'Kind of agency.' })
  @Enum({ items: () => AgencyKind })
  kind!: AgencyKind;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}
