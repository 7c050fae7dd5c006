import { PassThrough } from 'node:stream';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cellsOf, csvWriter, excelText, type Cell } from '../../src/platform/http/export';
import {
  exportPlan,
  PAGE_AFTER,
  PAGE_INFO,
  PAGE_SIZE,
  type ExportColumn,
} from '../../src/platform/http/export-plan';

const schema = buildSchema(`
  scalar Date
  enum Dimension { AGENCY RANK }
  type Rank { code: String! }
  type Competency { level: Int!, code: String! }
  type Employee { nip: String, name: String, appointedOn: Date, rank: Rank,
                  competencies: [Competency!]!, qualified: Boolean }
  type PageInfo { hasNextPage: Boolean!, endCursor: String }
  type EmployeeEdge { cursor: String!, node: Employee! }
  type EmployeeConnection { nodes: [Employee!]!, edges: [EmployeeEdge!]!, pageInfo: PageInfo!,
                            totalCount: Int! }
  type Count { key: [String]!, count: Int!, meanLevel(competency: String!): Float }
  type Unit { code: String!, employees(first: Int, after: String, last: Int, before: String): EmployeeConnection! }
  type Query {
    employees(first: Int, after: String, last: Int, before: String, agency: String): EmployeeConnection!
    unit(code: String!): Unit
    counts(groupBy: [Dimension!]!): [Count!]!
  }
`);

const planOf = (text: string, variables: Record<string, unknown> = {}) => {
  const document = parse(text);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  )!;
  return exportPlan(schema, document, operation, variables);
};

const names = (columns: readonly ExportColumn[] | undefined) => columns?.map((c) => c.name);

describe('the plan of an export', () => {
  it('takes the nodes of the first connection, nested fields as dotted columns typed by the schema', () => {
    const plan = planOf(
      `{ employees(first: 500) { totalCount nodes { nip appointedOn rank { code } competencies { level } qualified } } }`,
    )!;
    expect(plan).toMatchObject({ rowsPath: ['employees'], paged: true, rowsKey: 'nodes' });
    expect(plan.wanted).toBe(500);
    expect(plan.columns.map((c) => [c.name, c.kind])).toEqual([
      ['nip', 'text'],
      ['appointedOn', 'date'],
      ['rank.code', 'text'],
      ['competencies.level', 'number'],
      ['qualified', 'boolean'],
    ]);
  });

  it('pages by its own variables: first and after replaced, pageInfo asked for, unused variables dropped', () => {
    const plan = planOf(
      `query People($n: Int, $a: String, $at: String) { employees(first: $n, agency: $a, after: $at) { nodes { nip } } }`,
      { n: 1000, a: 'PROV-MALUKU', at: 'cursor-1' },
    )!;
    expect(plan.wanted).toBe(1000);
    expect(plan.startAfter).toBe('cursor-1');
    expect(plan.variables).toEqual({ a: 'PROV-MALUKU' });
    expect(plan.query).toContain(`first: $${PAGE_SIZE}`);
    expect(plan.query).toContain(`after: $${PAGE_AFTER}`);
    expect(plan.query).toContain(`${PAGE_INFO}: pageInfo`);
    expect(plan.query).not.toContain('$n');
    expect(plan.query).toContain('$a: String');
    // The rewritten operation is a valid one.
    expect(() => parse(plan.query)).not.toThrow();
  });

  it('reads all rows when first is left out, and follows edges when no nodes are asked for', () => {
    const plan = planOf(`{ unit(code: "U") { code employees { edges { node { name } } } } }`)!;
    expect(plan).toMatchObject({
      rowsPath: ['unit', 'employees'],
      rowsKey: 'edges',
      wanted: null,
    });
    expect(names(plan.columns)).toEqual(['name']);
  });

  it('spreads a grouped key over one column per dimension, named by it', () => {
    const plan = planOf(
      `query($g: [Dimension!]!) { counts(groupBy: $g) { key count m: meanLevel(competency: "M.03") } }`,
      { g: ['AGENCY', 'RANK'] },
    )!;
    expect(plan.paged).toBe(false);
    expect(names(plan.columns)).toEqual(['AGENCY', 'RANK', 'count', 'm']);
    expect(cellsOf({ key: ['PROV-MALUKU', null], count: 7, m: 2.5 }, plan.columns)).toEqual([
      'PROV-MALUKU',
      null,
      7,
      2.5,
    ]);
  });

  it.each([
    ['last', `{ employees(last: 5) { nodes { nip } } }`, {}, /forward/],
    [
      'a negative first',
      `query($n: Int) { employees(first: $n) { nodes { nip } } }`,
      { n: -1 },
      /whole number/,
    ],
    [
      'a variable of the wrong type',
      `query($n: Int) { employees(first: $n) { nodes { nip } } }`,
      { n: 'x' },
      /\$n/,
    ],
  ])('refuses %s', (_what, text, variables, message) => {
    expect(() => planOf(text, variables)).toThrow(message);
  });

  it('finds nothing in a query without a list, or with a connection of totals only', () => {
    expect(planOf(`{ unit(code: "U") { code } }`)).toBeNull();
    expect(planOf(`{ employees { totalCount } }`)).toBeNull();
  });
});

describe('cells of a row', () => {
  const columns: ExportColumn[] = [
    { name: 'nip', path: ['nip'], kind: 'text' },
    { name: 'rank.code', path: ['rank', 'code'], kind: 'text' },
    { name: 'competencies.level', path: ['competencies', 'level'], kind: 'number' },
  ];

  it('joins the values of a nested list in one cell, and gives null for what is missing', () => {
    expect(
      cellsOf(
        { nip: '1', rank: { code: 'III/a' }, competencies: [{ level: 3 }, { level: 4 }] },
        columns,
      ),
    ).toEqual(['1', 'III/a', '3; 4']);
    expect(cellsOf({ nip: '2', rank: null, competencies: [] }, columns)).toEqual(['2', null, null]);
    expect(cellsOf({ nip: '3', rank: null, competencies: [{ level: 5 }] }, columns)).toEqual([
      '3',
      null,
      5,
    ]);
  });
});

describe('CSV', () => {
  const columns: ExportColumn[] = [{ name: 'v', path: ['v'], kind: 'text' }];
  async function text(rows: Cell[][], options: { excel?: boolean } = {}, cols = columns) {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = csvWriter(out, cols, options);
    await writer.rows(rows);
    await writer.end();
    return Buffer.concat(chunks);
  }

  it('starts with a BOM and ends records with CRLF', async () => {
    const csv = await text([['Siti Nurhaliza']]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toBe('\ufeffv\r\nSiti Nurhaliza\r\n');
  });

  it('writes the header of an empty file', async () => {
    expect((await text([])).toString('utf8')).toBe('\ufeffv\r\n');
  });

  it.each([
    ['a comma', 'Dra. Hj., M.Si', '"Dra. Hj., M.Si"'],
    ['a quote', 'Ir. "Ucok"', '"Ir. ""Ucok"""'],
    ['a line break', 'baris\nkedua', '"baris\nkedua"'],
    ['a formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a leading minus', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['Indonesian letters', 'Nyoman Ṣukarṇa', 'Nyoman Ṣukarṇa'],
    ['an 18-digit NIP (as it is, for every reader)', '198609262015051001', '198609262015051001'],
  ])('writes a text with %s safely', async (_what, value, written) => {
    expect((await text([[value]])).toString('utf8')).toBe(`\ufeffv\r\n${written}\r\n`);
  });

  it('writes numbers, booleans and nothing as they are', async () => {
    const cols: ExportColumn[] = ['n', 'b', 'x'].map((name) => ({
      name,
      path: [name],
      kind: 'number',
    }));
    expect((await text([[-3, false, null]], {}, cols)).toString('utf8')).toBe(
      '\ufeffn,b,x\r\n-3,false,\r\n',
    );
  });

  it.each([
    ['an 18-digit NIP', '198609262015051001', '"=""198609262015051001"""'],
    ['a code with a leading zero', '007', '"=""007"""'],
    ['a code that reads as a date', '3/4', '"=""3/4"""'],
    ['a code with letters', 'III/d', 'III/d'],
    ['a formula', '=1+1', "'=1+1"],
  ])('with text=excel writes %s as Excel and Calc keep it', async (_what, value, written) => {
    expect((await text([[value]], { excel: true })).toString('utf8')).toBe(
      `\ufeffv\r\n${written}\r\n`,
    );
  });

  it('never touches a number column, with text=excel or not', () => {
    expect(excelText(1986, 'number')).toBe(1986);
    expect(excelText('1986', 'text')).toBe('="1986"');
  });
});
