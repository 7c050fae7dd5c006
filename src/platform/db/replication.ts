import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readdir, readFile, writeFile, appendFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import {
  postgresAccount,
  startEmbeddedPostgres,
  USER,
  type EmbeddedOptions,
  type RunningDatabase,
} from './database';

export interface ReplicaOptions extends EmbeddedOptions {
  /** The embedded primary this replica streams from. */
  readonly primary: { readonly dataDir: string; readonly port: number };
  /** Its replication slot on the primary (letters, digits, `_`), which keeps the WAL it needs. */
  readonly slot: string;
}

/** What a base backup leaves out: the contents of these directories (they must exist)… */
const EMPTIED = new Set([
  'pg_wal',
  'pg_dynshmem',
  'pg_notify',
  'pg_replslot',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
/** …and these files, wherever they are. */
const LEFT_OUT = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'pg_internal.init',
  'backup_label',
  'tablespace_map',
  'standby.signal',
  'recovery.signal',
]);

/**
 * Starts a streaming replica of an embedded primary, making it on first use with the binaries
 * the project ships (no `pg_basebackup`): a replication slot on the primary, then a base backup
 * by hand (`pg_backup_start`, a copy of the data directory, `pg_backup_stop` and its backup
 * label), then `standby.signal` and `primary_conninfo`. Later starts reuse the copy, which
 * catches up from the slot. The replica serves reads (hot standby) and refuses writes.
 */
export async function startEmbeddedReplica(options: ReplicaOptions): Promise<RunningDatabase> {
  if (!/^[a-z0-9_]{1,63}$/.test(options.slot))
    throw new Error(
      `A replication slot name is lower-case letters, digits and _, got "${options.slot}"`,
    );
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await baseBackup(options);
  return startEmbeddedPostgres(options);
}

async function baseBackup(options: ReplicaOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const password = (await readFile(`${options.primary.dataDir}.password`, 'utf8')).trim();
  const client = new Client({
    host: '127.0.0.1',
    port: options.primary.port,
    user: USER,
    password,
    database: 'postgres',
  });
  await client.connect();
  try {
    const slot = await client.query('select 1 from pg_replication_slots where slot_name = $1', [
      options.slot,
    ]);
    // Reserved now: the WAL from the backup's start is kept until the replica has streamed it.
    if (slot.rowCount === 0)
      await client.query('select pg_create_physical_replication_slot($1, true)', [options.slot]);
    log(`Base backup of ${options.primary.dataDir} into ${options.dataDir}…`);
    await client.query('select pg_backup_start($1, true)', [`replica ${options.slot}`]);
    let label: { labelfile: string; spcmapfile: string | null };
    try {
      await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
      await copyDirectory(options.primary.dataDir, options.dataDir, '');
    } finally {
      const stopped = await client.query<{ labelfile: string; spcmapfile: string | null }>(
        'select labelfile, spcmapfile from pg_backup_stop(false)',
      );
      label = stopped.rows[0];
    }
    await writeFile(path.join(options.dataDir, 'backup_label'), label.labelfile);
    if (label.spcmapfile)
      await writeFile(path.join(options.dataDir, 'tablespace_map'), label.spcmapfile);
  } finally {
    await client.end();
  }
  for (const dir of ['pg_wal/archive_status', 'pg_wal/summaries'])
    await mkdir(path.join(options.dataDir, dir), { recursive: true, mode: 0o700 });
  await writeFile(path.join(options.dataDir, 'standby.signal'), '');
  const conninfo = `host=127.0.0.1 port=${options.primary.port} user=${USER} password=${password} application_name=${options.slot}`;
  await appendFile(
    path.join(options.dataDir, 'postgresql.auto.conf'),
    `\n# A streaming replica (made by competency-graph)\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${options.slot}'\nhot_standby = on\n`,
  );
  await writeFile(`${options.dataDir}.password`, password, { mode: 0o600 });
  const account = postgresAccount();
  if (account.uid !== undefined)
    execFileSync('chown', ['-R', `${account.uid}:${account.gid}`, options.dataDir]);
  await chmod(options.dataDir, 0o700);
}

/** Copies a live data directory as a base backup does; files that vanish meanwhile are skipped. */
async function copyDirectory(from: string, to: string, relative: string): Promise<void> {
  for (const entry of await readdir(path.join(from, relative), { withFileTypes: true })) {
    const name = path.join(relative, entry.name);
    if (LEFT_OUT.has(entry.name)) continue;
    if (entry.isDirectory()) {
      await mkdir(path.join(to, name), { recursive: true, mode: 0o700 });
      if (!EMPTIED.has(name)) await copyDirectory(from, to, name);
    } else if (entry.isFile()) {
      await copyFile(path.join(from, name), path.join(to, name)).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      });
    }
  }
}
