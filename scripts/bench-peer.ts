import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { cpuPerRequest } from './bench-cpu';
import { load, median, type Operation } from './bench-load';
import type { Figures, PeerLabel } from './bench-report';

/**
 * The bench's peers: PostGraphile 5 over the bench database, as its users would run it (the
 * Amber preset), over two schemas a user might write: ours with the current levels computed from
 * the assessment history (`bench/peer/peer.sql`), and one with the current levels as a table
 * (`bench/peer/peer-flat.sql`). It needs Node 22, so it runs on the `node` npm package at 22.x in
 * `bench/peer`, installed there on first use.
 */
const FOLDER = path.resolve('bench', 'peer');

/** A query of a peer's, for one of our operations. */
export interface PeerQuery {
  query: string;
  variables: (i: number) => Record<string, unknown>;
}

/** What the peers' queries ask about: the bench's sample of the province. */
export interface PeerSample {
  nips: readonly string[];
  positions: readonly { id: number }[];
  today: string;
}

interface Peer extends PeerLabel {
  /** The PostgreSQL schema PostGraphile serves (`-s`). */
  schema: string;
  /** Adds what the peer's users would write to the database (idempotent). */
  prepare: (sql: Client, log: (line: string) => void) => Promise<void>;
  /** The peer's query for each of our operations it can answer (by our operation's name). */
  queries: (sample: PeerSample) => Record<string, PeerQuery>;
}

const THIN = {
  'thin: { __typename }': { query: '{ __typename }', variables: () => ({}) },
};

const byNip = (sample: PeerSample) => (i: number) => ({
  nip: sample.nips[i % sample.nips.length],
});
const byPosition = (sample: PeerSample) => (i: number) => ({
  p: sample.positions[i % sample.positions.length].id,
});

export const PEERS: readonly Peer[] = [
  {
    key: 'history',
    letter: 'A',
    description:
      'PostGraphile 5 over our tables, the current levels a computed column over the assessment history (`bench/peer/peer.sql`)',
    schema: 'public',
    prepare: async (sql) => {
      await sql.query(await readFile(path.join(FOLDER, 'peer.sql'), 'utf8'));
    },
    queries: (sample) => ({
      ...THIN,
      'thin: employee by NIP, nip only': {
        query: `query($nip: String!) { employeeByNip(nip: $nip) { nip } }`,
        variables: byNip(sample),
      },
      'employee by NIP, with competencies': {
        query: `query($nip: String!) { employeeByNip(nip: $nip) { nip name rankByRankCode { code }
          currentCompetencies { nodes { level assessmentByAssessmentId { assessedOn } competencyByCompetencyId { code } } } } }`,
        variables: byNip(sample),
      },
      'page of 100 employees, nested': {
        query: `{ allEmployees(first: 100, orderBy: NAME_ASC) { nodes { nip name rankByRankCode { code name }
          orgUnitByOrgUnitId { code name agencyByAgencyId { code } }
          positionByPositionId { code title positionRequirementsByPositionId { nodes { level competencyByCompetencyId { code } } } }
          currentCompetencies { nodes { level competencyByCompetencyId { code } } } } } }`,
        variables: () => ({}),
      },
      'candidates, first 50': {
        query: `query($p: Int!) { rankCandidates(positionId: $p, asOf: "${sample.today}", first: 50) {
          nodes { employeeId jpm } } }`,
        variables: byPosition(sample),
      },
    }),
  },
  {
    key: 'table',
    letter: 'B',
    description:
      'PostGraphile 5 over schema `peer_flat`, the current levels a table of their own (`bench/peer/peer-flat.sql`)',
    schema: 'peer_flat',
    prepare: fillFlat,
    queries: (sample) => ({
      ...THIN,
      'thin: employee by NIP, nip only': {
        query: `query($nip: String!) { employeeByNip(nip: $nip) { nip } }`,
        variables: byNip(sample),
      },
      'employee by NIP, with competencies': {
        query: `query($nip: String!) { employeeByNip(nip: $nip) { nip name rankByRankCode { code }
          currentCompetenciesByEmployeeId { nodes { level assessedOn competencyByCompetencyId { code } } } } }`,
        variables: byNip(sample),
      },
      'page of 100 employees, nested': {
        query: `{ allEmployees(first: 100, orderBy: NAME_ASC) { nodes { nip name rankByRankCode { code name }
          orgUnitByOrgUnitId { code name agencyByAgencyId { code } }
          positionByPositionId { code title positionRequirementsByPositionId { nodes { level competencyByCompetencyId { code } } } }
          currentCompetenciesByEmployeeId { nodes { level competencyByCompetencyId { code } } } } } }`,
        variables: () => ({}),
      },
      // The current levels hold no date to rank as of: the ranking of today's levels.
      'candidates, first 50': {
        query: `query($p: Int!) { rankCandidates(positionId: $p, first: 50) { nodes { employeeId jpm } } }`,
        variables: byPosition(sample),
      },
    }),
  },
];

/**
 * Fills `peer_flat` from our tables, in one transaction, unless it was filled from a province of
 * the same size (its schema's comment says how many employees).
 */
async function fillFlat(sql: Client, log: (line: string) => void): Promise<void> {
  const {
    rows: [{ employees, filled }],
  } = await sql.query<{ employees: number; filled: string | null }>(
    `select (select count(*)::int from employee) as employees,
            obj_description(to_regnamespace('peer_flat'), 'pg_namespace') as filled`,
  );
  const mark = `filled from ${employees} employees`;
  if (filled === mark) return;
  log(
    `  peer B: filling schema peer_flat (current levels as a table) from ${employees} employees…`,
  );
  const started = Date.now();
  await sql.query('begin');
  try {
    await sql.query(await readFile(path.join(FOLDER, 'peer-flat.sql'), 'utf8'));
    await sql.query(`comment on schema peer_flat is '${mark}'`);
    await sql.query('commit');
  } catch (error) {
    await sql.query('rollback');
    throw error;
  }
  log(`  peer B: filled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A peer running beside our server. */
export interface RunningPeer {
  peer: Peer;
  url: string;
  pid: number | undefined;
  queries: Record<string, PeerQuery>;
  stop: () => Promise<void>;
}

/** Installs PostGraphile if needed, prepares each peer's schema and starts one process per peer. */
export async function startPeers(
  databaseUrl: string,
  sample: PeerSample,
  log: (line: string) => void,
): Promise<RunningPeer[]> {
  const node = path.join(FOLDER, 'node_modules', 'node', 'bin', 'node');
  const cli = path.join(FOLDER, 'node_modules', 'postgraphile', 'dist', 'cli-run.js');
  if (!existsSync(node) || !existsSync(cli)) {
    log('Installing the peer (PostGraphile 5 on Node 22) in bench/peer…');
    await promisify(execFile)('npm', ['install', '--no-audit', '--no-fund'], { cwd: FOLDER });
  }
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    for (const peer of PEERS) await peer.prepare(sql, log);
  } finally {
    await sql.end();
  }
  const running: RunningPeer[] = [];
  try {
    for (const peer of PEERS)
      running.push(await startPeer(peer, node, cli, databaseUrl, sample, log));
  } catch (error) {
    await Promise.all(running.map((r) => r.stop()));
    throw error;
  }
  return running;
}

async function startPeer(
  peer: Peer,
  node: string,
  cli: string,
  databaseUrl: string,
  sample: PeerSample,
  log: (line: string) => void,
): Promise<RunningPeer> {
  const port = await freePort();
  const child = spawn(
    node,
    [
      cli,
      '-P',
      'postgraphile/presets/amber',
      '-c',
      databaseUrl,
      '-s',
      peer.schema,
      '--port',
      String(port),
    ],
    {
      cwd: FOLDER,
      env: { ...process.env, GRAPHILE_ENV: 'production' },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  process.once('exit', () => child.kill('SIGKILL'));
  for (let waited = 0; ; waited += 250) {
    if (child.exitCode !== null) throw new Error(`peer ${peer.letter} exited (${child.exitCode})`);
    const ready = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (waited > 120_000) {
      await stop();
      throw new Error(`peer ${peer.letter} did not answer within 2 minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`  peer ${peer.letter}: PostGraphile 5 over schema ${peer.schema} at ${url}/graphql`);
  return { peer, url, pid: child.pid, queries: peer.queries(sample), stop };
}

/** How a peer is measured: as ours, in the same run. */
export interface PeerRun {
  /** Untimed requests before the sequential ones, and how many are timed. */
  warmUp: number;
  sequential: number;
  /** PostgreSQL's postmaster, for its CPU share. */
  postgresPid: number | null;
  /** Cancels what the peer left running in PostgreSQL (requests the load tool gave up on). */
  cancelLeftovers: () => Promise<void>;
  options: { connections: number; duration: number };
  token: string;
}

/**
 * A peer's figures for one of our operations, or null when it has no query for it: a probe,
 * warm-up and requests one at a time, then the same load as ours.
 */
export async function measurePeer(
  running: RunningPeer,
  op: Operation,
  run: PeerRun,
): Promise<Figures | null> {
  const peerOp = running.queries[op.name];
  if (!peerOp) return null;
  const post = (i: number) =>
    fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: peerOp.query, variables: peerOp.variables(i) }),
    }).then((r) => r.json() as Promise<{ errors?: unknown }>);
  const probeStarted = performance.now();
  const probe = await post(0);
  if (probe.errors)
    throw new Error(`peer ${running.peer.letter}, ${op.name}: ${JSON.stringify(probe.errors)}`);
  // Warmed up as ours, for at most 10 s; a probe slower than that (the plain ranking of a
  // nation takes minutes) was the warm-up. Then the sequential requests, as many as fit in 30 s.
  const warming = performance.now();
  if (warming - probeStarted < 10_000)
    for (let i = 0; i < run.warmUp && performance.now() - warming < 10_000; i++)
      await post(run.sequential + 1 + i);
  const sequential: number[] = [];
  for (let i = 0, spent = 0; i < run.sequential && spent < 30_000; i++) {
    const started = performance.now();
    await post(i + 1);
    const took = performance.now() - started;
    sequential.push(took);
    spent += took;
  }
  const measured = await cpuPerRequest(
    [
      [running.pid ?? null, false],
      [run.postgresPid, true],
    ],
    () => load([running.url], run.token, peerOp, run.options),
  );
  await run.cancelLeftovers();
  const [server, postgres] = measured.msPerRequest;
  return {
    sequentialP50: median(sequential),
    p50: measured.result.p50,
    p95: measured.result.p95,
    requestsPerSecond: measured.result.rps,
    errors: measured.result.errors,
    cpuMsPerRequest: { server, postgres },
  };
}
