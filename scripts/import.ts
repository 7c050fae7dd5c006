import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { openDatabase } from '../src/app/bootstrap';
import { loadConfig } from '../src/config/config';
import { userInfo } from 'node:os';
import { importDataset } from '../src/modules/dataset/dataset.service';
import type { ImportReport } from '../src/modules/dataset/dataset.types';

/**
 * `npm run import -- FILE [--dry-run]`: imports a dataset document into the database of the
 * configuration (DATABASE_URL, or the embedded server). All or nothing; exit code 1 on issues.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new UsageError('usage: npm run import -- FILE [--dry-run]');
  const dryRun = args.includes('--dry-run');
  const started = Date.now();
  const text = await readFile(file, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const database = await openDatabase(loadConfig(), (line) => console.error(line));
  try {
    let last = '';
    const report = await importDataset(database.orm.em.getKnex(), document, {
      today: new Date().toISOString().slice(0, 10),
      dryRun,
      audit: { actor: { role: 'CLI', subject: userInfo().username }, action: 'import' },
      onProgress: (section, done, total) => {
        const line = `${section}: ${done}/${total}`;
        if (line !== last && (done === total || done % 5000 === 0 || process.stderr.isTTY)) {
          process.stderr.write(process.stderr.isTTY ? `\r${line}   ` : `${line}\n`);
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

main().catch((error) => {
  console.error(error instanceof UsageError ? error.message : error);
  process.exit(2);
});
