import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { registerEnumType } from 'type-graphql';
import { canonicalJson, type FrozenSelection } from './selection.snapshot';

/**
 * How a selection's record is sealed. Selections are opened under `HMAC_SHA256`; `SHA256` marks
 * those opened before the record was keyed, which verify as they did then (their snapshot only).
 */
export enum FingerprintScheme {
  HMAC_SHA256 = 'HMAC_SHA256',
  SHA256 = 'SHA256',
}
registerEnumType(FingerprintScheme, {
  name: 'FingerprintScheme',
  description: 'How a selection’s fingerprint was made.',
  valuesConfig: {
    HMAC_SHA256: {
      description:
        'HMAC-SHA256 under the server’s selection key; its decisions and its closing are sealed with it too.',
    },
    SHA256: {
      description:
        'Plain SHA-256 of the snapshot, unkeyed (opened before keyed fingerprints): anyone able to write the database could recompute it; its decisions and closing are not sealed.',
    },
  },
});

/** The fingerprint of a frozen selection: HMAC-SHA256 of its canonical JSON under `key`, in hex. */
export function fingerprintOf(snapshot: FrozenSelection, key: string): string {
  return createHmac('sha256', key).update(canonicalJson(snapshot)).digest('hex');
}

/** The unkeyed fingerprint of selections opened before keyed ones: SHA-256 of the canonical JSON. */
export function unkeyedFingerprintOf(snapshot: FrozenSelection): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}

/** A decision as sealed: what was decided, by whom and when, and where it stands in the chain. */
export interface DecisionContent {
  readonly employeeId: number;
  readonly decision: string;
  readonly reason: string;
  readonly decidedAt: Date;
  readonly decidedBy: string;
}

/**
 * The MAC of a decision: HMAC-SHA256 over the selection's fingerprint, the decision, the MAC of
 * the decision recorded before it in the selection (`previous`) and the MAC of the candidate's
 * decision it supersedes; so no decision can be changed, removed from the middle or moved.
 */
export function decisionMacOf(
  key: string,
  fingerprint: string,
  decision: DecisionContent,
  previous: string | null,
  supersedes: string | null,
): string {
  return macOf(key, {
    kind: 'decision',
    selection: fingerprint,
    previous,
    supersedes,
    employeeId: decision.employeeId,
    decision: decision.decision,
    reason: decision.reason,
    decidedAt: decision.decidedAt.toISOString(),
    decidedBy: decision.decidedBy,
  });
}

/**
 * The MAC of a closing: HMAC-SHA256 over the fingerprint, the moment of closing, how many
 * decisions there were and the MAC of the last one; so after closing no decision can be added
 * or removed, and the closing cannot be moved.
 */
export function closeMacOf(
  key: string,
  fingerprint: string,
  closedAt: Date,
  decisions: number,
  head: string | null,
): string {
  return macOf(key, {
    kind: 'close',
    selection: fingerprint,
    closedAt: closedAt.toISOString(),
    decisions,
    head,
  });
}

function macOf(key: string, value: Record<string, unknown>): string {
  return createHmac('sha256', key).update(canonicalJson(value)).digest('hex');
}

/** A stored decision, as verification reads it. */
export interface StoredDecision extends DecisionContent {
  readonly id: number;
  readonly supersedesId: number | null;
  readonly mac: string | null;
}

/** A stored selection, as verification reads it. */
export interface StoredSelection {
  readonly snapshot: FrozenSelection;
  readonly fingerprint: string;
  readonly fingerprintScheme: FingerprintScheme;
  readonly closedAt?: Date | null;
  readonly closeMac?: string | null;
}

/**
 * Whether a stored selection is the record as it was written: under `HMAC_SHA256`, the snapshot
 * gives the fingerprint under `key`; every decision, in the order recorded, carries its MAC over
 * the one before it and supersedes exactly the candidate's previous decision; and a closed
 * selection's closing MAC covers its moment and the decisions then. Under `SHA256` (opened
 * before keyed fingerprints) only the snapshot's plain hash is checked, as it was then.
 */
export function verifyRecord(
  selection: StoredSelection,
  decisions: readonly StoredDecision[],
  key: string,
): boolean {
  if (selection.fingerprintScheme === FingerprintScheme.SHA256)
    return same(unkeyedFingerprintOf(selection.snapshot), selection.fingerprint);
  if (selection.fingerprintScheme !== FingerprintScheme.HMAC_SHA256) return false;
  const { fingerprint } = selection;
  if (!same(fingerprintOf(selection.snapshot, key), fingerprint)) return false;
  const ordered = [...decisions].sort((a, b) => a.id - b.id);
  const latest = new Map<number, StoredDecision>();
  let previous: string | null = null;
  for (const decision of ordered) {
    const superseded = latest.get(decision.employeeId) ?? null;
    if ((decision.supersedesId ?? null) !== (superseded?.id ?? null)) return false;
    const expected = decisionMacOf(key, fingerprint, decision, previous, superseded?.mac ?? null);
    if (decision.mac === null || !same(expected, decision.mac)) return false;
    latest.set(decision.employeeId, decision);
    previous = decision.mac;
  }
  if (!selection.closedAt) return !selection.closeMac;
  if (!selection.closeMac) return false;
  const expected = closeMacOf(key, fingerprint, selection.closedAt, ordered.length, previous);
  return same(expected, selection.closeMac);
}

/** Two hex MACs are equal (compared in constant time). */
function same(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(actual, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

let processKey: string | undefined;

/**
 * Sets the key that seals selections in this process (`SELECTION_KEY`, or demo mode's own): the
 * server calls it once at start-up, before it serves a request.
 */
export function setSelectionKey(key: string): void {
  if (key.length < 32) throw new Error('The selection key must be at least 32 characters');
  processKey = key;
}

/** The key that seals selections; a server started without one cannot open or decide on any. */
export function selectionKey(): string {
  if (!processKey)
    throw new Error('No selection key: the server must call setSelectionKey at start-up');
  return processKey;
}

/** A committee member as sealed. */
export interface SealedMember {
  readonly name: string;
  readonly nip: string;
  readonly role: string;
}

/**
 * The MAC of a selection's committee: HMAC-SHA256 over the fingerprint and the members in the
 * order recorded, so no member can be changed, added or removed without showing.
 */
export function membersMacOf(
  key: string,
  fingerprint: string,
  members: readonly SealedMember[],
): string {
  return macOf(key, {
    kind: 'members',
    selection: fingerprint,
    members: members.map((m) => ({ name: m.name, nip: m.nip, role: m.role })),
  });
}

/**
 * Whether a selection's members are as recorded: none and no MAC, or members whose MAC matches
 * (under `SHA256`, opened before members were kept, none may be stored).
 */
export function verifyMembers(
  selection: {
    readonly fingerprint: string;
    readonly fingerprintScheme: FingerprintScheme;
    readonly members?: readonly SealedMember[] | null;
    readonly membersMac?: string | null;
  },
  key: string,
): boolean {
  const members = selection.members ?? null;
  const mac = selection.membersMac ?? null;
  if (members === null || mac === null) return members === null && mac === null;
  if (selection.fingerprintScheme !== FingerprintScheme.HMAC_SHA256) return false;
  return same(membersMacOf(key, selection.fingerprint, members), mac);
}
