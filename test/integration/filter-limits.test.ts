import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SKILL_CONDITION_COST } from '../../src/platform/graphql/cost';
import { MAX_CONDITIONS, MAX_FILTER_DEPTH } from '../../src/platform/graphql/limits';
import { SCAN_CHUNK, scanSettings, scanStats } from '../../src/shared/work-meter';
import { startTestApp, tokenFor, type GraphQLResponse, type TestApp } from '../support/harness';

/**
 * A filter's conditions are counted and capped before anything runs, whichever role may list
 * employees; and a long skill search gives other callers their turn while it runs.
 */
let app: TestApp;
let employeeToken: string;
beforeAll(async () => {
  app = await startTestApp('demo');
  const { employees } = await app.ok(`{ employees(first: 1) { nodes { nip } } }`);
  employeeToken = tokenFor('EMPLOYEE', { nip: employees.nodes[0].nip });
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => {
  scanSettings.chunk = SCAN_CHUNK;
});

const EMPLOYEES = `query($f: EmployeeFilter) { employees(filter: $f, first: 5) { totalCount nodes { id } } }`;
const COUNTS = `query($f: EmployeeFilter) { employeeCounts(groupBy: [RANK], filter: $f) { count } }`;
const skills = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ code: `M.0${1 + (i % 8)}`, minLevel: 1 }));
function nested(depth: number): object {
  let filter: object = { competencies: [{ code: 'M.01' }] };
  for (let i = 0; i < depth; i++) filter = i % 2 === 0 ? { not: filter } : { and: [filter] };
  return filter;
}

describe('hostile filters', () => {
  const cases = [
    ['500 skill conditions', { competencies: skills(500) }, { conditions: 500 }],
    ['filters nested 30 deep', nested(30), { filterDepth: 30 }],
  ] as const;
  const doors = [
    ['ANALYST', 'employees', EMPLOYEES],
    ['ANALYST', 'employeeCounts', COUNTS],
    ['EMPLOYEE', 'employees', EMPLOYEES],
  ] as const;
  it.each(
    cases.flatMap(([name, filter, measured]) =>
      doors.map(([role, field, query]) => [name, role, field, query, filter, measured] as const),
    ),
  )(
    'refuses %s as %s (%s) before any SQL runs',
    async (_name, role, _field, query, filter, measured) => {
      const token = role === 'EMPLOYEE' ? employeeToken : tokenFor('ANALYST');
      const answer = await app.gql(query, { f: filter }, token);
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(answer.data).toBeUndefined();
      expect(answer.extensions?.sqlStatements).toBe(0);
      const [key, value] = Object.entries(measured)[0];
      expect(answer.errors![0].message).toContain(
        key === 'conditions'
          ? `${value} filter conditions exceed ${MAX_CONDITIONS}`
          : `filters nest ${value} deep, beyond ${MAX_FILTER_DEPTH}`,
      );
    },
  );

  it('refuses conditions spread over aliases, counted in all', async () => {
    const alias = (i: number) =>
      `a${i}: employees(filter: { competencies: [${'{ code: "M.01" } '.repeat(10)}] }) { totalCount }`;
    const answer = await app.gql(
      `{ ${[0, 1, 2, 3, 4, 5].map(alias).join(' ')} }`,
      {},
      tokenFor('ANALYST'),
    );
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(answer.errors![0].message).toContain(`60 filter conditions exceed ${MAX_CONDITIONS}`);
  });

  it('runs a filter at the caps, and charges its conditions', async () => {
    const plain = await app.gql(EMPLOYEES, {}, tokenFor('ANALYST'));
    const answer = await app.gql(
      EMPLOYEES,
      { f: { competencies: skills(MAX_CONDITIONS) } },
      tokenFor('ANALYST'),
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.extensions!.cost!.requested - plain.extensions!.cost!.requested).toBe(
      MAX_CONDITIONS * SKILL_CONDITION_COST,
    );
    const deep = await app.gql(EMPLOYEES, { f: nested(MAX_FILTER_DEPTH) }, tokenFor('ANALYST'));
    expect(deep.errors).toBeUndefined();
  });
});

describe('a long skill search', () => {
  it('lets /health and another caller answer while it runs, and answers as a short one', async () => {
    // Every national competency eight times over: 48 passes over most employees' results.
    const heavy = { competencies: skills(48) };
    const expected = await app.gql(EMPLOYEES, { f: heavy }, tokenFor('ANALYST'));
    expect(expected.errors).toBeUndefined();
    expect(expected.data.employees.totalCount).toBeGreaterThan(0);
    // Cut the search into chunks of 2 results, so it runs long enough to be seen running.
    scanSettings.chunk = 2;
    const turns = scanStats.turns;
    let heavyDone = false;
    const running = app.gql(EMPLOYEES, { f: heavy }, tokenFor('ANALYST')).then((answer) => {
      heavyDone = true;
      return answer;
    });
    // Wait until the search has given way at least once (a search that never does fails here).
    while (scanStats.turns === turns && !heavyDone)
      await new Promise((resolve) => setTimeout(resolve, 1));
    expect(heavyDone).toBe(false);
    const health = await fetch(`${app.url}/health`);
    const healthAnsweredDuringSearch = !heavyDone;
    const small: GraphQLResponse = await app.gql(
      `{ agencies(first: 1) { totalCount } }`,
      {},
      employeeToken,
    );
    const smallAnsweredDuringSearch = !heavyDone;
    expect(health.status).toBe(200);
    expect(small.errors).toBeUndefined();
    expect(healthAnsweredDuringSearch).toBe(true);
    expect(smallAnsweredDuringSearch).toBe(true);
    const answer = await running;
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(expected.data);
    expect(scanStats.turns - turns).toBeGreaterThan(1000);
  });
});
