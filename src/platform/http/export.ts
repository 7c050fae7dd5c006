import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** A cell as the answer gave it: text, a number, true or false, or nothing. */
export type Cell = string | number | boolean | null;

/** Rows with dotted column names, in the order the fields first appear. */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** What several values of one column within a row (a nested list) are joined with. */
export const LIST_SEPARATOR = '; ';

/**
 * The rows of a GraphQL answer: its first list, or the nodes of its first connection, in field
 * order, depth first. Nested objects become dotted columns (`rank.code`); a nested list puts
 * its values for each dotted column into one cell, joined by `; `. Null when the answer holds
 * no list.
 */
export function tableOf(data: unknown): Table | null {
  const rows = firstList(data);
  if (!rows) return null;
  const columns: string[] = [];
  const seen = new Set<string>();
  const flat = rows.map((row) => {
    const cells = new Map<string, Cell[]>();
    flatten(row, '', cells);
    for (const column of cells.keys())
      if (!seen.has(column)) {
        seen.add(column);
        columns.push(column);
      }
    return cells;
  });
  // A null or an empty list where other rows have an object or items: those columns stand for it.
  const shown = columns.filter((c) => !columns.some((other) => other.startsWith(`${c}.`)));
  return {
    columns: shown,
    rows: flat.map((cells) =>
      shown.map((column) => {
        const values = cells.get(column);
        if (!values || values.length === 0) return null;
        if (values.length === 1) return values[0];
        return values.map((v) => (v === null ? '' : String(v))).join(LIST_SEPARATOR);
      }),
    ),
  };
}

function firstList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value as unknown[];
  if (value === null || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  const { nodes, edges } = record;
  if (Array.isArray(nodes)) return nodes as unknown[];
  if (Array.isArray(edges))
    return (edges as unknown[]).map((edge): unknown =>
      edge && typeof edge === 'object' && 'node' in edge ? edge.node : edge,
    );
  for (const child of Object.values(record)) {
    const found = firstList(child);
    if (found) return found;
  }
  return null;
}

function flatten(value: unknown, path: string, cells: Map<string, Cell[]>): void {
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, path, cells);
    // An empty list still has its column.
    if (value.length === 0 && path && !cells.has(path)) cells.set(path, []);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      flatten(child, path ? `${path}.${key}` : key, cells);
    return;
  }
  const cell: Cell =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : null;
  const list = cells.get(path);
  if (list) list.push(cell);
  else cells.set(path, [cell]);
}

/**
 * A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage
 * return first): written with a leading apostrophe, so a name from the database cannot become
 * a formula on the analyst's machine. Numbers are never touched.
 */
function inert(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** CSV per RFC 4180 (CRLF, quotes doubled, quoted where needed), UTF-8 with a BOM for Excel. */
export function csvOf(table: Table): Buffer {
  const text = stringify([table.columns, ...table.rows.map((row) => row.map(inert))], {
    bom: true,
    record_delimiter: 'windows',
    // A bare line feed too: spreadsheets end a record there otherwise.
    quoted_match: /[\r\n]/,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
  return Buffer.from(text, 'utf8');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A workbook of one sheet: a bold header row frozen above the rows, typed cells (numbers as
 * numbers, true/false as booleans, dates and times as dates), columns sized to their content.
 */
export async function xlsxOf(table: Table, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'competency-graph';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'export', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow([...table.columns]).font = { bold: true };
  const formats = table.columns.map(() => undefined as string | undefined);
  for (const row of table.rows) {
    sheet.addRow(
      row.map((cell, i) => {
        if (typeof cell === 'string' && DATE.test(cell)) {
          formats[i] ??= 'yyyy-mm-dd';
          return new Date(`${cell}T00:00:00Z`);
        }
        if (typeof cell === 'string' && DATE_TIME.test(cell)) {
          formats[i] ??= 'yyyy-mm-dd hh:mm:ss';
          return new Date(cell);
        }
        return cell;
      }),
    );
  }
  table.columns.forEach((name, i) => {
    const column = sheet.getColumn(i + 1);
    const widest = Math.max(
      name.length,
      ...table.rows.slice(0, 200).map((row) => String(row[i] ?? '').length),
    );
    column.width = Math.min(60, Math.max(8, widest + 2));
    if (formats[i]) column.numFmt = formats[i];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
