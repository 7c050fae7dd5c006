import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort, type RunningDatabase } from '../src/platform/db/database';
import { startEmbeddedReplica } from '../src/platform/db/replication';
import { load, median, type Measured } from './bench-load';
import type { Options } from './bench-options';
import { startServerProcess, type ServerProcess } from './server-process';

export interface Province {
  readonly nips: readonly string[];
  readonly positions: readonly { code: string; id: number }[];
}

interface Settings {
  readonly primary: RunningDatabase;
  readonly primaryDir: string;
  readonly primaryPort: number;
  readonly database: string;
  readonly secret: string;
  readonly token: string;
  readonly dir: string;
  readonly today: string;
  readonly log: (line: string) => void;
}

/**
 * `npm run bench -- --processes N`: a streaming replica of the bench database (made on first use
 * and kept in .data/bench/replica), then 1 to N API processes over the primary and the replica:
 * NIP reads and candidates pages with the same connections shared out among the processes; with
 * N processes, the replica stopped for 10 s under load (every failed request counted); and how
 * long a recorded assessment takes to reach each process's ranking.
 */
export async function runScaleOut(settings: Settings, options: Options, province: Province) {
  const { log } = settings;
  const processes = options.processes ?? 2;
  const replicaPort = await findFreePort();
  const startReplica = () =>
    startEmbeddedReplica({
      primary: { dataDir: settings.primaryDir, port: settings.primaryPort },
      dataDir: path.join(settings.dir, 'replica'),
      port: replicaPort,
      database: settings.database,
      slot: 'bench_replica',
      fast: true,
      log,
    });
  log('Starting the streaming replica (a base backup on first use)…');
  let replica: RunningDatabase | null = await startReplica();
  const replicaUrl = settings.primary.url.replace(/:(\d+)\/([^/]+)$/, `:${replicaPort}/$2`);
  const nip = {
    query: `query($nip: String!) { employee(nip: $nip) { nip name rank { code } competencies { level assessedOn stale competency { code } } } }`,
    variables: (i: number) => ({ nip: province.nips[i % province.nips.length] }),
  };
  const candidates = {
    query: `query($p: String!) { candidates(positionCode: $p, first: 50, policy: { asOf: "${settings.today}" }) {
      totalCount nodes { jobPersonMatch qualified employee { nip name } } } }`,
    variables: (i: number) => ({ p: province.positions[i % province.positions.length].code }),
  };
  const curve: {
    processes: number;
    nip: Measured & CpuUse;
    candidates: Measured & CpuUse;
    indexLoad: string[];
  }[] = [];
  let apis: ServerProcess[] = [];
  let outage: { nip: Measured; candidates: Measured; replicaDownSeconds: number } | null = null;
  let lag: { process: number; medianMs: number; maxMs: number; samples: number }[] = [];
  try {
    for (let count = 1; count <= processes; count++) {
      log(`${count} API process(es) over the primary and the replica…`);
      apis = [];
      for (let i = 0; i < count; i++) apis.push(await startApi(settings, replicaUrl));
      const indexLoad = await Promise.all(apis.map((api) => indexLoaded(api)));
      // Warm every process: each position's first ranking, once.
      for (const api of apis)
        for (const p of province.positions)
          await post(api.url, settings.token, candidates.query, { p: p.code });
      const urls = apis.map((a) => a.url);
      const pids = apis.map((a) => a.child.pid!);
      const nipMeasured = await withCpu(pids, () => load(urls, settings.token, nip, options));
      log(`  NIP: ${nipMeasured.rps.toFixed(0)} req/s, p50 ${nipMeasured.p50.toFixed(1)} ms`);
      const candidatesMeasured = await withCpu(pids, () =>
        load(urls, settings.token, candidates, options),
      );
      log(
        `  candidates: ${candidatesMeasured.rps.toFixed(0)} req/s, p50 ${candidatesMeasured.p50.toFixed(1)} ms`,
      );
      curve.push({ processes: count, nip: nipMeasured, candidates: candidatesMeasured, indexLoad });
      if (count < processes) await Promise.all(apis.map((a) => a.stop()));
    }

    log('The replica stopped for 10 s under load…');
    const urls = apis.map((a) => a.url);
    const duration = 16;
    const loads = Promise.all([
      load(urls, settings.token, nip, { connections: options.connections, duration }),
      load(urls, settings.token, candidates, { connections: options.connections, duration }),
    ]);
    await sleep(3_000);
    const stoppedAt = Date.now();
    await replica.stop();
    replica = null;
    await sleep(Math.max(0, 10_000 - (Date.now() - stoppedAt)));
    replica = await startReplica();
    const replicaDownSeconds = (Date.now() - stoppedAt) / 1000;
    const [nipOutage, candidatesOutage] = await loads;
    outage = { nip: nipOutage, candidates: candidatesOutage, replicaDownSeconds };
    log(
      `  ${nipOutage.requests + candidatesOutage.requests} requests, ${nipOutage.errors + candidatesOutage.errors} failed`,
    );

    log('How long a recorded assessment takes to reach each process’s ranking…');
    lag = await writeLag(settings, apis, province);
  } finally {
    await Promise.all(apis.map((a) => a.stop()));
    await replica?.stop();
  }
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    options,
    curve,
    outage,
    lag,
  };
  const file = path.join(settings.dir, `results-scale-${options.employees}.json`);
  await writeFile(file, JSON.stringify(report, null, 2));
  printScale(report, options);
  console.log(`\nResults in ${path.relative(process.cwd(), file)}`);
}

/** How busy the machine's cores were during a run, and how much of that the API processes. */
interface CpuUse {
  /** Share of all cores' time that was busy (0–1). */
  machineBusy: number;
  /** Share of all cores' time the API processes used (0–1). */
  apiBusy: number;
}

async function withCpu<T>(pids: readonly number[], run: () => Promise<T>): Promise<T & CpuUse> {
  const before = await cpuTicks(pids);
  const result = await run();
  const after = await cpuTicks(pids);
  const total = after.total - before.total;
  return {
    ...result,
    machineBusy: total > 0 ? 1 - (after.idle - before.idle) / total : NaN,
    apiBusy: total > 0 ? (after.processes - before.processes) / total : NaN,
  };
}

/** Clock ticks of all cores (total and idle, from /proc/stat) and of the given processes. */
async function cpuTicks(pids: readonly number[]) {
  const [cpu] = (await readFile('/proc/stat', 'utf8')).split('\n');
  const fields = cpu.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = fields[3] + fields[4];
  let processes = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // After the command's closing parenthesis: state is field 3, utime and stime 14 and 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    processes += Number(rest[11] ?? 0) + Number(rest[12] ?? 0);
  }
  return { total, idle, processes };
}

/** The key that seals selections, one for every process of this run. */
const SELECTION_KEY = randomBytes(32).toString('base64url');

function startApi(settings: Settings, replicaUrl: string): Promise<ServerProcess> {
  return startServerProcess({
    built: true,
    env: {
      DATABASE_URL: settings.primary.url,
      DATABASE_REPLICA_URLS: replicaUrl,
      JWT_SECRET: settings.secret,
      // Every API process of the run seals selections with the same key.
      SELECTION_KEY,
      LOAD_DEMO: 'false',
      NODE_ENV: 'production',
      EXPOSE_STATEMENT_COUNT: 'false',
      RATE_LIMIT_COST_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      REPLICA_CHECK_MS: '200',
    },
  });
}

/** Waits for the process's start-up line about its ranking index, and returns it. */
async function indexLoaded(api: ServerProcess): Promise<string> {
  for (;;) {
    const line = /Candidate index: .*/.exec(api.output())?.[0];
    if (line) return line;
    await sleep(100);
  }
}

async function post<T = unknown>(
  url: string,
  token: string,
  query: string,
  variables: object,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/**
 * Ten times: through the first process, raise an employee to level 5 on every requirement of a
 * position; then ask each process for that fit until it shows 100 (the index the ranking uses),
 * from the moment the write was answered.
 */
async function writeLag(settings: Settings, apis: ServerProcess[], province: Province) {
  const samples = apis.map(() => [] as number[]);
  type FitAnswer = { fit: { jobPersonMatch: number } };
  type Requirements = { position: { requirements: { competency: { code: string } }[] } };
  const fit = `query($nip: String!, $p: String!) { fit(nip: $nip, positionCode: $p, policy: { asOf: "${settings.today}" }) { jobPersonMatch } }`;
  for (let i = 0, taken = 0; taken < 10 && i < province.nips.length; i++) {
    const p = province.positions[taken % province.positions.length].code;
    const nip = province.nips[province.nips.length - 1 - i];
    // An employee who already fits the position fully shows nothing: take another.
    if (
      (await post<FitAnswer>(apis[0].url, settings.token, fit, { nip, p })).fit.jobPersonMatch ===
      100
    )
      continue;
    const requirements = (
      await post<Requirements>(
        apis[0].url,
        settings.token,
        `query($p: String!) { position(code: $p) { requirements { competency { code } } } }`,
        { p },
      )
    ).position.requirements.map((r) => ({ competency: r.competency.code, level: 5 }));
    const recorded = await post<{ recordAssessment: { userErrors: unknown[] } }>(
      apis[0].url,
      settings.token,
      `mutation($nip: String!, $on: Date!, $results: [AssessmentResultInput!]!) { recordAssessment(input: {
        nip: $nip, assessedOn: $on, method: ASSESSMENT_CENTER, results: $results }) { userErrors { message } } }`,
      { nip, on: settings.today, results: requirements },
    );
    // One assessment a day and method: an employee written on this day by an earlier run is skipped.
    if (recorded.recordAssessment.userErrors.length > 0) continue;
    taken++;
    const written = performance.now();
    await Promise.all(
      apis.map(async (api, k) => {
        for (;;) {
          const answer = await post<FitAnswer>(api.url, settings.token, fit, { nip, p });
          if (answer.fit.jobPersonMatch === 100) break;
          if (performance.now() - written > 10_000)
            throw new Error(`process ${k + 1}: the write did not arrive in 10 s`);
        }
        samples[k].push(performance.now() - written);
      }),
    );
  }
  return samples.map((s, k) => ({
    process: k + 1,
    medianMs: median(s),
    maxMs: Math.max(...s),
    samples: s.length,
  }));
}

function printScale(
  report: {
    curve: { processes: number; nip: Measured & CpuUse; candidates: Measured & CpuUse }[];
    outage: { nip: Measured; candidates: Measured; replicaDownSeconds: number } | null;
    lag: { process: number; medianMs: number; maxMs: number; samples: number }[];
  },
  options: Options,
): void {
  console.log(
    `\n${options.employees} employees, ${options.connections} connections shared among the processes, ${options.duration} s per operation, ${os.cpus().length} CPUs; one primary, one streaming replica\n`,
  );
  const pct = (share: number) => `${(share * 100).toFixed(0)}%`;
  console.log(
    '| API processes | NIP req/s | NIP p50 ms | cores busy (API) | candidates req/s | candidates p50 ms | cores busy (API) | failed |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const c of report.curve)
    console.log(
      `| ${c.processes} | ${c.nip.rps.toFixed(0)} | ${c.nip.p50.toFixed(1)} | ${pct(c.nip.machineBusy)} (${pct(c.nip.apiBusy)}) | ${c.candidates.rps.toFixed(0)} | ${c.candidates.p50.toFixed(1)} | ${pct(c.candidates.machineBusy)} (${pct(c.candidates.apiBusy)}) | ${c.nip.errors + c.candidates.errors} |`,
    );
  if (report.outage) {
    const o = report.outage;
    console.log(
      `\nReplica stopped for ${o.replicaDownSeconds.toFixed(1)} s under load: ${o.nip.requests + o.candidates.requests} requests, ${o.nip.errors + o.candidates.errors} failed (NIP ${o.nip.rps.toFixed(0)} req/s, candidates ${o.candidates.rps.toFixed(0)} req/s over the run).`,
    );
  }
  console.log('\n| process | write → its ranking, median ms | max ms | writes |');
  console.log('| ---: | ---: | ---: | ---: |');
  for (const l of report.lag)
    console.log(
      `| ${l.process} | ${l.medianMs.toFixed(1)} | ${l.maxMs.toFixed(1)} | ${l.samples} |`,
    );
}
