import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { DocumentFileError } from './document-file';

const MiB = 1024 * 1024;

/**
 * How much a workbook may hold. An `.xlsx` file is a zip archive, and a few kilobytes of it
 * can expand to gigabytes of sheet XML: these are checked before a workbook is read, first
 * against the sizes its archive declares and then against the bytes it actually expands to.
 */
export const WORKBOOK_LIMITS = {
  /** The file itself (the zip archive), in bytes. */
  maxFileBytes: 256 * MiB,
  /** Everything the archive holds, expanded, in bytes. */
  maxTotalBytes: 256 * MiB,
  /** One sheet or the shared strings, expanded, in bytes. */
  maxEntryBytes: 128 * MiB,
  /** Any other part (styles, the workbook's list of sheets, relationships), expanded. */
  maxPartBytes: 16 * MiB,
  /** Members of the archive. */
  maxEntries: 500,
  /**
   * Sheets: the template's 13 (one per section and list), its hidden `lists`, and a little
   * spare.
   */
  maxSheets: 16,
  /** Rows of one sheet (Excel's own limit is 1,048,576). */
  maxRowsPerSheet: 1_100_000,
  /** Cells of one row (Excel's own limit is 16,384 columns). */
  maxCellsPerRow: 16_384,
  /** Cells of all sheets together, and shared strings. */
  maxCells: 10_000_000,
} as const;

export type WorkbookLimits = { readonly [K in keyof typeof WORKBOOK_LIMITS]: number };

/** A workbook past one of its limits: refused before it is read whole. */
export class WorkbookLimitError extends DocumentFileError {}

/** A sheet of the workbook, and its shared strings, by the paths exceljs reads them from. */
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/;
const SHARED_STRINGS = /^\/?xl\/sharedStrings\.xml$/;

/** The expanded size a member may have: a sheet or the shared strings more than the rest. */
function entryLimit(path: string, limits: WorkbookLimits): number {
  return WORKSHEET.test(path) || SHARED_STRINGS.test(path)
    ? limits.maxEntryBytes
    : limits.maxPartBytes;
}

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

/**
 * Checks a workbook against its limits without reading it whole: first the archive's central
 * directory (the sizes it declares, its members and sheets), then one pass through its
 * members, expanding each as a stream and counting the bytes it really gives (a header may
 * lie), and the rows and cells of each sheet and the shared strings. Stops at the
 * first limit passed with a `WorkbookLimitError` that names it; a file that is not a zip
 * archive is a `DocumentFileError`.
 */
export async function checkWorkbook(
  buffer: Buffer,
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): Promise<void> {
  if (buffer.length > limits.maxFileBytes)
    throw new WorkbookLimitError(
      `The workbook is ${mib(buffer.length)}; at most ${mib(limits.maxFileBytes)} are read.`,
    );
  checkDirectory(buffer, limits);
  await checkExpanded(buffer, limits);
}

/** The sizes, members and sheets the archive's central directory declares, within the limits. */
function checkDirectory(buffer: Buffer, limits: WorkbookLimits): void {
  let entries = 0;
  let sheets = 0;
  let total = 0;
  try {
    // Each member is named with its sizes and not expanded (the filter says no to all).
    unzipSync(buffer, {
      filter(file) {
        entries++;
        if (entries > limits.maxEntries)
          throw new WorkbookLimitError(
            `The workbook holds more than ${limits.maxEntries} parts (an .xlsx file of sheets holds a few dozen).`,
          );
        if (WORKSHEET.test(file.name) && ++sheets > limits.maxSheets)
          throw new WorkbookLimitError(
            `The workbook has more than ${limits.maxSheets} sheets; the dataset has 13 (see the template).`,
          );
        const limit = entryLimit(file.name, limits);
        if (file.originalSize > limit)
          throw new WorkbookLimitError(
            `The workbook's part ${file.name} declares ${mib(file.originalSize)} expanded; at most ${mib(limit)} are read.`,
          );
        total += file.originalSize;
        if (total > limits.maxTotalBytes)
          throw new WorkbookLimitError(
            `The workbook declares more than ${mib(limits.maxTotalBytes)} expanded (${mib(total)} by part ${file.name}); at most ${mib(limits.maxTotalBytes)} are read.`,
          );
        return false;
      },
    });
  } catch (error) {
    if (error instanceof WorkbookLimitError) throw error;
    throw new DocumentFileError('The workbook cannot be read (is it an .xlsx file?).');
  }
}

/**
 * Every member of the archive, expanded as a stream by the zip reader the workbook reader uses
 * (JSZip, which reads each member whole), counting the bytes it really gives and, in sheets
 * and the shared strings, rows, cells and strings.
 */
async function checkExpanded(buffer: Buffer, limits: WorkbookLimits): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new DocumentFileError('The workbook cannot be read (is it an .xlsx file?).');
  }
  let total = 0;
  let sheets = 0;
  let cells = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const path = entry.name;
    const sheet = WORKSHEET.test(path);
    if (sheet && ++sheets > limits.maxSheets)
      throw new WorkbookLimitError(
        `The workbook has more than ${limits.maxSheets} sheets; the dataset has 13 (see the template).`,
      );
    const limit = entryLimit(path, limits);
    const tags = sheet
      ? new TagCounter(['row', 'c'])
      : SHARED_STRINGS.test(path)
        ? new TagCounter(['si'])
        : null;
    let size = 0;
    let rows = 0;
    let inRow = 0;
    try {
      await eachChunk(entry, (chunk) => {
        size += chunk.length;
        total += chunk.length;
        if (size > limit)
          throw new WorkbookLimitError(
            `The workbook's part ${path} expands to more than ${mib(limit)} (whatever its header says); at most ${mib(limit)} are read.`,
          );
        if (total > limits.maxTotalBytes)
          throw new WorkbookLimitError(
            `The workbook expands to more than ${mib(limits.maxTotalBytes)} (whatever its headers say); at most ${mib(limits.maxTotalBytes)} are read.`,
          );
        tags?.count(chunk, (tag) => {
          if (tag === 'row') {
            inRow = 0;
            if (++rows > limits.maxRowsPerSheet)
              throw new WorkbookLimitError(
                `A sheet of the workbook (${path}) has more than ${limits.maxRowsPerSheet.toLocaleString('en')} rows.`,
              );
            return;
          }
          if (tag === 'c' && ++inRow > limits.maxCellsPerRow)
            throw new WorkbookLimitError(
              `Row ${rows} of a sheet of the workbook (${path}) has more than ${limits.maxCellsPerRow.toLocaleString('en')} cells.`,
            );
          if (++cells > limits.maxCells)
            throw new WorkbookLimitError(
              `The workbook has more than ${limits.maxCells.toLocaleString('en')} cells (or shared strings).`,
            );
        });
      });
    } catch (error) {
      if (error instanceof WorkbookLimitError) throw error;
      throw new DocumentFileError('The workbook cannot be read (is it an .xlsx file?).');
    }
  }
}

/** JSZip's own stream of a member (untyped in its declarations; `nodeStream` wraps it). */
interface Streamable {
  internalStream(type: 'nodebuffer'): {
    on(event: 'data', listener: (chunk: Buffer) => void): ReturnType<Streamable['internalStream']>;
    on(event: 'error', listener: (error: Error) => void): ReturnType<Streamable['internalStream']>;
    on(event: 'end', listener: () => void): ReturnType<Streamable['internalStream']>;
    pause(): void;
    resume(): void;
  };
}

/**
 * Expands one member of the archive chunk by chunk (JSZip's own stream, paused between chunks
 * so that the process serves whatever else is waiting: a bomb's chunks expand to megabytes
 * each), handing each to `take`; the first error `take` throws stops the expansion there.
 */
function eachChunk(entry: JSZip.JSZipObject, take: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = (entry as unknown as Streamable).internalStream('nodebuffer');
    let stopped = false;
    stream
      .on('data', (chunk: Buffer) => {
        if (stopped) return;
        try {
          take(chunk);
        } catch (error) {
          stopped = true;
          stream.pause();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        // Resumed on the next turn of the event loop.
        stream.pause();
        stream.resume();
      })
      .on('error', (error: Error) => {
        stopped = true;
        reject(error);
      })
      .on('end', () => {
        if (!stopped) resolve();
      })
      .resume();
  });
}

/**
 * Counts start tags (`<row `, `<c>`, `<si/>`) in XML arriving in chunks, a tag split between
 * two chunks included. A tag inside a comment counts too: the count errs on the safe side.
 */
class TagCounter {
  private carry = '';
  private readonly pattern: RegExp;
  private readonly longest: number;

  constructor(names: readonly string[]) {
    this.pattern = new RegExp(`<(${names.join('|')})[\\s>/]`, 'g');
    this.longest = Math.max(...names.map((n) => n.length)) + 2;
  }

  count(chunk: Buffer, onTag: (name: string) => void): void {
    // Latin-1 keeps one character per byte; the tags are ASCII.
    const text = this.carry + chunk.toString('latin1');
    const end = text.length - this.longest + 1;
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(text); m; m = this.pattern.exec(text)) {
      if (m.index >= end) break;
      onTag(m[1]);
    }
    // The last few characters may start a tag the next chunk finishes: they are looked at again.
    this.carry = text.slice(Math.max(0, end));
  }
}
