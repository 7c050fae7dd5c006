import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Door } from '../../src/platform/http/pipeline';
import { checkRoute } from '../../src/platform/http/server';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';
import { codesOf, subscribeOverSocket, until } from '../support/socket-client';
import { changeFeed } from '../../src/modules/changes/change-feed';

/**
 * Every way in runs the same pipeline, so each refuses the same things with the same codes:
 * a table of doors × guards, each cell a real request. A route that is not a door of the
 * pipeline must say why it needs none, and the server refuses to register one that does not.
 */
let app: TestApp;
let thrifty: TestApp;

beforeAll(async () => {
  [app, thrifty] = await Promise.all([
    startTestApp('demo'),
    // A budget of 50 a minute: an operation of cost 100 is refused.
    startTestApp('demo', { costPerMinute: 50 }),
  ]);
});
afterAll(async () => {
  await Promise.all([app?.close(), thrifty?.close()]);
});

/** The operations each door runs: a plain one, one a role may not run, and their variables. */
interface DoorCase {
  readonly door: Door;
  readonly path: string;
  /** GET: the operation goes in the URL (no body). */
  readonly get?: true;
  readonly plain: string;
  readonly forbidden: string;
  readonly costly: string;
  readonly deep: string;
  readonly unknownField: string;
  readonly variables: string;
}

const QUERY: Omit<DoorCase, 'door' | 'path'> = {
  plain:
    'query($a: String) { employees(first: 1, filter: { agencyCode: $a }) { totalCount nodes { id } } }',
  forbidden: 'query($a: String!) { candidates(positionCode: $a, first: 1) { totalCount } }',
  costly:
    'query($a: String) { employees(first: 100, filter: { agencyCode: $a }) { nodes { nip } } }',
  deep: `query($a: String) { employees(first: 1, filter: { agencyCode: $a }) { totalCount } orgUnits(first: 1) { nodes { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } } }`,
  unknownField: 'query($a: String) { employees(first: 1, filter: { agencyCode: $a }) { nosuch } }',
  variables: 'a',
};

const SUBSCRIPTION: Omit<DoorCase, 'door' | 'path'> = {
  plain: 'subscription($a: String!) { employeeChanged(agencyCode: $a) { agencyCode } }',
  forbidden: 'subscription($a: String!) { employeeChanged(agencyCode: $a) { agencyCode } }',
  costly: `subscription($a: String!) { employeeChanged(agencyCode: $a) { employees { nip name rank { code } } } }`,
  deep: `subscription($a: String!) { employeeChanged(agencyCode: $a) { employees { orgUnit { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } } } }`,
  unknownField: 'subscription($a: String!) { employeeChanged(agencyCode: $a) { nosuch } }',
  variables: 'a',
};

const DOORS: DoorCase[] = [
  { door: Door.GRAPHQL, path: '/graphql', ...QUERY },
  { door: Door.GRAPHQL, path: '/graphql', get: true, ...QUERY },
  { door: Door.EXPORT, path: '/export.csv', ...QUERY },
  { door: Door.EXPORT, path: '/export.xlsx', ...QUERY },
  { door: Door.STREAM, path: '/graphql/stream', ...SUBSCRIPTION },
  { door: Door.STREAM, path: '/graphql/stream', get: true, ...SUBSCRIPTION },
];

const label = (d: DoorCase) => `${d.get ? 'GET' : 'POST'} ${d.path}`;

interface Sent {
  status: number;
  codes: string[];
  body: any;
}

async function send(
  target: TestApp,
  door: DoorCase,
  request: { query?: string; variables?: object; token?: string | null; raw?: Buffer | string },
): Promise<Sent> {
  const token = request.token === undefined ? tokenFor('ADMIN') : request.token;
  const headers: Record<string, string> = {
    accept: door.door === Door.STREAM ? 'text/event-stream' : 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  const controller = new AbortController();
  let response: Response;
  if (door.get) {
    const search = new URLSearchParams({
      query: request.query ?? '',
      variables: JSON.stringify(request.variables ?? {}),
    });
    response = await fetch(`${target.url}${door.path}?${search.toString()}`, {
      headers: { ...headers, 'apollo-require-preflight': 'true' },
      signal: controller.signal,
    });
  } else {
    response = await fetch(`${target.url}${door.path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: request.raw ?? JSON.stringify({ query: request.query, variables: request.variables }),
      signal: controller.signal,
    });
  }
  const type = response.headers.get('content-type') ?? '';
  // An event stream that opened: the operation was admitted; close it.
  if (type.includes('text/event-stream')) {
    controller.abort();
    return { status: response.status, codes: [], body: null };
  }
  if (!type.includes('json')) {
    await response.arrayBuffer();
    return { status: response.status, codes: [], body: null };
  }
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
    body,
  };
}

/** The status a refusal answers with at a door (a role refused on /graphql answers as a field would). */
function statusAt(door: DoorCase, code: string): number {
  const table: Record<string, number> = {
    UNAUTHENTICATED: 401,
    FORBIDDEN: door.door === Door.GRAPHQL ? 200 : 403,
    RATE_LIMITED: 429,
  };
  return table[code] ?? 400;
}

const AGENCY = { a: 'PROV-MALUKU' };
/** An employee's token (the operations refused to it never read the person). */
const EMPLOYEE_CLAIMS = { agency: 'PROV-MALUKU', nip: '198001012005011001' };

/** Each guard: how to break it at a door, and the code every door refuses it with. */
const GUARDS: {
  name: string;
  code: string;
  bodyOnly?: true;
  target?: () => TestApp;
  request: (d: DoorCase) => Parameters<typeof send>[2];
}[] = [
  {
    name: 'no token',
    code: 'UNAUTHENTICATED',
    request: (d) => ({ query: d.plain, variables: AGENCY, token: null }),
  },
  {
    name: 'a token signed with another key',
    code: 'UNAUTHENTICATED',
    request: (d) => ({ query: d.plain, variables: AGENCY, token: `${tokenFor('ADMIN')}x` }),
  },
  {
    name: 'a role the operation is not for',
    code: 'FORBIDDEN',
    request: (d) => ({
      query: d.forbidden,
      variables: AGENCY,
      token: tokenFor('EMPLOYEE', EMPLOYEE_CLAIMS),
    }),
  },
  {
    name: 'a field the schema does not have',
    code: 'GRAPHQL_VALIDATION_FAILED',
    request: (d) => ({ query: d.unknownField, variables: AGENCY }),
  },
  {
    name: 'a control character in a variable',
    code: 'BAD_USER_INPUT',
    request: (d) => ({ query: d.plain, variables: { a: 'PROV\u0007MALUKU' } }),
  },
  {
    name: 'a selection deeper than the limit',
    code: 'QUERY_TOO_COMPLEX',
    request: (d) => ({ query: d.deep, variables: AGENCY }),
  },
  {
    name: 'more than the budget left',
    code: 'RATE_LIMITED',
    target: () => thrifty,
    request: (d) => ({ query: d.costly, variables: AGENCY }),
  },
  {
    name: 'a body that is not UTF-8',
    code: 'BAD_USER_INPUT',
    bodyOnly: true,
    request: (d) => ({
      raw: Buffer.concat([
        Buffer.from(`{"query":${JSON.stringify(d.plain)},"variables":{"a":"PROV-`),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('"}}'),
      ]),
    }),
  },
  {
    name: 'a body that rewrites a prototype',
    code: 'BAD_USER_INPUT',
    bodyOnly: true,
    request: (d) => ({
      raw: `{"query":${JSON.stringify(d.plain)},"variables":{"a":"PROV-MALUKU","__proto__":{"admin":true}}}`,
    }),
  },
];

describe('every door holds every guard', () => {
  const cells = DOORS.flatMap((door) =>
    GUARDS.filter((g) => !(g.bodyOnly && door.get)).map(
      (guard) => [label(door), guard.name, door, guard] as const,
    ),
  );
  it.each(cells)('%s refuses %s', async (_door, _guard, door, guard) => {
    const sent = await send(guard.target?.() ?? app, door, guard.request(door));
    expect(sent.codes, JSON.stringify(sent.body)).toContain(guard.code);
    expect(sent.status).toBe(guard.bodyOnly ? 400 : statusAt(door, guard.code));
    // Nothing of the operation ran.
    expect(JSON.stringify(sent.body?.data ?? null)).not.toContain('totalCount');
    if (guard.code === 'GRAPHQL_VALIDATION_FAILED')
      expect(sent.body.errors[0].locations?.[0]).toMatchObject({ line: 1 });
  });

  it.each(DOORS.map((d) => [label(d), d] as const))(
    '%s runs the plain operation',
    async (_door, door) => {
      const sent = await send(app, door, { query: door.plain, variables: AGENCY });
      expect(sent.codes).toEqual([]);
      expect(sent.status).toBe(200);
    },
  );
});

describe('the WebSocket door holds every guard', () => {
  /** The door's case: a subscription, its messages over graphql-ws (no HTTP status, no body). */
  const socket: DoorCase = { door: Door.SOCKET, path: '/graphql/ws', ...SUBSCRIPTION };
  const overSocket = async (target: TestApp, request: Parameters<typeof send>[2]) => {
    const token = request.token === undefined ? tokenFor('ADMIN') : request.token;
    const listener = await subscribeOverSocket(
      target.url,
      token,
      request.query!,
      request.variables as Record<string, unknown>,
    );
    return listener;
  };

  it.each(GUARDS.filter((g) => !g.bodyOnly).map((g) => [g.name, g] as const))(
    'GET /graphql/ws refuses %s',
    async (_guard, guard) => {
      const listener = await overSocket(guard.target?.() ?? app, guard.request(socket));
      try {
        await until(() => listener.state.ended);
        expect(codesOf(listener), JSON.stringify(listener.errors)).toContain(guard.code);
        // Nothing of the operation ran.
        expect(listener.received.filter((r) => r.data)).toEqual([]);
        if (guard.code === 'GRAPHQL_VALIDATION_FAILED')
          expect(listener.errors[0][0].locations?.[0]).toMatchObject({ line: 1 });
      } finally {
        await listener.client.dispose();
      }
    },
  );

  it('GET /graphql/ws runs the plain subscription', async () => {
    const feed = changeFeed(app.orm.em.getKnex());
    const before = feed.listening;
    const listener = await overSocket(app, { query: socket.plain, variables: AGENCY });
    try {
      await until(() => feed.listening > before || listener.state.ended);
      expect(codesOf(listener)).toEqual([]);
      expect(listener.state.ended).toBe(false);
    } finally {
      listener.stop();
      await listener.client.dispose();
    }
  });
});

describe('the other doors', () => {
  const selection = '/selections/nosuch/report.pdf';
  it.each([
    ['report', 'GET', selection],
    ['import', 'POST', '/import'],
  ])('%s: no token 401, a bad token 401, a role not allowed 403', async (_name, method, path) => {
    const call = (token: string | null) =>
      fetch(`${app.url}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
    expect((await call(null)).status).toBe(401);
    expect((await call(`${tokenFor('ADMIN')}x`)).status).toBe(401);
    const refused = await call(tokenFor('EMPLOYEE', EMPLOYEE_CLAIMS));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('report: a caller past the budget is refused 429 with Retry-After', async () => {
    const response = await fetch(`${thrifty.url}/selections/nosuch/report.pdf`, {
      headers: { authorization: `Bearer ${tokenFor('COMMITTEE', { agency: 'PROV-MALUKU' })}` },
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('routes', () => {
  /** Routes that run no operation and read no caller's data, and why. */
  const OPEN: Record<string, string> = {
    'GET /health': 'liveness',
    'GET /ready': 'readiness',
    'GET /metrics': 'loopback or its own token',
    'GET /demo/tokens': 'demo mode only',
    'GET /': 'the console page',
    'GET /assets/*': 'the console files',
    'GET /console/config': 'the identity provider the console signs in with (public)',
    'GET /explorer': 'the explorer page',
    'GET /favicon.svg': 'the icon',
  };

  it('are each a door of the pipeline held to the guards above, or open for a stated reason', () => {
    // `GET /selections/:id/verify` is open to callers without a token by design; its guards
    // (budget by address, what a stranger learns) are held in berita-acara.test.ts.
    const doors = new Set([
      ...DOORS.map(label),
      'GET /graphql/ws',
      'GET /selections/:id/report.pdf',
      'GET /selections/:id/verify',
      'POST /import',
    ]);
    for (const route of app.routes) {
      const methods = ([] as string[]).concat(route.method);
      for (const method of methods) {
        const name = `${method} ${route.url}`;
        if (route.door) expect(doors, `${name} is a door no test holds`).toContain(name);
        else if (!route.url.startsWith('/explorer/'))
          expect(OPEN, `${name} is open without a reason`).toHaveProperty([name]);
        expect(route.door ?? route.open).toBeTruthy();
      }
    }
  });

  it('cannot be registered outside the pipeline', () => {
    expect(() => checkRoute({ method: 'GET', url: '/backdoor', config: {} })).toThrow(
      /a route is a door of the request pipeline/,
    );
    expect(() =>
      checkRoute({ method: 'GET', url: '/ok', config: { door: Door.GRAPHQL } }),
    ).not.toThrow();
  });
});
