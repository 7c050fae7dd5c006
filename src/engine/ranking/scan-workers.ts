import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScoringPolicy } from '../../domain/fit.policy';
import type { PositionSpec } from '../../domain/fit.scoring';
import type { CandidateColumns } from './candidate-columns';
import { ratingYears, scanSlots, type ScanColumns } from './column-scan';
import { sharedArray } from './shared-arrays';

/**
 * The column scan of a position split over worker threads: the slots cut into one range per
 * thread, each range scanned by `scanSlots` into one shared array of keys. A slot's key depends
 * on its own facts alone, so the keys are those of one scan; the columns are on shared memory,
 * so a thread reads them where the main thread loaded them. While the threads scan, the main
 * thread goes on answering other requests.
 */

/**
 * Below this many employees a province is scanned on the main thread: handing the ranges over
 * and hearing back would cost more than the split saves. Measured on this 2-core machine
 * (shared, busy): a round trip to the threads takes 0.5 ms when both cores are free and 10–15 ms
 * (the median) when the threads wait for a core, against a scan of 0.11 ms (free) to 0.35 ms
 * (busy) per 1,000 employees on one thread, of which a split over two saves half; and the
 * bench's first rankings at 100,000, split, took a median 117 ms where one thread had taken 46
 * (not the same hour: take it as a warning, not a figure). So only a province well past that
 * splits, where a scan takes hundreds of milliseconds.
 */
const SMALLEST_SPLIT = 250_000;

/** One range to scan: what a worker is sent. */
export interface ScanRequest {
  readonly id: number;
  /** The columns the position reads (its result groups, courses and rating years only). */
  readonly columns: ScanColumns;
  readonly position: PositionSpec;
  readonly policy: ScoringPolicy;
  /** Slots barred by a disciplinary sentence, ascending. */
  readonly barred: Int32Array;
  readonly from: number;
  readonly to: number;
  /** The keys of every slot (shared): the worker writes its range. */
  readonly keys: Float64Array;
}

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** One worker thread and the ranges sent to it that it has not answered yet. */
class ScanThread {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  /** Set when the thread failed or stopped: a new one takes its place. */
  gone = false;

  constructor() {
    this.worker = newWorker();
    // An idle thread keeps no process alive; one at work does (`ref` in `send`).
    this.worker.unref();
    this.worker.on('message', ({ id, error }: { id: number; error?: string }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) this.worker.unref();
      if (error === undefined) waiting?.resolve();
      else waiting?.reject(new Error(error));
    });
    const fail = (error: Error) => {
      this.gone = true;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`a scan thread stopped (exit code ${code})`)));
  }

  send(request: ScanRequest): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage(request);
    });
  }
}

/**
 * The threads that scan columns, made on first use (or at `start`) and kept for the life of the
 * process; a thread that fails is replaced on the next scan.
 */
export class ScanWorkers {
  private threads: ScanThread[] = [];
  private nextId = 0;

  constructor(
    /** How many threads a scan is split over (default: the cores). */
    readonly count = Math.max(1, os.availableParallelism()),
    /** Provinces smaller than this are scanned on the main thread. */
    readonly smallest = SMALLEST_SPLIT,
  ) {}

  /** Whether a province of this many employees is split over the threads. */
  splits(size: number): boolean {
    return this.count > 1 && size >= this.smallest;
  }

  /**
   * Every slot's packed key for a position and policy (`barred`: the slots a disciplinary
   * sentence bars, ascending): on the threads, a range each, or on the main thread for a small
   * province.
   */
  async scan(
    columns: CandidateColumns,
    position: PositionSpec,
    policy: ScoringPolicy,
    barred: Int32Array,
  ): Promise<Float64Array> {
    const { size } = columns;
    if (!this.splits(size)) {
      const keys = new Float64Array(size);
      scanSlots(columns, position, policy, barred, 0, size, keys);
      return keys;
    }
    const keys = sharedArray(Float64Array, size);
    const read = readColumns(columns, position, policy);
    const threads = this.ready();
    const step = Math.ceil(size / threads.length);
    try {
      await Promise.all(
        threads.map((thread, i) =>
          thread.send({
            id: this.nextId++,
            columns: read,
            position,
            policy,
            barred,
            from: Math.min(size, i * step),
            to: Math.min(size, (i + 1) * step),
            keys,
          }),
        ),
      );
    } catch {
      // A thread that failed (stopped, out of memory) costs this ranking time, not its answer:
      // the main thread scans it all again (a key out of range fails here too, in its words).
      scanSlots(columns, position, policy, barred, 0, size, keys);
    }
    return keys;
  }

  /** Stops the threads (a later scan makes new ones). */
  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private ready(): ScanThread[] {
    this.threads = this.threads.filter((t) => !t.gone);
    while (this.threads.length < this.count) this.threads.push(new ScanThread());
    return this.threads;
  }
}

/** What a position's scan reads of the columns: the per-slot columns and its own groups. */
function readColumns(
  columns: CandidateColumns,
  position: PositionSpec,
  policy: ScoringPolicy,
): ScanColumns {
  const only = <T>(groups: ReadonlyMap<number, T>, keys: readonly number[]) =>
    new Map(keys.flatMap((key) => (groups.has(key) ? [[key, groups.get(key)!] as const] : [])));
  return {
    size: columns.size,
    ids: columns.ids,
    rank: columns.rank,
    education: columns.education,
    birth: columns.birth,
    appointed: columns.appointed,
    results: only(
      columns.results,
      position.requirements.map((r) => r.competencyId),
    ),
    courses: only(
      columns.courses,
      position.requiredCourses.map((c) => c.id),
    ),
    ratings: only(columns.ratings, ratingYears(position, policy.asOf)),
  };
}

/**
 * The worker, from its compiled file beside this one; under the tests (TypeScript, no build),
 * from its source through tsx's loader.
 */
function newWorker(): Worker {
  const file = path.join(__dirname, `scan-worker${path.extname(__filename)}`);
  return path.extname(file) === '.ts'
    ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true })
    : new Worker(file);
}

/** The threads of this process: one set, shared by every index. */
export const scanWorkers = new ScanWorkers();
