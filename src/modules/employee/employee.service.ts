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
import { pageOfList, type PageArgs } from '../../shared/pagination';
import { subtreeIds } from '../org/org.service';
import { OrgUnit } from '../org/org-unit.entity';
import { EDUCATION_LEVELS, normaliseEducationCode, RANKS } from '../../domain/reference.data';
import { Employee } from './employee.entity';
import { addYears, appointmentDateOf, wholeYearsBetween } from '../../domain/employee.dates';
import { hoursInYear } from './employee.loaders';
import { leanReaderOf } from '../../platform/db/lean';
import {
  EmployeeOrderField,
  type CompetencyLevelFilter,
  type EmployeeFilter,
  type EmployeeOrder,
  type RangeFilter,
} from './employee.inputs';
import { raw } from '@mikro-orm/core';
import { Competency } from '../competency/competency.entity';
import type { SkillTest } from '../../engine/ranking';
import { MAX_CONDITIONS, MAX_FILTER_DEPTH } from '../../platform/graphql/limits';
import { employeeFilterShape } from './filter-shape';
import { dayNumber } from '../../domain/days';
import { DEFAULT_ASSESSMENT_VALIDITY_YEARS } from '../../domain/staleness';

const EMPLOYEE_SORT = { NAME: 'name', NIP: 'nip', CREATED: 'id' } as const;

/** A page of employees matching the filter, within an optional extra scope. */
export async function listEmployees(
  ctx: Context,
  filter: EmployeeFilter | null | undefined,
  order: EmployeeOrder | null | undefined,
  page: PageArgs,
  scope: FilterQuery<Employee> = {},
) {
  const where = await employeeWhere(ctx, filter, scope);
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
  if (filter) {
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

function rankOf(code: string, argument: string): number {
  const rank = RANKS.find((r) => r.code === code.trim());
  if (!rank) throw badInput(`"${code}" is not a rank code (I/a … IV/e).`, { argument });
  return rank.ordinal;
}

function educationOf(code: string, argument: string): number {
  const level = EDUCATION_LEVELS.find((e) => e.code === normaliseEducationCode(code));
  if (!level) throw badInput(`"${code}" is not an education code.`, { argument });
  return level.ordinal;
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
  argumentOf: (index: number, field?: string) => string = (i, field) =>
    field ? `${path}[${i}].${field}` : `${path}[${i}]`,
): Promise<object> {
  const [ranking, competencies] = await Promise.all([
    ctx.ranking.current(),
    Promise.all(conditions.map((c) => ctx.loaders.byKey(Competency, 'code').load(c.code.trim()))),
  ]);
  const tests: SkillTest[] = conditions.map((condition, i) => {
    const competency = competencies[i];
    if (!competency)
      throw badInput(`No competency has code "${condition.code}".`, {
        argument: argumentOf(i, 'code'),
      });
    const min = condition.minLevel ?? 1;
    const max = condition.maxLevel ?? 5;
    for (const [name, level] of [
      ['minLevel', min],
      ['maxLevel', max],
    ] as const)
      if (!Number.isInteger(level) || level < 1 || level > 5)
        throw badInput(`\`${name}\` must be a level from 1 to 5, got ${level}.`, {
          argument: argumentOf(i, name),
        });
    if (min > max)
      throw badInput(`\`minLevel\` ${min} is above \`maxLevel\` ${max}.`, {
        argument: argumentOf(i),
      });
    // Fresh: assessed on or after the day the validity reaches back to.
    const freshFrom =
      condition.includeStale === false
        ? dayNumber(addYears(ctx.today, -DEFAULT_ASSESSMENT_VALIDITY_YEARS))
        : -Infinity;
    return {
      competencyId: competency.id,
      test: (level, day) => level >= min && level <= max && day >= freshFrom,
    };
  });
  const ids = await ranking.skillHolders(tests, ctx.today, ctx.work);
  if (ids.length === 0) return { id: { $in: [] } };
  // One array parameter, however many employees hold the skill (`= any(array)`: an index
  // scan of the ids in order, several times faster than a join to the unnested list).
  const list: unknown = raw('any(?::int[])', [`{${ids.join(',')}}`]);
  return { id: list };
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
