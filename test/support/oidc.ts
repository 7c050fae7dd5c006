import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The claims of a user at the test provider (a Keycloak-like `realm_access.roles` is allowed). */
export type TestUser = Record<string, unknown>;

/** The API's identifier at the test provider: the audience of the access tokens it issues. */
export const TEST_AUDIENCE = 'https://api.competency-graph.test';
/** Another resource server of the same provider: tokens for it must not open the API. */
export const OTHER_AUDIENCE = 'https://other-api.test';
/** The console's public client at the test provider. */
export const CONSOLE_CLIENT = 'competency-graph-console';

/** A real OpenID provider (`oidc-provider`) on a loopback port, for the tests. */
export interface TestProvider {
  /** `http://127.0.0.1:<port>`, as its tokens name it. */
  readonly issuer: string;
  /** How many times its key set (`/jwks`) was fetched. */
  readonly jwksRequests: number;
  /**
   * A fresh access token for `user` (client credentials of the user's own service client, so no
   * browser is needed), as a JWT for `audience` signed with the provider's current key.
   */
  token(user: string, audience?: string): Promise<string>;
  /** Replaces the signing key with a new one: the old key leaves the key set. */
  rotateKey(): void;
  /** Registers the console's redirect address (`{url}/`) for its public client. */
  allowConsole(url: string): void;
  close(): Promise<void>;
}

function signingKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * Starts a provider on a loopback port with `users` (their claims go into the access tokens),
 * a confidential service client per user (`svc-<user>`, for `token`), and the console's public
 * client (authorisation code with PKCE and refresh tokens; its dev login and consent pages take
 * any password). `issuer` names another issuer than its own address (a forger).
 */
export async function startTestProvider(
  users: Readonly<Record<string, TestUser>>,
  options: { issuer?: string } = {},
): Promise<TestProvider> {
  const { default: Provider, errors } = await import('oidc-provider');
  let handler: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined;
  let jwksRequests = 0;
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/jwks')) jwksRequests += 1;
    handler!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = options.issuer ?? address;
  let key = signingKey();
  let consoleUrl = 'http://127.0.0.1:9';
  const claimsOf = (name: string | undefined) => (name ? users[name] : undefined);

  const build = () => {
    const resourceServer = (audience: string) => ({
      scope: 'api',
      audience,
      accessTokenFormat: 'jwt',
      accessTokenTTL: 300,
      jwt: { sign: { alg: 'RS256' } },
    });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CONSOLE_CLIENT,
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: [`${consoleUrl}/`],
          post_logout_redirect_uris: [`${consoleUrl}/`],
        },
        ...Object.keys(users).map((name) => ({
          client_id: `svc-${name}`,
          client_secret: `secret-of-${name}-for-the-tests-only`,
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
        })),
      ],
      jwks: { keys: [key] },
      cookies: { keys: ['test-provider-cookie-key-0123456789'] },
      findAccount: (_ctx: unknown, sub: string) =>
        users[sub] ? { accountId: sub, claims: () => ({ sub }) } : undefined,
      // The user's claims in each access token: the user signed in, or the service client's user.
      extraTokenClaims: (_ctx: unknown, token: { accountId?: string; clientId: string }) =>
        claimsOf(token.accountId) ?? claimsOf(token.clientId.replace(/^svc-/, '')),
      issueRefreshToken: (_ctx: unknown, client: { grantTypeAllowed(grant: string): boolean }) =>
        client.grantTypeAllowed('refresh_token'),
      pkce: { required: () => true },
      ttl: {
        AccessToken: 300,
        ClientCredentials: 300,
        IdToken: 300,
        RefreshToken: 3600,
        Session: 3600,
        Grant: 3600,
      },
      features: {
        devInteractions: { enabled: true },
        clientCredentials: { enabled: true },
        rpInitiatedLogout: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => TEST_AUDIENCE,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx: unknown, indicator: string) => {
            if (indicator === TEST_AUDIENCE || indicator === OTHER_AUDIENCE)
              return resourceServer(indicator);
            throw new errors.InvalidTarget();
          },
        },
      },
    });
    handler = provider.callback();
  };
  build();

  return {
    issuer,
    get jwksRequests() {
      return jwksRequests;
    },
    async token(user, audience = TEST_AUDIENCE) {
      const response = await fetch(`${address}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`svc-${user}:secret-of-${user}-for-the-tests-only`).toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          scope: 'api',
          resource: audience,
        }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    rotateKey() {
      key = signingKey();
      build();
    },
    allowConsole(url) {
      consoleUrl = url;
      build();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
