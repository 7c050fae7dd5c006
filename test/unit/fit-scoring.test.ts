import { describe, expect, it } from 'vitest';
import { categoryOf, defaultThreshold, scoringPolicy } from '../../src/domain/fit.policy';
import {
  jobPersonMatch,
  scoreFit,
  type CandidateSpec,
  type PositionSpec,
} from '../../src/domain/fit.scoring';
import { compareFits } from '../../src/domain/ranking';
import { random } from '../../src/demo/demo.generate';

const AS_OF = '2026-11-01';
const policy = scoringPolicy(AS_OF);

function position(overrides: Partial<PositionSpec> = {}): PositionSpec {
  return {
    id: 1,
    requirements: [
      { competencyId: 1, level: 3, weight: 1, critical: false },
      { competencyId: 2, level: 3, weight: 1, critical: false },
      { competencyId: 3, level: 2, weight: 1, critical: false },
    ],
    minRank: null,
    minEducation: null,
    requiredCourses: [],
    minYearsOfService: null,
    minPerformance: null,
    performanceYears: 2,
    retirementAge: 58,
    ...overrides,
  };
}

function candidate(
  levels: Record<number, number | [number, string]>,
  overrides: Partial<CandidateSpec> = {},
): CandidateSpec {
  return {
    id: 7,
    employmentType: 'PNS',
    rank: { code: 'III/c', ordinal: 11 },
    pppkGrade: null,
    education: { code: 'S1', ordinal: 7 },
    birthDate: '1986-09-26',
    appointedOn: '2015-05-01',
    levels: new Map(
      Object.entries(levels).map(([id, v]) => [
        Number(id),
        Array.isArray(v)
          ? { level: v[0], assessedOn: v[1] }
          : { level: v, assessedOn: '2025-03-01' },
      ]),
    ),
    completedCourseIds: new Set(),
    performance: [
      { year: 2024, rating: 'BAIK' },
      { year: 2025, rating: 'BAIK' },
    ],
    ...overrides,
  };
}

describe('categoryOf: half-open bands on both scales', () => {
  it.each([
    [100, 'OPTIMAL', 'OPTIMAL'],
    [90, 'OPTIMAL', 'OPTIMAL'],
    [89.99, 'OPTIMAL', 'CUKUP_OPTIMAL'],
    [78, 'OPTIMAL', 'CUKUP_OPTIMAL'],
    [77.99, 'OPTIMAL', 'KURANG_OPTIMAL'],
    [0, 'OPTIMAL', 'KURANG_OPTIMAL'],
    [100, 'ELIGIBILITY', 'MEMENUHI_SYARAT'],
    [80, 'ELIGIBILITY', 'MEMENUHI_SYARAT'],
    [79.99, 'ELIGIBILITY', 'MASIH_MEMENUHI_SYARAT'],
    [68, 'ELIGIBILITY', 'MASIH_MEMENUHI_SYARAT'],
    [67.99, 'ELIGIBILITY', 'KURANG_MEMENUHI_SYARAT'],
    [0, 'ELIGIBILITY', 'KURANG_MEMENUHI_SYARAT'],
  ] as const)('%d on %s is %s', (jpm, scale, category) => {
    expect(categoryOf(jpm, scale)).toBe(category);
  });

  it('takes the threshold from the lower bound of the middle band', () => {
    expect(defaultThreshold('OPTIMAL')).toBe(78);
    expect(defaultThreshold('ELIGIBILITY')).toBe(68);
    expect(scoringPolicy(AS_OF, { scale: 'ELIGIBILITY' }).minJobPersonMatch).toBe(68);
  });
});

describe('jobPersonMatch', () => {
  const terms = (...pairs: [number, number | null, number?][]) =>
    pairs.map(([required, actual, weight = 1]) => ({ required, actual, weight }));
  const capped = { capPerCompetency: true, capTotal: true };
  const uncapped = { capPerCompetency: false, capTotal: false };

  it.each([
    ['all met', terms([3, 3], [3, 3]), capped, 100],
    [
      'the assessment-centre example: 20 of 27',
      terms([3, 2], [3, 3], [3, 3], [3, 3], [3, 3], [3, 2], [3, 2], [3, 2], [3, 0]),
      capped,
      74.07,
    ],
    ['a never-assessed competency counts 0', terms([3, 3], [3, null]), capped, 50],
    ['the cap hides no gap behind a strength', terms([2, 4], [2, 1]), capped, 75],
    ['without the cap a strength offsets a gap', terms([2, 4], [2, 1]), uncapped, 125],
    [
      'the total cap keeps it at 100',
      terms([2, 4], [2, 1]),
      { capPerCompetency: false, capTotal: true },
      100,
    ],
    ['weights count', terms([3, 0, 2], [3, 3, 1]), capped, 33.33],
    ['no requirements is a full match', terms(), capped, 100],
  ])('%s', (_name, t, p, expected) => {
    expect(jobPersonMatch(t, p).value).toBe(expected);
  });

  it('always reports the uncapped figure too', () => {
    expect(jobPersonMatch(terms([2, 4], [2, 1]), capped)).toEqual({ value: 75, uncapped: 125 });
  });

  it('never drops when any assessed level rises (property, 2,000 random profiles)', () => {
    const rnd = random(11);
    for (let n = 0; n < 2000; n++) {
      const t = Array.from({ length: rnd.int(1, 12) }, () => ({
        required: rnd.int(1, 5),
        actual: rnd.chance(0.15) ? null : rnd.int(1, 5),
        weight: rnd.pick([0.5, 1, 1, 2, 3]),
      }));
      const p = { capPerCompetency: rnd.chance(0.5), capTotal: rnd.chance(0.5) };
      const i = rnd.int(0, t.length - 1);
      const raised = t.map((term, j) =>
        j === i ? { ...term, actual: Math.min(5, (term.actual ?? 0) + rnd.int(1, 3)) } : term,
      );
      expect(jobPersonMatch(raised, p).value).toBeGreaterThanOrEqual(jobPersonMatch(t, p).value);
    }
  });

  it('stays within 0–100 with the caps on (property)', () => {
    const rnd = random(12);
    for (let n = 0; n < 1000; n++) {
      const t = Array.from({ length: rnd.int(1, 10) }, () => ({
        required: rnd.int(1, 5),
        actual: rnd.int(0, 5),
        weight: rnd.pick([1, 2]),
      }));
      const value = jobPersonMatch(t, { capPerCompetency: rnd.chance(0.5), capTotal: true }).value;
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
    }
  });
});

describe('scoreFit', () => {
  it('gives each term in profile order, and the gaps largest first', () => {
    const fit = scoreFit(position(), candidate({ 1: 2, 3: 1 }), policy);
    expect(fit.terms.map((t) => [t.competencyId, t.required, t.actual, t.gap])).toEqual([
      [1, 3, 2, -1],
      [2, 3, null, -3],
      [3, 2, 1, -1],
    ]);
    expect(fit.gaps.map((g) => g.competencyId)).toEqual([2, 1, 3]);
    expect(fit.jobPersonMatch).toBe(37.5);
    expect(fit.category).toBe('KURANG_OPTIMAL');
  });

  it('qualifies at the threshold and not below it', () => {
    // 3 + 2 + 1 of 3 + 3 + 2 required levels is 75.
    const below = scoreFit(position(), candidate({ 1: 3, 2: 2, 3: 1 }), policy);
    expect(below.jobPersonMatch).toBe(75);
    expect(below.qualified).toBe(false);
    const at = scoreFit(
      position(),
      candidate({ 1: 3, 2: 2, 3: 1 }),
      scoringPolicy(AS_OF, { minJobPersonMatch: 75 }),
    );
    expect(at.qualified).toBe(true);
  });

  it('disqualifies on a critical gap whatever the JPM', () => {
    const p = position({
      requirements: [
        { competencyId: 1, level: 3, weight: 1, critical: true },
        { competencyId: 2, level: 3, weight: 10, critical: false },
      ],
    });
    const fit = scoreFit(p, candidate({ 1: 2, 2: 3 }), policy);
    expect(fit.jobPersonMatch).toBeGreaterThan(90);
    expect(fit.eligible).toBe(true);
    expect(fit.qualified).toBe(false);
  });

  describe('hard conditions, each met and unmet', () => {
    const full = { 1: 3, 2: 3, 3: 2 };
    const codes = (p: PositionSpec, c: CandidateSpec, pol = policy) =>
      scoreFit(p, c, pol).unmetConditions.map((u) => u.code);

    it.each<[string, Partial<PositionSpec>, Partial<CandidateSpec>, string | null]>([
      ['rank met', { minRank: { code: 'III/c', ordinal: 11 } }, {}, null],
      ['rank too low', { minRank: { code: 'III/d', ordinal: 12 } }, {}, 'RANK_TOO_LOW'],
      [
        'no rank (PPPK)',
        { minRank: { code: 'III/a', ordinal: 9 } },
        { rank: null, employmentType: 'PPPK', pppkGrade: 9 },
        'RANK_TOO_LOW',
      ],
      ['education met', { minEducation: { code: 'S1', ordinal: 7 } }, {}, null],
      ['education too low', { minEducation: { code: 'S2', ordinal: 8 } }, {}, 'EDUCATION_TOO_LOW'],
      [
        'required course held',
        { requiredCourses: [{ id: 5, code: 'PKA' }] },
        { completedCourseIds: new Set([5]) },
        null,
      ],
      [
        'required course missing',
        { requiredCourses: [{ id: 5, code: 'PKA' }] },
        {},
        'MISSING_REQUIRED_COURSE',
      ],
      ['years of service met (11 on 2026-11-01)', { minYearsOfService: 11 }, {}, null],
      ['too few years of service', { minYearsOfService: 12 }, {}, 'TOO_FEW_YEARS_OF_SERVICE'],
      [
        'unknown appointment date',
        { minYearsOfService: 1 },
        { appointedOn: null },
        'TOO_FEW_YEARS_OF_SERVICE',
      ],
      ['performance met', { minPerformance: 'BAIK' }, {}, null],
      [
        'performance too low in one year',
        { minPerformance: 'BAIK' },
        {
          performance: [
            { year: 2024, rating: 'BAIK' },
            { year: 2025, rating: 'KURANG' },
          ],
        },
        'PERFORMANCE_TOO_LOW',
      ],
      [
        'a year without rating',
        { minPerformance: 'BAIK' },
        { performance: [{ year: 2025, rating: 'SANGAT_BAIK' }] },
        'PERFORMANCE_TOO_LOW',
      ],
      [
        'only the last N years count',
        { minPerformance: 'BAIK', performanceYears: 1 },
        {
          performance: [
            { year: 2024, rating: 'KURANG' },
            { year: 2025, rating: 'BAIK' },
          ],
        },
        null,
      ],
      ['far from retirement', {}, {}, null],
      [
        'within a year of retirement (58 on 2027-09-26)',
        {},
        { birthDate: '1969-09-26' },
        'NEAR_RETIREMENT',
      ],
      ['just over a year from retirement', {}, { birthDate: '1969-11-02' }, null],
      [
        'retirement age is the position’s',
        { retirementAge: 60 },
        { birthDate: '1969-09-26' },
        null,
      ],
    ])('%s', (_name, p, c, expected) => {
      const result = codes(position(p), candidate(full, c));
      expect(result).toEqual(expected ? [expected] : []);
    });

    it('flags a stale assessment of a required competency as of the date asked', () => {
      const old = candidate({ 1: [3, '2023-10-31'], 2: 3, 3: 2 });
      expect(codes(position(), old)).toEqual(['ASSESSMENT_STALE']);
      expect(codes(position(), old, scoringPolicy('2026-10-30'))).toEqual([]);
      expect(codes(position(), old, scoringPolicy(AS_OF, { validityYears: 5 }))).toEqual([]);
      const fit = scoreFit(position(), old, policy);
      expect(fit.terms[0].stale).toBe(true);
      expect(fit.unmetConditions[0]).toMatchObject({
        actual: '2023-10-31',
        required: 'assessed on or after 2023-11-01',
      });
    });

    it('flags a candidate never assessed in any required competency', () => {
      expect(codes(position(), candidate({}))).toEqual(['NOT_ASSESSED']);
    });

    it('gives each unmet condition a message with what is required and what the person has', () => {
      const [rank] = scoreFit(
        position({ minRank: { code: 'III/d', ordinal: 12 } }),
        candidate(full),
        policy,
      ).unmetConditions;
      expect(rank).toEqual({
        code: 'RANK_TOO_LOW',
        message: 'Requires rank III/d or higher; has III/c.',
        required: 'III/d',
        actual: 'III/c',
      });
    });

    it('makes the candidate ineligible and so not qualified', () => {
      const fit = scoreFit(
        position({ minEducation: { code: 'S2', ordinal: 8 } }),
        candidate(full),
        policy,
      );
      expect(fit).toMatchObject({ jobPersonMatch: 100, eligible: false, qualified: false });
    });
  });
});

describe('compareFits', () => {
  const fit = (employeeId: number, qualified: boolean, jpm: number, unmet = 0, gapDepth = 0) =>
    ({
      employeeId,
      qualified,
      jobPersonMatch: jpm,
      jobPersonMatchUncapped: jpm,
      unmetConditions: Array.from({ length: unmet }, () => ({
        code: 'RANK_TOO_LOW' as const,
        message: '',
        required: null,
        actual: null,
      })),
      gaps: gapDepth ? [{ gap: -gapDepth }] : [],
    }) as never;

  it('ranks qualified first, then JPM, fewer unmet conditions, less missing, then the internal id', () => {
    const ranked = [
      fit(1, false, 95),
      fit(2, true, 80),
      fit(3, true, 90),
      fit(4, false, 95, 1),
      fit(5, false, 95, 0, 2),
      fit(6, false, 95, 0, 1),
      fit(0, true, 80),
    ].sort(compareFits);
    expect(ranked.map((f: { employeeId: number }) => f.employeeId)).toEqual([3, 0, 2, 1, 6, 5, 4]);
  });
});
