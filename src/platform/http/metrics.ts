import type { Knex } from '@mikro-orm/knex';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { poolUse, type ReadRouting } from '../db/read-routing';

const PREFIX = 'competency_graph_';
/** Operation names are the caller's words: past this many distinct ones, they count as `other`. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * What the metrics show of the ranking index: live figures, read at each scrape. The index is
 * the engine's, a floor above this one: the assembly (src/app) hands its figures in
 * (`ServerOptions.rankingFigures`).
 */
export interface RankingIndexFigures {
  /** Employees in the index (0 until its first load). */
  readonly employees: number;
  /** Bytes of the columns at the last full load (0: none yet). */
  readonly bytes: number;
  /** How long the last full load took, in milliseconds (0: none yet). */
  readonly loadMilliseconds: number;
  /** Since when rankings answer without catching up, the primary not answering (null: exact). */
  readonly staleSince: number | null;
  /** When the index last caught up with the change log (ms since the epoch; 0: never). */
  readonly caughtUpAt: number;
}

/**
 * What an operator sees of one server process, in Prometheus text at `/metrics`: requests by
 * operation, errors by code, cost spent and refused, the ranking index, the connection pools
 * and the replicas, beside Node's own process metrics. One registry per server, so two servers
 * in one process (tests) do not mix.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();
  private readonly duration: Histogram<'operation' | 'type' | 'database'>;
  private readonly errors: Counter<'code'>;
  private readonly costSpent: Counter;
  private readonly refused: Counter<'reason'>;
  private readonly http: Counter<'route' | 'status'>;
  private readonly retries: Counter<'replica'>;

  constructor(
    primary: Knex,
    routing: ReadRouting | undefined,
    /** The ranking index's figures, of the primary's pool (none: no ranking gauges). */
    rankingFigures?: (primary: Knex) => RankingIndexFigures,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
    const registers = [this.registry];
    this.duration = new Histogram({
      name: `${PREFIX}graphql_request_duration_seconds`,
      help: 'GraphQL requests by operation name, operation type and the database that served the reads.',
      labelNames: ['operation', 'type', 'database'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.errors = new Counter({
      name: `${PREFIX}graphql_errors_total`,
      help: 'Errors in GraphQL answers, by code.',
      labelNames: ['code'],
      registers,
    });
    this.costSpent = new Counter({
      name: `${PREFIX}cost_spent_total`,
      help: 'Cost of the operations that ran (the unit of the per-minute budget).',
      registers,
    });
    this.refused = new Counter({
      name: `${PREFIX}requests_refused_total`,
      help: 'Operations refused before running: too complex, or over the caller’s budget.',
      labelNames: ['reason'],
      registers,
    });
    this.http = new Counter({
      name: `${PREFIX}http_requests_total`,
      help: 'HTTP requests by route and status.',
      labelNames: ['route', 'status'],
      registers,
    });
    this.retries = new Counter({
      name: `${PREFIX}replica_retries_total`,
      help: 'Read requests answered again elsewhere because their replica failed or lagged.',
      labelNames: ['replica'],
      registers,
    });
    if (rankingFigures) rankingGauges(rankingFigures(primary), registers);
    new Gauge({
      name: `${PREFIX}db_pool_connections`,
      help: 'Database connections per pool, by state (used, free, pending acquisitions).',
      labelNames: ['database', 'state'],
      registers,
      collect() {
        this.reset();
        const pools = routing?.pools() ?? [{ database: 'primary', ...poolUse(primary) }];
        for (const pool of pools) {
          this.set({ database: pool.database, state: 'used' }, pool.used);
          this.set({ database: pool.database, state: 'free' }, pool.free);
          this.set({ database: pool.database, state: 'pending' }, pool.pending);
        }
      },
    });
    if (routing) {
      new Gauge({
        name: `${PREFIX}primary_up`,
        help: '1 while the primary answers its checks.',
        registers,
        collect() {
          this.set(routing.primaryUp ? 1 : 0);
        },
      });
      new Gauge({
        name: `${PREFIX}replica_in_rotation`,
        help: '1 while a replica serves reads (answers, is a standby, is not too far behind).',
        labelNames: ['replica'],
        registers,
        collect() {
          this.reset();
          for (const r of routing.replicaStates())
            this.set({ replica: r.name }, r.inRotation ? 1 : 0);
        },
      });
      new Gauge({
        name: `${PREFIX}replica_lag_seconds`,
        help: 'How far behind the primary each replica was at its last check (-1: unknown).',
        labelNames: ['replica'],
        registers,
        collect() {
          this.reset();
          for (const r of routing.replicaStates())
            this.set({ replica: r.name }, r.lagMs === null ? -1 : r.lagMs / 1000);
        },
      });
    }
  }

  /** One GraphQL request done: how long, under which operation, where it read. */
  observeOperation(
    name: string | null,
    type: string,
    database: string,
    seconds: number,
    errorCodes: readonly string[],
  ): void {
    this.duration.observe({ operation: this.label(name), type, database }, seconds);
    for (const code of errorCodes) this.errors.inc({ code });
  }

  spent(cost: number): void {
    this.costSpent.inc(cost);
  }

  refusal(reason: 'too_complex' | 'rate_limited'): void {
    this.refused.inc({ reason });
  }

  httpRequest(route: string, status: number): void {
    this.http.inc({ route, status: String(status) });
  }

  retried(replica: string): void {
    this.retries.inc({ replica });
  }

  /** A name as a label: as written while few are seen and it looks like a GraphQL name. */
  private label(name: string | null): string {
    if (!name) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(name);
    return name;
  }
}

/** The ranking index's gauges, each reading its figure when scraped. */
function rankingGauges(index: RankingIndexFigures, registers: Registry[]): void {
  new Gauge({
    name: `${PREFIX}ranking_index_employees`,
    help: 'Employees in the ranking index.',
    registers,
    collect() {
      this.set(index.employees);
    },
  });
  new Gauge({
    name: `${PREFIX}ranking_index_bytes`,
    help: 'Bytes of the ranking index’s columns at its last full load.',
    registers,
    collect() {
      this.set(index.bytes);
    },
  });
  new Gauge({
    name: `${PREFIX}ranking_index_load_seconds`,
    help: 'How long the last full load of the ranking index took.',
    registers,
    collect() {
      this.set(index.loadMilliseconds / 1000);
    },
  });
  new Gauge({
    name: `${PREFIX}ranking_index_lag_seconds`,
    help: 'How old the rankings answered now are: 0 while the index catches up with the change log before each ranking; the time since the last catch-up while the primary does not answer.',
    registers,
    collect() {
      const since = index.staleSince;
      this.set(since === null ? 0 : (Date.now() - since) / 1000);
    },
  });
  new Gauge({
    name: `${PREFIX}ranking_index_caught_up_timestamp_seconds`,
    help: 'When the ranking index last caught up with the change log (Unix time; 0: never).',
    registers,
    collect() {
      this.set(index.caughtUpAt / 1000);
    },
  });
}
