import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT_VALIDITY_YEARS } from '../../src/domain/staleness';
import { addYears } from '../../src/domain/employee.dates';
import { RANKS, EDUCATION_LEVELS } from '../../src/domain/reference.data';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * Skill search, richer filters and headcounts, checked against the plain answer: every
 * employee read through `employees` with their current levels (`Employee.competencies`, read
 * from SQL, not from the ranking index the search uses), filtered and grouped here.
 */
let app: TestApp;

interface Person {
  id: string;
  nip: string | null;
  employmentType: string;
  rank: { code: string } | null;
  education: { code: string };
  agency: { code: string };
  orgUnit: { code: string };
  position: { category: string } | null;
  competencies: {
    level: number;
    assessedOn: string;
    stale: boolean;
    competency: { code: string };
  }[];
}

let everyone: Person[];
const PERSON = `id nip employmentType rank { code } education { code } agency { code } orgUnit { code }
  position { category } competencies { level assessedOn stale competency { code } }`;

/** Every page of `employees` with a filter, as the given token sees them. */
async function all(filter: object | null, token?: string): Promise<Person[]> {
  const people: Person[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = {
      employees: { nodes: Person[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    };
    const answer: { data?: Page; errors?: unknown } = await app.gql<Page>(
      `query($filter: EmployeeFilter, $after: String) { employees(filter: $filter, first: 100, after: $after) {
        nodes { ${PERSON} } pageInfo { hasNextPage endCursor } } }`,
      { filter, after },
      token,
    );
    expect(answer.errors).toBeUndefined();
    const page: Page['employees'] = answer.data!.employees;
    people.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return people;
    after = page.pageInfo.endCursor;
  }
}

const ids = (people: Person[]) => people.map((p) => p.id).sort();
const ordinal = (list: readonly { code: string; ordinal: number }[], code: string | undefined) =>
  list.find((r) => r.code === code)?.ordinal ?? -1;
const level = (p: Person, code: string) => p.competencies.find((c) => c.competency.code === code);

beforeAll(async () => {
  app = await startTestApp('demo');
  everyone = await all(null);
}, 120_000);
afterAll(() => app?.close());

describe('skill search', () => {
  it('finds who is at M.03 level 4 or above and rank III/c or above, as the levels say', async () => {
    const found = await all({
      competencies: [{ code: 'M.03', minLevel: 4 }],
      rank: { gte: 'III/c' },
    });
    const expected = everyone.filter(
      (p) =>
        (level(p, 'M.03')?.level ?? 0) >= 4 &&
        ordinal(RANKS, p.rank?.code) >= ordinal(RANKS, 'III/c'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(found)).toEqual(ids(expected));
  });

  it('takes ranges of levels, several competencies, and fresh assessments only', async () => {
    const found = await all({
      competencies: [
        { code: 'M.01', minLevel: 2, maxLevel: 3 },
        { code: 'M.02', minLevel: 3, includeStale: false },
      ],
    });
    const freshFrom = addYears(
      new Date().toISOString().slice(0, 10),
      -DEFAULT_ASSESSMENT_VALIDITY_YEARS,
    );
    const expected = everyone.filter((p) => {
      const m1 = level(p, 'M.01');
      const m2 = level(p, 'M.02');
      return (
        !!m1 &&
        m1.level >= 2 &&
        m1.level <= 3 &&
        !!m2 &&
        m2.level >= 3 &&
        m2.assessedOn >= freshFrom
      );
    });
    expect(ids(found)).toEqual(ids(expected));
  });

  it('combines filters with and, or and not, and education ranges in their own order', async () => {
    const found = await all({
      or: [{ rank: { in: ['IV/a', 'IV/b'] } }, { education: { gte: 'S2' } }],
      not: { employmentType: 'PPPK' },
      and: [{ competencies: [{ code: 'M.01', minLevel: 1 }] }],
    });
    const expected = everyone.filter(
      (p) =>
        (['IV/a', 'IV/b'].includes(p.rank?.code ?? '') ||
          ordinal(EDUCATION_LEVELS, p.education.code) >= ordinal(EDUCATION_LEVELS, 'S2')) &&
        p.employmentType !== 'PPPK' &&
        !!level(p, 'M.01'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(found)).toEqual(ids(expected));
    expect(await all({ or: [] })).toEqual([]);
  });

  it('answers HR within its agency only', async () => {
    const hr = tokenFor('HR', { agency: 'PROV-MALUKU' });
    const found = await all({ competencies: [{ code: 'M.03', minLevel: 3 }] }, hr);
    const expected = everyone.filter(
      (p) => p.agency.code === 'PROV-MALUKU' && (level(p, 'M.03')?.level ?? 0) >= 3,
    );
    expect(ids(found)).toEqual(ids(expected));
  });

  it('answers the committee within its agency, and an employee about themself only', async () => {
    const committee = await all(
      { competencies: [{ code: 'M.01', minLevel: 1 }] },
      tokenFor('COMMITTEE', { agency: 'KAB-MALTENG' }),
    );
    expect(ids(committee)).toEqual(
      ids(everyone.filter((p) => p.agency.code === 'KAB-MALTENG' && !!level(p, 'M.01'))),
    );
    const me = everyone.find((p) => p.nip && level(p, 'M.01'))!;
    const own = await all(
      { competencies: [{ code: 'M.01', minLevel: 1 }] },
      tokenFor('EMPLOYEE', { nip: me.nip! }),
    );
    expect(ids(own)).toEqual([me.id]);
  });

  it('is the same search from the competency’s side', async () => {
    const answer = await app.ok(
      `{ competency(code: "M.03") { holders(minLevel: 4, filter: { rank: { gte: "III/c" } }, first: 100) { totalCount nodes { id } } } }`,
    );
    const search = await all({
      competencies: [{ code: 'M.03', minLevel: 4 }],
      rank: { gte: 'III/c' },
    });
    expect(answer.competency.holders.totalCount).toBe(search.length);
    expect(answer.competency.holders.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      ids(search),
    );
  });

  it.each([
    [
      { competencies: [{ code: 'X.99' }] },
      'filter.competencies[0].code',
      /No competency has code "X.99"/,
    ],
    [
      { competencies: [{ code: 'M.01', minLevel: 6 }] },
      'filter.competencies[0].minLevel',
      /from 1 to 5/,
    ],
    [
      { competencies: [{ code: 'M.01', minLevel: 4, maxLevel: 2 }] },
      'filter.competencies[0]',
      /above/,
    ],
    [{ rank: { gte: 'V/a' } }, 'filter.rank.gte', /not a rank code/],
    [{ education: { in: ['S1', 'PhD'] } }, 'filter.education.in[1]', /not an education code/],
    [{ rank: {} }, 'filter.rank', /needs `gte`, `lte` or `in`/],
  ])('refuses %j naming %s', async (filter, argument, message) => {
    const answer = await app.gql(
      `query($f: EmployeeFilter) { employees(filter: $f) { totalCount } }`,
      {
        f: filter,
      },
    );
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(message),
      extensions: { code: 'BAD_USER_INPUT', argument },
    });
  });

  it('refuses a name search to the analyst wherever it is nested', async () => {
    const answer = await app.gql(
      `{ employees(filter: { or: [{ search: "Siti" }, { rank: { gte: "IV/a" } }] }) { totalCount } }`,
      {},
      tokenFor('ANALYST'),
    );
    expect(answer.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      argument: 'filter.or[0].search',
    });
  });
});

describe('employeeCounts', () => {
  const COUNTS = `query($g: [EmployeeDimension!]!, $f: EmployeeFilter) { employeeCounts(groupBy: $g, filter: $f) { key count } }`;
  const gender = (nip: string | null) => (nip ? (nip[14] === '1' ? 'MALE' : 'FEMALE') : null);

  function grouped(people: Person[], keyOf: (p: Person) => (string | null)[]) {
    const counts = new Map<string, number>();
    for (const p of people) {
      const key = JSON.stringify(keyOf(p));
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([key, count]) => ({
      key: JSON.parse(key) as (string | null)[],
      count,
    }));
  }
  const sorted = (rows: { key: (string | null)[]; count: number }[]) =>
    [...rows].sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));

  it('counts by any combination of dimensions, in one SQL statement', async () => {
    const answer = await app.gql(COUNTS, {
      g: ['AGENCY', 'RANK', 'EDUCATION', 'GENDER'],
    });
    expect(answer.errors).toBeUndefined();
    expect(sorted(answer.data.employeeCounts)).toEqual(
      sorted(
        grouped(everyone, (p) => [
          p.agency.code,
          p.rank?.code ?? null,
          p.education.code,
          gender(p.nip),
        ]),
      ),
    );
    expect(answer.extensions?.sqlStatements).toBe(1);
    const counts: number[] = answer.data.employeeCounts.map((r: { count: number }) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a)); // largest groups first
  });

  it('counts by unit, employment type and position category, with a filter', async () => {
    const answer = await app.ok(COUNTS, {
      g: ['ORG_UNIT', 'EMPLOYMENT_TYPE', 'POSITION_CATEGORY'],
      f: { competencies: [{ code: 'M.02', minLevel: 3 }] },
    });
    const chosen = everyone.filter((p) => (level(p, 'M.02')?.level ?? 0) >= 3);
    expect(sorted(answer.employeeCounts)).toEqual(
      sorted(
        grouped(chosen, (p) => [p.orgUnit.code, p.employmentType, p.position?.category ?? null]),
      ),
    );
    const total = await app.ok(COUNTS, { g: [] });
    expect(total.employeeCounts).toEqual([{ key: [], count: everyone.length }]);
  });

  it('counts HR’s and the committee’s own agency only, and not for an employee', async () => {
    for (const role of ['HR', 'COMMITTEE'] as const) {
      const answer = await app.gql(
        COUNTS,
        { g: ['AGENCY'] },
        tokenFor(role, { agency: 'PROV-MALUKU' }),
      );
      expect(answer.data.employeeCounts).toEqual([
        {
          key: ['PROV-MALUKU'],
          count: everyone.filter((p) => p.agency.code === 'PROV-MALUKU').length,
        },
      ]);
    }
    const analyst = await app.gql(COUNTS, { g: ['AGENCY'] }, tokenFor('ANALYST'));
    expect(
      analyst.data.employeeCounts.reduce((n: number, r: { count: number }) => n + r.count, 0),
    ).toBe(everyone.length);
    const employee = await app.gql(
      COUNTS,
      { g: ['AGENCY'] },
      tokenFor('EMPLOYEE', { nip: everyone[0].nip! }),
    );
    expect(employee.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a dimension twice, or more than four', async () => {
    for (const g of [
      ['RANK', 'RANK'],
      ['RANK', 'AGENCY', 'GENDER', 'EDUCATION', 'ORG_UNIT'],
    ]) {
      const answer = await app.gql(COUNTS, { g });
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'groupBy',
      });
    }
  });
});

describe('spreadsheets out', () => {
  const exportOf = (
    format: 'csv' | 'xlsx',
    query: string,
    token: string | null = tokenFor('ADMIN'),
    variables = {},
  ) =>
    fetch(`${app.url}/export.${format}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  const PEOPLE = `query People { employees(first: 30, filter: { competencies: [{ code: "M.01", minLevel: 1 }] }) {
    nodes { nip name appointedOn rank { code } competencies { level competency { code } } } } }`;

  it('writes CSV: the first connection as rows, nested fields as dotted columns', async () => {
    const response = await exportOf('csv', PEOPLE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="People-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'nip,name,appointedOn,rank.code,competencies.level,competencies.competency.code',
    );
    expect(lines).toHaveLength(31);
    const first = everyone.find((p) => lines[1].startsWith(`${p.nip},`))!;
    expect(first).toBeDefined();
  });

  it('writes XLSX with a frozen header and typed cells, which reads back', async () => {
    const response = await exportOf(
      'xlsx',
      `query Counts { employeeCounts(groupBy: [RANK]) { key count } }`,
    );
    expect(response.status).toBe(200);
    const { Workbook } = (await import('exceljs')).default;
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Counts');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, 'RANK', 'count']);
    let total = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      expect(typeof row.getCell(2).value).toBe('number');
      total += row.getCell(2).value as number;
    });
    expect(total).toBe(everyone.length);

    const people = await exportOf('xlsx', PEOPLE);
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(await people.arrayBuffer()) as never);
    const dates = book.worksheets[0]
      .getColumn(3)
      .values.slice(2)
      .filter((v) => v !== null && v !== undefined);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toBeInstanceOf(Date);
  });

  it('holds to the roles and visibility of the API', async () => {
    const hr = await exportOf(
      'csv',
      `{ employees(first: 100) { nodes { agency { code } } } }`,
      tokenFor('HR', { agency: 'PROV-MALUKU' }),
    );
    const agencies = new Set((await hr.text()).slice(1).trimEnd().split('\r\n').slice(1));
    expect([...agencies]).toEqual(['PROV-MALUKU']);

    const analyst = await exportOf(
      'csv',
      `{ employees(first: 10) { nodes { name } } }`,
      tokenFor('ANALYST'),
    );
    expect(analyst.status).toBe(403);
    expect(((await analyst.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');

    const anonymous = await exportOf('xlsx', `{ employees(first: 10) { nodes { id } } }`, null);
    expect(anonymous.status).toBe(401);
  });

  it('runs queries only, by POST, and says when there is nothing to make rows of', async () => {
    const mutation = await exportOf(
      'csv',
      `mutation { closeSelection(input: { selectionId: "x" }) { userErrors { message } } }`,
    );
    expect(mutation.status).toBe(400);
    expect(((await mutation.json()) as any).errors[0].message).toMatch(/runs one query/);
    expect((await fetch(`${app.url}/export.csv`)).status).toBe(405);
    const single = await exportOf('csv', `{ employee(nip: "${everyone[0].nip}") { nip } }`);
    expect(single.status).toBe(400);
    expect(((await single.json()) as any).errors[0].message).toMatch(/no list/);
  });
});

describe('partial answers', () => {
  it('gives null where a field is refused, with FORBIDDEN there, and keeps the rest', async () => {
    const answer = await app.gql(
      `{ employees(first: 3) { nodes { name rank { code } education { code } } }
         positions(first: 1) { nodes { code } }
         trainingNeeds(scope: { agencyCode: "PROV-MALUKU" }) { employees }
         auditEvents(first: 1) { totalCount } }`,
      {},
      tokenFor('ANALYST'),
    );
    const nodes = answer.data.employees.nodes;
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect(node.name).toBeNull();
      expect(node.education.code).toBeTruthy();
    }
    expect(answer.data.positions.nodes).toHaveLength(1);
    expect(answer.data.trainingNeeds.employees).toBeGreaterThan(0);
    expect(answer.data.auditEvents).toBeNull(); // ADMIN and HR only
    const refused = answer.errors!.map((e: any) => [e.path.join('.'), e.extensions.code]);
    expect(refused).toEqual(
      expect.arrayContaining([
        ['employees.nodes.0.name', 'FORBIDDEN'],
        ['employees.nodes.2.name', 'FORBIDDEN'],
        ['auditEvents', 'FORBIDDEN'],
      ]),
    );
    expect(refused).toHaveLength(4);
  });
});
