import { createContext, useContext } from 'react';
import { mapClaims, type ClaimPaths } from '../../src/platform/auth/claim-mapping';
import type { ProviderTokens } from './provider';

import type { Claims } from './claims';

export type { Claims } from './claims';

export interface Session {
  readonly token: string;
  readonly claims: Claims;
  /** A sign-in with the identity provider: what refreshes the token and signs out there. */
  readonly provider?: ProviderTokens;
}

const KEY = 'competency-graph.token';
const PROVIDER_KEY = 'competency-graph.provider';
/** The roles of the API, in the order the demo's role picker shows them. */
export const ROLES = ['COMMITTEE', 'HR', 'ADMIN', 'EMPLOYEE', 'ANALYST'];
/** Where the server's own tokens hold the role, agency and NIP. */
const OWN_CLAIMS: ClaimPaths = { role: 'role', agency: 'agency', nip: 'nip' };

/**
 * The claims of a token, read for display only (the server checks every request), by the same
 * rule as the server: at `paths` (the provider's claim mapping for its tokens).
 */
export function readClaims(token: string, paths: ClaimPaths = OWN_CLAIMS): Claims | undefined {
  const [, payload] = token.split('.');
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const mapped = mapClaims(JSON.parse(json), paths, ROLES);
    return 'problem' in mapped
      ? undefined
      : { role: mapped.role, agency: mapped.agency ?? undefined, nip: mapped.nip ?? undefined };
  } catch {
    return undefined;
  }
}

export function storedSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  const provider = JSON.parse(
    sessionStorage.getItem(PROVIDER_KEY) ?? 'null',
  ) as ProviderTokens | null;
  const claims = token ? readClaims(token, provider?.claims) : undefined;
  return token && claims ? { token, claims, provider: provider ?? undefined } : undefined;
}

export function storeSession(
  session: { token: string; provider?: ProviderTokens } | undefined,
): void {
  if (session) sessionStorage.setItem(KEY, session.token);
  else sessionStorage.removeItem(KEY);
  if (session?.provider) sessionStorage.setItem(PROVIDER_KEY, JSON.stringify(session.provider));
  else sessionStorage.removeItem(PROVIDER_KEY);
}

export const SessionContext = createContext<Session>({ token: '', claims: { role: '' } });

export function useSession(): Session {
  return useContext(SessionContext);
}
