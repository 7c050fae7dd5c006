import { describe, expect, it } from 'vitest';
import {
  decodeUtf8Strict,
  findInputProblem,
  InputProblemError,
  MAX_INPUT_DEPTH,
  normaliseAll,
  normaliseDeep,
  normaliseText,
  textProblemIn,
  Utf8Error,
} from '../../src/domain/text';
import { checkVariables } from '../../src/platform/http/variables';

/** normaliseAll with the problems it reported. */
function run(value: unknown, path: (string | number)[] = []) {
  const found: { path: (string | number)[]; problem: string }[] = [];
  const result = normaliseAll(value, (at, problem) => found.push({ path: at, problem }), path);
  return { result, found };
}

/** `leaf` inside `levels` objects (`{ a: … }`), or lists when `list`; built without recursion. */
function nested(levels: number, leaf: unknown = 'x', list = false): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = list ? [value] : { a: value };
  return value;
}

/** The error `normaliseDeep` throws for `value` (failing the test when it throws none). */
function refusal(value: unknown, path: (string | number)[] = []): InputProblemError {
  try {
    normaliseDeep(value, path);
  } catch (error) {
    if (error instanceof InputProblemError) return error;
    throw error;
  }
  throw new Error('normaliseDeep took the value');
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
      { path: ['root', 'employees', 0, 'name'], problem: 'contains the control character U+0000' },
      {
        path: ['root', 'employees', 2, 'tags', 1],
        problem: 'contains the control character U+007F',
      },
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

/** Every character refused in text, with its reason. */
const REFUSED: [string, string, string][] = [
  ['U+0000 (C0)', '\u0000', 'contains the control character U+0000'],
  ['U+0008 (C0)', '\u0008', 'contains the control character U+0008'],
  ['U+000B (C0)', '\u000b', 'contains the control character U+000B'],
  ['U+001F (C0)', '\u001f', 'contains the control character U+001F'],
  ['U+007F (DEL)', '\u007f', 'contains the control character U+007F'],
  ['U+0085 (C1)', '\u0085', 'contains the control character U+0085'],
  ['U+009F (C1)', '\u009f', 'contains the control character U+009F'],
  ['U+202A (LRE)', '\u202a', 'contains the bidirectional control U+202A'],
  ['U+202B (RLE)', '\u202b', 'contains the bidirectional control U+202B'],
  ['U+202C (PDF)', '\u202c', 'contains the bidirectional control U+202C'],
  ['U+202D (LRO)', '\u202d', 'contains the bidirectional control U+202D'],
  ['U+202E (RLO)', '\u202e', 'contains the bidirectional control U+202E'],
  ['U+2066 (LRI)', '\u2066', 'contains the bidirectional control U+2066'],
  ['U+2067 (RLI)', '\u2067', 'contains the bidirectional control U+2067'],
  ['U+2068 (FSI)', '\u2068', 'contains the bidirectional control U+2068'],
  ['U+2069 (PDI)', '\u2069', 'contains the bidirectional control U+2069'],
  ['U+200E (LRM)', '\u200e', 'contains the bidirectional control U+200E'],
  ['U+200F (RLM)', '\u200f', 'contains the bidirectional control U+200F'],
  ['U+061C (ALM)', '\u061c', 'contains the bidirectional control U+061C'],
  ['a lone high surrogate', '\ud800', 'contains a lone surrogate U+D800'],
  ['a lone high surrogate (last)', '\udbff', 'contains a lone surrogate U+DBFF'],
  ['a lone low surrogate', '\udc00', 'contains a lone surrogate U+DC00'],
  ['a lone low surrogate (last)', '\udfff', 'contains a lone surrogate U+DFFF'],
  ['a pair in the wrong order', '\ude00\ud83d', 'contains a lone surrogate U+DE00'],
];

/** Where in a text a refused character is put. */
const PLACES: [string, (c: string) => string][] = [
  ['alone', (c) => c],
  ['at the start', (c) => `${c}Dinas Kesehatan`],
  ['in the middle', (c) => `Dinas ${c}Kesehatan`],
  ['at the end', (c) => `Dinas Kesehatan${c}`],
  ['after non-ASCII text', (c) => `Pe\u0301ndidikan ${c}`],
];

describe('textProblemIn', () => {
  it.each(
    REFUSED.flatMap(([name, c, problem]) => PLACES.map(([at, put]) => [name, at, put(c), problem])),
  )('refuses %s %s', (_name, _at, text, problem) => {
    expect(textProblemIn(text)?.problem).toBe(problem);
  });

  it.each([
    ['plain ASCII', 'JPT-014'],
    ['tab, line feed and carriage return', 'a\tb\nc\r\nd'],
    ['an emoji (a surrogate pair)', 'Selamat \ud83d\ude00'],
    ['an emoji alone', '\ud83d\ude00'],
    ['the last code point', '\udbff\udfff'],
    ['emoji joined with ZWJ', '\ud83d\udc69\u200d\ud83d\udcbb'],
    ['a no-break space and accents', 'Pe\u0301ndidikan\u00a0Dasar'],
    ['Arabic letters', '\u0645\u062d\u0645\u062f'],
    ['the characters around the bidi controls', '\u2029\u202f\u2065\u206a\u200d\u061b'],
    ['empty', ''],
  ])('allows %s', (_name, text) => {
    expect(textProblemIn(text)).toBeNull();
  });

  it('names the kind of each problem', () => {
    expect(textProblemIn('a\u0001')?.kind).toBe('control-character');
    expect(textProblemIn('a\u202e')?.kind).toBe('bidirectional-control');
    expect(textProblemIn('a\udc00')?.kind).toBe('lone-surrogate');
  });
});

describe('normaliseDeep', () => {
  it('normalises texts in lists and objects and keeps other values', () => {
    const date = new Date(0);
    expect(normaliseDeep({ a: [' x ', 'e\u0301'], b: 1, c: null, d: date, e: true })).toEqual({
      a: ['x', '\u00e9'],
      b: 1,
      c: null,
      d: date,
      e: true,
    });
  });

  it.each(REFUSED)('refuses %s, naming where it is', (_name, c, problem) => {
    const error = refusal({ employees: [{ name: 'ok' }, { name: `Siti${c}` }] }, ['input']);
    expect(error.path).toEqual(['input', 'employees', 1, 'name']);
    expect(error.problem).toBe(problem);
  });

  it('refuses a refused character in a key', () => {
    expect(refusal({ 'na\u202eme': 'x' }, ['input']).path).toEqual(['input', 'na\u202eme']);
  });

  it('keeps a "__proto__" field a field', () => {
    const result = normaliseDeep(JSON.parse('{"__proto__": {"x": " y "}}') as object);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.value).toEqual({ x: 'y' });
  });

  it.each([false, true])(
    'takes values nested to the limit, and refuses one more (lists: %s)',
    (list) => {
      expect(normaliseDeep(nested(MAX_INPUT_DEPTH, ' x ', list))).toEqual(
        nested(MAX_INPUT_DEPTH, 'x', list),
      );
      const error = refusal(nested(MAX_INPUT_DEPTH + 1, 'x', list), ['d']);
      expect(error.kind).toBe('too-deep');
      expect(error.problem).toBe(`is nested deeper than ${MAX_INPUT_DEPTH} levels`);
      expect(error.path).toEqual([
        'd',
        ...Array<string | number>(MAX_INPUT_DEPTH).fill(list ? 0 : 'a'),
      ]);
    },
  );

  it('refuses an empty object or list past the limit too', () => {
    expect(refusal(nested(MAX_INPUT_DEPTH, {})).kind).toBe('too-deep');
    expect(refusal(nested(MAX_INPUT_DEPTH, [])).kind).toBe('too-deep');
    expect(() => normaliseDeep(nested(MAX_INPUT_DEPTH - 1, {}))).not.toThrow();
  });

  it('refuses a value 200,000 levels deep without overflowing the stack', () => {
    expect(refusal(nested(200_000), ['input', 'dataset']).kind).toBe('too-deep');
    expect(refusal(nested(200_000, 'x', true)).kind).toBe('too-deep');
  });
});

describe('findInputProblem', () => {
  it('finds what normaliseDeep refuses, at the same path, and nothing else (property)', () => {
    const leaves: unknown[] = [
      'ok',
      ' spaced ',
      'e\u0301',
      '\u202e',
      '\ud800',
      'a\u0007',
      3,
      null,
      true,
    ];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const build = (depth: number): unknown => {
      const pick = next() % 4;
      if (depth > 70 || pick === 0) return leaves[next() % leaves.length];
      if (pick === 1) return Array.from({ length: next() % 3 }, () => build(depth + 1));
      if (pick === 2) return { [`k${next() % 3}`]: build(depth + 1), z: build(depth + 1) };
      return { a: build(depth + 1) };
    };
    for (let n = 0; n < 1000; n++) {
      const value = build(0);
      const found = findInputProblem(value, ['v']);
      let thrown: InputProblemError | null = null;
      try {
        normaliseDeep(value, ['v']);
      } catch (error) {
        thrown = error as InputProblemError;
      }
      expect(found && { path: found.path, kind: found.kind, problem: found.problem }).toEqual(
        thrown && { path: thrown.path, kind: thrown.kind, problem: thrown.problem },
      );
    }
  });

  it('finds a problem 200,000 levels deep without overflowing the stack', () => {
    expect(findInputProblem(nested(200_000))?.kind).toBe('too-deep');
  });
});

describe('checkVariables', () => {
  it.each([
    ['no variables', undefined],
    ['null', null],
    ['ordinary ones', { first: 10, input: { name: 'Dinas \u00e9', tags: ['a', 'b'] }, ok: true }],
    ['one at the limit', { d: nested(MAX_INPUT_DEPTH) }],
  ])('takes %s', (_name, variables) => {
    expect(checkVariables(variables)).toBeNull();
  });

  it('names the variable nested too deep', () => {
    const error = checkVariables({ first: 1, d: nested(100_000) });
    expect(error?.message).toBe(`Variable \`$d\` is nested deeper than ${MAX_INPUT_DEPTH} levels.`);
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      variable: 'd',
      argument: 'd',
    });
  });

  it('names the variable and the path to a refused text', () => {
    const error = checkVariables({ input: { units: [{ name: 'ok' }, { name: 'x\u202e' }] } });
    expect(error?.message).toBe(
      'Variable `$input.units.1.name` contains the bidirectional control U+202E.',
    );
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      variable: 'input',
      argument: 'input.units.1.name',
    });
  });
});

describe('normaliseAll (refusals)', () => {
  it('reports bidirectional controls and lone surrogates with their paths, and goes on', () => {
    const { found } = run({
      orgUnits: [{ name: 'BKD\u202e' }, { name: 'x\udc00', code: '\u2066A' }],
    });
    expect(found).toEqual([
      { path: ['orgUnits', 0, 'name'], problem: 'contains the bidirectional control U+202E' },
      { path: ['orgUnits', 1, 'name'], problem: 'contains a lone surrogate U+DC00' },
      { path: ['orgUnits', 1, 'code'], problem: 'contains the bidirectional control U+2066' },
    ]);
  });

  it('takes a document nested to the limit, and reports one more level once', () => {
    expect(run(nested(MAX_INPUT_DEPTH)).found).toEqual([]);
    expect(run(nested(MAX_INPUT_DEPTH + 1, ' x ')).found).toEqual([
      {
        path: Array<string>(MAX_INPUT_DEPTH).fill('a'),
        problem: `is nested deeper than ${MAX_INPUT_DEPTH} levels`,
      },
    ]);
  });

  it('reports a document 200,000 levels deep without overflowing the stack', () => {
    const { found } = run({ positions: [nested(200_000)] });
    expect(found).toHaveLength(1);
    expect(found[0].problem).toBe(`is nested deeper than ${MAX_INPUT_DEPTH} levels`);
  });
});

describe('decodeUtf8Strict', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);
  const text = (value: string) => new TextEncoder().encode(value);

  it.each([
    ['ASCII', text('{"a":1}'), '{"a":1}'],
    ['two-, three- and four-byte characters', text('é€\ud83d\ude00'), 'é€\ud83d\ude00'],
    ['the last code point', bytes(0xf4, 0x8f, 0xbf, 0xbf), '\udbff\udfff'],
    ['empty', bytes(), ''],
  ])('decodes %s', (_name, input, expected) => {
    expect(decodeUtf8Strict(input)).toBe(expected);
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80, 0x41], 1],
    ['a C0 lead (overlong)', [0x41, 0x42, 0xc0, 0xaf], 2],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['an F5 lead', [0x20, 0xf5, 0x80, 0x80, 0x80], 1],
    ['a sequence cut short in the middle', [0x41, 0xe2, 0x82, 0x41], 1],
    ['a sequence cut short at the end', [0x41, 0x42, 0x43, 0xf0, 0x9f, 0x98], 3],
    ['a bad byte after valid multi-byte text', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xff], 5],
  ])('refuses %s at its offset', (_name, input, offset) => {
    let thrown: unknown;
    try {
      decodeUtf8Strict(Uint8Array.from(input));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Utf8Error);
    expect((thrown as Utf8Error).offset).toBe(offset);
    expect((thrown as Utf8Error).message).toContain(`byte ${offset}`);
  });
});
