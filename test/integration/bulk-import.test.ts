import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDataset } from '../../src/records/export-dataset';
import { importDataset, type ImportOptions } from '../../src/modules/dataset/dataset.service';
import { generateProvince } from '../../src/demo/province.generate';
import { candidateIndex } from '../../src/engine/ranking/candidate-index';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, type TestApp } from '../support/harness';
import { changedEmployees, disabledTriggers } from '../support/change-log';

/**
 * The bulk path (COPY, references checked once per table) must be the ordinary import in all
 * but speed: the same database afterwards, the same report, the same all-or-nothing.
 */
const province = generateProvince({ employees: 2500, seed: 5, today: DEMO_TODAY });
const options = (bulk: boolean): ImportOptions => ({
  today: DEMO_TODAY,
  bulk,
  audit: { actor: { role: 'SYSTEM', subject: 'test' }, action: 'import' },
});

let bulk: TestApp;
let ordinary: TestApp;
let untouched: TestApp;
beforeAll(async () => {
  [bulk, ordinary, untouched] = await Promise.all([
    startTestApp('empty'),
    startTestApp('empty'),
    startTestApp('empty'),
  ]);
});
afterAll(async () => {
  await Promise.all([bulk?.close(), ordinary?.close(), untouched?.close()]);
});

async function foreignKeys(app: TestApp): Promise<string[]> {
  const { rows } = await app.orm.em.getKnex().raw<{ rows: { fk: string }[] }>(
    `select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as fk
       from pg_constraint where contype = 'f' and convalidated order by 1`,
  );
  return rows.map((r) => r.fk);
}

/** Every index and unique or primary key constraint, as the catalogue spells it. */
async function indexes(app: TestApp): Promise<string[]> {
  const { rows } = await app.orm.em.getKnex().raw<{ rows: { def: string }[] }>(
    `select indexdef as def from pg_indexes where schemaname = 'public'
     union all
     select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
       from pg_constraint where contype in ('u', 'p') and connamespace = 'public'::regnamespace
     order by 1`,
  );
  return rows.map((r) => r.def);
}

async function counts(app: TestApp): Promise<Record<string, number>> {
  const knex = app.orm.em.getKnex();
  const out: Record<string, number> = {};
  for (const table of [
    'employee',
    'performance_record',
    'assessment',
    'assessment_result',
    'training_record',
  ]) {
    const [{ count }] = await knex(table).count<{ count: string }[]>({ count: '*' });
    out[table] = Number(count);
  }
  return out;
}

describe('the bulk import', () => {
  it('writes the same database and report as the ordinary import, first and second time', async () => {
    const constraints = await foreignKeys(bulk);
    const indexDefinitions = await indexes(bulk);
    const first = await importDataset(bulk.orm.em.getKnex(), province, options(true));
    const reference = await importDataset(ordinary.orm.em.getKnex(), province, options(false));
    expect(first.issues).toEqual([]);
    expect(first).toEqual(reference);
    expect((await counts(bulk)).assessment_result).toBeGreaterThan(25_000);
    expect(await exportDataset(bulk.orm.em.getKnex())).toEqual(
      await exportDataset(ordinary.orm.em.getKnex()),
    );
    // Every foreign key is back, validated, exactly as the migrations made it.
    expect(await foreignKeys(bulk)).toEqual(constraints);
    // The indexes of the tables that started empty were built after the rows: all back.
    expect(await indexes(bulk)).toEqual(indexDefinitions);
    expect(indexDefinitions.length).toBeGreaterThan(20);
    // The change log names the same employees, each once (logged in one statement, the
    // triggers on insert off meanwhile), and every trigger is on again.
    const changed = await changedEmployees(bulk);
    expect(changed.distinct).toEqual((await changedEmployees(ordinary)).distinct);
    expect(changed.distinct.length).toBe(province.employees.length);
    expect(changed.rows).toBe(changed.distinct.length);
    expect(await disabledTriggers(bulk)).toEqual([]);

    // Again: everything is there already (updated or unchanged, nothing new, history kept).
    const again = await importDataset(bulk.orm.em.getKnex(), province, options(true));
    const againReference = await importDataset(ordinary.orm.em.getKnex(), province, options(false));
    expect(again).toEqual(againReference);
    expect(again.sections.find((s) => s.section === 'employees')).toMatchObject({ created: 0 });
    expect(await exportDataset(bulk.orm.em.getKnex())).toEqual(
      await exportDataset(ordinary.orm.em.getKnex()),
    );
  });

  it('rejects a bad file whole and reports each bad record', async () => {
    const bad = structuredClone(province);
    bad.employees[10].nip = '123';
    bad.assessments[5].results[0].competency = 'NO.SUCH';
    bad.trainings[3].course = 'NO-SUCH-COURSE';
    const report = await importDataset(untouched.orm.em.getKnex(), bad, options(true));
    expect(report.applied).toBe(false);
    const where = report.issues.map((i) => `${i.section}[${i.index}]`);
    expect(where).toEqual(
      expect.arrayContaining(['employees[10]', 'assessments[5]', 'trainings[3]']),
    );
    for (const issue of report.issues) expect(issue.message.length).toBeGreaterThan(0);
    expect(Object.values(await counts(untouched))).toEqual([0, 0, 0, 0, 0]);
  });

  it('rolls everything back, constraints included, when writing finds an issue', async () => {
    const before = await counts(bulk);
    const constraints = await foreignKeys(bulk);
    // History is append-only: the same assessment with another level is refused while writing.
    const changed = structuredClone(province);
    const result = changed.assessments[7].results[0];
    result.level = result.level === 5 ? 4 : result.level + 1;
    const report = await importDataset(bulk.orm.em.getKnex(), changed, options(true));
    expect(report.applied).toBe(false);
    expect(report.issues).toEqual([
      expect.objectContaining({ section: 'assessments', index: 7, code: 'APPEND_ONLY' }),
    ]);
    expect(await counts(bulk)).toEqual(before);
    expect(await foreignKeys(bulk)).toEqual(constraints);
    expect(await disabledTriggers(bulk)).toEqual([]);
  });

  it('links every result to its assessment when the ids it draws are not consecutive', async () => {
    // Ids come back as a range when nothing else drew from the sequence, else as a list: a
    // sequence that steps by 3 forces the list.
    const knex = untouched.orm.em.getKnex();
    // A server's index, loaded while the database is empty.
    const index = await candidateIndex(knex).current();
    expect(index.lastLoad?.employees).toBe(0);
    await knex.raw(`alter sequence assessment_id_seq increment by 3`);
    try {
      const report = await importDataset(knex, province, options(true));
      expect(report.issues).toEqual([]);
      // Too many changed employees to hold as objects: the index reads its columns again.
      await index.current();
      expect(index.lastLoad?.employees).toBe(province.employees.length);
      const { rows } = await knex.raw<{ rows: { gaps: number }[] }>(
        `select count(*) filter (where id - lag <> 3)::int as gaps
           from (select id, lag(id) over (order by id) from assessment) s where lag is not null`,
      );
      expect(rows[0].gaps).toBe(0);
      expect(await exportDataset(knex)).toEqual(await exportDataset(ordinary.orm.em.getKnex()));
    } finally {
      await knex.raw(`alter sequence assessment_id_seq increment by 1`);
    }
  });
});
