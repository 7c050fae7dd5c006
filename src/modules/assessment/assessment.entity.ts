import './assessment.enums';
import {
  Check,
  DecimalType,
  Entity,
  Enum,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { Node } from '../../shared/node.type';
import { Employee } from '../employee/employee.entity';
import { AssessmentMethod } from '../../domain/assessment.enums';

/** One assessment event of an employee; history is append-only (enforced by a trigger). */
@Entity({ tableName: 'assessment' })
@Unique({ properties: ['employee', 'assessedOn', 'method'] })
@ObjectType({ implements: Node, description: 'An assessment of an employee (append-only).' })
export class Assessment extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee, { deleteRule: 'restrict', index: true })
  employee!: Employee;

  @Field(() => DateResolver, { description: 'Date of the assessment.' })
  @Property({ type: 'date' })
  assessedOn!: string;

  @Field(() => AssessmentMethod, { description: 'How it was assessed.' })
  @Enum({ items: () => AssessmentMethod })
  method!: AssessmentMethod;

  @Field(() => String, { nullable: true, description: 'Who assessed (person or institution).' })
  @Property({ type: 'string', length: 200, nullable: true })
  assessor?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Potential score from this assessment, 0–100.',
  })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2, nullable: true })
  @Check({ name: 'assessment_potential_check', expression: 'potential >= 0 and potential <= 100' })
  potential?: number | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt!: Date;
}
