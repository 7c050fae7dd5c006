import { describe, expect, it } from 'vitest';
import { copyText } from '../../src/platform/db/bulk-copy';

describe('values in COPY text format', () => {
  it.each([
    [null, '\\N'],
    [undefined, '\\N'],
    [true, 't'],
    [false, 'f'],
    [3, '3'],
    [2.5, '2.5'],
    ['', ''],
    ['Kepala Bagian', 'Kepala Bagian'],
    ['a\tb', 'a\\tb'],
    ['line\nnext\r', 'line\\nnext\\r'],
    ['C:\\path', 'C:\\\\path'],
    ['\\N', '\\\\N'],
    [['satu', 'dua "tiga"', 'back\\slash'], '{"satu","dua \\\\"tiga\\\\"","back\\\\\\\\slash"}'],
    [[], '{}'],
  ] as const)('%j → %s', (value, text) => {
    expect(copyText(value)).toBe(text);
  });

  it('never leaves a raw tab, line break or lone backslash in a field', () => {
    const nasty = ['\t', '\n', '\r', '\\', 'x\\\ty', '\\\\n'];
    for (const value of nasty) {
      const text = copyText(value);
      expect(text).not.toMatch(/[\t\n\r]/);
      // Every backslash is the start of an escape pair.
      expect(text.replace(/\\[\\tnr]/g, '')).not.toContain('\\');
    }
  });
});
