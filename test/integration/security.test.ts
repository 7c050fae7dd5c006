import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverOptions } from '../../src/app/bootstrap';
import { loadConfig } from '../../src/platform/config/config';
import { createServer } from '../../src/app/server';
import { DEMO_TODAY } from '../support/constants';
import { AGENCY_X, ROLE_MATRIX } from '../support/role-matrix';
import { startTestApp, TEST_SECRET, tokenFor, type TestApp } from '../support/harness';

/**
 * Who may see and change what. Agency X is the province, Y a regency; "own" is an employee of
 * X with a position, "other" an employee of Y. Every rule is checked over HTTP, through root
 * queries, nested fields, connections and `node`/`nodes`.
 */
const X = AGENCY_X;
const Y = 'KAB-MALTENG';

let app: TestApp;
const people = {} as {
  own: { id: string; nip: string };
  other: { id: string; nip: string };
  otherAssessment: string;
  otherTraining: string;
  ownPosition: string;
  otherPosition: string;
  countX: number;
  countAll: number;
};

const TOKENS = {
  ADMIN: tokenFor('ADMIN'),
  HR: tokenFor('HR', { agency: X }),
  HR_Y: tokenFor('HR', { agency: Y }),
  COMMITTEE: tokenFor('COMMITTEE', { agency: X }),
  EMPLOYEE: '',
  ANALYST: tokenFor('ANALYST'),
};
type Who = keyof typeof TOKENS;

beforeAll(async () => {
  app = await startTestApp('demo');
  const pick = async (agency: string) => {
    const data = await app.ok(
      `query($agency: String!) { employees(first: 100, filter: { agencyCode: $agency }, orderBy: { field: NIP }) {
         totalCount nodes { id nip position { code } assessments(first: 1) { nodes { id } } trainings(first: 1) { nodes { id } } } } }`,
      { agency },
    );
    // Someone with a position, an assessment and a training on record.
    const node = data.employees.nodes.find(
      (e: any) => e.position && e.assessments.nodes.length > 0 && e.trainings.nodes.length > 0,
    );
    const all = await app.ok(
      `query($agency: String!) { employees(filter: { agencyCode: $agency }) { totalCount } }`,
      { agency },
    );
    return { count: all.employees.totalCount, node };
  };
  const own = await pick(X);
  const other = await pick(Y);
  const all = await app.ok(`{ employees { totalCount } }`);
  const positions = async (agency: string) =>
    (
      await app.ok(
        `query($agency: String!) { positions(first: 1, filter: { agencyCode: $agency }) { nodes { code } } }`,
        { agency },
      )
    ).positions.nodes[0].code;
  Object.assign(people, {
    own: { id: own.node.id, nip: own.node.nip },
    other: { id: other.node.id, nip: other.node.nip },
    otherAssessment: other.node.assessments.nodes[0]?.id,
    otherTraining: other.node.trainings.nodes[0]?.id,
    ownPosition: await positions(X),
    otherPosition: await positions(Y),
    countX: own.count,
    countAll: all.employees.totalCount,
  });
  TOKENS.EMPLOYEE = tokenFor('EMPLOYEE', { nip: own.node.nip });
  expect(people.otherAssessment).toBeTruthy();
  expect(people.otherTraining).toBeTruthy();
});
afterAll(() => app.close());

const as = (who: Who, query: string, variables?: Record<string, unknown>) =>
  app.gql(query, variables, TOKENS[who]);
const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors ?? []).map((e) => e.extensions?.code);

describe('authentication', () => {
  it('refuses callers who are not signed in, before any SQL runs', async () => {
    const result = await app.gql('{ agencies { totalCount } }', {}, null);
    expect(result.status).toBe(401);
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.data).toBeUndefined();
    expect(result.extensions?.sqlStatements).toBe(0);
  });

  it.each([
    [
      'signed with another secret',
      jwt.sign({ role: 'ADMIN' }, 'another-secret', { issuer: 'competency-graph' }),
    ],
    [
      'expired',
      jwt.sign({ role: 'ADMIN', exp: Math.floor(Date.now() / 1000) - 60 }, TEST_SECRET, {
        issuer: 'competency-graph',
      }),
    ],
    ['of another issuer', jwt.sign({ role: 'ADMIN' }, TEST_SECRET, { issuer: 'someone-else' })],
    [
      'with an unknown role',
      jwt.sign({ role: 'ROOT' }, TEST_SECRET, { issuer: 'competency-graph' }),
    ],
    ['HR without an agency', jwt.sign({ role: 'HR' }, TEST_SECRET, { issuer: 'competency-graph' })],
    [
      'unsigned (alg none)',
      jwt.sign({ role: 'ADMIN' }, '', { algorithm: 'none', issuer: 'competency-graph' }),
    ],
  ])('refuses a token %s with 401', async (_what, token) => {
    const result = await app.gql('{ agencies { totalCount } }', {}, token);
    expect(result.status).toBe(401);
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(result)).not.toMatch(/jwt|stack|at \w+ \(/i);
  });

  it('refuses a malformed Authorization header with 401', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: JSON.stringify({ query: '{ agencies { totalCount } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('allows introspection without a token outside production mode', async () => {
    const result = await app.gql('{ __schema { queryType { name } } }', {}, null);
    expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

/** Root operations and who may run them ('ok', or the error code). */
const OPERATIONS = ROLE_MATRIX;

describe('roles by operation', () => {
  const cases = OPERATIONS.flatMap(([name, query, rules]) =>
    (['ADMIN', 'HR', 'COMMITTEE', 'EMPLOYEE', 'ANALYST'] as Who[]).map(
      (who) => [name, who, rules[who] ?? 'ok', query] as const,
    ),
  );
  it.each(cases)('%s as %s: %s', async (_name, who, expected, query) => {
    const result = await as(who, query, { p: people.ownPosition, nip: people.own.nip });
    expect(result.status).toBe(200);
    if (expected === 'ok') {
      expect(codes(result)).toEqual([]);
      expect(result.data).toBeTruthy();
    } else {
      expect(codes(result)).toContain(expected);
      // A refused mutation changes nothing and runs no write.
      expect(JSON.stringify(result.data ?? null)).not.toContain('userErrors');
    }
  });
});

describe('visibility of people', () => {
  const EMPLOYEE = `query($nip: String!) { employee(nip: $nip) { nip name } }`;

  it.each([
    ['ADMIN', 'own', true],
    ['ADMIN', 'other', true],
    ['HR', 'own', true],
    ['HR', 'other', false],
    ['COMMITTEE', 'own', true],
    ['COMMITTEE', 'other', false],
    ['EMPLOYEE', 'own', true],
    ['EMPLOYEE', 'other', false],
  ] as const)('employee(nip) as %s, %s agency: visible %s', async (who, whose, visible) => {
    const result = await as(who, EMPLOYEE, { nip: people[whose].nip });
    expect(result.errors).toBeUndefined();
    expect(result.data.employee?.nip ?? null).toBe(visible ? people[whose].nip : null);
  });

  it('answers `node` and `nodes` the same way: another agency’s person is not found', async () => {
    const query = `query($ids: [ID!]!, $id: ID!) {
      node(id: $id) { id } nodes(ids: $ids) { ... on Employee { nip } } }`;
    const vars = { id: people.other.id, ids: [people.own.id, people.other.id] };
    const hr = await as('HR', query, vars);
    expect(hr.errors).toBeUndefined();
    expect(hr.data).toEqual({ node: null, nodes: [{ nip: people.own.nip }, null] });
    const admin = await as('ADMIN', query, vars);
    expect(admin.data.nodes).toEqual([{ nip: people.own.nip }, { nip: people.other.nip }]);
    const employee = await as('EMPLOYEE', query, vars);
    expect(employee.data).toEqual({ node: null, nodes: [{ nip: people.own.nip }, null] });
  });

  it('hides another agency’s assessments and trainings behind `node` too', async () => {
    const query = `query($a: ID!, $t: ID!) {
      a: node(id: $a) { ... on Assessment { assessedOn employee { nip } } }
      t: node(id: $t) { ... on TrainingRecord { hours } } }`;
    const vars = { a: people.otherAssessment, t: people.otherTraining };
    for (const who of ['HR', 'COMMITTEE', 'EMPLOYEE'] as const) {
      const result = await as(who, query, vars);
      expect(result.errors, who).toBeUndefined();
      expect(result.data, who).toEqual({ a: null, t: null });
    }
    const admin = await as('ADMIN', query, vars);
    expect(admin.data.a.employee.nip).toBe(people.other.nip);
  });

  it('limits lists and nested connections to the people the viewer may see', async () => {
    const query = `query($y: String!) {
      employees { totalCount }
      agency(code: $y) { orgUnits(first: 100) { nodes { employees(first: 10) { totalCount } } } }
      courses(first: 100) { nodes { completions(first: 20) { totalCount nodes { employee { id } } } } } }`;
    const count = async (who: Who) => {
      const result = await as(who, query, { y: Y });
      type Completions = { totalCount: number; nodes: { employee: { id: string } | null }[] };
      const lists = (result.data.courses.nodes as { completions: Completions }[]).map(
        (c) => c.completions,
      );
      if (who === 'ANALYST') {
        // Who completed a course taken by fewer than 5 (MIN_GROUP_SIZE) is withheld from it.
        const errors = (result.errors ?? []) as { path: (string | number)[]; extensions: object }[];
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) {
          expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
          expect(error.path).toEqual([
            'courses',
            'nodes',
            expect.any(Number),
            'completions',
            'nodes',
            expect.any(Number),
            'employee',
          ]);
          expect(lists[error.path[2] as number].totalCount).toBeLessThan(5);
        }
      } else expect(result.errors, who).toBeUndefined();
      const inY = (result.data.agency.orgUnits.nodes as { employees: { totalCount: number } }[])
        .map((u) => u.employees.totalCount)
        .reduce((a, b) => a + b, 0);
      const completions = lists.flatMap((c) => c.nodes.flatMap((n) => n.employee?.id ?? []));
      const completed = lists.reduce((sum, c) => sum + c.totalCount, 0);
      return { total: result.data.employees.totalCount, inY, completions, completed };
    };
    const admin = await count('ADMIN');
    const hr = await count('HR');
    expect(hr.total).toBe(people.countX);
    expect(hr.completed).toBeGreaterThan(0);
    expect(hr.completed).toBeLessThan(admin.completed);
    expect(hr.inY).toBe(0);
    expect(hr.completions).not.toContain(people.other.id);
    const employee = await count('EMPLOYEE');
    expect(employee.total).toBe(1);
    expect(new Set(employee.completions)).toEqual(
      new Set(employee.completions.length ? [people.own.id] : []),
    );
    const analyst = await count('ANALYST');
    expect(analyst.total).toBe(people.countAll);
    expect(analyst.inY).toBeGreaterThan(0);
    expect(analyst.completed).toBe(admin.completed);
  });

  it('gives the analyst non-identifying fields only: NIP, name and birth date are FORBIDDEN', async () => {
    const fine = await as(
      'ANALYST',
      '{ employees(first: 5) { nodes { employmentType rank { code } education { code } } } }',
    );
    expect(fine.errors).toBeUndefined();
    expect(fine.data.employees.nodes).toHaveLength(5);
    for (const field of ['nip', 'name', 'birthDate', 'pppkNumber', 'appointedOn']) {
      const result = await as('ANALYST', `{ employees(first: 5) { nodes { id ${field} } } }`);
      expect(codes(result), field).toContain('FORBIDDEN');
      expect(JSON.stringify(result), field).not.toContain(people.own.nip);
    }
    const viaNode = await as(
      'ANALYST',
      `query($id: ID!) { node(id: $id) { ... on Employee { name } } }`,
      {
        id: people.own.id,
      },
    );
    expect(codes(viaNode)).toContain('FORBIDDEN');
  });

  it('lets the committee see its agency’s positions and candidates only', async () => {
    const query = `query($p: String!) { position(code: $p) { code candidates(first: 100) { nodes { employee { agency { code } } } } } }`;
    const own = await as('COMMITTEE', query, { p: people.ownPosition });
    expect(own.errors).toBeUndefined();
    const agencies = new Set(
      own.data.position.candidates.nodes.map((n: any) => n.employee.agency.code),
    );
    expect([...agencies]).toEqual([X]);
    const other = await as('COMMITTEE', query, { p: people.otherPosition });
    expect(other.data.position).toBeNull();
    const candidates = await as(
      'COMMITTEE',
      `query($p: String!) { candidates(positionCode: $p) { totalCount } }`,
      { p: people.otherPosition },
    );
    expect(codes(candidates)).toEqual(['NOT_FOUND']);
    // The position and its job profile come in one statement; the profile of a hidden one stays hidden.
    const fit = await as(
      'COMMITTEE',
      `query($nip: String!, $p: String!) { fit(nip: $nip, positionCode: $p) { jobPersonMatch } position(code: $p) { code } }`,
      { nip: people.own.nip, p: people.otherPosition },
    );
    expect(codes(fit)).toEqual(['NOT_FOUND']);
    expect(fit.data).toEqual({ fit: null, position: null });
    const list = await as(
      'COMMITTEE',
      '{ positions(first: 100) { nodes { orgUnit { agency { code } } } } }',
    );
    expect(new Set(list.data.positions.nodes.map((n: any) => n.orgUnit.agency.code))).toEqual(
      new Set([X]),
    );
  });

  it('lets an employee read their own fit and plan, and nobody else’s', async () => {
    const query = `query($nip: String!, $p: String!) { fit(nip: $nip, positionCode: $p, policy: { asOf: "${DEMO_TODAY}" }) { jobPersonMatch trainingPlan { totalHours } } }`;
    const own = await as('EMPLOYEE', query, { nip: people.own.nip, p: people.ownPosition });
    expect(own.errors).toBeUndefined();
    expect(typeof own.data.fit.jobPersonMatch).toBe('number');
    const other = await as('EMPLOYEE', query, { nip: people.other.nip, p: people.ownPosition });
    expect(codes(other)).toEqual(['NOT_FOUND']);
  });
});

describe('writes and the audit trail', () => {
  const UPDATE = `mutation($p: String!, $summary: String!) {
    updatePosition(input: { code: $p, summary: $summary }) { position { summary } userErrors { code field message } } }`;
  const TRAIL = `query($key: String) { auditEvents(first: 10, filter: { recordKey: $key }) {
    totalCount nodes { actorRole actor action section recordKey agency before after } } }`;

  it('records who changed what, with before and after, and shows it to ADMIN and the agency’s HR', async () => {
    const result = await as('HR', UPDATE, { p: people.ownPosition, summary: 'Ringkasan baru.' });
    expect(result.data.updatePosition.userErrors).toEqual([]);
    const trail = await as('HR', TRAIL, { key: people.ownPosition });
    expect(trail.errors).toBeUndefined();
    const [event] = trail.data.auditEvents.nodes;
    expect(event).toMatchObject({
      actorRole: 'HR',
      actor: `hr@${X}`,
      action: 'updatePosition',
      section: 'positions',
      recordKey: people.ownPosition,
      agency: X,
    });
    expect(event.before.summary).not.toBe('Ringkasan baru.');
    expect(event.after.summary).toBe('Ringkasan baru.');
    expect({ ...event.before, summary: null }).toEqual({ ...event.after, summary: null });
    const admin = await as('ADMIN', TRAIL, { key: people.ownPosition });
    // Earlier no-op updates of the matrix above are on the trail as well.
    expect(admin.data.auditEvents.totalCount).toBe(trail.data.auditEvents.totalCount);
    expect(admin.data.auditEvents.totalCount).toBeGreaterThanOrEqual(1);
    const hrY = await as('HR_Y', TRAIL, { key: people.ownPosition });
    expect(hrY.data.auditEvents.totalCount).toBe(0);
    const viaNode = await as('HR_Y', 'query($id: ID!) { node(id: $id) { id } }', {
      id: (await as('ADMIN', '{ auditEvents(first: 1) { nodes { id } } }')).data.auditEvents
        .nodes[0].id,
    });
    expect(viaNode.data.node).toBeNull();
  });

  it('refuses HR writes outside its agency as not found, and writes no audit event', async () => {
    const before = (await as('ADMIN', TRAIL, { key: null })).data.auditEvents.totalCount;
    const position = await as('HR', UPDATE, { p: people.otherPosition, summary: 'x' });
    expect(position.data.updatePosition.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    const employee = await as(
      'HR',
      `mutation($nip: String!) { updateEmployee(input: { nip: $nip, name: "Nama Lain" }) { userErrors { code } } }`,
      { nip: people.other.nip },
    );
    expect(employee.data.updateEmployee.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    const policy = await as(
      'HR',
      `mutation { setTalentPolicy(input: { potentialMediumFrom: 60, potentialHighFrom: 80, aboveRatings: [SANGAT_BAIK], meetsRatings: [BAIK] }) { userErrors { code field } } }`,
    );
    expect(policy.data.setTalentPolicy.userErrors[0]).toMatchObject({
      field: ['input', 'agencyCode'],
    });
    const after = (await as('ADMIN', TRAIL, { key: null })).data.auditEvents.totalCount;
    expect(after).toBe(before);
    const unchanged = await as('ADMIN', 'query($nip: String!) { employee(nip: $nip) { name } }', {
      nip: people.other.nip,
    });
    expect(unchanged.data.employee.name).not.toBe('Nama Lain');
  });

  it('audits talent settings and imports as well', async () => {
    const policy = await as(
      'HR',
      `mutation { setTalentPolicy(input: { agencyCode: "${X}", potentialMediumFrom: 55, potentialHighFrom: 85, aboveRatings: [SANGAT_BAIK], meetsRatings: [BAIK] }) { userErrors { code } } }`,
    );
    expect(policy.data.setTalentPolicy.userErrors).toEqual([]);
    const trail = await as('HR', TRAIL, { key: X });
    const event = trail.data.auditEvents.nodes.find((e: any) => e.action === 'setTalentPolicy');
    expect(event.after).toMatchObject({ scope: X, potential_high_from: 85 });
    const imported = await as(
      'ADMIN',
      `mutation($d: JSONObject!) { importDataset(input: { dataset: $d }) { userErrors { message } } }`,
      { d: { agencies: [{ code: 'KOTA-AMBON', name: 'Pemerintah Kota Ambon', kind: 'CITY' }] } },
    );
    expect(imported.data.importDataset.userErrors).toEqual([]);
    const imports = await as(
      'ADMIN',
      '{ auditEvents(first: 1, filter: { action: "importDataset" }) { nodes { actorRole after } } }',
    );
    expect(imports.data.auditEvents.nodes[0]).toMatchObject({
      actorRole: 'ADMIN',
      after: { sections: [{ section: 'agencies', received: 1, created: 1 }] },
    });
  });

  it('keeps the trail append-only in the database itself', async () => {
    const knex = app.orm.em.getKnex();
    await expect(knex('audit_event').update({ action: 'forged' })).rejects.toThrow(/append-only/i);
    await expect(knex('audit_event').delete()).rejects.toThrow(/append-only/i);
  });
});

describe('limits before any SQL runs', () => {
  const rejected = async (query: string, code: string, variables?: Record<string, unknown>) => {
    const result = await app.gql(query, variables);
    expect(codes(result)).toEqual([code]);
    expect(result.data).toBeUndefined();
    expect(result.extensions?.sqlStatements).toBe(0);
    return result.errors![0];
  };

  it('rejects a deep query with its depth', async () => {
    const deep = `{ orgUnits(first: 1) { nodes { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } } }`;
    const error = await rejected(deep, 'QUERY_TOO_COMPLEX');
    expect(error.extensions).toMatchObject({ depth: 15, limits: { maxDepth: 12 } });
    expect(error.message).toContain('depth 15 exceeds 12');
  });

  it('rejects a wide query by a cost that multiplies page sizes along the path', async () => {
    const wide = `{ employees(first: 100) { nodes { assessments(first: 100) { nodes { results { level } } } } } }`;
    const error = await rejected(wide, 'QUERY_TOO_COMPLEX');
    expect(error.extensions?.cost).toBeGreaterThan(100_000);
    expect(error.extensions?.limits).toMatchObject({ maxCost: 100_000 });
  });

  it('counts fields hidden in fragments and variables too', async () => {
    const viaFragment = `query($n: Int) { employees(first: $n) { nodes { ...F } } }
      fragment F on Employee { assessments(first: 100) { nodes { results { level } } } }`;
    await rejected(viaFragment, 'QUERY_TOO_COMPLEX', { n: 100 });
  });

  it('rejects too many aliases', async () => {
    const aliased = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: agencies(first: 1) { totalCount }`).join(' ')} }`;
    const error = await rejected(aliased, 'QUERY_TOO_COMPLEX');
    expect(error.extensions).toMatchObject({ aliases: 31 });
  });

  it('rejects a page over 100, literal or through a variable', async () => {
    const literal = await rejected('{ employees(first: 101) { totalCount } }', 'BAD_USER_INPUT');
    expect(literal.message).toBe('`first` of `employees` must be between 0 and 100, got 101.');
    await rejected('query($n: Int) { positions(last: $n) { totalCount } }', 'BAD_USER_INPUT', {
      n: 5000,
    });
  });

  it('rejects a document of too many tokens while parsing', async () => {
    const huge = `{ ${Array.from({ length: 6000 }, () => '__typename').join(' ')} }`;
    const result = await app.gql(huge);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(result.extensions?.sqlStatements ?? 0).toBe(0);
  });

  it('keeps CSRF prevention on: simple requests are refused', async () => {
    const get = await fetch(
      `${app.url}/graphql?query=${encodeURIComponent('{ agencies { totalCount } }')}`,
      {
        headers: { authorization: `Bearer ${TOKENS.ADMIN}` },
      },
    );
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
    const plain = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKENS.ADMIN}` },
      body: JSON.stringify({ query: '{ agencies { totalCount } }' }),
    });
    expect(plain.status).toBe(400);
    expect(codes((await plain.json()) as never)).toEqual(['BAD_REQUEST']);
  });

  it('refuses introspection to callers who are not signed in, in production mode', async () => {
    const production = await createServer(app.orm, {
      ...serverOptions(loadConfig({ NODE_ENV: 'production', JWT_SECRET: TEST_SECRET }), {
        secret: TEST_SECRET,
      }),
      log: () => undefined,
    });
    await new Promise<void>((resolve) => production.http.listen(0, '127.0.0.1', resolve));
    try {
      const address = production.http.address() as { port: number };
      const ask = (token?: string) =>
        fetch(`http://127.0.0.1:${address.port}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
        });
      const anonymous = await ask();
      expect(anonymous.status).toBe(401);
      const signedIn = await ask(TOKENS.ANALYST);
      expect(await signedIn.json()).toEqual({
        data: { __schema: { queryType: { name: 'Query' } } },
      });
    } finally {
      await production.stop();
    }
  });
});

describe('input is walked only after the role is checked', () => {
  /** `{a: {a: … 1 …}}` as a GraphQL literal of `levels` objects. */
  const literal = (levels: number) => '{a: '.repeat(levels) + '1' + '}'.repeat(levels);
  const IMPORT = `mutation($d: JSONObject!) { importDataset(input: { dataset: $d, dryRun: true }) { userErrors { code } } }`;
  /**
   * IMPORT with `$d` nested 100,000 objects deep, as the client's own JSON.stringify cannot
   * write it (it overflows first): the body is put together by hand.
   */
  const sendDeep = async (token: string | null) => {
    const levels = 100_000;
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: `{"query":${JSON.stringify(IMPORT)},"variables":{"d":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}}`,
    });
    return {
      status: response.status,
      ...((await response.json()) as {
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      }),
    };
  };

  it('refuses a role that may not import with FORBIDDEN, however deep its dataset', async () => {
    for (const who of ['EMPLOYEE', 'HR'] as const)
      expect(codes(await sendDeep(TOKENS[who]))).toEqual(['FORBIDDEN']);
    expect(codes(await sendDeep(null))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a role that may not import with FORBIDDEN before looking at its text', async () => {
    const result = await as('EMPLOYEE', IMPORT, { d: { agencies: [{ name: 'a\u0000\u202e' }] } });
    expect(codes(result)).toEqual(['FORBIDDEN']);
  });

  it('refuses a dataset nested too deep from ADMIN with BAD_USER_INPUT naming the variable', async () => {
    const result = await sendDeep(TOKENS.ADMIN);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].message).toBe('Variable `$d` is nested deeper than 64 levels.');
    expect(result.errors![0].extensions?.variable).toBe('d');
  });

  it('refuses a lone surrogate or a bidirectional control in a variable, naming it', async () => {
    const surrogate = await as('ADMIN', IMPORT, { d: { agencies: [{ name: 'x\ud800' }] } });
    expect(codes(surrogate)).toEqual(['BAD_USER_INPUT']);
    expect(surrogate.errors![0].message).toBe(
      'Variable `$d.agencies.0.name` contains a lone surrogate U+D800.',
    );
    const bidi = await as('HR', `query($nip: String!) { employee(nip: $nip) { nip } }`, {
      nip: '1990\u202e',
    });
    expect(bidi.errors![0].message).toBe(
      'Variable `$nip` contains the bidirectional control U+202E.',
    );
  });

  it('does the same for a dataset written as a literal', async () => {
    const query = (levels: number) =>
      `mutation { importDataset(input: { dataset: ${literal(levels)}, dryRun: true }) { userErrors { code } } }`;
    expect(codes(await as('EMPLOYEE', query(100)))).toEqual(['FORBIDDEN']);
    const admin = await as('ADMIN', query(100));
    expect(codes(admin)).toEqual(['BAD_USER_INPUT']);
    expect(admin.errors![0].message).toBe(
      'Argument `input.dataset` is nested deeper than 64 levels.',
    );
    expect(admin.errors![0].extensions?.argument).toBe('input.dataset');
    expect(codes(await as('ADMIN', query(64)))).toEqual(['BAD_USER_INPUT']);
    // At the limit (counted from `input`), the document is read as a document.
    const within = await as('ADMIN', query(63));
    expect(codes(within)).toEqual([]);
    expect(within.data.importDataset.userErrors.length).toBeGreaterThan(0);
  });

  it('refuses a literal 100,000 levels deep while parsing, never with a 500', async () => {
    const result = await as(
      'ADMIN',
      `mutation { importDataset(input: { dataset: ${literal(100_000)} }) { userErrors { code } } }`,
    );
    expect(codes(result)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });
});
