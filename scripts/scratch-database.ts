import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  findFreePort,
  startEmbeddedPostgres,
  type RunningDatabase,
} from '../src/platform/db/database';

/** A throw-away embedded cluster for scripts that need an empty database. */
export async function startScratchDatabase(name: string): Promise<RunningDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `cg-${name}-`));
  await chmod(dir, 0o755); // the cluster runs as the postgres user when we are root
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await findFreePort(),
    database: name,
    fast: true,
  });
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
