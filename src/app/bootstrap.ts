import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config';
import { startEmbeddedPostgres, type RunningDatabase } from '../config/database';
import { ormConfig } from '../config/orm.config';

export interface Database {
  readonly orm: MikroORM;
  readonly server: RunningDatabase;
  close(): Promise<void>;
}

export const DATABASE_NAME = 'competency_graph';

/** Connects to `DATABASE_URL`, or starts the embedded PostgreSQL, then applies migrations. */
export async function openDatabase(
  config: Config,
  log: (line: string) => void = () => undefined,
): Promise<Database> {
  const server: RunningDatabase = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => undefined }
    : await startEmbeddedPostgres({ ...config.embedded, database: DATABASE_NAME });
  if (!config.databaseUrl)
    log(
      `Embedded PostgreSQL running on port ${config.embedded.port} (data in ${config.embedded.dataDir})`,
    );
  const orm = await MikroORM.init(ormConfig(server.url));
  const applied = await orm.getMigrator().up();
  if (applied.length > 0) log(`Applied ${applied.length} migration(s)`);
  return {
    orm,
    server,
    async close() {
      await orm.close(true);
      await server.stop();
    },
  };
}
