import { normaliseAll, normaliseText } from './text';
import type { DatasetIssue, Section } from './dataset.types';

type Raw = Record<string, unknown>;

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

/** Whether `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days in `month` (1–12) of `year`, by the Gregorian rule (as JavaScript dates count). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Control characters and bidirectional controls, which a key must not carry into a report. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The fields that name a record, in the order they are tried: NIP, PPPK number, code. */
const KEY_FIELDS = ['nip', 'pppkNumber', 'code'] as const;

/** A record's own key as sent (trimmed, at most 64 characters), or null without one. */
function keyOf(raw: Raw): string | null {
  for (const field of KEY_FIELDS) {
    const value = raw[field];
    // Shown in reports and on an operator's terminal: no control or direction characters.
    if (typeof value === 'string' && value.trim() !== '')
      return value.trim().slice(0, 64).replace(UNPRINTABLE, '?');
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return null;
}

/**
 * Reads the fields of one raw record, recording an issue (section, index, field, reason) for
 * each bad one instead of stopping at the first.
 */
export class RecordReader {
  /** The fields read so far (a record has few; a list is cheaper than a set for them). */
  private readonly seen: string[] = [];

  /** The record's own key (NIP, PPPK number or code), named in its issues beside its index. */
  readonly key: string | null;

  constructor(
    private readonly issues: DatasetIssue[],
    readonly section: Section,
    readonly index: number,
    private readonly raw: Raw,
    private readonly prefix = '',
    key?: string | null,
  ) {
    this.key = key === undefined ? keyOf(raw) : key;
  }

  /** A reader for a nested object (e.g. `conditions`, `levels[2]`), or undefined if not one. */
  nested(field: string, value: unknown): RecordReader | undefined {
    if (!isObject(value)) {
      this.issue(field, 'INVALID', 'must be an object');
      return undefined;
    }
    return new RecordReader(
      this.issues,
      this.section,
      this.index,
      value,
      this.path(field),
      this.key,
    );
  }

  issue(field: string | null, code: string, message: string): void {
    this.issues.push({
      section: this.section,
      index: this.index,
      key: this.key,
      field: field === null ? this.prefix || null : this.path(field),
      code,
      message,
    });
  }

  /** Reports fields the format does not know: a typo must not be silently ignored. */
  rejectUnknownFields(): void {
    for (const key of Object.keys(this.raw)) {
      if (!this.seen.includes(key)) this.issue(key, 'INVALID', 'is not a field of this record');
    }
  }

  value(field: string): unknown {
    this.seen.push(field);
    return this.raw[field];
  }

  has(field: string): boolean {
    this.seen.push(field);
    return this.raw[field] !== undefined && this.raw[field] !== null;
  }

  string(
    field: string,
    options: { required?: boolean; max?: number; pattern?: RegExp; patternHint?: string } = {},
  ): string | null {
    const value = this.value(field);
    if (value === undefined || value === null || value === '') {
      if (options.required) this.issue(field, 'REQUIRED', 'is required');
      return null;
    }
    if (typeof value !== 'string') {
      this.issue(field, 'INVALID', `must be a string, got ${describe(value)}`);
      return null;
    }
    // Normalised with the whole document already (`normaliseDocument`); kept for direct use.
    const text = normaliseText(value);
    if (text === '' && options.required) {
      this.issue(field, 'REQUIRED', 'is required');
      return null;
    }
    if (options.max !== undefined && text.length > options.max) {
      this.issue(
        field,
        'OUT_OF_RANGE',
        `must be at most ${options.max} characters, got ${text.length}`,
      );
      return null;
    }
    if (options.pattern && !options.pattern.test(text)) {
      this.issue(
        field,
        'INVALID',
        `"${text.slice(0, 80)}" ${options.patternHint ?? 'has the wrong form'}`,
      );
      return null;
    }
    return text;
  }

  code(field: string, required = true): string | null {
    return this.string(field, {
      required,
      pattern: CODE_PATTERN,
      patternHint: 'is not a code (letters, digits and . _ / -, at most 64)',
    });
  }

  integer(field: string, options: { required?: boolean; min: number; max: number }): number | null {
    const value = this.value(field);
    if (value === undefined || value === null) {
      if (options.required) this.issue(field, 'REQUIRED', 'is required');
      return null;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.issue(field, 'INVALID', `must be a whole number, got ${describe(value)}`);
      return null;
    }
    if (value < options.min || value > options.max) {
      this.issue(
        field,
        'OUT_OF_RANGE',
        `must be from ${options.min} to ${options.max}, got ${value}`,
      );
      return null;
    }
    return value;
  }

  number(
    field: string,
    options: {
      required?: boolean;
      min: number;
      max: number;
      exclusiveMin?: boolean;
      /** Decimal places the value is stored with; a value with more is refused, not rounded. */
      decimals?: number;
    },
  ): number | null {
    const value = this.value(field);
    if (value === undefined || value === null) {
      if (options.required) this.issue(field, 'REQUIRED', 'is required');
      return null;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.issue(field, 'INVALID', `must be a number, got ${describe(value)}`);
      return null;
    }
    const tooLow = options.exclusiveMin ? value <= options.min : value < options.min;
    if (tooLow || value > options.max) {
      const low = options.exclusiveMin ? `greater than ${options.min}` : `at least ${options.min}`;
      this.issue(field, 'OUT_OF_RANGE', `must be ${low} and at most ${options.max}, got ${value}`);
      return null;
    }
    if (options.decimals !== undefined && !hasDecimalsAtMost(value, options.decimals)) {
      this.issue(
        field,
        'INVALID',
        `is kept to ${options.decimals} decimal places, got ${value}; round it before sending`,
      );
      return null;
    }
    return value;
  }

  boolean(field: string, fallback: boolean): boolean {
    const value = this.value(field);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') {
      this.issue(field, 'INVALID', `must be true or false, got ${describe(value)}`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], required = true): T | null {
    const value = this.string(field, { required });
    if (value === null) return null;
    if (!(allowed as readonly string[]).includes(value)) {
      this.issue(field, 'INVALID', `"${value.slice(0, 40)}" is not one of ${allowed.join(', ')}`);
      return null;
    }
    return value as T;
  }

  /** A date, within `[from, to]` when given (ISO strings compare in date order). */
  date(field: string, required = false, range: { from?: string; to?: string } = {}): string | null {
    const value = this.string(field, { required });
    if (value === null) return null;
    if (!isIsoDate(value)) {
      this.issue(field, 'INVALID', `"${value.slice(0, 20)}" is not a date (YYYY-MM-DD)`);
      return null;
    }
    if ((range.from && value < range.from) || (range.to && value > range.to)) {
      this.issue(
        field,
        'OUT_OF_RANGE',
        `must be from ${range.from ?? 'any date'} to ${range.to ?? 'any date'}, got ${value}`,
      );
      return null;
    }
    return value;
  }

  /** A list field; absent means empty. Items are handed to `each` with their path. */
  list(field: string, each: (item: unknown, index: number, path: string) => void): void {
    const value = this.value(field);
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) {
      this.issue(field, 'INVALID', `must be a list, got ${describe(value)}`);
      return;
    }
    value.forEach((item, i) => each(item, i, `${field}[${i}]`));
  }

  private path(field: string): string {
    return this.prefix ? `${this.prefix}.${field}` : field;
  }
}

/** Whether `value` has at most `places` decimal places (up to the float's own noise). */
function hasDecimalsAtMost(value: number, places: number): boolean {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/**
 * `value` when it is an object holding exactly `count` fields of its own (a shape a fast path
 * may take as it stands), else null.
 */
export function withFieldCount(value: unknown, count: number): Raw | null {
  if (!isObject(value)) return null;
  let fields = 0;
  for (const key in value) if (Object.hasOwn(value, key)) fields++;
  return fields === count ? value : null;
}

/** Whether `value` is a whole number from `min` to `max`. */
export function isWholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * The one normalisation of a document before any check: every text in NFC without surrounding
 * white space, list items and nested fields included; each refused text (a control character, a
 * bidirectional control, a lone surrogate) and each value nested deeper than `MAX_INPUT_DEPTH`
 * an INVALID issue naming section, record and field.
 */
export function normaliseDocument(raw: unknown, issues: DatasetIssue[]): unknown {
  return normaliseAll(raw, (path, problem) => {
    const [section, index, ...rest] = path;
    const field = rest
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
      .join('');
    issues.push({
      section: typeof section === 'string' ? (section as Section) : 'document',
      index: typeof index === 'number' ? index : null,
      field: field || (typeof index === 'string' ? index : null),
      code: 'INVALID',
      message: problem,
    });
  });
}
