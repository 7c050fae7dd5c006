import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };
import type { JWTPayload, JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import { AppError, ErrorCode } from '../../shared/errors';
import { Role } from './auth.types';
import { mapClaims, type ClaimPaths } from './claim-mapping';

/** An identity provider whose access tokens the API accepts, and how their claims map. */
export interface OidcIssuerOptions {
  /** The issuer exactly as its tokens and its discovery document name it. */
  readonly issuer: string;
  /** The audience (`aud`) a token must name. */
  readonly audience: string;
  readonly claims: ClaimPaths;
  /**
   * Least time between two fetches of the key set (ms, default 30 s): a token with an unknown
   * key id fetches it again only this long after the last fetch, so forged key ids cannot make
   * the server hammer the provider.
   */
  readonly cooldownMs?: number;
  /** The clock, in ms since the epoch (tests move it). */
  readonly now?: () => number;
}

/**
 * Signature algorithms accepted from a provider: asymmetric only. `none` and the HMAC family are
 * never accepted: an HMAC "key" would be the provider's public key, which anyone has.
 */
export const OIDC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

/** Clocks of the provider and the API may differ by this much (`exp`, `nbf`, `iat`), in seconds. */
export const CLOCK_SKEW_SECONDS = 30;
/** An access token issued longer ago than this is refused whatever its `exp` says. */
export const MAX_TOKEN_AGE = '1d';
/** A provider that did not answer its discovery is asked again after this long (ms). */
const DISCOVERY_RETRY_MS = 5_000;
const DEFAULT_COOLDOWN_MS = 30_000;
/** Longest the key set is used before it is fetched again (jose's default, stated). */
export const KEY_SET_MAX_AGE_MS = 600_000;
const FETCH_TIMEOUT_MS = 5_000;

const ROLES: readonly string[] = Object.values(Role);

type Jose = typeof JoseModule;
let jose: Promise<Jose> | undefined;
/** jose is an ES module; the server is CommonJS, so it is loaded on the first provider token. */
function loadJose(): Promise<Jose> {
  jose ??= import('jose');
  return jose;
}

/** Whether a URL may be fetched for keys: https, or http on this machine (tests). */
export function fetchableUrl(url: URL): boolean {
  return (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
  );
}

/** What a verified token gives: its viewer and when it ends (seconds since the epoch). */
export interface VerifiedToken {
  readonly role: Role;
  readonly subject: string;
  readonly agency: string | null;
  readonly nip: string | null;
  readonly exp: number;
}

/**
 * The access tokens of one OpenID provider: its keys found through its discovery document
 * (`{issuer}/.well-known/openid-configuration` → `jwks_uri`) and kept in memory (jose's remote
 * key set: fetched again after `KEY_SET_MAX_AGE_MS`, or on an unknown key id after the
 * cooldown), the signature, issuer, audience and times checked, the claims mapped to a role.
 */
export class OidcIssuer {
  private keys: JWTVerifyGetKey | undefined;
  private discovering: Promise<JWTVerifyGetKey> | undefined;
  private failedAt = -Infinity;
  private readonly now: () => number;

  constructor(readonly options: OidcIssuerOptions) {
    this.now = options.now ?? Date.now;
  }

  get issuer(): string {
    return this.options.issuer;
  }

  /** The clock this issuer checks times by, in seconds since the epoch. */
  nowSeconds(): number {
    return this.now() / 1000;
  }

  /** Checks an access token of this issuer; UNAUTHENTICATED (or SERVICE_UNAVAILABLE) when not. */
  async verify(token: string): Promise<VerifiedToken> {
    const { jwtVerify, errors } = await loadJose();
    const keys = await this.keySet();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: [...OIDC_ALGORITHMS],
        clockTolerance: CLOCK_SKEW_SECONDS,
        maxTokenAge: MAX_TOKEN_AGE,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      throw refusal(error, errors);
    }
    const mapped = mapClaims(payload, this.options.claims, ROLES);
    if ('problem' in mapped)
      throw new AppError(ErrorCode.UNAUTHENTICATED, `The token is not valid: ${mapped.problem}.`);
    return {
      role: mapped.role as Role,
      subject: payload.sub!,
      agency: mapped.agency,
      nip: mapped.nip,
      exp: payload.exp!,
    };
  }

  /** The provider's key set, found once through its discovery document. */
  private async keySet(): Promise<JWTVerifyGetKey> {
    if (this.keys) return this.keys;
    if (this.now() - this.failedAt < DISCOVERY_RETRY_MS) throw unreachable();
    this.discovering ??= this.discover().then(
      (keys) => (this.keys = keys),
      (error: unknown) => {
        this.failedAt = this.now();
        this.discovering = undefined;
        throw error;
      },
    );
    return this.discovering;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const { createRemoteJWKSet } = await loadJose();
    const address = `${this.options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const response = await fetch(address, {
        redirect: 'error',
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      document = (await response.json()) as typeof document;
    } catch {
      throw unreachable();
    }
    // OpenID Connect Discovery 1.0, 4.3: the document's issuer is exactly the one configured.
    if (document.issuer !== this.options.issuer || typeof document.jwks_uri !== 'string')
      throw unreachable();
    const jwksUri = URL.canParse(document.jwks_uri) ? new URL(document.jwks_uri) : undefined;
    if (!jwksUri || !fetchableUrl(jwksUri)) throw unreachable();
    return createRemoteJWKSet(jwksUri, {
      cooldownDuration: this.options.cooldownMs ?? DEFAULT_COOLDOWN_MS,
      cacheMaxAge: KEY_SET_MAX_AGE_MS,
      timeoutDuration: FETCH_TIMEOUT_MS,
    });
  }
}

function unreachable(): AppError {
  return new AppError(
    ErrorCode.SERVICE_UNAVAILABLE,
    'The identity provider cannot be reached to check the token; try again shortly.',
  );
}

/** The answer to a token jose refused: why, in words a caller can act on (never the token). */
function refusal(error: unknown, errors: Jose['errors']): AppError {
  const invalid = (reason: string) =>
    new AppError(ErrorCode.UNAUTHENTICATED, `The token is not valid: ${reason}.`);
  if (error instanceof errors.JWTExpired && error.claim === 'exp')
    return new AppError(ErrorCode.UNAUTHENTICATED, 'The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired) {
    if (error.claim === 'aud') return invalid('it is not meant for this API (aud)');
    if (error.reason === 'missing') return invalid(`it has no "${error.claim}" claim`);
    return invalid(`its "${error.claim}" claim is not acceptable`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return invalid('its algorithm is not accepted');
  if (error instanceof errors.JWKSNoMatchingKey)
    return invalid('it is signed with a key the provider does not publish');
  // The key set could not be fetched (a network failure, a timeout, an answer other than 200).
  if (
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error.code === 'ERR_JOSE_GENERIC'
  )
    return unreachable();
  return new AppError(ErrorCode.UNAUTHENTICATED, 'The token is not valid.');
}
