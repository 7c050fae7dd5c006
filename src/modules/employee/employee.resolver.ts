import { Role } from '../../platform/auth/auth.types';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Int,
  Query,
  Resolver,
  Root,
  Authorized,
  Info,
} from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../platform/graphql/context';

import { connectionType, PageArgs } from '../../shared/pagination';
import { DEFAULT_ASSESSMENT_VALIDITY_YEARS, staleOn } from '../../domain/staleness';
import { Competency } from '../competency/competency.entity';
import { Agency } from '../org/agency.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { Position } from '../position/position.entity';
import { EducationLevel } from '../reference/education-level.entity';
import { Rank } from '../reference/rank.entity';
import { appointmentDateOf, birthDateOf } from '../../domain/employee.dates';
import { Employee } from './employee.entity';
import { EmployeeFilter, EmployeeOrder } from './employee.inputs';
import { currentLevels, employeeWithLevels, type CurrentLevel } from './employee.loaders';
import { readAhead } from './employee-page';
import { trainingHoursOf, yearsOfServiceOf } from './employee.service';
import { rangeArgument, yearArgument } from '../../shared/arguments';
import { YEARLY_DEVELOPMENT_HOURS } from '../../domain/reference.data';
import { listEmployees } from './employee.service';
import { EmployeeCompetency, TrainingHours } from './employee.types';
import { EmployeeCount, employeeCounts, EmployeeDimension } from './employee-counts';
import { PerformanceRecord } from './performance-record.entity';
import { DisciplineRecord } from './discipline-record.entity';
import { PersonalFact, recordSet } from '../../platform/graphql/personal-facts';

export const EmployeeConnection = connectionType(Employee);

/** Yearly competency development entitlement of every ASN (PP 17/2020: at least 20 JP a year). */
export const YEARLY_JP_TARGET = YEARLY_DEVELOPMENT_HOURS;

@Resolver(() => Employee)
export class EmployeeResolver {
  @Query(() => EmployeeConnection, { description: 'Employees, by name unless ordered otherwise.' })
  employees(
    @Arg('filter', () => EmployeeFilter, {
      nullable: true,
      description: 'Conditions the items must meet.',
    })
    filter: EmployeeFilter | null,
    @Arg('orderBy', () => EmployeeOrder, {
      nullable: true,
      description: 'Sort order (ties broken by creation order).',
    })
    orderBy: EmployeeOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listed(ctx, info, listEmployees(ctx, filter, orderBy, page)).then(async (answer) => {
      // One page at the root: what its items ask for is read in one statement. (A unit's or a
      // position's employees are left to the loaders, which batch them across the parents.)
      await readAhead(ctx, info, answer.nodes);
      return answer;
    });
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE, Role.ANALYST)
  @Query(() => [EmployeeCount], {
    nullable: true,
    description:
      'Headcount grouped by the given dimensions, for the employees the filter selects (HR and COMMITTEE: their agency), largest groups first; at most 1,000 groups.',
  })
  employeeCounts(
    @Arg('groupBy', () => [EmployeeDimension], {
      description: 'Dimensions to group by, in the order of each key (none: one total).',
    })
    groupBy: EmployeeDimension[],
    @Arg('filter', () => EmployeeFilter, {
      nullable: true,
      description: 'Which employees to count.',
    })
    filter: EmployeeFilter | null,
    @Ctx() ctx: Context,
  ) {
    return employeeCounts(ctx, groupBy, filter);
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE, Role.EMPLOYEE)
  @Query(() => Employee, { nullable: true, description: 'An employee (PNS or CPNS) by NIP.' })
  employee(
    @Arg('nip', () => String, { description: 'The 18-digit NIP.' }) nip: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // With today's levels asked for, the employee and the levels come in one statement.
    return asksTodaysLevels(info)
      ? employeeWithLevels(ctx, nip.trim(), ctx.today)
      : ctx.loaders.byKey(Employee, 'nip').load(nip.trim());
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE, Role.EMPLOYEE)
  @Query(() => Employee, { nullable: true, description: 'A PPPK employee by PPPK number.' })
  employeeByPppkNumber(
    @Arg('pppkNumber', () => String, { description: 'The PPPK number.' }) pppkNumber: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.byKey(Employee, 'pppkNumber').load(pppkNumber.trim());
  }

  @PersonalFact()
  @FieldResolver(() => Rank, { nullable: true, description: 'Rank (PNS and CPNS).' })
  rank(@Root() employee: Employee, @Ctx() ctx: Context) {
    return employee.rank ? ctx.loaders.reference(Rank, 'code').get(employee.rank.code) : null;
  }

  @PersonalFact()
  @FieldResolver(() => EducationLevel, { nullable: true, description: 'Highest education.' })
  education(@Root() employee: Employee, @Ctx() ctx: Context) {
    return ctx.loaders.reference(EducationLevel, 'code').load(employee.education.code);
  }

  @FieldResolver(() => OrgUnit, { description: 'The org unit (unit kerja) the employee works in.' })
  orgUnit(@Root() employee: Employee, @Ctx() ctx: Context) {
    return ctx.loaders.byId(OrgUnit).get(employee.orgUnit.id);
  }

  @FieldResolver(() => Agency, { description: 'The agency of the org unit.' })
  agency(@Root() employee: Employee, @Ctx() ctx: Context) {
    const agencyOf = (unit: OrgUnit | null) =>
      unit ? ctx.loaders.byId(Agency).get(unit.agency.id) : null;
    const unit = ctx.loaders.byId(OrgUnit).get(employee.orgUnit.id);
    return unit instanceof Promise ? unit.then(agencyOf) : agencyOf(unit);
  }

  @FieldResolver(() => Position, { nullable: true, description: 'The position currently held.' })
  position(@Root() employee: Employee, @Ctx() ctx: Context) {
    return employee.position ? ctx.loaders.byId(Position).get(employee.position.id) : null;
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE, Role.EMPLOYEE)
  @FieldResolver(() => DateResolver, {
    nullable: true,
    description: 'Birth date (recorded, else from the NIP).',
  })
  birthDate(@Root() employee: Employee) {
    return birthDateOf(employee);
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE, Role.EMPLOYEE)
  @FieldResolver(() => DateResolver, {
    nullable: true,
    description: 'First appointment, TMT CPNS (recorded, else the month in the NIP).',
  })
  appointedOn(@Root() employee: Employee) {
    return appointmentDateOf(employee);
  }

  @PersonalFact()
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Whole years of service as of a date (default today); to roles that may not read the appointment date (ANALYST), counted by calendar year.',
  })
  yearsOfService(
    @Root() employee: Employee,
    @Arg('asOf', () => DateResolver, {
      nullable: true,
      description: 'Evaluate as of this date; default today.',
    })
    asOf: string | null,
    @Ctx() ctx: Context,
  ) {
    return yearsOfServiceOf(ctx, employee, isoDate(asOf) ?? ctx.today);
  }

  @PersonalFact()
  @FieldResolver(() => [EmployeeCompetency], {
    nullable: true,
    description:
      'Current level per assessed competency (the latest assessment up to `asOf`), by competency code.',
  })
  competencies(
    @Root() employee: Employee,
    @Arg('asOf', () => DateResolver, { nullable: true, description: 'Default: today.' })
    asOf: string | null,
    @Arg('validityYears', () => Int, {
      defaultValue: DEFAULT_ASSESSMENT_VALIDITY_YEARS,
      description: 'Assessments older than this are reported stale.',
    })
    validityYears: number,
    @Ctx() ctx: Context,
  ) {
    rangeArgument('validityYears', validityYears, 0, 50);
    const date = isoDate(asOf) ?? ctx.today;
    const levels = currentLevels(ctx, date).get(employee.id);
    return levels instanceof Promise
      ? levels.then((held) => competenciesOf(held, date, validityYears))
      : competenciesOf(levels, date, validityYears);
  }

  @PersonalFact()
  @FieldResolver(() => TrainingHours, {
    nullable: true,
    description: 'JP completed in a year against the target (20 JP).',
  })
  async trainingHours(
    @Root() employee: Employee,
    @Arg('year', () => Int, { nullable: true, description: 'Default: the current year.' })
    year: number | null,
    @Arg('target', () => Int, {
      defaultValue: YEARLY_JP_TARGET,
      description: 'The yearly target in JP.',
    })
    target: number,
    @Ctx() ctx: Context,
  ): Promise<TrainingHours> {
    return trainingHoursOf(ctx, employee.id, yearArgument(ctx.today, year), target);
  }

  @PersonalFact()
  @FieldResolver(() => [PerformanceRecord], {
    nullable: true,
    description: 'SKP ratings, latest year first.',
  })
  performance(@Root() employee: Employee, @Ctx() ctx: Context) {
    return ctx.loaders
      .childrenOf(PerformanceRecord, 'employee', { year: 'DESC' })
      .load(employee.id);
  }

  // The file of a person's sentences is for their agency's HR and ADMIN only: the committee
  // sees a DISCIPLINE condition in a fit, never the decisions behind it.
  @Authorized(Role.ADMIN, Role.HR)
  @FieldResolver(() => [DisciplineRecord], {
    nullable: true,
    description:
      'Disciplinary sentences (PP 94/2021), latest first (HR of the employee’s agency and ADMIN).',
  })
  async discipline(@Root() employee: Employee, @Ctx() ctx: Context) {
    if (!(await ctx.access.seesEmployee(employee))) return null;
    return ctx.loaders
      .childrenOf(DisciplineRecord, 'employee', { from: 'DESC', decisionNumber: 'ASC' })
      .load(employee.id);
  }
}

@Resolver(() => EmployeeCompetency)
export class EmployeeCompetencyResolver {
  @FieldResolver(() => Competency, { description: 'The competency.' })
  competency(@Root() item: EmployeeCompetency, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Competency).get(item.competencyId);
  }
}

@Resolver(() => OrgUnit)
export class OrgUnitEmployeesResolver {
  @FieldResolver(() => EmployeeConnection, {
    description: 'Employees of the unit (and below, if asked).',
  })
  employees(
    @Root() unit: OrgUnit,
    @Arg('includeSubunits', () => Boolean, {
      defaultValue: false,
      description: 'Include the units below, recursively.',
    })
    includeSubunits: boolean,
    @Arg('orderBy', () => EmployeeOrder, {
      nullable: true,
      description: 'Sort order (ties broken by creation order).',
    })
    orderBy: EmployeeOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listed(
      ctx,
      info,
      listEmployees(ctx, { orgUnitCode: unit.code, includeSubunits }, orderBy, page),
    );
  }
}

@Resolver(() => Position)
export class PositionHoldersResolver {
  @FieldResolver(() => EmployeeConnection, { description: 'Employees who hold the position now.' })
  holders(
    @Root() position: Position,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // A set like any list: a position of one holder is too small for an ANALYST's facts.
    return listed(ctx, info, listEmployees(ctx, null, null, page, { position: position.id }));
  }
}

/** A page of employees, recorded as a set of its whole size for the group rule. */
export async function listed<T extends { totalCount: () => Promise<number> }>(
  ctx: Context,
  info: GraphQLResolveInfo,
  page: Promise<T>,
): Promise<T> {
  const answered = await page;
  return recordSet(ctx, info, answered.totalCount, answered);
}

/** Current levels as the `competencies` field answers them, stale or not as of `date`. */
function competenciesOf(
  levels: readonly CurrentLevel[],
  date: string,
  validityYears: number,
): EmployeeCompetency[] {
  const isStale = staleOn(date, validityYears);
  return levels.map((level) => {
    const item = Object.assign(new EmployeeCompetency(), level);
    item.stale = isStale(level.assessedOn);
    return item;
  });
}

/** graphql-scalars' Date parses to a Date; the domain works on ISO date strings. */
function isoDate(value: string | Date | null | undefined): string | undefined {
  if (value == null) return undefined;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

/** Whether a field's selection asks for `competencies` as of today (no `asOf` given). */
function asksTodaysLevels(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some(
      (selection) =>
        selection.kind === Kind.FIELD &&
        selection.name.value === 'competencies' &&
        !(selection.arguments ?? []).some((argument) => argument.name.value === 'asOf'),
    ),
  );
}
