import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * The hot path answers as Apollo Server does: the same requests, in the same order, sent to a
 * server whose repeated queries skip Apollo's request pipeline and to one where every request
 * goes through it, give the same statuses, headers and bodies, whoever asks, refusals included.
 */
let hot: TestApp;
let apollo: TestApp;
beforeAll(async () => {
  [hot, apollo] = await Promise.all([
    startTestApp('demo', { hotPath: true }),
    startTestApp('demo', { hotPath: false }),
  ]);
});
afterAll(() => Promise.all([hot?.close(), apollo?.close()]));

const AGENCY = 'PROV-MALUKU';

interface Raw {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: unknown;
}

async function send(
  app: TestApp,
  body: Record<string, unknown>,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<Raw> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    retryAfter: response.headers.get('retry-after') === null ? null : 'given',
    // Cursors are sealed with a fresh nonce each time, and a budget's reset moves with the clock.
    body: JSON.parse(text, (key, value: unknown) =>
      (/cursor$/i.test(key) && typeof value === 'string') ||
      key === 'resetsInSeconds' ||
      key === 'retryAfterSeconds'
        ? 'varies'
        : key === 'message' && typeof value === 'string'
          ? value.replace(/try again in \d+ s/, 'try again in a while')
          : value,
    ) as unknown,
  };
}

const NIP = async (app: TestApp) =>
  (
    await app.ok<{ employees: { nodes: { nip: string }[] } }>(
      `{ employees(first: 1, filter: { agencyCode: "${AGENCY}" }) { nodes { nip } } }`,
    )
  ).employees.nodes[0].nip;

/** Requests that walk the answers and refusals of a query, each sent three times per role. */
const CASES: { name: string; body: (nip: string) => Record<string, unknown> }[] = [
  { name: 'the thinnest query', body: () => ({ query: '{ __typename }' }) },
  {
    name: 'an employee by NIP',
    body: (nip) => ({
      query: `query($nip: String!) { employee(nip: $nip) { nip name rank { code } competencies { level stale competency { code } } } }`,
      variables: { nip },
    }),
  },
  {
    name: 'a nested page with a lazy total and paging',
    body: () => ({
      query: `{ employees(first: 20) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { nip orgUnit { code agency { code } } position { code requirements { level competency { code } } } } } } }`,
    }),
  },
  {
    name: 'one of two operations, by name',
    body: (nip) => ({
      query: `query A { agencies(first: 2) { nodes { code } } } query B($nip: String!) { employee(nip: $nip) { name } }`,
      operationName: 'B',
      variables: { nip },
    }),
  },
  {
    name: 'a fit (a ranking age and cost in the extensions)',
    body: (nip) => ({
      query: `query($nip: String!) { fit(nip: $nip, positionCode: "ADM-016", policy: { asOf: "2026-11-30" }) { jobPersonMatch qualified gaps { gap } } }`,
      variables: { nip },
    }),
  },
  {
    name: 'a key that names nothing: NOT_FOUND with its path',
    body: () => ({
      query: `{ fit(nip: "199001012020011001", positionCode: "NO-SUCH") { jobPersonMatch } }`,
    }),
  },
  {
    name: 'a page size from a variable, then past the limit',
    body: () => ({
      query: `query($n: Int) { employees(first: $n) { nodes { nip } } }`,
      variables: { n: 500 },
    }),
  },
  {
    name: 'a variable with a control character (the pipeline refuses it)',
    body: () => ({
      query: `query($nip: String!) { employee(nip: $nip) { name } }`,
      variables: { nip: '1990\u0007' },
    }),
  },
  {
    name: 'a variable of the wrong type (Apollo answers 400)',
    body: () => ({
      query: `query($n: Int) { employees(first: $n) { nodes { nip } } }`,
      variables: { n: 'many' },
    }),
  },
  {
    name: 'extensions in the body (Apollo reads them)',
    body: () => ({ query: '{ __typename }', extensions: { anything: 1 } }),
  },
  {
    name: 'a mutation (never on the hot path)',
    body: () => ({
      query: `mutation { recordAssessment(input: { nip: "000", assessedOn: "2026-01-01", method: INTERVIEW, results: [] }) { userErrors { code } } }`,
    }),
  },
];

describe('the hot path', () => {
  const roles: [string, string | null][] = [
    ['ADMIN', tokenFor('ADMIN')],
    ['HR of an agency', tokenFor('HR', { agency: AGENCY })],
    // An ANALYST asking for a person's levels with their NIP: the group rule refuses it, on a
    // document the hot path already knows (ADMIN sent it).
    ['ANALYST', tokenFor('ANALYST')],
    ['a caller without a token', null],
  ];
  let nip: string;
  beforeAll(async () => {
    nip = await NIP(hot);
    // Once to each server first: what a process reads once (reference tables, for both servers
    // of this process) is read by then, so each answer's statement count is its own.
    for (const c of CASES)
      await Promise.all([hot, apollo].map((app) => send(app, c.body(nip), tokenFor('ADMIN'))));
  });
  for (const [role, token] of roles)
    it(`answers as Apollo does, for ${role}`, async () => {
      for (const c of CASES) {
        const body = c.body(nip);
        for (let round = 0; round < 3; round++) {
          const [a, b] = [await send(hot, body, token), await send(apollo, body, token)];
          expect(a, `${c.name}, round ${round + 1}`).toEqual(b);
        }
      }
    });

  it('answers as Apollo does whatever the client accepts', async () => {
    const body = { query: '{ agencies(first: 1) { nodes { code } } }' };
    for (const accept of [
      'application/json',
      '*/*',
      'application/json, text/plain, */*',
      'application/graphql-response+json',
      'application/graphql-response+json, application/json;q=0.9',
      'text/html',
    ])
      for (let round = 0; round < 3; round++) {
        const [a, b] = [
          await send(hot, body, tokenFor('ADMIN'), { accept }),
          await send(apollo, body, tokenFor('ADMIN'), { accept }),
        ];
        expect(a, accept).toEqual(b);
      }
  });

  it('skips Apollo for a query it has run compiled, and only then', async () => {
    const spy = vi.spyOn(ApolloServer.prototype, 'executeHTTPGraphQLRequest');
    try {
      const query = `{ agencies(first: 3) { nodes { code name } } }`;
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await hot.gql(query));
      // The first run compiles it (the suite's servers compile at once); the rest are hot.
      expect(spy).toHaveBeenCalledTimes(1);
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      // Another text (if only by a space), or a GET, is Apollo's again.
      await hot.gql(`${query} `);
      await fetch(`${hot.url}/graphql?query=${encodeURIComponent(query)}`, {
        headers: { authorization: `Bearer ${tokenFor('ADMIN')}`, 'apollo-require-preflight': '1' },
      });
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the hot path and the budget', () => {
  let budgeted: TestApp;
  let reference: TestApp;
  beforeAll(async () => {
    [budgeted, reference] = await Promise.all([
      startTestApp('demo', { hotPath: true, costPerMinute: 400 }),
      startTestApp('demo', { hotPath: false, costPerMinute: 400 }),
    ]);
  });
  afterAll(() => Promise.all([budgeted?.close(), reference?.close()]));

  it('charges each run and refuses with 429 and Retry-After once the minute is spent', async () => {
    const body = { query: '{ employees(first: 100) { nodes { nip } } }' };
    const token = tokenFor('HR', { agency: AGENCY });
    // Each server until its first refusal (a minute that turns meanwhile only makes it later).
    const until429 = async (app: TestApp) => {
      const answers: Raw[] = [];
      for (let i = 0; i < 30 && answers.at(-1)?.status !== 429; i++)
        answers.push(await send(app, body, token));
      return answers;
    };
    const [a, b] = [await until429(budgeted), await until429(reference)];
    expect(a[0].status).toBe(200);
    expect(a.at(-1)!.status).toBe(429);
    expect(a.at(-1)!.retryAfter).toBe('given');
    // The first answer (with what is left of the budget) and the refusal, as Apollo gives them.
    expect(a[0]).toEqual(b[0]);
    expect(a.at(-1)).toEqual(b.at(-1));
  });
});
