import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';

/** Talent-matrix cut-offs of one agency, or the default (scope `*`). */
@Entity({ tableName: 'talent_policy' })
@ObjectType({
  description: 'Cut-offs that place employees on the talent matrix (data, per agency).',
})
export class TalentPolicy {
  /** `*` for the default, else an agency code. */
  @Field(() => String, { description: '`*` for the default, or the agency code it applies to.' })
  @PrimaryKey({ type: 'string', length: 64 })
  scope!: string;

  @Field(() => Float, { description: 'Potential at or above this is MEDIUM.' })
  @Property({ type: 'double' })
  potentialMediumFrom!: number;

  @Field(() => Float, { description: 'Potential at or above this is HIGH.' })
  @Property({ type: 'double' })
  potentialHighFrom!: number;

  @Field(() => [String], { description: 'SKP ratings that are above expectation.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  aboveRatings!: string[];

  @Field(() => [String], { description: 'SKP ratings that meet expectation; others are below.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  meetsRatings!: string[];
}
