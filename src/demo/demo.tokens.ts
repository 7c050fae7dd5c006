import type { Knex } from '@mikro-orm/knex';
import { Role } from '../platform/auth/auth.types';
import { signToken, type TokenKeys } from '../platform/auth/tokens';

/** An employee with a position, and their agency: the explorer's example and the demo's people. */
export async function demoExample(
  knex: Knex,
): Promise<{ nip: string; agency: string } | undefined> {
  return knex('employee as e')
    .join('org_unit as u', 'u.id', 'e.org_unit_id')
    .join('agency as a', 'a.id', 'u.agency_id')
    .whereNotNull('e.position_id')
    .whereNotNull('e.nip')
    .orderBy('e.id')
    .first<{ nip: string; agency: string } | undefined>('e.nip', 'a.code as agency');
}

/**
 * One token per role for trying the API (demo mode only): HR and COMMITTEE of the example's
 * agency, EMPLOYEE the example employee.
 */
export function demoTokensFor(
  keys: TokenKeys,
  example: { nip: string; agency: string } | undefined,
): Record<string, string> {
  return {
    ADMIN: signToken(keys, { role: Role.ADMIN }),
    ...(example
      ? {
          HR: signToken(keys, { role: Role.HR, agency: example.agency }),
          COMMITTEE: signToken(keys, { role: Role.COMMITTEE, agency: example.agency }),
          EMPLOYEE: signToken(keys, { role: Role.EMPLOYEE, nip: example.nip }),
        }
      : {}),
    ANALYST: signToken(keys, { role: Role.ANALYST }),
  };
}
