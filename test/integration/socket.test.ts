import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFeed } from '../../src/modules/changes/change-feed';
import { STREAMS_PER_CALLER } from '../../src/platform/http/routes/subscriptions';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';
import { codesOf, subscribeOverSocket, until, type SocketListener } from '../support/socket-client';

/**
 * Subscriptions over WebSocket (`graphql-ws`) at `/graphql/ws`, beside Server-Sent Events: the
 * same token rules, the same pipeline, the same number of streams a caller may hold over both.
 */
let app: TestApp;
const listeners: SocketListener[] = [];

beforeAll(async () => {
  app = await startTestApp('demo');
});
afterAll(async () => {
  for (const listener of listeners) await listener.client.dispose();
  await app?.close();
});

async function listen(
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  target: TestApp = app,
): Promise<SocketListener> {
  const listener = await subscribeOverSocket(target.url, token, query, variables);
  listeners.push(listener);
  return listener;
}

const EMPLOYEES = `subscription($a: String!) { employeeChanged(agencyCode: $a) { agencyCode employees { nip } } }`;

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

const listening = () => changeFeed(app.orm.em.getKnex()).listening;

describe('subscriptions over WebSocket (graphql-ws)', () => {
  it('tells HR of a change in its agency, and nothing of another agency; the client gone, the feed stops', async () => {
    const before = listening();
    const hr = tokenFor('HR', { agency: 'PROV-MALUKU' });
    const own = await listen(hr, EMPLOYEES, { a: 'PROV-MALUKU' });
    // Subscribed once the feed listens for it: a write after this is news to it.
    await until(() => listening() > before).catch((e) => {
      console.log(JSON.stringify({ r: own.received, e: own.errors, s: own.state, l: listening() }));
      throw e;
    });
    const nip = await someone('PROV-MALUKU');
    const other = await someone('KAB-MALTENG');
    await record(other, '2026-10-13');
    await record(nip, '2026-10-14');
    await until(() => own.received.length > 0);
    const nips = own.received.flatMap((r) =>
      r.data.employeeChanged.employees.map((e: any) => e.nip),
    );
    expect(nips).toContain(nip);
    expect(nips).not.toContain(other);
    own.stop();
    await until(() => listening() === before);
  }, 30_000);

  it('closes a socket without a token, or with a bad one, with 4401 before reading any subscription', async () => {
    const anonymous = await listen(null, EMPLOYEES, { a: 'PROV-MALUKU' });
    await until(() => anonymous.state.closed !== undefined);
    expect(anonymous.state.closed!.code).toBe(4401);
    expect(codesOf(anonymous)).toContain('UNAUTHENTICATED');
    const forged = await listen(`${tokenFor('ADMIN')}x`, EMPLOYEES, { a: 'PROV-MALUKU' });
    await until(() => forged.state.closed !== undefined);
    expect(forged.state.closed!.code).toBe(4401);
    expect(anonymous.received).toEqual([]);
  }, 30_000);

  it('refuses another agency to HR, a query, and an unknown field, with the codes /graphql uses', async () => {
    const hr = tokenFor('HR', { agency: 'PROV-MALUKU' });
    const refused = await listen(hr, EMPLOYEES, { a: 'KAB-MALTENG' });
    await until(() => refused.state.ended);
    expect(codesOf(refused)).toContain('FORBIDDEN');
    expect(JSON.stringify(refused.received)).not.toContain('"nip"');

    const query = await listen(tokenFor('ADMIN'), '{ positions(first: 1) { totalCount } }');
    await until(() => query.state.ended);
    expect(codesOf(query)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(query.errors)).toContain('/graphql');

    const unknown = await listen(
      tokenFor('ADMIN'),
      'subscription($a: String!) { employeeChanged(agencyCode: $a) { nosuch } }',
      { a: 'PROV-MALUKU' },
    );
    await until(() => unknown.state.ended);
    expect(codesOf(unknown)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(unknown.errors[0][0].locations[0]).toMatchObject({ line: 1 });
    // Refusals are answers to one subscription: the socket stays open for the next.
    expect(unknown.state.closed).toBeUndefined();
  }, 30_000);

  it(`counts a caller's streams over both doors together: ${STREAMS_PER_CALLER} at most`, async () => {
    const token = tokenFor('HR', { agency: 'KAB-MALTENG' });
    const before = listening();
    const open: SocketListener[] = [];
    for (let i = 0; i < STREAMS_PER_CALLER; i++)
      open.push(await listen(token, EMPLOYEES, { a: 'KAB-MALTENG' }));
    await until(() => listening() === before + STREAMS_PER_CALLER);
    const overSocket = await listen(token, EMPLOYEES, { a: 'KAB-MALTENG' });
    await until(() => overSocket.state.ended);
    expect(codesOf(overSocket)).toEqual(['RATE_LIMITED']);
    const overSse = await fetch(`${app.url}/graphql/stream`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query: EMPLOYEES, variables: { a: 'KAB-MALTENG' } }),
    });
    expect(overSse.status).toBe(429);
    // One closed, one may open again (over the other door).
    open[0].stop();
    await until(() => listening() === before + STREAMS_PER_CALLER - 1);
    const sse = createSseClient({
      url: `${app.url}/graphql/stream`,
      headers: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    const again = sse.iterate({ query: EMPLOYEES, variables: { a: 'KAB-MALTENG' } });
    void (async () => {
      for await (const _ of again);
    })().catch(() => undefined);
    await until(() => listening() === before + STREAMS_PER_CALLER);
    await again.return?.();
    sse.dispose();
    for (const listener of open) listener.stop();
    await until(() => listening() === before);
  }, 60_000);

  it('answers a plain GET with 426, and closes a socket whose message is over 1 MiB', async () => {
    const plain = await fetch(`${app.url}/graphql/ws`);
    expect(plain.status).toBe(426);
    expect(((await plain.json()) as any).errors[0].message).toContain('graphql-ws');

    const socket = new WebSocket(
      `${app.url.replace(/^http/, 'ws')}/graphql/ws`,
      'graphql-transport-ws',
    );
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.once('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { x: 'y'.repeat(1_100_000) } }),
      ),
    );
    expect(await closed).toBe(1009);
  }, 30_000);

  it('completes every stream and closes every socket with 1001 when the server stops', async () => {
    const stopping = await startTestApp('demo');
    const stream = await listen(tokenFor('ADMIN'), EMPLOYEES, { a: 'PROV-MALUKU' }, stopping);
    await until(() => changeFeed(stopping.orm.em.getKnex()).listening > 0);
    await stopping.close();
    await until(() => stream.state.ended && stream.state.closed !== undefined);
    expect(stream.errors).toEqual([]);
    expect(stream.state.closed!.code).toBe(1001);
  }, 60_000);
});
