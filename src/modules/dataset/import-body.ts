import type { Readable } from 'node:stream';
import { ErrorCode } from '../../shared/errors';
import type { DatasetIssue } from '../../domain/dataset.types';
import { DocumentFileError, DocumentTooLargeError, readDocumentStream } from './document-file';
import { listed } from '../../records/issue-list';
import { readSheets, sheetIssueOf, type SheetIssue } from './workbook';
import { WORKBOOK_LIMITS, WorkbookLimitError } from './workbook-limits';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the body of `POST /import` holds, or why it is refused. */
export type ImportBody =
  /** A document to import; a workbook's issues are placed at their cells with `place`. */
  | { kind: 'document'; document: unknown; place?: (issue: DatasetIssue) => SheetIssue }
  /** A workbook whose sheets alone show issues: answered 200 with this report, nothing done. */
  | {
      kind: 'issues';
      report: { applied: false; sections: []; issues: SheetIssue[]; issueCount: number };
    }
  /** Refused before any import: the HTTP status, the error code and why. */
  | { kind: 'refused'; status: 400 | 413 | 415; code: ErrorCode; message: string };

/**
 * Reads the body of `POST /import` by its content type: a JSON dataset (streamed, keys
 * checked), or an `.xlsx` workbook (buffered up to its own limit, checked against
 * `WORKBOOK_LIMITS` before it is read whole). Past `maxBytes` (or the workbook's limit) it is
 * refused with 413; empty, malformed or not a dataset with 400; another type with 415.
 */
export async function readImportBody(
  body: Readable | AsyncIterable<Buffer>,
  contentType: string | undefined,
  { maxBytes }: { maxBytes: number },
): Promise<ImportBody> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const refused = (status: 400 | 413 | 415, message: string): ImportBody => ({
    kind: 'refused',
    status,
    code: ErrorCode.BAD_USER_INPUT,
    message,
  });
  try {
    if (type === 'application/json')
      return {
        kind: 'document',
        document: await readDocumentStream(body, 'The request body', undefined, maxBytes),
      };
    if (type === XLSX_TYPE) {
      const limit = Math.min(maxBytes, WORKBOOK_LIMITS.maxFileBytes);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit)
          throw new DocumentTooLargeError(`The workbook is larger than ${limit} bytes.`);
        chunks.push(chunk);
      }
      if (size === 0)
        return refused(400, `The request body is empty: send the workbook (${XLSX_TYPE}).`);
      const read = await readSheets(Buffer.concat(chunks), false);
      if (read.issues.length > 0)
        return {
          kind: 'issues',
          report: { applied: false, sections: [], ...listed(read.issues) },
        };
      return {
        kind: 'document',
        document: read.document,
        place: (issue) => sheetIssueOf(issue, read.provenance),
      };
    }
  } catch (error) {
    if (error instanceof DocumentTooLargeError || error instanceof WorkbookLimitError)
      return refused(413, error.message);
    if (error instanceof DocumentFileError) return refused(400, error.message);
    // Whatever else a workbook's reader stumbles on is the file's fault, not the server's.
    if (type === XLSX_TYPE)
      return refused(400, 'The workbook cannot be read (is it an .xlsx file?).');
    throw error;
  }
  return refused(415, `Send the dataset as application/json or as ${XLSX_TYPE}.`);
}
