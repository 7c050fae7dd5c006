import { parseNip } from './nip';

/**
 * The role of a member of a selection committee (panitia seleksi, PermenPANRB 15/2019): one
 * chair (ketua), at most one secretary (sekretaris), the others members (anggota).
 */
export enum CommitteeRole {
  CHAIR = 'CHAIR',
  SECRETARY = 'SECRETARY',
  MEMBER = 'MEMBER',
}

/** Signing order on the berita acara: the chair, the secretary, then the members. */
export const COMMITTEE_ROLE_ORDER: readonly CommitteeRole[] = [
  CommitteeRole.CHAIR,
  CommitteeRole.SECRETARY,
  CommitteeRole.MEMBER,
];

export interface CommitteeMember {
  readonly name: string;
  readonly nip: string;
  readonly role: CommitteeRole;
}

/** A committee's size: an odd number (so a vote cannot tie), from 3 up to 15. */
export const MIN_MEMBERS = 3;
export const MAX_MEMBERS = 15;
const MAX_NAME = 200;

/** One problem with a list of members: the member's index (or null for the list) and field. */
export interface MemberProblem {
  readonly index: number | null;
  readonly field: 'members' | 'name' | 'nip' | 'role';
  readonly message: string;
}

/**
 * The problems of a committee as recorded on a selection: an odd number of members (DOMAIN.md
 * §10) from 3 to 15, exactly one chair and at most one secretary, each with a non-empty name of
 * at most 200 characters and a valid, distinct 18-digit NIP.
 */
export function committeeProblems(members: readonly CommitteeMember[]): MemberProblem[] {
  const problems: MemberProblem[] = [];
  const list = (message: string) => problems.push({ index: null, field: 'members', message });
  if (members.length > MAX_MEMBERS) {
    // Too long a list is refused as a whole, without reading its members.
    list(`members: from ${MIN_MEMBERS} to ${MAX_MEMBERS} members, not ${members.length}`);
    return problems;
  }
  if (members.length < MIN_MEMBERS)
    list(`members: from ${MIN_MEMBERS} to ${MAX_MEMBERS} members, not ${members.length}`);
  else if (members.length % 2 === 0)
    list(`members: a committee has an odd number of members, not ${members.length}`);
  const seen = new Map<string, number>();
  members.forEach((member, index) => {
    const at = (field: MemberProblem['field'], message: string) =>
      problems.push({ index, field, message: `members[${index}].${field}: ${message}` });
    const name = member.name.trim();
    if (name === '') at('name', 'a member needs a name');
    else if (name.length > MAX_NAME) at('name', `at most ${MAX_NAME} characters`);
    const nip = parseNip(member.nip);
    if (!nip.ok) at('nip', `"${member.nip.slice(0, 30)}" is not a valid NIP: ${nip.reason}`);
    else if (seen.has(member.nip))
      at('nip', `NIP ${member.nip} is already members[${seen.get(member.nip)}]`);
    else seen.set(member.nip, index);
    if (!COMMITTEE_ROLE_ORDER.includes(member.role)) at('role', `unknown role ${member.role}`);
  });
  const chairs = members.filter((m) => m.role === CommitteeRole.CHAIR).length;
  const secretaries = members.filter((m) => m.role === CommitteeRole.SECRETARY).length;
  if (chairs !== 1) list(`members: exactly one CHAIR, not ${chairs}`);
  if (secretaries > 1) list(`members: at most one SECRETARY, not ${secretaries}`);
  return problems;
}

/** The members in signing order: chair, secretary, members (each role in the order given). */
export function signingOrder<T extends { role: CommitteeRole }>(members: readonly T[]): T[] {
  return COMMITTEE_ROLE_ORDER.flatMap((role) => members.filter((m) => m.role === role));
}
