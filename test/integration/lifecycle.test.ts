import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../scripts/server-process';
import { findFreePort } from '../../src/platform/db/database';
import { TEST_SECRET, TEST_SELECTION_KEY, tokenFor } from '../support/harness';

/**
 * The server process with its embedded PostgreSQL, as an operator runs it: killed outright
 * it starts again without repair; stopped with SIGTERM it finishes what is in flight first.
 */
let dir: string;
let pgPort: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cg-life-'));
  await chmod(dir, 0o755); // the cluster runs as the postgres user when we are root
  pgPort = await findFreePort();
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Running = ServerProcess;

function startServer(): Promise<Running> {
  return startServerProcess({
    env: {
      DATABASE_URL: '',
      EMBEDDED_PG_DIR: path.join(dir, 'data'),
      EMBEDDED_PG_PORT: String(pgPort),
      JWT_SECRET: TEST_SECRET,
      SELECTION_KEY: TEST_SELECTION_KEY,
      LOAD_DEMO: 'false',
      // As operators run it: libraries act on signals differently under NODE_ENV=test.
      NODE_ENV: 'development',
      WRITE_WAIT_MS: '30000',
    },
  });
}

function postmasterPid(): number {
  return Number(readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const gql = async (url: string, query: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('ADMIN')}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
};

describe('the server with its embedded database', () => {
  it('starts again after SIGKILL, stopping the database the killed process left running', async () => {
    const first = await startServer();
    const postmaster = postmasterPid();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(postmaster)).toBe(true); // a kill gives no process a chance to clean up

    const second = await startServer();
    try {
      expect(second.output()).toContain('left running by an earlier process');
      expect(alive(postmaster)).toBe(false);
      // Ready once its candidate index has loaded (`loading` until then).
      await expect.poll(async () => (await fetch(`${second.url}/ready`)).status).toBe(200);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 180_000);

  it('finishes a write in flight when SIGTERM arrives, then stops the database', async () => {
    const server = await startServer();
    const password = readFileSync(path.join(dir, 'data.password'), 'utf8').trim();
    const holder = new Client({
      host: '127.0.0.1',
      port: pgPort,
      user: 'postgres',
      password,
      database: 'competency_graph',
    });
    // The server stops the database right after the write: this connection ends with it.
    holder.on('error', () => undefined);
    await holder.connect();
    let released = false;
    try {
      // An import under way: the write below waits for it.
      await holder.query('begin');
      await holder.query('select pg_advisory_xact_lock(7201001)');
      const write = gql(
        server.url,
        `mutation { createAgency(input: { code: "AG-DRAIN", name: "Ditulis saat berhenti", kind: PROVINCE }) {
           userErrors { code } agency { code } } }`,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(alive(postmasterPid())).toBe(true); // the database outlives the requests
      await holder.query('rollback');
      released = true;
      const answer = await write;
      expect(answer.errors).toBeUndefined();
      expect(answer.data.createAgency).toEqual({ userErrors: [], agency: { code: 'AG-DRAIN' } });
    } finally {
      if (!released) await holder.query('rollback').catch(() => undefined);
      await holder.end().catch(() => undefined);
    }
    expect(await server.exited).toBe(0);

    const again = await startServer();
    try {
      const stored = await gql(again.url, '{ agency(code: "AG-DRAIN") { name } }');
      expect(stored.data.agency).toEqual({ name: 'Ditulis saat berhenti' });
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 180_000);
});
