import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDataset } from '../../src/records/export-dataset';
import {
  importDataset,
  importFirstLoad,
  importFirstLoadFile,
  NotAFirstLoadError,
} from '../../src/modules/dataset/dataset.service';
import { DocumentFileError, readDocumentRecords } from '../../src/modules/dataset/document-file';
import { generateProvince } from '../../src/demo/province.generate';
import { writeProvinceFile } from '../../src/demo/province.file';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, type TestApp } from '../support/harness';

/**
 * The streamed first load (a national file read record by record, written by COPY … FREEZE
 * into tables truncated in its transaction) must leave the database the bulk import of the
 * whole document leaves, refuse a database that holds people, and write nothing from a file
 * with a bad record, which it names as any import does.
 */
const OPTIONS = { employees: 2500, seed: 5, today: DEMO_TODAY };
const province = generateProvince(OPTIONS);
const audit = { actor: { role: 'SYSTEM' as const, subject: 'test' }, action: 'import' };
// Small chunks: the records of a section cross several of them.
const CHUNK = 700;

let dir: string;
let file: string;
let streamed: TestApp;
let whole: TestApp;
let untouched: TestApp;
let threaded: TestApp;
/** The report of the bulk import of the whole document, for the loads to match. */
let wholeReport: unknown;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'first-load-'));
  file = path.join(dir, 'province.json');
  await writeProvinceFile(OPTIONS, file);
  [streamed, whole, untouched, threaded] = await Promise.all([
    startTestApp('empty'),
    startTestApp('empty'),
    startTestApp('empty'),
    startTestApp('empty'),
  ]);
});
afterAll(async () => {
  await Promise.all([streamed?.close(), whole?.close(), untouched?.close(), threaded?.close()]);
  await rm(dir, { recursive: true, force: true });
});

const load = (app: TestApp, from: string) =>
  importFirstLoad(app.orm.em.getKnex(), readDocumentRecords(from), {
    today: DEMO_TODAY,
    audit,
    chunkSize: CHUNK,
  });

/** The same file read in a thread of its own (as the CLI reads it). */
const loadInThread = (app: TestApp, from: string) =>
  importFirstLoadFile(app.orm.em.getKnex(), from, { today: DEMO_TODAY, audit, chunkSize: CHUNK });

/** The province with a bad record in each people section, and a training listed twice. */
async function writeBadFile(): Promise<{ bad: typeof province; file: string }> {
  const bad = structuredClone(province);
  bad.employees[1800].orgUnit = 'NO-SUCH-UNIT';
  bad.assessments[1500].results[0].competency = 'NO.SUCH';
  bad.trainings[2100].course = 'NO-SUCH-COURSE';
  bad.trainings.push({ ...bad.trainings[3] });
  const badFile = path.join(dir, 'bad.json');
  await writeFile(badFile, JSON.stringify(bad));
  return { bad, file: badFile };
}

async function counts(app: TestApp): Promise<Record<string, number>> {
  const { rows } = await app.orm.em.getKnex().raw<{ rows: Record<string, number>[] }>(
    `select (select count(*) from employee)::int as employee,
            (select count(*) from performance_record)::int as performance_record,
            (select count(*) from assessment)::int as assessment,
            (select count(*) from assessment_result)::int as assessment_result,
            (select count(*) from training_record)::int as training_record,
            (select count(*) from discipline_record)::int as discipline_record,
            (select count(distinct employee_id) from employee_change where employee_id <> 0)::int as changed,
            -- The units' row: org units were written, so every process reads them again.
            exists(select from employee_change where employee_id = 0)::int as units_changed`,
  );
  return rows[0];
}

/** Foreign keys, indexes and constraints, and the triggers switched off (none). */
async function schema(app: TestApp): Promise<string[]> {
  const { rows } = await app.orm.em.getKnex().raw<{ rows: { def: string }[] }>(
    `select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated as def
       from pg_constraint where connamespace = 'public'::regnamespace
     union all select indexdef from pg_indexes where schemaname = 'public'
     union all select 'disabled ' || tgname from pg_trigger where not tgisinternal and tgenabled = 'D'
     order by 1`,
  );
  return rows.map((r) => r.def);
}

describe('the streamed first load', () => {
  it('writes the database and report of the bulk import of the whole document', async () => {
    const before = await schema(streamed);
    const report = await load(streamed, file);
    const reference = await importDataset(whole.orm.em.getKnex(), province, {
      today: DEMO_TODAY,
      bulk: true,
      audit,
    });
    expect(report.issues).toEqual([]);
    expect(report).toEqual(reference);
    wholeReport = reference;
    expect(await counts(streamed)).toEqual(await counts(whole));
    expect((await counts(streamed)).changed).toBe(OPTIONS.employees);
    expect((await counts(streamed)).units_changed).toBe(1);
    expect(await exportDataset(streamed.orm.em.getKnex())).toEqual(
      await exportDataset(whole.orm.em.getKnex()),
    );
    // Keys, indexes and triggers all back as the migrations made them.
    expect(await schema(streamed)).toEqual(before);
    // The sequences go on after the ids drawn by the load.
    const { rows } = await streamed.orm.em
      .getKnex()
      .raw<{ rows: { id: number; max: number }[] }>(
        `select nextval('assessment_id_seq')::int as id, (select max(id) from assessment)::int as max`,
      );
    expect(rows[0].id).toBe(rows[0].max + 1);
  });

  it('refuses a database that holds employees, and leaves it as it was', async () => {
    const before = await counts(streamed);
    await expect(load(streamed, file)).rejects.toBeInstanceOf(NotAFirstLoadError);
    await expect(load(streamed, file)).rejects.toThrow(/first load.*holds rows in .*employee/);
    expect(await counts(streamed)).toEqual(before);
  });

  it('writes nothing from a file with bad records, and names each by section, index and key', async () => {
    const { bad, file: badFile } = await writeBadFile();
    const before = await schema(untouched);
    const report = await load(untouched, badFile);
    const reference = await importDataset(untouched.orm.em.getKnex(), bad, {
      today: DEMO_TODAY,
      bulk: true,
      audit,
    });
    expect(report.applied).toBe(false);
    // The issues of the whole-document import, with the same places, keys and words.
    expect(report).toEqual(reference);
    expect(report.issues.map((i) => `${i.section}[${i.index}]`)).toEqual(
      expect.arrayContaining([
        'employees[1800]',
        'assessments[1500]',
        'trainings[2100]',
        `trainings[${bad.trainings.length - 1}]`,
      ]),
    );
    expect(report.issues.find((i) => i.section === 'employees')?.key).toBe(
      bad.employees[1800].nip ?? bad.employees[1800].pppkNumber,
    );
    expect(Object.values(await counts(untouched)).every((n) => n === 0)).toBe(true);
    expect(await schema(untouched)).toEqual(before);
  });
});

describe('the first load read in a thread of its own', () => {
  it('writes the database and report of the load read in the importing thread', async () => {
    const before = await schema(threaded);
    const report = await loadInThread(threaded, file);
    expect(report.issues).toEqual([]);
    expect(report).toEqual(wholeReport);
    expect(await counts(threaded)).toEqual(await counts(whole));
    expect(await exportDataset(threaded.orm.em.getKnex())).toEqual(
      await exportDataset(whole.orm.em.getKnex()),
    );
    expect(await schema(threaded)).toEqual(before);
  });

  it('writes nothing from a file with bad records, and names them as in the importing thread', async () => {
    const { file: bad } = await writeBadFile();
    const before = await schema(untouched);
    const report = await loadInThread(untouched, bad);
    expect(report.applied).toBe(false);
    expect(report.issues.length).toBeGreaterThanOrEqual(4);
    expect(report).toEqual(await load(untouched, bad));
    expect(Object.values(await counts(untouched)).every((n) => n === 0)).toBe(true);
    expect(await schema(untouched)).toEqual(before);
  });

  it('says what is wrong with a file that is not JSON, in the words of the reader', async () => {
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{"agencies": [{"code": "A",]}');
    const expected = (await load(untouched, broken).catch((e: unknown) => e)) as Error;
    expect(expected).toBeInstanceOf(DocumentFileError);
    const error = await loadInThread(untouched, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentFileError);
    expect((error as Error).message).toBe(expected.message);
    expect(Object.values(await counts(untouched)).every((n) => n === 0)).toBe(true);
  });

  it('leaves the database as it was when the file breaks off after chunks were written', async () => {
    const cut = path.join(dir, 'cut.json');
    const text = await readFile(file);
    await writeFile(cut, text.subarray(0, text.length - 200));
    const before = await schema(untouched);
    for (const read of [load, loadInThread]) {
      const error = await read(untouched, cut).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DocumentFileError);
      expect((error as Error).message).toMatch(/cut short/);
      expect(Object.values(await counts(untouched)).every((n) => n === 0)).toBe(true);
      expect(await schema(untouched)).toEqual(before);
    }
  });
});
