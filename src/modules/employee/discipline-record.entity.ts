import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { DisciplineKind, DisciplineLevel } from '../../domain/discipline';
import { Employee } from './employee.entity';
import './discipline.enums';

/**
 * A disciplinary sentence (hukuman disiplin, PP 94/2021) of an employee: its level, kind,
 * decision and period. One per employee and decision number (the record's identity).
 */
@Entity({ tableName: 'discipline_record' })
@Unique({ properties: ['employee', 'decisionNumber'] })
@Check({
  name: 'discipline_record_period_check',
  expression: 'ends_on is null or ends_on >= starts_on',
})
@ObjectType({ description: 'A disciplinary sentence (hukuman disiplin, PP 94/2021).' })
export class DisciplineRecord {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee, { deleteRule: 'cascade', index: true })
  employee!: Employee;

  @Field(() => DisciplineLevel, { description: 'Level of the sentence.' })
  @Enum({ items: () => DisciplineLevel })
  level!: DisciplineLevel;

  @Field(() => DisciplineKind, { description: 'The sentence imposed.' })
  @Enum({ items: () => DisciplineKind })
  kind!: DisciplineKind;

  @Field(() => String, { description: 'Number of the decision (surat keputusan) imposing it.' })
  @Property({ type: 'string', length: 100 })
  decisionNumber!: string;

  @Field(() => DateResolver, { description: 'First day the sentence is in force.' })
  @Property({ type: 'date', fieldName: 'starts_on' })
  from!: string;

  @Field(() => DateResolver, {
    nullable: true,
    description:
      'Last day the sentence is in force (inclusive); null for dismissal, which has no end.',
  })
  @Property({ type: 'date', fieldName: 'ends_on', nullable: true })
  until?: string | null;
}
