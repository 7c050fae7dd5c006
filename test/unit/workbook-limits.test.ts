import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocumentFileError } from '../../src/modules/dataset/document-file';
import { readImportBody, XLSX_TYPE } from '../../src/modules/dataset/import-body';
import { MAX_LISTED_ISSUES } from '../../src/records/issue-list';
import { SHEETS } from '../../src/modules/dataset/workbook-sheets';
import {
  checkWorkbook,
  WORKBOOK_LIMITS,
  WorkbookLimitError,
  type WorkbookLimits,
} from '../../src/modules/dataset/workbook-limits';

/** A sheet's XML with `rows` rows of `cells` cells each, as exceljs reads it. */
function sheetXml(rows: number, cells = 1): string {
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cells; c++) row += `<c r="A${r}" t="inlineStr"><is><t>x</t></is></c>`;
    parts.push(`${row}</row>`);
  }
  return `<?xml version="1.0"?><worksheet><sheetData>${parts.join('')}</sheetData></worksheet>`;
}

/** A zip archive of these parts, deflated. */
function zipOf(parts: Record<string, string>): Buffer {
  const files: Zippable = {};
  for (const [name, text] of Object.entries(parts)) files[name] = [strToU8(text), { level: 6 }];
  return Buffer.from(zipSync(files));
}

let bomb: Buffer | undefined;
/** A workbook of a few hundred KB whose one sheet expands to 130 MiB (made once). */
function zipBomb(): Buffer {
  const row = '<row r="1"><c r="A1"><v>1</v></c></row>';
  bomb ??= zipOf({
    'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${row.repeat(Math.ceil((130 * 1024 * 1024) / row.length))}</sheetData></worksheet>`,
  });
  return bomb;
}

/**
 * The archive with every declared uncompressed size (local headers and central directory)
 * rewritten to `size`: a header that lies about what a part expands to.
 */
function withLyingSizes(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50) out.writeUInt32LE(size, i + 22);
    else if (signature === 0x02014b50) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

const refusal = async (buffer: Buffer, limits: WorkbookLimits = WORKBOOK_LIMITS) => {
  const error = await checkWorkbook(buffer, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookLimitError);
  return (error as Error).message;
};

describe('a workbook checked against its limits before it is read whole', () => {
  it('refuses a zip bomb by the expanded size its directory declares, without expanding it', async () => {
    // About 200 MB of rows that deflate to a few MB.
    const bomb = zipOf({ 'xl/worksheets/sheet1.xml': sheetXml(2_600_000) });
    expect(bomb.length).toBeLessThan(20 * 1024 * 1024);
    const heap = process.memoryUsage().heapUsed;
    const message = await refusal(bomb);
    expect(message).toMatch(
      /xl\/worksheets\/sheet1\.xml declares \d+\.\d MiB expanded; at most 128\.0 MiB/,
    );
    // Refused by the directory: nothing near the sheet's size was expanded.
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  it('counts the bytes really expanded when a header lies about them', async () => {
    const lying = withLyingSizes(zipBomb(), 1000);
    const heap = process.memoryUsage().heapUsed;
    // The directory says 1,000 bytes; expanding it stops at the limit, never holding the rest
    // (rows and cells are not counted here, so that the bytes are what stops it).
    const bytesOnly = { ...WORKBOOK_LIMITS, maxRowsPerSheet: Infinity, maxCells: Infinity };
    expect(await refusal(lying, bytesOnly)).toMatch(
      /sheet1\.xml expands to more than 128\.0 MiB \(whatever its header says\)/,
    );
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
  });

  it('stops at the total limit when parts are small one by one', async () => {
    const xml = sheetXml(20_000);
    const honest = zipOf({ 'xl/worksheets/sheet1.xml': xml });
    const limits = { ...WORKBOOK_LIMITS, maxEntryBytes: 100_000, maxTotalBytes: 200_000 };
    await expect(checkWorkbook(withLyingSizes(honest, 1000), limits)).rejects.toThrow(
      /sheet1\.xml expands to more than .* \(whatever its header says\)/,
    );
    // The same archive, honest, is refused by its directory already.
    expect(await refusal(honest, limits)).toMatch(/declares/);
  });

  it('refuses a sheet of more rows than a workbook may have (the real limit)', async () => {
    const rows = WORKBOOK_LIMITS.maxRowsPerSheet + 1;
    const parts: string[] = [];
    for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"/>`);
    const xml = `<worksheet><sheetData>${parts.join('')}</sheetData></worksheet>`;
    expect(await refusal(zipOf({ 'xl/worksheets/sheet1.xml': xml }))).toMatch(
      /has more than 1,100,000 rows/,
    );
    // One row fewer is within it.
    const within = zipOf({
      'xl/worksheets/sheet1.xml': xml.replace(`<row r="${rows}"/>`, ''),
    });
    await expect(checkWorkbook(within)).resolves.toBeUndefined();
  }, 60_000);

  it.each([
    [
      'too many cells in all',
      { 'xl/worksheets/sheet1.xml': sheetXml(30), 'xl/worksheets/sheet2.xml': sheetXml(30) },
      { maxCells: 50 },
      /more than 50 cells/,
    ],
    [
      'too many cells in one row',
      { 'xl/worksheets/sheet1.xml': sheetXml(2, 40) },
      { maxCellsPerRow: 30 },
      /Row 1 .* more than 30 cells/,
    ],
    [
      'too many shared strings',
      { 'xl/sharedStrings.xml': `<sst>${'<si><t>a</t></si>'.repeat(60)}</sst>` },
      { maxCells: 50 },
      /more than 50 cells \(or shared strings\)/,
    ],
    [
      'too many sheets',
      Object.fromEntries(
        Array.from({ length: WORKBOOK_LIMITS.maxSheets + 1 }, (_, i) => [
          `xl/worksheets/sheet${i + 1}.xml`,
          sheetXml(1),
        ]),
      ),
      {},
      new RegExp(`more than ${WORKBOOK_LIMITS.maxSheets} sheets`),
    ],
    [
      'too many parts',
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`docProps/x${i}.xml`, '<x/>'])),
      { maxEntries: 10 },
      /more than 10 parts/,
    ],
    [
      'a large part that is not a sheet',
      { 'xl/styles.xml': `<styleSheet>${'<xf/>'.repeat(5000)}</styleSheet>` },
      { maxPartBytes: 10_000 },
      /xl\/styles\.xml declares/,
    ],
  ])('refuses %s, naming the limit', async (_, parts, limits, reason) => {
    expect(await refusal(zipOf(parts), { ...WORKBOOK_LIMITS, ...limits })).toMatch(reason);
  });

  it('allows the sheets of the template and a little more', () => {
    expect(WORKBOOK_LIMITS.maxSheets).toBeGreaterThan(SHEETS.length);
    expect(WORKBOOK_LIMITS.maxSheets).toBeLessThanOrEqual(SHEETS.length + 4);
  });

  it('says a file that is not a zip archive cannot be read', async () => {
    const error = await checkWorkbook(Buffer.from('not a workbook at all')).catch((e) => e);
    expect(error).toBeInstanceOf(DocumentFileError);
    expect(error).not.toBeInstanceOf(WorkbookLimitError);
    expect(error.message).toMatch(/cannot be read/);
  });
});

const bodyOf = (buffer: Buffer | string) => Readable.from([Buffer.from(buffer)]);

describe('the body of POST /import', () => {
  it('is a JSON document, read with its keys checked', async () => {
    expect(
      await readImportBody(bodyOf('{"agencies": []}'), 'application/json; charset=utf-8', {
        maxBytes: 1000,
      }),
    ).toEqual({ kind: 'document', document: { agencies: [] } });
  });

  it.each([
    ['an empty body', '', 'application/json', 400, /empty/],
    ['white space only', ' \n ', 'application/json', 400, /empty/],
    ['an empty workbook', '', XLSX_TYPE, 400, /empty/],
    [
      'a repeated key',
      '{"agencies": [{"code": "A", "code": "B"}]}',
      'application/json',
      400,
      /key "code" twice in one object in agencies\[0\]/,
    ],
    [
      '__proto__',
      '{"agencies": [{"__proto__": {"x": 1}}]}',
      'application/json',
      400,
      /key "__proto__" in agencies\[0\]/,
    ],
    [
      'constructor',
      '{"constructor": {}}',
      'application/json',
      400,
      /key "constructor" at the top level/,
    ],
    [
      'too many bytes',
      `{"agencies": [${'{},'.repeat(100)}{}]}`,
      'application/json',
      413,
      /larger than 100 bytes/,
    ],
    ['a workbook that is no zip', 'PK not really', XLSX_TYPE, 400, /cannot be read/],
    ['another type', 'a,b', 'text/csv', 415, /application\/json or as/],
    ['no type', '{}', undefined, 415, /application\/json or as/],
  ])('refuses %s with its status and why', async (_, text, type, status, reason) => {
    const body = await readImportBody(bodyOf(text), type, { maxBytes: 100 });
    expect(body).toMatchObject({ kind: 'refused', status, code: 'BAD_USER_INPUT' });
    expect(body.kind === 'refused' && body.message).toMatch(reason);
  });

  it('refuses a workbook bomb with 413, naming the size', async () => {
    const body = await readImportBody(bodyOf(zipBomb()), XLSX_TYPE, {
      maxBytes: 512 * 1024 * 1024,
    });
    expect(body).toMatchObject({ kind: 'refused', status: 413 });
    expect(body.kind === 'refused' && body.message).toMatch(/declares .* MiB expanded/);
  }, 60_000);

  it(`lists at most ${MAX_LISTED_ISSUES} of a workbook's own issues, with how many in all`, async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('employees');
    sheet.addRow(['nip', 'name']);
    sheet.addRow(['NIP', 'Name']);
    // 1,500 values in a column without a header: an issue each.
    for (let i = 0; i < 1500; i++) sheet.addRow(['', '', 'stray']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const body = await readImportBody(bodyOf(buffer), XLSX_TYPE, { maxBytes: 10_000_000 });
    expect(body.kind).toBe('issues');
    if (body.kind !== 'issues') return;
    expect(body.report.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(body.report.issueCount).toBe(1500);
    expect(body.report.issues[0]).toMatchObject({ sheet: 'employees', row: 3, cell: 'C3' });
  });
});
