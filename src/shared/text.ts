/**
 * Control characters refused in any text a caller sends: C0 controls other than tab, line feed
 * and carriage return, DEL, and the C1 controls. PostgreSQL cannot store U+0000 at all, and the
 * others only hide what a key or a name really is.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The form every text takes before any check: Unicode NFC, without surrounding white space. */
export function normaliseText(value: string): string {
  return value.normalize('NFC').trim();
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

/**
 * Every string inside `value` normalised (NFC, trimmed), each control character reported to
 * `found` with its path instead of stopping at the first; the string keeps its other text.
 */
export function normaliseAll(
  value: unknown,
  found: (path: (string | number)[], character: string) => void,
  path: (string | number)[] = [],
): unknown {
  if (typeof value === 'string') {
    const character = controlCharacterIn(value);
    if (character) found(path, character);
    return normaliseText(value);
  }
  if (Array.isArray(value)) return value.map((item, i) => normaliseAll(item, found, [...path, i]));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, normaliseAll(item, found, [...path, key])]),
    );
  }
  return value;
}
