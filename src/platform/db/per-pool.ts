import type { Knex } from '@mikro-orm/knex';

/**
 * One `T` per database connection pool, made on first use: what a process keeps about one
 * database (the ranking index, the change feed), shared by every request on that pool.
 */
export function perPool<T>(make: (knex: Knex) => T): (knex: Knex) => T {
  const made = new WeakMap<object, T>();
  return (knex) => {
    let value = made.get(knex.client as object);
    if (value === undefined) {
      value = make(knex);
      made.set(knex.client as object, value);
    }
    return value;
  };
}
