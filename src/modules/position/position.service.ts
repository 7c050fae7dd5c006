import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../platform/graphql/context';
import { paginate } from '../../platform/db/keyset';
import { containsPattern, sortKeys } from '../../shared/order';
import type { PageArgs } from '../../shared/pagination';
import { Position } from './position.entity';
import type { PositionFilter, PositionOrder } from './position.inputs';

/**
 * The order of a job profile's requirements: as the profile lists them. The requirements
 * loader is one per request whoever reads it first (`position.requirements`, or a page of
 * employees reading ahead), so both read in this order.
 */
export const REQUIREMENT_ORDER = { ordinal: 'ASC', id: 'ASC' } as const;

/** A page of positions matching the filter. */
export async function listPositions(
  ctx: Context,
  filter: PositionFilter | null | undefined,
  order: PositionOrder | null | undefined,
  page: PageArgs,
) {
  const where: FilterQuery<Position> & Record<string, unknown> = {};
  // HR and COMMITTEE see their agency's positions only.
  const visible = await ctx.access.positionCondition();
  if (visible) where.$and = [visible];
  if (filter?.categories?.length) where.category = { $in: filter.categories };
  if (filter?.orgUnitCode) where.orgUnit = { code: filter.orgUnitCode };
  if (filter?.agencyCode) {
    where.orgUnit = { ...(where.orgUnit as object), agency: { code: filter.agencyCode } };
  }
  if (filter?.requiresCompetency) {
    where.id = {
      $in: ctx
        .knex('position_requirement as r')
        .join('competency as c', 'c.id', 'r.competency_id')
        .where('c.code', filter.requiresCompetency)
        .select('r.position_id') as never,
    };
  }
  if (filter?.search) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ code: { $ilike: pattern } }, { title: { $ilike: pattern } }];
  }
  const keys = sortKeys(
    order,
    { CODE: 'code', NAME: 'title', TITLE: 'title', SENIORITY: 'seniority' },
    'CODE',
  );
  // Within a category, by code (in the same direction).
  const sort =
    keys[0].property === 'seniority' ? [...keys, { ...keys[0], property: 'code' }] : keys;
  return paginate(ctx.em, Position, where, sort, page);
}

/** Required courses of many positions in one statement, as course ids by position. */
export function requiredCourseIds(ctx: Context) {
  return ctx.loaders.custom<number, number[]>('position.requiredCourses', async (ids) => {
    const rows: { position: number; course: number }[] = await ctx
      .knex('position_required_course as p')
      .join('course as c', 'c.id', 'p.course_id')
      .whereIn('p.position_id', ids as number[])
      .orderBy('c.code')
      .select({ position: 'p.position_id', course: 'p.course_id' });
    const groups = new Map<number, number[]>(ids.map((id) => [id, []]));
    for (const row of rows) groups.get(row.position)?.push(row.course);
    return ids.map((id) => groups.get(id) ?? []);
  });
}
