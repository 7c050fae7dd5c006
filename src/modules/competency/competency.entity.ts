import './competency.enums';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/node.type';
import { CompetencyType } from '../../domain/competency.enums';

/** A competency of the dictionary, with five proficiency levels (`CompetencyLevel`). */
@Entity({ tableName: 'competency' })
@ObjectType({ implements: Node, description: 'A competency with proficiency levels 1–5.' })
export class Competency extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Natural key, e.g. `M.01`, `SK.01`, `T.KEU.01`.' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String, { description: 'Name, e.g. "Integritas".' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => CompetencyType, { description: 'Technical, managerial or sociocultural.' })
  @Enum({ items: () => CompetencyType })
  type!: CompetencyType;

  @Field(() => String, { description: 'What the competency is about.' })
  @Property({ type: 'text', default: '' })
  description!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}
