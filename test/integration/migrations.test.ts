import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('empty');
});
afterAll(() => app.close());

describe('migrations', () => {
  it('match the entities: no migration is needed after applying them (run `npm run migration:create` if this fails)', async () => {
    const migrator = app.orm.getMigrator();
    expect(await migrator.getPendingMigrations()).toEqual([]);
    expect(await migrator.checkMigrationNeeded()).toBe(false);
  });

  it('seed the rank ladder and the education levels', async () => {
    const data = await app.ok('{ employees { totalCount } }');
    expect(data.employees.totalCount).toBe(0);
    const knex = app.orm.em.getKnex();
    const ranks = await knex('rank').orderBy('ordinal').pluck('code');
    expect(ranks).toEqual([
      'I/a',
      'I/b',
      'I/c',
      'I/d',
      'II/a',
      'II/b',
      'II/c',
      'II/d',
      'III/a',
      'III/b',
      'III/c',
      'III/d',
      'IV/a',
      'IV/b',
      'IV/c',
      'IV/d',
      'IV/e',
    ]);
    const education = await knex('education_level').orderBy('ordinal').pluck('code');
    expect(education).toEqual(['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'S1', 'S2', 'S3']);
  });
});
