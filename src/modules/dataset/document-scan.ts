/**
 * A dataset document split into its records by a scan of its bytes, each record then parsed by
 * the engine's own `JSON.parse`: a national file reads at the speed of the disk rather than of a
 * tokenizer written in JavaScript (which reads about 5 MB/s). The scan follows only the outer
 * grammar (the top-level object, its keys, its lists) and where each record ends; anything it
 * does not accept is an `Anomaly`, and the caller has the file read again by the exact reader,
 * which names the fault and its byte.
 */

/** Something the scan does not accept; the exact reader says what and where. */
export class Anomaly extends Error {}

/** A record found by the scan: its section, its index (null: the section is not a list). */
export interface ScannedRecord {
  section: string;
  index: number | null;
  record: unknown;
}

/** What a section that is an object stands as (its members are not read). */
export const NOT_A_LIST = Symbol('not a list');

const enum State {
  Start,
  FirstKey,
  Key,
  Colon,
  Value,
  FirstItem,
  Item,
  AfterItem,
  AfterMember,
  End,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The keys JavaScript's objects reserve, which no dataset has. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Splits a document into records as its bytes arrive: `push` takes each chunk (the records it
 * completes come back), `end` checks the document is whole.
 */
export class DocumentScanner {
  /** `onSection` hears each top-level key as it is read (an empty list yields no record). */
  constructor(private readonly onSection: (section: string) => void = () => undefined) {}

  private state = State.Start;
  private rest: Buffer = Buffer.alloc(0);
  private section = '';
  private index = 0;
  private readonly sections = new Set<string>();

  push(chunk: Buffer): ScannedRecord[] {
    const buf = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    const out: ScannedRecord[] = [];
    let pos = 0;
    const n = buf.length;
    for (;;) {
      while (pos < n && isSpace(buf[pos])) pos++;
      if (pos >= n) break;
      const c = buf[pos];
      switch (this.state) {
        case State.Start:
          if (c !== 0x7b) throw new Anomaly('the document is not an object');
          pos++;
          this.state = State.FirstKey;
          continue;
        case State.FirstKey:
        case State.Key: {
          if (c === 0x7d && this.state === State.FirstKey) {
            pos++;
            this.state = State.End;
            continue;
          }
          if (c !== QUOTE) throw new Anomaly('a key was expected');
          const end = stringEnd(buf, pos);
          if (end < 0) break;
          const key = JSON.parse(buf.toString('utf8', pos, end)) as string;
          if (FORBIDDEN.has(key) || this.sections.has(key))
            throw new Anomaly(`the key "${key}" is refused`);
          this.sections.add(key);
          this.section = key;
          this.onSection(key);
          pos = end;
          this.state = State.Colon;
          continue;
        }
        case State.Colon:
          if (c !== COLON) throw new Anomaly('a colon was expected');
          pos++;
          this.state = State.Value;
          continue;
        case State.Value: {
          if (c === 0x5b) {
            pos++;
            this.index = 0;
            this.state = State.FirstItem;
            continue;
          }
          const end = valueEnd(buf, pos);
          if (end < 0) break;
          const value = parsed(buf, pos, end);
          out.push({
            section: this.section,
            index: null,
            record: c === 0x7b ? NOT_A_LIST : value,
          });
          pos = end;
          this.state = State.AfterMember;
          continue;
        }
        case State.FirstItem:
        case State.Item: {
          if (c === 0x5d && this.state === State.FirstItem) {
            pos++;
            this.state = State.AfterMember;
            continue;
          }
          const end = valueEnd(buf, pos);
          if (end < 0) break;
          out.push({ section: this.section, index: this.index++, record: parsed(buf, pos, end) });
          pos = end;
          this.state = State.AfterItem;
          continue;
        }
        case State.AfterItem:
          if (c === COMMA) this.state = State.Item;
          else if (c === 0x5d) this.state = State.AfterMember;
          else throw new Anomaly('a comma or the end of a list was expected');
          pos++;
          continue;
        case State.AfterMember:
          if (c === COMMA) this.state = State.Key;
          else if (c === 0x7d) this.state = State.End;
          else throw new Anomaly('a comma or the end of the document was expected');
          pos++;
          continue;
        case State.End:
          throw new Anomaly('something follows the document');
      }
      // An unfinished key or value: kept for the next chunk.
      break;
    }
    this.rest = pos < n ? Buffer.from(buf.subarray(pos)) : Buffer.alloc(0);
    return out;
  }

  /** Checks that the document ended whole; a value still open at the end is an anomaly. */
  end(): ScannedRecord[] {
    if (this.state === State.End && this.rest.length === 0) return [];
    // A number at the very end of a section value is complete only now.
    throw new Anomaly('the document ends unfinished');
  }
}

/** Where the string starting at `pos` (a quote) ends (after its closing quote), or -1. */
function stringEnd(buf: Buffer, pos: number): number {
  for (let i = pos + 1; i < buf.length; i++) {
    const c = buf[i];
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return -1;
}

/**
 * Where the value starting at `pos` ends, or -1 when the buffer ends first. An object or list
 * ends at its closing bracket; a string at its quote; a number or literal at the next comma,
 * bracket or space (so it needs the byte after it).
 */
function valueEnd(buf: Buffer, pos: number): number {
  const first = buf[pos];
  if (first === QUOTE) return stringEnd(buf, pos);
  if (first !== 0x7b && first !== 0x5b) {
    for (let i = pos; i < buf.length; i++) {
      const c = buf[i];
      if (c === COMMA || c === 0x5d || c === 0x7d || isSpace(c)) return i;
    }
    return -1;
  }
  let depth = 0;
  for (let i = pos; i < buf.length; i++) {
    const c = buf[i];
    if (c === QUOTE) {
      for (i++; i < buf.length; i++) {
        const s = buf[i];
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The value of bytes `start`–`end`, by `JSON.parse`; refused when it is not JSON or when it has
 * a key twice in one object (which `JSON.parse` would let pass, keeping the last) or a reserved
 * key. Keys are counted as the colons outside strings, against the keys the value has.
 */
function parsed(buf: Buffer, start: number, end: number): unknown {
  const text = buf.toString('utf8', start, end);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Anomaly('a record is not JSON');
  }
  if (typeof value === 'object' && value !== null && keysOf(value) !== colons(buf, start, end))
    throw new Anomaly('a record has a key twice, or a reserved key');
  return value;
}

/** The keys of an object and everything in it; a reserved key counts as -∞. */
function keysOf(value: object): number {
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value as unknown[])
      if (typeof item === 'object' && item !== null) count += keysOf(item);
    return count;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN.has(key)) return -Infinity;
    count++;
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null) count += keysOf(item);
  }
  return count;
}

/** The colons outside strings in bytes `start`–`end`: one per key. */
function colons(buf: Buffer, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === QUOTE) {
      for (i++; i < end; i++) {
        const s = buf[i];
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === COLON) count++;
  }
  return count;
}
