import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { startEmbeddedPostgres, type RunningDatabase } from '../src/platform/db/database';
import { ormConfig } from '../src/app/orm.config';
import { Role } from '../src/platform/auth/auth.types';
import { signToken } from '../src/platform/auth/tokens';
import { importDataset, importFirstLoad } from '../src/modules/dataset/dataset.service';
import { progressText, readDocumentRecords } from '../src/modules/dataset/document-file';
import { writeProvinceFile } from '../src/demo/province.file';
import type { Knex } from '@mikro-orm/knex';
import { generateProvince } from '../src/demo/province.generate';
import { parseOptions, type Options } from './bench-options';
import { cpuPerRequest, postmasterPid } from './bench-cpu';
import { peerQueries, startPeer } from './bench-peer';
import { SERVER_NODE_FLAGS } from './server-process';
import { load, median, type Operation } from './bench-load';
import { runScaleOut } from './bench-scale';

/**
 * `npm run bench [-- --employees 100000 --seed 1 --duration 10 --connections 10 --heap-mb N]`: a province
 * of N employees (generated and imported on first use, kept in .data/bench), the built server
 * in its own process, driven over HTTP by autocannon for a fixed set of operations; the
 * straightforward SQL for the same ranking and fit timed in the same run as the baseline.
 * Prints a table and writes .data/bench/results-N.json.
 */

const TODAY = '2026-11-01';
/** Requests timed one at a time per operation, after so many untimed ones (on both servers). */
const SEQUENTIAL = 40;
const WARM_UP = 20;
const CANDIDATES = `query($p: String!) { candidates(positionCode: $p, first: 50, policy: { asOf: "${TODAY}" }) {
  totalCount nodes { jobPersonMatch qualified category employee { nip name } } } }`;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dir = path.resolve('.data', 'bench');
  await mkdir(dir, { recursive: true });
  const port = Number(process.env.BENCH_PG_PORT ?? 54410);
  const name = `bench_${options.employees}_${options.seed}`;
  const database = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'postgres'),
    port,
    database: name,
    fast: true,
  });
  try {
    const bulkImportSeconds = await prepare(database, options);
    if (options.processes) {
      const sql = new Client({ connectionString: database.url });
      await sql.connect();
      const province = await sampleProvince(sql).finally(() => sql.end());
      const secret = randomBytes(32).toString('base64url');
      await runScaleOut(
        {
          primary: database,
          primaryDir: path.join(dir, 'postgres'),
          primaryPort: port,
          database: name,
          secret,
          token: signToken({ secret }, { role: Role.ADMIN }),
          dir,
          today: TODAY,
          log,
        },
        options,
        province,
      );
    } else await run(database, options, dir, bulkImportSeconds);
  } finally {
    await database.stop();
  }
}

/**
 * Migrates the bench database and loads the province once (kept for later runs); the bulk
 * import's seconds when this run made it, null when it reused the province.
 */
async function prepare(database: RunningDatabase, options: Options): Promise<number | null> {
  const orm = await MikroORM.init(ormConfig(database.url));
  try {
    await orm.getMigrator().up();
    const knex = orm.em.getKnex();
    const [{ count }] = await knex('employee').count<{ count: string }[]>({ count: '*' });
    if (Number(count) === options.employees) {
      log(`Reusing the province of ${options.employees} employees in .data/bench.`);
      return null;
    }
    if (Number(count) > 0)
      throw new Error('The bench database holds another dataset; delete .data/bench.');
    if (options.employees > STREAMED_FROM) {
      const seconds = await prepareStreamed(knex, options, path.resolve('.data', 'bench'));
      await knex.raw('vacuum analyze');
      return seconds;
    }
    let started = Date.now();
    log(`Generating ${options.employees} employees (seed ${options.seed})…`);
    const document = generateProvince({
      employees: options.employees,
      seed: options.seed,
      today: TODAY,
    });
    log(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s; importing…`);
    started = Date.now();
    let last = '';
    const report = await importDataset(knex, document, {
      today: TODAY,
      bulk: true,
      audit: { actor: { role: 'CLI', subject: 'bench' }, action: 'import' },
      onProgress: (section, done, total) => {
        const line = `  ${section}: ${Math.floor((done / total) * 10) * 10}%`;
        if (line !== last) log(line);
        last = line;
      },
    });
    if (!report.applied)
      throw new Error(`The import failed: ${JSON.stringify(report.issues.slice(0, 3))}`);
    const seconds = (Date.now() - started) / 1000;
    log(`  imported (bulk path) in ${seconds.toFixed(1)} s`);
    await knex.raw('vacuum analyze');
    return seconds;
  } finally {
    await orm.close(true);
  }
}

/** Past this many employees the province is written to a file and streamed in (a first load). */
const STREAMED_FROM = 1_000_000;

/**
 * A national province: written to a file one employee at a time (`writeProvinceFile`), then
 * imported by the streamed first load (`importFirstLoad`), as an operator would; neither holds
 * the document. Both times are logged; the import's seconds are returned. The file is removed.
 */
async function prepareStreamed(knex: Knex, options: Options, dir: string): Promise<number> {
  const file = path.join(dir, `province-${options.employees}-${options.seed}.json`);
  let started = Date.now();
  let shownAt = 0;
  const every = (line: () => string, final: boolean) => {
    if (!final && Date.now() - shownAt < 30_000) return;
    shownAt = Date.now();
    log(line());
  };
  log(`Writing ${options.employees} employees (seed ${options.seed}) to ${file}…`);
  try {
    await writeProvinceFile(
      { employees: options.employees, seed: options.seed, today: TODAY },
      file,
      (done, total) =>
        every(() => `  generating: ${progressText(done, total, started)}`, done === total),
    );
    log(
      `  generated in ${((Date.now() - started) / 1000).toFixed(1)} s; importing (streamed first load)…`,
    );
    started = Date.now();
    const report = await importFirstLoad(
      knex,
      readDocumentRecords(file, (bytes, total) =>
        every(
          () => `  importing: ${progressText(bytes, total, started, { name: 'MB', divisor: 1e6 })}`,
          bytes === total,
        ),
      ),
      { today: TODAY, audit: { actor: { role: 'CLI', subject: 'bench' }, action: 'import' } },
    );
    if (!report.applied)
      throw new Error(`The import failed: ${JSON.stringify(report.issues.slice(0, 3))}`);
    const seconds = (Date.now() - started) / 1000;
    log(`  imported (streamed first load) in ${seconds.toFixed(1)} s`);
    return seconds;
  } finally {
    await rm(file, { force: true });
  }
}

/** The NIPs and positions the operations ask about: a fixed sample of the province. */
async function sampleProvince(sql: Client) {
  const nips = (
    await sql.query<{ nip: string }>(
      `select nip from employee where nip is not null order by md5(nip) limit 500`,
    )
  ).rows.map((r) => r.nip);
  const positions = (
    await sql.query<{ code: string; id: number }>(
      `select code, id from position where category in ('ADMINISTRATOR', 'PENGAWAS', 'JPT_PRATAMA') order by md5(code) limit 40`,
    )
  ).rows;
  return { nips, positions };
}

async function run(
  database: RunningDatabase,
  options: Options,
  dir: string,
  bulkImportSeconds: number | null,
): Promise<void> {
  const secret = randomBytes(32).toString('base64url');
  const token = signToken({ secret }, { role: Role.ADMIN });
  const sql = new Client({ connectionString: database.url });
  sql.on('error', () => undefined); // the database stops at the end, maybe before this client
  await sql.connect();
  const { nips, positions } = await sampleProvince(sql);
  const unit = (
    await sql.query<{ code: string }>(
      `select u.code from org_unit u join employee e on e.org_unit_id = u.id
        where u.parent_id is not null group by u.code order by count(*) desc, u.code limit 1`,
    )
  ).rows[0].code;

  log('Starting the server (built, its own process)…');
  const profile = options.profile
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, 'profiles')}`]
    : [];
  const heap = options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : [];
  // The server runs on Node's default heap unless --heap-mb says otherwise: the heap the bench
  // itself was given for generating a large province (NODE_OPTIONS) is not passed on.
  const { NODE_OPTIONS: _benchOnly, ...inherited } = process.env;
  const server = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...profile, ...heap, 'dist/src/app/index.js'],
    {
      env: {
        ...inherited,
        DATABASE_URL: database.url,
        JWT_SECRET: secret,
        // Selections opened under load are sealed with a key of this run.
        SELECTION_KEY: randomBytes(32).toString('base64url'),
        PORT: '0',
        LOAD_DEMO: 'false',
        NODE_ENV: 'production',
        // Statements are counted for the probe of each operation only, not under load.
        EXPOSE_STATEMENT_COUNT: 'on-request',
        // The bench measures throughput from one token: no per-caller budget.
        RATE_LIMIT_COST_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let indexLoad = '';
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    let found = '';
    let started = false;
    server.stdout.on('data', (chunk: Buffer) => {
      // Once it is up, its log lines are read and dropped (kept, they would cost the load
      // generator's process more with every request).
      if (started) return;
      output += chunk.toString();
      found ||= /API (http:\/\/localhost:\d+)\/graphql/.exec(output)?.[1] ?? '';
      const loaded = /Candidate index: .*/.exec(output);
      if (found && loaded && !started) {
        started = true;
        log(`  ${loaded[0]}`);
        indexLoad = loaded[0];
        resolve(found);
      }
    });
    server.on('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  const stopServer = async () => {
    if (server.exitCode !== null) return;
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  };
  process.once('exit', () => server.kill('SIGKILL'));
  const peer = options.peer ? await startPeer(database.url, log) : null;
  try {
    await measure(url, token, sql, server.pid!, nips, positions, unit, options, dir, {
      peerUrl: peer?.url,
      peerPid: peer?.pid,
      postgresPid: await postmasterPid(path.join(dir, 'postgres')),
      indexLoad,
      bulkImportSeconds,
    });
  } finally {
    await stopServer();
    await peer?.stop();
    await sql.end();
  }
}

async function measure(
  url: string,
  token: string,
  sql: Client,
  pid: number,
  nips: string[],
  positions: { code: string; id: number }[],
  unit: string,
  options: Options,
  dir: string,
  {
    peerUrl,
    peerPid,
    postgresPid,
    indexLoad,
    bulkImportSeconds,
  }: {
    peerUrl?: string;
    peerPid?: number;
    postgresPid: number | null;
    indexLoad: string;
    /** The bulk import's seconds, when this run imported the province. */
    bulkImportSeconds: number | null;
  },
): Promise<void> {
  const peer = peerQueries(nips, positions, TODAY);
  // `count`: ask the server to count the request's SQL statements (the probe only).
  const post = async (query: string, variables: Record<string, unknown>, count = false) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(count ? { 'x-count-statements': '1' } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      errors?: unknown[];
      extensions?: { sqlStatements?: number };
    };
  };

  const operations: Operation[] = [
    // Thin reads: what every request pays before any data (pipeline, HTTP, logging, metrics).
    {
      name: 'thin: { __typename }',
      query: '{ __typename }',
      variables: () => ({}),
    },
    {
      name: 'thin: employee by NIP, nip only',
      query: `query($nip: String!) { employee(nip: $nip) { nip } }`,
      variables: (i) => ({ nip: nips[i % nips.length] }),
    },
    {
      name: 'employee by NIP, with competencies',
      query: `query($nip: String!) { employee(nip: $nip) { nip name rank { code } competencies { level assessedOn stale competency { code } } } }`,
      variables: (i) => ({ nip: nips[i % nips.length] }),
    },
    {
      name: 'page of 100 employees, nested',
      query: `query($after: String) { employees(first: 100, after: $after) { nodes { nip name rank { code name } orgUnit { code name agency { code } }
        position { code title requirements { level competency { code } } } competencies { level stale competency { code } } } } }`,
      variables: () => ({}),
    },
    {
      name: 'fit (one employee, one position)',
      query: `query($nip: String!, $p: String!) { fit(nip: $nip, positionCode: $p, policy: { asOf: "${TODAY}" }) { jobPersonMatch qualified gaps { competency { code } gap } unmetConditions { code } } }`,
      variables: (i) => ({ nip: nips[i % nips.length], p: positions[i % positions.length].code }),
      baseline: (i) => ({
        sql: BASELINE_RANKING.replace('/*one*/', 'and e.nip = $3').replace(
          '/*one-latest*/',
          'and a.employee_id = (select id from employee where nip = $3)',
        ),
        bindings: [positions[i % positions.length].id, TODAY, nips[i % nips.length]],
      }),
    },
    {
      name: 'candidates, first 50',
      query: CANDIDATES,
      variables: (i) => ({ p: positions[i % positions.length].code }),
      baseline: (i) => ({
        sql: BASELINE_RANKING.replace('/*one*/', ''),
        bindings: [positions[i % positions.length].id, TODAY],
      }),
    },
    {
      // The write path: lock, read the named keys, validate, write, audit. A (NIP, date) pair
      // is new the first time and an identical repeat after, as retries are in real use.
      name: 'recordAssessment (one employee)',
      query: `mutation($nip: String!, $on: Date!) { recordAssessment(input: { nip: $nip, assessedOn: $on,
        method: INTERVIEW, results: [{ competency: "M.01", level: 3 }, { competency: "M.02", level: 4 }] }) {
        userErrors { code } } }`,
      variables: (i) => ({
        nip: nips[i % nips.length],
        on: new Date(Date.parse(`${TODAY}T00:00:00Z`) - (i % 97) * 86_400_000)
          .toISOString()
          .slice(0, 10),
      }),
    },
    {
      name: 'skill search: M.03 ≥ 4 and rank ≥ III/c, first 50 with count',
      query: `{ employees(filter: { competencies: [{ code: "M.03", minLevel: 4 }], rank: { gte: "III/c" } }, first: 50) {
        totalCount nodes { nip name rank { code } } } }`,
      variables: () => ({}),
    },
    {
      name: 'employeeCounts by agency and rank',
      query: `{ employeeCounts(groupBy: [AGENCY, RANK]) { key count } }`,
      variables: () => ({}),
    },
    {
      name: 'training needs of an org unit',
      query: `query($u: String!) { trainingNeeds(scope: { orgUnitCode: $u }, policy: { asOf: "${TODAY}" }) { employees } }`,
      variables: () => ({ u: unit }),
    },
  ];

  const results = [];
  const peerSequentialTimes = new Map<string, number[]>();
  const only = options.only;
  if (only)
    operations.splice(0, operations.length, ...operations.filter((o) => o.name.includes(only)));
  // Cold: the first ranking of each position (nothing cached for it yet); this also warms the
  // rankings the candidates operation then reads.
  const cold: number[] = [];
  const ranks = operations.some((o) => o.query === CANDIDATES);
  for (const p of ranks ? positions : []) {
    const started = performance.now();
    await post(CANDIDATES, { p: p.code });
    cold.push(performance.now() - started);
  }
  for (const op of operations) {
    const probe = await post(op.query, op.variables(0), true);
    if (probe.errors) throw new Error(`${op.name}: ${JSON.stringify(probe.errors)}`);
    // Sequential first (one request at a time, after WARM_UP untimed ones), then under the
    // connections' load.
    for (let i = 0; i < WARM_UP; i++) await post(op.query, op.variables(SEQUENTIAL + 1 + i));
    const sequential: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const started = performance.now();
      await post(op.query, op.variables(i + 1));
      sequential.push(performance.now() - started);
    }
    // CPU per request of our server and of PostgreSQL under the load: where the cores went.
    const {
      result: measured,
      msPerRequest: [serverCpu, postgresCpu],
    } = await cpuPerRequest(
      [
        [pid, false],
        [postgresPid, true],
      ],
      () => load([url], token, op, options),
    );
    const baseline = op.baseline ? await timeSql(sql, op.baseline) : null;
    // The peer's same read, right after ours, under the same load.
    const peerOp = peerUrl ? peer[op.name] : undefined;
    let peerMeasured = null;
    let peerServerCpu: number | null = null;
    let peerPostgresCpu: number | null = null;
    if (peerUrl && peerOp) {
      const postPeer = (i: number) =>
        fetch(`${peerUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: peerOp.query, variables: peerOp.variables(i) }),
        }).then((r) => r.json() as Promise<{ errors?: unknown }>);
      const probePeer = await postPeer(0);
      if (probePeer.errors)
        throw new Error(`peer, ${op.name}: ${JSON.stringify(probePeer.errors)}`);
      // Warmed up as ours (or for 10 s: the peer's ranking is slow), then ten requests, or as
      // many as fit in 30 s.
      for (let i = 0, warming = performance.now(); i < WARM_UP; i++) {
        if (performance.now() - warming > 10_000) break;
        await postPeer(SEQUENTIAL + 1 + i);
      }
      const peerSequential: number[] = [];
      for (let i = 0, spent = 0; i < 10 && spent < 30_000; i++) {
        const started = performance.now();
        await postPeer(i + 1);
        const took = performance.now() - started;
        peerSequential.push(took);
        spent += took;
      }
      peerSequentialTimes.set(op.name, peerSequential);
      const peerRun = await cpuPerRequest(
        [
          [peerPid ?? null, false],
          [postgresPid, true],
        ],
        () => load([peerUrl], token, peerOp, options),
      );
      peerMeasured = peerRun.result;
      [peerServerCpu, peerPostgresCpu] = peerRun.msPerRequest;
      // Requests autocannon gave up on still run in PostgreSQL (the peer's ranking takes
      // seconds): cancel them, so they do not weigh on the operations measured next.
      await sql.query(
        `select pg_cancel_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
            and query like '%rank_candidates%'`,
      );
      log(`    peer: p50 ${peerMeasured.p50.toFixed(1)} ms, ${peerMeasured.rps.toFixed(0)} req/s`);
    }
    results.push({
      operation: op.name,
      sequentialP50: median(sequential),
      p50: measured.p50,
      p95: measured.p95,
      requestsPerSecond: measured.rps,
      errors: measured.errors,
      sqlStatements: probe.extensions?.sqlStatements ?? null,
      baselineMedian: baseline,
      timesFaster: baseline ? baseline / measured.p50 : null,
      peerSequentialP50: peerSequentialTimes.has(op.name)
        ? median(peerSequentialTimes.get(op.name)!)
        : null,
      peerP50: peerMeasured?.p50 ?? null,
      peerRequestsPerSecond: peerMeasured?.rps ?? null,
      peerErrors: peerMeasured?.errors ?? null,
      cpuMsPerRequest: {
        server: serverCpu,
        postgres: postgresCpu,
        peer: peerServerCpu,
        peerPostgres: peerPostgresCpu,
      },
    });
    log(`  ${op.name}: p50 ${measured.p50.toFixed(1)} ms, ${measured.rps.toFixed(0)} req/s`);
  }
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const peakRss = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;

  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memory: os.totalmem(),
      node: process.version,
    },
    options,
    bulkImportSeconds,
    indexLoad,
    coldCandidatesMedian: median(cold),
    serverPeakRss: peakRss,
    results,
  };
  const file = path.join(dir, `results-${options.employees}.json`);
  await writeFile(file, JSON.stringify(report, null, 2));
  printTable(report);
  console.log(`\nResults in ${path.relative(process.cwd(), file)}`);
}

/**
 * The straightforward ranking in SQL: each employee's latest level per required competency (up
 * to the date), weighted and capped at the required level, summed per employee, best first.
 */
const BASELINE_RANKING = `
  with req as (select competency_id, level, weight from position_requirement where position_id = $1),
  latest as (
    select distinct on (a.employee_id, r.competency_id) a.employee_id, r.competency_id, r.level
      from assessment a join assessment_result r on r.assessment_id = a.id
     where r.competency_id in (select competency_id from req) and a.assessed_on <= $2 /*one-latest*/
     order by a.employee_id, r.competency_id, a.assessed_on desc, a.id desc)
  select e.id, round((100.0 * sum(q.weight * least(coalesce(l.level, 0), q.level)) / sum(q.weight * q.level))::numeric, 2) as jpm
    from employee e cross join req q
    left join latest l on l.employee_id = e.id and l.competency_id = q.competency_id
   where true /*one*/
   group by e.id order by jpm desc, e.id limit 50`;

async function timeSql(sql: Client, baseline: (i: number) => { sql: string; bindings: unknown[] }) {
  const times: number[] = [];
  // Seven runs, or as many as fit in a minute (the plain ranking of a nation takes ~30 s each).
  for (let i = 0, spent = 0; i < 7 && spent < 60_000; i++) {
    const { sql: text, bindings } = baseline(i);
    const started = performance.now();
    await sql.query(text, bindings);
    times.push(performance.now() - started);
    spent += times.at(-1)!;
  }
  return median(times);
}

function printTable(report: {
  options: Options;
  bulkImportSeconds: number | null;
  indexLoad: string;
  coldCandidatesMedian: number;
  serverPeakRss: number;
  results: {
    operation: string;
    sequentialP50: number;
    p50: number;
    p95: number;
    requestsPerSecond: number;
    errors: number;
    sqlStatements: number | null;
    baselineMedian: number | null;
    timesFaster: number | null;
    peerSequentialP50: number | null;
    peerP50: number | null;
    peerRequestsPerSecond: number | null;
    cpuMsPerRequest?: {
      server: number | null;
      postgres: number | null;
      peer: number | null;
      peerPostgres: number | null;
    };
  }[];
}): void {
  const o = report.options;
  console.log(
    `\n${o.employees} employees, ${o.connections} connections, ${o.duration} s per operation, ${os.cpus().length} CPUs\n`,
  );
  console.log(
    '| operation | sequential p50 ms | p50 ms | p95 ms | req/s | SQL/req | SQL baseline ms | × faster | peer sequential p50 ms | peer p50 ms | peer req/s | req/s ÷ peer | errors |',
  );
  console.log(`| --- |${' ---: |'.repeat(12)}`);
  // NaN: no request finished within autocannon's 10 s timeout.
  const figure = (n: number | null, digits: number) =>
    n === null ? '–' : Number.isNaN(n) ? 'timed out' : n.toFixed(digits);
  for (const r of report.results) {
    const ratio = r.peerRequestsPerSecond ? r.requestsPerSecond / r.peerRequestsPerSecond : null;
    console.log(
      `| ${r.operation} | ${r.sequentialP50.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.requestsPerSecond.toFixed(0)} | ${r.sqlStatements ?? '–'} | ${figure(r.baselineMedian, 1)} | ${figure(r.timesFaster, 1)} | ${figure(r.peerSequentialP50, 1)} | ${figure(r.peerP50, 1)} | ${figure(r.peerRequestsPerSecond, 0)} | ${figure(ratio, 2)} | ${r.errors} |`,
    );
  }
  // Where the cores went under the load: CPU ms per answered request, each side.
  console.log(
    '\n| operation | server CPU ms/req | PostgreSQL CPU ms/req | peer CPU ms/req | peer PostgreSQL CPU ms/req |',
  );
  console.log(`| --- |${' ---: |'.repeat(4)}`);
  for (const r of report.results) {
    const c = r.cpuMsPerRequest;
    console.log(
      `| ${r.operation} | ${figure(c?.server ?? null, 2)} | ${figure(c?.postgres ?? null, 2)} | ${figure(c?.peer ?? null, 2)} | ${figure(c?.peerPostgres ?? null, 2)} |`,
    );
  }
  console.log(
    `\n${report.indexLoad}.\nFirst ranking of a position (nothing cached): median ${report.coldCandidatesMedian.toFixed(0)} ms. Server peak RSS: ${(report.serverPeakRss / 2 ** 20).toFixed(0)} MiB.`,
  );
  if (report.bulkImportSeconds !== null)
    console.log(
      `Bulk import of the province (this run): ${report.bulkImportSeconds.toFixed(1)} s.`,
    );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
