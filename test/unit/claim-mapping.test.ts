import { describe, expect, it } from 'vitest';
import { claimAt, mapClaims, roleOf } from '../../src/platform/auth/claim-mapping';
import { loadConfig, requireTokenKey } from '../../src/platform/config/config';

const ROLES = ['ADMIN', 'HR', 'COMMITTEE', 'EMPLOYEE', 'ANALYST'];
const KEYCLOAK = { role: 'realm_access.roles', agency: 'agency', nip: 'nip' };

describe('claimAt', () => {
  it.each([
    [{ role: 'HR' }, 'role', 'HR'],
    [{ realm_access: { roles: ['HR'] } }, 'realm_access.roles', ['HR']],
    [{ realm_access: ['HR'] }, 'realm_access.roles', undefined],
    [{}, 'realm_access.roles', undefined],
    [{ a: null }, 'a.b', undefined],
  ])('reads %j at %s as %j', (claims, path, value) => {
    expect(claimAt(claims, path)).toEqual(value);
  });

  it('follows own properties only, never the prototype chain', () => {
    expect(claimAt({}, 'constructor')).toBeUndefined();
    expect(claimAt({}, '__proto__')).toBeUndefined();
    expect(claimAt({ a: {} }, 'a.toString')).toBeUndefined();
  });
});

describe('roleOf: one role of the API, or a refusal', () => {
  it.each([
    ['HR', 'HR'],
    [['offline_access', 'uma_authorization', 'COMMITTEE'], 'COMMITTEE'],
    [['HR', 'HR'], 'HR'],
  ])('maps %j to %s', (value, role) => {
    expect(roleOf(value, ROLES)).toBe(role);
  });

  it.each([
    [['HR', 'ADMIN'], 'it names several roles (HR, ADMIN)'],
    [['admin'], 'it names no role of this API'],
    ['admin', 'unknown role "admin"'],
    [[], 'it names no role of this API'],
    [undefined, 'it names no role of this API'],
    [{ ADMIN: true }, 'it names no role of this API'],
  ])('refuses %j: %s', (value, problem) => {
    expect(roleOf(value, ROLES)).toEqual({ problem });
  });
});

describe('mapClaims', () => {
  it('maps a Keycloak token: realm roles, and agency and NIP attributes', () => {
    const claims = {
      realm_access: { roles: ['default-roles-asn', 'HR'] },
      agency: 'PROV-MALUKU',
      nip: 7,
    };
    expect(mapClaims(claims, KEYCLOAK, ROLES)).toEqual({
      role: 'HR',
      agency: 'PROV-MALUKU',
      nip: null,
    });
  });

  it('never grants a role the claim at the configured path does not name', () => {
    // ADMIN elsewhere in the token counts for nothing.
    const claims = { role: 'ADMIN', realm_access: { roles: ['ANALYST'] } };
    expect(mapClaims(claims, KEYCLOAK, ROLES)).toMatchObject({ role: 'ANALYST' });
    expect(mapClaims({ role: 'ADMIN' }, KEYCLOAK, ROLES)).toEqual({
      problem: 'it names no role of this API in "realm_access.roles"',
    });
  });
});

describe('the OpenID Connect settings', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as { problems: string[] }).problems;
    }
  };

  it('are off unless OIDC_ISSUER is set, with the default claim names', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(
      loadConfig({ OIDC_ISSUER: 'https://sso.example.go.id/realms/asn', OIDC_AUDIENCE: 'api' })
        .oidc,
    ).toEqual({
      issuer: 'https://sso.example.go.id/realms/asn',
      audience: 'api',
      claims: { role: 'role', agency: 'agency', nip: 'nip' },
      clientId: undefined,
    });
  });

  it.each([
    [{ OIDC_ISSUER: 'http://sso.example.go.id', OIDC_AUDIENCE: 'api' }, 'must be https://'],
    [{ OIDC_ISSUER: 'https://sso.example.go.id?x=1', OIDC_AUDIENCE: 'api' }, 'without query'],
    [{ OIDC_ISSUER: 'sso.example.go.id', OIDC_AUDIENCE: 'api' }, 'must be a URL'],
    [{ OIDC_ISSUER: 'https://sso.example.go.id' }, 'OIDC_AUDIENCE is required'],
    [{ OIDC_AUDIENCE: 'api' }, 'need OIDC_ISSUER'],
    [
      { OIDC_ISSUER: 'https://sso.example.go.id', OIDC_AUDIENCE: 'c', OIDC_CLIENT_ID: 'c' },
      'ID tokens would pass as access tokens',
    ],
    [
      { OIDC_ISSUER: 'https://a.id', OIDC_AUDIENCE: 'api', OIDC_ROLE_CLAIM: 'realm_access..roles' },
      'OIDC_ROLE_CLAIM must be a claim name or a dotted path',
    ],
  ])('refuse %j', (env, problem) => {
    expect(problems(env).join('\n')).toContain(problem);
  });

  it('allow http:// for a provider on this machine only', () => {
    for (const host of ['127.0.0.1:8080', 'localhost', '[::1]:9000'])
      expect(problems({ OIDC_ISSUER: `http://${host}`, OIDC_AUDIENCE: 'api' })).toEqual([]);
  });

  it('count as a token key: a server with an issuer alone may start', () => {
    const env = { OIDC_ISSUER: 'https://sso.example.go.id', OIDC_AUDIENCE: 'api' };
    expect(() => requireTokenKey(loadConfig(env))).not.toThrow();
    expect(() => requireTokenKey(loadConfig({}))).toThrow(/No token key/);
  });
});
