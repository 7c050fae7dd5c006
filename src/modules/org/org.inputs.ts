import { Field, InputType, registerEnumType } from 'type-graphql';
import { orderInput } from '../../shared/order';
import { AgencyKind } from '../../domain/org.enums';

export enum AgencyOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(AgencyOrderField, {
  name: 'AgencyOrderField',
  description: 'Sort key of agencies.',
  valuesConfig: {
    CODE: { description: 'By code.' },
    NAME: { description: 'By name.' },
  },
});
export const AgencyOrder = orderInput('Agency', AgencyOrderField, AgencyOrderField.CODE);
export type AgencyOrder = InstanceType<typeof AgencyOrder>;

export enum OrgUnitOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(OrgUnitOrderField, {
  name: 'OrgUnitOrderField',
  description: 'Sort key of org units.',
  valuesConfig: {
    CODE: { description: 'By code.' },
    NAME: { description: 'By name.' },
  },
});
export const OrgUnitOrder = orderInput('OrgUnit', OrgUnitOrderField, OrgUnitOrderField.CODE);
export type OrgUnitOrder = InstanceType<typeof OrgUnitOrder>;

@InputType({ description: 'Which agencies to list.' })
export class AgencyFilter {
  @Field(() => AgencyKind, { nullable: true, description: 'Only agencies of this kind.' })
  kind?: AgencyKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Code or name contains this text (any case).',
  })
  search?: string | null;
}

@InputType({ description: 'Which org units to list.' })
export class OrgUnitFilter {
  @Field(() => String, { nullable: true, description: 'Only units of this agency (code).' })
  agencyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only direct children of this unit (code).' })
  parentCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only top-level units (no parent).' })
  rootsOnly?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Code or name contains this text (any case).',
  })
  search?: string | null;
}
