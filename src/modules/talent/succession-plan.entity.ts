import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Employee } from '../employee/employee.entity';
import { ReadinessHorizon } from '../fit/fit.types';
import { Position } from '../position/position.entity';

export enum SuccessionPlanStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
}
registerEnumType(SuccessionPlanStatus, {
  name: 'SuccessionPlanStatus',
  description: 'Where a succession plan stands in the talent review.',
  valuesConfig: {
    DRAFT: { description: 'Successors are being nominated; not yet decided.' },
    APPROVED: { description: 'Approved as a whole by the talent committee; it no longer changes.' },
  },
});

/**
 * One version of a key position's succession plan: a draft while the committee nominates, then
 * approved as a whole. An approved version never changes; nominating after it opens the next
 * version, and the versions before stay as history.
 */
@Entity({ tableName: 'succession_plan' })
@Unique({ properties: ['position', 'version'] })
@ObjectType({
  description:
    'A version of a key position’s succession plan (PermenPANRB 3/2020): nominated successors, approved as a whole.',
})
export class SuccessionPlan {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Position)
  position!: Position;

  @Field(() => Int, { description: 'Version of the position’s plan, 1 for the first.' })
  @Property({ type: 'integer' })
  version!: number;

  @Field(() => SuccessionPlanStatus, { description: 'Draft, or approved.' })
  @Enum({ items: () => SuccessionPlanStatus })
  status!: SuccessionPlanStatus;

  @Field(() => DateTimeResolver, { description: 'When the draft was opened.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'string', length: 200 })
  createdBy!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was approved.' })
  @Property({ type: 'datetime', nullable: true })
  approvedAt?: Date | null;

  @Property({ type: 'string', length: 200, nullable: true })
  approvedBy?: string | null;
}

/** A successor nominated in a version of a succession plan. */
@Entity({ tableName: 'succession_nominee' })
@Unique({ properties: ['plan', 'employee'] })
@ObjectType({
  description: 'A successor of a key position, as the talent committee nominated them.',
})
export class SuccessionNominee {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => SuccessionPlan)
  plan!: SuccessionPlan;

  @ManyToOne(() => Employee)
  employee!: Employee;

  @Field(() => ReadinessHorizon, { description: 'When the committee judges them ready.' })
  @Enum({ items: () => ReadinessHorizon })
  readiness!: ReadinessHorizon;

  @Field(() => Boolean, {
    description:
      'The emergency successor, who steps in if the post falls vacant suddenly (one at most).',
  })
  @Property({ type: 'boolean' })
  emergency!: boolean;

  @Field(() => DateTimeResolver, { description: 'When they were nominated.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  nominatedAt!: Date;

  @Property({ type: 'string', length: 200 })
  nominatedBy!: string;
}
