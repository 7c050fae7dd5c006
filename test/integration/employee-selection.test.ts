import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';
import { selectionSettings } from '../../src/modules/employee/employee-selection';

/**
 * Employee lists and counts from the ranking index, held to the SQL way (the index switched off,
 * `selectionSettings.fromIndex`) on the demo province: many filters, orders, pages walked by
 * cursor both ways, groupings and roles (agency-bound roles, the ANALYST's withheld groups),
 * before and after writes that the index holds in its overlay (a rename, a new rank, a move, an
 * assessment).
 */
let app: TestApp;
let roles: { name: string; token: string }[];
let unit: { code: string; parent: string };
let position: string;
let nips: string[];

beforeAll(async () => {
  app = await startTestApp('demo');
  const knex = app.orm.em.getKnex();
  const agencies = (await knex('agency').orderBy('id').pluck('code')) as string[];
  roles = [
    { name: 'ADMIN', token: tokenFor('ADMIN') },
    { name: 'ANALYST', token: tokenFor('ANALYST') },
    { name: 'HR', token: tokenFor('HR', { agency: agencies[0] }) },
    { name: 'COMMITTEE', token: tokenFor('COMMITTEE', { agency: agencies.at(-1)! }) },
  ];
  const [withChildren] = (
    await knex.raw<{ rows: { code: string; parent: string }[] }>(
      `select c.code, p.code as parent from org_unit c join org_unit p on p.id = c.parent_id
        order by c.id limit 1`,
    )
  ).rows;
  unit = withChildren;
  position = (
    await knex.raw<{ rows: { code: string }[] }>(
      `select p.code from position p join employee e on e.position_id = p.id
        group by p.code order by count(*) desc limit 1`,
    )
  ).rows[0].code;
  nips = (await knex('employee')
    .whereNotNull('nip')
    .orderBy('id')
    .limit(40)
    .pluck('nip')) as string[];
});
afterAll(async () => {
  selectionSettings.fromIndex = true;
  await app?.close();
});

const filters = (): Record<string, unknown>[] => [
  {},
  { competencies: [{ code: 'M.03', minLevel: 3 }] },
  { competencies: [{ code: 'M.03', minLevel: 2 }], rank: { gte: 'III/c' } },
  {
    competencies: [
      { code: 'M.03', minLevel: 1, maxLevel: 3 },
      { code: 'M.01', minLevel: 2 },
    ],
  },
  { competencies: [{ code: 'M.03', minLevel: 1, includeStale: false }] },
  { minRank: 'III/a' },
  { not: { minRank: 'III/a' } },
  { or: [{ rank: { in: ['III/b', 'IV/a'] } }, { employmentType: 'PPPK' }] },
  { not: { rank: { gte: 'II/a', lte: 'III/d' } } },
  { rank: { in: [] } },
  { not: { rank: { in: [] } } },
  { or: [] },
  { not: { or: [] } },
  { positionCode: position },
  { not: { positionCode: position } },
  { positionCode: 'NO-SUCH-POSITION' },
  { agencyCode: 'NO-SUCH-AGENCY' },
  { orgUnitCode: unit.parent, includeSubunits: true },
  { orgUnitCode: unit.parent },
  { not: { orgUnitCode: unit.code }, education: { gte: 'S1' } },
  { minEducation: 'D3', employmentType: 'PNS' },
  {
    and: [{ competencies: [{ code: 'M.02', minLevel: 2 }] }, { not: { employmentType: 'CPNS' } }],
    or: [{ minRank: 'III/c' }, { education: { in: ['S2', 'S3'] } }],
  },
];

const LIST = `query($f: EmployeeFilter, $o: EmployeeOrder, $first: Int, $after: String, $last: Int, $before: String) {
  employees(filter: $f, orderBy: $o, first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage } } }`;

type ListPage = {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
};

async function list(
  token: string,
  variables: Record<string, unknown>,
  fromIndex: boolean,
): Promise<{ page?: ListPage; error?: unknown }> {
  selectionSettings.fromIndex = fromIndex;
  const answer = await app.gql<{ employees: ListPage }>(LIST, variables, token);
  selectionSettings.fromIndex = true;
  return answer.errors
    ? { error: answer.errors.map((e) => [e.extensions?.code, e.message]) }
    : { page: answer.data!.employees };
}

const shape = (answer: { page?: ListPage; error?: unknown }) =>
  answer.page
    ? {
        total: answer.page.totalCount,
        ids: answer.page.edges.map((e) => e.node.id),
        info: answer.page.pageInfo,
      }
    : answer;

/**
 * Walks a list forward by cursor with both ways, each page from the same cursor (the index's),
 * and back from its end: every page the same.
 */
async function holdsToSql(token: string, filter: Record<string, unknown>, order?: object) {
  const size = 7;
  let after: string | undefined;
  for (let pages = 0; pages < 4; pages++) {
    const variables = { f: filter, o: order, first: size, after };
    const [index, sql] = [await list(token, variables, true), await list(token, variables, false)];
    expect(shape(index), JSON.stringify(variables)).toEqual(shape(sql));
    if (!index.page?.pageInfo.hasNextPage) break;
    after = index.page.edges.at(-1)!.cursor;
  }
  const back = { f: filter, o: order, last: size, before: after };
  expect(shape(await list(token, back, true))).toEqual(shape(await list(token, back, false)));
}

const COUNTS = `query($g: [EmployeeDimension!]!, $f: EmployeeFilter) {
  employeeCounts(groupBy: $g, filter: $f) { key count suppressed } }`;

async function countsHoldToSql(token: string, groupBy: string[], filter: object) {
  const answer = async (fromIndex: boolean) => {
    selectionSettings.fromIndex = fromIndex;
    const result = await app.gql(COUNTS, { g: groupBy, f: filter }, token);
    selectionSettings.fromIndex = true;
    return result.errors ? result.errors.map((e) => e.message) : result.data;
  };
  expect(await answer(true), JSON.stringify({ groupBy, filter })).toEqual(await answer(false));
}

const GROUPINGS = [
  ['AGENCY', 'RANK'],
  [],
  ['ORG_UNIT'],
  ['EDUCATION', 'EMPLOYMENT_TYPE'],
  ['RANK', 'AGENCY', 'EDUCATION'],
];

async function everythingHolds() {
  for (const [r, { token }] of roles.entries()) {
    for (const [f, filter] of filters().entries()) {
      await holdsToSql(token, filter);
      // The other orders, each for a share of the filters (every request costs the suite).
      if (f % roles.length === r) {
        await holdsToSql(token, filter, { field: 'CREATED', direction: 'DESC' });
        if (r !== 1) await holdsToSql(token, filter, { field: 'NAME', direction: 'DESC' });
      }
    }
    for (const [g, groupBy] of GROUPINGS.entries())
      for (const [f, filter] of filters().entries())
        if ((f + g) % 3 === 0) await countsHoldToSql(token, groupBy, filter);
  }
}

describe('employee lists and counts from the index', () => {
  it('answer as the SQL way does, for every role, filter, order and page', async () => {
    await everythingHolds();
  }, 300_000);

  it('answer as the SQL way does after writes the index holds in its overlay', async () => {
    const write = async (query: string, variables: Record<string, unknown>) => {
      const result = await app.ok<Record<string, { userErrors?: unknown[] }>>(query, variables);
      expect(Object.values(result)[0].userErrors ?? []).toEqual([]);
    };
    const update = `mutation($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { userErrors { message } } }`;
    // A rename to the front and the back of the name order, a new rank, a move, an assessment.
    await write(update, { input: { nip: nips[3], name: 'Aaaa Abdi' } });
    await write(update, { input: { nip: nips[5], name: 'Zzzz Zulkifli', rank: 'IV/a' } });
    await write(update, { input: { nip: nips[7], orgUnit: unit.code } });
    await write(
      `mutation($nip: String!) { recordAssessment(input: { nip: $nip, assessedOn: "2026-10-02",
        method: INTERVIEW, results: [{ competency: "M.03", level: 5 }, { competency: "M.01", level: 4 }] }) {
        userErrors { message } } }`,
      { nip: nips[9] },
    );
    await everythingHolds();
  }, 300_000);

  it('count by unit and agency as the units are now, reading them once until they change', async () => {
    const admin = roles[0].token;
    const statements = async () => {
      const result = await app.gql(COUNTS, { g: ['AGENCY', 'ORG_UNIT'], f: null }, admin);
      expect(result.errors).toBeUndefined();
      return Number(result.extensions?.sqlStatements);
    };
    await statements();
    // The index's catch-up alone: the units' codes and agencies are kept.
    expect(await statements()).toBe(1);
    const ok = async (query: string, input: Record<string, unknown>) => {
      const result = await app.ok<Record<string, { userErrors?: unknown[] }>>(query, { input });
      expect(Object.values(result)[0].userErrors ?? []).toEqual([]);
    };
    const knex = app.orm.em.getKnex();
    const agencies = (await knex('agency').orderBy('id').pluck('code')) as string[];
    // A unit moved to another agency (no employee changes), then a new unit with someone in it.
    await ok(
      `mutation($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { userErrors { message } } }`,
      { code: unit.code, agency: agencies.at(-1), parent: null },
    );
    for (const groupBy of [['AGENCY'], ['AGENCY', 'ORG_UNIT']])
      await countsHoldToSql(admin, groupBy, {});
    await ok(
      `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { userErrors { message } } }`,
      { code: 'NEW-UNIT-1', agency: agencies[0], name: 'Unit baru' },
    );
    await ok(
      `mutation($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { userErrors { message } } }`,
      { nip: nips[11], orgUnit: 'NEW-UNIT-1' },
    );
    for (const groupBy of [['ORG_UNIT'], ['AGENCY', 'RANK']])
      await countsHoldToSql(admin, groupBy, {});
  });

  it('read a skill search in a few statements, however large the page', async () => {
    const search = `query($first: Int) { employees(filter: { competencies: [{ code: "M.03", minLevel: 2 }],
      rank: { gte: "III/a" } }, first: $first) { totalCount nodes { nip name rank { code } } } }`;
    await app.gql(search, { first: 1 });
    const counted: number[] = [];
    for (const first of [5, 50]) {
      const result = await app.gql(search, { first });
      expect(result.errors).toBeUndefined();
      counted.push(Number(result.extensions?.sqlStatements));
    }
    // The index's catch-up, the competency by code, the page's rows by id (and once per
    // process a reference table): not one more for the larger page, none for the count.
    expect(counted[0]).toBeLessThanOrEqual(4);
    expect(counted[1]).toBeLessThanOrEqual(counted[0]);
  });

  it('refuse what the SQL way refuses, in the same words', async () => {
    const analyst = roles[1].token;
    for (const [token, variables] of [
      [analyst, { f: { search: 'a' } }],
      [analyst, { o: { field: 'NAME' } }],
      [roles[0].token, { f: { competencies: [{ code: 'NOPE' }] } }],
      [roles[0].token, { f: { rank: { gte: 'X/z' } } }],
      [roles[0].token, { f: { orgUnitCode: 'NOPE' } }],
      [roles[0].token, { f: { rank: {} } }],
    ] as const) {
      const answers = [await list(token, variables, true), await list(token, variables, false)];
      expect(answers[0].error).toBeDefined();
      expect(answers[0]).toEqual(answers[1]);
    }
  });
});
