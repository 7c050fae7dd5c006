import { registerEnumType } from 'type-graphql';

/** Who may do what (docs/security.md, Roles). */
export enum Role {
  ADMIN = 'ADMIN',
  HR = 'HR',
  COMMITTEE = 'COMMITTEE',
  EMPLOYEE = 'EMPLOYEE',
  ANALYST = 'ANALYST',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'Role of a signed-in caller.',
  valuesConfig: {
    ADMIN: { description: 'Everything.' },
    HR: { description: 'Reads and writes within its agency.' },
    COMMITTEE: { description: 'Reads positions, candidates and fits within its agency.' },
    EMPLOYEE: { description: 'Only their own profile, fits and plan.' },
    ANALYST: { description: 'Aggregates and non-identifying fields across agencies.' },
  },
});

/** The signed-in caller of a request. */
export interface Viewer {
  readonly role: Role;
  /** Subject of the token (a user id, or the NIP). */
  readonly subject: string;
  /** The agency an HR or COMMITTEE token is bound to. */
  readonly agencyCode: string | null;
  /** The NIP an EMPLOYEE token is bound to. */
  readonly nip: string | null;
}

/** Roles that see identifying fields (NIP, name, birth date). */
export const IDENTIFYING_ROLES: readonly Role[] = [
  Role.ADMIN,
  Role.HR,
  Role.COMMITTEE,
  Role.EMPLOYEE,
];
/** Roles bound to one agency's people. */
export const AGENCY_ROLES: readonly Role[] = [Role.HR, Role.COMMITTEE];
