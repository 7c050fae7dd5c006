import { describe, expect, it } from 'vitest';
import { axesOf, DEFAULT_CUTOFFS, placeInBox } from '../../src/domain/talent-box';
import {
  approvalProblems,
  approvedBench,
  calibrationKey,
  calibrationProblems,
  calibrationsInForce,
  draftFor,
  nominationProblems,
  reviewedPlacement,
  type Calibration,
  type Nominee,
  type NomineeFacts,
} from '../../src/domain/talent-review';

const computed = placeInBox([{ year: 2026, rating: 'BAIK' }], 60, 2026, DEFAULT_CUTOFFS)!;

describe('the box in force', () => {
  it('is the computed box, marked not calibrated, without a calibration', () => {
    expect(computed.box).toBe(5);
    expect(reviewedPlacement(computed, null)).toEqual({
      ...computed,
      computedBox: 5,
      calibrated: false,
      reason: null,
    });
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])(
    'is calibrated box %i with its axes, the computed box and the facts kept beside it',
    (box) => {
      const reviewed = reviewedPlacement(computed, { box, reason: 'rapat talenta' });
      expect(reviewed).toMatchObject({
        box,
        ...axesOf(box),
        computedBox: computed.box,
        calibrated: true,
        reason: 'rapat talenta',
        rating: computed.rating,
        ratingYear: computed.ratingYear,
        potentialScore: computed.potentialScore,
      });
    },
  );

  it('stays calibrated when the committee confirms the computed box (a decision with its reason)', () => {
    const same = reviewedPlacement(computed, { box: computed.box, reason: 'dikonfirmasi' });
    expect(same).toMatchObject({
      box: 5,
      computedBox: 5,
      calibrated: true,
      reason: 'dikonfirmasi',
    });
  });
});

describe('calibrations in force', () => {
  const row = (id: number, employeeId: number, year: number, box: number): Calibration => ({
    id,
    employeeId,
    year,
    box,
    reason: `r${id}`,
  });

  it('keeps the latest of each employee and year, whatever the order rows come in', () => {
    const rows = [row(3, 1, 2026, 9), row(1, 1, 2026, 7), row(2, 1, 2025, 4), row(4, 2, 2026, 1)];
    for (const order of [rows, [...rows].reverse(), [rows[2], rows[0], rows[3], rows[1]]]) {
      const inForce = calibrationsInForce(order);
      expect(inForce.size).toBe(3);
      expect(inForce.get(calibrationKey(1, 2026))?.box).toBe(9);
      expect(inForce.get(calibrationKey(1, 2025))?.box).toBe(4);
      expect(inForce.get(calibrationKey(2, 2026))?.box).toBe(1);
    }
  });

  it('has none for no rows, and one per key: the maximum id (property over random histories)', () => {
    expect(calibrationsInForce([]).size).toBe(0);
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 50; round++) {
      const rows = Array.from({ length: 1 + next(30) }, (_, i) =>
        row(i + 1, 1 + next(4), 2024 + next(3), 1 + next(9)),
      ).sort(() => next(3) - 1);
      const inForce = calibrationsInForce(rows);
      const keys = new Set(rows.map((r) => calibrationKey(r.employeeId, r.year)));
      expect(inForce.size).toBe(keys.size);
      for (const [key, kept] of inForce) {
        const same = rows.filter((r) => calibrationKey(r.employeeId, r.year) === key);
        expect(kept.id).toBe(Math.max(...same.map((r) => r.id)));
      }
    }
  });
});

describe('a calibration input', () => {
  const ok = { year: 2026, box: 9, reason: 'Kinerja luar biasa pada proyek strategis' };

  it('passes with a box 1–9, a year up to the current one and a reason', () => {
    expect(calibrationProblems(ok, 2026)).toEqual([]);
    expect(calibrationProblems({ ...ok, year: 2000, box: 1 }, 2026)).toEqual([]);
  });

  it.each([
    [{ box: 0 }, 'box', 'OUT_OF_RANGE'],
    [{ box: 10 }, 'box', 'OUT_OF_RANGE'],
    [{ box: 4.5 }, 'box', 'OUT_OF_RANGE'],
    [{ year: 2027 }, 'year', 'OUT_OF_RANGE'],
    [{ year: 1999 }, 'year', 'OUT_OF_RANGE'],
    [{ reason: '' }, 'reason', 'REQUIRED'],
    [{ reason: '   \n\t ' }, 'reason', 'REQUIRED'],
    [{ reason: 'x'.repeat(2001) }, 'reason', 'OUT_OF_RANGE'],
  ] as const)('refuses %o on its field', (change, field, code) => {
    const problems = calibrationProblems({ ...ok, ...change }, 2026);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field, code });
    expect(problems[0].message).toContain(field);
  });

  it('counts the reason after trimming, and names every fault at once', () => {
    expect(calibrationProblems({ ...ok, reason: ` ${'x'.repeat(2000)} ` }, 2026)).toEqual([]);
    const all = calibrationProblems({ year: 3000, box: -1, reason: ' ' }, 2026);
    expect(all.map((p) => p.field)).toEqual(['year', 'box', 'reason']);
  });
});

describe('nominating a successor', () => {
  const position = { code: 'JPT-01', agency: 'PROV', holderIds: [100] };
  const nominee = (change: Partial<NomineeFacts> = {}): NomineeFacts => ({
    employeeId: 1,
    label: '198001012005011001',
    agency: 'PROV',
    box: 9,
    emergency: false,
    ...change,
  });
  const draft: Nominee[] = [
    { employeeId: 2, readiness: 'READY_NOW', emergency: true },
    { employeeId: 3, readiness: 'LATER', emergency: false },
  ];

  it.each([7, 8, 9])('accepts someone of the agency in box %i', (box) => {
    expect(nominationProblems(draft, nominee({ box }), position, 2026)).toEqual([]);
  });

  it.each([
    ['of another agency', nominee({ agency: 'KAB' }), 'employee', 'INVALID', 'agency KAB'],
    ['the holder', nominee({ employeeId: 100 }), 'employee', 'INVALID', 'holds JPT-01'],
    ['already nominated', nominee({ employeeId: 3 }), 'employee', 'DUPLICATE', 'already'],
    ['outside the pool', nominee({ box: 6 }), 'employee', 'INVALID', 'in box 6 for 2026'],
    ['unplaced', nominee({ box: null }), 'employee', 'INVALID', 'not placed'],
    [
      'a second emergency successor',
      nominee({ emergency: true }),
      'emergency',
      'TAKEN',
      'at most one',
    ],
  ] as const)('refuses someone %s', (_, who, field, code, words) => {
    const problems = nominationProblems(draft, who, position, 2026);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field, code });
    expect(problems[0].message).toContain(words);
  });

  it('accepts the first emergency successor of a plan', () => {
    const noEmergency = draft.map((n) => ({ ...n, emergency: false }));
    expect(nominationProblems(noEmergency, nominee({ emergency: true }), position, 2026)).toEqual(
      [],
    );
    expect(nominationProblems([], nominee({ emergency: true }), position, 2026)).toEqual([]);
  });
});

describe('the versions of a plan', () => {
  it('nominates into the open draft, else opens the next version', () => {
    expect(draftFor(null)).toEqual({ version: 1, opens: true });
    expect(draftFor({ version: 1, status: 'DRAFT', successors: [] })).toEqual({
      version: 1,
      opens: false,
    });
    expect(draftFor({ version: 3, status: 'APPROVED', successors: [] })).toEqual({
      version: 4,
      opens: true,
    });
  });

  it('approves a draft that names a successor, and nothing else', () => {
    const one: Nominee[] = [{ employeeId: 1, readiness: 'READY_NOW', emergency: false }];
    expect(approvalProblems({ version: 2, status: 'DRAFT', successors: one }, 'P')).toEqual([]);
    expect(approvalProblems({ version: 2, status: 'DRAFT', successors: [] }, 'P')).toEqual([
      expect.objectContaining({ field: 'positionCode', code: 'REQUIRED' }),
    ]);
    expect(
      approvalProblems({ version: 2, status: 'APPROVED', successors: one }, 'P')[0],
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('version 2 is already approved'),
    });
    expect(approvalProblems(null, 'P')[0]).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('nominate a successor first'),
    });
  });
});

describe('approved bench', () => {
  it('is all zero without an approved plan', () => {
    expect(approvedBench([])).toEqual({
      approved: 0,
      approvedReadyNow: 0,
      approvedReadyInOneToTwoYears: 0,
      approvedReadyLater: 0,
      emergencySuccessor: false,
    });
  });

  it('counts the approved successors by the readiness the committee gave, and the emergency one', () => {
    const successors: Nominee[] = [
      { employeeId: 1, readiness: 'READY_NOW', emergency: false },
      { employeeId: 2, readiness: 'READY_NOW', emergency: true },
      { employeeId: 3, readiness: 'ONE_TO_TWO_YEARS', emergency: false },
      { employeeId: 4, readiness: 'LATER', emergency: false },
    ];
    const bench = approvedBench(successors);
    expect(bench).toEqual({
      approved: 4,
      approvedReadyNow: 2,
      approvedReadyInOneToTwoYears: 1,
      approvedReadyLater: 1,
      emergencySuccessor: true,
    });
    expect(
      bench.approvedReadyNow + bench.approvedReadyInOneToTwoYears + bench.approvedReadyLater,
    ).toBe(bench.approved);
  });
});
