import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageReadAhead } from '../../src/modules/employee/employee-page';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo');
});
afterAll(() => {
  pageReadAhead.enabled = true;
  return app.close();
});

const NESTED = `nip name rank { code name } orgUnit { code name agency { code } }
  position { code title requirements { level weight critical competency { code name } } }
  competencies { level assessedOn stale assessment { id } competency { code name type } }`;
// An analyst may not read identifiers, nor per-person facts beside a unit or a position.
const UNNAMED = `rank { code } agency { code name }
  competencies { level assessedOn stale competency { code } }`;

const page = (fields: string, args = 'first: 100') =>
  `{ employees(${args}) { totalCount pageInfo { hasNextPage }
     nodes { ${fields} } edges { node { agency { code } position { code } } } } }`;

/** The same operation answered with the read-ahead and by the loaders alone. */
async function bothWays(query: string, token: string) {
  pageReadAhead.enabled = true;
  const ahead = await app.gql(query, {}, token);
  pageReadAhead.enabled = false;
  const loaders = await app.gql(query, {}, token);
  pageReadAhead.enabled = true;
  return { ahead, loaders };
}

describe('a page of employees read ahead in one statement', () => {
  const viewers: [string, string, string][] = [
    ['ADMIN', tokenFor('ADMIN'), NESTED],
    ['HR of an agency', tokenFor('HR', { agency: 'PROV-MALUKU' }), NESTED],
    ['HR of another agency', tokenFor('HR', { agency: 'KAB-MALTENG' }), NESTED],
    ['COMMITTEE of an agency', tokenFor('COMMITTEE', { agency: 'KAB-MALTENG' }), NESTED],
    ['ANALYST', tokenFor('ANALYST'), UNNAMED],
  ];

  it.each(viewers)('gives %s the answer the loaders give', async (_who, token, fields) => {
    for (const args of [
      'first: 100',
      'first: 7',
      'first: 30, orderBy: { field: CREATED, direction: DESC }',
    ]) {
      const { ahead, loaders } = await bothWays(page(fields, args), token);
      expect(ahead.data).toEqual(loaders.data);
      expect(ahead.errors).toEqual(loaders.errors);
      expect(
        ahead.data?.employees?.nodes?.length ?? 0,
        args + JSON.stringify(ahead.errors),
      ).toBeGreaterThan(0);
    }
  });

  it('answers the whole nested page in two statements: the page and what its items ask for', async () => {
    const query = page(NESTED.replace('assessment { id }', ''), 'first: 100');
    const { ahead, loaders } = await bothWays(query, tokenFor('ADMIN'));
    // The page, its count, then one statement for everything below it (the loaders: five).
    expect(ahead.extensions?.sqlStatements).toBe(3);
    expect(loaders.extensions?.sqlStatements).toBeGreaterThan(3);
    const nodes = ahead.data.employees.nodes;
    expect(nodes.some((e: any) => e.position?.requirements.length > 0)).toBe(true);
    expect(nodes.some((e: any) => e.competencies.length > 0)).toBe(true);
  });

  it('reads levels as of another date by the loaders, and nothing ahead where nothing nested is asked', async () => {
    const bare = await app.gql('{ employees(first: 50) { totalCount nodes { nip name } } }');
    // The page and its count.
    expect(bare.extensions?.sqlStatements).toBe(2);
    const query = page(`nip competencies(asOf: "2020-01-01") { level competency { code } }`);
    const { ahead, loaders } = await bothWays(query, tokenFor('ADMIN'));
    expect(ahead.data).toEqual(loaders.data);
  });
});
