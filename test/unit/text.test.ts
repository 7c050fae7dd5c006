import { describe, expect, it } from 'vitest';
import { normaliseAll, normaliseText } from '../../src/shared/text';

/** normaliseAll with the control characters it reported. */
function run(value: unknown, path: (string | number)[] = []) {
  const found: { path: (string | number)[]; character: string }[] = [];
  const result = normaliseAll(value, (at, character) => found.push({ path: at, character }), path);
  return { result, found };
}

describe('normaliseAll', () => {
  it.each([
    ['plain ASCII', 'Dinas Kesehatan', 'Dinas Kesehatan'],
    ['surrounding spaces', '  BKD  ', 'BKD'],
    ['a single character', 'x', 'x'],
    ['only spaces', '   ', ''],
    ['empty', '', ''],
    ['decomposed é (NFD) becomes NFC', 'Pe\u0301ndidikan', 'P\u00e9ndidikan'],
    ['a tab inside is kept', 'a\tb', 'a\tb'],
    ['a trailing line break is trimmed', 'Kepala\n', 'Kepala'],
    ['non-ASCII text', 'Ṣubḥ ', 'Ṣubḥ'],
  ])('a string: %s', (_name, input, expected) => {
    expect(run(input).result).toBe(expected);
    expect(run(input).found).toEqual([]);
  });

  it('gives back the very same document when nothing in it changes', () => {
    const document = {
      employees: [{ nip: '199001012015031001', name: 'Siti', performance: [{ year: 2025 }] }],
      flags: [true, null, 3.5],
    };
    expect(run(document).result).toBe(document);
  });

  it('copies only the lists and objects on the way to a changed text, and never changes its input', () => {
    const untouched = { code: 'A' };
    const document = { agencies: [untouched, { code: ' B ', name: 'Badan' }], other: { x: 1 } };
    const before = structuredClone(document);
    const { result } = run(document) as { result: typeof document };
    expect(result).toEqual({
      agencies: [{ code: 'A' }, { code: 'B', name: 'Badan' }],
      other: { x: 1 },
    });
    expect(document).toEqual(before);
    expect(result).not.toBe(document);
    expect(result.agencies).not.toBe(document.agencies);
    expect(result.agencies[0]).toBe(untouched);
    expect(result.other).toBe(document.other);
  });

  it('keeps the order of fields and a "__proto__" field as a field', () => {
    const document = JSON.parse('{"b": " 1 ", "__proto__": {"x": " y "}, "a": "2"}') as object;
    const result = run(document).result as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['b', '__proto__', 'a']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.value).toEqual({ x: 'y' });
  });

  it('reports every control character with the path to it, and keeps the other text', () => {
    const { result, found } = run(
      { employees: [{ name: 'A\u0000B' }, { name: 'ok' }, { tags: ['x', 'y\u007f'] }] },
      ['root'],
    );
    expect(found).toEqual([
      { path: ['root', 'employees', 0, 'name'], character: 'U+0000' },
      { path: ['root', 'employees', 2, 'tags', 1], character: 'U+007F' },
    ]);
    expect(result).toEqual({
      employees: [{ name: 'A\u0000B' }, { name: 'ok' }, { tags: ['x', 'y\u007f'] }],
    });
  });

  it('agrees with normaliseText on every string, whatever its characters (property)', () => {
    const alphabet = [
      ' ',
      'a',
      'Z',
      '~',
      '!',
      '\t',
      '\n',
      'e\u0301',
      '\u00e9',
      'Ω',
      '\u00a0',
      '\u0001',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let length = next() % 8; length > 0; length--)
        text += alphabet[next() % alphabet.length];
      const { result, found } = run([text]);
      expect((result as string[])[0]).toBe(normaliseText(text));
      expect(found.length).toBe(text.includes('\u0001') ? 1 : 0);
    }
  });
});
