/** What the database already holds, as far as validating references needs. */
export interface KnownKeys {
  agencies: ReadonlySet<string>;
  orgUnits: ReadonlyMap<string, { agency: string; parent: string | null }>;
  competencies: ReadonlySet<string>;
  courses: ReadonlyMap<string, { hours: number; prerequisites: readonly string[] }>;
  /** Position code → agency code. */
  positions: ReadonlyMap<string, string>;
  nips: ReadonlySet<string>;
  pppkNumbers: ReadonlySet<string>;
  /** Employee key (`N:` NIP or `P:` PPPK number) → agency code. */
  employeeAgencies: ReadonlyMap<string, string>;
}

export const EMPTY_KNOWN: KnownKeys = {
  agencies: new Set(),
  orgUnits: new Map(),
  competencies: new Set(),
  courses: new Map(),
  positions: new Map(),
  nips: new Set(),
  pppkNumbers: new Set(),
  employeeAgencies: new Map(),
};

/** The map key of an employee reference: NIP for PNS and CPNS, PPPK number otherwise. */
export function employeeKey(ref: { nip: string | null; pppkNumber: string | null }): string {
  return ref.nip ? `N:${ref.nip}` : `P:${ref.pppkNumber}`;
}
