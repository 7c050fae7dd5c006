import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Employee } from '../employee/employee.entity';

/**
 * A talent committee's calibration of an employee's box for a year (PermenPANRB 3/2020), with
 * its reason and the box computed at the time. Appended, never changed: a later calibration of
 * the same employee and year supersedes the earlier one, which stays as history.
 */
@Entity({ tableName: 'talent_calibration' })
@Index({ properties: ['employee', 'year', 'id'] })
export class TalentCalibration {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee)
  employee!: Employee;

  @Property({ type: 'integer' })
  year!: number;

  /** The box the committee placed the employee in. */
  @Property({ type: 'integer' })
  box!: number;

  /** The box the rules computed when the committee decided. */
  @Property({ type: 'integer' })
  computedBox!: number;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  calibratedAt!: Date;

  /** Token subject of the committee member who recorded it. */
  @Property({ type: 'string', length: 200 })
  calibratedBy!: string;
}
