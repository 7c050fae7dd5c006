import type { FilterQuery } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { Context } from '../../platform/graphql/context';
import { paginate } from '../../platform/db/keyset';
import { containsPattern, sortKeys } from '../../shared/order';
import type { PageArgs } from '../../shared/pagination';
import { Agency } from './agency.entity';
import type { AgencyFilter, AgencyOrder, OrgUnitFilter, OrgUnitOrder } from './org.inputs';
import { OrgUnit } from './org-unit.entity';

const AGENCY_SORT = { CODE: 'code', NAME: 'name' } as const;
const ORG_UNIT_SORT = { CODE: 'code', NAME: 'name' } as const;

/** A page of agencies matching the filter. */
export function listAgencies(
  ctx: Context,
  filter: AgencyFilter | null | undefined,
  order: AgencyOrder | null | undefined,
  page: PageArgs,
) {
  const where: FilterQuery<Agency> = {};
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.search) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ code: { $ilike: pattern } }, { name: { $ilike: pattern } }];
  }
  return paginate(ctx.em, Agency, where, sortKeys(order, AGENCY_SORT, 'CODE'), page);
}

/** A page of org units matching the filter (extra conditions, e.g. a parent, may be added). */
export function listOrgUnits(
  ctx: Context,
  filter: OrgUnitFilter | null | undefined,
  order: OrgUnitOrder | null | undefined,
  page: PageArgs,
  scope: FilterQuery<OrgUnit> = {},
) {
  const where: FilterQuery<OrgUnit> & Record<string, unknown> = { ...(scope as object) };
  if (filter?.agencyCode) where.agency = { code: filter.agencyCode };
  if (filter?.parentCode) where.parent = { code: filter.parentCode };
  if (filter?.rootsOnly) where.parent = null;
  if (filter?.search) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ code: { $ilike: pattern } }, { name: { $ilike: pattern } }];
  }
  return paginate(ctx.em, OrgUnit, where, sortKeys(order, ORG_UNIT_SORT, 'CODE'), page);
}

/** Ids of a unit and every unit below it, by one recursive query. */
export async function subtreeIds(ctx: Context, unitIds: readonly number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const result = await ctx.knex.raw<{ rows: { id: number }[] }>(
    `with recursive tree(id) as (
       select id from org_unit where id = any(?)
       union
       select u.id from org_unit u join tree t on u.parent_id = t.id
     ) select id from tree`,
    [unitIds as number[]],
  );
  return result.rows.map((r) => r.id);
}

/** The code of the agency an org unit belongs to. */
export async function agencyOfUnit(knex: Knex, orgUnitId: number): Promise<string> {
  const row = await knex('org_unit as u')
    .join('agency as a', 'a.id', 'u.agency_id')
    .where('u.id', orgUnitId)
    .first<{ code: string }>('a.code');
  return row.code;
}
