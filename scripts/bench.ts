import 'reflect-metadata';
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
import { importDataset, importFirstLoadFile } from '../src/modules/dataset/dataset.service';
import { progressText } from '../src/modules/dataset/document-file';
import { writeProvinceFile } from '../src/demo/province.file';
import type { Knex } from '@mikro-orm/knex';
import { generateProvince } from '../src/demo/province.generate';
import { parseOptions, type Options } from './bench-options';
import { cpuPerRequest, postmasterPid } from './bench-cpu';
import { measurePeer, PEERS, startPeers, type RunningPeer } from './bench-peer';
import { load, median, type Operation } from './bench-load';
import { runScaleOut } from './bench-scale';
import { benchOperations, CANDIDATES, TODAY, timeSql, type Sample } from './bench-operations';
import { startBenchServer, type BenchServer } from './bench-server';
import { benchBlock, type BenchReport, type Figures, type OperationResult } from './bench-report';
import { checkPerformancePage, measuredCommit, writePerformancePage } from './bench-docs';

/**
 * `npm run bench [-- --employees 100000 --seed 1 --duration 10 --connections 10 --heap-mb N --peer
 * --write-docs]`: a province of N employees (generated and imported on first use, kept in
 * .data/bench), the built server in its own process, driven over HTTP by autocannon for a fixed
 * set of operations (`bench-operations.ts`); the straightforward SQL for the same ranking and fit
 * timed in the same run as the baseline, and with `--peer` PostGraphile over two schemas
 * (`bench-peer.ts`). Prints the tables, writes .data/bench/results-N.json and, with
 * `--write-docs`, replaces the size's block in docs/performance.md.
 */

/** Requests timed one at a time per operation, after so many untimed ones (on every server). */
const SEQUENTIAL = 40;
const WARM_UP = 20;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.writeDocs) await checkPerformancePage(options.employees);
  // The code measured is the code as the run starts (the build was just made from it).
  const commit = measuredCommit();
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
    } else await run(database, options, dir, bulkImportSeconds, commit);
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
 * imported by the streamed first load (`importFirstLoadFile`), as an operator would; neither holds
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
    const report = await importFirstLoadFile(knex, file, {
      today: TODAY,
      audit: { actor: { role: 'CLI', subject: 'bench' }, action: 'import' },
      onProgress: (bytes, total) =>
        every(
          () => `  importing: ${progressText(bytes, total, started, { name: 'MB', divisor: 1e6 })}`,
          bytes === total,
        ),
    });
    if (!report.applied)
      throw new Error(`The import failed: ${JSON.stringify(report.issues.slice(0, 3))}`);
    const seconds = (Date.now() - started) / 1000;
    log(`  imported (streamed first load) in ${seconds.toFixed(1)} s`);
    return seconds;
  } finally {
    await rm(file, { force: true });
  }
}

/** The NIPs, positions and unit the operations ask about: a fixed sample of the province. */
async function sampleProvince(sql: Client): Promise<Sample> {
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
  const unit = (
    await sql.query<{ code: string }>(
      `select u.code from org_unit u join employee e on e.org_unit_id = u.id
        where u.parent_id is not null group by u.code order by count(*) desc, u.code limit 1`,
    )
  ).rows[0].code;
  return { nips, positions, unit };
}

/** One request to our server; `count` asks it to count the request's SQL statements. */
type Post = (
  query: string,
  variables: Record<string, unknown>,
  count?: boolean,
) => Promise<{ errors?: unknown[]; extensions?: { sqlStatements?: number } }>;

function poster(url: string, token: string): Post {
  return async (query, variables, count = false) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(count ? { 'x-count-statements': '1' } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Awaited<ReturnType<Post>>;
  };
}

async function run(
  database: RunningDatabase,
  options: Options,
  dir: string,
  bulkImportSeconds: number | null,
  commit: ReturnType<typeof measuredCommit>,
): Promise<void> {
  const secret = randomBytes(32).toString('base64url');
  const token = signToken({ secret }, { role: Role.ADMIN });
  const sql = new Client({ connectionString: database.url });
  sql.on('error', () => undefined); // the database stops at the end, maybe before this client
  await sql.connect();
  const sample = await sampleProvince(sql);
  const operations = benchOperations(sample).filter(
    (o) => options.only === undefined || o.name.includes(options.only),
  );
  const ranks = operations.some((o) => o.query === CANDIDATES);

  log('Starting the server (built, its own process)…');
  const server = await startBenchServer({
    databaseUrl: database.url,
    secret,
    dir,
    profile: options.profile,
    heapMb: options.heapMb,
    log,
  });
  const post = poster(server.url, token);
  let peers: RunningPeer[] = [];
  try {
    // The first ranking after /ready: sent the moment the server is ready, before anything else
    // runs (the peers start after it), timed from that moment.
    let firstRankingAfterReady: number | null = null;
    if (ranks) {
      const answer = await post(CANDIDATES, { p: sample.positions[0].code });
      firstRankingAfterReady = performance.now() - server.readyAt;
      if (answer.errors) throw new Error(`first ranking: ${JSON.stringify(answer.errors)}`);
      log(`  first ranking after /ready: ${firstRankingAfterReady.toFixed(0)} ms`);
    }
    if (options.peer) peers = await startPeers(database.url, { ...sample, today: TODAY }, log);
    const postgresPid = await postmasterPid(path.join(dir, 'postgres'));
    // Cold: the first ranking of each other position (nothing cached for it yet); this also
    // warms the rankings the candidates operation then reads.
    const cold: number[] = [];
    for (const p of ranks ? sample.positions.slice(1) : []) {
      const started = performance.now();
      await post(CANDIDATES, { p: p.code });
      cold.push(performance.now() - started);
      // The first few after the first ranking: whether the code's first runs still cost.
      if (cold.length <= 3) log(`  first ranking of ${p.code}: ${cold.at(-1)!.toFixed(0)} ms`);
    }
    const results: OperationResult[] = [];
    for (const op of operations)
      results.push(await measure(op, { server, post, token, sql, options, peers, postgresPid }));
    const status = await readFile(`/proc/${server.pid}/status`, 'utf8').catch(() => '');
    const report: BenchReport = {
      date: new Date().toISOString(),
      ...commit,
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        memory: os.totalmem(),
        node: process.version,
        loadAverage: os.loadavg()[2],
      },
      args: process.argv.slice(2),
      options,
      peers: options.peer
        ? PEERS.map(({ key, letter, description }) => ({ key, letter, description }))
        : [],
      bulkImportSeconds,
      indexLoad: server.indexLoad(),
      readyAfterStartMs: server.readyAfterStartMs,
      firstRankingAfterReady,
      coldCandidatesMedian: cold.length > 0 ? median(cold) : null,
      coldPositions: cold.length,
      serverPeakRss: Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024,
      results,
    };
    const file = path.join(dir, `results-${options.employees}.json`);
    await writeFile(file, JSON.stringify(report, null, 2));
    console.log(`\n${benchBlock(report)}`);
    console.log(`\nResults in ${path.relative(process.cwd(), file)}`);
    if (options.writeDocs) console.log(`The tables are in ${await writePerformancePage(report)}.`);
  } finally {
    await server.stop();
    await Promise.all(peers.map((peer) => peer.stop()));
    await sql.end();
  }
}

/**
 * One operation on our server (a probe counting its statements, requests one at a time, then
 * the connections' load), its plain SQL if it has one, then each peer's same read right after
 * ours, under the same load.
 */
async function measure(
  op: Operation,
  {
    server,
    post,
    token,
    sql,
    options,
    peers,
    postgresPid,
  }: {
    server: BenchServer;
    post: Post;
    token: string;
    sql: Client;
    options: Options;
    peers: readonly RunningPeer[];
    postgresPid: number | null;
  },
): Promise<OperationResult> {
  const probe = await post(op.query, op.variables(0), true);
  if (probe.errors) throw new Error(`${op.name}: ${JSON.stringify(probe.errors)}`);
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
      [server.pid, false],
      [postgresPid, true],
    ],
    () => load([server.url], token, op, options),
  );
  log(`  ${op.name}: p50 ${measured.p50.toFixed(1)} ms, ${measured.rps.toFixed(0)} req/s`);
  const baseline = op.baseline ? await timeSql(sql, op.baseline) : null;
  const peerFigures: Record<string, Figures> = {};
  for (const peer of peers) {
    const figures = await measurePeer(peer, op, {
      warmUp: WARM_UP,
      sequential: SEQUENTIAL,
      postgresPid,
      options,
      token,
      // Requests autocannon gave up on still run in PostgreSQL (the peers' rankings take
      // seconds): cancelled, so they do not weigh on what is measured next.
      cancelLeftovers: async () => {
        await sql.query(
          `select pg_cancel_backend(pid) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
              and query like '%rank_candidates%'`,
        );
      },
    });
    if (!figures) continue;
    peerFigures[peer.peer.key] = figures;
    log(
      `    peer ${peer.peer.letter}: p50 ${figures.p50.toFixed(1)} ms, ${figures.requestsPerSecond.toFixed(0)} req/s`,
    );
  }
  return {
    operation: op.name,
    sequentialP50: median(sequential),
    p50: measured.p50,
    p95: measured.p95,
    requestsPerSecond: measured.rps,
    errors: measured.errors,
    sqlStatements: probe.extensions?.sqlStatements ?? null,
    baselineMedian: baseline,
    timesFaster: baseline ? baseline / measured.p50 : null,
    cpuMsPerRequest: { server: serverCpu, postgres: postgresCpu },
    peers: peerFigures,
  };
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
