import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverOptions } from '../../src/app/bootstrap';
import { loadConfig } from '../../src/platform/config/config';
import {
  findFreePort,
  startEmbeddedPostgres,
  type RunningDatabase,
} from '../../src/platform/db/database';
import { ormConfig } from '../../src/app/orm.config';
import { importDataset } from '../../src/modules/dataset/dataset.service';
import { generateDemoDataset } from '../../src/demo/demo.generate';
import { createServer, type AppServer } from '../../src/app/server';
import { DEMO_TODAY } from '../support/constants';
import { TEST_SECRET, tokenFor } from '../support/harness';

/**
 * Failure behaviour on a PostgreSQL of this file's own, which it stops and starts again: the
 * API answers SERVICE_UNAVAILABLE while the database is away and recovers by itself; stopping
 * the server lets the requests in flight finish.
 */
const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_SECRET });
const ADMIN = tokenFor('ADMIN');
let dir: string;
let port: number;
let database: RunningDatabase;
let orm: MikroORM;

const start = () =>
  startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port,
    database: 'outage',
    fast: true,
  });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cg-outage-'));
  await chmod(dir, 0o755); // the cluster runs as the postgres user when we are root
  port = await findFreePort();
  database = await start();
  orm = await MikroORM.init(ormConfig(database.url));
  await orm.getMigrator().up();
}, 120_000);

afterAll(async () => {
  await orm?.close(true);
  await database?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function serve(): Promise<{ server: AppServer; url: string }> {
  const server = await createServer(orm, {
    ...serverOptions(config, { secret: TEST_SECRET }),
    log: () => undefined,
  });
  await new Promise<void>((resolve) => server.http.listen(0, '127.0.0.1', resolve));
  const address = server.http.address() as { port: number };
  return { server, url: `http://127.0.0.1:${address.port}` };
}

const ask = (url: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query: '{ agencies { totalCount } }' }),
  }).then(async (r) => ({
    status: r.status,
    ...((await r.json()) as {
      data?: unknown;
      errors?: { message: string; extensions: { code: string } }[];
    }),
  }));

/** Holds a lock the query above needs, so a request waits in the database until released. */
async function blockAgencies(): Promise<{
  release(): Promise<void>;
  waiting(): Promise<number>;
  terminateWaiting(): Promise<void>;
}> {
  const blocker = new Client({ connectionString: database.url });
  blocker.on('error', () => undefined); // it dies with the server in the outage test
  await blocker.connect();
  await blocker.query('begin');
  await blocker.query('lock table agency in access exclusive mode');
  return {
    async release() {
      await blocker.query('rollback').catch(() => undefined);
      await blocker.end().catch(() => undefined);
    },
    async waiting() {
      const { rows } = await blocker.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = 'outage'`,
      );
      return rows[0].n;
    },
    /** Kills the waiting backends while the lock is still held, so none can finish first. */
    async terminateWaiting() {
      await blocker.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where wait_event_type = 'Lock' and datname = 'outage'`,
      );
    },
  };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('when the database goes away', () => {
  it('answers a clear error mid-request and while down, then recovers by itself', async () => {
    const { server, url } = await serve();
    try {
      expect((await ask(url)).data).toEqual({ agencies: { totalCount: 0 } });

      const block = await blockAgencies();
      const inFlight = ask(url);
      await until(async () => (await block.waiting()) > 0, 'the request to wait on the lock');
      // The database goes away under the waiting request. Its own backend goes first: a
      // shutdown that ended the lock holder first would let it finish.
      await block.terminateWaiting();
      await database.stop();
      await block.release();

      const cut = await inFlight;
      expect(cut.errors?.map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(cut.errors?.[0].message).toBe('The database is unavailable; try again shortly.');

      const down = await ask(url);
      expect(down.errors?.map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(503);
      expect((await fetch(`${url}/health`)).status).toBe(200);

      database = await start();
      await until(async () => (await fetch(`${url}/ready`)).status === 200, 'readiness');
      const back = await ask(url);
      expect(back.errors).toBeUndefined();
      expect(back.data).toEqual({ agencies: { totalCount: 0 } });
    } finally {
      await server.stop();
    }
  }, 120_000);
});

describe('an import interrupted by the database going away', () => {
  it('leaves nothing half-written', async () => {
    const knex = orm.em.getKnex();
    let stopping: Promise<void> | undefined;
    const importing = importDataset(knex, generateDemoDataset({ today: DEMO_TODAY }), {
      today: DEMO_TODAY,
      audit: { actor: { role: 'SYSTEM', subject: 'test' }, action: 'import' },
      onProgress: (section, done) => {
        // Half-way through the employees, after agencies, units and positions were written.
        if (section === 'employees' && done >= 100) stopping ??= database.stop();
      },
    });
    await expect(importing).rejects.toThrow();
    await stopping;
    database = await start();
    await until(async () => (await orm.isConnected()) === true, 'the database to return');
    const counts = await knex.raw<{
      rows: { agencies: number; units: number; employees: number; events: number }[];
    }>(
      `select (select count(*)::int from agency) as agencies, (select count(*)::int from org_unit) as units,
              (select count(*)::int from employee) as employees, (select count(*)::int from audit_event) as events`,
    );
    expect(counts.rows[0]).toEqual({ agencies: 0, units: 0, employees: 0, events: 0 });
  }, 120_000);
});

describe('graceful shutdown', () => {
  it('finishes the requests in flight and refuses new connections', async () => {
    const { server, url } = await serve();
    const block = await blockAgencies();
    const inFlight = ask(url);
    await until(async () => (await block.waiting()) > 0, 'the request to wait on the lock');
    const stopped = server.stop();
    let stoppedYet = false;
    void stopped.then(() => (stoppedYet = true));
    // While draining: no new connections, the request in flight still runs.
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    expect(stoppedYet).toBe(false);
    await block.release();
    const finished = await inFlight;
    expect(finished.errors).toBeUndefined();
    expect(finished.data).toEqual({ agencies: { totalCount: 0 } });
    await stopped;
  }, 60_000);
});
