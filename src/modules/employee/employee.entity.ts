import './employee.enums';
import { IDENTIFYING_ROLES } from '../../platform/auth/auth.types';
import {
  Check,
  DecimalType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, Authorized } from 'type-graphql';
import { Node } from '../../shared/node.type';
import { PersonalFact } from '../../platform/graphql/personal-fact';
import { OrgUnit } from '../org/org-unit.entity';
import { Position } from '../position/position.entity';
import { EducationLevel } from '../reference/education-level.entity';
import { Rank } from '../reference/rank.entity';
import { EmploymentType } from '../../domain/employee.enums';

/**
 * A civil servant. PNS and CPNS are identified by NIP, PPPK by their own number; birth date and
 * first appointment come from the NIP unless given explicitly.
 */
@Entity({ tableName: 'employee' })
// Lists are ordered by name by default: the page is read from this index, not sorted.
@Index({ properties: ['name', 'id'] })
@Check({
  name: 'employee_identifier_check',
  expression:
    "(employment_type = 'PPPK' and pppk_number is not null and nip is null) or " +
    "(employment_type <> 'PPPK' and nip is not null and pppk_number is null)",
})
@ObjectType({ implements: Node, description: 'A civil servant (pegawai ASN).' })
export class Employee extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Authorized(...IDENTIFYING_ROLES)
  @Field(() => String, { nullable: true, description: '18-digit NIP (PNS and CPNS).' })
  @Property({ type: 'string', length: 18, nullable: true, unique: true })
  @Check({ name: 'employee_nip_check', expression: "nip ~ '^[0-9]{18}$'" })
  nip?: string | null;

  @Authorized(...IDENTIFYING_ROLES)
  @Field(() => String, { nullable: true, description: 'PPPK number (PPPK only).' })
  @Property({ type: 'string', length: 32, nullable: true, unique: true })
  pppkNumber?: string | null;

  @Authorized(...IDENTIFYING_ROLES)
  @Field(() => String, { nullable: true, description: 'Full name.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @PersonalFact()
  @Field(() => EmploymentType, { nullable: true, description: 'PNS, CPNS or PPPK.' })
  @Enum({ items: () => EmploymentType })
  employmentType!: EmploymentType;

  @ManyToOne(() => Rank, { nullable: true, deleteRule: 'restrict' })
  rank?: Rank | null;

  @PersonalFact()
  @Field(() => Int, { nullable: true, description: 'PPPK grade, 1–17 (PPPK only).' })
  @Property({ type: 'smallint', nullable: true })
  @Check({ name: 'employee_pppk_grade_check', expression: 'pppk_grade >= 1 and pppk_grade <= 17' })
  pppkGrade?: number | null;

  @ManyToOne(() => EducationLevel, { deleteRule: 'restrict' })
  education!: EducationLevel;

  @ManyToOne(() => OrgUnit, { deleteRule: 'restrict', index: true })
  orgUnit!: OrgUnit;

  @ManyToOne(() => Position, { nullable: true, deleteRule: 'set null', index: true })
  position?: Position | null;

  /** Explicit birth date; when null, the NIP's. */
  @Property({ type: 'date', nullable: true })
  birthDate?: string | null;

  /** Explicit first appointment (TMT CPNS); when null, the NIP's month. */
  @Property({ type: 'date', nullable: true })
  appointedOn?: string | null;

  @PersonalFact()
  @Field(() => Float, { nullable: true, description: 'Latest potential score, 0–100.' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2, nullable: true })
  @Check({ name: 'employee_potential_check', expression: 'potential >= 0 and potential <= 100' })
  potential?: number | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}
