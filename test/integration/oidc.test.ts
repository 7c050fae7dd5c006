import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExample } from '../../src/demo/demo.tokens';
import { OidcIssuer } from '../../src/platform/auth/oidc';
import { viewerFromHeader } from '../../src/platform/auth/tokens';
import { startTestApp, type TestApp } from '../support/harness';
import {
  CONSOLE_CLIENT,
  OTHER_AUDIENCE,
  startTestProvider,
  TEST_AUDIENCE,
  type TestProvider,
  type TestUser,
} from '../support/oidc';

const CLAIMS = { role: 'role', agency: 'agency', nip: 'nip' };
const EMPLOYEES = `{ employees(first: 100) { totalCount nodes { nip agency { code } } } }`;

/** The users of the provider; the demo's agency and NIP are filled in once the app is up. */
const users: Record<string, TestUser> = {
  hr: { role: 'HR' },
  employee: { role: 'EMPLOYEE' },
  nobody: { agency: 'PROV-MALUKU' },
  stranger: { role: 'SUPERUSER' },
  hrWithoutAgency: { role: 'HR' },
  twoRoles: { role: ['HR', 'ADMIN'], agency: 'PROV-MALUKU' },
};

let provider: TestProvider;
let app: TestApp;
/** Moves the API's clock for provider tokens (seconds), to see them expire without waiting. */
let clockOffset = 0;
let example: { nip: string; agency: string };

beforeAll(async () => {
  provider = await startTestProvider(users);
  app = await startTestApp('demo', {
    oidc: new OidcIssuer({
      issuer: provider.issuer,
      audience: TEST_AUDIENCE,
      claims: CLAIMS,
      // Rotation is tested here: an unknown key id fetches the key set again at once.
      cooldownMs: 0,
      now: () => Date.now() + clockOffset * 1000,
    }),
    consoleSignIn: { issuer: provider.issuer, clientId: CONSOLE_CLIENT, claims: CLAIMS },
  });
  example = (await demoExample(app.orm.em.getKnex()))!;
  users.hr.agency = example.agency;
  users.employee.nip = example.nip;
});
afterAll(async () => {
  await app?.close();
  await provider?.close();
});

/** The first error's code and message, with the HTTP status. */
async function refusal(token: string) {
  const result = await app.gql(EMPLOYEES, {}, token);
  return {
    status: result.status,
    code: result.errors?.[0]?.extensions?.code,
    message: result.errors?.[0]?.message,
  };
}

describe('access tokens of the configured OpenID provider', () => {
  it('answer as the mapped role and agency: HR sees its own agency only', async () => {
    const result = await app.gql(EMPLOYEES, {}, await provider.token('hr'));
    expect(result.errors).toBeUndefined();
    const agencies = new Set(result.data.employees.nodes.map((e: any) => e.agency.code));
    expect([...agencies]).toEqual([example.agency]);
    const all = await app.ok(EMPLOYEES);
    expect(result.data.employees.totalCount).toBeLessThan(all.employees.totalCount);
  });

  it('answer as the mapped NIP: an EMPLOYEE sees only themself', async () => {
    const result = await app.gql(EMPLOYEES, {}, await provider.token('employee'));
    expect(result.errors).toBeUndefined();
    expect(result.data.employees.nodes.map((e: any) => e.nip)).toEqual([example.nip]);
  });

  it('are refused for another audience', async () => {
    expect(await refusal(await provider.token('hr', OTHER_AUDIENCE))).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'The token is not valid: it is not meant for this API (aud).',
    });
  });

  it('are refused once expired, after the clock skew of 30 s and not before', async () => {
    const token = await provider.token('hr'); // lives 300 s
    try {
      clockOffset = 315;
      expect((await app.gql(EMPLOYEES, {}, token)).errors).toBeUndefined();
      clockOffset = 345;
      expect(await refusal(token)).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
        message: 'The token has expired.',
      });
    } finally {
      clockOffset = 0;
    }
  });

  it('are refused without a role, with a role unknown here, with two roles, or HR without an agency', async () => {
    const messages = await Promise.all(
      ['nobody', 'stranger', 'twoRoles', 'hrWithoutAgency'].map(
        async (user) => (await refusal(await provider.token(user))).message,
      ),
    );
    expect(messages).toEqual([
      'The token is not valid: it names no role of this API in "role".',
      'The token is not valid: unknown role "SUPERUSER" in "role".',
      'The token is not valid: it names several roles (HR, ADMIN) in "role".',
      'The token is not valid: a HR token needs an agency.',
    ]);
  });

  it('are refused from another issuer, and when they name this issuer but another signed them', async () => {
    const other = await startTestProvider(users);
    const forger = await startTestProvider(users, { issuer: provider.issuer });
    try {
      expect(await refusal(await other.token('hr'))).toMatchObject({
        status: 401,
        message: 'The token is not valid.',
      });
      expect(await refusal(await forger.token('hr'))).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
        message: 'The token is not valid: it is signed with a key the provider does not publish.',
      });
    } finally {
      await other.close();
      await forger.close();
    }
  });

  it('are never accepted unsigned or signed with a shared secret, whatever they claim', async () => {
    const claims = { iss: provider.issuer, aud: TEST_AUDIENCE, sub: 'x', role: 'ADMIN' };
    const hs256 = jwt.sign(claims, 'a-secret-anyone-could-pick-0123456789', { expiresIn: 60 });
    const payload = jwt.sign(claims, 'x', { expiresIn: 60 }).split('.')[1];
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect((await refusal(hs256)).status).toBe(401);
    expect((await refusal(none)).status).toBe(401);
  });

  it('live beside the server’s own HS256 tokens', async () => {
    const result = await app.ok(EMPLOYEES);
    expect(result.employees.totalCount).toBeGreaterThan(0);
  });

  it('tell the console the provider and its client, and let it talk to the provider', async () => {
    const response = await fetch(`${app.url}/console/config`);
    expect(await response.json()).toEqual({
      signIn: { issuer: provider.issuer, clientId: CONSOLE_CLIENT, claims: CLAIMS },
    });
    const page = await fetch(`${app.url}/`);
    expect(page.headers.get('content-security-policy')).toContain(
      `connect-src 'self' ${provider.issuer}`,
    );
  });

  // Last: it changes the provider's key.
  it('follow a key rotation: the new key verifies after a refetch, the removed key fails', async () => {
    const before = await provider.token('hr');
    const signedByOldKey = await provider.token('employee');
    expect((await app.gql(EMPLOYEES, {}, before)).errors).toBeUndefined();
    const fetches = provider.jwksRequests;
    provider.rotateKey();
    const after = await provider.token('hr');
    expect((await app.gql(EMPLOYEES, {}, after)).errors).toBeUndefined();
    expect(provider.jwksRequests).toBe(fetches + 1);
    expect(await refusal(signedByOldKey)).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'The token is not valid: it is signed with a key the provider does not publish.',
    });
  });
});

describe('the provider’s key set', () => {
  it('is fetched again for an unknown key at most once per cooldown, however many tokens ask', async () => {
    const own = await startTestProvider({ hr: { role: 'HR', agency: 'PROV-MALUKU' } });
    try {
      const keys = {
        // A cooldown far longer than the test, so a slow machine cannot reach its end.
        oidc: new OidcIssuer({
          issuer: own.issuer,
          audience: TEST_AUDIENCE,
          claims: CLAIMS,
          cooldownMs: 3_600_000,
        }),
      };
      const header = (token: string) => `Bearer ${token}`;
      expect((await viewerFromHeader(keys, header(await own.token('hr'))))?.role).toBe('HR');
      expect(own.jwksRequests).toBe(1);
      own.rotateKey();
      const unknown = await Promise.all([own.token('hr'), own.token('hr'), own.token('hr')]);
      for (const token of unknown)
        await expect(viewerFromHeader(keys, header(token))).rejects.toThrow(
          'it is signed with a key the provider does not publish',
        );
      expect(own.jwksRequests).toBe(1);
    } finally {
      await own.close();
    }
  });
});
