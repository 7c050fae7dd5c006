import 'reflect-metadata';
import { openDatabase } from '../src/app/bootstrap';
import { loadConfig } from '../src/platform/config/config';
import { userInfo } from 'node:os';
import {
  importDataset,
  importFirstLoadFile,
  NotAFirstLoadError,
} from '../src/modules/dataset/dataset.service';
import {
  DocumentFileError,
  progressText,
  readDocumentFile,
} from '../src/modules/dataset/document-file';
import type { DatasetIssue, ImportReport } from '../src/domain/dataset.types';
import { listed } from '../src/records/issue-list';
import { describeSheetIssue, readSheets, sheetIssueOf } from '../src/modules/dataset/workbook';
import { stat } from 'node:fs/promises';

async function isFolder(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isDirectory() ?? false;
}

/**
 * `npm run import -- FILE [--dry-run] [--bulk]`: imports a dataset document (JSON), a workbook
 * (`.xlsx`, as `npm run template` makes it) or a folder of CSV files (one per sheet) into the database
 * of the configuration (DATABASE_URL, or the embedded server). All or nothing; exit code 1 on
 * issues. `--bulk` takes the bulk path (COPY; the people tables are locked until it commits);
 * into a database without employees, a JSON file is then streamed (a first load: validated and
 * written in chunks, never held whole, read in a thread of its own; see `importFirstLoadFile`).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new UsageError('usage: npm run import -- FILE [--dry-run] [--bulk]');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run' && a !== '--bulk');
  if (unknown.length > 0)
    throw new UsageError(
      `unknown option ${unknown.join(', ')}; usage: npm run import -- FILE [--dry-run] [--bulk]`,
    );
  const dryRun = args.includes('--dry-run');
  const bulk = args.includes('--bulk');
  const started = Date.now();
  // The file is read as a stream, with how far it is and how long it still takes.
  let shownAt = 0;
  const show = (line: string, final = false) => {
    const now = Date.now();
    if (!final && now - shownAt < 1000) return;
    shownAt = now;
    process.stderr.write(process.stderr.isTTY ? `\r${line}   ${final ? '\n' : ''}` : `${line}\n`);
  };
  // A workbook, or a folder of CSV files (one per sheet), or a JSON document.
  const sheets = file.toLowerCase().endsWith('.xlsx') || (await isFolder(file));
  let document: unknown;
  let place: ((issue: DatasetIssue) => string) | undefined;
  if (sheets) {
    const read = await readSheets(file, await isFolder(file)).catch((error: unknown) => {
      throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
    });
    if (read.issues.length > 0) {
      const { issues, issueCount } = listed(read.issues);
      console.log(`Nothing was imported: ${issueCount} issue(s) in ${file}.`);
      for (const issue of issues) console.log(`  ${describeSheetIssue(issue)}`);
      if (issueCount > issues.length) console.log(`  … and ${issueCount - issues.length} more`);
      process.exitCode = 1;
      return;
    }
    document = read.document;
    place = (issue) => describeSheetIssue(sheetIssueOf(issue, read.provenance));
  } else if (bulk && !dryRun) {
    // A first load (no employee stored) is streamed: the file is never held whole.
    const database = await openDatabase(loadConfig(), (line) => console.error(line));
    try {
      const [{ held }] = await database.orm.em
        .getKnex()
        .raw<{ rows: { held: boolean }[] }>(`select exists (select 1 from employee) as held`)
        .then((r) => r.rows);
      if (!held) {
        console.error(`Importing ${file} (bulk, streamed first load)…`);
        const report = await importFirstLoadFile(database.orm.em.getKnex(), file, {
          today: new Date().toISOString().slice(0, 10),
          audit: { actor: { role: 'CLI', subject: userInfo().username }, action: 'import' },
          onWait: () =>
            console.error('Another import or write is under way; waiting for it to end…'),
          onProgress: (bytes, total) =>
            show(`${file}: ${progressText(bytes, total, started, MEGABYTES)}`, bytes === total),
        });
        printReport(report, false, Date.now() - started);
        process.exitCode = report.issueCount > 0 ? 1 : 0;
        return;
      }
      console.error('The database holds employees: the bulk path reads the file whole first.');
    } catch (error) {
      if (error instanceof DocumentFileError || error instanceof NotAFirstLoadError)
        throw new UsageError(error.message);
      throw error;
    } finally {
      await database.close();
    }
  }
  if (!sheets) {
    try {
      document = await readDocumentFile(file, (bytes, total) =>
        show(`reading ${file}: ${progressText(bytes, total, started, MEGABYTES)}`, bytes === total),
      );
    } catch (error) {
      if (error instanceof DocumentFileError) throw new UsageError(error.message);
      throw error;
    }
  }
  const database = await openDatabase(loadConfig(), (line) => console.error(line));
  try {
    console.error(`Validating and writing ${file}${bulk ? ' (bulk)' : ''}…`);
    // Per section: how far, and how long it still takes at the pace so far.
    const sectionStarted = new Map<string, number>();
    const importing = importDataset(database.orm.em.getKnex(), document, {
      today: new Date().toISOString().slice(0, 10),
      dryRun,
      bulk,
      audit: { actor: { role: 'CLI', subject: userInfo().username }, action: 'import' },
      onWait: () => console.error('Another import or write is under way; waiting for it to end…'),
      onProgress: (section, done, total) => {
        if (!sectionStarted.has(section)) sectionStarted.set(section, Date.now());
        show(
          `${section}: ${progressText(done, total, sectionStarted.get(section)!)}`,
          done === total,
        );
      },
    });
    // The import lets go of the document once it is validated; so does this.
    document = undefined;
    const report = await importing;
    printReport(report, dryRun, Date.now() - started, place);
    process.exitCode = report.issueCount > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

function printReport(
  report: ImportReport,
  dryRun: boolean,
  ms: number,
  place?: (issue: DatasetIssue) => string,
): void {
  if (report.issueCount > 0) {
    console.log(`Nothing was imported: ${report.issueCount} issue(s).`);
    for (const i of report.issues) {
      console.log(
        place
          ? `  ${place(i)}`
          : `  ${i.section}${i.index === null ? '' : `[${i.index}]`}${i.key ? ` (${i.key})` : ''}${i.field ? `.${i.field}` : ''}: ${i.code}: ${i.message}`,
      );
    }
    if (report.issueCount > report.issues.length)
      console.log(`  … and ${report.issueCount - report.issues.length} more`);
    return;
  }
  console.log(
    dryRun
      ? 'Dry run: every record is valid; nothing was written.'
      : `Imported in ${(ms / 1000).toFixed(1)} s.`,
  );
  for (const s of report.sections) {
    if (s.received > 0)
      console.log(
        `  ${s.section}: ${s.received} (${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged)`,
      );
  }
}

class UsageError extends Error {}

const MEGABYTES = { name: 'MB', divisor: 1_000_000 };

main().catch((error: unknown) => {
  console.error(
    error instanceof UsageError ? error.message : `The import failed: ${failure(error)}`,
  );
  process.exit(2);
});

/** A failure in one line: the database's own words, never the SQL or a stack. */
function failure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const sqlState = (error as { code?: unknown }).code;
  // The driver's message repeats the statement before " - "; the reason comes after it.
  const reason = error.message.split(' - ').at(-1) ?? error.message;
  return typeof sqlState === 'string' ? `${reason} (SQLSTATE ${sqlState})` : reason;
}
