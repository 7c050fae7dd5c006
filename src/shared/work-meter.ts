import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError, ErrorCode } from './errors';

/**
 * Slot-condition evaluations (one result of the ranking index read and tested) one request
 * may spend in the index's scans: about half a second of one core at ~10 ns each, thirty
 * passes over a competency everyone at a million employees is assessed in. The cost limit
 * keeps an operation's conditions few; this bounds what they do, however large the province.
 */
export const MAX_SCAN_WORK = 50_000_000;
/**
 * Evaluations a request does before it lets other callers have a turn (~0.6 ms of scan): a
 * scan of one chunk or less never waits, a longer one gives way between chunks.
 */
export const SCAN_CHUNK = 65_536;

/** The chunk and the limit every new meter takes (tests make the chunk small to see turns). */
export const scanSettings = { chunk: SCAN_CHUNK, limit: MAX_SCAN_WORK };

/** Turns given and scans stopped since the process started (for the metrics and the tests). */
export const scanStats = { turns: 0, stopped: 0 };

/**
 * One request's synchronous work in the index: counted against a limit, and cut into chunks
 * between which the event loop serves other callers (`/health`, other requests). Work that
 * fits in one chunk runs straight through.
 */
export class WorkMeter {
  /** Evaluations spent so far. */
  spent = 0;
  private sinceTurn = 0;

  constructor(
    readonly limit = scanSettings.limit,
    readonly chunk = scanSettings.chunk,
  ) {}

  /**
   * Counts `evaluations` about to be done; past the limit, stops the request with
   * QUERY_TIMEOUT saying what it was doing (`what`), before the work is done.
   */
  charge(evaluations: number, what: string): void {
    this.spent += evaluations;
    this.sinceTurn += evaluations;
    if (this.spent > this.limit) {
      scanStats.stopped++;
      throw new AppError(
        ErrorCode.QUERY_TIMEOUT,
        `The ${what} would read more than ${this.limit} index entries in this request and was stopped; ask for less (fewer skill conditions, a narrower scope).`,
        { scanLimit: this.limit },
      );
    }
  }

  /**
   * Called before the next piece of work: undefined while less than a chunk was done since the
   * last turn (the caller goes on at once); else a promise that resolves after the callbacks
   * waiting (other requests, `/health`) have run.
   */
  turn(): Promise<void> | undefined {
    if (this.sinceTurn < this.chunk) return undefined;
    this.sinceTurn = 0;
    scanStats.turns++;
    return nextTurn();
  }
}
