import * as oauth from 'oauth4webapi';
import type { ClaimPaths } from '../../src/platform/auth/claim-mapping';

/**
 * Sign-in with the agency's identity provider: the authorisation code flow with PKCE
 * (oauth4webapi), the access token refreshed before it ends, and RP-initiated logout where the
 * provider offers it. The server says which provider and client (`GET /console/config`).
 */
export interface SignInConfig {
  readonly issuer: string;
  readonly clientId: string;
  /** Where the provider's tokens say the role, agency and NIP. */
  readonly claims: ClaimPaths;
}

/** What the console keeps of a provider sign-in, beside the access token itself. */
export interface ProviderTokens {
  readonly refreshToken?: string;
  /** For the provider's logout (`id_token_hint`). */
  readonly idToken?: string;
  /** When the access token ends (ms since the epoch). */
  readonly expiresAt: number;
  readonly claims: ClaimPaths;
}

/** The provider's configuration for this console, or null when it offers no provider sign-in. */
export async function signInConfig(): Promise<SignInConfig | null> {
  try {
    const response = await fetch('/console/config');
    if (!response.ok) return null;
    return ((await response.json()) as { signIn?: SignInConfig | null }).signIn ?? null;
  } catch {
    return null;
  }
}

/** What a sign-in that left for the provider needs when it comes back. */
const PENDING = 'competency-graph.sign-in';

/** The console's own address, registered at the provider as the client's redirect URI. */
function redirectUri(): string {
  return `${window.location.origin}/`;
}

/** oauth4webapi refuses http:// unless told; the server allows that for loopback issuers only. */
function options(config: SignInConfig) {
  return config.issuer.startsWith('http://') ? { [oauth.allowInsecureRequests]: true } : {};
}

const servers = new Map<string, Promise<oauth.AuthorizationServer>>();

/** The provider's metadata (its discovery document), fetched once per page. */
function server(config: SignInConfig): Promise<oauth.AuthorizationServer> {
  let found = servers.get(config.issuer);
  if (!found) {
    const issuer = new URL(config.issuer);
    found = oauth
      .discoveryRequest(issuer, { algorithm: 'oidc', ...options(config) })
      .then((response) => oauth.processDiscoveryResponse(issuer, response));
    found.catch(() => servers.delete(config.issuer));
    servers.set(config.issuer, found);
  }
  return found;
}

/** Leaves for the provider's sign-in page, with a PKCE challenge, a state and a nonce. */
export async function startSignIn(config: SignInConfig): Promise<void> {
  const as = await server(config);
  if (!as.authorization_endpoint) throw new Error('the provider has no authorization endpoint');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce }));
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  }).toString();
  window.location.assign(url.href);
}

/** Whether this page is the provider's answer to a sign-in (a code, or an error). */
export function isSignInAnswer(): boolean {
  const search = new URLSearchParams(window.location.search);
  return search.has('state') && (search.has('code') || search.has('error'));
}

/**
 * Completes a sign-in the provider answered: checks the state, trades the code and the PKCE
 * verifier for tokens (the ID token's nonce checked), and takes the code out of the address.
 */
export async function finishSignIn(
  config: SignInConfig,
): Promise<{ accessToken: string; provider: ProviderTokens }> {
  const answer = new URL(window.location.href);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
    nonce: string;
  } | null;
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', `${answer.pathname}${answer.hash}`);
  if (!pending) throw new Error('no sign-in was under way');
  const as = await server(config);
  const client = { client_id: config.clientId };
  const params = oauth.validateAuthResponse(as, client, answer, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri(),
    pending.verifier,
    options(config),
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  return tokensOf(config, result);
}

/** A fresh access token for the refresh token (the provider may rotate the refresh token). */
export async function refresh(
  config: SignInConfig,
  tokens: ProviderTokens,
): Promise<{ accessToken: string; provider: ProviderTokens }> {
  if (!tokens.refreshToken) throw new Error('no refresh token');
  const as = await server(config);
  const client = { client_id: config.clientId };
  const response = await oauth.refreshTokenGrantRequest(
    as,
    client,
    oauth.None(),
    tokens.refreshToken,
    options(config),
  );
  const result = await oauth.processRefreshTokenResponse(as, client, response);
  const next = tokensOf(config, result);
  return {
    accessToken: next.accessToken,
    provider: {
      ...next.provider,
      refreshToken: next.provider.refreshToken ?? tokens.refreshToken,
      idToken: next.provider.idToken ?? tokens.idToken,
    },
  };
}

function tokensOf(
  config: SignInConfig,
  result: oauth.TokenEndpointResponse,
): { accessToken: string; provider: ProviderTokens } {
  return {
    accessToken: result.access_token,
    provider: {
      refreshToken: result.refresh_token,
      idToken: result.id_token,
      expiresAt: Date.now() + (result.expires_in ?? 300) * 1000,
      claims: config.claims,
    },
  };
}

/**
 * Where to go to end the provider's session too (RP-initiated logout), or undefined when the
 * provider offers none: then only the console forgets the tokens.
 */
export async function signOutAddress(
  config: SignInConfig,
  tokens: ProviderTokens,
): Promise<string | undefined> {
  const as = await server(config).catch(() => undefined);
  if (!as?.end_session_endpoint) return undefined;
  const url = new URL(as.end_session_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('post_logout_redirect_uri', redirectUri());
  if (tokens.idToken) url.searchParams.set('id_token_hint', tokens.idToken);
  return url.href;
}
