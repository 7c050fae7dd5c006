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

/** A stage frozen into a selection, as its fingerprint covers it. */
export interface StageContent {
  readonly name: string;
  readonly kind: string;
  readonly weight: number;
  readonly passMark: number | null;
  readonly order: number;
}

/**
 * The fingerprint of a frozen selection: HMAC-SHA256 under `key`, in hex, of the canonical JSON
 * of its snapshot, or, when it has stages, of the snapshot and the stages (in their order);
 * selections opened before stages were kept are fingerprinted by their snapshot alone.
 */
export function fingerprintOf(
  snapshot: FrozenSelection,
  key: string,
  stages: readonly StageContent[] = [],
): string {
  return createHmac('sha256', key)
    .update(canonicalJson(sealedContent(snapshot, stages)))
    .digest('hex');
}

function sealedContent(snapshot: FrozenSelection, stages: readonly StageContent[]): unknown {
  if (stages.length === 0) return snapshot;
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  return {
    snapshot,
    stages: ordered.map(({ name, kind, weight, passMark, order }) => ({
      name,
      kind,
      weight,
      passMark,
      order,
    })),
  };
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

/** A stage score as sealed: whose, at which stage (by its order), what, by whom and when. */
export interface ScoreContent {
  readonly employeeId: number;
  readonly stageOrder: number;
  readonly score: number;
  readonly note: string | null;
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

/**
 * The MAC of a stage score: HMAC-SHA256 over the selection's fingerprint, the score, the MAC of
 * the score recorded before it in the selection (`previous`: the scores are a chain of their
 * own beside the decisions') and the MAC of the candidate's score at that stage it supersedes.
 */
export function scoreMacOf(
  key: string,
  fingerprint: string,
  score: ScoreContent,
  previous: string | null,
  supersedes: string | null,
): string {
  return macOf(key, {
    kind: 'score',
    selection: fingerprint,
    previous,
    supersedes,
    employeeId: score.employeeId,
    stageOrder: score.stageOrder,
    score: score.score,
    note: score.note,
    recordedAt: score.recordedAt.toISOString(),
    recordedBy: score.recordedBy,
  });
}

/** How many stage scores a selection had at closing and the MAC of the last one. */
export interface ScoreChainHead {
  readonly count: number;
  readonly head: string | null;
}

/**
 * The MAC of a closing: HMAC-SHA256 over the fingerprint, the moment of closing, how many
 * decisions there were and the MAC of the last one, and as many for the stage scores (left out
 * when there are none, so closings sealed before scores were kept verify as they did); so after
 * closing no decision or score can be added or removed, and the closing cannot be moved.
 */
export function closeMacOf(
  key: string,
  fingerprint: string,
  closedAt: Date,
  decisions: number,
  head: string | null,
  scores: ScoreChainHead = { count: 0, head: null },
): string {
  return macOf(key, {
    kind: 'close',
    selection: fingerprint,
    closedAt: closedAt.toISOString(),
    decisions,
    head,
    ...(scores.count > 0 ? { scores: scores.count, scoreHead: scores.head } : {}),
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

/** A stored stage score, as verification reads it. */
export interface StoredScore extends ScoreContent {
  readonly id: number;
  readonly supersedesId: number | null;
  readonly mac: string;
}

/** A stored selection, as verification reads it. */
export interface StoredSelection {
  readonly snapshot: FrozenSelection;
  /** Its stages as stored (none for selections opened before stages were kept). */
  readonly stages?: readonly StageContent[];
  readonly fingerprint: string;
  readonly fingerprintScheme: FingerprintScheme;
  readonly closedAt?: Date | null;
  readonly closeMac?: string | null;
}

/**
 * Whether a stored selection is the record as it was written: under `HMAC_SHA256`, the snapshot
 * and the stages give the fingerprint under `key`; every decision, in the order recorded,
 * carries its MAC over the one before it and supersedes exactly the candidate's previous
 * decision; every stage score likewise in its own chain (superseding the candidate's previous
 * score at that stage); and a closed selection's closing MAC covers its moment and the
 * decisions and scores then. Under `SHA256` (opened before keyed fingerprints) only the
 * snapshot's plain hash is checked, as it was then.
 */
export function verifyRecord(
  selection: StoredSelection,
  decisions: readonly StoredDecision[],
  key: string,
  scores: readonly StoredScore[] = [],
): boolean {
  if (selection.fingerprintScheme === FingerprintScheme.SHA256)
    return same(unkeyedFingerprintOf(selection.snapshot), selection.fingerprint);
  if (selection.fingerprintScheme !== FingerprintScheme.HMAC_SHA256) return false;
  const { fingerprint } = selection;
  if (!same(fingerprintOf(selection.snapshot, key, selection.stages), fingerprint)) return false;
  const decisionHead = verifyChain(
    decisions,
    (d) => String(d.employeeId),
    (d, previous, superseded) => decisionMacOf(key, fingerprint, d, previous, superseded),
  );
  const scoreHead = verifyChain(
    scores,
    (s) => `${s.employeeId} ${s.stageOrder}`,
    (s, previous, superseded) => scoreMacOf(key, fingerprint, s, previous, superseded),
  );
  if (decisionHead === false || scoreHead === false) return false;
  if (!selection.closedAt) return !selection.closeMac;
  if (!selection.closeMac) return false;
  const expected = closeMacOf(
    key,
    fingerprint,
    selection.closedAt,
    decisions.length,
    decisionHead,
    { count: scores.length, head: scoreHead },
  );
  return same(expected, selection.closeMac);
}

/**
 * Checks a chain of append-only entries in the order recorded: each supersedes exactly the
 * previous entry of its subject and carries the MAC `macOf` gives over the entry before it and
 * the one it supersedes. The MAC of the last entry (null: none), or false when one does not hold.
 */
function verifyChain<T extends { id: number; supersedesId: number | null; mac: string | null }>(
  entries: readonly T[],
  subject: (entry: T) => string,
  macOf: (entry: T, previous: string | null, superseded: string | null) => string,
): string | null | false {
  const ordered = [...entries].sort((a, b) => a.id - b.id);
  const latest = new Map<string, T>();
  let previous: string | null = null;
  for (const entry of ordered) {
    const superseded = latest.get(subject(entry)) ?? null;
    if ((entry.supersedesId ?? null) !== (superseded?.id ?? null)) return false;
    const expected = macOf(entry, previous, superseded?.mac ?? null);
    if (entry.mac === null || !same(expected, entry.mac)) return false;
    latest.set(subject(entry), entry);
    previous = entry.mac;
  }
  return previous;
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
