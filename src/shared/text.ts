/**
 * Control characters refused in any text a caller sends: C0 controls other than tab, line feed
 * and carriage return, DEL, and the C1 controls. PostgreSQL cannot store U+0000 at all, and the
 * others only hide what a key or a name really is.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Text that is already in its normal form with nothing to report: printable ASCII (always NFC)
 * that neither starts nor ends with a space. Most of a dataset is such text; it is kept as is.
 */
const PLAIN_ASCII = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** The form every text takes before any check: Unicode NFC, without surrounding white space. */
export function normaliseText(value: string): string {
  return PLAIN_ASCII.test(value) ? value : value.normalize('NFC').trim();
}

/** The first control character of `value` as `U+XXXX`, or null when it has none. */
export function controlCharacterIn(value: string): string | null {
  const match = CONTROL.exec(value);
  return match ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** A text field that holds a control character; `path` names where it was found. */
export class ControlCharacterError extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    readonly character: string,
  ) {
    super(`${path.join('.') || 'a value'} contains the control character ${character}`);
  }
}

/**
 * Every string inside `value` normalised (NFC, trimmed); plain objects and lists are copied,
 * other objects (dates, class instances' prototypes aside) kept as they are. Throws
 * `ControlCharacterError` naming the first text that holds a control character.
 */
export function normaliseDeep<T>(value: T, path: (string | number)[] = []): T {
  if (typeof value === 'string') {
    const character = controlCharacterIn(value);
    if (character) throw new ControlCharacterError(path, character);
    return normaliseText(value) as T;
  }
  if (Array.isArray(value))
    return (value as unknown[]).map((item, i) => normaliseDeep(item, [...path, i])) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const copy = Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) {
      const character = controlCharacterIn(key);
      if (character) throw new ControlCharacterError([...path, key], character);
      copy[key] = normaliseDeep(item, [...path, key]);
    }
    return copy as T;
  }
  return value;
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

/**
 * Every string inside `value` normalised (NFC, trimmed), each control character reported to
 * `found` with its path instead of stopping at the first; the string keeps its other text.
 * Plain objects and lists are copied only where something inside them changed, so `value` itself
 * is never modified and a document that is already normal comes back as it was.
 */
export function normaliseAll(
  value: unknown,
  found: (path: (string | number)[], character: string) => void,
  path: (string | number)[] = [],
): unknown {
  const place = path.reduce<Place | null>((parent, key) => ({ parent, key }), null);
  return normaliseAt(value, found, place);
}

/** `normaliseAll` of the value at `place` (null: the root). */
function normaliseAt(
  value: unknown,
  found: (path: (string | number)[], character: string) => void,
  place: Place | null,
): unknown {
  if (typeof value === 'string') {
    if (PLAIN_ASCII.test(value)) return value;
    const character = controlCharacterIn(value);
    if (character) found(pathOf(place), character);
    return normaliseText(value);
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const normal = normalised(item) ? item : normaliseAt(item, found, { parent: place, key: i });
      if (normal !== item && !copy) copy = value.slice(0, i);
      if (copy) copy.push(normal);
    }
    return copy ?? value;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let entries: [string, unknown][] | undefined;
    for (let i = 0; i < keys.length; i++) {
      const item = record[keys[i]];
      const normal = normalised(item)
        ? item
        : normaliseAt(item, found, { parent: place, key: keys[i] });
      if (normal !== item && !entries) entries = keys.slice(0, i).map((k) => [k, record[k]]);
      if (entries) entries.push([keys[i], normal]);
    }
    // A copy is a plain object, as before; `fromEntries` keeps a "__proto__" key a key.
    return entries ? Object.fromEntries(entries) : value;
  }
  return value;
}

/** A value with nothing to normalise or report: no text, or plain ASCII text. */
function normalised(value: unknown): boolean {
  return typeof value === 'string'
    ? PLAIN_ASCII.test(value)
    : typeof value !== 'object' || value === null;
}
