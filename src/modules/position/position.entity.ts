import { TITLE_DEPRECATION } from '../../shared/naming';
import './position.enums';
import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../shared/node.type';
import { OrgUnit } from '../org/org-unit.entity';
import { EducationLevel } from '../reference/education-level.entity';
import { Rank } from '../reference/rank.entity';
import { PerformanceRating, PositionCategory } from '../../domain/position.enums';
import { DisciplineLevel } from '../../domain/discipline';

/**
 * 1 for JPT Utama … 14 for Fungsional Pemula: the categories in the order of the enum. One
 * `when` a line, as PostgreSQL prints it back, so the schema comparison sees no change.
 */
const SENIORITY = `(case "category"\n${Object.values(PositionCategory)
  .map((category, index) => `when '${category}' then ${index + 1}`)
  .join('\n')}\nelse null\nend) stored`;

/** A position (jabatan) with its job profile: requirements and hard conditions. */
@Entity({ tableName: 'position' })
@ObjectType({ implements: Node, description: 'A position (jabatan) and its job profile (SKJ).' })
export class Position extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Natural key (kode jabatan), e.g. `ADM-001`.' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  /** The name (nama jabatan); GraphQL answers it as `name` (and, deprecated, `title`). */
  @Field(() => String, {
    description: 'The name, under its old field name.',
    deprecationReason: TITLE_DEPRECATION,
  })
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field(() => PositionCategory, { description: 'Category (UU ASN).' })
  @Enum({ items: () => PositionCategory })
  category!: PositionCategory;

  /** The category's seniority (1 = JPT Utama), kept by PostgreSQL: "top posts first". */
  @Property({ type: 'smallint', generated: SENIORITY, nullable: true })
  seniority!: number & Opt;

  @ManyToOne(() => OrgUnit, { deleteRule: 'restrict', index: true })
  orgUnit!: OrgUnit;

  @Field(() => String, { description: 'Job summary (ikhtisar jabatan).' })
  @Property({ type: 'text', default: '' })
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Field of government affairs (urusan pemerintahan).',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  governmentAffair?: string | null;

  @ManyToOne(() => Rank, { nullable: true, deleteRule: 'restrict' })
  minRank?: Rank | null;

  @ManyToOne(() => EducationLevel, { nullable: true, deleteRule: 'restrict' })
  minEducation?: EducationLevel | null;

  @Property({ type: 'smallint', nullable: true })
  @Check({ name: 'position_min_years_check', expression: 'min_years_of_service >= 0' })
  minYearsOfService?: number | null;

  @Enum({ items: () => PerformanceRating, nullable: true })
  minPerformance?: PerformanceRating | null;

  /** How many recent rated years must reach `minPerformance`. */
  @Property({ type: 'smallint', default: 2 })
  @Check({
    name: 'position_performance_years_check',
    expression: 'performance_years >= 1 and performance_years <= 10',
  })
  performanceYears!: number;

  /** No disciplinary sentence of this level or heavier within `disciplineYears` (null: none asked). */
  @Enum({ items: () => DisciplineLevel, nullable: true })
  disciplineLevel?: DisciplineLevel | null;

  /** The window of `disciplineLevel`, in years before the reference date. */
  @Property({ type: 'smallint', default: 5 })
  @Check({
    name: 'position_discipline_years_check',
    expression: 'discipline_years >= 1 and discipline_years <= 10',
  })
  disciplineYears!: number;

  /** Retirement age of the position's category (58, 60 or 65); data, so agencies may differ. */
  @Field(() => Int, { description: 'Retirement age (batas usia pensiun) for this position.' })
  @Property({ type: 'smallint' })
  @Check({
    name: 'position_retirement_age_check',
    expression: 'retirement_age >= 40 and retirement_age <= 75',
  })
  retirementAge!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}
