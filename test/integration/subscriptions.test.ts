import { createClient, type Client } from 'graphql-sse';
import { Client as PgClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChangeFeed,
  changeFeed,
  MAX_EVENT_EMPLOYEES,
  type EmployeeChangeEvent,
} from '../../src/modules/changes/change-feed';
import { startTestApp, tokenFor, withMinuteLeft, type TestApp } from '../support/harness';

/**
 * Change notifications over Server-Sent Events (`graphql-sse`) at `/graphql/stream`, with the
 * same token and rules as the API, fed from the change log: a write through the API reaches a
 * listener that may see it, and no one else.
 */
let app: TestApp;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp('demo');
});
afterAll(async () => {
  for (const client of clients) client.dispose();
  await app?.close();
});

/**
 * Subscribes, and resolves once the stream is open: the server answers the request only after
 * the subscription knows where the change log stands, so a write after this is news to it.
 */
async function listen(
  token: string,
  query: string,
  variables: Record<string, unknown>,
  target: TestApp = app,
) {
  const state = { ended: false };
  const received: any[] = [];
  const errors: unknown[] = [];
  let opened: () => void = () => undefined;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const client = createClient({
    url: `${target.url}/graphql/stream`,
    headers: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: { connected: () => opened() },
  });
  clients.push(client);
  const sub = client.iterate({ query, variables });
  void (async () => {
    try {
      for await (const value of sub) received.push(value);
    } catch (error) {
      errors.push(error);
    }
    state.ended = true;
    opened();
  })();
  await open;
  return { received, errors, state, stop: () => void sub.return?.() };
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const EMPLOYEES = `subscription($a: String!) { employeeChanged(agencyCode: $a) { agencyCode at employees { nip } } }`;

async function someone(agency: string): Promise<string> {
  const answer = await app.ok(
    `query($a: String!) { employees(first: 5, filter: { agencyCode: $a, employmentType: PNS }) { nodes { nip } } }`,
    { a: agency },
  );
  return answer.employees.nodes[0].nip;
}

async function record(nip: string, day: string) {
  const answer = await app.ok(
    `mutation($nip: String!, $on: Date!) { recordAssessment(input: { nip: $nip, assessedOn: $on, method: INTERVIEW,
      results: [{ competency: "M.01", level: 3 }] }) { userErrors { message } } }`,
    { nip, on: day },
  );
  expect(answer.recordAssessment.userErrors).toEqual([]);
}

describe('subscriptions over Server-Sent Events', () => {
  it('tells HR of a change in its agency, and nothing of another agency', async () => {
    const hr = tokenFor('HR', { agency: 'PROV-MALUKU' });
    const own = await listen(hr, EMPLOYEES, { a: 'PROV-MALUKU' });
    const nip = await someone('PROV-MALUKU');
    const other = await someone('KAB-MALTENG');
    await record(other, '2026-10-03');
    await record(nip, '2026-10-04');
    await until(() => own.received.length > 0);
    const nips = own.received.flatMap((r) =>
      r.data.employeeChanged.employees.map((e: any) => e.nip),
    );
    expect(nips).toContain(nip);
    expect(nips).not.toContain(other);
    expect(own.received[0].data.employeeChanged.agencyCode).toBe('PROV-MALUKU');
    own.stop();
    // The client gone, the stream ends and the feed stops reading.
    await until(() => changeFeed(app.orm.em.getKnex()).listening === 0);
  }, 30_000);

  it('tells the committee that a position’s candidates changed', async () => {
    const committee = tokenFor('COMMITTEE', { agency: 'PROV-MALUKU' });
    const ranking = await listen(
      committee,
      `subscription { rankingChanged(positionCode: "ADM-016") { position { code } changedCandidates } }`,
      {},
    );
    await record(await someone('PROV-MALUKU'), '2026-10-05');
    await until(() => ranking.received.length > 0);
    expect(ranking.received[0].data.rankingChanged).toMatchObject({
      position: { code: 'ADM-016' },
    });
    expect(ranking.received[0].data.rankingChanged.changedCandidates).toBeGreaterThan(0);
    ranking.stop();
  }, 30_000);

  it('refuses another agency to HR, and any stream to a caller without a token', async () => {
    const hr = tokenFor('HR', { agency: 'PROV-MALUKU' });
    const refused = await listen(hr, EMPLOYEES, { a: 'KAB-MALTENG' });
    await until(() => refused.received.length > 0 || refused.errors.length > 0);
    const first = refused.received[0] ?? {};
    expect(JSON.stringify(first.errors ?? refused.errors)).toMatch(/FORBIDDEN|own agency/);

    const anonymous = await fetch(`${app.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: EMPLOYEES, variables: { a: 'PROV-MALUKU' } }),
    });
    expect(anonymous.status).toBe(401);
    const query = await fetch(`${app.url}/graphql/stream`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${tokenFor('ADMIN')}`,
      },
      body: JSON.stringify({ query: '{ positions(first: 1) { totalCount } }' }),
    });
    expect(query.status).toBe(400);
  }, 30_000);
});

describe('the change feed', () => {
  const idOf = async (nip: string) =>
    Number(
      (
        await app.orm.em
          .getKnex()
          .raw<{ rows: { id: number }[] }>('select id from employee where nip = ?', [nip])
      ).rows[0].id,
    );

  it('hears each change once while another transaction stays open, and a late commit once', async () => {
    const feed = new ChangeFeed(app.orm.em.getKnex(), 20);
    const heard: EmployeeChangeEvent[] = [];
    const long = new PgClient({ connectionString: app.databaseUrl });
    await long.connect();
    try {
      // A transaction with an id, left open: the oldest the database must keep in view.
      await long.query('begin');
      await long.query('select txid_current()');
      const stop = await feed.listen((events) => heard.push(...events));
      const [first, late] = [await someone('PROV-MALUKU'), await someone('KAB-MALTENG')];
      await record(first, '2026-10-06');
      const firstId = await idOf(first);
      await until(() => heard.some((e) => e.employeeId === firstId));
      // Many reads later, still once.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(heard.filter((e) => e.employeeId === firstId)).toHaveLength(1);

      // The open transaction changes someone and commits, its id older than the first change's.
      const lateId = await idOf(late);
      await long.query('update employee set updated_at = now() where id = $1', [lateId]);
      await long.query('commit');
      await until(() => heard.some((e) => e.employeeId === lateId));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(heard.filter((e) => e.employeeId === lateId)).toHaveLength(1);
      expect(heard.filter((e) => e.employeeId === firstId)).toHaveLength(1);
      stop();
      expect(feed.listening).toBe(0);
    } finally {
      await long.query('rollback').catch(() => undefined);
      await long.end();
    }
  }, 30_000);

  it(`tells of a bulk change in one event that names ${MAX_EVENT_EMPLOYEES} employees and counts them all`, async () => {
    const knex = app.orm.em.getKnex();
    const { rows } = await knex.raw<{ rows: { code: string; employees: number }[] }>(
      `select a.code, count(*)::int as employees from employee e
         join org_unit u on u.id = e.org_unit_id join agency a on a.id = u.agency_id
        group by a.code order by count(*) desc limit 1`,
    );
    const [{ code, employees }] = rows;
    expect(employees).toBeGreaterThan(MAX_EVENT_EMPLOYEES);
    const admin = tokenFor('ADMIN');
    const stream = await listen(
      admin,
      `subscription($a: String!) { employeeChanged(agencyCode: $a) { agencyCode changedEmployees complete employees { nip } } }`,
      { a: code },
    );
    // One statement: every employee of the agency changes in one transaction.
    await knex.raw(
      `update employee set updated_at = now() where org_unit_id in
         (select u.id from org_unit u join agency a on a.id = u.agency_id where a.code = ?)`,
      [code],
    );
    await until(() => stream.received.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(stream.received).toHaveLength(1);
    const event = stream.received[0].data.employeeChanged;
    expect(event).toMatchObject({ agencyCode: code, changedEmployees: employees, complete: false });
    expect(event.employees).toHaveLength(MAX_EVENT_EMPLOYEES);
    stream.stop();
  }, 30_000);
});

describe('streams through the pipeline', () => {
  it('charges each event to its subscriber by its size: past the budget the stream says RATE_LIMITED and ends, and other callers are answered', async () => {
    // 300 a minute: the subscription itself (its worst event, ~200) is admitted, a second
    // event of 100 employees is not.
    const thrifty = await startTestApp('demo', { costPerMinute: 300 });
    try {
      const knex = thrifty.orm.em.getKnex();
      const { rows } = await knex.raw<{ rows: { code: string }[] }>(
        `select a.code from employee e join org_unit u on u.id = e.org_unit_id
           join agency a on a.id = u.agency_id group by a.code order by count(*) desc limit 1`,
      );
      const code = rows[0].code;
      // The subscription, its first event and the refused second one in one minute's budget.
      await withMinuteLeft(25);
      const stream = await listen(
        tokenFor('ANALYST'),
        `subscription($a: String!) { employeeChanged(agencyCode: $a) { changedEmployees employees { rank { code } } } }`,
        { a: code },
        thrifty,
      );
      const bulk = `update employee set updated_at = now() where org_unit_id in
         (select u.id from org_unit u join agency a on a.id = u.agency_id where a.code = ?)`;
      await knex.raw(bulk, [code]);
      await until(() => stream.received.length > 0 || stream.state.ended);
      // Another caller, while heavy events are delivered and refused, is answered in full.
      const other = await fetch(`${thrifty.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokenFor('HR', { agency: code })}`,
        },
        body: JSON.stringify({ query: '{ positions(first: 1) { totalCount } }' }),
      });
      expect(other.status).toBe(200);
      await knex.raw(bulk, [code]);
      await until(() => stream.state.ended, 15_000);
      const codes = stream.received.flatMap((r) =>
        (r.errors ?? []).map((e: any) => e.extensions.code),
      );
      expect(codes).toContain('RATE_LIMITED');
      // Nothing of the refused event was resolved.
      const last = stream.received[stream.received.length - 1];
      expect(last.data ?? null).toBeNull();
    } finally {
      await thrifty.close();
    }
  }, 90_000);

  it('ends every open stream with `complete` when the server stops', async () => {
    const stopping = await startTestApp('demo');
    const stream = await listen(tokenFor('ADMIN'), EMPLOYEES, { a: 'PROV-MALUKU' }, stopping);
    await stopping.close();
    await until(() => stream.state.ended);
    expect(stream.errors).toEqual([]);
  }, 60_000);
});

describe('a subscription’s own arguments', () => {
  it('are normalised when it starts: a bidirectional control in a literal is refused, naming it', async () => {
    const stream = await listen(
      tokenFor('ADMIN'),
      'subscription { employeeChanged(agencyCode: "PROV-\u202EMALUKU") { agencyCode } }',
      {},
    );
    await until(() => stream.received.length > 0 || stream.errors.length > 0);
    const text = JSON.stringify(stream.received[0] ?? stream.errors);
    expect(text).toContain('BAD_USER_INPUT');
    expect(text).toContain('agencyCode');
  }, 30_000);
});
