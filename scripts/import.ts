import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { openDatabase } from '../src/app/bootstrap';
import { loadConfig } from '../src/config/config';
import { userInfo } from 'node:os';
import { importDataset } from '../src/modules/dataset/dataset.service';
import type { ImportReport } from '../src/modules/dataset/dataset.types';

/**
 * `npm run import -- FILE [--dry-run] [--bulk]`: imports a dataset document into the database
 * of the configuration (DATABASE_URL, or the embedded server). All or nothing; exit code 1 on
 * issues. `--bulk` takes the bulk path (COPY; the people tables are locked until it commits).
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
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    );
  });
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const database = await openDatabase(loadConfig(), (line) => console.error(line));
  try {
    console.error(`Validating and writing ${file}${bulk ? ' (bulk)' : ''}…`);
    let last = '';
    let lastAt = 0;
    const report = await importDataset(database.orm.em.getKnex(), document, {
      today: new Date().toISOString().slice(0, 10),
      dryRun,
      bulk,
      audit: { actor: { role: 'CLI', subject: userInfo().username }, action: 'import' },
      onWait: () => console.error('Another import or write is under way; waiting for it to end…'),
      // A line per section when it ends, and one every second while a large one runs.
      onProgress: (section, done, total) => {
        const line = `${section}: ${done}/${total}`;
        const now = Date.now();
        if (line !== last && (done === total || now - lastAt >= 1000 || process.stderr.isTTY)) {
          process.stderr.write(process.stderr.isTTY ? `\r${line}   ` : `${line}\n`);
          lastAt = now;
        }
        last = line;
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    printReport(report, dryRun, Date.now() - started);
    process.exitCode = report.issueCount > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

function printReport(report: ImportReport, dryRun: boolean, ms: number): void {
  if (report.issueCount > 0) {
    console.log(`Nothing was imported: ${report.issueCount} issue(s).`);
    for (const i of report.issues) {
      console.log(
        `  ${i.section}${i.index === null ? '' : `[${i.index}]`}${i.field ? `.${i.field}` : ''}: ${i.code}: ${i.message}`,
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
