import { Field, InputType, registerEnumType } from 'type-graphql';
import { orderInput } from '../../shared/order';
import { CompetencyType } from '../../domain/competency.enums';

export enum CompetencyOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(CompetencyOrderField, {
  name: 'CompetencyOrderField',
  description: 'Sort key of competencies.',
  valuesConfig: {
    CODE: { description: 'By code (`M.01`, `M.02`, …).' },
    NAME: { description: 'By name.' },
  },
});
export const CompetencyOrder = orderInput(
  'Competency',
  CompetencyOrderField,
  CompetencyOrderField.CODE,
);
export type CompetencyOrder = InstanceType<typeof CompetencyOrder>;

@InputType({ description: 'Which competencies to list.' })
export class CompetencyFilter {
  @Field(() => CompetencyType, { nullable: true, description: 'Only this block.' })
  type?: CompetencyType | null;

  @Field(() => String, {
    nullable: true,
    description: 'Code or name contains this text (any case).',
  })
  search?: string | null;
}
