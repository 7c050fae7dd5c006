import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionOf } from '../../src/platform/db/bulk-copy';
import { copyNumbers, DEFAULT_READER, type CopyReader } from '../../src/engine/ranking/copy-out';
import { startTestApp, type TestApp } from '../support/harness';

/**
 * `copyNumbers` reads COPY's wire messages off the socket itself (or, on another pg, through
 * pg-copy-streams): every row must come through whole, however the messages fall across network
 * reads, and any failure must leave the connection as usable as the driver would. Both readers
 * answer alike.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('empty');
});
afterAll(async () => {
  await app?.close();
});

it('reads off the socket on the installed pg (another pg: measure both readers again)', () => {
  expect(DEFAULT_READER).toBe('socket');
});

describe.each<CopyReader>(['socket', 'stream'])('copyNumbers, reading %s', (reader) => {
  /** Runs `copyNumbers` on a transaction's connection. */
  async function copy(query: string, width: number, onRow: (row: Float64Array) => void) {
    return app.orm.em.getKnex().transaction(async (trx) => {
      const connection = await connectionOf(trx);
      return { rows: await copyNumbers(connection, query, width, onRow, reader), error: null };
    });
  }

  it('hands over every row of a long stream, whatever the chunks, with signs, nulls and large values', async () => {
    let count = 0;
    let sum = 0;
    let nulls = 0;
    let negatives = 0;
    let largest = 0;
    const { rows, error } = await copy(
      `select i, case when i % 7 = 0 then null else -i end, i::int8 * 100000
         from generate_series(1, 200000) i`,
      3,
      (row) => {
        count++;
        sum += row[0];
        if (Number.isNaN(row[1])) nulls++;
        else if (row[1] === -row[0]) negatives++;
        largest = Math.max(largest, row[2]);
      },
    );
    expect(error).toBeNull();
    expect(rows).toBe(200_000);
    expect(count).toBe(200_000);
    expect(sum).toBe((200_000 * 200_001) / 2);
    expect(nulls).toBe(Math.floor(200_000 / 7));
    expect(negatives).toBe(200_000 - nulls);
    expect(largest).toBe(20_000_000_000);
  });

  it('gives an empty result as no rows', async () => {
    const seen: number[] = [];
    const { rows } = await copy('select 1, 2 where false', 2, (row) => seen.push(row[0]));
    expect(rows).toBe(0);
    expect(seen).toEqual([]);
  });

  it.each([
    [
      'an error PostgreSQL raises mid-stream',
      'select 100 / (i - 50000) from generate_series(1, 60000) i',
      1,
      () => undefined,
      /division by zero/,
    ],
    [
      'an error thrown by the caller for a row',
      'select i from generate_series(1, 50000) i',
      1,
      (row: Float64Array) => {
        if (row[0] === 30_000) throw new Error('the caller stops here');
      },
      /the caller stops here/,
    ],
    [
      'a text column',
      `select i, 'x' || i from generate_series(1, 10) i`,
      2,
      () => undefined,
      /column 2 is not a whole number/,
    ],
    [
      'more columns than asked for',
      'select i, i, i from generate_series(1, 10) i',
      2,
      () => undefined,
      /a row of 3 columns, not 2/,
    ],
  ])('refuses %s and leaves the connection usable', async (_name, query, width, onRow, message) => {
    await app.orm.em.getKnex().transaction(async (trx) => {
      const connection = await connectionOf(trx);
      await trx.raw('savepoint before_copy');
      await expect(copyNumbers(connection, query, width, onRow, reader)).rejects.toThrow(message);
      await trx.raw('rollback to savepoint before_copy');
      // The driver reads the next reply as usual on the same connection.
      const { rows } = await trx.raw<{ rows: { answer: number }[] }>('select 41 + 1 as answer');
      expect(rows).toEqual([{ answer: 42 }]);
      let after = 0;
      expect(await copyNumbers(connection, 'select 5', 1, (row) => (after = row[0]), reader)).toBe(
        1,
      );
      expect(after).toBe(5);
    });
  });
});
