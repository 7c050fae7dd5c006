import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ExportColumn } from './export-plan';

/** A cell as the answer gave it: text, a number, true or false, or nothing. */
export type Cell = string | number | boolean | null;

/** What several values of one column within a row (a nested list) are joined with. */
export const LIST_SEPARATOR = '; ';

/**
 * The cells of one row, a cell per column: the value at the column's path (lists on the way
 * followed item by item); the values of a nested list share one cell, joined by `; `; a key
 * spread over columns gives each its item.
 */
export function cellsOf(row: unknown, columns: readonly ExportColumn[]): Cell[] {
  return columns.map((column) => {
    const values: unknown[] = [];
    collect(row, column.path, 0, values);
    if (column.item !== undefined) return cellOf(values[column.item]);
    if (values.length === 0) return null;
    if (values.length === 1) return cellOf(values[0]);
    return values
      .map((v) => (v === null || v === undefined ? '' : String(cellOf(v))))
      .join(LIST_SEPARATOR);
  });
}

function collect(value: unknown, path: readonly string[], at: number, into: unknown[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, path, at, into);
    return;
  }
  if (at === path.length) {
    into.push(value);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  collect((value as Record<string, unknown>)[path[at]], path, at + 1, into);
}

function cellOf(value: unknown): Cell {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value === null || value === undefined) return null;
  // A JSON scalar: its text.
  return JSON.stringify(value);
}

/**
 * A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage
 * return first): written with a leading apostrophe, so a name from the database cannot become
 * a formula on the analyst's machine. Numbers are never touched.
 */
export function inert(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * Text that Excel and LibreOffice Calc would read as a number or a date when they open a CSV
 * (digits, perhaps with `.`, `/`, `-`, `:` or `,`: an 18-digit NIP becomes 1.98609E+17 and
 * loses its last three digits, a leading zero goes, `3/4` becomes a date).
 */
const LOOKS_NUMERIC = /^\d[\d.,/:-]*$/;

/**
 * `?text=excel`: a text cell that looks like a number is written as the formula `="…"`, which
 * both spreadsheets show as that text. Only on request: any other reader of the CSV (a script,
 * a database's COPY) would take the formula for the value.
 */
export function excelText(cell: Cell, kind: ExportColumn['kind']): Cell {
  return kind === 'text' && typeof cell === 'string' && LOOKS_NUMERIC.test(cell)
    ? `="${cell}"`
    : inert(cell);
}

/** Resolves once the stream can take more (its buffer under its high-water mark). */
export async function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** A file written as its rows come: a header, rows page by page, and perhaps a closing notice. */
export interface RowWriter {
  rows(rows: readonly (readonly Cell[])[]): Promise<void>;
  /** A last row, in the first column, saying the file is not whole and why. */
  notice(text: string): Promise<void>;
  end(): Promise<void>;
}

/**
 * CSV per RFC 4180 (CRLF, quotes doubled, quoted where needed), UTF-8 with a BOM for Excel,
 * written to `out` page by page as the rows come, waiting while the client is slower.
 */
export function csvWriter(
  out: Writable,
  columns: readonly ExportColumn[],
  { excel = false }: { excel?: boolean } = {},
): RowWriter {
  const options = {
    record_delimiter: 'windows',
    // A bare line feed too: spreadsheets end a record there otherwise.
    quoted_match: /[\r\n]/,
    cast: { boolean: (value: boolean) => (value ? 'true' : 'false') },
  } as const;
  const write = async (records: readonly (readonly Cell[])[], bom = false) => {
    if (out.destroyed) return;
    out.write(stringify(records as Cell[][], { ...options, bom }));
    await drained(out);
  };
  let started = false;
  const header = async () => {
    if (started) return;
    started = true;
    await write([columns.map((c) => c.name)], true);
  };
  const prepare = excel
    ? (row: readonly Cell[]) => row.map((cell, i) => excelText(cell, columns[i].kind))
    : (row: readonly Cell[]) => row.map(inert);
  return {
    async rows(rows) {
      await header();
      if (rows.length > 0) await write(rows.map(prepare));
    },
    async notice(text) {
      await header();
      await write([[inert(text), ...columns.slice(1).map(() => null)]]);
    },
    async end() {
      await header();
      out.end();
    },
  };
}

/** Date cells: `Date` scalars at midnight UTC, `DateTime` as they are. */
function dateCell(cell: Cell, kind: ExportColumn['kind']): Cell | Date {
  if (typeof cell !== 'string') return cell;
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
  if (kind === 'dateTime') {
    const time = new Date(cell);
    return Number.isNaN(time.getTime()) ? cell : time;
  }
  return cell;
}

const FORMATS: Readonly<Record<ExportColumn['kind'], string | undefined>> = {
  // Text: Excel's and Calc's text format, so a NIP or code stays text when edited.
  text: '@',
  number: undefined,
  boolean: undefined,
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm:ss',
};

/**
 * A workbook of one sheet, streamed (exceljs's WorkbookWriter: each row is committed to the
 * zip as it is written, no shared-strings table kept): a bold header row frozen above the rows,
 * typed cells by the GraphQL type of each column (numbers, booleans, dates; text as string
 * cells with the text format `@`, so NIPs and codes stay text), columns sized by the first page.
 */
export function xlsxWriter(
  out: Writable,
  columns: readonly ExportColumn[],
  sheetName: string,
): RowWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'competency-graph';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'export', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  let started = false;
  const start = (first: readonly (readonly Cell[])[]) => {
    if (started) return;
    started = true;
    columns.forEach((column, i) => {
      const widest = Math.max(
        column.name.length,
        ...first.slice(0, 200).map((row) => String(row[i] ?? '').length),
      );
      const sheetColumn = sheet.getColumn(i + 1);
      sheetColumn.width = Math.min(60, Math.max(8, widest + 2));
      const format = FORMATS[column.kind];
      if (format) sheetColumn.numFmt = format;
    });
    const header = sheet.addRow(columns.map((c) => c.name));
    header.font = { bold: true };
    header.commit();
  };
  return {
    async rows(rows) {
      start(rows);
      for (const row of rows) {
        const written = sheet.addRow(row.map((cell, i) => dateCell(cell, columns[i].kind)));
        written.eachCell((cell, n) => {
          const format = FORMATS[columns[n - 1]?.kind ?? 'text'];
          if (format) cell.numFmt = format;
        });
        written.commit();
      }
      await drained(out);
    },
    async notice(text) {
      start([]);
      const row = sheet.addRow([text]);
      row.font = { bold: true, color: { argb: 'FFC00000' } };
      row.commit();
      await drained(out);
    },
    async end() {
      start([]);
      sheet.commit();
      await workbook.commit();
    },
  };
}
