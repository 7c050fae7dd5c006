import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/modules/selection/selection.record';
import {
  canonicalJson,
  freezeCandidateSpec,
  thawCandidateSpec,
  type FrozenSelection,
} from '../../src/modules/selection/selection.snapshot';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [3, 1], c: null } }, '{"a":{"c":null,"d":[3,1]}}'],
    [{ a: undefined, b: 'ä' }, '{"b":"ä"}'],
    [[{ y: 1, x: 2 }, 'z'], '[{"x":2,"y":1},"z"]'],
    [87.5, '87.5'],
  ])('writes %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('gives the same fingerprint whatever order keys were stored in, and another for other content', () => {
    const snapshot = {
      version: 1,
      position: { id: 1, code: 'ADM-1', title: 'Kepala', category: 'ADMINISTRATOR' },
      profile: null,
      policy: { asOf: '2026-11-01', scale: 'OPTIMAL' },
      candidates: [{ employeeId: 7, result: { jobPersonMatch: 81.25, qualified: true } }],
    } as unknown as FrozenSelection;
    const reordered = JSON.parse(
      '{"candidates":[{"result":{"qualified":true,"jobPersonMatch":81.25},"employeeId":7}],' +
        '"policy":{"scale":"OPTIMAL","asOf":"2026-11-01"},"profile":null,' +
        '"position":{"category":"ADMINISTRATOR","title":"Kepala","code":"ADM-1","id":1},"version":1}',
    ) as FrozenSelection;
    const key = 'k'.repeat(32);
    expect(fingerprintOf(reordered, key)).toBe(fingerprintOf(snapshot, key));
    expect(fingerprintOf(snapshot, key)).toMatch(/^[0-9a-f]{64}$/);
    const changed = JSON.parse(JSON.stringify(snapshot));
    changed.candidates[0].result.jobPersonMatch = 81.26;
    expect(fingerprintOf(changed as FrozenSelection, key)).not.toBe(fingerprintOf(snapshot, key));
  });

  it('freezes a candidate spec to JSON and thaws it back whole', () => {
    const spec = {
      id: 3,
      employmentType: 'PNS',
      rank: null,
      pppkGrade: null,
      education: { code: 'S1', ordinal: 7 },
      birthDate: null,
      appointedOn: null,
      levels: new Map([
        [9, { level: 2, assessedOn: '2024-01-01' }],
        [4, { level: 3, assessedOn: '2025-01-01' }],
      ]),
      completedCourseIds: new Set([5, 2]),
      performance: [],
    };
    const frozen = JSON.parse(JSON.stringify(freezeCandidateSpec(spec)));
    expect(frozen.levels.map((l: [number, unknown]) => l[0])).toEqual([4, 9]);
    expect(thawCandidateSpec(frozen)).toEqual(spec);
  });
});
