import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import type { TokenKeys } from '../platform/auth/tokens';
import { OidcIssuer } from '../platform/auth/oidc';
import type { ServerOptions } from '../platform/http/server';
import type { Config } from '../platform/config/config';
import { startEmbeddedPostgres, type RunningDatabase } from '../platform/db/database';
import { ormConfig } from './orm.config';
import { defaultConsoleDir } from '../platform/http/console';
import { consoleManifest, TrustedDocuments } from '../platform/http/trusted-documents';
import { ReadRouting } from '../platform/db/read-routing';

export interface Database {
  readonly orm: MikroORM;
  readonly server: RunningDatabase;
  /** Reads on replicas, when `DATABASE_REPLICA_URLS` names any. */
  readonly routing: ReadRouting | undefined;
  close(): Promise<void>;
}

export const DATABASE_NAME = 'competency_graph';

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL, then applies migrations; with
 * `DATABASE_REPLICA_URLS`, connects to the replicas too and starts checking them.
 */
export async function openDatabase(
  config: Config,
  log: (line: string) => void = () => undefined,
  logRouting?: ConstructorParameters<typeof ReadRouting>[2]['log'],
): Promise<Database> {
  const server: RunningDatabase = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => undefined }
    : await startEmbeddedPostgres({ ...config.embedded, database: DATABASE_NAME, log });
  if (!config.databaseUrl)
    log(
      `Embedded PostgreSQL running on port ${config.embedded.port} (data in ${config.embedded.dataDir})`,
    );
  const orm = await MikroORM.init(
    ormConfig(server.url, {
      // Every statement of the server is cut after this long (a slow query cannot hold a connection).
      driverOptions: { connection: { statement_timeout: config.limits.statementTimeoutMs } },
    }),
  );
  const applied = await migrateOnce(orm);
  if (applied > 0) log(`Applied ${applied} migration(s)`);
  const routing =
    config.replicaUrls.length > 0
      ? await ReadRouting.open(
          orm,
          config.replicaUrls,
          {
            ...config.replicas,
            statementTimeoutMs: config.limits.statementTimeoutMs,
            log: logRouting,
          },
          ormConfig,
        )
      : undefined;
  return {
    orm,
    server,
    routing,
    async close() {
      await routing?.close();
      await orm.close(true);
      await server.stop();
    },
  };
}

/** Key of the advisory lock that lets one process at a time apply migrations. */
const MIGRATION_LOCK = 7_342_019;

/**
 * Applies pending migrations, one process at a time: API processes started together (a rolling
 * deploy, `npm run cluster`) wait for each other, and the later ones find nothing to apply.
 */
async function migrateOnce(orm: MikroORM): Promise<number> {
  // The lock is held by a transaction of its own while the migrator works on its connections.
  return orm.em.getKnex().transaction(async (lock) => {
    await lock.raw('set local statement_timeout = 0'); // waiting for another process's migrations
    await lock.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    return (await orm.getMigrator().up()).length;
  });
}

/** The HTTP server's options from the configuration and the token keys in force. */
export function serverOptions(
  config: Config,
  keys: TokenKeys,
): Omit<ServerOptions, 'exampleNip' | 'explorerToken' | 'demoTokens'> {
  return {
    consoleDir: defaultConsoleDir(),
    // Without its own secret, a key derived from the token secret (RS256 alone: per process).
    cursorSecret: config.cursorSecret ?? keys.secret,
    exposeStatementCount: config.exposeStatementCount,
    keys,
    consoleSignIn: config.oidc?.clientId
      ? { issuer: config.oidc.issuer, clientId: config.oidc.clientId, claims: config.oidc.claims }
      : undefined,
    limits: config.limits,
    production: config.nodeEnv === 'production',
    metricsToken: config.metricsToken,
    corsOrigins: config.corsOrigins,
    trustedDocuments: {
      // The console's manifest is made by its build; without one, only the configured files.
      documents: new TrustedDocuments([
        ...(existsSync(consoleManifest()) ? [consoleManifest()] : []),
        ...config.trustedDocumentFiles,
      ]),
      only: config.trustedDocuments === 'only',
    },
  };
}

/**
 * The token keys of the configuration, with its identity provider; in demo mode without a key,
 * a random secret for this run (`JWT_SECRET` keeps demo tokens valid across restarts).
 */
export function tokenKeys(config: Config): TokenKeys {
  const oidc = config.oidc && new OidcIssuer(config.oidc);
  if (config.auth.secret || config.auth.publicKey || !config.demo) return { ...config.auth, oidc };
  return { secret: randomBytes(32).toString('base64url'), oidc };
}

/**
 * The key that seals committee selections: `SELECTION_KEY`; in demo mode without one, a random
 * key kept in `selection.key` beside the embedded database's folder (made on the first start,
 * readable by its owner only), so selections opened in a demo still verify after a restart.
 * Such a key lies next to the data it seals: it guards a demo, not a deployment.
 */
export function selectionKeyOf(
  config: Config,
  log: (line: string) => void = () => undefined,
): string {
  if (config.selectionKey) return config.selectionKey;
  if (!config.demo) throw new Error('No selection key: set SELECTION_KEY'); // requireSelectionKey says so first
  const file = path.join(path.dirname(config.embedded.dataDir), 'selection.key');
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: processes started together (`npm run cluster`) make one key, not one each.
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    log(`Demo mode: no SELECTION_KEY, so a random one seals selections; kept in ${file}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    log(`Demo mode: no SELECTION_KEY, so selections are sealed with the key kept in ${file}`);
  }
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < 32)
    throw new Error(`${file}: the demo selection key must be at least 32 characters`);
  return key;
}
