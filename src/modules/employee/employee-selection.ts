import type { Context } from '../../platform/graphql/context';
import { Role } from '../../platform/auth/auth.types';
import { AppError, badInput, ErrorCode } from '../../shared/errors';
import { paginate } from '../../platform/db/keyset';
import { leanReaderOf } from '../../platform/db/lean';
import { pageRequest, type Page, type PageArgs } from '../../shared/pagination';
import { OrderDirection } from '../../shared/order';
import type { EmployeeCondition, EmployeeSelection, SkillTest } from '../../engine/ranking';
import { subtreeIds } from '../org/org.service';
import { OrgUnit } from '../org/org-unit.entity';
import { Employee } from './employee.entity';
import {
  EmployeeOrderField,
  type EmployeeFilter,
  type EmployeeOrder,
  type RangeFilter,
} from './employee.inputs';
import { educationOf, idsCondition, rankOf, skillTests } from './filter-codes';

/**
 * Employee lists and counts answered from the ranking index, where it holds every fact the
 * filter and the viewer's visibility name (units, agencies, positions, employment type, rank,
 * education, current levels): the selection, its size and a page's ids come from the columns,
 * and only the page's rows are read, by id. A filter that names what the index does not hold
 * (a name or NIP search), the EMPLOYEE role (seen by NIP), an order other than by name or by
 * creation go the SQL way, `employeeWhere`, which these conditions follow clause by clause
 * (and SQL's three-valued logic with them: `EmployeeCondition`).
 */

/** Whether lists and counts may come from the index (tests switch it off to compare the two). */
export const selectionSettings = { fromIndex: true };

/** What an employee list adds to its filter: a position's holders, a competency's holders. */
export type EmployeeScope = { readonly position: number } | { readonly skills: SkillTest[] };

/**
 * The employees the viewer may see whom a filter and a scope select, from the index; undefined
 * when the index cannot answer (the caller goes the SQL way). Codes are checked as
 * `employeeWhere` checks them, with the same errors.
 */
export async function selectFromIndex(
  ctx: Context,
  filter: EmployeeFilter | null | undefined,
  scope?: EmployeeScope,
): Promise<EmployeeSelection | undefined> {
  if (!selectionSettings.fromIndex) return undefined;
  const visible = await visibleCondition(ctx);
  if (visible === undefined) return undefined;
  const [ranking, filtered] = await Promise.all([
    ctx.ranking.current(),
    filter ? conditionOf(ctx, filter, 'filter') : null,
  ]);
  if (filtered === undefined) return undefined;
  const all: EmployeeCondition[] = [];
  if (visible) all.push(visible);
  if (filtered) all.push(filtered);
  if (scope)
    all.push(
      'position' in scope ? { positions: new Set([scope.position]) } : { skills: scope.skills },
    );
  const selection = await ranking.select({ all }, ctx.today, ctx.work);
  // The rows the page reads must be there on a replica too.
  await ctx.readsSee(ranking.lsn);
  return selection;
}

/**
 * The viewer's visibility as a condition: null for those who see everyone (ADMIN, ANALYST),
 * the agency's units for HR and COMMITTEE, undefined for the others (EMPLOYEE sees by NIP,
 * which the index does not hold).
 */
async function visibleCondition(ctx: Context): Promise<EmployeeCondition | null | undefined> {
  const role = ctx.access.role;
  if (role === Role.ADMIN || role === Role.ANALYST) return null;
  if (role === Role.HR || role === Role.COMMITTEE)
    return { orgUnits: await ctx.access.agencyUnitIds() };
  return undefined;
}

/** `conditionOf` of employee.service.ts as an index condition (undefined: a name or NIP search). */
async function conditionOf(
  ctx: Context,
  filter: EmployeeFilter,
  path: string,
): Promise<EmployeeCondition | undefined> {
  const all: (EmployeeCondition | undefined)[] = [];
  if (filter.orgUnitCode) {
    const unit = await ctx.loaders.byKey(OrgUnit, 'code').load(filter.orgUnitCode);
    if (!unit)
      throw badInput(`No org unit has code "${filter.orgUnitCode}".`, {
        argument: `${path}.orgUnitCode`,
      });
    all.push({
      orgUnits: new Set(filter.includeSubunits ? await subtreeIds(ctx, [unit.id]) : [unit.id]),
    });
  }
  if (filter.agencyCode) {
    const units = (await ctx
      .knex('org_unit as u')
      .join('agency as a', 'a.id', 'u.agency_id')
      .where('a.code', filter.agencyCode)
      .pluck('u.id')) as number[];
    all.push({ orgUnits: new Set(units) });
  }
  if (filter.positionCode) {
    const positions = (await ctx
      .knex('position')
      .where('code', filter.positionCode)
      .pluck('id')) as number[];
    all.push({ positions: new Set(positions) });
  }
  if (filter.employmentType) all.push({ employmentType: filter.employmentType });
  if (filter.minRank) {
    const min = rankOf(filter.minRank, `${path}.minRank`);
    all.push({ rank: (ordinal) => ordinal >= min });
  }
  if (filter.minEducation) {
    const min = educationOf(filter.minEducation, `${path}.minEducation`);
    all.push({ education: (ordinal) => ordinal >= min });
  }
  if (filter.rank) all.push(rangeOf(filter.rank, `${path}.rank`, rankOf, 'rank'));
  if (filter.education)
    all.push(rangeOf(filter.education, `${path}.education`, educationOf, 'education'));
  if (filter.search) {
    if (!ctx.access.seesIdentifying)
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `The ${ctx.access.role} role may not search by name or NIP.`,
        { argument: `${path}.search` },
      );
    return undefined;
  }
  if (filter.competencies?.length)
    all.push({ skills: await skillTests(ctx, filter.competencies, `${path}.competencies`) });
  const nested = async (list: readonly EmployeeFilter[], name: string) =>
    Promise.all(list.map((f, i) => conditionOf(ctx, f, `${path}.${name}[${i}]`)));
  if (filter.and?.length) {
    const parts = await nested(filter.and, 'and');
    all.push(parts.includes(undefined) ? undefined : { all: parts as EmployeeCondition[] });
  }
  if (filter.or) {
    const parts = await nested(filter.or, 'or');
    // No alternative at all selects no one (an empty `or` is false, as in logic).
    all.push(
      parts.includes(undefined)
        ? undefined
        : parts.length > 0
          ? { any: parts as EmployeeCondition[] }
          : { nobody: true },
    );
  }
  if (filter.not) {
    const inner = await conditionOf(ctx, filter.not, `${path}.not`);
    all.push(inner && { not: inner });
  }
  if (all.includes(undefined)) return undefined;
  return all.length === 1 ? all[0] : { all: all as EmployeeCondition[] };
}

/**
 * A range of codes as SQL reads it: each bound given is a condition of its own, an empty `in`
 * selects no one (even those without a rank).
 */
function rangeOf(
  range: RangeFilter,
  path: string,
  ordinalOf: (code: string, argument: string) => number,
  field: 'rank' | 'education',
): EmployeeCondition {
  const all: EmployeeCondition[] = [];
  const leaf = (test: (ordinal: number) => boolean): EmployeeCondition =>
    field === 'rank' ? { rank: test } : { education: test };
  if (range.gte) {
    const min = ordinalOf(range.gte, `${path}.gte`);
    all.push(leaf((o) => o >= min));
  }
  if (range.lte) {
    const max = ordinalOf(range.lte, `${path}.lte`);
    all.push(leaf((o) => o <= max));
  }
  if (range.in) {
    const listed = new Set(range.in.map((code, i) => ordinalOf(code, `${path}.in[${i}]`)));
    all.push(listed.size > 0 ? leaf((o) => listed.has(o)) : { nobody: true });
  }
  if (all.length === 0) throw badInput('A range needs `gte`, `lte` or `in`.', { argument: path });
  return all.length === 1 ? all[0] : { all };
}

/**
 * A page of employees from the index, by name or by creation order (undefined: another order,
 * or a cursor the index cannot place; the caller goes the SQL way). The page's candidates are
 * the first of the selection's column employees past the cursor and every selected employee of
 * the overlay (whose names the columns' order may not know): one statement reads them by id,
 * ordered and cut as the SQL way does, with the same cursors. `totalCount` is the selection's.
 */
export async function pageFromIndex(
  ctx: Context,
  selection: EmployeeSelection,
  order: EmployeeOrder | null | undefined,
  args: PageArgs,
): Promise<Page<Employee> | undefined> {
  const field = order?.field ?? (ctx.access.seesIdentifying ? 'NAME' : 'CREATED');
  if (field !== EmployeeOrderField.NAME && field !== EmployeeOrderField.CREATED) return undefined;
  const direction = order?.direction ?? OrderDirection.ASC;
  const byName = field === EmployeeOrderField.NAME;
  const request = pageRequest(args, byName ? 2 : 1);
  const ascending = (direction === OrderDirection.ASC) !== (request.direction === 'backward');
  const wanted = request.limit + 1;
  let candidates: number[] | undefined;
  if (!byName)
    candidates = selection.firstById(
      wanted,
      ascending,
      request.cursor ? Number(request.cursor[0]) : null,
    );
  else if (!request.cursor) candidates = await selection.firstByName(wanted, ascending, null);
  else {
    const from = await nearestPlaced(ctx, selection, request.cursor, ascending);
    if (from === undefined) return undefined;
    candidates = from === null ? [] : await selection.firstByName(wanted, ascending, from);
  }
  if (!candidates) return undefined;
  const ids = [...candidates, ...selection.overlaidIds];
  const reader = leanReaderOf<Employee>(ctx.em.getMetadata().get(Employee.name));
  const sort = [{ property: byName ? 'name' : 'id', direction }];
  const count = selection.count;
  return paginate(ctx.em, Employee, idsCondition(ids), sort, args, reader, () =>
    Promise.resolve(count),
  );
}

/** Rows read past a cursor to find one the name order places. */
const NEAREST = 20;

/**
 * The first employee strictly past a (name, id) cursor in the page's direction whom the
 * columns' name order places (not changed since the columns); null when none is, undefined
 * when the first few past it are all unplaced (the caller goes the SQL way).
 */
async function nearestPlaced(
  ctx: Context,
  selection: EmployeeSelection,
  cursor: readonly unknown[],
  ascending: boolean,
): Promise<number | null | undefined> {
  const rows: number[] = await ctx.knex
    .raw<{ rows: { id: number }[] }>(
      `select id from employee where (name, id) ${ascending ? '>' : '<'} (?, ?)
         and id <> all(?::int[]) order by name ${ascending ? 'asc' : 'desc'}, id ${ascending ? 'asc' : 'desc'} limit ${NEAREST}`,
      [String(cursor[0]), Number(cursor[1]), `{${selection.changedIds.join(',')}}`],
    )
    .then((result) => result.rows.map((row) => row.id));
  for (const id of rows) if (await selection.placed(id)) return id;
  return rows.length < NEAREST ? null : undefined;
}
