import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { TokenParser, Tokenizer, TokenType } from '@streamparser/json';
import { Anomaly, DocumentScanner, NOT_A_LIST } from './document-scan';

export { NOT_A_LIST };

/** Why a dataset file could not be read as a document (the file's fault, not the system's). */
export class DocumentFileError extends Error {}

/** The document is larger than its reader allows. */
export class DocumentTooLargeError extends DocumentFileError {}

/** There is no document: the file or body is empty (or only white space). */
export class EmptyDocumentError extends DocumentFileError {}

/**
 * A dataset document read from a JSON file: the file is never one string (a national file is
 * well over the largest string a JavaScript engine holds). Its records are found by the scan
 * and parsed by `JSON.parse` (`readDocumentRecords`), ten times the tokenizer's pace: a
 * monthly file of 250,000 employees (340 MB) spent half a minute in the tokenizer. A section
 * that is an object rather than a list (which no valid document has) is read again by the
 * tokenizer, which keeps it whole for the validation to judge. `onProgress` hears the bytes read
 * so far and the file's size.
 */
export async function readDocumentFile(
  file: string,
  onProgress: (bytesRead: number, bytesTotal: number) => void = () => undefined,
): Promise<Record<string, unknown>> {
  const document: Record<string, unknown> = {};
  // Every section is named as its key is read: an empty list yields no record.
  const scan = scanRecords(file, onProgress, (section) => (document[section] = []));
  for await (const batch of scan) {
    for (const { section, index, record } of batch) {
      if (index !== null) (document[section] as unknown[]).push(record);
      else if (record === NOT_A_LIST) return readDocumentByTokens(file, onProgress);
      else document[section] = record;
    }
  }
  return document;
}

/** `readDocumentFile` by the tokenizer, token by token: slow, and keeps any section whole. */
async function readDocumentByTokens(
  file: string,
  onProgress: (bytesRead: number, bytesTotal: number) => void,
): Promise<Record<string, unknown>> {
  const size = await fileSize(file);
  return readDocumentStream(createReadStream(file) as AsyncIterable<Buffer>, file, (read) =>
    onProgress(read, size),
  );
}

/**
 * A dataset document read from a stream of bytes (a file, a request body) as it arrives; the
 * stream ends early with an error past `maxBytes`. `name` says what is read, in errors. A key
 * that names a part of JavaScript's objects (`__proto__`, `constructor`, `prototype`) or that
 * appears twice in one object is refused by name and place; so is a stream with no document.
 */
export async function readDocumentStream(
  stream: AsyncIterable<Buffer>,
  name: string,
  onChunk: (bytesRead: number) => void = () => undefined,
  maxBytes = Infinity,
): Promise<Record<string, unknown>> {
  const document: Record<string, unknown> = {};
  // Each top-level member whole (sections are lists of records); nothing above it is kept.
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.*'], keepStack: false });
  const keys = new KeyGuard(name);
  tokenizer.onToken = (token) => {
    keys.see(token);
    parser.write(token);
  };
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  parser.onError = tokenizer.error.bind(tokenizer);
  parser.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
  };
  parser.onValue = ({ value, key }) => {
    document[String(key)] = value;
  };
  for await (const _ of feed(stream, name, tokenizer, keys, onChunk, maxBytes)) {
    // The whole document is kept: nothing to do between chunks.
  }
  return document;
}

/** A record of a document read as a stream: its section, its place there, and the record. */
export interface StreamedRecord {
  section: string;
  /** Null when the section's value is not a list (`record` is then that value, or `NOT_A_LIST`). */
  index: number | null;
  record: unknown;
}

/**
 * A dataset document read from a JSON file record by record: after each chunk of the file, the
 * records it completed, in order (sections in the order of the file). Nothing above a record is
 * kept, so a national file is read in the memory of a few records. The same checks as
 * `readDocumentFile`: UTF-8, JSON, forbidden and repeated keys. The records are found by a scan
 * of the bytes and parsed by `JSON.parse` (`DocumentScanner`); at the first thing the scan does
 * not accept, the file is read again by the tokenizer, which names the fault and its byte (an
 * invalid file takes that long to be told; a valid one never does).
 */
export function readDocumentRecords(
  file: string,
  onProgress: (bytesRead: number, bytesTotal: number) => void = () => undefined,
): AsyncGenerator<StreamedRecord[]> {
  return scanRecords(file, onProgress, () => undefined);
}

/** `readDocumentRecords`, telling `onSection` each section's name as its key is read. */
async function* scanRecords(
  file: string,
  onProgress: (bytesRead: number, bytesTotal: number) => void,
  onSection: (section: string) => void,
): AsyncGenerator<StreamedRecord[]> {
  const size = await fileSize(file);
  const scanner = new DocumentScanner(onSection);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let read = 0;
  try {
    for await (const chunk of createReadStream(file, {
      highWaterMark: 1 << 20,
    }) as AsyncIterable<Buffer>) {
      utf8.decode(chunk, { stream: true });
      // A byte-order mark (some editors write one) is not part of the JSON.
      const bom = read === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      read += chunk.length;
      const records = scanner.push(bom ? chunk.subarray(3) : chunk);
      onProgress(read, size);
      if (records.length > 0) yield records;
    }
    utf8.decode();
    scanner.end();
  } catch (error) {
    if (!(error instanceof Anomaly) && !(error instanceof TypeError)) throw error;
    // The exact reader throws the file's fault, in words, with its byte.
    for await (const _ of readRecordsByTokens(file)) {
      // Read through to the fault.
    }
    throw new DocumentFileError(`${file} could not be read: ${error.message}.`);
  }
}

async function fileSize(file: string): Promise<number> {
  return stat(file).then(
    (s) => s.size,
    (error: NodeJS.ErrnoException) => {
      throw new DocumentFileError(
        `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
      );
    },
  );
}

/** `readDocumentRecords` by the tokenizer, token by token: slow, and exact about faults. */
export async function* readRecordsByTokens(
  file: string,
  onProgress: (bytesRead: number, bytesTotal: number) => void = () => undefined,
): AsyncGenerator<StreamedRecord[]> {
  const size = await stat(file).then(
    (s) => s.size,
    (error: NodeJS.ErrnoException) => {
      throw new DocumentFileError(
        `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
      );
    },
  );
  let batch: StreamedRecord[] = [];
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.*.*'], keepStack: false });
  const keys = new KeyGuard(file);
  // Whether the value of the section being read is a list (its records are taken).
  let list = false;
  let afterColon = false;
  tokenizer.onToken = (token) => {
    // A section's value starts right after its key's colon, in the top-level object.
    const startsSection = keys.depth === 1 && afterColon;
    keys.see(token);
    if (startsSection) {
      list = token.token === TokenType.LEFT_BRACKET;
      if (!list)
        batch.push({
          section: keys.section!,
          index: null,
          record: token.token === TokenType.LEFT_BRACE ? NOT_A_LIST : token.value,
        });
    }
    afterColon = token.token === TokenType.COLON;
    parser.write(token);
  };
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  parser.onError = tokenizer.error.bind(tokenizer);
  parser.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
  };
  parser.onValue = ({ value, key }) => {
    if (list) batch.push({ section: keys.section!, index: key as number, record: value });
  };
  const stream = createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
  const progress = (read: number) => onProgress(read, size);
  for await (const _ of feed(stream, file, tokenizer, keys, progress, Infinity)) {
    if (batch.length === 0) continue;
    yield batch;
    batch = [];
  }
  if (batch.length > 0) yield batch;
}

/**
 * Feeds the bytes of `stream` to `tokenizer` (through `keys`), checked as UTF-8 and against
 * `maxBytes`, yielding after each chunk so that the reader may take what it parsed; a fault
 * of the file comes out as a `DocumentFileError` with the byte where it is.
 */
async function* feed(
  stream: AsyncIterable<Buffer>,
  name: string,
  tokenizer: Tokenizer,
  keys: KeyGuard,
  onChunk: (bytesRead: number) => void,
  maxBytes: number,
): AsyncGenerator<void> {
  let read = 0;
  let skipped = 0;
  let first = true;
  // Every byte checked as UTF-8 as it arrives (the tokenizer would read a bad one as U+FFFD).
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of stream) {
      if (first) {
        const start = chunk
          .toString('utf8', 0, 64)
          .replace(/^\uFEFF/, '')
          .trimStart();
        if (start.length > 0 && !start.startsWith('{'))
          throw new DocumentFileError(`${name} is not a dataset: it must be one JSON object.`);
        // Leading whitespace in a chunk of its own: the first character is still to come.
        if (start.length > 0) first = false;
      }
      read += chunk.length;
      if (read > maxBytes)
        throw new DocumentTooLargeError(`${name} is larger than ${maxBytes} bytes.`);
      // A byte-order mark (some editors write one) is not part of the JSON.
      const bom =
        read === chunk.length && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        throw new DocumentFileError(
          `${name} is not UTF-8: an invalid byte sequence ends within bytes ${read - chunk.length}–${read - 1}.`,
        );
      }
      if (bom) skipped = 3;
      tokenizer.write(bom ? chunk.subarray(3) : chunk);
      onChunk(read);
      yield;
    }
    if (first)
      throw new EmptyDocumentError(`${name} is empty: send the dataset as one JSON object.`);
    try {
      utf8.decode();
    } catch {
      throw new DocumentFileError(`${name} is not UTF-8: it ends within a character.`);
    }
    if (!tokenizer.isEnded) tokenizer.end();
  } catch (error) {
    if (error instanceof DocumentFileError) throw error;
    throw new DocumentFileError(jsonErrorText(name, (error as Error).message, read, skipped, keys));
  }
}

/**
 * What is wrong with the JSON, in words and with the byte where it went wrong: a character the
 * grammar does not allow there, or a document that ends while an object, a list or a text is
 * still open (a file cut short in copying), with the record it was in.
 */
function jsonErrorText(
  name: string,
  message: string,
  read: number,
  skipped: number,
  keys: KeyGuard,
): string {
  const character =
    /^Unexpected "(.*)" at chunk position "\d+" \(absolute position "(\d+)"\)/s.exec(message);
  if (character)
    return `${name} is not valid JSON: ${JSON.stringify(character[1])} at byte ${(Number(character[2]) + skipped + 1).toLocaleString('en')} cannot stand there (${keys.where()}).`;
  const token = /^Unexpected (?:partial )?[A-Z_]+ \((.*)\) in state/s.exec(message);
  if (token)
    return `${name} is not valid JSON: ${token[1]} at byte ${(keys.lastOffset + skipped + 1).toLocaleString('en')} cannot stand there (${keys.where()}).`;
  if (/ended in mid-parsing|ended in the middle|ended/i.test(message))
    return `${name} is not valid JSON: it ends after byte ${read.toLocaleString('en')} with ${keys.depth > 0 ? `${keys.depth} object(s) or list(s) still open (${keys.where()})` : 'a value unfinished'}: the file looks cut short; copy or download it again whole.`;
  return `${name} is not valid JSON: ${message}`;
}

/** Keys no dataset has, that name parts of JavaScript's objects. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Follows a JSON document token by token and refuses a forbidden key or a key repeated in one
 * object, naming it and where it is (`employees[3].name`). It holds the keys of the objects
 * open at the moment only.
 */
class KeyGuard {
  /** The open objects and arrays, outermost first: an object's keys, an array's index. */
  private readonly open: (
    { keys: Set<string>; key?: string; expectKey: boolean } | { index: number }
  )[] = [];

  constructor(private readonly name: string) {}

  /** Where the last token began (a byte offset from 0). */
  lastOffset = 0;

  see({ token, value, offset }: { token: TokenType; value?: unknown; offset?: number }): void {
    if (offset !== undefined && offset >= 0) this.lastOffset = offset;
    const top = this.open.at(-1);
    switch (token) {
      case TokenType.LEFT_BRACE:
        this.open.push({ keys: new Set(), expectKey: true });
        return;
      case TokenType.LEFT_BRACKET:
        this.open.push({ index: 0 });
        return;
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.open.pop();
        return;
      case TokenType.COMMA:
        if (top && 'keys' in top) top.expectKey = true;
        else if (top) top.index++;
        return;
      case TokenType.STRING:
        if (top && 'keys' in top && top.expectKey) {
          const key = String(value);
          top.expectKey = false;
          if (FORBIDDEN_KEYS.has(key))
            throw new DocumentFileError(
              `${this.name} has the key "${key}" ${this.where()}: no dataset has it, and JavaScript objects reserve the name.`,
            );
          if (top.keys.has(key))
            throw new DocumentFileError(
              `${this.name} has the key "${key}" twice in one object ${this.where()}.`,
            );
          top.keys.add(key);
          top.key = key;
        }
        return;
      default:
        return;
    }
  }

  /** The key of the top-level member being read: the section. */
  get section(): string | undefined {
    const top = this.open[0];
    return top && 'keys' in top ? top.key : undefined;
  }

  /** How many objects and lists are open. */
  get depth(): number {
    return this.open.length;
  }

  /** Where the current object is: `at the top level`, `in employees[3].conditions`. */
  where(): string {
    let path = '';
    // Every open container but the innermost object gives one step of the path.
    for (const frame of this.open.slice(0, -1)) {
      if ('index' in frame) path += `[${frame.index}]`;
      else path += path === '' ? frame.key! : `.${frame.key!}`;
    }
    return path === '' ? 'at the top level' : `in ${path}`;
  }
}

/** "45% (120 of 260 MB), about 12 s left": how far a long job is, and how long it still takes. */
export function progressText(
  done: number,
  total: number,
  startedAt: number,
  unit: { name: string; divisor: number } = { name: '', divisor: 1 },
  now = Date.now(),
): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const shown = (n: number) => Math.round(n / unit.divisor).toLocaleString('en');
  const amount = `${shown(done)} of ${shown(total)}${unit.name ? ` ${unit.name}` : ''}`;
  const elapsed = (now - startedAt) / 1000;
  let left = '';
  if (fraction > 0 && fraction < 1 && elapsed >= 1) {
    const seconds = Math.round((elapsed / fraction) * (1 - fraction));
    left = `, about ${seconds >= 120 ? `${Math.round(seconds / 60)} min` : `${seconds} s`} left`;
  }
  return `${Math.floor(fraction * 100)}% (${amount})${left}`;
}
