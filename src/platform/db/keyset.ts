import { raw, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { leanFind } from './loaders';
import type { LeanReader } from './lean';
import { pageRequest, toPage, type Page, type PageArgs } from '../../shared/pagination';

import type { SortDirection, SortKeys } from '../../shared/order';

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
  /** How many rows the whole list holds (default: counted in SQL, when asked). */
  count: () => Promise<number> = () => em.count(entity, where),
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
  return toPage(rows, request, keyOf, count);
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

/** A sort key computed in SQL for the row aliased `e0`, never null (see `nullsLast`). */
export interface ComputedSortKey {
  /** SQL of the key; constants in it are the server's (ids, dates), never a client's text. */
  readonly sql: string;
  readonly direction: SortDirection;
  /** How a cursor's value of the key is cast back in SQL. */
  readonly type: 'int' | 'text';
}

/**
 * A nullable key as two keys that are never null: whether it is missing (missing rows last,
 * whichever the direction), then its value (0 or '' where missing, so ties go to the id).
 */
export function nullsLast(
  sql: string,
  direction: SortDirection,
  type: ComputedSortKey['type'],
): ComputedSortKey[] {
  const missing = type === 'int' ? '0' : "''";
  return [
    { sql: `(case when (${sql}) is null then 1 else 0 end)`, direction: 'ASC', type: 'int' },
    { sql: `coalesce(${sql}, ${missing})`, direction, type },
  ];
}

/**
 * One page by keyset pagination on keys computed in SQL (a rank's ordinal, a date, a level from
 * another table), for the rows `where` selects. The filtered rows with their keys are a
 * subquery; the page is read from it by the keys and the id (in the last key's direction), and
 * the cursors hold the keys' values. The matching rows are sorted, not read from an index: the
 * cost grows with the rows the filter selects (docs/performance.md).
 */
export async function paginateComputed<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  sort: readonly ComputedSortKey[],
  args: PageArgs,
  reader: LeanReader<T>,
): Promise<Page<T>> {
  const keys: ComputedSortKey[] = [
    ...sort,
    { sql: 'e0.id', direction: sort.at(-1)?.direction ?? 'ASC', type: 'int' },
  ];
  const request = pageRequest(args, keys.length);
  const flip = request.direction === 'backward';
  const effective = keys.map((k, i) => ({
    column: `k${i}`,
    ascending: (k.direction === 'ASC') !== flip,
    type: k.type,
  }));
  const inner = em
    .createQueryBuilder(entity, 'e0')
    .select(raw([reader.select('e0'), ...keys.map((k, i) => `${k.sql} as k${i}`)].join(', ')))
    .where(where);
  // The scope's SQL with `?` placeholders, as the statement below is written (its own text has
  // PostgreSQL's numbered ones, which would not be bound again once nested).
  const scope = inner.getKnexQuery().toSQL();
  const params: unknown[] = [...scope.bindings];
  let after = '';
  if (request.cursor) {
    const condition = afterComputed(effective, request.cursor);
    after = `where ${condition.sql}`;
    params.push(...condition.params);
  }
  const order = effective.map((k) => `s.${k.column} ${k.ascending ? 'asc' : 'desc'}`).join(', ');
  const sql = `select * from (${scope.sql}) s ${after} order by ${order} limit ${request.limit + 1}`;
  const rows =
    request.limit === 0
      ? []
      : await em.getConnection().execute<Record<string, unknown>[]>(sql, params, 'all');
  const keysOf = new WeakMap<T, unknown[]>();
  const nodes = rows.map((row) => {
    const node = reader.map(row);
    keysOf.set(
      node,
      keys.map((_, i) => row[`k${i}`]),
    );
    return node;
  });
  return toPage(
    nodes,
    request,
    (node) => keysOf.get(node)!,
    () => em.count(entity, where),
  );
}

/** "Strictly after `cursor`" on computed key columns, as SQL with its parameters. */
function afterComputed(
  keys: { column: string; ascending: boolean; type: ComputedSortKey['type'] }[],
  cursor: readonly unknown[],
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const alternatives = keys.map((key, i) => {
    const parts: string[] = [];
    for (let j = 0; j < i; j++) {
      parts.push(`s.${keys[j].column} = ?::${keys[j].type}`);
      params.push(cursor[j]);
    }
    parts.push(`s.${key.column} ${key.ascending ? '>' : '<'} ?::${key.type}`);
    params.push(cursor[i]);
    return `(${parts.join(' and ')})`;
  });
  return { sql: `(${alternatives.join(' or ')})`, params };
}
