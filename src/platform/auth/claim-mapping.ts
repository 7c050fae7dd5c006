/**
 * How an identity provider's access token says who calls: the role, agency and NIP read from
 * claims at configured paths. Pure and import-free: the console reads a token's claims for
 * display with the same rule (web/src/session.tsx) as the API applies to admit it.
 */

/** Where each fact is: a claim name or a dotted path into nested claims (`realm_access.roles`). */
export interface ClaimPaths {
  readonly role: string;
  readonly agency: string;
  readonly nip: string;
}

/** The facts a token's claims give, or why they give none. */
export type MappedClaims =
  | { readonly role: string; readonly agency: string | null; readonly nip: string | null }
  | { readonly problem: string };

/** The value at a dotted path, through own properties only (never `__proto__` and the like). */
export function claimAt(claims: unknown, path: string): unknown {
  let value = claims;
  for (const name of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, name)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/**
 * The one role of `roles` a claim names: a string that is one of them, or a list holding exactly
 * one of them (other entries, such as Keycloak's `offline_access`, are not ours and are passed
 * over). Names match exactly, case included; none, or more than one, is a refusal: a mapping
 * never picks between roles, so no user holds ADMIN unless the provider says ADMIN alone.
 */
export function roleOf(value: unknown, roles: readonly string[]): string | { problem: string } {
  const named = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const ours = [...new Set(named.filter((v): v is string => roles.includes(v as string)))];
  if (ours.length === 1) return ours[0];
  if (ours.length > 1) return { problem: `it names several roles (${ours.join(', ')})` };
  if (typeof value === 'string') return { problem: `unknown role "${value.slice(0, 40)}"` };
  return { problem: 'it names no role of this API' };
}

/** A text claim, or null when absent or not a non-empty string. */
function textAt(claims: unknown, path: string): string | null {
  const value = claimAt(claims, path);
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The role, agency and NIP a token's claims give by `paths`, or the reason they give none. */
export function mapClaims(
  claims: unknown,
  paths: ClaimPaths,
  roles: readonly string[],
): MappedClaims {
  const role = roleOf(claimAt(claims, paths.role), roles);
  if (typeof role !== 'string') return { problem: `${role.problem} in "${paths.role}"` };
  return { role, agency: textAt(claims, paths.agency), nip: textAt(claims, paths.nip) };
}
