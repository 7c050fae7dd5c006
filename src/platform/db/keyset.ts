import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { leanFind } from './loaders';
import type { LeanReader } from './lean';
import { pageRequest, toPage, type Page, type PageArgs } from '../../shared/pagination';

import type { SortKeys } from '../../shared/order';

/**
 * One page of entities by keyset pagination: cursors hold the sort key, so pages stay stable
 * while rows are added elsewhere, and the cost does not grow with the offset.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  sort: SortKeys,
  args: PageArgs,
  /** Read the rows without the ORM (no hydration), when the entity has a lean reader. */
  reader?: LeanReader<T>,
): Promise<Page<T>> {
  const keys = [...sort, { property: 'id', direction: sort.at(-1)?.direction ?? 'ASC' }].filter(
    (key, index, all) => all.findIndex((k) => k.property === key.property) === index,
  );
  const request = pageRequest(args, keys.length);
  const flip = request.direction === 'backward';
  const effective = keys.map((k) => ({
    property: k.property,
    ascending: (k.direction === 'ASC') !== flip,
  }));
  const conditions: object[] = [where];
  if (request.cursor) conditions.push(after(effective, request.cursor));
  const orderBy = effective.map((k) => ({ [k.property]: k.ascending ? 'ASC' : 'DESC' }));
  const matching = { $and: conditions } as FilterQuery<T>;
  const options = { orderBy: orderBy as never, limit: request.limit + 1 };
  const rows =
    request.limit === 0
      ? []
      : reader
        ? await leanFind(em, entity, reader, matching, options)
        : await em.find(entity, matching, options);
  const keyOf = (row: T) => keys.map((k) => (row as Record<string, unknown>)[k.property]);
  return toPage(rows, request, keyOf, () => em.count(entity, where));
}

/** The condition "strictly after `cursor`" in the effective order: (a > x) or (a = x and b > y) … */
function after(
  keys: { property: string; ascending: boolean }[],
  cursor: readonly unknown[],
): object {
  const alternatives = keys.map((key, i) => {
    const condition: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) condition[keys[j].property] = cursor[j];
    condition[key.property] = { [key.ascending ? '$gt' : '$lt']: cursor[i] };
    return condition;
  });
  return { $or: alternatives };
}
