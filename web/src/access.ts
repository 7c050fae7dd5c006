import type { Claims } from './claims';

/** The console's screens a link can lead to (the routes of router.ts). */
export type Place =
  | 'positions'
  | 'position'
  | 'fit'
  | 'compare'
  | 'report'
  | 'employee'
  | 'units'
  | 'unit'
  | 'agency'
  | 'selection'
  | 'vacancies'
  | 'skills';

/** What a link knows of where it leads: the agency of the records shown there, the person's NIP. */
export interface Target {
  readonly agency?: string | null;
  readonly nip?: string | null;
}

/** Screens whose records are one agency's and which HR and COMMITTEE see of their own agency only. */
const AGENCY_SCOPED: Place[] = [
  'position',
  'fit',
  'compare',
  'report',
  'employee',
  'unit',
  'agency',
  'selection',
];

/** The screens each role may open (docs/committee.md's table of screens, docs/security.md's roles). */
const SCREENS: Record<string, Place[]> = {
  ADMIN: [
    'positions',
    'position',
    'fit',
    'compare',
    'report',
    'employee',
    'units',
    'unit',
    'agency',
    'selection',
    'vacancies',
    'skills',
  ],
  HR: [
    'positions',
    'position',
    'fit',
    'compare',
    'report',
    'employee',
    'units',
    'unit',
    'agency',
    'selection',
    'vacancies',
    'skills',
  ],
  COMMITTEE: [
    'positions',
    'position',
    'fit',
    'compare',
    'report',
    'employee',
    'units',
    'unit',
    'agency',
    'selection',
    'vacancies',
    'skills',
  ],
  // Aggregates and non-identifying fields only: no person, ranking or selection.
  ANALYST: ['positions', 'units', 'unit', 'agency', 'skills'],
  // Their own page and their own fits.
  EMPLOYEE: ['positions', 'employee', 'fit'],
};

/**
 * Whether the signed-in role may open a screen, so that the console offers no link the API would
 * refuse: HR and COMMITTEE only their agency's records, an employee only their own.
 */
export function mayOpen(claims: Claims, place: Place, target: Target = {}): boolean {
  if (!(SCREENS[claims.role] ?? []).includes(place)) return false;
  if (claims.role === 'EMPLOYEE' && (place === 'employee' || place === 'fit'))
    return !!claims.nip && target.nip === claims.nip;
  if ((claims.role === 'HR' || claims.role === 'COMMITTEE') && AGENCY_SCOPED.includes(place))
    return !target.agency || target.agency === claims.agency;
  return true;
}

/** The agencies a role is offered in pickers: its own for HR and COMMITTEE, every one otherwise. */
export function offeredAgencies<A extends { code: string }>(claims: Claims, agencies: A[]): A[] {
  return claims.role === 'HR' || claims.role === 'COMMITTEE'
    ? agencies.filter((agency) => agency.code === claims.agency)
    : agencies;
}

/** The agency a role's lists are narrowed to (HR and COMMITTEE see their own only). */
export function scopedAgency(claims: Claims): string | undefined {
  return claims.role === 'HR' || claims.role === 'COMMITTEE' ? claims.agency : undefined;
}
