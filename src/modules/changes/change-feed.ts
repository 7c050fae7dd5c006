import type { Knex } from '@mikro-orm/knex';
import { perPool } from '../../shared/per-pool';

/** One employee whose facts changed (a record, an assessment, a training, a rating). */
export interface EmployeeChangeEvent {
  readonly employeeId: number;
  /** The agency the employee is in now (null: the employee is gone). */
  readonly agencyCode: string | null;
  readonly at: Date;
}

type Listener = (events: readonly EmployeeChangeEvent[]) => void;

/**
 * The change log (`employee_change`, written by triggers in the transaction of each change)
 * as a feed for subscriptions: while anyone listens, it is read every `pollMs` on the primary,
 * by transaction id as the ranking index reads it (a late commit is not missed), and each new
 * change goes to every listener. Nobody listening, nothing is read.
 */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private horizon: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private reading = false;
  private started: Promise<void> | undefined;

  constructor(
    private readonly knex: Knex,
    private readonly pollMs = 500,
  ) {}

  get listening(): number {
    return this.listeners.size;
  }

  /**
   * Hears each batch of changes committed from now on, until the returned function is called;
   * resolves once the feed knows where "now" is in the log.
   */
  async listen(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => void this.read(), this.pollMs);
      this.timer.unref();
    }
    this.started ??= this.knex
      .raw<{ rows: { horizon: string }[] }>(
        'select pg_snapshot_xmin(pg_current_snapshot())::text as horizon',
      )
      .then(({ rows }) => {
        this.horizon ??= rows[0].horizon;
      });
    try {
      await this.started;
    } catch (error) {
      this.started = undefined;
      this.listeners.delete(listener);
      throw error;
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
        this.horizon = null;
        this.started = undefined;
      }
    };
  }

  private async read(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      // Not started yet: `listen` reads where the log stands first.
      if (this.horizon === null) return;
      const { rows } = await this.knex.raw<{
        rows: {
          horizon: string;
          changes: { id: number; agency: string | null; at: string }[] | null;
        }[];
      }>(
        `select pg_snapshot_xmin(pg_current_snapshot())::text as horizon,
                (select json_agg(json_build_object('id', c.employee_id, 'agency', a.code, 'at', c.at))
                   from (select employee_id, max(at) as at from employee_change
                          where xid >= ?::xid8 group by employee_id) c
                   left join employee e on e.id = c.employee_id
                   left join org_unit u on u.id = e.org_unit_id
                   left join agency a on a.id = u.agency_id) as changes`,
        [this.horizon],
      );
      const [{ horizon, changes }] = rows;
      this.horizon = horizon;
      if (!changes?.length) return;
      const events = changes.map((c) => ({
        employeeId: c.id,
        agencyCode: c.agency,
        at: new Date(c.at),
      }));
      for (const listener of this.listeners) listener(events);
    } catch {
      // The primary away: the next read tries again from the same horizon.
    } finally {
      this.reading = false;
    }
  }
}

/** The feed of a database connection pool (one per process and database). */
export const changeFeed = perPool((knex) => new ChangeFeed(knex));

/**
 * The events a listener wants, as an async iterable for a subscription: `accept` picks the
 * events; each batch becomes one value (`map`); the feed is left when the client goes.
 */
export async function subscriptionOf<T>(
  feed: ChangeFeed,
  each: (events: readonly EmployeeChangeEvent[]) => T | null,
  signal?: AbortSignal,
): Promise<AsyncIterableIterator<T>> {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const stop = await feed.listen((events) => {
    const value = each(events);
    if (value === null) return;
    // A slow client keeps the latest 100 batches.
    if (queue.length >= 100) queue.shift();
    queue.push(value);
    wake?.();
  });
  const iterator: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      if (done) return { done: true, value: undefined };
      return { done: false, value: queue.shift()! };
    },
    async return() {
      done = true;
      stop();
      wake?.();
      return { done: true, value: undefined };
    },
  };
  // The client gone: end the stream even while it waits for the next change.
  signal?.addEventListener('abort', () => void iterator.return?.(), { once: true });
  return iterator;
}
