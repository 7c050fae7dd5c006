import type { Knex } from '@mikro-orm/knex';
import { committeeProblems, type CommitteeMember } from '../../domain/committee';
import { UserErrorCode } from '../../shared/errors';
import type { UserError } from '../../shared/user-error';
import { membersMacOf } from './selection.record';

/**
 * The user errors of a committee's members (`committeeProblems`), each naming the input field:
 * `["input", "members", "2", "nip"]` for one member's, `["input", "members"]` for the list's.
 */
export function memberErrors(members: readonly CommitteeMember[]): UserError[] {
  return committeeProblems(members).map((p) => ({
    field: p.index === null ? ['input', 'members'] : ['input', 'members', String(p.index), p.field],
    code:
      p.index === null
        ? UserErrorCode.OUT_OF_RANGE
        : p.field === 'name'
          ? UserErrorCode.REQUIRED
          : p.message.includes('already')
            ? UserErrorCode.DUPLICATE
            : UserErrorCode.INVALID,
    message: p.message,
  }));
}

/** Members as stored and sealed: trimmed names, the fields in a fixed order. */
export function storedMembers(members: readonly CommitteeMember[]): CommitteeMember[] {
  return members.map((m) => ({ name: m.name.trim(), nip: m.nip, role: m.role }));
}

/** Writes a selection's members with their MAC (over the fingerprint) in `trx`. */
export async function writeMembers(
  trx: Knex.Transaction,
  selection: { id: number; fingerprint: string },
  members: readonly CommitteeMember[],
  key: string,
): Promise<string> {
  const mac = membersMacOf(key, selection.fingerprint, members);
  await trx('selection')
    .where('id', selection.id)
    .update({ members: JSON.stringify(members), members_mac: mac });
  return mac;
}
