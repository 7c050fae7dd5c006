import { HeaderMap } from '@apollo/server';
import type { Knex } from '@mikro-orm/knex';
import { AppError, ErrorCode } from '../../shared/errors';

/** A budget lasts one minute of the clock (12:00:00–12:00:59.999), the same in every process. */
const WINDOW_MS = 60_000;

/** What is left of a caller's budget after a spending (as `extensions.cost.budget` shows it). */
export interface BudgetState {
  readonly perMinute: number;
  readonly remaining: number;
  readonly resetsInSeconds: number;
}

/** A spending refused: nothing runs, and the caller may try again after `retryAfterSeconds`. */
export class BudgetRefusal {
  constructor(
    readonly cost: number,
    readonly perMinute: number,
    readonly retryAfterSeconds: number,
  ) {}

  /**
   * The RATE_LIMITED error of the refusal; the HTTP layer answers it with status 429 and
   * `Retry-After: retryAfterSeconds`.
   */
  toError(): AppError {
    return new AppError(
      ErrorCode.RATE_LIMITED,
      `This operation costs ${this.cost}, more than is left of your budget of ${this.perMinute} a minute; try again in ${this.retryAfterSeconds} s.`,
      {
        retryAfterSeconds: this.retryAfterSeconds,
        http: {
          status: 429,
          headers: new HeaderMap([['retry-after', String(this.retryAfterSeconds)]]),
        },
      },
    );
  }
}

export interface CostBudgetOptions {
  /** What each caller may spend a minute, over all processes. */
  readonly perMinute: number;
  /** How often this process's spending is added to the shared totals (default 1 s). */
  readonly reconcileMs?: number;
  /** The clock (ms since the epoch); tests pass their own. */
  readonly now?: () => number;
  /** Told once when the totals cannot be reached (the primary away), not again until they can. */
  readonly onError?: (error: unknown) => void;
  /** How long `stop` waits for the last spending to reach the database (default 2 s). */
  readonly stopWaitMs?: number;
}

/** One caller's spending this minute, as this process knows it. */
interface Account {
  /** The shared total as last read (every process's spending, this one's included). */
  shared: number;
  /** This process's spending on its way to the database. */
  sending: number;
  /** This process's spending not yet sent. */
  pending: number;
}

/**
 * Adds each process's spending to the shared totals of the minute and reads the totals back,
 * in one statement for every caller: spending is pushed (`pushed`, a JSON list of callers and
 * amounts), the totals of the other callers this process follows are pulled (`pulled`), and
 * once a minute the rows of minutes before the last are deleted.
 */
const EXCHANGE = `with pruned as (
    delete from cost_budget where :prune and window_start < :window::timestamptz - interval '1 minute'
  ), pushed as (
    insert into cost_budget (window_start, caller, spent)
      select :window::timestamptz, p.caller, p.spent
        from jsonb_to_recordset(:pushed::jsonb) as p(caller text, spent bigint) order by p.caller
      on conflict (window_start, caller) do update set spent = cost_budget.spent + excluded.spent
      returning caller, spent
  )
  select caller, spent::text as spent from pushed
  union all
  select caller, spent::text as spent from cost_budget
   where window_start = :window::timestamptz
     and caller in (select jsonb_array_elements_text(:pulled::jsonb))`;

/**
 * Each caller's cost budget for the minute, shared by every API process through the primary
 * without a database round trip on a request: a process spends against its own view of the
 * caller's shared total, and about once a second (`reconcile`) adds what it spent to the
 * total in the database and reads back the totals of the callers it serves.
 *
 * Between two reconciles a process does not hear of the others' spending, so a caller can go
 * past the budget by at most what the other processes let it spend in that second (each of
 * them never past the budget by its own view). A caller new to a process starts from nothing
 * there until the next reconcile. With the database away, each process keeps counting alone
 * from the last totals it read, and sends what it spent when the database answers again.
 */
export class CostBudget {
  private readonly accounts = new Map<string, Account>();
  /** The minute the accounts are for (minutes since the epoch). */
  private window = -1;
  /** The minute whose first reconcile deleted the older rows. */
  private prunedWindow = -1;
  private running: Promise<void> | undefined;
  private failing = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly perMinute: number;
  private readonly now: () => number;

  constructor(
    private readonly knex: Knex,
    private readonly options: CostBudgetOptions,
  ) {
    this.perMinute = options.perMinute;
    this.now = options.now ?? Date.now;
    this.timer = setInterval(() => void this.reconcile(), options.reconcileMs ?? 1_000);
    this.timer.unref();
  }

  /**
   * Takes `cost` from the caller's budget for the minute, or refuses when it would go past
   * what is left (a refused spending takes nothing). Never waits for the database.
   */
  spend(caller: string, cost: number): BudgetState | BudgetRefusal {
    const now = this.now();
    this.roll(now);
    const account = this.accounts.get(caller);
    const used = account ? account.shared + account.sending + account.pending : 0;
    const secondsLeft = Math.ceil(((this.window + 1) * WINDOW_MS - now) / 1000);
    if (cost > this.perMinute - used)
      return new BudgetRefusal(cost, this.perMinute, Math.max(1, secondsLeft));
    if (account) account.pending += cost;
    else this.accounts.set(caller, { shared: 0, sending: 0, pending: cost });
    return {
      perMinute: this.perMinute,
      remaining: this.perMinute - used - cost,
      resetsInSeconds: secondsLeft,
    };
  }

  /**
   * Sends this process's spending and reads the shared totals back (what the timer does);
   * never fails: with the database away the spending waits for the next time.
   */
  reconcile(): Promise<void> {
    this.running ??= this.exchange().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops the timer and sends the last spending (waiting `stopWaitMs` at most). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    const flush = (async () => {
      await this.running;
      await this.reconcile();
    })();
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      flush,
      new Promise<void>((resolve) => {
        timeout = setTimeout(resolve, this.options.stopWaitMs ?? 2_000);
        timeout.unref();
      }),
    ]);
    clearTimeout(timeout);
  }

  /** A new minute: every budget starts again (spending of the minute gone is not sent). */
  private roll(now: number): void {
    const window = Math.floor(now / WINDOW_MS);
    if (window === this.window) return;
    this.window = window;
    this.accounts.clear();
  }

  private async exchange(): Promise<void> {
    this.roll(this.now());
    if (this.accounts.size === 0) return;
    const window = this.window;
    const accounts = this.accounts;
    const pushed: { caller: string; spent: number }[] = [];
    const pulled: string[] = [];
    for (const [caller, account] of accounts) {
      if (account.pending > 0) {
        account.sending = account.pending;
        account.pending = 0;
        pushed.push({ caller, spent: account.sending });
      } else {
        pulled.push(caller);
      }
    }
    const prune = this.prunedWindow !== window;
    let rows: { caller: string; spent: string }[];
    try {
      ({ rows } = await this.knex.raw<{ rows: { caller: string; spent: string }[] }>(EXCHANGE, {
        prune,
        window: new Date(window * WINDOW_MS).toISOString(),
        pushed: JSON.stringify(pushed),
        pulled: JSON.stringify(pulled),
      }));
    } catch (error) {
      // Not sent: counted again with the next spending (unless the minute is over).
      for (const { caller } of pushed) {
        const account = accounts.get(caller);
        if (!account) continue;
        account.pending += account.sending;
        account.sending = 0;
      }
      if (!this.failing) this.options.onError?.(error);
      this.failing = true;
      return;
    }
    this.failing = false;
    if (prune) this.prunedWindow = window;
    // The minute gone meanwhile: its totals no longer matter.
    if (this.window !== window) return;
    for (const { caller } of pushed) {
      const account = accounts.get(caller)!;
      account.shared += account.sending;
      account.sending = 0;
    }
    for (const row of rows) {
      const account = accounts.get(row.caller);
      // Never below what this process knows was spent (the table starts empty after a crash).
      if (account) account.shared = Math.max(account.shared, Number(row.spent));
    }
  }
}
