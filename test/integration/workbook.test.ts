import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/modules/dataset/dataset.service';
import { readSheets, sheetIssueOf, type SheetIssue } from '../../src/modules/dataset/workbook';
import { SHEETS } from '../../src/modules/dataset/workbook-sheets';
import { writeTemplate } from '../../src/modules/dataset/workbook-template';
import { generateProvince } from '../../src/demo/province.generate';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * Spreadsheets in: the template `npm run template` writes, filled in as an HR officer would,
 * imported through the same validator and transaction as a JSON document; every problem is
 * named by sheet, row and column, and one bad cell refuses the whole workbook.
 */
let app: TestApp;
let dir: string;

beforeAll(async () => {
  app = await startTestApp('empty');
  dir = await mkdtemp(path.join(os.tmpdir(), 'cg-workbook-'));
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The rows an officer types in, by sheet (from row 3, under the header and the notes). */
const FILLED: Record<string, (string | number | Date)[][]> = {
  agencies: [['PROV-X', 'Pemerintah Provinsi X', 'PROVINCE']],
  orgUnits: [['PROV-X.BKD', 'PROV-X', 'Badan Kepegawaian Daerah', '']],
  competencies: [['T.01', 'Pengelolaan Arsip', 'TECHNICAL', 'Mengelola arsip dinamis']],
  competencyLevels: [1, 2, 3, 4, 5].map((level) => [
    'T.01',
    level,
    `Tingkat ${level}`,
    'memilah; mencatat',
  ]),
  positions: [
    [
      'PROV-X.BKD.KABID',
      'Kepala Bidang Arsip',
      'ADMINISTRATOR',
      'PROV-X.BKD',
      'Memimpin bidang',
      '',
      'III/c',
      'S1',
    ],
  ],
  positionRequirements: [['PROV-X.BKD.KABID', 'T.01', 3, 1, 'true']],
  employees: [
    [
      '199001012015031001',
      '',
      'Andi Wijaya',
      'PNS',
      'III/b',
      '',
      'S1',
      'PROV-X.BKD',
      '',
      new Date(Date.UTC(1990, 0, 1)),
      new Date(Date.UTC(2015, 2, 1)),
      70,
    ],
    [
      '199203152018032002',
      '',
      'Siti Rahma',
      'PNS',
      'III/a',
      '',
      'S1',
      'PROV-X.BKD',
      '',
      new Date(Date.UTC(1992, 2, 15)),
      '2018-03-01',
      '',
    ],
  ],
  performance: [['199001012015031001', '', 2025, 'BAIK']],
  assessments: [
    [
      '199001012015031001',
      '',
      new Date(Date.UTC(2025, 5, 2)),
      'ASSESSMENT_CENTER',
      'Tim',
      '',
      'T.01',
      3,
    ],
    ['199203152018032002', '', '2025-06-03', 'INTERVIEW', '', '', 'T.01', 2],
  ],
  discipline: [
    [
      '199001012015031001',
      'SEDANG',
      'POTONGAN_TUKIN_6_BULAN',
      '800/7/BKD/2025',
      new Date(Date.UTC(2025, 0, 6)),
      '2025-07-05',
    ],
  ],
};

/** The template, filled in with `FILLED`, with `change` applied to a cell (sheet, row, column). */
async function filledWorkbook(
  file: string,
  change?: { sheet: string; row: number; column: string; value: unknown },
) {
  const template = path.join(dir, 'template.xlsx');
  await writeTemplate(template);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  for (const [name, rows] of Object.entries(FILLED)) {
    const sheet = workbook.getWorksheet(name)!;
    rows.forEach((values, i) => (sheet.getRow(i + 3).values = values));
  }
  if (change) {
    const sheet = workbook.getWorksheet(change.sheet)!;
    const columns = SHEETS.find((s) => s.name === change.sheet)!.columns.map((c) => c.name);
    sheet.getRow(change.row).getCell(columns.indexOf(change.column) + 1).value =
      change.value as ExcelJS.CellValue;
  }
  await workbook.xlsx.writeFile(file);
}

/** Reads and imports a workbook or CSV folder as `npm run import` does; the issues by cell. */
async function importSheets(
  source: string,
  folder = false,
): Promise<{ applied: boolean; issues: SheetIssue[] }> {
  const read = await readSheets(source, folder);
  if (read.issues.length > 0) return { applied: false, issues: read.issues };
  const report = await importDataset(app.orm.em.getKnex(), read.document, {
    today: '2026-11-30',
    audit: { actor: { role: 'CLI', subject: 'test' }, action: 'import' },
  });
  return {
    applied: report.applied,
    issues: report.issues.map((i) => sheetIssueOf(i, read.provenance)),
  };
}

const employees = async () =>
  Number(
    (await app.orm.em.getKnex()('employee').count<{ count: string }[]>({ count: '*' }))[0].count,
  );

describe('the template', () => {
  it('has a sheet per section and list, headers, notes and drop-down lists for codes', async () => {
    const file = path.join(dir, 'empty.xlsx');
    await writeTemplate(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['lists', ...SHEETS.map((s) => s.name)]);
    expect(workbook.getWorksheet('lists')!.state).toBe('hidden');
    const sheet = workbook.getWorksheet('employees')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      ...SHEETS.find((s) => s.name === 'employees')!.columns.map((c) => c.name),
    ]);
    expect(sheet.getCell('C2').value as string).toMatch(/^Required\. Full name/);
    const rules = (
      sheet as unknown as {
        dataValidations: { model: Record<string, { type: string; formulae: string[] }> };
      }
    ).dataValidations.model;
    const rank = Object.entries(rules).find(([range]) => range.startsWith('E3'));
    expect(rank?.[1]).toMatchObject({
      type: 'list',
      formulae: [expect.stringMatching(/^lists!\$[A-Z]+\$1:\$[A-Z]+\$17$/)],
    });
  });
});

describe('a workbook made from the template', () => {
  it('is refused whole for one bad cell, which the report names', async () => {
    const file = path.join(dir, 'bad.xlsx');
    await filledWorkbook(file, { sheet: 'employees', row: 4, column: 'rank', value: 'V/z' });
    const result = await importSheets(file);
    expect(result.applied).toBe(false);
    // The bad cell first; then what it brings down (that employee's assessment).
    expect(result.issues[0]).toEqual(
      expect.objectContaining({
        sheet: 'employees',
        row: 4,
        column: 'rank',
        cell: 'E4',
        message: expect.stringMatching(/V\/z/),
      }),
    );
    expect(result.issues.slice(1).map((i) => i.sheet)).toEqual(['assessments']);
    expect(await employees()).toBe(0);
  });

  it('names the cell in a sheet of lists too (a requirement, a result)', async () => {
    const file = path.join(dir, 'bad-result.xlsx');
    await filledWorkbook(file, { sheet: 'assessments', row: 4, column: 'level', value: 7 });
    const result = await importSheets(file);
    expect(result.issues).toEqual([
      expect.objectContaining({ sheet: 'assessments', row: 4, column: 'level', cell: 'H4' }),
    ]);
  });

  it('refuses an 18-digit NIP typed as a number before anything is read', async () => {
    const file = path.join(dir, 'numeric-nip.xlsx');
    await filledWorkbook(file, {
      sheet: 'employees',
      row: 3,
      column: 'nip',
      value: Number('199001012015031001'), // as Excel keeps a number: rounded
    });
    const result = await importSheets(file);
    expect(result.issues[0]).toEqual(
      expect.objectContaining({
        sheet: 'employees',
        row: 3,
        column: 'nip',
        cell: 'A3',
        message: expect.stringMatching(/format the column as text/),
      }),
    );
  });

  it('imports when every cell is right: typed dates, lists in cells and in their own sheets', async () => {
    const file = path.join(dir, 'good.xlsx');
    await filledWorkbook(file);
    const result = await importSheets(file);
    expect(result.issues).toEqual([]);
    expect(result.applied).toBe(true);
    const answer =
      await app.ok(`{ employee(nip: "199001012015031001") { name appointedOn performance { year rating }
      competencies { level assessedOn competency { code levels { level } } } } position(code: "PROV-X.BKD.KABID") { requirements { level critical } } }`);
    expect(answer.employee).toMatchObject({
      name: 'Andi Wijaya',
      appointedOn: '2015-03-01',
      performance: [{ year: 2025, rating: 'BAIK' }],
      competencies: [{ level: 3, assessedOn: '2025-06-02', competency: { code: 'T.01' } }],
    });
    expect(answer.employee.competencies[0].competency.levels).toHaveLength(5);
    expect(answer.position.requirements).toEqual([{ level: 3, critical: true }]);
    const { employee } = await app.ok(
      `{ employee(nip: "199001012015031001") { discipline { level kind decisionNumber from until } } }`,
    );
    expect(employee.discipline).toEqual([
      {
        level: 'SEDANG',
        kind: 'POTONGAN_TUKIN_6_BULAN',
        decisionNumber: '800/7/BKD/2025',
        from: '2025-01-06',
        until: '2025-07-05',
      },
    ]);
  });

  it('names the cell of a disciplinary sentence that ends before it starts', async () => {
    const file = path.join(dir, 'bad-discipline.xlsx');
    await filledWorkbook(file, {
      sheet: 'discipline',
      row: 3,
      column: 'until',
      value: '2024-12-31',
    });
    const result = await importSheets(file);
    expect(result.applied).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({
        sheet: 'discipline',
        row: 3,
        column: 'until',
        cell: 'F3',
        message: expect.stringMatching(
          /NIP 199001012015031001, decision 800\/7\/BKD\/2025: ends on 2024-12-31/,
        ),
      }),
    ]);
  });
});

describe('a folder of CSV files', () => {
  it('reads the same layout, and names the row and column of a bad value', async () => {
    const folder = path.join(dir, 'csv');
    await mkdir(folder);
    const write = async (sheet: string, rows: string[][]) => {
      const columns = SHEETS.find((s) => s.name === sheet)!.columns;
      const lines = [columns.map((c) => c.name), columns.map((c) => c.note), ...rows];
      await writeFile(
        path.join(folder, `${sheet}.csv`),
        `\ufeff${lines.map((l) => l.map((v) => `"${v}"`).join(',')).join('\r\n')}\r\n`,
      );
    };
    await write('trainings', [['199203152018032002', '', 'NO-SUCH-COURSE', '2025-07-01', '']]);
    const refused = await importSheets(folder, true);
    expect(refused.applied).toBe(false);
    expect(refused.issues).toEqual([
      expect.objectContaining({ sheet: 'trainings', row: 3, column: 'course' }),
    ]);

    await write('trainings', [['199203152018032002', '', 'PROV-X.LATSAR', '2025-07-01', '24']]);
    await write('courses', [
      ['PROV-X.LATSAR', 'Latihan Dasar', 'LATSAR', 'CLASSICAL', '60', '1500000', 'BPSDM', ''],
    ]);
    const imported = await importSheets(folder, true);
    expect(imported.issues).toEqual([]);
    expect(imported.applied).toBe(true);
  });
});

describe('POST /import, past the 5 MiB of a GraphQL body', () => {
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await startTestApp('empty');
  });
  afterAll(() => fresh?.close());

  const post = (body: Buffer | string, type: string, token = tokenFor('ADMIN'), query = '') =>
    fetch(`${fresh.url}/import${query}`, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${token}` },
      body,
    });

  it('streams a JSON document of several megabytes into the same import', async () => {
    const document = JSON.stringify(
      generateProvince({ employees: 4_000, seed: 3, today: '2026-11-01' }),
    );
    expect(document.length).toBeGreaterThan(5 * 1024 * 1024);
    const dry = await post(document, 'application/json', undefined, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as { applied: boolean }).applied).toBe(false);
    const response = await post(document, 'application/json');
    const report = (await response.json()) as {
      applied: boolean;
      issueCount: number;
      sections: { section: string; created: number }[];
    };
    expect(report.issueCount).toBe(0);
    expect(report.applied).toBe(true);
    expect(report.sections.find((s) => s.section === 'employees')?.created).toBe(4_000);
    const audit = await fresh.ok(`{ auditEvents(first: 1) { nodes { action requestId } } }`);
    expect(audit.auditEvents.nodes[0]).toMatchObject({
      action: 'importDataset',
      requestId: response.headers.get('x-request-id'),
    });
  }, 120_000);

  it('takes a workbook, naming the cells of its issues', async () => {
    const file = path.join(dir, 'posted.xlsx');
    await filledWorkbook(file, { sheet: 'employees', row: 3, column: 'education', value: 'PhD' });
    const response = await post(
      await readFile(file),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const report = (await response.json()) as { applied: boolean; issues: SheetIssue[] };
    expect(report.applied).toBe(false);
    expect(report.issues[0]).toMatchObject({
      sheet: 'employees',
      row: 3,
      column: 'education',
      cell: 'G3',
    });
  });

  it('refuses a workbook bomb, an empty body and a repeated key, saying why', async () => {
    // A sheet of 130 MiB of rows, deflated to a few hundred KB.
    const row = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const sheet = `<worksheet><sheetData>${row.repeat(Math.ceil((130 * 1024 * 1024) / row.length))}</sheetData></worksheet>`;
    const bomb = Buffer.from(
      zipSync({ 'xl/worksheets/sheet1.xml': [strToU8(sheet), { level: 6 }] }),
    );
    const file = path.join(dir, 'bomb.xlsx');
    await writeFile(file, bomb);
    // By file, as `npm run import` reads it...
    await expect(readSheets(file, false)).rejects.toThrow(/declares 130\.0 MiB expanded/);
    // ...and posted (refused before the import, whatever status the route gives a refusal).
    const posted = await post(
      bomb,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect([400, 413]).toContain(posted.status);
    expect(JSON.stringify(await posted.json())).toMatch(/declares 130\.0 MiB expanded/);
    const empty = await post('', 'application/json');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await empty.json())).toMatch(/empty/);
    const repeated = await post('{"agencies": [], "agencies": []}', 'application/json');
    expect(repeated.status).toBe(400);
    expect(JSON.stringify(await repeated.json())).toMatch(/key \\"agencies\\" twice/);
  }, 120_000);

  it('is for ADMIN only, and says what it takes', async () => {
    expect(
      (await post('{}', 'application/json', tokenFor('HR', { agency: 'PROV-X' }))).status,
    ).toBe(403);
    expect((await post('{}', 'text/plain')).status).toBe(415);
    expect((await post('[1]', 'application/json')).status).toBe(400);
    expect((await fetch(`${fresh.url}/import`)).status).toBe(405);
  });
});
