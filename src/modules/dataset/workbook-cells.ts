import type ExcelJS from 'exceljs';
import type { Kind } from './workbook-sheets';

/** What a cell holds, plainly: formulas by their result, rich text as text. */
export function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return value.text;
    if ('error' in value) return null;
  }
  return value;
}

/** What is wrong with a cell's value, in words (see `convert`). */
export class Problem {
  constructor(readonly message: string) {}
}

/** A cell's value as its column's kind wants it, or what is wrong with it. */
export function convert(value: unknown, kind: Kind): unknown {
  switch (kind) {
    case 'text':
    case 'code':
      if (typeof value === 'number') {
        // An 18-digit NIP typed as a number has lost its last digits already.
        if (!Number.isSafeInteger(value))
          return new Problem(
            `${value} is a number too long to be exact: format the column as text`,
          );
        return String(value);
      }
      if (value instanceof Date) return new Problem('a date where text goes');
      return String(value).trim();
    case 'codes':
      return String(value)
        .split(';')
        .map((v) => v.trim())
        .filter((v) => v !== '');
    case 'integer':
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
      if (typeof value === 'boolean' || value instanceof Date || !Number.isFinite(n))
        return new Problem(`"${String(value)}" is not a number`);
      if (kind === 'integer' && !Number.isInteger(n))
        return new Problem(`${n} is not a whole number`);
      return n;
    }
    case 'date': {
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      const text = String(value).trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
        return new Problem(`"${text}" is not a date (YYYY-MM-DD, or a date cell)`);
      return text;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (['true', 'ya', 'yes', '1'].includes(text)) return true;
      if (['false', 'tidak', 'no', '0'].includes(text)) return false;
      return new Problem(`"${String(value)}" is not true or false`);
    }
  }
}

/** A plain value as text ('' for anything else). */
export function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

/** Dotted columns (`conditions.minRank`) as nested objects. */
export function nest(fields: Map<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [name, value] of fields) {
    const parts = name.split('.');
    let target = record;
    for (const part of parts.slice(0, -1))
      target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts.at(-1)!] = value;
  }
  return record;
}
