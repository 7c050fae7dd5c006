import type { PoolClient } from 'pg';

/**
 * Rows out of PostgreSQL by `COPY (query) TO STDOUT`, parsed as they stream, without a string,
 * a buffer or an object per row: each row is handed over in one reused array of numbers. Fit
 * for result sets of millions of rows of whole numbers (ids, levels, day numbers): every column
 * must be an integer or null (`NaN` here); a text column is refused.
 *
 * The bytes are read straight off the connection's socket: the wire messages (one CopyData per
 * row) are stepped over by their length and only their payload is parsed, so nothing is
 * allocated per row. When the copy is done, or PostgreSQL reports an error, the socket is
 * handed back to the driver, which reads the rest of the reply as usual.
 *
 * Swapping the driver's 'data' listener relies on how pg reads its socket (one listener, the
 * connection's `stream`), a private detail: pg is pinned to one exact version in package.json,
 * so an upgrade is a choice made with this file open (test/integration/copy-out.test.ts).
 */
export async function copyNumbers(
  connection: PoolClient,
  query: string,
  width: number,
  onRow: (row: Float64Array) => void,
): Promise<number> {
  const copy = new NumbersOut(`copy (${query}) to stdout`, width, onRow);
  connection.query(copy as never);
  return copy.done;
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

/** The query as the driver runs it (a "submittable"): it is handed the connection. */
class NumbersOut {
  readonly done: Promise<number>;
  private resolve!: (rows: number) => void;
  private reject!: (error: Error) => void;
  private socket: Socket | null = null;
  private driverListener: ((chunk: Buffer) => void) | null = null;
  /** The first error: from PostgreSQL, or thrown while parsing or by `onRow`. */
  private failure: Error | null = null;

  // Wire state: header bytes still to read (type and length), payload bytes left.
  private header = 5;
  private type = 0;
  private length = 0;
  private left = 0;

  // Row state.
  private readonly row: Float64Array;
  private field = 0;
  private value = 0;
  private negative = false;
  private isNull = false;
  private rows = 0;

  constructor(
    private readonly text: string,
    private readonly width: number,
    private readonly onRow: (row: Float64Array) => void,
  ) {
    this.row = new Float64Array(width);
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
      if (this.type === COPY_DATA) this.parse(chunk, i, end);
      this.left -= end - i;
      i = end;
      if (this.left > 0) continue;
      this.header = 5;
      if (this.type === COPY_DONE) return this.handBack(chunk.subarray(i));
      if (this.type !== COPY_DATA && !IN_BETWEEN.has(this.type)) {
        this.fail(new Error(`copyNumbers: unexpected message ${this.type} during COPY`));
        return this.handBack(chunk.subarray(i));
      }
    }
  };

  /** The payload bytes `[from, to)` of CopyData messages: digits, '-', '\N', tabs, newlines. */
  private parse(chunk: Buffer, from: number, to: number): void {
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
          this.rows++;
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
  private fail(error: Error): void {
    this.failure ??= error;
  }

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
    if (this.failure) this.reject(this.failure);
    else this.resolve(this.rows);
  }
}
