import { Field, InputType, registerEnumType } from 'type-graphql';
import { orderInput } from '../../shared/order';
import { PositionCategory } from '../../domain/position.enums';

export enum PositionOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
  TITLE = 'TITLE',
  SENIORITY = 'SENIORITY',
}
registerEnumType(PositionOrderField, {
  name: 'PositionOrderField',
  description: 'Sort key of positions.',
  valuesConfig: {
    CODE: { description: 'By code.' },
    NAME: { description: 'By name.' },
    TITLE: { description: 'By name (the old name of NAME).', deprecationReason: 'Use `NAME`.' },
    SENIORITY: {
      description:
        'Top posts first: JPT Utama, Madya, Pratama, Administrator, Pengawas, Pelaksana, then the functional ranks from Ahli Utama down; by code within a category.',
    },
  },
});
export const PositionOrder = orderInput('Position', PositionOrderField, PositionOrderField.CODE);
export type PositionOrder = InstanceType<typeof PositionOrder>;

@InputType({ description: 'Which positions to list.' })
export class PositionFilter {
  @Field(() => [PositionCategory], { nullable: true, description: 'Only these categories.' })
  categories?: PositionCategory[] | null;

  @Field(() => String, { nullable: true, description: 'Only positions of this agency (code).' })
  agencyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only positions of this org unit (code).' })
  orgUnitCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only positions requiring this competency (code).',
  })
  requiresCompetency?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Code or name contains this text (any case).',
  })
  search?: string | null;
}
