import type { DatasetDocument, DatasetIssue } from '../../domain/dataset.types';
import { IssueList } from '../../records/issue-list';
import { documentOf, type Provenance } from './workbook-document';
import { readCsvFolder, readWorkbook } from './workbook-read';
import type { SheetIssue } from './workbook-sheets';

/*
 * A workbook or a folder of CSV files in, a dataset document out: the layout of the sheets
 * (workbook-sheets.ts, which workbook-template.ts writes as an empty workbook), reading the
 * files into rows (workbook-read.ts), a cell's value as its column's kind (workbook-cells.ts),
 * and the rows as records with where each came from (workbook-document.ts).
 */

export type { Provenance } from './workbook-document';
export type { SheetIssue } from './workbook-sheets';

/** An issue of the importer, at the cell it came from. */
export function sheetIssueOf(issue: DatasetIssue, provenance: Provenance): SheetIssue {
  return { ...provenance.place(issue), code: issue.code, message: issue.message };
}

/** One line for a person: `employees!F7 (row 7, rank): "V/z" is not a rank code`. */
export function describeSheetIssue(issue: SheetIssue): string {
  const where = issue.cell
    ? `${issue.sheet}!${issue.cell} (row ${issue.row}, ${issue.column})`
    : `${issue.sheet}, row ${issue.row}${issue.column ? `, column ${issue.column}` : ''}`;
  return `${where}: ${issue.message} [${issue.code}]`;
}

/**
 * A workbook (`.xlsx`) or a folder of CSV files as a dataset document; `issues` holds what the
 * sheets alone show. The importer's own issues are placed with `provenance`.
 */
export async function readSheets(
  source: string | Buffer,
  folder: boolean,
): Promise<{ document: DatasetDocument; provenance: Provenance; issues: SheetIssue[] }> {
  // The first issues are kept and the rest counted (`issueTotal`), however many bad cells.
  const issues: SheetIssue[] = new IssueList<SheetIssue>();
  const sheets =
    folder && typeof source === 'string'
      ? await readCsvFolder(source, issues)
      : await readWorkbook(source, issues);
  const { document, provenance } = documentOf(sheets, issues);
  return { document, provenance, issues };
}
