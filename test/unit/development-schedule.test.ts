import { describe, expect, it } from 'vitest';
import { onTrack, scheduleCourses } from '../../src/domain/development.schedule';

const course = (courseId: number, hours: number, prerequisiteIds: number[] = []) => ({
  courseId,
  hours,
  prerequisiteIds,
});

describe('scheduleCourses', () => {
  it.each([
    [
      'fills a year up to the budget, then the next',
      [course(1, 12), course(2, 8), course(3, 5)],
      20,
      { 1: 2027, 2: 2027, 3: 2028 },
    ],
    [
      'gives a course longer than the budget a year of its own',
      [course(1, 5), course(2, 225), course(3, 10)],
      20,
      { 1: 2027, 2: 2028, 3: 2027 },
    ],
    [
      'never takes a course before its prerequisite’s year',
      [course(1, 18), course(2, 8, [1]), course(3, 2)],
      20,
      { 1: 2027, 2: 2028, 3: 2027 },
    ],
    [
      'lets a prerequisite come earlier in the same year',
      [course(1, 8), course(2, 8, [1])],
      20,
      { 1: 2027, 2: 2027 },
    ],
    [
      'follows a chain across years',
      [course(1, 20), course(2, 20, [1]), course(3, 20, [2])],
      20,
      { 1: 2027, 2: 2028, 3: 2029 },
    ],
    ['places nothing for an empty plan', [], 20, {}],
  ] as [string, ReturnType<typeof course>[], number, Record<number, number>][])(
    '%s',
    (_, courses, budget, expected) => {
      expect(Object.fromEntries(scheduleCourses(courses, budget, 2027))).toEqual(
        Object.fromEntries(Object.entries(expected).map(([k, v]) => [Number(k), v])),
      );
    },
  );

  it('keeps every year within the budget unless one course alone exceeds it, on random plans', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 300; run++) {
      const budget = 10 + Math.floor(next() * 40);
      const courses = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, i) =>
        course(
          i + 1,
          1 + Math.floor(next() * 60),
          i > 0 && next() < 0.4 ? [Math.ceil(next() * i)] : [],
        ),
      );
      const years = scheduleCourses(courses, budget, 2027);
      const load = new Map<number, number[]>();
      for (const c of courses) {
        const year = years.get(c.courseId)!;
        load.set(year, [...(load.get(year) ?? []), c.hours]);
        for (const p of c.prerequisiteIds) expect(years.get(p)!).toBeLessThanOrEqual(year);
      }
      for (const hours of load.values()) {
        const total = hours.reduce((a, b) => a + b, 0);
        expect(total <= budget || hours.length === 1).toBe(true);
      }
    }
  });
});

describe('onTrack', () => {
  it.each([
    [
      [
        { targetYear: 2026, completed: true },
        { targetYear: 2027, completed: false },
      ],
      2027,
      true,
    ],
    [[{ targetYear: 2026, completed: false }], 2027, false],
    [[{ targetYear: 2027, completed: false }], 2027, true],
    [[], 2030, true],
  ])('%j in %i: %s', (courses, year, expected) => {
    expect(onTrack(courses, year)).toBe(expected);
  });
});
