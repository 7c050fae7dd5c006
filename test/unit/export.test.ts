import { describe, expect, it } from 'vitest';
import { csvOf, tableOf } from '../../src/platform/http/export';

describe('rows from a GraphQL answer', () => {
  it('takes the nodes of the first connection, nested objects as dotted columns', () => {
    const table = tableOf({
      employees: {
        totalCount: 2,
        nodes: [
          {
            nip: '1',
            rank: { code: 'III/a' },
            competencies: [
              { code: 'M.01', level: 3 },
              { code: 'M.02', level: 4 },
            ],
          },
          { nip: '2', rank: null, competencies: [] },
        ],
      },
    });
    expect(table).toEqual({
      columns: ['nip', 'rank.code', 'competencies.code', 'competencies.level'],
      rows: [
        ['1', 'III/a', 'M.01; M.02', '3; 4'],
        ['2', null, null, null],
      ],
    });
  });

  it.each([
    ['a list at the root', { positions: [{ code: 'A' }] }, [['A']]],
    ['edges of a connection', { c: { edges: [{ cursor: 'x', node: { code: 'A' } }] } }, [['A']]],
    [
      'a list below an object',
      { position: { title: 'T', requirements: [{ code: 'A' }] } },
      [['A']],
    ],
    [
      'the first list in field order',
      { a: { nodes: [{ code: 'A' }] }, b: [{ code: 'B' }] },
      [['A']],
    ],
  ])('finds %s', (_what, data, rows) => {
    expect(tableOf(data)?.rows).toEqual(rows);
  });

  it('keeps numbers and booleans as they are, and a single value as itself', () => {
    expect(tableOf([{ count: 3, qualified: true, key: ['III/a'] }])?.rows).toEqual([
      [3, true, 'III/a'],
    ]);
    expect(tableOf([{ key: ['AG', null] }])?.rows).toEqual([['AG; ']]);
  });

  it('finds no rows in an answer without a list', () => {
    expect(tableOf({ employee: { nip: '1' } })).toBeNull();
    expect(tableOf(null)).toBeNull();
  });

  it('unions the columns of rows that differ, in order of first appearance', () => {
    expect(tableOf([{ a: 1 }, { b: 2, a: 3 }])).toEqual({
      columns: ['a', 'b'],
      rows: [
        [1, null],
        [3, 2],
      ],
    });
  });
});

describe('CSV', () => {
  const text = (table: Parameters<typeof csvOf>[0]) => csvOf(table).toString('utf8');

  it('starts with a BOM and ends records with CRLF', () => {
    const csv = csvOf({ columns: ['name'], rows: [['Siti Nurhaliza']] });
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text({ columns: ['name'], rows: [['Siti']] })).toBe('\ufeffname\r\nSiti\r\n');
  });

  it.each([
    ['a comma', 'Dra. Hj., M.Si', '"Dra. Hj., M.Si"'],
    ['a quote', 'Ir. "Ucok"', '"Ir. ""Ucok"""'],
    ['a line break', 'baris\nkedua', '"baris\nkedua"'],
    ['a formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a leading minus', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['Indonesian letters', 'Nyoman Ṣukarṇa', 'Nyoman Ṣukarṇa'],
  ])('writes a text with %s safely', (_what, value, written) => {
    expect(text({ columns: ['v'], rows: [[value]] })).toBe(`\ufeffv\r\n${written}\r\n`);
  });

  it('writes numbers, booleans and nothing as they are', () => {
    expect(text({ columns: ['n', 'b', 'x'], rows: [[-3, false, null]] })).toBe(
      '\ufeffn,b,x\r\n-3,false,\r\n',
    );
  });
});
