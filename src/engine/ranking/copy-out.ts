import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { installedVersion, writtenFor } from '../../shared/library-version';

/**
 * Rows out of PostgreSQL by `COPY (query) TO STDOUT`, parsed as they stream, without a string,
 * a buffer or an object per row: each row is handed over in one reused array of numbers. Fit
 * for result sets of millions of rows of whole numbers (ids, levels, day numbers): every column
 * must be an integer or null (`NaN` here); a text column is refused.
 *
 * Two readers bring the bytes, with the same answers:
 * - `socket` (the fast path): straight off the connection's socket. The wire messages (one
 *   CopyData per row) are stepped over by their length and only their payload is parsed, so
 *   nothing is allocated per row. When the copy is done, or PostgreSQL reports an error, the
 *   socket is handed back to the driver, which reads the rest of the reply as usual. This
 *   swaps the driver's own 'data' listener, a private detail of pg (pg-copy-streams, by pg's
 *   author, does the same), so it runs only on the pg and pg-protocol it was written for.
 * - `stream`: pg-copy-streams' `copyTo`, pg's documented way out for COPY, which hands over
 *   the payloads in chunks (it allocates per row and per chunk).
 *
 * Measured on the ranking index load (`loadCandidateColumns`) on the bench province (100,000
 * employees, 1.9 M rows of which 1.47 M assessment results), 2 cores shared with other work,
 * 2026-12-07: 6 processes each way, alternated, 3 loads each. The first load (as at server
 * start) took a median 2.26 s with `socket` and 2.72 s with `stream` (process CPU 0.97 s and
 * 1.46 s); the later loads 1.59 s and 1.81 s. An earlier round of 6 each, busier: 3.07 s and
 * 4.90 s (CPU 0.96 s and 1.58 s). So `socket` is kept where it may run.
 */
export async function copyNumbers(
  connection: PoolClient,
  query: string,
  width: number,
  onRow: (row: Float64Array) => void,
  reader: CopyReader = DEFAULT_READER,
): Promise<number> {
  const rows = new NumberRows(width, onRow);
  const text = `copy (${query}) to stdout`;
  if (reader === 'socket') {
    const copy = new SocketCopy(text, rows);
    connection.query(copy as never);
    return copy.done;
  }
  const stream = connection.query(copyTo(text));
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => rows.parse(chunk, 0, chunk.length));
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  if (rows.failure) throw rows.failure;
  return rows.count;
}

export type CopyReader = 'socket' | 'stream';

/** The socket reader where pg is the version it was written for (checked once, at start-up). */
export const DEFAULT_READER: CopyReader = writtenFor(
  'copyNumbers reading COPY off the socket',
  // pg's connection hands its socket to pg-protocol, whose one 'data' listener is swapped.
  { pg: '8.23.1', 'pg-protocol': '1.16.1' },
  (name) => installedVersion(name, name === 'pg-protocol' ? 'pg' : undefined),
)
  ? 'socket'
  : 'stream';

/** COPY's text format read as whole numbers, chunk by chunk: the rows, their count, a failure. */
class NumberRows {
  /** The first error: thrown while parsing or by `onRow` (or met by the reader). */
  failure: Error | null = null;
  count = 0;
  private readonly row: Float64Array;
  private field = 0;
  private value = 0;
  private negative = false;
  private isNull = false;

  constructor(
    private readonly width: number,
    private readonly onRow: (row: Float64Array) => void,
  ) {
    this.row = new Float64Array(width);
  }

  /** The row bytes `[from, to)` of a chunk: digits, '-', '\N', tabs, newlines. */
  parse(chunk: Buffer, from: number, to: number): void {
    let { field, value, negative, isNull } = this;
    const { row, width } = this;
    for (let i = from; i < to; i++) {
      const byte = chunk[i];
      if (byte >= 48 && byte <= 57) value = value * 10 + (byte - 48);
      else if (byte === 9 || byte === 10) {
        if (field < width) row[field] = isNull ? NaN : negative ? -value : value;
        value = 0;
        negative = false;
        isNull = false;
        if (byte === 9) field++;
        else {
          if (field !== width - 1)
            this.fail(new Error(`copyNumbers: a row of ${field + 1} columns, not ${width}`));
          field = 0;
          this.count++;
          if (this.failure === null) {
            try {
              this.onRow(row);
            } catch (error) {
              this.fail(error as Error);
            }
          }
        }
      } else if (byte === 45) negative = true;
      else if (byte === 92)
        isNull = true; // "\N"
      else if (byte !== 78)
        this.fail(new Error(`copyNumbers: column ${field + 1} is not a whole number`));
    }
    this.field = field;
    this.value = value;
    this.negative = negative;
    this.isNull = isNull;
  }

  /** Keeps the first error; the rest of the copy is read and left unparsed. */
  fail(error: Error): void {
    this.failure ??= error;
  }
}

/** Message types (protocol 3) while a COPY out runs. */
const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
const ERROR = 0x45; // 'E'
/** Messages the server may send in between: CopyOutResponse, ParameterStatus, notices. */
const IN_BETWEEN = new Set([0x48, 0x53, 0x4e, 0x41]);

interface Socket {
  listeners(event: 'data'): ((chunk: Buffer) => void)[];
  removeListener(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
}

/**
 * The socket reader: the query as the driver runs it (a "submittable"), handed the connection.
 */
class SocketCopy {
  readonly done: Promise<number>;
  private resolve!: (rows: number) => void;
  private reject!: (error: Error) => void;
  private socket: Socket | null = null;
  private driverListener: ((chunk: Buffer) => void) | null = null;

  // Wire state: header bytes still to read (type and length), payload bytes left.
  private header = 5;
  private type = 0;
  private length = 0;
  private left = 0;

  constructor(
    private readonly text: string,
    private readonly rows: NumberRows,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  /** Called by the driver when this query's turn comes. */
  submit(connection: { stream: Socket; query(text: string): void }): Error | undefined {
    const socket = connection.stream;
    const listeners = socket.listeners('data');
    if (listeners.length !== 1) return new Error('copyNumbers: the connection is not idle');
    this.socket = socket;
    this.driverListener = listeners[0];
    socket.removeListener('data', this.driverListener);
    socket.on('data', this.onData);
    connection.query(this.text);
    return undefined;
  }

  private readonly onData = (chunk: Buffer): void => {
    let i = 0;
    while (i < chunk.length) {
      // A whole header in this chunk is read at once, else byte by byte across chunks.
      if (this.header === 5 && i + 5 <= chunk.length && chunk[i] !== ERROR) {
        this.type = chunk[i];
        this.left = chunk.readUInt32BE(i + 1) - 4;
        this.header = 0;
        i += 5;
      } else if (this.header > 0) {
        if (this.header === 5) {
          this.type = chunk[i];
          // An error: the driver reads it (and what follows) and tells `handleError`.
          if (this.type === ERROR) return this.handBack(chunk.subarray(i));
          this.length = 0;
        } else this.length = this.length * 256 + chunk[i];
        i++;
        if (--this.header === 0) this.left = this.length - 4;
        continue;
      }
      const end = Math.min(chunk.length, i + this.left);
      if (this.type === COPY_DATA) this.rows.parse(chunk, i, end);
      this.left -= end - i;
      i = end;
      if (this.left > 0) continue;
      this.header = 5;
      if (this.type === COPY_DONE) return this.handBack(chunk.subarray(i));
      if (this.type !== COPY_DATA && !IN_BETWEEN.has(this.type)) {
        this.rows.fail(new Error(`copyNumbers: unexpected message ${this.type} during COPY`));
        return this.handBack(chunk.subarray(i));
      }
    }
  };

  /** Gives the socket back to the driver with the bytes it has not seen yet. */
  private handBack(rest: Buffer): void {
    const socket = this.socket!;
    socket.removeListener('data', this.onData);
    socket.on('data', this.driverListener!);
    if (rest.length > 0) this.driverListener!(rest);
  }

  // The driver's calls once it reads the reply again. After an error it calls nothing else.
  handleError(error: Error): void {
    this.reject(error);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (this.rows.failure) this.reject(this.rows.failure);
    else this.resolve(this.rows.count);
  }
}
