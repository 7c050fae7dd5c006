import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** A level of formal education; rows are seeded by a migration. */
@Entity({ tableName: 'education_level' })
@ObjectType({ description: 'A level of formal education, e.g. S1 (Sarjana / Diploma IV).' })
export class EducationLevel {
  @Field(() => String, { description: 'Code: SD SMP SMA D1 D2 D3 S1 S2 S3 (D4 is stored as S1).' })
  @PrimaryKey({ type: 'string', length: 4 })
  code!: string;

  @Field(() => String, { description: 'Indonesian name of the level.' })
  @Property({ type: 'string', length: 60 })
  name!: string;

  @Field(() => Int, { description: 'Order of the levels, 1 = SD; higher is more education.' })
  @Property({ type: 'smallint', unique: true })
  ordinal!: number;
}
