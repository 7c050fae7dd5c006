import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DatasetDocument } from '../src/domain/dataset.types';
import { generateProvince } from '../src/demo/province.generate';
import { startEmbeddedPostgres } from '../src/platform/db/database';
import { employeeKey } from '../src/records/known-keys';

/**
 * `npm run bench:import -- [--employees 100000] [--files 4] [--seed 1] [--profile]`: a province
 * cut into N files by employee (each file carries the whole catalogue and its employees with
 * their assessments, trainings and discipline, as a province's monthly file does), imported one
 * after another by `npm run import -- FILE --bulk` into a fresh embedded PostgreSQL of its own
 * (.data/bench-import, port BENCH_IMPORT_PG_PORT or 54470). The files are kept for later runs;
 * the database is made anew each run. Prints, per file, its employees, seconds and employees a
 * second, and the total. `--profile` writes each import's CPU profile to .data/bench-import/profiles;
 * `--log-statements MS` has PostgreSQL log the statements slower than MS (postgres.log there).
 */

const TODAY = '2026-11-01';
const USAGE =
  'usage: npm run bench:import -- [--employees 100000] [--files 4] [--seed 1] [--profile] [--log-statements MS]';
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Options {
  employees: number;
  files: number;
  seed: number;
  profile: boolean;
  /** `--log-statements MS`: PostgreSQL logs each statement that takes longer (to its .log). */
  logStatementsMs?: number;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      employees: { type: 'string', default: '100000' },
      files: { type: 'string', default: '4' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'boolean', default: false },
      'log-statements': { type: 'string' },
    },
  });
  const whole = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be a whole number ≥ ${min}\n${USAGE}`);
    return n;
  };
  return {
    employees: whole('employees', values.employees, 1),
    files: whole('files', values.files, 1),
    seed: whole('seed', values.seed, 0),
    profile: values.profile,
    logStatementsMs:
      values['log-statements'] === undefined
        ? undefined
        : whole('log-statements', values['log-statements'], 0),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // Another directory and port (BENCH_IMPORT_DIR, BENCH_IMPORT_PG_PORT) let a short run go beside a long one.
  const dir = path.resolve(process.env.BENCH_IMPORT_DIR ?? path.join('.data', 'bench-import'));
  const files = await provinceFiles(dir, options);
  const dataDir = path.join(dir, 'postgres');
  for (const leftover of [dataDir, `${dataDir}.password`, `${dataDir}.owner`, `${dataDir}.log`])
    await rm(leftover, { recursive: true, force: true });
  const database = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.BENCH_IMPORT_PG_PORT ?? 54470),
    database: 'bench_import',
    fast: true,
  });
  const rows: { file: string; employees: number; seconds: number }[] = [];
  try {
    if (options.logStatementsMs !== undefined)
      await logStatements(database.url, options.logStatementsMs);
    for (const [i, file] of files.entries()) {
      log(`Importing ${path.basename(file.path)} (${file.employees} employees)…`);
      const started = Date.now();
      await importFile(
        database.url,
        file.path,
        options.profile ? path.join(dir, 'profiles') : null,
      );
      rows.push({
        file: `${i + 1} of ${files.length}`,
        employees: file.employees,
        seconds: (Date.now() - started) / 1000,
      });
      log(`  ${rows.at(-1)!.seconds.toFixed(1)} s`);
    }
  } finally {
    await database.stop();
  }
  printTable(rows);
}

/** Statements slower than `ms` go to the cluster's log, with their duration. */
async function logStatements(url: string, ms: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`alter system set log_min_duration_statement = ${ms}`);
    await client.query('select pg_reload_conf()');
  } finally {
    await client.end();
  }
}

/** The import as an operator runs it: the CLI in its own process, with the bulk path. */
async function importFile(url: string, file: string, profiles: string | null): Promise<void> {
  const flags = ['--max-semi-space-size=64', '--import', 'tsx'];
  if (profiles) flags.push('--cpu-prof', `--cpu-prof-dir=${profiles}`);
  const child = spawn(process.execPath, [...flags, 'scripts/import.ts', file, '--bulk'], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: url,
      // The CLI reads the whole configuration; these keys seal nothing here.
      JWT_SECRET: randomBytes(32).toString('base64url'),
      CURSOR_SECRET: randomBytes(32).toString('base64url'),
      SELECTION_KEY: randomBytes(32).toString('base64url'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  process.stderr.write(output.replace(/^/gm, '  '));
  if (code !== 0) throw new Error(`The import of ${file} failed (exit code ${code}).`);
}

function printTable(rows: { file: string; employees: number; seconds: number }[]): void {
  const total = {
    file: 'total',
    employees: rows.reduce((sum, r) => sum + r.employees, 0),
    seconds: rows.reduce((sum, r) => sum + r.seconds, 0),
  };
  console.log('| file | employees | seconds | employees/s |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of [...rows, total])
    console.log(
      `| ${r.file} | ${r.employees.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${Math.round(r.employees / r.seconds).toLocaleString('en')} |`,
    );
}

/**
 * The province's files, written once per size, seed and count: the i-th file holds the i-th
 * run of employees, and the records that name them.
 */
async function provinceFiles(
  dir: string,
  options: Options,
): Promise<{ path: string; employees: number }[]> {
  const folder = path.join(dir, `files-${options.employees}-${options.seed}-${options.files}`);
  const size = Math.ceil(options.employees / options.files);
  const planned = Array.from({ length: options.files }, (_, i) => ({
    path: path.join(folder, `file-${i + 1}.json`),
    employees: Math.min(size, options.employees - i * size),
  }));
  if (planned.every((f) => existsSync(f.path))) {
    log(`Reusing the files in ${folder}.`);
    return planned;
  }
  await mkdir(folder, { recursive: true });
  log(`Generating ${options.employees} employees (seed ${options.seed})…`);
  const province = generateProvince({
    employees: options.employees,
    seed: options.seed,
    today: TODAY,
  });
  const fileOf = new Map<string, number>();
  province.employees.forEach((e, i) => fileOf.set(employeeKey(e), Math.floor(i / size)));
  const of = (ref: { nip: string | null; pppkNumber?: string | null }) =>
    fileOf.get(employeeKey({ nip: ref.nip, pppkNumber: ref.pppkNumber ?? null }))!;
  for (const [i, file] of planned.entries()) {
    const part: DatasetDocument = {
      agencies: province.agencies,
      orgUnits: province.orgUnits,
      competencies: province.competencies,
      courses: province.courses,
      positions: province.positions,
      employees: province.employees.slice(i * size, (i + 1) * size),
      assessments: province.assessments.filter((a) => of(a) === i),
      trainings: province.trainings.filter((t) => of(t) === i),
      discipline: province.discipline.filter((d) => of(d) === i),
    };
    await writeDocument(`${file.path}.part`, part);
    await rename(`${file.path}.part`, file.path);
    log(`  wrote ${path.basename(file.path)}`);
  }
  return planned;
}

/** A document written record by record (a large one is longer than the longest string). */
async function writeDocument(file: string, document: DatasetDocument): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{');
  for (const [s, [section, records]] of Object.entries(document).entries()) {
    await write(`${s === 0 ? '' : ','}\n"${section}": [`);
    for (const [i, record] of (records as unknown[]).entries())
      await write(`${i === 0 ? '' : ','}\n${JSON.stringify(record)}`);
    await write('\n]');
  }
  await write('\n}\n');
  out.end();
  await once(out, 'finish');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
