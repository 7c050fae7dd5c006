/**
 * How many lists and objects deep a value sent in may be nested, counted from the argument or
 * variable (or, for a dataset document, from the document) that holds it. The deepest dataset
 * document is six levels (document, section, record, nested object, list, item; see
 * `dataset.schema.json`), and no argument comes near: 64 leaves room for any honest value while
 * keeping every walk of one short, so that no walk can overflow the stack.
 */
export const MAX_INPUT_DEPTH = 64;

/**
 * Control characters refused in any text a caller sends: C0 controls other than tab, line feed
 * and carriage return, DEL, and the C1 controls. PostgreSQL cannot store U+0000 at all, and the
 * others only hide what a key or a name really is.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Characters refused in any text a caller sends, one group per reason: (1) the control
 * characters above; (2) the bidirectional controls, the embeddings and overrides U+202A–U+202E,
 * the isolates U+2066–U+2069 and the invisible marks U+200E, U+200F and U+061C, which reorder
 * or hide how a name or a code is shown (a console, a PDF, an export) without changing what it
 * is; (3) a lone surrogate, half of a character that the database would store as U+FFFD. A
 * surrogate pair (an emoji) is one whole character and is allowed. Searched without the `u`
 * flag, so a surrogate is seen as the code unit it is.
 */
const REFUSED =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /([\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F])|([\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069])|([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/;

/**
 * Text that is already in its normal form with nothing to report: printable ASCII (always NFC)
 * that neither starts nor ends with a space. Most of a dataset is such text; it is kept as is.
 */
const PLAIN_ASCII = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** The form every text takes before any check: Unicode NFC, without surrounding white space. */
export function normaliseText(value: string): string {
  return PLAIN_ASCII.test(value) ? value : value.normalize('NFC').trim();
}

/** `U+XXXX` of the first code unit of `text`. */
function codePoint(text: string): string {
  return `U+${text.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first control character of `value` as `U+XXXX`, or null when it has none. */
export function controlCharacterIn(value: string): string | null {
  const match = CONTROL.exec(value);
  return match ? codePoint(match[0]) : null;
}

/** Why a value sent in is refused. */
export type InputProblemKind =
  'control-character' | 'bidirectional-control' | 'lone-surrogate' | 'too-deep';

/** A value sent in that is refused: where it is, and why. */
export interface InputProblem {
  /** Where: the argument, variable or section first, then fields and list indexes. */
  readonly path: (string | number)[];
  readonly kind: InputProblemKind;
  /** The reason as the end of a sentence naming the value: "contains a lone surrogate U+D800". */
  readonly problem: string;
}

/** Why `value` may not be taken as text, or null when it may. */
export function textProblemIn(value: string): { kind: InputProblemKind; problem: string } | null {
  if (PLAIN_ASCII.test(value)) return null;
  const match = REFUSED.exec(value);
  if (!match) return null;
  const character = codePoint(match[0]);
  if (match[1] !== undefined)
    return { kind: 'control-character', problem: `contains the control character ${character}` };
  if (match[2] !== undefined)
    return {
      kind: 'bidirectional-control',
      problem: `contains the bidirectional control ${character}`,
    };
  return { kind: 'lone-surrogate', problem: `contains a lone surrogate ${character}` };
}

const TOO_DEEP = {
  kind: 'too-deep',
  problem: `is nested deeper than ${MAX_INPUT_DEPTH} levels`,
} as const;

/** A value sent in that is refused; `path` names where it was found. */
export class InputProblemError extends Error implements InputProblem {
  constructor(
    readonly path: (string | number)[],
    readonly kind: InputProblemKind,
    readonly problem: string,
  ) {
    super(`${path.join('.') || 'a value'} ${problem}`);
  }
}

/** Where a value sits in a document, kept as a chain and spelled out only when reported. */
interface Place {
  readonly parent: Place | null;
  readonly key: string | number;
}

function pathOf(place: Place | null): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at = place; at; at = at.parent) path.push(at.key);
  return path.reverse();
}

function placeOf(path: readonly (string | number)[]): Place | null {
  return path.reduce<Place | null>((parent, key) => ({ parent, key }), null);
}

/**
 * Every string inside `value` normalised (NFC, trimmed); plain objects and lists are copied,
 * other objects (dates, class instances' prototypes aside) kept as they are. Throws
 * `InputProblemError` naming the first text (or object key) holding a control character, a
 * bidirectional control or a lone surrogate, or the first list or object nested deeper than
 * `MAX_INPUT_DEPTH` below `value`; `path` only names `value` in that error. The walk never goes
 * deeper than the limit, so no value can overflow the stack.
 */
export function normaliseDeep<T>(value: T, path: readonly (string | number)[] = []): T {
  return deep(value, placeOf(path), 0) as T;
}

/** `normaliseDeep` of the value at `place`, inside `depth` lists and objects. */
function deep(value: unknown, place: Place | null, depth: number): unknown {
  if (typeof value === 'string') {
    if (PLAIN_ASCII.test(value)) return value;
    const found = textProblemIn(value);
    if (found) throw new InputProblemError(pathOf(place), found.kind, found.problem);
    return value.normalize('NFC').trim();
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  if (depth === MAX_INPUT_DEPTH)
    throw new InputProblemError(pathOf(place), TOO_DEEP.kind, TOO_DEEP.problem);
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++)
      copy[i] = deep(value[i], { parent: place, key: i }, depth + 1);
    return copy;
  }
  const copy = Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const at = { parent: place, key };
    const found = textProblemIn(key);
    if (found) throw new InputProblemError(pathOf(at), found.kind, found.problem);
    const item = deep((value as Record<string, unknown>)[key], at, depth + 1);
    // A "__proto__" field (JSON may have one) stays a field, never the copy's prototype.
    if (key === '__proto__')
      Object.defineProperty(copy, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = item;
  }
  return copy;
}

/**
 * The first problem `normaliseDeep` would throw for `value`, or null: the same checks, without
 * copying anything. A string of plain ASCII costs one regular-expression test; nothing is
 * allocated unless a problem is found.
 */
export function findInputProblem(
  value: unknown,
  path: readonly (string | number)[] = [],
): InputProblem | null {
  const found = problemAt(value, 0);
  if (!found) return null;
  return { path: [...path, ...found.keys.reverse()], kind: found.kind, problem: found.problem };
}

/** The problem in `value`, inside `depth` lists and objects; `keys` lead to it, innermost first. */
function problemAt(
  value: unknown,
  depth: number,
): { keys: (string | number)[]; kind: InputProblemKind; problem: string } | null {
  if (typeof value === 'string') {
    const found = textProblemIn(value);
    return found && { keys: [], ...found };
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return null;
  if (depth === MAX_INPUT_DEPTH) return { keys: [], ...TOO_DEEP };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = problemAt(value[i], depth + 1);
      if (found) return (found.keys.push(i), found);
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const text = textProblemIn(key);
    if (text) return { keys: [key], ...text };
    const found = problemAt((value as Record<string, unknown>)[key], depth + 1);
    if (found) return (found.keys.push(key), found);
  }
  return null;
}

/**
 * Every string inside `value` normalised (NFC, trimmed), each refused text reported to `found`
 * with its path and reason (as `textProblemIn` says it) instead of stopping at the first; the
 * string keeps its other text. A list or object nested deeper than `MAX_INPUT_DEPTH` below
 * `value` is reported (`is nested deeper than 64 levels`) and kept as it is, unwalked.
 * Plain objects and lists are copied only where something inside them changed, so `value` itself
 * is never modified and a document that is already normal comes back as it was.
 */
export function normaliseAll(
  value: unknown,
  found: (path: (string | number)[], problem: string) => void,
  path: (string | number)[] = [],
): unknown {
  return normaliseAt(value, found, placeOf(path), 0);
}

/** `normaliseAll` of the value at `place` (null: the root), inside `depth` lists and objects. */
function normaliseAt(
  value: unknown,
  found: (path: (string | number)[], problem: string) => void,
  place: Place | null,
  depth: number,
): unknown {
  if (typeof value === 'string') {
    if (PLAIN_ASCII.test(value)) return value;
    const problem = textProblemIn(value);
    if (problem) found(pathOf(place), problem.problem);
    return normaliseText(value);
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  if (depth === MAX_INPUT_DEPTH) {
    found(pathOf(place), TOO_DEEP.problem);
    return value;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const normal = normalised(item)
        ? item
        : normaliseAt(item, found, { parent: place, key: i }, depth + 1);
      if (normal !== item && !copy) copy = value.slice(0, i);
      if (copy) copy.push(normal);
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let entries: [string, unknown][] | undefined;
  for (let i = 0; i < keys.length; i++) {
    const item = record[keys[i]];
    const normal = normalised(item)
      ? item
      : normaliseAt(item, found, { parent: place, key: keys[i] }, depth + 1);
    if (normal !== item && !entries) entries = keys.slice(0, i).map((k) => [k, record[k]]);
    if (entries) entries.push([keys[i], normal]);
  }
  // A copy is a plain object, as before; `fromEntries` keeps a "__proto__" key a key.
  return entries ? Object.fromEntries(entries) : value;
}

/** A value with nothing to normalise or report: no text, or plain ASCII text. */
function normalised(value: unknown): boolean {
  return typeof value === 'string'
    ? PLAIN_ASCII.test(value)
    : typeof value !== 'object' || value === null;
}

/** Bytes that are not UTF-8: `offset` is where the first invalid sequence starts. */
export class Utf8Error extends Error {
  constructor(readonly offset: number) {
    super(`The body is not UTF-8: an invalid byte sequence starts at byte ${offset}.`);
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `bytes` as text, refusing anything that is not well-formed UTF-8 (overlong forms, encoded
 * surrogates, code points past U+10FFFF, a sequence cut short) with `Utf8Error` at the offset of
 * the first bad sequence, instead of decoding it as U+FFFD. A leading byte order mark is dropped.
 */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new Utf8Error(firstInvalidUtf8(bytes));
  }
}

/** Where the first ill-formed sequence of `bytes` starts (Unicode's table 3-7), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    let following: number;
    // The range of the first continuation byte (narrower after some leads), then 80–BF.
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) following = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      following = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      following = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= following; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < low || next > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += following + 1;
  }
  return -1;
}
