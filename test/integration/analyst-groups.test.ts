import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * The minimum group size (MIN_GROUP_SIZE, 5 by default): an ANALYST cannot single out fewer
 * than 5 people, neither through headcounts nor through per-person facts.
 */
let app: TestApp;
const ANALYST = tokenFor('ANALYST');
const ADMIN = tokenFor('ADMIN');
const MIN = 5;

interface Count {
  key: (string | null)[];
  count: number;
  suppressed: boolean;
}
const COUNTS = `query($g: [EmployeeDimension!]!, $f: EmployeeFilter) {
  employeeCounts(groupBy: $g, filter: $f) { key count suppressed } }`;
const FACTS = `performance { year rating } competencies { level } talentBox { box }
  yearsOfService education { code } employmentType professionalismIndex { total }`;
const FACT_FIELDS = [
  'performance',
  'competencies',
  'talentBox',
  'yearsOfService',
  'education',
  'employmentType',
  'professionalismIndex',
];

type Errors = { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
/** The fields refused with FORBIDDEN, by their last path element. */
const forbidden = (errors: Errors | undefined) =>
  new Set(
    (errors ?? [])
      .filter((e) => e.extensions?.code === 'FORBIDDEN')
      .map((e) => String(e.path?.at(-1))),
  );

/** A position with one holder (as the Sekda), found as ADMIN. */
let single: string;

beforeAll(async () => {
  app = await startTestApp('demo');
  const positions = await app.gql<{
    positions: { nodes: { code: string; holders: { totalCount: number } }[] };
  }>(`{ positions(first: 100) { nodes { code holders { totalCount } } } }`, {}, ADMIN);
  expect(positions.errors).toBeUndefined();
  single = positions.data!.positions.nodes.find((p) => p.holders.totalCount === 1)!.code;
  expect(single).toBeDefined();
});

afterAll(() => app?.close());

describe('employeeCounts to an ANALYST', () => {
  const groupings = [['ORG_UNIT'], ['RANK', 'EDUCATION'], ['AGENCY', 'GENDER', 'EMPLOYMENT_TYPE']];

  it.each(groupings)('by %j: no count below 5, small groups gathered in one row', async (...g) => {
    const [admin, analyst] = await Promise.all([
      app.gql<{ employeeCounts: Count[] }>(COUNTS, { g }, ADMIN),
      app.gql<{ employeeCounts: Count[] }>(COUNTS, { g }, ANALYST),
    ]);
    expect(admin.errors).toBeUndefined();
    expect(analyst.errors).toBeUndefined();
    const all = admin.data!.employeeCounts;
    // The demo province has small groups here: ADMIN sees them, unsuppressed.
    const small = all.filter((c) => c.count < MIN);
    expect(small.length).toBeGreaterThan(0);
    expect(all.every((c) => !c.suppressed)).toBe(true);

    const rows = analyst.data!.employeeCounts;
    expect(rows.every((c) => c.count >= MIN)).toBe(true);
    expect(rows.filter((c) => !c.suppressed)).toEqual(all.filter((c) => c.count >= MIN));
    const withheld = small.reduce((sum, c) => sum + c.count, 0);
    const gathered = rows.filter((c) => c.suppressed);
    expect(gathered).toEqual(
      withheld >= MIN ? [{ key: g.map(() => null), count: withheld, suppressed: true }] : [],
    );
  });

  it('a filter narrowing to fewer than 5 people gives no count at all', async () => {
    const f = { positionCode: single };
    const admin = await app.gql<{ employeeCounts: Count[] }>(COUNTS, { g: [], f }, ADMIN);
    expect(admin.data!.employeeCounts).toEqual([{ key: [], count: 1, suppressed: false }]);
    const analyst = await app.gql<{ employeeCounts: Count[] }>(COUNTS, { g: [], f }, ANALYST);
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data!.employeeCounts).toEqual([]);
  });
});

describe('per-person facts to an ANALYST', () => {
  it("a position's holder: every fact null with FORBIDDEN", async () => {
    const answer = await app.gql<{
      position: { holders: { nodes: Record<string, unknown>[] } };
    }>(
      `query($c: String!) { position(code: $c) { holders { nodes { __typename ${FACTS} } } } }`,
      { c: single },
      ANALYST,
    );
    const holder = answer.data!.position.holders.nodes[0];
    expect(holder.__typename).toBe('Employee');
    for (const field of FACT_FIELDS) expect(holder[field]).toBeNull();
    expect(forbidden(answer.errors as Errors)).toEqual(new Set(FACT_FIELDS));
  });

  it('the same holder to ADMIN: the facts', async () => {
    const answer = await app.gql<{
      position: { holders: { nodes: { performance: unknown[]; competencies: unknown[] }[] } };
    }>(
      `query($c: String!) { position(code: $c) { holders { nodes { __typename ${FACTS} } } } }`,
      { c: single },
      ADMIN,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.position.holders.nodes[0].performance).not.toBeNull();
    expect(answer.data!.position.holders.nodes[0].competencies).not.toBeNull();
  });

  it('the same facts through a list of at least 5 people: the data', async () => {
    for (const list of ['nodes { FACTS }', 'edges { node { FACTS } }']) {
      const answer = await app.gql<{
        employees: {
          totalCount: number;
          nodes?: Record<string, unknown>[];
          edges?: { node: Record<string, unknown> }[];
        };
      }>(`{ employees(first: 3) { totalCount ${list.replace('FACTS', FACTS)} } }`, {}, ANALYST);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.employees.totalCount).toBeGreaterThanOrEqual(MIN);
      const people =
        answer.data!.employees.nodes ?? answer.data!.employees.edges!.map((e) => e.node);
      expect(people).toHaveLength(3);
      for (const person of people) {
        expect(person.performance).toEqual(expect.any(Array));
        expect(person.competencies).toEqual(expect.any(Array));
        expect(person.education).toEqual({ code: expect.any(String) });
      }
    }
  });

  it('a filter narrowing to fewer than 5 people: FORBIDDEN on the facts', async () => {
    const answer = await app.gql<{
      employees: { totalCount: number; nodes: Record<string, unknown>[] };
    }>(
      `query($f: EmployeeFilter) { employees(filter: $f) { totalCount nodes { __typename ${FACTS} } } }`,
      { f: { positionCode: single } },
      ANALYST,
    );
    expect(answer.data!.employees.nodes).toHaveLength(1);
    for (const field of FACT_FIELDS) expect(answer.data!.employees.nodes[0][field]).toBeNull();
    expect(forbidden(answer.errors as Errors)).toEqual(new Set(FACT_FIELDS));
  });

  it('a big list and a small one in the same request: each by its own size', async () => {
    const answer = await app.gql<{
      big: { nodes: { performance: unknown }[] };
      small: { nodes: { performance: unknown }[] };
    }>(
      `query($f: EmployeeFilter) {
        big: employees(first: 1) { nodes { performance { year } } }
        small: employees(filter: $f) { nodes { performance { year } } } }`,
      { f: { positionCode: single } },
      ANALYST,
    );
    expect(answer.data!.big.nodes[0].performance).toEqual(expect.any(Array));
    expect(answer.data!.small.nodes[0].performance).toBeNull();
    expect((answer.errors as Errors).map((e) => e.path)).toEqual([
      ['small', 'nodes', 0, 'performance'],
    ]);
  });

  it('one employee by node id: FORBIDDEN on the facts', async () => {
    const listed = await app.gql<{ employees: { nodes: { id: string }[] } }>(
      `{ employees(first: 1) { nodes { id } } }`,
      {},
      ANALYST,
    );
    const id = listed.data!.employees.nodes[0].id;
    const answer = await app.gql<{ node: { performance: unknown } }>(
      `query($id: ID!) { node(id: $id) { ... on Employee { performance { year } } } }`,
      { id },
      ANALYST,
    );
    expect(answer.data!.node.performance).toBeNull();
    expect(forbidden(answer.errors as Errors)).toEqual(new Set(['performance']));
  });
});

describe('analytics of a scope to an ANALYST', () => {
  it('a scope of fewer than 5 people is refused; ADMIN still gets it', async () => {
    // The org unit of the single holder, alone, without the units below.
    const where = await app.gql<{
      position: { holders: { nodes: { orgUnit: { code: string } }[] } };
    }>(
      `query($c: String!) { position(code: $c) { holders { nodes { orgUnit { code } } } } }`,
      { c: single },
      ADMIN,
    );
    const unit = where.data!.position.holders.nodes[0].orgUnit.code;
    const size = await app.gql<{ employees: { totalCount: number } }>(
      `query($u: String!) { employees(filter: { orgUnitCode: $u }) { totalCount } }`,
      { u: unit },
      ADMIN,
    );
    // Only meaningful on a small unit.
    expect(size.data!.employees.totalCount).toBeLessThan(MIN);
    const query = `query($s: AnalyticsScope!) {
      professionalismIndex(scope: $s) { employees }
      talentMatrix(scope: $s) { employees }
      trainingCompliance(scope: $s) { employees } }`;
    const s = { orgUnitCode: unit, includeSubunits: false };
    const admin = await app.gql<Record<string, unknown>>(query, { s }, ADMIN);
    expect(admin.errors).toBeUndefined();
    const analyst = await app.gql<Record<string, unknown>>(query, { s }, ANALYST);
    expect(analyst.data).toEqual({
      professionalismIndex: null,
      talentMatrix: null,
      trainingCompliance: null,
    });
    expect(forbidden(analyst.errors as Errors)).toEqual(
      new Set(['professionalismIndex', 'talentMatrix', 'trainingCompliance']),
    );
  });

  it('talent boxes and heat-map rows of fewer than 5 people are left out', async () => {
    const agencies = await app.gql<{ agencies: { nodes: { code: string }[] } }>(
      `{ agencies(first: 1) { nodes { code } } }`,
      {},
      ADMIN,
    );
    const s = { agencyCode: agencies.data!.agencies.nodes[0].code };
    const query = `query($s: AnalyticsScope!) {
      talentMatrix(scope: $s) { cells { box count } }
      competencyHeatMap(scope: $s) { rows { employees cells { required } } } }`;
    type Answer = {
      talentMatrix: { cells: { box: number; count: number }[] };
      competencyHeatMap: { rows: { employees: number; cells: { required: number }[] }[] };
    };
    const admin = await app.gql<Answer>(query, { s }, ADMIN);
    const analyst = await app.gql<Answer>(query, { s }, ANALYST);
    expect(admin.errors).toBeUndefined();
    expect(analyst.errors).toBeUndefined();
    const small = (n: number) => n > 0 && n < MIN;
    expect(admin.data!.competencyHeatMap.rows.some((r) => small(r.employees))).toBe(true);
    expect(analyst.data!.talentMatrix.cells).toEqual(
      admin.data!.talentMatrix.cells.filter((c) => !small(c.count)),
    );
    const rows = analyst.data!.competencyHeatMap.rows;
    expect(rows.length).toBe(
      admin.data!.competencyHeatMap.rows.filter((r) => !small(r.employees)).length,
    );
    expect(rows.every((r) => !small(r.employees) && r.cells.every((c) => !small(c.required)))).toBe(
      true,
    );
  });
});

describe('facts and who they are about, in one row', () => {
  it.each([
    ['the ID', '{ employees(first: 50) { nodes { id performance { rating } } } }'],
    [
      'the position',
      '{ employees(first: 50) { nodes { position { code } competencies { level } } } }',
    ],
    [
      'the unit, through a fragment',
      '{ employees(first: 50) { nodes { ...F } } } fragment F on Employee { orgUnit { code } talentBox { box } }',
    ],
    [
      'the ID, through a node',
      'query($id: ID!) { node(id: $id) { id ... on Employee { yearsOfService } } }',
    ],
  ])('are never answered together to ANALYST: %s', async (_what, query) => {
    const answer = await app.gql(query, { id: 'RW1wbG95ZWU6MQ==' }, ANALYST);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.errors?.[0]?.message).toMatch(/together/);
  });

  it('are each answered apart, and together to the roles that see people by name', async () => {
    const apart = await app.gql(
      '{ a: employees(first: 50) { nodes { id } } b: employees(first: 50) { nodes { performance { rating } } } }',
      {},
      ANALYST,
    );
    expect(apart.errors).toBeUndefined();
    const admin = await app.gql(
      '{ employees(first: 5) { nodes { id position { code } performance { rating } } } }',
    );
    expect(admin.errors).toBeUndefined();
  });
});
