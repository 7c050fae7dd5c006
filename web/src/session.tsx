import { createContext, useContext } from 'react';

export interface Claims {
  readonly role: string;
  readonly agency?: string;
  readonly nip?: string;
}

export interface Session {
  readonly token: string;
  readonly claims: Claims;
}

const KEY = 'competency-graph.token';

/** The claims of a token, read for display only: the server checks every request. */
export function readClaims(token: string): Claims | undefined {
  const [, payload] = token.split('.');
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as Partial<Claims>;
    return typeof claims.role === 'string'
      ? { role: claims.role, agency: claims.agency, nip: claims.nip }
      : undefined;
  } catch {
    return undefined;
  }
}

export function storedSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  const claims = token ? readClaims(token) : undefined;
  return token && claims ? { token, claims } : undefined;
}

export function storeSession(token: string | undefined): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

export const SessionContext = createContext<Session>({ token: '', claims: { role: '' } });

export function useSession(): Session {
  return useContext(SessionContext);
}
