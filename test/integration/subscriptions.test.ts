import { createClient, type Client } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFeed } from '../../src/modules/changes/change-feed';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

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
async function listen(token: string, query: string, variables: Record<string, unknown>) {
  const received: any[] = [];
  const errors: unknown[] = [];
  let opened: () => void = () => undefined;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const client = createClient({
    url: `${app.url}/graphql/stream`,
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
    opened();
  })();
  await open;
  return { received, errors, stop: () => void sub.return?.() };
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
