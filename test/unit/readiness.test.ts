import { describe, expect, it } from 'vitest';
import { random } from '../../src/demo/demo.generate';
import { scoringPolicy } from '../../src/domain/fit.policy';
import { scoreFit, type CandidateSpec, type PositionSpec } from '../../src/domain/fit.scoring';
import { readinessHorizon, readinessOf } from '../../src/domain/readiness';
import { planTraining, type PlanCourse } from '../../src/domain/training-plan';

const AS_OF = '2026-11-01';
const policy = scoringPolicy(AS_OF);
const course = (id: number, competencyId: number, toLevel: number): PlanCourse => ({
  id,
  code: `C${id}`,
  hours: 10 * id,
  cost: 0,
  outcomes: [{ competencyId, minLevel: null, toLevel }],
  prerequisiteIds: [],
});
const catalogue = new Map(
  [course(1, 1, 3), course(2, 2, 3), course(3, 9, 2)].map((c) => [c.id, c]),
);

const position = (overrides: Partial<PositionSpec> = {}): PositionSpec => ({
  id: 1,
  requirements: [
    { competencyId: 1, level: 3, weight: 1, critical: false },
    { competencyId: 2, level: 3, weight: 1, critical: true },
    { competencyId: 4, level: 2, weight: 1, critical: false },
  ],
  minRank: null,
  minEducation: null,
  requiredCourses: [],
  minYearsOfService: null,
  minPerformance: null,
  performanceYears: 2,
  retirementAge: 58,
  ...overrides,
});

const candidate = (
  levels: Record<number, number>,
  overrides: Partial<CandidateSpec> = {},
): CandidateSpec => ({
  id: 1,
  employmentType: 'PNS',
  rank: { code: 'III/c', ordinal: 11 },
  pppkGrade: null,
  education: { code: 'S1', ordinal: 7 },
  birthDate: '1986-09-26',
  appointedOn: '2015-05-01',
  levels: new Map(
    Object.entries(levels).map(([k, level]) => [Number(k), { level, assessedOn: '2025-01-01' }]),
  ),
  completedCourseIds: new Set(),
  performance: [],
  ...overrides,
});

function readiness(p: PositionSpec, c: CandidateSpec) {
  const fit = scoreFit(p, c, policy);
  const gaps = fit.gaps.map((g) => ({
    competencyId: g.competencyId,
    from: g.actual ?? 0,
    to: g.required,
  }));
  const plan = planTraining(
    gaps,
    catalogue,
    c.completedCourseIds,
    p.requiredCourses.map((r) => r.id),
  );
  return readinessOf(
    fit,
    plan,
    plan.steps.map((s) => catalogue.get(s.courseId)!),
    policy,
  );
}

describe('readinessOf', () => {
  it.each<[string, PositionSpec, CandidateSpec, string]>([
    ['qualified now', position(), candidate({ 1: 3, 2: 3, 4: 2 }), 'READY_NOW'],
    [
      'a critical gap the plan closes',
      position(),
      candidate({ 1: 3, 2: 2, 4: 2 }),
      'AFTER_TRAINING',
    ],
    [
      'a missing required course the plan supplies',
      position({ requiredCourses: [{ id: 3, code: 'C3' }] }),
      candidate({ 1: 3, 2: 3, 4: 2 }),
      'AFTER_TRAINING',
    ],
    [
      'a rank training cannot change',
      position({ minRank: { code: 'IV/a', ordinal: 13 } }),
      candidate({ 1: 3, 2: 3, 4: 2 }),
      'BLOCKED',
    ],
    ['no assessment at all', position(), candidate({}), 'NEEDS_ASSESSMENT'],
    [
      'a gap no course closes, too deep for the threshold',
      position(),
      candidate({ 1: 3, 2: 3 }),
      'BLOCKED',
    ],
  ])('%s: %s', (_name, p, c, expected) => {
    expect(readiness(p, c)).toBe(expected);
  });
});

describe('fairness of the score (property)', () => {
  it('does not change JPM, terms or verdict when the birth date changes far from retirement', () => {
    const rnd = random(99);
    for (let n = 0; n < 500; n++) {
      const levels = Object.fromEntries(
        [1, 2, 4].filter(() => rnd.chance(0.8)).map((k) => [k, rnd.int(1, 5)]),
      );
      const base = candidate(levels);
      const older = {
        ...base,
        birthDate: `19${rnd.int(75, 99)}-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}`,
      };
      const [a, b] = [scoreFit(position(), base, policy), scoreFit(position(), older, policy)];
      expect(b).toEqual(a);
    }
  });
});

describe('readinessHorizon', () => {
  it.each([
    ['READY_NOW', 0, 20, 'READY_NOW'],
    ['READY_NOW', 500, 20, 'READY_NOW'],
    ['AFTER_TRAINING', 40, 20, 'ONE_TO_TWO_YEARS'],
    ['AFTER_TRAINING', 41, 20, 'LATER'],
    ['AFTER_TRAINING', 41, 30, 'ONE_TO_TWO_YEARS'],
    ['NEEDS_ASSESSMENT', 0, 20, 'ONE_TO_TWO_YEARS'],
    ['NEEDS_ASSESSMENT', 225, 20, 'LATER'],
    ['BLOCKED', 0, 20, 'LATER'],
    ['BLOCKED', 0, 1000, 'LATER'],
  ] as const)(
    'puts %s with a plan of %i JP, at %i JP a year, at %s',
    (cause, hours, yearly, horizon) => {
      expect(readinessHorizon(cause, hours, yearly)).toBe(horizon);
    },
  );

  it('never comes nearer as the plan grows, nor further as the yearly hours grow', () => {
    const causes = ['READY_NOW', 'AFTER_TRAINING', 'NEEDS_ASSESSMENT', 'BLOCKED'] as const;
    const order = { READY_NOW: 0, ONE_TO_TWO_YEARS: 1, LATER: 2 };
    for (const cause of causes)
      for (let hours = 0; hours < 200; hours += 7)
        for (let yearly = 1; yearly < 60; yearly += 5) {
          const here = order[readinessHorizon(cause, hours, yearly)];
          expect(order[readinessHorizon(cause, hours + 10, yearly)]).toBeGreaterThanOrEqual(here);
          expect(order[readinessHorizon(cause, hours, yearly + 10)]).toBeLessThanOrEqual(here);
        }
  });
});
