import { Field, InputType, registerEnumType } from 'type-graphql';
import { orderInput } from '../../shared/order';
import { EmploymentType } from './employee.enums';

export enum EmployeeOrderField {
  NAME = 'NAME',
  NIP = 'NIP',
  CREATED = 'CREATED',
}
registerEnumType(EmployeeOrderField, {
  name: 'EmployeeOrderField',
  description: 'Sort key of employees (NIP order lists only employees who have a NIP).',
});
export const EmployeeOrder = orderInput('Employee', EmployeeOrderField, EmployeeOrderField.NAME);
export type EmployeeOrder = InstanceType<typeof EmployeeOrder>;

@InputType({ description: 'Which employees to list.' })
export class EmployeeFilter {
  @Field(() => String, { nullable: true, description: 'Only employees of this agency (code).' })
  agencyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only employees of this org unit (code).' })
  orgUnitCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'With `orgUnitCode`: include the units below it, recursively.',
  })
  includeSubunits?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only holders of this position (code).' })
  positionCode?: string | null;

  @Field(() => EmploymentType, { nullable: true, description: 'Only PNS, CPNS or PPPK.' })
  employmentType?: EmploymentType | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only this rank or above (code, e.g. `III/c`).',
  })
  minRank?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only this education or above (code, e.g. `S1`).',
  })
  minEducation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name contains, or NIP starts with, this text.',
  })
  search?: string | null;
}
