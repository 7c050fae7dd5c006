import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../shared/order';
import { EmploymentType } from '../../domain/employee.enums';

export enum EmployeeOrderField {
  NAME = 'NAME',
  NIP = 'NIP',
  CREATED = 'CREATED',
  RANK = 'RANK',
  YEARS_OF_SERVICE = 'YEARS_OF_SERVICE',
  LEVEL = 'LEVEL',
}
registerEnumType(EmployeeOrderField, {
  name: 'EmployeeOrderField',
  description:
    'Sort key of employees. Every order breaks ties by creation order; employees without the key (no rank, no appointment date, never assessed in the competency) come last in both directions.',
  valuesConfig: {
    NAME: { description: 'By name.' },
    NIP: { description: 'By NIP; lists only employees who have a NIP (not PPPK).' },
    CREATED: { description: 'By creation order.' },
    RANK: { description: 'By rank, I/a lowest to IV/e highest; PPPK (no rank) last.' },
    YEARS_OF_SERVICE: {
      description:
        'By length of service, from the first appointment (TMT CPNS): ASC fewest years first. Employees without an appointment date last.',
    },
    LEVEL: {
      description:
        'By the current level (latest assessment up to today) of the competency named by `competency`; employees never assessed in it last.',
    },
  },
});

@InputType('EmployeeOrder', {
  description: 'Order of Employee lists; ties are broken by creation order.',
})
export class EmployeeOrder {
  @Field(() => EmployeeOrderField, {
    defaultValue: EmployeeOrderField.NAME,
    description: 'Sort key.',
  })
  field!: EmployeeOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
  direction!: OrderDirection;

  @Field(() => String, {
    nullable: true,
    description: 'The competency (code, e.g. `M.03`) whose level orders: with `LEVEL` only.',
  })
  competency?: string | null;
}

@InputType({
  description:
    'A condition on the current level of one competency (the latest assessment up to today, as `Employee.competencies`).',
})
export class CompetencyLevelFilter {
  @Field(() => String, { description: 'Competency code, e.g. `M.03`.' })
  code!: string;

  @Field(() => Int, { nullable: true, description: 'At least this level (1–5).' })
  minLevel?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this level (1–5).' })
  maxLevel?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: `Count assessments older than the validity (3 years) too; false: only fresh ones.`,
  })
  includeStale?: boolean | null;
}

@InputType({
  description:
    'A range of codes in their own order (ranks I/a … IV/e, education SD … S3), or a list of codes.',
})
export class RangeFilter {
  @Field(() => String, { nullable: true, description: 'This code or above.' })
  gte?: string | null;

  @Field(() => String, { nullable: true, description: 'This code or below.' })
  lte?: string | null;

  @Field(() => [String], { nullable: true, description: 'One of these codes.' })
  in?: string[] | null;
}

@InputType({
  description:
    'Which employees to list: every condition given must hold; `and`, `or` and `not` combine filters.',
})
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

  @Field(() => [CompetencyLevelFilter], {
    nullable: true,
    description: 'Skill search: every condition must hold on the current levels.',
  })
  competencies?: CompetencyLevelFilter[] | null;

  @Field(() => RangeFilter, { nullable: true, description: 'Rank range or list (rank order).' })
  rank?: RangeFilter | null;

  @Field(() => RangeFilter, {
    nullable: true,
    description: 'Education range or list (SD … S3).',
  })
  education?: RangeFilter | null;

  @Field(() => [EmployeeFilter], { nullable: true, description: 'Every one of these holds too.' })
  and?: EmployeeFilter[] | null;

  @Field(() => [EmployeeFilter], {
    nullable: true,
    description: 'At least one of these holds too.',
  })
  or?: EmployeeFilter[] | null;

  @Field(() => EmployeeFilter, { nullable: true, description: 'This does not hold.' })
  not?: EmployeeFilter | null;
}
