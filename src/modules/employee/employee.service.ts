import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../platform/graphql/context';
import { AppError, badInput, ErrorCode } from '../../shared/errors';
import {
  nullsLast,
  paginate,
  paginateComputed,
  type ComputedSortKey,
} from '../../platform/db/keyset';
import { containsPattern, sortKeys } from '../../shared/order';
import { pageOfList, type Page, type PageArgs } from '../../shared/pagination';
import { subtreeIds } from '../org/org.service';
import { OrgUnit } from '../org/org-unit.entity';
import { Employee } from './employee.entity';
import { appointmentDateOf, wholeYearsBetween } from '../../domain/employee.dates';
import { hoursInYear } from './employee.loaders';
import { leanReaderOf } from '../../platform/db/lean';
import {
  EmployeeOrderField,
  type CompetencyLevelFilter,
  type EmployeeFilter,
  type EmployeeOrder,
  type RangeFilter,
} from './employee.inputs';
import { Competency } from '../competency/competency.entity';
import { MAX_CONDITIONS, MAX_FILTER_DEPTH } from '../../platform/graphql/limits';
import { employeeFilterShape } from './filter-shape';
import { educationOf, idsCondition, rankOf, skillTests } from './filter-codes';
import { pageFromIndex, selectFromIndex, type EmployeeScope } from './employee-selection';

const EMPLOYEE_SORT = { NAME: 'name', NIP: 'nip', CREATED: 'id' } as const;

/**
 * A page of employees matching the filter, within an optional extra scope: from the ranking
 * index where it holds every fact the filter names and the order is by name or creation
 * (employee-selection.ts), else in SQL.
 */
export async function listEmployees(
  ctx: Context,
  filter: EmployeeFilter | null | undefined,
  order: EmployeeOrder | null | undefined,
  page: PageArgs,
  scope?: EmployeeScope,
): Promise<Page<Employee>> {
  checkFilterLimits(filter);
  // A name or NIP order would let a role that may not read them learn them anyway (where a
  // row falls): refused to such roles.
  if (!ctx.access.seesIdentifying && (order?.field === 'NAME' || order?.field === 'NIP'))
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `The ${ctx.access.role} role may not order by name or NIP.`,
      {
        argument: 'orderBy.field',
      },
    );
  // Without a filter or scope, the SQL way's page is one read of the (name, id) index.
  const filtered = scope !== undefined || (filter != null && Object.keys(filter).length > 0);
  if (
    filtered &&
    order?.competency == null &&
    indexOrders.has(order?.field ?? EmployeeOrderField.NAME)
  ) {
    const selection = await selectFromIndex(ctx, filter, scope);
    const answered = selection && (await pageFromIndex(ctx, selection, order, page));
    if (answered) return answered;
  }
  const where = await employeeWhere(ctx, filter, await scopeCondition(ctx, scope));
  const reader = leanReaderOf<Employee>(ctx.em.getMetadata().get(Employee.name));
  const computed = await computedOrder(ctx, order);
  if (computed)
    return paginateComputed(
      ctx.em,
      Employee,
      where as FilterQuery<Employee>,
      computed,
      page,
      reader,
    );
  // Keyset cursors need a non-null key: NIP order lists the employees who have a NIP.
  if (order?.field === 'NIP') where.$and.push({ nip: { $ne: null } });
  const sort = sortKeys(order, EMPLOYEE_SORT, ctx.access.seesIdentifying ? 'NAME' : 'CREATED');
  return paginate(ctx.em, Employee, where as FilterQuery<Employee>, sort, page, reader);
}

/** The orders a page from the index can follow. */
const indexOrders = new Set<string>([EmployeeOrderField.NAME, EmployeeOrderField.CREATED]);

/** An extra scope as an SQL condition. */
async function scopeCondition(
  ctx: Context,
  scope: EmployeeScope | undefined,
): Promise<FilterQuery<Employee>> {
  if (!scope) return {};
  if ('position' in scope) return { position: scope.position };
  const ranking = await ctx.ranking.current();
  return idsCondition(await ranking.skillHolders(scope.skills, ctx.today, ctx.work));
}

/**
 * The SQL keys of the orders computed from other tables or columns (rank, service, a
 * competency's level), or undefined for the orders on a column. Employees without the key
 * come last in both directions (`nullsLast`). The competency is checked: `LEVEL` needs one, no
 * other order takes one, and an unknown code is a BAD_USER_INPUT naming it.
 */
async function computedOrder(
  ctx: Context,
  order: EmployeeOrder | null | undefined,
): Promise<ComputedSortKey[] | undefined> {
  const direction = order?.direction ?? 'ASC';
  if (order?.competency != null && order.field !== EmployeeOrderField.LEVEL)
    throw badInput('`competency` goes with the LEVEL order only.', {
      argument: 'orderBy.competency',
    });
  switch (order?.field) {
    case EmployeeOrderField.RANK:
      return nullsLast(
        '(select r.ordinal from rank r where r.code = e0.rank_code)',
        direction,
        'int',
      );
    case EmployeeOrderField.YEARS_OF_SERVICE:
      // More years is an earlier first appointment: the day number of that date, reversed.
      return nullsLast(`(date '1970-01-01' - ${SERVICE_START_SQL})`, direction, 'int');
    case EmployeeOrderField.LEVEL: {
      if (!order.competency)
        throw badInput(
          'The LEVEL order needs `competency`, the code of the competency to order by.',
          {
            argument: 'orderBy.competency',
          },
        );
      const competency = await ctx.loaders.byKey(Competency, 'code').load(order.competency);
      if (!competency)
        throw badInput(`No competency has code "${order.competency}".`, {
          argument: 'orderBy.competency',
        });
      return nullsLast(currentLevelSql(competency.id, ctx.today), direction, 'int');
    }
    default:
      return undefined;
  }
}

/**
 * The first appointment (TMT CPNS) in SQL, as `appointmentDateOf` reads it: the recorded date,
 * else the first of the NIP's appointment month (NIPs are checked on every write).
 */
const SERVICE_START_SQL = `coalesce(e0.appointed_on, case when substring(e0.nip from 13 for 2) between '01' and '12'
    then to_date(substring(e0.nip from 9 for 6), 'YYYYMM') end)`;

/**
 * The current level of a competency in SQL, as `Employee.competencies` reads it: the result of
 * the latest assessment on or before `today` (latest id among the same day's). One index read
 * per employee (`assessment_employee_id_index`).
 */
function currentLevelSql(competencyId: number, today: string): string {
  invariant(Number.isInteger(competencyId) && /^\d{4}-\d{2}-\d{2}$/.test(today));
  return `(select r.level from assessment a join assessment_result r on r.assessment_id = a.id
    where a.employee_id = e0.id and r.competency_id = ${competencyId} and a.assessed_on <= date '${today}'
    order by a.assessed_on desc, a.id desc limit 1)`;
}

function invariant(condition: boolean): asserts condition {
  if (!condition) throw new Error('Invariant failed: a computed order from unchecked values.');
}

/**
 * Refuses (QUERY_TOO_COMPLEX) a filter past the limits on conditions and nesting, as the
 * request's measurement refuses it.
 */
export function checkFilterLimits(filter: EmployeeFilter | null | undefined): void {
  if (!filter) return;
  const { skills, branches, depth } = employeeFilterShape(filter);
  if (depth > MAX_FILTER_DEPTH)
    throw new AppError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `Filters nest at most ${MAX_FILTER_DEPTH} deep, this one ${depth}.`,
      { argument: 'filter', filterDepth: depth },
    );
  if (skills + branches > MAX_CONDITIONS)
    throw new AppError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `A request may hold at most ${MAX_CONDITIONS} filter conditions (skill conditions and nested filters), this filter ${skills + branches}.`,
      { argument: 'filter', conditions: skills + branches },
    );
}

/**
 * The condition a filter sets on employees, within the viewer's visibility and an optional
 * extra scope: every field given must hold, `and`/`or`/`not` combine nested filters. A filter
 * past the limits on conditions and nesting is refused (QUERY_TOO_COMPLEX) before anything
 * runs, as the request's measurement refuses it. Codes are checked (an unknown one is a
 * BAD_USER_INPUT naming the argument); a skill search is answered from the ranking index, in
 * one pass over each competency's results.
 */
export async function employeeWhere(
  ctx: Context,
  filter: EmployeeFilter | null | undefined,
  scope: FilterQuery<Employee> = {},
): Promise<{ $and: object[] }> {
  checkFilterLimits(filter);
  const conditions: object[] = [scope as object];
  // Only the people the viewer may see: the agency's for HR and COMMITTEE, oneself for EMPLOYEE.
  const visible = await ctx.access.employeeCondition();
  if (visible) conditions.push(visible);
  if (filter) conditions.push(await conditionOf(ctx, filter, 'filter'));
  return { $and: conditions };
}

async function conditionOf(ctx: Context, filter: EmployeeFilter, path: string): Promise<object> {
  const all: object[] = [];
  if (filter.orgUnitCode) {
    const unit = await ctx.loaders.byKey(OrgUnit, 'code').load(filter.orgUnitCode);
    if (!unit)
      throw badInput(`No org unit has code "${filter.orgUnitCode}".`, {
        argument: `${path}.orgUnitCode`,
      });
    all.push({
      orgUnit: filter.includeSubunits ? { $in: await subtreeIds(ctx, [unit.id]) } : unit.id,
    });
  }
  if (filter.agencyCode) all.push({ orgUnit: { agency: { code: filter.agencyCode } } });
  if (filter.positionCode) all.push({ position: { code: filter.positionCode } });
  if (filter.employmentType) all.push({ employmentType: filter.employmentType });
  if (filter.minRank)
    all.push({ rank: { ordinal: { $gte: rankOf(filter.minRank, `${path}.minRank`) } } });
  if (filter.minEducation)
    all.push({
      education: {
        ordinal: { $gte: educationOf(filter.minEducation, `${path}.minEducation`) },
      },
    });
  if (filter.rank) all.push({ rank: rangeOf(filter.rank, `${path}.rank`, rankOf) });
  if (filter.education)
    all.push({ education: rangeOf(filter.education, `${path}.education`, educationOf) });
  if (filter.search) {
    // A name or NIP search would let a role that may not read them learn them anyway (through
    // counts): refused to such roles, at any depth.
    if (!ctx.access.seesIdentifying)
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `The ${ctx.access.role} role may not search by name or NIP.`,
        { argument: `${path}.search` },
      );
    const text = filter.search.trim();
    const either: object[] = [{ name: { $ilike: containsPattern(text) } }];
    if (/^\d+$/.test(text)) either.push({ nip: { $like: `${text}%` } });
    all.push({ $or: either });
  }
  if (filter.competencies?.length)
    all.push(await skillCondition(ctx, filter.competencies, `${path}.competencies`));
  const nested = async (list: readonly EmployeeFilter[], name: string) =>
    Promise.all(list.map((f, i) => conditionOf(ctx, f, `${path}.${name}[${i}]`)));
  if (filter.and?.length) all.push({ $and: await nested(filter.and, 'and') });
  if (filter.or) {
    // No alternative at all selects no one (an empty `or` is false, as in logic).
    all.push(filter.or.length > 0 ? { $or: await nested(filter.or, 'or') } : { id: { $in: [] } });
  }
  if (filter.not) all.push({ $not: await conditionOf(ctx, filter.not, `${path}.not`) });
  return all.length === 1 ? all[0] : { $and: all };
}

/** A range of codes (`gte`, `lte`, `in`) as a condition on the reference's ordinal. */
function rangeOf(
  range: RangeFilter,
  path: string,
  ordinalOf: (code: string, argument: string) => number,
): object {
  const ordinal: Record<string, unknown> = {};
  if (range.gte) ordinal.$gte = ordinalOf(range.gte, `${path}.gte`);
  if (range.lte) ordinal.$lte = ordinalOf(range.lte, `${path}.lte`);
  if (range.in) ordinal.$in = range.in.map((code, i) => ordinalOf(code, `${path}.in[${i}]`));
  if (Object.keys(ordinal).length === 0)
    throw badInput('A range needs `gte`, `lte` or `in`.', { argument: path });
  return { ordinal };
}

/**
 * Employees whose current levels meet every condition, from the ranking index (kept exact from
 * the change log): every condition checked first, then one pass over each competency's results
 * (paced and limited by the request's meter). `path` names the conditions in errors
 * (`path[i].minLevel`); `argumentOf` may name them otherwise.
 */
export async function skillCondition(
  ctx: Context,
  conditions: readonly CompetencyLevelFilter[],
  path: string,
  argumentOf?: (index: number, field?: string) => string,
): Promise<object> {
  const [ranking, tests] = await Promise.all([
    ctx.ranking.current(),
    skillTests(ctx, conditions, path, argumentOf),
  ]);
  return idsCondition(await ranking.skillHolders(tests, ctx.today, ctx.work));
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
