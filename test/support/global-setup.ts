import 'reflect-metadata';
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import {
  findFreePort,
  startEmbeddedPostgres,
  type RunningDatabase,
} from '../../src/platform/db/database';
import { ormConfig } from '../../src/app/orm.config';
import { importDataset } from '../../src/modules/dataset/dataset.service';
import { generateDemoDataset } from '../../src/demo/demo.generate';
import { DEMO_TODAY, EMPTY_TEMPLATE, DEMO_TEMPLATE } from './constants';

/**
 * Once per run: a real PostgreSQL (embedded, or DATABASE_URL's server) with two template
 * databases, one migrated and empty, one with the demo province. Each test file clones one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: RunningDatabase;
  let dir: string | undefined;
  if (process.env.DATABASE_URL) {
    server = { url: process.env.DATABASE_URL, stop: async () => undefined };
  } else {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cg-test-'));
    await chmod(dir, 0o755); // the cluster runs as the postgres user when we are root
    server = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'data'),
      port: await findFreePort(),
      database: 'postgres',
      fast: true,
    });
  }
  const admin = new Client({ connectionString: server.url });
  try {
    await admin.connect();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const stopAll = async () => {
    await admin.end();
    await server.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
  const run = `${process.pid}`;
  const empty = `${EMPTY_TEMPLATE}_${run}`;
  const demo = `${DEMO_TEMPLATE}_${run}`;
  try {
    await buildTemplates(server.url, admin, empty, demo);
  } catch (error) {
    // Never leave a PostgreSQL behind when the set-up itself fails.
    await stopAll();
    throw error;
  }

  project.provide('databaseUrl', server.url);
  project.provide('templates', { empty, demo });
  return async () => {
    for (const name of [empty, demo]) {
      await admin.query(`drop database if exists "${name}" with (force)`);
    }
    await stopAll();
  };
}

async function buildTemplates(url: string, admin: Client, empty: string, demo: string) {
  for (const name of [empty, demo]) await admin.query(`drop database if exists "${name}"`);
  await admin.query(`create database "${empty}"`);
  const orm = await MikroORM.init(ormConfig(withDatabase(url, empty)));
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close(true);
  }
  await admin.query(`create database "${demo}" template "${empty}"`);
  const demoOrm = await MikroORM.init(ormConfig(withDatabase(url, demo)));
  try {
    const dataset = generateDemoDataset({ today: DEMO_TODAY });
    const report = await importDataset(demoOrm.em.getKnex(), dataset, {
      today: DEMO_TODAY,
      audit: { actor: { role: 'SYSTEM', subject: 'test-setup' }, action: 'loadDemo' },
    });
    if (!report.applied) {
      throw new Error(`Demo data did not import: ${JSON.stringify(report.issues.slice(0, 3))}`);
    }
  } finally {
    await demoOrm.close(true);
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    templates: { empty: string; demo: string };
  }
}
