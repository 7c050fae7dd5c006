import { Client } from 'pg';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/modules/dataset/dataset.service';
import { IMPORT_LOCK } from '../../src/records/write-locks';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

const run = promisify(execFile);

let demo: TestApp;
let empty: TestApp;
beforeAll(async () => {
  [demo, empty] = await Promise.all([startTestApp('demo'), startTestApp('empty')]);
});
afterAll(async () => {
  await Promise.all([demo.close(), empty.close()]);
});

const IMPORT = `mutation($dataset: JSONObject!, $dryRun: Boolean) {
  importDataset(input: { dataset: $dataset, dryRun: $dryRun }) {
    report { applied issueCount issues { section index key field code message } sections { section received created updated unchanged } }
    userErrors { field code message }
  }
}`;

async function exportOf(app: TestApp) {
  return (await app.ok('{ datasetExport }')).datasetExport;
}

async function countsOf(app: TestApp) {
  return app.ok(
    '{ agencies { totalCount } orgUnits { totalCount } competencies { totalCount } courses { totalCount } positions { totalCount } employees { totalCount } }',
  );
}

describe('import and export', () => {
  it('round-trip the demo province without loss: import → export → import → export', async () => {
    const original = await exportOf(demo);
    expect(original.employees).toHaveLength(500);
    expect(original.assessments.length).toBeGreaterThan(500);

    const first = await empty.ok(IMPORT, { dataset: original });
    expect(first.importDataset.userErrors).toEqual([]);
    expect(first.importDataset.report.applied).toBe(true);
    const created = Object.fromEntries(
      first.importDataset.report.sections.map((s: any) => [s.section, s.created]),
    );
    expect(created).toMatchObject({
      agencies: 3,
      employees: 500,
      assessments: original.assessments.length,
      trainings: original.trainings.length,
    });
    expect(await exportOf(empty)).toEqual(original);

    // Importing the same document again is an idempotent upsert: nothing new, nothing lost.
    const again = await empty.ok(IMPORT, { dataset: await exportOf(empty) });
    expect(again.importDataset.report.applied).toBe(true);
    expect(again.importDataset.report.sections.every((s: any) => s.created === 0)).toBe(true);
    const assessments = again.importDataset.report.sections.find(
      (s: any) => s.section === 'assessments',
    );
    expect(assessments.unchanged).toBe(original.assessments.length);
    // Every record stored exactly as given says so, with its lists (levels, requirements, ratings).
    for (const section of [
      'agencies',
      'orgUnits',
      'competencies',
      'courses',
      'positions',
      'employees',
    ])
      expect(
        again.importDataset.report.sections.find((s: any) => s.section === section),
        section,
      ).toMatchObject({ created: 0, updated: 0, unchanged: original[section].length });
    expect(await exportOf(empty)).toEqual(original);

    // One employee's rating changed, one position's requirement: those two are updated, the rest unchanged.
    const changed = await exportOf(empty);
    changed.employees[7].performance = changed.employees[7].performance.slice(1);
    changed.positions[3].requirements[0].level =
      changed.positions[3].requirements[0].level === 5 ? 4 : 5;
    const third = await empty.ok(IMPORT, { dataset: changed, dryRun: true });
    const fourth = await empty.ok(IMPORT, { dataset: changed });
    for (const result of [third, fourth]) {
      const by = (section: string) =>
        result.importDataset.report.sections.find((s: any) => s.section === section);
      expect(by('employees')).toMatchObject({ updated: 1, unchanged: 499 });
      expect(by('positions')).toMatchObject({
        updated: 1,
        unchanged: original.positions.length - 1,
      });
    }
  });

  it('list every bad record with section, index, field and reason, and change nothing', async () => {
    const before = await countsOf(demo);
    const dataset = {
      agencies: [
        { code: 'KOTA-BARU', name: 'Pemerintah Kota Baru', kind: 'CITY' },
        { code: 'KOTA-LAUT', name: 'Pemerintah Kota Laut', kind: 'CITY', province: 'Atlantis' },
      ],
      competencies: [
        {
          code: 'T.BARU',
          name: 'Baru',
          type: 'TECHNICAL',
          levels: [{ level: 6, description: 'x' }],
        },
      ],
      courses: [
        {
          code: 'LOOP',
          title: 'x',
          type: 'COURSE',
          modality: 'CLASSICAL',
          hours: 8,
          provider: 'x',
          prerequisites: ['LOOP'],
        },
      ],
      employees: [
        {
          nip: '198613262015051001',
          name: 'A',
          employmentType: 'PNS',
          education: 'S1',
          orgUnit: 'BKD-PROV',
        },
        {
          nip: '198609262015051009',
          name: 'B',
          employmentType: 'PNS',
          education: 'S1',
          orgUnit: 'NOWHERE',
        },
      ],
      assessments: [
        {
          nip: '199912312020121999',
          assessedOn: '2025-01-01',
          method: 'TEST',
          results: [{ competency: 'Q.1', level: 2 }],
        },
      ],
    };
    const result = await demo.ok(IMPORT, { dataset });
    const report = result.importDataset.report;
    expect(report.applied).toBe(false);
    expect(report.issues.map((i: any) => [i.section, i.index, i.key, i.field, i.code])).toEqual(
      expect.arrayContaining([
        ['agencies', 1, 'KOTA-LAUT', 'province', 'INVALID'],
        ['competencies', 0, 'T.BARU', 'levels[0].level', 'OUT_OF_RANGE'],
        ['courses', 0, 'LOOP', 'prerequisites[0]', 'CYCLE'],
        ['employees', 0, expect.any(String), 'nip', 'INVALID'],
        ['employees', 1, '198609262015051009', 'orgUnit', 'NOT_FOUND'],
        ['assessments', 0, '199912312020121999', 'nip', 'NOT_FOUND'],
      ]),
    );
    expect(report.issueCount).toBe(report.issues.length);
    expect(result.importDataset.userErrors).toContainEqual({
      field: ['input', 'dataset', 'employees', '1', 'orgUnit'],
      code: 'NOT_FOUND',
      message: 'employees[1] (198609262015051009).orgUnit: no org unit has code "NOWHERE"',
    });
    // The valid agency did not land either: all or nothing.
    expect(await countsOf(demo)).toEqual(before);
    expect((await demo.ok('{ agency(code: "KOTA-BARU") { code } }')).agency).toBeNull();
  });

  it('roll back everything when a conflict shows only while writing', async () => {
    const [existing] = (await exportOf(demo)).assessments;
    const dataset = {
      agencies: [{ code: 'KOTA-ROLLBACK', name: 'x', kind: 'CITY' }],
      assessments: [
        {
          ...existing,
          results: existing.results.map((r: any) => ({
            ...r,
            level: r.level === 5 ? 4 : r.level + 1,
          })),
        },
      ],
    };
    const result = await demo.ok(IMPORT, { dataset });
    expect(result.importDataset.report.applied).toBe(false);
    expect(result.importDataset.report.issues).toEqual([
      expect.objectContaining({ section: 'assessments', index: 0, code: 'APPEND_ONLY' }),
    ]);
    expect((await demo.ok('{ agency(code: "KOTA-ROLLBACK") { code } }')).agency).toBeNull();
  });

  it('count without writing on a dry run', async () => {
    const dataset = {
      agencies: [
        { code: 'KOTA-DRY', name: 'x', kind: 'CITY' },
        { code: 'PROV-MALUKU', name: 'Pemerintah Provinsi Maluku', kind: 'PROVINCE' },
      ],
    };
    const result = await demo.ok(IMPORT, { dataset, dryRun: true });
    expect(result.importDataset.report.applied).toBe(false);
    expect(result.importDataset.report.sections.find((s: any) => s.section === 'agencies')).toEqual(
      { section: 'agencies', received: 2, created: 1, updated: 1, unchanged: 0 },
    );
    expect((await demo.ok('{ agency(code: "KOTA-DRY") { code } }')).agency).toBeNull();
  });

  it('list at most 1,000 issues, with how many there were in all', async () => {
    const agencies = Array.from({ length: 1500 }, (_, i) => ({
      code: `KOTA-BAD-${i}`,
      name: 'x',
      kind: 'NOPE',
    }));
    const result = await demo.ok(IMPORT, { dataset: { agencies } });
    expect(result.importDataset.report.issueCount).toBe(1500);
    expect(result.importDataset.report.issues).toHaveLength(1000);
    expect(result.importDataset.userErrors).toHaveLength(1000);
    expect(result.importDataset.report.issues[999]).toMatchObject({ index: 999, field: 'kind' });
  });

  it('count on a dry run, reading only, what the import then does', async () => {
    const original = await exportOf(demo);
    const [assessment] = original.assessments;
    const taken = new Set(
      original.assessments
        .filter((a: any) => a.nip === assessment.nip && a.pppkNumber === assessment.pppkNumber)
        .map((a: any) => a.assessedOn),
    );
    const day = ['2020-02-03', '2020-02-04', '2020-02-05'].find((d) => !taken.has(d));
    const [training] = original.trainings;
    const dataset = {
      ...original,
      agencies: [...original.agencies, { code: 'KOTA-PLAN', name: 'Kota Rencana', kind: 'CITY' }],
      assessments: [...original.assessments, { ...assessment, assessedOn: day }],
      trainings: [...original.trainings, { ...training, completedOn: '2020-02-06' }],
    };
    const dry = await demo.ok(IMPORT, { dataset, dryRun: true });
    expect(dry.importDataset.report.applied).toBe(false);
    expect((await demo.ok('{ agency(code: "KOTA-PLAN") { code } }')).agency).toBeNull();
    const real = await demo.ok(IMPORT, { dataset });
    expect(real.importDataset.report.applied).toBe(true);
    expect(dry.importDataset.report.sections).toEqual(real.importDataset.report.sections);
    const by = (section: string) =>
      real.importDataset.report.sections.find((s: any) => s.section === section);
    expect(by('agencies').created).toBe(1);
    expect(by('assessments')).toMatchObject({ created: 1, unchanged: original.assessments.length });
    expect(by('trainings').created).toBe(1);
  });

  it('answer a dry run while an import holds the write lock', async () => {
    const knex = demo.orm.em.getKnex();
    const audit = { actor: { role: 'CLI', subject: 'test' }, action: 'import' };
    const today = '2026-11-01';
    const holder = new Client({ connectionString: demo.databaseUrl });
    await holder.connect();
    await holder.query('begin');
    await holder.query('select pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    let settled = false;
    try {
      // A real import waits for the lock for as long as it is held...
      const real = importDataset(
        knex,
        { agencies: [{ code: 'KOTA-WAIT', name: 'Kota Menunggu', kind: 'CITY' }] },
        { today, audit },
      ).finally(() => (settled = true));
      for (let waited = 0; waited < 50_000; waited += 100) {
        const { rows } = await holder.query(
          `select count(*)::int as waiting from pg_locks
            where locktype = 'advisory' and objid = $1 and not granted`,
          [IMPORT_LOCK],
        );
        if ((rows[0] as { waiting: number }).waiting > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // ...while a dry run of the same document answers, counting against what is committed.
      const dry = await importDataset(
        knex,
        { agencies: [{ code: 'KOTA-WAIT', name: 'Kota Menunggu', kind: 'CITY' }] },
        { today, audit, dryRun: true },
      );
      expect(dry.applied).toBe(false);
      expect(dry.sections.find((s) => s.section === 'agencies')).toMatchObject({ created: 1 });
      expect(settled).toBe(false);
      await holder.query('rollback');
      expect((await real).applied).toBe(true);
    } finally {
      if (!settled) await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
  });

  it('rejects a document that is not an object of sections', async () => {
    const result = await demo.ok(IMPORT, { dataset: { people: [] } });
    expect(result.importDataset.report.issues).toEqual([
      {
        section: 'document',
        index: null,
        key: null,
        field: 'people',
        code: 'INVALID',
        message: expect.stringContaining('not a section'),
      },
    ]);
  });
});

describe('the command line', () => {
  it('exports and imports files, with progress, and refuses a bad file whole with exit code 1', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cg-cli-'));
    const file = path.join(dir, 'demo.json');
    const env = { ...process.env, DATABASE_URL: demo.databaseUrl, NODE_ENV: 'test' };
    const tsx = path.resolve('node_modules/.bin/tsx');
    const exported = await run(tsx, ['scripts/export.ts', file], { env });
    expect(exported.stdout).toContain('500 employees');
    const document = JSON.parse(await readFile(file, 'utf8'));
    expect(document.employees).toHaveLength(500);

    const imported = await run(tsx, ['scripts/import.ts', file], {
      env: { ...env, DATABASE_URL: empty.databaseUrl },
    });
    expect(imported.stdout).toMatch(/Imported in/);
    expect(imported.stderr).toMatch(/reading .*demo\.json: 100% \([\d.]+ of [\d.]+ MB\)/);
    expect(imported.stderr).toMatch(/employees: 100% \(500 of 500\)/);

    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ agencies: [{ code: 'X', name: 'x', kind: 'PLANET' }] }));
    const failure = await run(tsx, ['scripts/import.ts', bad], { env }).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('agencies[0] (X).kind: INVALID: "PLANET" is not one of');
  });

  it('waits for an import already under way, saying so, then imports', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cg-cli-'));
    const file = path.join(dir, 'agency.json');
    await writeFile(
      file,
      JSON.stringify({ agencies: [{ code: 'KAB-BARU', name: 'Kabupaten Baru', kind: 'REGENCY' }] }),
    );
    const holder = new Client({ connectionString: demo.databaseUrl });
    await holder.connect();
    await holder.query('begin');
    await holder.query('select pg_advisory_xact_lock(7201001)');
    const started = run(path.resolve('node_modules/.bin/tsx'), ['scripts/import.ts', file], {
      env: { ...process.env, DATABASE_URL: demo.databaseUrl, NODE_ENV: 'test' },
    });
    // Release only once the import is waiting for the lock (however slow it is to start).
    const watcher = new Client({ connectionString: demo.databaseUrl });
    await watcher.connect();
    for (let waited = 0; ; waited += 100) {
      const { rows } = await watcher.query(
        `select count(*)::int as waiting from pg_locks
          where locktype = 'advisory' and objid = 7201001 and not granted
            and database = (select oid from pg_database where datname = current_database())`,
      );
      if ((rows[0] as { waiting: number }).waiting > 0 || waited > 50_000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await watcher.end();
    await holder.query('rollback');
    await holder.end();
    const imported = await started;
    expect(imported.stderr).toContain('Another import or write is under way; waiting');
    expect(imported.stdout).toMatch(/Imported in/);
  });
});

describe('text and depth in a document (files, workbooks and POST /import)', () => {
  const post = (body: string) =>
    fetch(`${empty.url}/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('ADMIN')}` },
      body,
    });
  type Report = {
    applied: boolean;
    issues: {
      section: string;
      index: number | null;
      field: string | null;
      code: string;
      message: string;
    }[];
  };

  it('reports a bidirectional control and a lone surrogate with record and field, and imports nothing', async () => {
    const body = JSON.stringify({
      agencies: [
        { code: 'KOTA-BIDI', name: 'Kota \u202eUji', kind: 'CITY' },
        { code: 'KOTA-SURR', name: 'Kota X', kind: 'CITY' },
        { code: '\u2067KOTA-ISO', name: 'Kota Y', kind: 'CITY' },
      ],
    }).replace('Kota X', 'Kota \\udc00');
    const response = await post(body);
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.applied).toBe(false);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        {
          section: 'agencies',
          index: 0,
          field: 'name',
          code: 'INVALID',
          message: 'contains the bidirectional control U+202E',
        },
        {
          section: 'agencies',
          index: 1,
          field: 'name',
          code: 'INVALID',
          message: 'contains a lone surrogate U+DC00',
        },
        {
          section: 'agencies',
          index: 2,
          field: 'code',
          code: 'INVALID',
          message: 'contains the bidirectional control U+2067',
        },
      ]),
    );
    expect((await empty.ok('{ agency(code: "KOTA-BIDI") { code } }')).agency).toBeNull();
    expect((await empty.ok('{ agency(code: "KOTA-SURR") { code } }')).agency).toBeNull();
  });

  it('reports a record nested 100,000 levels deep as one issue, not a stack overflow', async () => {
    const levels = 100_000;
    const body =
      '{"agencies":[{"code":"KOTA-DEEP","name":"Kota","kind":"CITY","extra":' +
      '{"a":'.repeat(levels) +
      '1' +
      '}'.repeat(levels) +
      '}]}';
    const response = await post(body);
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.applied).toBe(false);
    const deep = report.issues.filter((i) => i.message === 'is nested deeper than 64 levels');
    expect(deep).toEqual([
      {
        section: 'agencies',
        index: 0,
        // The document, the section and the record are three of the 64 levels.
        field: ['extra', ...Array<string>(61).fill('a')].join('.'),
        code: 'INVALID',
        message: 'is nested deeper than 64 levels',
      },
    ]);
    expect((await empty.ok('{ agency(code: "KOTA-DEEP") { code } }')).agency).toBeNull();
  });
});
