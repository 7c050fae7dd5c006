import 'reflect-metadata';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from '@mikro-orm/knex';
import { MikroORM } from '@mikro-orm/postgresql';
import { DATABASE_NAME } from '../src/app/bootstrap';
import {
  findFreePort,
  startEmbeddedPostgres,
  type RunningDatabase,
} from '../src/platform/db/database';
import { ormConfig } from '../src/app/orm.config';
import { startEmbeddedReplica } from '../src/platform/db/replication';
import { startServerProcess, type ServerProcess } from './server-process';

export interface TopologyOptions {
  /** Where the primary's and the replicas' data directories go. */
  readonly dir: string;
  readonly replicas?: number;
  /** API processes, each on the primary and every replica. */
  readonly processes: number;
  /** Fills the primary before the API processes start (they are started with LOAD_DEMO=false). */
  readonly seed?: (knex: Knex) => Promise<void>;
  /** Settings for every API process (JWT_SECRET at least). */
  readonly env: Record<string, string>;
  /** A port per API process (0: any free one). */
  readonly ports?: readonly number[];
  /** Throw-away data: no fsync (tests). */
  readonly fast?: boolean;
  readonly built?: boolean;
  readonly log?: (line: string) => void;
  readonly onServerLine?: (process: number, line: string) => void;
}

/**
 * One primary, streaming replicas made from it, and API processes over them, all on this
 * machine with the embedded PostgreSQL binaries: what `npm run cluster`, the cluster test and
 * the bench's `--processes` run. Each database can be stopped and started again.
 */
export class Topology {
  private constructor(
    private readonly options: TopologyOptions,
    private readonly ports: { primary: number; replicas: number[] },
    public primary: RunningDatabase,
    public replicas: (RunningDatabase | null)[],
    public apis: ServerProcess[],
  ) {}

  static async start(options: TopologyOptions): Promise<Topology> {
    await mkdir(options.dir, { recursive: true });
    await chmod(options.dir, 0o755); // the databases run as the postgres user when we are root
    const ports = {
      primary: await findFreePort(),
      replicas: await Promise.all(
        Array.from({ length: options.replicas ?? 1 }, () => findFreePort()),
      ),
    };
    const log = options.log;
    const primary = await startEmbeddedPostgres({
      dataDir: path.join(options.dir, 'primary'),
      port: ports.primary,
      database: DATABASE_NAME,
      fast: options.fast,
      log,
    });
    const orm = await MikroORM.init(ormConfig(primary.url));
    try {
      await orm.getMigrator().up();
      await options.seed?.(orm.em.getKnex());
    } finally {
      await orm.close(true);
    }
    const topology = new Topology(options, ports, primary, [], []);
    for (let i = 0; i < ports.replicas.length; i++)
      topology.replicas.push(await topology.startReplicaDatabase(i));
    for (let i = 0; i < options.processes; i++) await topology.startApi(i);
    return topology;
  }

  get replicaUrls(): string[] {
    return this.ports.replicas.map((port) =>
      this.primary.url.replace(/:(\d+)\/([^/]+)$/, `:${port}/$2`),
    );
  }

  /** Starts API process `i` again (after `stopApi`), on the same port if it had a fixed one. */
  async startApi(i: number): Promise<ServerProcess> {
    const api = await startServerProcess({
      env: {
        ...this.options.env,
        DATABASE_URL: this.primary.url,
        DATABASE_REPLICA_URLS: this.replicaUrls.join(','),
        LOAD_DEMO: 'false',
        PORT: String(this.options.ports?.[i] ?? 0),
      },
      built: this.options.built,
      onLine: this.options.onServerLine && ((line) => this.options.onServerLine!(i, line)),
    });
    this.apis[i] = api;
    return api;
  }

  async stopReplica(i: number): Promise<void> {
    await this.replicas[i]?.stop();
    this.replicas[i] = null;
  }

  async startReplica(i: number): Promise<void> {
    this.replicas[i] = await this.startReplicaDatabase(i);
  }

  async stopPrimary(): Promise<void> {
    await this.primary.stop();
  }

  async startPrimary(): Promise<void> {
    this.primary = await startEmbeddedPostgres({
      dataDir: path.join(this.options.dir, 'primary'),
      port: this.ports.primary,
      database: DATABASE_NAME,
      fast: this.options.fast,
      log: this.options.log,
    });
  }

  /** Stops the API processes, then the replicas, then the primary. */
  async stop(): Promise<void> {
    await Promise.all(this.apis.map((api) => api.stop()));
    for (let i = 0; i < this.replicas.length; i++) await this.stopReplica(i);
    await this.primary.stop();
  }

  private startReplicaDatabase(i: number): Promise<RunningDatabase> {
    return startEmbeddedReplica({
      primary: { dataDir: path.join(this.options.dir, 'primary'), port: this.ports.primary },
      dataDir: path.join(this.options.dir, `replica-${i + 1}`),
      port: this.ports.replicas[i],
      database: DATABASE_NAME,
      slot: `replica_${i + 1}`,
      fast: this.options.fast,
      log: this.options.log,
    });
  }
}
