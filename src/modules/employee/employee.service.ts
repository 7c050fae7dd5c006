import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../context';
import { AppError, badInput, ErrorCode } from '../../shared/errors';
import { paginate } from '../../shared/keyset';
import { containsPattern, sortKeys } from '../../shared/order';
import { pageOfList, type PageArgs } from '../../shared/pagination';
import { subtreeIds } from '../org/org.service';
import { OrgUnit } from '../org/org-unit.entity';
import { EDUCATION_LEVELS, normaliseEducationCode, RANKS } from '../reference/reference.data';
import { Employee } from './employee.entity';
import { appointmentDateOf, wholeYearsBetween } from './employee.dates';
import { hoursInYear } from './employee.loaders';
import { leanReaderOf } from '../../shared/lean';
import type { EmployeeFilter, EmployeeOrder } from './employee.inputs';

const EMPLOYEE_SORT = { NAME: 'name', NIP: 'nip', CREATED: 'id' } as const;

/** A page of employees matching the filter, within an optional extra scope. */
export async function listEmployees(
  ctx: Context,
  filter: EmployeeFilter | null | undefined,
  order: EmployeeOrder | null | undefined,
  page: PageArgs,
  scope: FilterQuery<Employee> = {},
) {
  const where: Record<string, unknown> & { $or?: object[] } = { ...(scope as object) };
  // Only the people the viewer may see: the agency's for HR and COMMITTEE, oneself for EMPLOYEE.
  const visible = await ctx.access.employeeCondition();
  if (visible) where.$and = [visible];
  if (filter?.orgUnitCode) {
    const unit = await ctx.loaders.byKey(OrgUnit, 'code').load(filter.orgUnitCode);
    if (!unit)
      throw badInput(`No org unit has code "${filter.orgUnitCode}".`, {
        argument: 'filter.orgUnitCode',
      });
    where.orgUnit = filter.includeSubunits ? { $in: await subtreeIds(ctx, [unit.id]) } : unit.id;
  }
  if (filter?.agencyCode)
    where.orgUnit = {
      ...(where.orgUnit === undefined ? {} : { id: where.orgUnit }),
      agency: { code: filter.agencyCode },
    };
  if (filter?.positionCode) where.position = { code: filter.positionCode };
  if (filter?.employmentType) where.employmentType = filter.employmentType;
  if (filter?.minRank) {
    const rank = RANKS.find((r) => r.code === filter.minRank);
    if (!rank)
      throw badInput(`"${filter.minRank}" is not a rank code (I/a … IV/e).`, {
        argument: 'filter.minRank',
      });
    where.rank = { ordinal: { $gte: rank.ordinal } };
  }
  if (filter?.minEducation) {
    const code = normaliseEducationCode(filter.minEducation);
    const level = EDUCATION_LEVELS.find((e) => e.code === code);
    if (!level)
      throw badInput(`"${filter.minEducation}" is not an education code.`, {
        argument: 'filter.minEducation',
      });
    where.education = { ordinal: { $gte: level.ordinal } };
  }
  // A name or NIP search, or a name or NIP order, would let a role that may not read them
  // learn them anyway (through counts, or where a row falls): refused to such roles.
  const identifying = ctx.access.seesIdentifying;
  if (!identifying && filter?.search)
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `The ${ctx.access.role} role may not search by name or NIP.`,
      {
        argument: 'filter.search',
      },
    );
  if (!identifying && (order?.field === 'NAME' || order?.field === 'NIP'))
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `The ${ctx.access.role} role may not order by name or NIP.`,
      {
        argument: 'orderBy.field',
      },
    );
  if (filter?.search) {
    const text = filter.search.trim();
    where.$or = [{ name: { $ilike: containsPattern(text) } }];
    if (/^\d+$/.test(text)) where.$or.push({ nip: { $like: `${text}%` } });
  }
  // Keyset cursors need a non-null key: NIP order lists the employees who have a NIP.
  if (order?.field === 'NIP') where.nip = { $ne: null };
  const sort = sortKeys(order, EMPLOYEE_SORT, identifying ? 'NAME' : 'CREATED');
  return paginate(
    ctx.em,
    Employee,
    where as FilterQuery<Employee>,
    sort,
    page,
    leanReaderOf(ctx.em.getMetadata().get(Employee.name)),
  );
}

/** An employee's training hours (JP) in a year against the yearly target. */
export async function trainingHoursOf(
  ctx: Context,
  employeeId: number,
  year: number,
  target: number,
): Promise<{ year: number; hours: number; target: number; met: boolean }> {
  const hours = await hoursInYear(ctx, year).load(employeeId);
  return { year, hours, target, met: hours >= target };
}

/** The employee a NIP or a PPPK number names (null when none, or not visible). */
export function employeeByRef(
  ctx: Context,
  ref: { nip?: string | null; pppkNumber?: string | null },
): Promise<Employee | null> {
  return ref.nip
    ? ctx.loaders.byKey(Employee, 'nip').load(ref.nip)
    : ctx.loaders.byKey(Employee, 'pppkNumber').load(ref.pppkNumber ?? '');
}

/** Employees of an id list as a connection, in id order. */
export async function employeesPage(ctx: Context, ids: readonly number[], page: PageArgs) {
  const result = pageOfList(
    [...ids].sort((a, b) => a - b),
    page,
    (id) => [id],
    (id, cursor) => id > Number(cursor[0]),
  );
  const employees = await ctx.loaders.byId(Employee).loadMany(result.nodes);
  const byId = new Map(
    employees.filter((e): e is Employee => e instanceof Employee).map((e) => [e.id, e]),
  );
  return {
    ...result,
    nodes: result.nodes.map((id) => byId.get(id)!),
    edges: result.edges.map((e) => ({
      get cursor() {
        return e.cursor;
      },
      node: byId.get(e.node)!,
    })),
  };
}

/**
 * Whole years of service as of a date. To a role that may not read the appointment date they
 * are counted by calendar year, so stepping `asOf` a day at a time shows no more than the year
 * of appointment.
 */
export function yearsOfServiceOf(ctx: Context, employee: Employee, asOf: string): number | null {
  const from = appointmentDateOf(employee);
  if (!from) return null;
  return ctx.access.seesIdentifying
    ? wholeYearsBetween(from, asOf)
    : Number(asOf.slice(0, 4)) - Number(from.slice(0, 4));
}
