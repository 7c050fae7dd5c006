import jwt from 'jsonwebtoken';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/modules/dataset/dataset.service';
import {
  startTestApp,
  TEST_SECRET,
  tokenFor,
  withMinuteLeft,
  type TestApp,
} from '../support/harness';

/**
 * Integrity under hostile input and concurrency: keys normalised before any check, agency
 * boundaries on every write, writes that serialise instead of losing each other, refusals
 * that reveal nothing. Each class is tried as an attacker or an unlucky operator would.
 */
const X = 'PROV-MALUKU';
const Y = 'KAB-SBB';

let app: TestApp;
const HR = tokenFor('HR', { agency: X });
const ANALYST = tokenFor('ANALYST');
const ADMIN = tokenFor('ADMIN');
const other = {} as { nip: string; name: string; unit: string; position: string; ownUnit: string };

const codes = (result: { errors?: { extensions?: { code?: unknown } }[] }) =>
  (result.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  app = await startTestApp('demo', { writeWaitMs: 1_000 });
  const data = await app.ok(
    `query($y: String!, $x: String!) {
       employees(first: 1, filter: { agencyCode: $y }) { nodes { nip name orgUnit { code } } }
       positions(first: 1, filter: { agencyCode: $y }) { nodes { code } }
       own: orgUnits(first: 1, filter: { agencyCode: $x }) { nodes { code } } }`,
    { x: X, y: Y },
  );
  const [employee] = data.employees.nodes;
  Object.assign(other, {
    nip: employee.nip,
    name: employee.name,
    unit: employee.orgUnit.code,
    position: data.positions.nodes[0].code,
    ownUnit: data.own.nodes[0].code,
  });
});
afterAll(() => app?.close());

/** The stored facts of the other agency's employee, as ADMIN reads them. */
async function otherAsStored() {
  return (
    await app.ok(
      `query($nip: String!) { employee(nip: $nip) { name orgUnit { code agency { code } }
         performance { year rating } assessments(first: 100) { totalCount } } }`,
      { nip: other.nip },
    )
  ).employee;
}

describe('keys with surrounding spaces or other Unicode forms', () => {
  it('are the same key to HR: another agency’s unit, employee and position stay where they are', async () => {
    const before = await otherAsStored();
    const unit = await app.gql(
      `mutation($code: String!, $agency: String!) { createOrgUnit(input: { agency: $agency, code: $code, name: "Taken" }) {
         userErrors { field code message } } }`,
      { code: ` ${other.unit}`, agency: X },
      HR,
    );
    expect(unit.data.createOrgUnit.userErrors.map((e: any) => e.code)).toEqual(['TAKEN']);
    const employee = await app.gql(
      `mutation($nip: String!, $unit: String!) { createEmployee(input: { nip: $nip, name: "Taken", employmentType: PNS,
         rank: "III/a", education: "S1", orgUnit: $unit }) { userErrors { code message } } }`,
      { nip: ` ${other.nip}\t`, unit: other.ownUnit },
      HR,
    );
    expect(employee.data.createEmployee.userErrors.map((e: any) => e.code)).toEqual(['TAKEN']);
    const position = await app.gql(
      `mutation($code: String!, $unit: String!) { createPosition(input: { code: $code, title: "Taken",
         category: PELAKSANA, orgUnit: $unit }) { userErrors { code } } }`,
      { code: ` ${other.position}`, unit: other.ownUnit },
      HR,
    );
    expect(position.data.createPosition.userErrors.map((e: any) => e.code)).toEqual(['TAKEN']);
    expect(await otherAsStored()).toEqual(before);
    const unitNow = await app.ok(`query($c: String!) { orgUnit(code: $c) { agency { code } } }`, {
      c: other.unit,
    });
    expect(unitNow.orgUnit.agency.code).toBe(Y);
  });

  it('records nothing on another agency’s employee through a padded NIP, and answers as for no one', async () => {
    const before = await otherAsStored();
    const recorded = await app.gql(
      `mutation($nip: String!) { recordAssessment(input: { nip: $nip, assessedOn: "2026-01-05", method: TEST,
         results: [{ competency: "M.01", level: 5 }] }) { userErrors { field code message } } }`,
      { nip: ` ${other.nip}` },
      HR,
    );
    expect(recorded.errors).toBeUndefined();
    const missing = await app.gql(
      `mutation { recordAssessment(input: { nip: "199001012015011999", assessedOn: "2026-01-05", method: TEST,
         results: [{ competency: "M.01", level: 5 }] }) { userErrors { field code message } } }`,
      {},
      HR,
    );
    const [error] = recorded.data.recordAssessment.userErrors;
    const [nobody] = missing.data.recordAssessment.userErrors;
    expect(error.code).toBe('NOT_FOUND');
    expect(error.code).toBe(nobody.code);
    expect(error.field).toEqual(nobody.field);
    expect(error.message.replace(other.nip, 'N')).toBe(
      nobody.message.replace('199001012015011999', 'N'),
    );
    expect(await otherAsStored()).toEqual(before);
  });

  it('answers ADMIN’s create of a padded existing key with TAKEN, not an overwrite', async () => {
    const result = await app.ok(
      `mutation($code: String!) { createCompetency(input: { code: $code, name: "Overwritten", type: MANAGERIAL,
         levels: [{ level: 1, description: "x" }] }) { userErrors { code } } }`,
      { code: ' M.01 ' },
    );
    expect(result.createCompetency.userErrors.map((e: any) => e.code)).toEqual(['TAKEN']);
    const stored = await app.ok('{ competency(code: "M.01") { name } }');
    expect(stored.competency.name).not.toBe('Overwritten');
  });

  it('finds a record by its key however it is padded or composed', async () => {
    const padded = await app.ok(`query($nip: String!) { employee(nip: $nip) { nip } }`, {
      nip: `  ${other.nip} `,
    });
    expect(padded.employee.nip).toBe(other.nip);
  });
});

describe('control characters', () => {
  it('are refused with BAD_USER_INPUT naming the variable or argument, in lookups, filters and mutations', async () => {
    const lookup = await app.gql(`query($nip: String!) { employee(nip: $nip) { nip } }`, {
      nip: `1990\u0000`,
    });
    expect(codes(lookup)).toEqual(['BAD_USER_INPUT']);
    expect(lookup.errors![0].message).toContain('`$nip`');
    expect(lookup.errors![0].message).toContain('U+0000');
    const search = await app.gql(`{ employees(filter: { search: "a\\u0000" }) { totalCount } }`);
    expect(codes(search)).toEqual(['BAD_USER_INPUT']);
    expect(search.errors![0].message).toContain('filter.search');
    const mutation = await app.gql(
      `mutation($name: String!) { updateAgency(input: { code: "${X}", name: $name }) { userErrors { code } } }`,
      { name: 'Pemerintah\u0007Provinsi' },
    );
    expect(codes(mutation)).toEqual(['BAD_USER_INPUT']);
    expect(mutation.errors![0].message).toContain('`$name`');
  });

  it('in an imported record are reported with section, index and field', async () => {
    const report = await importDataset(
      app.orm.em.getKnex(),
      { agencies: [{ code: 'NEW-AG', name: 'Nama\u0001Baru', kind: 'PROVINCE' }] },
      {
        today: '2026-11-01',
        dryRun: true,
        audit: { actor: { role: 'CLI', subject: 'test' }, action: 'import' },
      },
    );
    expect(report.issues).toEqual([
      {
        section: 'agencies',
        index: 0,
        field: 'name',
        code: 'INVALID',
        message: 'contains the control character U+0001',
      },
    ]);
    const viaApi = await app.gql(
      `mutation($d: JSONObject!) { importDataset(input: { dataset: $d, dryRun: true }) { userErrors { code } } }`,
      { d: { agencies: [{ code: 'NEW-AG', name: 'Nama\u0001Baru', kind: 'PROVINCE' }] } },
    );
    expect(codes(viaApi)).toEqual(['BAD_USER_INPUT']);
    expect(viaApi.errors![0].message).toContain('`$d.agencies.0.name`');
  });

  it('in a cursor of the wrong shape are refused as a bad cursor, not an internal error', async () => {
    for (const after of ['\u0000', 'eyJhIjoxfQ', Buffer.from('["a",1]').toString('base64url')]) {
      const result = await app.gql(
        `query($after: String) { employees(first: 1, after: $after) { totalCount } }`,
        {
          after,
        },
      );
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

/**
 * A write as a client should send it: again, shortly, while the answer is BUSY (this file's
 * server waits only 1 s for a record's lock, so on a loaded machine ten writes of one record
 * may outlast it; none may be lost either way).
 */
async function okWhenNotBusy<T = any>(
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const result = await app.gql<T>(query, variables);
    if (attempt < 50 && codes(result).includes('BUSY')) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
}

describe('concurrent writes', () => {
  it('keep every one of ten parallel ratings of one employee', async () => {
    const nip = other.nip;
    const years = Array.from({ length: 10 }, (_, i) => 2010 + i);
    const results = await Promise.all(
      years.map((year) =>
        okWhenNotBusy(
          `mutation($nip: String!, $year: Int!) { recordPerformance(input: { nip: $nip, year: $year, rating: BAIK }) {
             userErrors { message } } }`,
          { nip, year },
        ),
      ),
    );
    for (const r of results) expect(r.recordPerformance.userErrors).toEqual([]);
    const stored = (await otherAsStored()).performance.map((p: any) => p.year);
    for (const year of years) expect(stored).toContain(year);
  });

  it('keep every field of four parallel updates of one employee, and audit each as asked', async () => {
    const nip = other.nip;
    const updates = [
      { rank: 'IV/a' },
      { name: 'Nama Baru Sekali' },
      { potential: 61.5 },
      { education: 'S2' },
    ];
    const results = await Promise.all(
      updates.map((update) =>
        okWhenNotBusy(
          `mutation($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { userErrors { message } } }`,
          { input: { nip, ...update } },
        ),
      ),
    );
    for (const r of results) expect(r.updateEmployee.userErrors).toEqual([]);
    const stored = (
      await app.ok(
        `query($nip: String!) { employee(nip: $nip) { name rank { code } education { code } potential } }`,
        { nip },
      )
    ).employee;
    expect(stored).toEqual({
      name: 'Nama Baru Sekali',
      rank: { code: 'IV/a' },
      education: { code: 'S2' },
      potential: 61.5,
    });
    // Each event's change is the field its caller sent, nothing else.
    const trail = await app.ok(
      `query($key: String) { auditEvents(first: 10, filter: { recordKey: $key }) { nodes { action before after } } }`,
      { key: nip },
    );
    const changed = trail.auditEvents.nodes
      .filter((e: any) => e.action === 'updateEmployee')
      .map((e: any) =>
        Object.keys(e.after).filter(
          (k) => JSON.stringify(e.after[k]) !== JSON.stringify(e.before[k]),
        ),
      );
    expect(changed.map((fields: string[]) => fields.join()).sort()).toEqual(
      ['education', 'name', 'potential', 'rank'].sort(),
    );
  });

  it('wait for an import under way, then answer BUSY (retryable) and change nothing', async () => {
    const importing = new Client({ connectionString: app.databaseUrl });
    await importing.connect();
    try {
      // What a long import holds for its whole transaction.
      await importing.query('begin');
      await importing.query('select pg_advisory_xact_lock(7201001)');
      const result = await app.gql(
        `mutation { updateAgency(input: { code: "${X}", name: "Renamed while importing" }) { userErrors { code } } }`,
      );
      expect(codes(result)).toEqual(['BUSY']);
      expect(result.errors![0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      await importing.query('rollback');
      const again = await app.ok(
        `mutation { updateAgency(input: { code: "${X}", name: "Pemerintah Provinsi Maluku" }) { userErrors { code } } }`,
      );
      expect(again.updateAgency.userErrors).toEqual([]);
    } finally {
      await importing.end();
    }
  });

  it('of different employees do not queue behind each other', async () => {
    const holder = new Client({ connectionString: app.databaseUrl });
    await holder.connect();
    const nips = (
      await app.ok(`{ employees(first: 2, filter: { agencyCode: "${X}" }) { nodes { nip } } }`)
    ).employees.nodes.map((e: any) => e.nip);
    try {
      await holder.query('begin');
      // The lock a write of the first employee holds.
      await holder.query(`select pg_advisory_xact_lock(7201, hashtext($1))`, [
        `employees:${nips[0]}`,
      ]);
      const rate = (nip: string) =>
        app.gql(
          `mutation($nip: String!) { recordPerformance(input: { nip: $nip, year: 2020, rating: BAIK }) { userErrors { code } } }`,
          { nip },
        );
      const [blocked, free] = await Promise.all([rate(nips[0]), rate(nips[1])]);
      expect(codes(blocked)).toEqual(['BUSY']);
      expect(free.errors).toBeUndefined();
      expect(free.data.recordPerformance.userErrors).toEqual([]);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
  });
});

describe('what HR learns about other agencies', () => {
  it('is nothing: another agency’s unit as a parent or a home is not found, in the words used for none', async () => {
    const asParent = await app.gql(
      `mutation($parent: String!) { createOrgUnit(input: { agency: "${X}", code: "NEW-UNIT-1", name: "Baru", parent: $parent }) {
         userErrors { field code message } } }`,
      { parent: other.unit },
      HR,
    );
    const [error] = asParent.data.createOrgUnit.userErrors;
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect(error.message).not.toContain(Y);
    const nowhere = await app.gql(
      `mutation { createOrgUnit(input: { agency: "${X}", code: "NEW-UNIT-1", name: "Baru", parent: "NO-SUCH-UNIT" }) {
         userErrors { field code message } } }`,
      {},
      HR,
    );
    expect(nowhere.data.createOrgUnit.userErrors[0].message.replace('NO-SUCH-UNIT', 'U')).toBe(
      error.message.replace(other.unit, 'U'),
    );
    const update = await app.gql(
      `mutation($nip: String!) { updateEmployee(input: { nip: $nip, name: "x" }) { userErrors { code message } } }`,
      { nip: other.nip },
      HR,
    );
    expect(update.data.updateEmployee.userErrors.map((e: any) => e.code)).toEqual(['NOT_FOUND']);
  });
  it('is nothing either when moving its own employee into another agency’s unit, or renaming that unit', async () => {
    const own = (
      await app.ok(`{ employees(first: 1, filter: { agencyCode: "${X}" }) { nodes { nip } } }`)
    ).employees.nodes[0].nip;
    const move = (unit: string) =>
      app.gql(
        `mutation($nip: String!, $unit: String!) { updateEmployee(input: { nip: $nip, orgUnit: $unit }) {
           userErrors { field code message } } }`,
        { nip: own, unit },
        HR,
      );
    const foreign = (await move(other.unit)).data.updateEmployee.userErrors;
    const missing = (await move('NO-SUCH-UNIT')).data.updateEmployee.userErrors;
    expect(foreign).toHaveLength(1);
    expect(foreign[0]).toEqual({
      ...missing[0],
      message: missing[0].message.replace('NO-SUCH-UNIT', other.unit),
    });
    const rename = await app.gql(
      `mutation($code: String!) { updateOrgUnit(input: { code: $code, name: "x" }) { userErrors { field code message } } }`,
      { code: other.unit },
      HR,
    );
    expect(rename.data.updateOrgUnit.userErrors).toEqual([
      {
        field: ['input', 'code'],
        code: 'NOT_FOUND',
        message: `code: no record has code "${other.unit}"`,
      },
    ]);
  });
});

describe('ANALYST', () => {
  it('gets cursors that hold no name or NIP, and may not order or search by them', async () => {
    const page = await app.gql(
      `{ employees(first: 2) { edges { cursor node { id } } } }`,
      {},
      ANALYST,
    );
    expect(page.errors).toBeUndefined();
    for (const { cursor } of page.data.employees.edges) {
      const text = Buffer.from(cursor, 'base64url').toString('latin1');
      expect(text).not.toMatch(/\d{8}/);
      expect(text).not.toContain(other.name.split(' ')[0]);
    }
    const byNip = await app.gql(
      `{ employees(first: 2, orderBy: { field: NIP }) { totalCount } }`,
      {},
      ANALYST,
    );
    expect(codes(byNip)).toEqual(['FORBIDDEN']);
    const search = await app.gql(
      `{ employees(filter: { search: "19670119" }) { totalCount } }`,
      {},
      ANALYST,
    );
    expect(codes(search)).toEqual(['FORBIDDEN']);
  });

  it('reads years of service by calendar year, so stepping the date by days reveals no day', async () => {
    const query = `query($asOf: Date) { employees(first: 50, orderBy: { field: CREATED }) { nodes { yearsOfService(asOf: $asOf) } } }`;
    const answers = new Set<string>();
    for (const asOf of ['2026-01-01', '2026-03-15', '2026-07-01', '2026-12-31']) {
      const result = await app.gql(query, { asOf }, ANALYST);
      expect(result.errors).toBeUndefined();
      answers.add(JSON.stringify(result.data.employees.nodes));
    }
    expect(answers.size).toBe(1);
  });
});

describe('cost', () => {
  it('refuses a read that computes best-fitting positions for a hundred people, with its cost', async () => {
    const result = await app.gql(
      `{ employees(first: 100) { nodes { bestFitPositions(first: 100) { jobPersonMatch trainingPlan { totalHours } } } } }`,
      {},
      tokenFor('COMMITTEE', { agency: X }),
    );
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.extensions?.sqlStatements).toBe(0);
  });

  it('scores a variable’s default as the literal it stands for, and `nodes` by its ids', async () => {
    const literal = `{ employees(first: 100) { nodes { assessments(first: 100) { nodes { assessedOn } } } } }`;
    const variable = `query($n: Int = 100) { employees(first: $n) { nodes { assessments(first: $n) { nodes { assessedOn } } } } }`;
    const a = await app.gql(literal);
    const b = await app.gql(variable);
    expect(b.extensions?.cost).toEqual(a.extensions?.cost);
    expect((a.extensions?.cost as { requested: number }).requested).toBeGreaterThan(10_000);
    const ids = Array.from({ length: 50 }, (_, i) =>
      Buffer.from(`Employee:${i + 1}`).toString('base64url'),
    );
    const many = await app.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    const one = await app.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: ids.slice(0, 1),
    });
    const cost = (r: typeof many) => (r.extensions?.cost as { requested: number }).requested;
    expect(cost(many)).toBeGreaterThan(cost(one) * 10);
  });

  it('spends a caller’s budget for the minute, then answers 429 with Retry-After', async () => {
    const limited = await startTestApp('demo', { costPerMinute: 300 });
    try {
      await withMinuteLeft(15);
      const query = '{ employees(first: 100) { nodes { id } } }';
      const ask = () =>
        fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
          body: JSON.stringify({ query }),
        });
      const first = await ask();
      const body = (await first.json()) as any;
      expect(body.extensions.cost).toMatchObject({
        requested: 201,
        budget: { perMinute: 300, remaining: 99 },
      });
      const second = await ask();
      expect(second.status).toBe(429);
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
      const refused = (await second.json()) as any;
      expect(refused.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(refused.data).toBeUndefined();
      // Another caller has a budget of its own.
      const analyst = await limited.gql(query, {}, ANALYST);
      expect(analyst.errors).toBeUndefined();
    } finally {
      await limited.close();
    }
  });
});

describe('smaller holes', () => {
  it('refuses a signed token without an expiry', async () => {
    const forever = jwt.sign({ role: 'ADMIN' }, TEST_SECRET, {
      issuer: 'competency-graph',
      subject: 'x',
    });
    const result = await app.gql('{ agencies { totalCount } }', {}, forever);
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it('writes no audit event for an identical assessment repeated', async () => {
    const record = `mutation { recordAssessment(input: { nip: "${other.nip}", assessedOn: "2025-02-03", method: INTERVIEW,
      results: [{ competency: "M.02", level: 3 }] }) { userErrors { code } } }`;
    const key = `${other.nip} 2025-02-03 INTERVIEW`;
    const events = async () =>
      (
        await app.ok(
          `query($key: String) { auditEvents(filter: { recordKey: $key }) { totalCount } }`,
          {
            key,
          },
        )
      ).auditEvents.totalCount;
    expect((await app.ok(record)).recordAssessment.userErrors).toEqual([]);
    const once = await events();
    expect((await app.ok(record)).recordAssessment.userErrors).toEqual([]);
    expect(await events()).toBe(once);
    expect(once).toBe(1);
  });

  it('refuses impossible dates and a potential more precise than it is kept', async () => {
    const update = (fields: string) =>
      app.ok(
        `mutation { updateEmployee(input: { nip: "${other.nip}", ${fields} }) { userErrors { field code message } } }`,
      );
    const birth = await update('birthDate: "0001-01-01"');
    expect(birth.updateEmployee.userErrors[0]).toMatchObject({
      field: ['input', 'birthDate'],
      code: 'OUT_OF_RANGE',
    });
    const appointed = await update('appointedOn: "9999-12-31"');
    expect(appointed.updateEmployee.userErrors[0]).toMatchObject({
      field: ['input', 'appointedOn'],
      code: 'OUT_OF_RANGE',
    });
    const potential = await update('potential: 99.999');
    expect(potential.updateEmployee.userErrors[0]).toMatchObject({
      field: ['input', 'potential'],
      code: 'INVALID',
    });
    expect((await update('potential: 99.99')).updateEmployee.userErrors).toEqual([]);
  });
});
