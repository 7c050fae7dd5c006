import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

/**
 * The bench's peer: PostGraphile 5 over the bench database, as its users would run it (the
 * Amber preset, the public schema, a computed column for current levels and a ranking function
 * in SQL, `bench/peer/peer.sql`). It needs Node 22, so it runs on the `node` npm package at
 * 22.x in `bench/peer`, installed there on first use.
 */
const FOLDER = path.resolve('bench', 'peer');

/** A query of the peer's, for one of our operations. */
export interface PeerQuery {
  query: string;
  variables: (i: number) => Record<string, unknown>;
}

/** The peer's query for each of our operations it can answer (by our operation's name). */
export function peerQueries(
  nips: string[],
  positions: { id: number }[],
  today: string,
): Record<string, PeerQuery> {
  return {
    'thin: { __typename }': { query: '{ __typename }', variables: () => ({}) },
    'thin: employee by NIP, nip only': {
      query: `query($nip: String!) { employeeByNip(nip: $nip) { nip } }`,
      variables: (i) => ({ nip: nips[i % nips.length] }),
    },
    'employee by NIP, with competencies': {
      query: `query($nip: String!) { employeeByNip(nip: $nip) { nip name rankByRankCode { code }
        currentCompetencies { nodes { level assessmentByAssessmentId { assessedOn } competencyByCompetencyId { code } } } } }`,
      variables: (i) => ({ nip: nips[i % nips.length] }),
    },
    'page of 100 employees, nested': {
      query: `{ allEmployees(first: 100, orderBy: NAME_ASC) { nodes { nip name rankByRankCode { code name }
        orgUnitByOrgUnitId { code name agencyByAgencyId { code } }
        positionByPositionId { code title positionRequirementsByPositionId { nodes { level competencyByCompetencyId { code } } } }
        currentCompetencies { nodes { level competencyByCompetencyId { code } } } } } }`,
      variables: () => ({}),
    },
    'candidates, first 50': {
      query: `query($p: Int!) { rankCandidates(positionId: $p, asOf: "${today}", first: 50) {
        nodes { employeeId jpm } } }`,
      variables: (i) => ({ p: positions[i % positions.length].id }),
    },
  };
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

/** Installs the peer if needed, adds its SQL to the database and starts it; answers its URL. */
export async function startPeer(
  databaseUrl: string,
  log: (line: string) => void,
): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const node = path.join(FOLDER, 'node_modules', 'node', 'bin', 'node');
  const cli = path.join(FOLDER, 'node_modules', 'postgraphile', 'dist', 'cli-run.js');
  if (!existsSync(node) || !existsSync(cli)) {
    log('Installing the peer (PostGraphile 5 on Node 22) in bench/peer…');
    await promisify(execFile)('npm', ['install', '--no-audit', '--no-fund'], { cwd: FOLDER });
  }
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    await sql.query(await readFile(path.join(FOLDER, 'peer.sql'), 'utf8'));
  } finally {
    await sql.end();
  }
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
      'public',
      '--port',
      String(port),
    ],
    { cwd: FOLDER, env: { ...process.env, GRAPHILE_ENV: 'production' }, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  process.once('exit', () => child.kill('SIGKILL'));
  for (let waited = 0; ; waited += 250) {
    if (child.exitCode !== null) throw new Error(`the peer exited (${child.exitCode})`);
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
      throw new Error('the peer did not answer within 2 minutes');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`  peer: PostGraphile 5 at ${url}/graphql`);
  return { url, pid: child.pid, stop };
}
