import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSchema as buildAppSchema } from '../../src/app/schema';
import { inputsItCannotParse } from '../../src/platform/graphql/compiled-execution';
import { startTestApp, tokenFor, type GraphQLResponse, type TestApp } from '../support/harness';

/**
 * The compiled execution answers as graphql-js does: the same documents, sent to a server that
 * compiles every document at once and to one that never compiles, give the same answers, errors
 * and HTTP statuses, whoever asks.
 */
let compiled: TestApp;
let interpreted: TestApp;
beforeAll(async () => {
  [compiled, interpreted] = await Promise.all([
    startTestApp('demo', { runsBeforeCompiling: 0 }),
    startTestApp('demo', { runsBeforeCompiling: Number.MAX_SAFE_INTEGER }),
  ]);
});
afterAll(() => Promise.all([compiled?.close(), interpreted?.close()]));

const AGENCY = 'PROV-MALUKU';

/**
 * An answer as compared: cursors are sealed with a fresh nonce each time (compared by being
 * there), and errors are a set (their order is the order fields failed in, which GraphQL leaves
 * open and the two executions walk differently).
 */
function strip(answer: GraphQLResponse): unknown {
  const errors = answer.errors
    ?.map((e) => JSON.stringify(e))
    .sort()
    .map((e) => JSON.parse(e) as unknown);
  return JSON.parse(
    JSON.stringify({ ...answer, errors, extensions: undefined }, (key, value: unknown) =>
      /cursor$/i.test(key) && typeof value === 'string' ? 'a cursor' : value,
    ),
  );
}
const NIP_QUERY = `{ employees(first: 1, filter: { agencyCode: "${AGENCY}" }) { nodes { nip } } }`;

/** Documents that walk every kind of selection, with what they are sent with. */
const CASES: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'a page of employees with their relations, a lazy total and paging',
    query: `{ employees(first: 30) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id nip name employmentType rank { code name } orgUnit { code agency { code } }
      position { code title requirements { level weight critical competency { code name } } }
      competencies { level assessedOn stale competency { code } } } } } }`,
  },
  {
    name: 'aliases, fragments, inline fragments and directives driven by variables',
    query: `query($withRank: Boolean!, $skipUnit: Boolean!) {
      first: employees(first: 5) { nodes { ...who rank @include(if: $withRank) { code } } }
      second: employees(first: 5, filter: { employmentType: PPPK }) { nodes { ...who orgUnit @skip(if: $skipUnit) { code } } }
      agencies(first: 3) { nodes { ... on Agency { code name } } } }
      fragment who on Employee { nip name }`,
    variables: { withRank: true, skipUnit: false },
  },
  {
    name: 'an interface: objects by their global ids',
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Employee { name } ... on Position { code } } }`,
  },
  {
    name: 'a fit with its terms, gaps and plan',
    query: `query($nip: String!) { fit(nip: $nip, positionCode: "ADM-016", policy: { asOf: "2026-11-30" }) {
      jobPersonMatch qualified gaps { competency { code } gap } unmetConditions { code }
      trainingPlan { totalHours courses { course { code } reason } } } }`,
  },
  {
    name: 'a ranking, filtered',
    query: `{ candidates(positionCode: "ADM-016", first: 10, filter: { qualifiedOnly: false }) {
      totalCount nodes { jobPersonMatch qualified category employee { nip } } } }`,
  },
  {
    name: 'an input type with a defaulted non-null field (runs on graphql-js)',
    query: `query($scope: AnalyticsScope!) { talentMatrix(scope: $scope) { employees unplaced cells { box count } } }`,
    variables: { scope: { agencyCode: AGENCY } },
  },
  {
    name: 'a key that names nothing: NOT_FOUND with its path',
    query: `{ fit(nip: "199001012020011001", positionCode: "NO-SUCH") { jobPersonMatch } }`,
  },
  {
    name: 'a variable of the wrong type: BAD_USER_INPUT, HTTP 400',
    query: `query($first: Int) { employees(first: $first) { nodes { nip } } }`,
    variables: { first: 'many' },
  },
  {
    name: 'a required variable left out',
    query: `query($nip: String!) { employee(nip: $nip) { name } }`,
    variables: {},
  },
  {
    name: 'a page past the limit',
    query: `{ employees(first: 500) { nodes { nip } } }`,
  },
];

async function variablesFor(app: TestApp, c: (typeof CASES)[number]) {
  if (c.variables) return c.variables;
  const { employees } = await app.ok(NIP_QUERY);
  const nip = employees.nodes[0].nip;
  if (c.query.includes('$ids')) {
    const { employee, position } = await app.ok(
      `query($nip: String!) { employee(nip: $nip) { id } position(code: "ADM-016") { id } }`,
      { nip },
    );
    return { ids: [employee.id, position.id, 'bm9wZQ'] };
  }
  return { nip };
}

describe('compiled execution', () => {
  for (const role of ['ADMIN', 'ANALYST', 'HR'] as const) {
    const token = role === 'HR' ? tokenFor(role, { agency: AGENCY }) : tokenFor(role);
    it(`answers as graphql-js does, for ${role}`, async () => {
      for (const c of CASES) {
        const variables = await variablesFor(compiled, c);
        // Twice on the compiling server: a compiled document runs again from what it made.
        const [first, again, reference] = await Promise.all([
          compiled.gql(c.query, variables, token),
          compiled.gql(c.query, variables, token),
          interpreted.gql(c.query, variables, token),
        ]);

        expect(strip(first), c.name).toEqual(strip(reference));
        expect(strip(again), c.name).toEqual(strip(reference));
      }
    });
  }

  it('asks the same SQL statements as graphql-js', async () => {
    // Nothing here is read two ways (a level's competency may come primed with the levels or be
    // read with the requirements' ones, as the statements happen to finish): the count is fixed.
    const query = `{ employees(first: 50) { totalCount nodes { nip rank { code } orgUnit { code agency { code } }
      position { code requirements { level competency { code } } } } } }`;
    // Each server once before: what a process reads once (reference tables) is read by then.
    await Promise.all([compiled.gql(query), interpreted.gql(query)]);
    const [a, b] = [await compiled.gql(query), await interpreted.gql(query)];
    expect(a.errors).toBeUndefined();
    expect(a.extensions?.sqlStatements).toBe(b.extensions?.sqlStatements);
  });

  it('knows which input types graphql-jit cannot read variables of', () => {
    const unparsable = inputsItCannotParse(buildAppSchema());
    // `and`/`or`/`not` lead back to the filter itself; `includeSubunits: Boolean! = true`.
    expect(unparsable.has('EmployeeFilter')).toBe(true);
    expect(unparsable.has('AnalyticsScope')).toBe(true);
    expect(unparsable.has('ScoringPolicyInput')).toBe(false);
    expect(unparsable.has('CandidateFilter')).toBe(false);
  });
});
