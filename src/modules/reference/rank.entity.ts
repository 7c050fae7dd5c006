import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** A step of the PNS rank ladder (pangkat/golongan); rows are seeded by a migration. */
@Entity({ tableName: 'rank' })
@ObjectType({ description: 'A PNS rank (pangkat/golongan), e.g. III/c Penata.' })
export class Rank {
  @Field(() => String, { description: 'Rank code, `I/a` … `IV/e`.' })
  @PrimaryKey({ type: 'string', length: 8 })
  code!: string;

  @Field(() => String, {
    description: 'Indonesian name of the rank (pangkat), e.g. "Penata Tingkat I".',
  })
  @Property({ type: 'string', length: 60 })
  name!: string;

  @Field(() => String, { description: 'The golongan, `I` … `IV`.' })
  @Property({ type: 'string', length: 4 })
  grade!: string;

  @Field(() => Int, { description: 'Position on the ladder, 1 = I/a; higher is more senior.' })
  @Property({ type: 'smallint', unique: true })
  ordinal!: number;
}
