import type { Knex } from '@mikro-orm/knex';
import { perPool } from '../../platform/db/per-pool';

/** One employee whose facts changed (a record, an assessment, a training, a rating). */
export interface EmployeeChangeEvent {
  readonly employeeId: number;
  /** The agency the employee is in now (null: the employee is gone). */
  readonly agencyCode: string | null;
  readonly at: Date;
}

type Listener = (events: readonly EmployeeChangeEvent[]) => void;

/**
 * The change log (`employee_change`, written by triggers in the transaction of each change;
 * its rows for employee 0 say org units changed, and are not events)
 * as a feed for subscriptions: while anyone listens, it is read every `pollMs` on the primary,
 * and each change goes to every listener once. Each read remembers the snapshot it read in;
 * the next reads the rows of the transactions that snapshot did not see (those at or past its
 * `xmax`, and those still running then, its `xip`). So a late commit is not missed, and a
 * transaction left open for minutes does not make the changes after it come again with every
 * read. Nobody listening, nothing is read.
 */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  /** The snapshot of the last read (`pg_snapshot` as text): the rows it saw are delivered. */
  private seen: string | null = null;
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
      .raw<{ rows: { snapshot: string }[] }>('select pg_current_snapshot()::text as snapshot')
      .then(({ rows }) => {
        this.seen ??= rows[0].snapshot;
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
        this.seen = null;
        this.started = undefined;
      }
    };
  }

  private async read(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      // Not started yet: `listen` reads where the log stands first.
      if (this.seen === null) return;
      const { rows } = await this.knex.raw<{
        rows: {
          snapshot: string;
          changes: { id: number; agency: string | null; at: string }[] | null;
        }[];
      }>(
        `select pg_current_snapshot()::text as snapshot,
                (select json_agg(json_build_object('id', c.employee_id, 'agency', a.code, 'at', c.at)
                                 order by c.employee_id)
                   from (select employee_id, max(at) as at from employee_change
                          where (xid >= pg_snapshot_xmax(:seen::pg_snapshot)
                             or xid = any(array(select pg_snapshot_xip(:seen::pg_snapshot))))
                            and employee_id <> 0
                          group by employee_id) c
                   left join employee e on e.id = c.employee_id
                   left join org_unit u on u.id = e.org_unit_id
                   left join agency a on a.id = u.agency_id) as changes`,
        { seen: this.seen },
      );
      const [{ snapshot, changes }] = rows;
      // Everyone gone meanwhile: a new listener starts from its own snapshot.
      if (this.seen === null) return;
      this.seen = snapshot;
      if (!changes?.length) return;
      const events = changes.map((c) => ({
        employeeId: c.id,
        agencyCode: c.agency,
        at: new Date(c.at),
      }));
      for (const listener of this.listeners) listener(events);
    } catch {
      // The primary away: the next read tries again from the same snapshot.
    } finally {
      this.reading = false;
    }
  }
}

/** The feed of a database connection pool (one per process and database). */
export const changeFeed = perPool((knex) => new ChangeFeed(knex));

/**
 * The most employees one subscription event names (and resolves for its subscriber): a bulk
 * change of thousands is told as how many changed, with the first of them.
 */
export const MAX_EVENT_EMPLOYEES = 100;

/**
 * The events a listener wants, as an async iterable for a subscription: `each` makes a batch
 * of changes into a value (null: none of them concerns this listener). A value not yet taken
 * by the client is merged with the next (`merge`), so a slow client holds one value, never a
 * queue of them; the feed is left when the client goes.
 */
export async function subscriptionOf<T>(
  feed: ChangeFeed,
  each: (events: readonly EmployeeChangeEvent[]) => T | null,
  merge: (older: T, newer: T) => T,
  signal?: AbortSignal,
): Promise<AsyncIterableIterator<T>> {
  let pending: { value: T } | undefined;
  let wake: (() => void) | undefined;
  let done = false;
  const stop = await feed.listen((events) => {
    const value = each(events);
    if (value === null) return;
    pending = { value: pending ? merge(pending.value, value) : value };
    wake?.();
  });
  const iterator: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      while (!done && !pending) await new Promise<void>((resolve) => (wake = resolve));
      if (done || !pending) return { done: true, value: undefined };
      const { value } = pending;
      pending = undefined;
      return { done: false, value };
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
