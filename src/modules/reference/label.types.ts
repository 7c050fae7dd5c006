import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'The label of one enum value in one language, for front ends that show codes.',
  simpleResolvers: true,
})
export class Label {
  @Field(() => String, { description: 'The enum’s name in the schema, e.g. `PerformanceRating`.' })
  enum!: string;

  @Field(() => String, { description: 'The value, e.g. `BUTUH_PERBAIKAN`.' })
  value!: string;

  @Field(() => String, { description: 'What to show for it, e.g. "Butuh perbaikan".' })
  label!: string;
}
