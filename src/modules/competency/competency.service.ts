import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../platform/graphql/context';
import { paginate } from '../../platform/db/keyset';
import { containsPattern, sortKeys } from '../../shared/order';
import type { PageArgs } from '../../shared/pagination';
import { Competency } from './competency.entity';
import type { CompetencyFilter, CompetencyOrder } from './competency.inputs';

/** A page of competencies matching the filter. */
export function listCompetencies(
  ctx: Context,
  filter: CompetencyFilter | null | undefined,
  order: CompetencyOrder | null | undefined,
  page: PageArgs,
) {
  const where: FilterQuery<Competency> = {};
  if (filter?.type) where.type = filter.type;
  if (filter?.search) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ code: { $ilike: pattern } }, { name: { $ilike: pattern } }];
  }
  return paginate(
    ctx.em,
    Competency,
    where,
    sortKeys(order, { CODE: 'code', NAME: 'name' }, 'CODE'),
    page,
  );
}
