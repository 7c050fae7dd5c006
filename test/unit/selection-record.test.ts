import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  closeMacOf,
  decisionMacOf,
  scoreMacOf,
  FingerprintScheme,
  fingerprintOf,
  verifyRecord,
  type StageContent,
  type StoredDecision,
  type StoredScore,
  type StoredSelection,
} from '../../src/modules/selection/selection.record';
import {
  canonicalJson,
  type FrozenSelection,
} from '../../src/modules/selection/selection.snapshot';

const KEY = 'a selection key of at least thirty-two characters';
const snapshot = {
  version: 1,
  position: { id: 1, code: 'ADM-1', title: 'Kepala', category: 'ADMINISTRATOR' },
  profile: null,
  policy: { asOf: '2026-11-01' },
  candidates: [
    { employeeId: 7, nip: '198001012005011001', result: { jobPersonMatch: 81.25 } },
    { employeeId: 9, nip: null, result: { jobPersonMatch: 70 } },
  ],
} as unknown as FrozenSelection;

/** A sealed record as the service writes it: 7 shortlisted, 9 not selected, 7 then selected; closed. */
function sealed(key = KEY): { selection: StoredSelection; decisions: StoredDecision[] } {
  const fingerprint = fingerprintOf(snapshot, key);
  const decisions: StoredDecision[] = [];
  const add = (employeeId: number, decision: string, at: string) => {
    const superseded = decisions.filter((d) => d.employeeId === employeeId).at(-1) ?? null;
    const content = {
      employeeId,
      decision,
      reason: `alasan ${decisions.length + 1}`,
      decidedAt: new Date(at),
      decidedBy: 'committee',
    };
    const mac = decisionMacOf(
      key,
      fingerprint,
      content,
      decisions.at(-1)?.mac ?? null,
      superseded?.mac ?? null,
    );
    decisions.push({
      ...content,
      id: decisions.length + 10,
      supersedesId: superseded?.id ?? null,
      mac,
    });
  };
  add(7, 'SHORTLISTED', '2026-11-02T01:00:00.000Z');
  add(9, 'NOT_SELECTED', '2026-11-02T02:00:00.000Z');
  add(7, 'SELECTED', '2026-11-03T01:00:00.000Z');
  const closedAt = new Date('2026-11-04T01:00:00.123Z');
  const selection: StoredSelection = {
    snapshot,
    fingerprint,
    fingerprintScheme: FingerprintScheme.HMAC_SHA256,
    closedAt,
    closeMac: closeMacOf(key, fingerprint, closedAt, decisions.length, decisions[2].mac),
  };
  return { selection, decisions };
}

type Tamper = (record: { selection: StoredSelection; decisions: StoredDecision[] }) => void;
const set = <T extends object>(target: T, values: Partial<T>) => Object.assign(target, values);
const plainHash = (value: unknown) =>
  createHash('sha256').update(canonicalJson(value)).digest('hex');

describe('verifyRecord', () => {
  it('accepts the record as written, open or closed, and in any order it is read', () => {
    const { selection, decisions } = sealed();
    expect(verifyRecord(selection, decisions, KEY)).toBe(true);
    expect(verifyRecord(selection, [...decisions].reverse(), KEY)).toBe(true);
    const open = { ...selection, closedAt: null, closeMac: null };
    expect(verifyRecord(open, decisions, KEY)).toBe(true);
  });

  it.each<[string, Tamper]>([
    [
      'a JPM changed in the snapshot, with a plain SHA-256 recomputed',
      ({ selection }) => {
        const changed = JSON.parse(JSON.stringify(selection.snapshot));
        changed.candidates[0].result.jobPersonMatch = 99.99;
        set(selection, { snapshot: changed, fingerprint: plainHash(changed) });
      },
    ],
    [
      'the snapshot re-sealed under another key',
      ({ selection }) =>
        set(selection, { fingerprint: fingerprintOf(selection.snapshot, 'x'.repeat(32)) }),
    ],
    ['a reason changed in place', ({ decisions }) => set(decisions[0], { reason: 'lain' })],
    ['a decision changed in place', ({ decisions }) => set(decisions[1], { decision: 'SELECTED' })],
    ['a decision moved in time', ({ decisions }) => set(decisions[2], { decidedAt: new Date(0) })],
    [
      'a decision given to another candidate',
      ({ decisions }) => set(decisions[1], { employeeId: 7 }),
    ],
    ['a decision deleted from the middle', ({ decisions }) => decisions.splice(1, 1)],
    ['the last decision deleted after closing', ({ decisions }) => decisions.pop()],
    [
      'a decision added after closing',
      ({ decisions }) => decisions.push({ ...decisions[1], id: 99, supersedesId: 11 }),
    ],
    ['a supersession unlinked', ({ decisions }) => set(decisions[2], { supersedesId: null })],
    ['a decision without its MAC', ({ decisions }) => set(decisions[0], { mac: null })],
    ['the closing cleared', ({ selection }) => set(selection, { closedAt: null })],
    ['the closing moved', ({ selection }) => set(selection, { closedAt: new Date() })],
    ['the closing without its MAC', ({ selection }) => set(selection, { closeMac: null })],
    [
      'a keyed selection passed off as an unkeyed one of old',
      ({ selection }) => set(selection, { fingerprintScheme: 'SHA1' as FingerprintScheme }),
    ],
  ])('refuses %s', (_name, tamper) => {
    const record = sealed();
    tamper(record);
    expect(verifyRecord(record.selection, record.decisions, KEY)).toBe(false);
  });

  it('refuses the record under another key', () => {
    const { selection, decisions } = sealed();
    expect(verifyRecord(selection, decisions, 'another key, also thirty-two characters')).toBe(
      false,
    );
  });

  it('checks a selection opened before keyed fingerprints by its plain SHA-256 only', () => {
    const legacy: StoredSelection = {
      snapshot,
      fingerprint: plainHash(snapshot),
      fingerprintScheme: FingerprintScheme.SHA256,
    };
    const decision = { ...sealed().decisions[0], mac: null };
    expect(verifyRecord(legacy, [decision], KEY)).toBe(true);
    expect(verifyRecord({ ...legacy, fingerprint: '0'.repeat(64) }, [decision], KEY)).toBe(false);
  });
});

const STAGES: StageContent[] = [
  { order: 1, kind: 'ADMINISTRATION', name: 'Administrasi', weight: 0, passMark: 100 },
  { order: 2, kind: 'COMPETENCY', name: 'Kompetensi', weight: 60, passMark: 68 },
  { order: 3, kind: 'INTERVIEW', name: 'Wawancara', weight: 40, passMark: null },
];

/**
 * A staged record as the service writes it: the stages under the fingerprint, one decision,
 * scores for 7 (administration, competency, then a corrected competency) and 9; closed.
 */
function staged(key = KEY) {
  const fingerprint = fingerprintOf(snapshot, key, STAGES);
  const content = {
    employeeId: 7,
    decision: 'SHORTLISTED',
    reason: 'alasan',
    decidedAt: new Date('2026-11-02T01:00:00.000Z'),
    decidedBy: 'committee',
  };
  const decisions: StoredDecision[] = [
    {
      ...content,
      id: 1,
      supersedesId: null,
      mac: decisionMacOf(key, fingerprint, content, null, null),
    },
  ];
  const scores: StoredScore[] = [];
  const add = (employeeId: number, stageOrder: number, score: number, note: string | null) => {
    const superseded =
      scores.filter((s) => s.employeeId === employeeId && s.stageOrder === stageOrder).at(-1) ??
      null;
    const entry = {
      employeeId,
      stageOrder,
      score,
      note,
      recordedAt: new Date(Date.UTC(2026, 10, 3, scores.length)),
      recordedBy: 'committee',
    };
    const mac = scoreMacOf(
      key,
      fingerprint,
      entry,
      scores.at(-1)?.mac ?? null,
      superseded?.mac ?? null,
    );
    scores.push({ ...entry, id: scores.length + 20, supersedesId: superseded?.id ?? null, mac });
  };
  add(7, 1, 100, null);
  add(7, 2, 70, 'assessment centre');
  add(9, 1, 0, 'ijazah tidak sah');
  add(7, 2, 75, 'koreksi');
  const closedAt = new Date('2026-11-05T01:00:00.000Z');
  const selection: StoredSelection = {
    snapshot,
    stages: STAGES.map((s) => ({ ...s })),
    fingerprint,
    fingerprintScheme: FingerprintScheme.HMAC_SHA256,
    closedAt,
    closeMac: closeMacOf(key, fingerprint, closedAt, 1, decisions[0].mac, {
      count: scores.length,
      head: scores.at(-1)!.mac,
    }),
  };
  return { selection, decisions, scores };
}

type StagedTamper = (record: ReturnType<typeof staged>) => void;

describe('verifyRecord of a staged selection', () => {
  it('accepts the record as written, with its stages and scores in any order read', () => {
    const { selection, decisions, scores } = staged();
    expect(verifyRecord(selection, decisions, KEY, scores)).toBe(true);
    expect(verifyRecord(selection, decisions, KEY, [...scores].reverse())).toBe(true);
    expect(
      verifyRecord(
        { ...selection, stages: [...selection.stages!].reverse() },
        decisions,
        KEY,
        scores,
      ),
    ).toBe(true);
  });

  it('has a fingerprint that covers the stages: without them it is another', () => {
    expect(fingerprintOf(snapshot, KEY, STAGES)).not.toBe(fingerprintOf(snapshot, KEY));
    expect(fingerprintOf(snapshot, KEY, [])).toBe(fingerprintOf(snapshot, KEY));
  });

  it.each<[string, StagedTamper]>([
    [
      'a stage weight changed',
      ({ selection }) => set(selection.stages![1] as object, { weight: 80 }),
    ],
    [
      'a pass mark lowered',
      ({ selection }) => set(selection.stages![1] as object, { passMark: 50 }),
    ],
    [
      'a stage removed',
      ({ selection }) => set(selection, { stages: selection.stages!.slice(0, 2) }),
    ],
    ['every stage removed', ({ selection }) => set(selection, { stages: [] })],
    ['a score changed in place', ({ scores }) => set(scores[1], { score: 95 })],
    ['a note changed in place', ({ scores }) => set(scores[2], { note: null })],
    ['a score moved to another stage', ({ scores }) => set(scores[1], { stageOrder: 3 })],
    ['a score given to another candidate', ({ scores }) => set(scores[2], { employeeId: 7 })],
    ['a score deleted from the middle', ({ scores }) => scores.splice(1, 1)],
    ['the last score deleted after closing', ({ scores }) => scores.pop()],
    ['every score deleted after closing', ({ scores }) => scores.splice(0)],
    [
      'a score added after closing',
      ({ scores }) => scores.push({ ...scores[2], id: 99, supersedesId: 22 }),
    ],
    ['a correction unlinked', ({ scores }) => set(scores[3], { supersedesId: null })],
  ])('refuses %s', (_name, tamper) => {
    const record = staged();
    tamper(record);
    expect(verifyRecord(record.selection, record.decisions, KEY, record.scores)).toBe(false);
  });

  it('seals an open selection’s scores without a closing', () => {
    const { selection, decisions, scores } = staged();
    const open = { ...selection, closedAt: null, closeMac: null };
    expect(verifyRecord(open, decisions, KEY, scores)).toBe(true);
    set(scores[0], { score: 0 });
    expect(verifyRecord(open, decisions, KEY, scores)).toBe(false);
  });
});
