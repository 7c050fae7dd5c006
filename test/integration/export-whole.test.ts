import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tokenFor, withMinuteLeft, type TestApp } from '../support/harness';

/**
 * `/export.csv|xlsx` read a connection to its end, a page of 100 at a time, and stream the file:
 * 100,000 employees come out whole, in flat memory, NIPs intact as text; a file cut short says
 * so in its last row; a bad query is a 400 with its errors.
 */
let app: TestApp;
let capped: TestApp;
let dir: string;
const N = 100_000;
const MAX_ROWS = 250;
const AGENCY = 'EKSPOR-UJI';
const ADMIN = tokenFor('ADMIN');

/** The i-th generated NIP: born 1970-01-01 + ⌊i/999⌋ days, first appointed 1995-03, male. */
function nipOf(i: number): string {
  const born = new Date(Date.UTC(1970, 0, 1) + Math.floor(i / 999) * 86_400_000);
  const date = born.toISOString().slice(0, 10).replaceAll('-', '');
  return `${date}1995031${String((i % 999) + 1).padStart(3, '0')}`;
}

beforeAll(async () => {
  [app, capped] = await Promise.all([
    startTestApp('demo'),
    startTestApp('demo', { exportMaxRows: MAX_ROWS }),
  ]);
  dir = await mkdtemp(join(tmpdir(), 'export-whole-'));
  // 100,000 employees of an agency of their own, in one statement (the bulk path's speed
  // without its rules: the export reads rows, it does not judge them).
  const knex = app.orm.em.getKnex();
  await knex.transaction(async (trx) => {
    await trx.raw('set local statement_timeout = 0');
    await trx.raw(
      `with ag as (insert into agency (code, name, kind) values (?, 'Agency of the export test', 'REGENCY') returning id),
          u as (insert into org_unit (code, name, agency_id) select 'EKSPOR-UNIT', 'Unit ekspor', id from ag returning id)
     insert into employee (nip, name, employment_type, rank_code, education_code, org_unit_id)
     select to_char(date '1970-01-01' + (i / 999), 'YYYYMMDD') || '1995031' || lpad(((i % 999) + 1)::text, 3, '0'),
            'Pegawai ' || lpad(i::text, 6, '0'), 'PNS', 'III/a', 'S1', u.id
       from generate_series(0, ? - 1) i, u`,
      [AGENCY, N],
    );
  });
}, 300_000);
afterAll(async () => {
  await Promise.all([app?.close(), capped?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const exportOf = (target: TestApp, format: string, query: string, variables = {}, token = ADMIN) =>
  fetch(`${target.url}/export.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });

const WHOLE = `query Whole($a: String) { employees(filter: { agencyCode: $a }, orderBy: { field: CREATED }) { nodes { nip name rank { code } } } }`;

/**
 * Samples the heap of this process (the server runs in it) while `run` goes: the peak growth
 * over the heap before it.
 */
async function peakHeapGrowth(run: () => Promise<void>): Promise<number> {
  const before = live();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, live());
  }, 1_000);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, live()) - before;
}

/**
 * The heap in use after a full collection: what the process holds, not the garbage it has
 * yet to collect (which depends on when V8 chooses to collect, not on what the code keeps).
 */
v8.setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
function live(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

/** What holding the rows would take: 100,000 rows as the one JSON answer of old held them. */
function heapOfHeldRows(): number {
  const before = live();
  const rows = Array.from({ length: N }, (_, i) => ({
    nip: nipOf(i),
    name: `Pegawai ${String(i).padStart(6, '0')}`,
    rank: { code: 'III/a' },
  }));
  const text = JSON.stringify({ data: { employees: { nodes: rows } } });
  const held = live() - before;
  expect(text.length).toBeGreaterThan(N * 50);
  return held;
}

describe('a whole export', () => {
  it('streams 100,000 rows of CSV in flat memory, each row in order and whole', async () => {
    let lines = 0;
    let bad = 0;
    let first = '';
    let last = '';
    let partial = '';
    const growth = await peakHeapGrowth(async () => {
      const response = await exportOf(app, 'csv', WHOLE, { a: AGENCY });
      expect(response.status).toBe(200);
      // The BOM kept, to see that it is there.
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        const text = partial + decoder.decode(chunk, { stream: true });
        const parts = text.split('\r\n');
        partial = parts.pop()!;
        for (const line of parts) {
          if (lines === 0) expect(line).toBe('\ufeffnip,name,rank.code');
          else {
            const i = lines - 1;
            if (line !== `${nipOf(i)},Pegawai ${String(i).padStart(6, '0')},III/a`) bad++;
            if (i === 0) first = line;
            last = line;
          }
          lines++;
        }
      }
      expect(response.headers.get('x-export-max-rows')).toBe('1000000');
    });
    expect(partial).toBe('');
    expect(lines).toBe(N + 1);
    expect(bad).toBe(0);
    expect(first).toBe(`${nipOf(0)},Pegawai 000000,III/a`);
    expect(last).toBe(`${nipOf(N - 1)},Pegawai 0${N - 1},III/a`);
    const held = heapOfHeldRows();
    console.info(
      `CSV of ${N} rows: peak heap growth ${(growth / 2 ** 20).toFixed(1)} MiB; the rows held: ${(held / 2 ** 20).toFixed(1)} MiB`,
    );
    expect(growth).toBeLessThan(held / 2);
  }, 300_000);

  it('streams 100,000 rows of XLSX in flat memory, every NIP a text cell that reads back', async () => {
    const file = join(dir, 'whole.xlsx');
    const growth = await peakHeapGrowth(async () => {
      const response = await exportOf(app, 'xlsx', WHOLE, { a: AGENCY });
      expect(response.status).toBe(200);
      await pipeline(Readable.fromWeb(response.body as never), createWriteStream(file));
    });
    const held = heapOfHeldRows();
    console.info(
      `XLSX of ${N} rows (${((await stat(file)).size / 2 ** 20).toFixed(1)} MiB): peak heap growth ${(growth / 2 ** 20).toFixed(1)} MiB; the rows held: ${(held / 2 ** 20).toFixed(1)} MiB`,
    );
    expect(growth).toBeLessThan(held / 2);

    // Read back as a stream too: every NIP a string cell with the text format, in order.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { styles: 'cache' });
    let rows = 0;
    let bad = 0;
    let lastNip = '';
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (row.number === 1) {
          expect(row.values).toEqual([undefined, 'nip', 'name', 'rank.code']);
          continue;
        }
        const i = row.number - 2;
        const nip = row.getCell(1);
        if (nip.type !== ExcelJS.ValueType.String || nip.value !== nipOf(i)) bad++;
        if (nip.numFmt !== '@') bad++;
        lastNip = nip.text;
        rows++;
      }
    }
    expect(rows).toBe(N);
    expect(bad).toBe(0);
    expect(lastNip).toBe(nipOf(N - 1));
  }, 300_000);

  it('takes first as the most rows wanted, beyond the page size', async () => {
    const response = await exportOf(
      app,
      'csv',
      `query($a: String) { employees(first: 500, filter: { agencyCode: $a }, orderBy: { field: CREATED }) { nodes { nip } } }`,
      { a: AGENCY },
    );
    expect(response.status).toBe(200);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(501);
    expect(lines[500]).toBe(nipOf(499));
  });

  it('writes text=excel CSV with NIPs as formulas of text, and plain CSV without', async () => {
    const query = `query($a: String) { employees(first: 2, filter: { agencyCode: $a }, orderBy: { field: CREATED }) { nodes { nip name } } }`;
    const excel = await fetch(`${app.url}/export.csv?text=excel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ query, variables: { a: AGENCY } }),
    });
    expect((await excel.text()).split('\r\n')[1]).toBe(`"=""${nipOf(0)}""",Pegawai 000000`);
    const plain = await exportOf(app, 'csv', query, { a: AGENCY });
    expect((await plain.text()).split('\r\n')[1]).toBe(`${nipOf(0)},Pegawai 000000`);
  });

  it('puts each dimension of a grouped count in a column of its own, named by it', async () => {
    const response = await exportOf(
      app,
      'csv',
      `{ employeeCounts(groupBy: [AGENCY, RANK]) { key count meanLevel(competency: "M.03") } }`,
    );
    const [header, ...rows] = (await response.text()).trimEnd().split('\r\n');
    expect(header).toBe('AGENCY,RANK,count,meanLevel');
    expect(rows).toContain(`${AGENCY},III/a,${N},`);
    expect(rows.some((r) => r.startsWith('PROV-MALUKU,'))).toBe(true);
  });
});

describe('a file cut short', () => {
  it('ends with a row saying EXPORT_MAX_ROWS cut it, and where to go on', async () => {
    const response = await exportOf(capped, 'csv', `{ employees { nodes { nip name } } }`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + MAX_ROWS + 1);
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^"?Export cut after ${MAX_ROWS} rows: EXPORT_MAX_ROWS is ${MAX_ROWS} and more rows remain\\. To go on, export again with after: `,
      ),
    );
  });

  it('is not cut when the rows wanted are fewer than the limit, nor when the connection ends', async () => {
    const wanted = await exportOf(capped, 'csv', `{ employees(first: 30) { nodes { nip } } }`);
    const lines = (await wanted.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(31);
    expect(lines.at(-1)).not.toMatch(/cut/);
  });

  it('ends with a row saying the budget ran out, once rows have been sent', async () => {
    const PAGE = `{ employees(first: 100) { nodes { nip } } }`;
    const perPage = (await app.gql(PAGE)).extensions!.cost!.requested;
    const thrifty = await startTestApp('demo', { costPerMinute: Math.floor(perPage * 2.5) });
    try {
      await withMinuteLeft(30);
      const response = await exportOf(
        thrifty,
        'xlsx',
        `query Budget { employees { nodes { nip } } }`,
      );
      expect(response.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      const sheet = book.worksheets[0];
      // The header, the pages the budget paid for (at least the first), and the notice.
      const pages = sheet.rowCount - 2;
      expect(pages % 100).toBe(0);
      expect(pages).toBeGreaterThanOrEqual(100);
      expect(pages).toBeLessThanOrEqual(200);
      expect(sheet.getRow(sheet.rowCount).getCell(1).text).toMatch(
        new RegExp(
          `^Export cut after ${pages} rows: RATE_LIMITED: .*To go on, export again with after: "`,
        ),
      );
      // Refused before the first row: a 429, as /graphql answers.
      const refused = await exportOf(thrifty, 'csv', PAGE);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBeTruthy();
    } finally {
      await thrifty.close();
    }
  });
});

describe('a bad export query', () => {
  it.each([
    ['a syntax error', `{ employees(first: 10 { nodes { nip } } }`, {}, 'GRAPHQL_PARSE_FAILED'],
    [
      'a field the schema lacks',
      `{ employees { nodes { nosuch } } }`,
      {},
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a variable of the wrong type',
      `query($n: Int) { employees(first: $n) { nodes { nip } } }`,
      { n: 'many' },
      'BAD_USER_INPUT',
    ],
    [
      'a missing variable',
      `query($a: String!) { employees(filter: { agencyCode: $a }) { nodes { nip } } }`,
      {},
      'BAD_USER_INPUT',
    ],
    ['a negative first', `{ employees(first: -1) { nodes { nip } } }`, {}, 'BAD_USER_INPUT'],
    ['paging backwards', `{ employees(last: 10) { nodes { nip } } }`, {}, 'BAD_USER_INPUT'],
    [
      'an unknown filter code',
      `{ employees(filter: { competencies: [{ code: "X.99" }] }) { nodes { nip } } }`,
      {},
      'BAD_USER_INPUT',
    ],
  ])('answers %s with 400 and its errors', async (_what, query, variables, code) => {
    for (const format of ['csv', 'xlsx']) {
      const response = await exportOf(app, format, query, variables);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe(code);
      expect(JSON.stringify(body)).not.toMatch(/select |stack|at .*\.ts:/);
    }
  });

  it('answers a query without a list, and a mutation, with 400', async () => {
    const single = await exportOf(app, 'csv', `{ agency(code: "PROV-MALUKU") { code } }`);
    expect(single.status).toBe(400);
    expect(((await single.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
      /no list or connection/,
    );
    const mutation = await exportOf(
      app,
      'csv',
      `mutation { closeSelection(input: { selectionId: "x" }) { userErrors { message } } }`,
    );
    expect(mutation.status).toBe(400);
  });
});
