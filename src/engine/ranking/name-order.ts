import type { Knex } from '@mikro-orm/knex';
import { connectionOf } from '../../platform/db/bulk-copy';
import type { CandidateColumns } from './candidate-columns';
import { NONE } from './column-packing';
import { copyNumbers } from './copy-out';

/**
 * Each slot's place in the employees' (name, id) order, as PostgreSQL orders them (its
 * collation, from the `employee (name, id)` index): a page of a list by name is the first of
 * the selected slots by place, and no name is held in memory. Read when a list by name first
 * needs it, after the columns (an employee renamed since is in the overlay, which the page
 * reads in SQL; one added since has no slot and is passed over; a slot whose employee is gone
 * keeps -1). A few hundred milliseconds at a million employees.
 */
export async function loadNameOrder(knex: Knex, columns: CandidateColumns): Promise<Int32Array> {
  const place = new Int32Array(columns.size).fill(NONE);
  await knex.transaction(
    async (trx) => {
      await trx.raw('set local statement_timeout = 0');
      let next = 0;
      await copyNumbers(
        await connectionOf(trx),
        'select id from employee order by name, id',
        1,
        (row) => {
          const slot = columns.slotOf(row[0]);
          if (slot >= 0) place[slot] = next;
          next++;
        },
      );
    },
    { readOnly: true },
  );
  return place;
}
