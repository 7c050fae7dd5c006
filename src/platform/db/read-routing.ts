import type { Knex } from '@mikro-orm/knex';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { formatLsn, parseLsn, type Lsn } from './lsn';

/** Where one request's reads go: the primary, or one replica by name. */
export interface ReadTarget {
  readonly name: string;
  readonly orm: MikroORM;
  readonly replica: boolean;
}

/** What the checks last saw of one replica, for routing, `/ready` and the metrics. */
export interface ReplicaState {
  readonly name: string;
  /** Answering, and still a standby. */
  readonly up: boolean;
  /** Serving reads: up, and no further behind than the limit. */
  readonly inRotation: boolean;
  /** The last WAL position replayed (null: never seen). */
  readonly replayed: Lsn | null;
  /** How far behind the primary it was at the last check, in milliseconds (null: unknown). */
  readonly lagMs: number | null;
  /** Why it is out of rotation. */
  readonly problem: string | null;
}

export interface ReadRoutingOptions {
  readonly maxLagMs: number;
  readonly checkMs: number;
  /** Every statement on a replica is cut after this long (ms). */
  readonly statementTimeoutMs: number;
  readonly log?: (level: 'info' | 'warn', message: string, fields?: object) => void;
}

/** How long a caller's own write decides where its reads go (after that any replica has it). */
const OWN_WRITE_WINDOW_MS = 60_000;
const OWN_WRITES_KEPT = 100_000;
/** How long a read waits for its replica to replay a position it must see (then: the primary). */
const CATCH_UP_WAIT_MS = 1_000;

/** A replica could not serve a read in time; the request is answered by the primary instead. */
export class ReplicaBehindError extends Error {
  constructor(readonly replica: string) {
    super(`The replica ${replica} did not replay the needed position in time.`);
  }
}

/**
 * Sends read-only requests to streaming replicas and everything else to the primary.
 *
 * Every `checkMs` the primary's WAL insert position and each replica's replayed position are
 * read. A replica is in rotation while it answers, is still a standby, and has replayed what the
 * primary had written `maxLagMs` ago; it leaves rotation at the first failed check (or failed
 * request) and comes back at the first good one. A caller's reads must see its own writes: each
 * write's position is kept per caller (and given back in `x-commit-lsn`, which a client may send
 * to any process as `x-min-lsn`), and a read goes only to a replica that has replayed it, else
 * to the primary. Without a primary, reads go on from any replica that answers.
 */
export class ReadRouting {
  private readonly states: Map<string, MutableState>;
  /** The primary's insert position over the last while: the clock replicas' lag is read from. */
  private readonly samples: { at: number; lsn: Lsn }[] = [];
  private readonly ownWrites = new Map<string, { lsn: Lsn; at: number }>();
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  /** Whether the primary answered its last check. */
  primaryUp = true;

  constructor(
    private readonly primary: MikroORM,
    private readonly replicas: readonly { name: string; orm: MikroORM }[],
    private readonly options: ReadRoutingOptions,
  ) {
    this.states = new Map(
      replicas.map((r) => [
        r.name,
        {
          name: r.name,
          up: false,
          inRotation: false,
          replayed: null,
          lagMs: null,
          problem: 'not checked yet',
        },
      ]),
    );
  }

  /**
   * Connects to each replica URL (without failing when one is down) and starts the checks;
   * `ormConfig` is the application's ORM settings for a URL.
   */
  static async open(
    primary: MikroORM,
    urls: readonly string[],
    options: ReadRoutingOptions,
    ormConfig: (url: string, overrides: Partial<Options>) => Options,
  ): Promise<ReadRouting> {
    const replicas = await Promise.all(
      urls.map(async (url, i) => ({
        name: replicaName(url, i),
        orm: await MikroORM.init(
          ormConfig(url, {
            ensureDatabase: false,
            driverOptions: {
              // A replica that hangs fails its requests in seconds (they then go elsewhere),
              // not after knex's default minute of waiting for a connection.
              acquireConnectionTimeout: 3_000,
              connection: {
                statement_timeout: options.statementTimeoutMs,
                connectionTimeoutMillis: 2_000,
              },
            },
          }),
        ),
      })),
    );
    const routing = new ReadRouting(primary, replicas, options);
    await routing.check();
    routing.start();
    return routing;
  }

  get hasReplicas(): boolean {
    return this.replicas.length > 0;
  }

  /** The primary, as a read target. */
  get primaryTarget(): ReadTarget {
    return { name: 'primary', orm: this.primary, replica: false };
  }

  /** What the checks last saw of each replica. */
  replicaStates(): readonly ReplicaState[] {
    return [...this.states.values()].map((s) => ({ ...s }));
  }

  /** Pool use of each database, for the metrics. */
  pools(): ({ database: string } & PoolUse)[] {
    return [{ name: 'primary', orm: this.primary }, ...this.replicas].map(({ name, orm }) => ({
      database: name,
      ...poolUse(orm.em.getKnex()),
    }));
  }

  /**
   * Where a read-only request goes: a replica in rotation that has replayed `mustSee` (round
   * robin), else the primary; with the primary away, any replica that answers.
   */
  forRead(mustSee: Lsn | null): ReadTarget {
    const fit = this.replicas.filter((r) => {
      const state = this.states.get(r.name)!;
      return (
        state.inRotation &&
        (mustSee === null || (state.replayed !== null && state.replayed >= mustSee))
      );
    });
    if (fit.length > 0) {
      const chosen = fit[this.next++ % fit.length];
      return { name: chosen.name, orm: chosen.orm, replica: true };
    }
    if (!this.primaryUp) {
      const answering = this.replicas.filter((r) => this.states.get(r.name)!.up);
      if (answering.length > 0) {
        const chosen = answering[this.next++ % answering.length];
        return { name: chosen.name, orm: chosen.orm, replica: true };
      }
    }
    return this.primaryTarget;
  }

  /** A request on this replica failed for want of the database: out of rotation until a good check. */
  markDown(name: string, problem: string): void {
    const state = this.states.get(name);
    if (!state || !state.inRotation) return;
    this.setState(state, { up: false, inRotation: false, problem });
  }

  /** The position a caller's reads must see: its own last write here, or what it says it wrote. */
  mustSee(caller: string | null, claimed: string | undefined): Lsn | null {
    const own = caller ? this.ownWrites.get(caller) : undefined;
    const fresh = own && Date.now() - own.at < OWN_WRITE_WINDOW_MS ? own.lsn : null;
    const said = parseLsn(claimed);
    if (fresh === null) return said;
    return said === null || fresh > said ? fresh : said;
  }

  /**
   * After a write: the primary's position now (at or past the write's commit), kept as what the
   * caller's next reads must see, and returned for `x-commit-lsn`.
   */
  async recordWrite(caller: string | null): Promise<string | null> {
    const { rows } = await this.primary.em
      .getKnex()
      .raw<{ rows: { lsn: string }[] }>('select pg_current_wal_insert_lsn()::text as lsn');
    const lsn = parseLsn(rows[0]?.lsn);
    if (lsn === null) return null;
    if (caller) {
      this.ownWrites.delete(caller);
      this.ownWrites.set(caller, { lsn, at: Date.now() });
      if (this.ownWrites.size > OWN_WRITES_KEPT)
        this.ownWrites.delete(this.ownWrites.keys().next().value!);
    }
    return formatLsn(lsn);
  }

  /**
   * Waits until the replica has replayed `lsn` (what the ranking index has read from the
   * primary), so rows the index names are there to read; gives up after a second.
   */
  async waitFor(target: ReadTarget, lsn: Lsn | null): Promise<void> {
    if (!target.replica || lsn === null) return;
    const state = this.states.get(target.name);
    if (state?.replayed != null && state.replayed >= lsn) return;
    const knex: Knex = target.orm.em.getKnex();
    const deadline = Date.now() + CATCH_UP_WAIT_MS;
    for (;;) {
      const { rows } = await knex.raw<{ rows: { lsn: string | null }[] }>(
        'select pg_last_wal_replay_lsn()::text as lsn',
      );
      const replayed = parseLsn(rows[0]?.lsn);
      if (replayed !== null && state && (state.replayed === null || replayed > state.replayed))
        state.replayed = replayed;
      if (replayed !== null && replayed >= lsn) return;
      if (Date.now() > deadline) throw new ReplicaBehindError(target.name);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Stops the checks and closes the replicas' connections (not the primary's). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await Promise.all(this.replicas.map((r) => r.orm.close(true)));
  }

  private start(): void {
    this.timer = setInterval(() => {
      this.checking ??= this.check().finally(() => (this.checking = undefined));
    }, this.options.checkMs);
    this.timer.unref();
  }

  /** One round of checks: the primary's position, then each replica's. */
  async check(): Promise<void> {
    const now = Date.now();
    try {
      const { rows } = await this.primary.em
        .getKnex()
        .raw<{ rows: { lsn: string }[] }>('select pg_current_wal_insert_lsn()::text as lsn');
      const lsn = parseLsn(rows[0]?.lsn);
      if (lsn !== null) this.samples.push({ at: now, lsn });
      if (!this.primaryUp) this.options.log?.('info', 'The primary answers again.');
      this.primaryUp = true;
    } catch (error) {
      if (this.primaryUp)
        this.options.log?.(
          'warn',
          'The primary does not answer: writes are refused, reads go to replicas.',
          {
            error: String(error),
          },
        );
      this.primaryUp = false;
    }
    const window = Math.max(this.options.maxLagMs * 2, 10 * this.options.checkMs);
    while (this.samples.length > 1 && now - this.samples[0].at > window) this.samples.shift();
    await Promise.all(this.replicas.map((r) => this.checkReplica(r.name, r.orm, now)));
  }

  private async checkReplica(name: string, orm: MikroORM, now: number): Promise<void> {
    const state = this.states.get(name)!;
    try {
      const { rows } = await orm.em
        .getKnex()
        .raw<{ rows: { standby: boolean; lsn: string | null }[] }>(
          'select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn',
        );
      const replayed = parseLsn(rows[0]?.lsn);
      if (!rows[0]?.standby) {
        this.setState(state, {
          up: true,
          inRotation: false,
          replayed,
          lagMs: null,
          problem: 'not a standby (promoted?)',
        });
        return;
      }
      const lagMs = this.lagOf(replayed, now);
      const behind = lagMs === null || lagMs > this.options.maxLagMs;
      this.setState(state, {
        up: true,
        inRotation: !behind,
        replayed,
        lagMs,
        problem: behind ? `more than ${this.options.maxLagMs} ms behind the primary` : null,
      });
    } catch (error) {
      this.setState(state, {
        up: false,
        inRotation: false,
        lagMs: null,
        problem: `does not answer: ${String(error)}`,
      });
    }
  }

  /**
   * How long ago the primary had written no more than the replica has replayed: 0 when it has
   * everything the primary last reported; null when it is behind all that is remembered.
   */
  private lagOf(replayed: Lsn | null, now: number): number | null {
    if (replayed === null) return null;
    const latest = this.samples.at(-1);
    // The primary away: nothing to measure against; what the replica has is what there is.
    if (!latest || !this.primaryUp) return 0;
    if (replayed >= latest.lsn) return 0;
    for (let i = this.samples.length - 1; i >= 0; i--) {
      if (this.samples[i].lsn <= replayed) return now - this.samples[i + 1].at;
    }
    return null;
  }

  private setState(state: MutableState, change: Partial<MutableState>): void {
    const wasIn = state.inRotation;
    Object.assign(state, change);
    if (wasIn && !state.inRotation)
      this.options.log?.('warn', `Replica ${state.name} out of rotation: ${state.problem}`, {
        replica: state.name,
      });
    else if (!wasIn && state.inRotation)
      this.options.log?.('info', `Replica ${state.name} in rotation`, { replica: state.name });
  }
}

type MutableState = { -readonly [K in keyof ReplicaState]: ReplicaState[K] };

export interface PoolUse {
  readonly used: number;
  readonly free: number;
  readonly pending: number;
}

/** How many connections of a pool are in use, idle, and waited for. */
export function poolUse(knex: Knex): PoolUse {
  const { pool } = knex.client as {
    pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number };
  };
  return {
    used: pool?.numUsed() ?? 0,
    free: pool?.numFree() ?? 0,
    pending: pool?.numPendingAcquires() ?? 0,
  };
}

/** A replica's name for logs and metrics: its host and port, never its password. */
function replicaName(url: string, index: number): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    return `replica-${index + 1}`;
  }
}
