import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { cellValue, textOf } from './workbook-cells';
import {
  checkWorkbook,
  WORKBOOK_LIMITS,
  WorkbookLimitError,
  type WorkbookLimits,
} from './workbook-limits';
import type { SheetIssue, SheetRows } from './workbook-sheets';

/**
 * Reads a workbook (`.xlsx`) into sheets of rows by column name. It is checked against
 * `WORKBOOK_LIMITS` first, without reading it whole (a `WorkbookLimitError` past one), so that
 * what is read whole is bounded.
 */
export async function readWorkbook(
  file: string | Buffer,
  issues: SheetIssue[],
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): Promise<Map<string, SheetRows>> {
  const buffer = typeof file === 'string' ? await readWorkbookFile(file, limits) : file;
  await checkWorkbook(buffer, limits);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const sheets = new Map<string, SheetRows>();
  for (const sheet of workbook.worksheets) {
    if (sheet.name === 'lists') continue;
    const header = sheet.getRow(1);
    const columns: string[] = [];
    const letters = new Map<string, string>();
    header.eachCell((cell, col) => {
      const name = textOf(cellValue(cell.value)).trim();
      if (!name) return;
      columns[col] = name;
      letters.set(name, sheet.getColumn(col).letter);
    });
    const rows: SheetRows['rows'] = [];
    sheet.eachRow((row, number) => {
      if (number <= 2) return;
      const values = new Map<string, unknown>();
      row.eachCell((cell, col) => {
        const name = columns[col];
        const value = cellValue(cell.value);
        if (!name) {
          if (value !== null && value !== '')
            issues.push({
              sheet: sheet.name,
              row: number,
              cell: cell.address,
              code: 'INVALID',
              message: 'a value in a column without a header',
            });
          return;
        }
        if (value !== null && value !== '') values.set(name, value);
      });
      if (values.size > 0) rows.push({ row: number, values });
    });
    sheets.set(sheet.name, { columns: columns.filter(Boolean), rows, letters });
  }
  return sheets;
}

/** A workbook file's bytes, when it is no larger than a workbook may be. */
async function readWorkbookFile(file: string, limits: WorkbookLimits): Promise<Buffer> {
  const size = (await stat(file)).size;
  if (size > limits.maxFileBytes)
    throw new WorkbookLimitError(
      `${file} is ${size} bytes; a workbook of at most ${limits.maxFileBytes} bytes is read.`,
    );
  return readFile(file);
}

/** Reads a folder of CSV files, one per sheet (`employees.csv`, …), the same layout. */
export async function readCsvFolder(
  folder: string,
  issues: SheetIssue[],
): Promise<Map<string, SheetRows>> {
  const sheets = new Map<string, SheetRows>();
  for (const file of (await readdir(folder))
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort()) {
    const name = path.basename(file, path.extname(file));
    const records: string[][] = parseCsv(await readFile(path.join(folder, file)), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    });
    const columns = (records[0] ?? []).map((c) => c.trim());
    const rows: SheetRows['rows'] = [];
    records.slice(2).forEach((record, i) => {
      const values = new Map<string, unknown>();
      record.forEach((value, col) => {
        if (value.trim() === '') return;
        const column = columns[col];
        if (!column)
          issues.push({
            sheet: name,
            row: i + 3,
            code: 'INVALID',
            message: 'a value in a column without a header',
          });
        else values.set(column, value);
      });
      if (values.size > 0) rows.push({ row: i + 3, values });
    });
    sheets.set(name, { columns: columns.filter(Boolean), rows });
  }
  return sheets;
}
