import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError, ErrorCode } from '../../shared/errors';
import { Role, type Viewer } from './auth.types';
import { KEY_SET_MAX_AGE_MS, type OidcIssuer } from './oidc';

/**
 * How tokens are signed and checked: a shared secret (HS256) or a key pair (RS256), and an
 * identity provider whose access tokens are accepted beside them (`OIDC_ISSUER`).
 */
export interface TokenKeys {
  readonly secret?: string;
  readonly publicKey?: string;
  readonly privateKey?: string;
  readonly oidc?: OidcIssuer;
}

const ISSUER = 'competency-graph';

/** Signs a token for a role; HR and COMMITTEE need an agency, EMPLOYEE a NIP. */
export function signToken(
  keys: TokenKeys,
  claims: { role: Role; agency?: string | null; nip?: string | null; subject?: string },
  expiresIn = '12h',
): string {
  const problem = claimProblem(claims.role, claims.agency ?? null, claims.nip ?? null);
  if (problem) throw new Error(problem);
  const key = keys.privateKey ?? keys.secret;
  if (!key)
    throw new Error('No signing key: set JWT_SECRET (or JWT_PRIVATE_KEY with JWT_PUBLIC_KEY).');
  const payload = {
    role: claims.role,
    ...(claims.agency ? { agency: claims.agency } : {}),
    ...(claims.nip ? { nip: claims.nip } : {}),
  };
  return jwt.sign(payload, key, {
    algorithm: keys.privateKey ? 'RS256' : 'HS256',
    issuer: ISSUER,
    subject:
      claims.subject ??
      claims.nip ??
      `${claims.role.toLowerCase()}${claims.agency ? `@${claims.agency}` : ''}`,
    expiresIn: expiresIn as jwt.SignOptions['expiresIn'],
  });
}

function claimProblem(role: string, agency: string | null, nip: string | null): string | null {
  if (!(Object.values(Role) as string[]).includes(role)) return `unknown role "${role}"`;
  if ((role === Role.HR || role === Role.COMMITTEE) && !agency)
    return `a ${role} token needs an agency`;
  if (role === Role.EMPLOYEE && !nip) return 'an EMPLOYEE token needs a NIP';
  return null;
}

const verificationKeys = new WeakMap<TokenKeys, KeyObject>();

/** The key object that checks signatures, made once per key set (not on every request). */
function verificationKey(keys: TokenKeys): KeyObject {
  let key = verificationKeys.get(keys);
  if (!key) {
    if (keys.publicKey) key = createPublicKey(keys.publicKey);
    else if (keys.secret) key = createSecretKey(Buffer.from(keys.secret, 'utf8'));
    else throw new Error('no key');
    verificationKeys.set(keys, key);
  }
  return key;
}

/**
 * The viewer of an `Authorization: Bearer …` header; null without one; UNAUTHENTICATED when
 * invalid. A token whose `iss` is the identity provider's is checked against the provider's
 * keys; any other against this server's own key (which wants `iss` "competency-graph"). The
 * unverified `iss` only picks the checker: each checks the issuer, and its own algorithms.
 */
export async function viewerFromHeader(
  keys: TokenKeys,
  header: string | undefined,
): Promise<Viewer | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match)
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      'The Authorization header must be "Bearer <token>".',
    );
  const token = match[1];
  const known = verified.get(keys)?.get(token);
  const now = keys.oidc?.nowSeconds() ?? Date.now() / 1000;
  // A token checked before is not checked again until it expires (its signature cannot change).
  if (known && now < known.exp) return known.viewer;
  const viewer =
    keys.oidc && issuerOf(token) === keys.oidc.issuer
      ? providerViewer(await keys.oidc.verify(token), now)
      : checkedViewer(keys, token);
  remember(keys, token, viewer);
  return viewer.viewer;
}

/** The `iss` a token claims, unverified (it only picks who checks the token). */
function issuerOf(token: string): unknown {
  const [, payload] = token.split('.');
  try {
    return (
      JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { iss?: unknown }
    ).iss;
  } catch {
    return undefined;
  }
}

/**
 * A provider's token as this server's viewer, remembered until it expires but at most as long as
 * the provider's key set is kept, so a token is checked again against keys fetched since.
 */
function providerViewer(
  token: Awaited<ReturnType<OidcIssuer['verify']>>,
  now: number,
): { viewer: Viewer; exp: number } {
  const problem = claimProblem(token.role, token.agency, token.nip);
  if (problem) throw new AppError(ErrorCode.UNAUTHENTICATED, `The token is not valid: ${problem}.`);
  const viewer: Viewer = Object.freeze({
    role: token.role,
    subject: token.subject,
    agencyCode: token.agency,
    nip: token.nip,
  });
  return { viewer, exp: Math.min(token.exp, now + KEY_SET_MAX_AGE_MS / 1000) };
}

/** Tokens already checked, per key set: their viewer, until their expiry (at most `REMEMBERED`). */
const verified = new WeakMap<TokenKeys, Map<string, { viewer: Viewer; exp: number }>>();
const REMEMBERED = 1_000;

function remember(keys: TokenKeys, token: string, entry: { viewer: Viewer; exp: number }): void {
  let tokens = verified.get(keys);
  if (!tokens) verified.set(keys, (tokens = new Map<string, { viewer: Viewer; exp: number }>()));
  tokens.delete(token);
  tokens.set(token, entry);
  // The oldest checked goes first.
  if (tokens.size > REMEMBERED) tokens.delete(tokens.keys().next().value!);
}

function checkedViewer(keys: TokenKeys, token: string): { viewer: Viewer; exp: number } {
  let payload: jwt.JwtPayload;
  try {
    const key = verificationKey(keys);
    payload = jwt.verify(token, key, {
      algorithms: keys.publicKey ? ['RS256'] : ['HS256'],
      issuer: ISSUER,
    }) as jwt.JwtPayload;
  } catch (error) {
    const reason = error instanceof jwt.TokenExpiredError ? 'has expired' : 'is not valid';
    throw new AppError(ErrorCode.UNAUTHENTICATED, `The token ${reason}.`);
  }
  // A token that never expires cannot be taken back: every token must say when it ends.
  if (typeof payload.exp !== 'number')
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      'The token is not valid: it has no expiry (exp).',
    );
  const role = String(payload.role);
  const agency = typeof payload.agency === 'string' ? payload.agency : null;
  const nip = typeof payload.nip === 'string' ? payload.nip : null;
  const problem = claimProblem(role, agency, nip);
  if (problem) throw new AppError(ErrorCode.UNAUTHENTICATED, `The token is not valid: ${problem}.`);
  const viewer: Viewer = Object.freeze({
    role: role as Role,
    subject: payload.sub ?? role,
    agencyCode: agency,
    nip,
  });
  return { viewer, exp: payload.exp };
}
