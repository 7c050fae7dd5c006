import { describe, expect, it } from 'vitest';
import { random } from '../../src/demo/demo.generate';
import {
  bestProgramme,
  courseImpacts,
  type Need,
  type ProgrammeCourse,
} from '../../src/domain/programme';
import {
  DEFAULT_PROFESSIONALISM_RULES as RULES,
  professionalismIndex,
  rulesProblems,
} from '../../src/domain/professionalism';

/** Gap levels a set of courses closes, written longhand: per need, the best any course brings. */
function programmeValue(needs: readonly Need[], courses: readonly ProgrammeCourse[]): number {
  let total = 0;
  for (const need of needs) {
    let best = 0;
    for (const course of courses)
      for (const outcome of course.outcomes)
        if (
          outcome.competencyId === need.competencyId &&
          (outcome.minLevel === null || outcome.minLevel <= need.from)
        )
          best = Math.max(best, Math.min(need.to, outcome.toLevel) - need.from);
    total += best;
  }
  return total;
}

const course = (
  id: number,
  hours: number,
  cost: number,
  outcomes: [number, number | null, number][],
): ProgrammeCourse => ({
  id,
  code: `C${String(id).padStart(2, '0')}`,
  hours,
  cost,
  outcomes: outcomes.map(([competencyId, minLevel, toLevel]) => ({
    competencyId,
    minLevel,
    toLevel,
  })),
});

describe('courseImpacts', () => {
  it('counts participants whose entry level is met and the gap levels closed up to the requirement', () => {
    const needs: Need[] = [
      { personId: 1, competencyId: 1, from: 1, to: 3 },
      { personId: 2, competencyId: 1, from: 2, to: 3 },
      { personId: 3, competencyId: 1, from: 0, to: 5 },
    ];
    const [impact] = courseImpacts(needs, [course(1, 10, 100, [[1, 1, 4]])]);
    expect(impact).toEqual({ courseId: 1, participants: 2, gapLevels: 3, hours: 20, cost: 200 });
  });
});

describe('bestProgramme', () => {
  it('closes the most gap levels within a JP budget', () => {
    const needs: Need[] = [1, 2, 3].map((personId) => ({
      personId,
      competencyId: 1,
      from: 1,
      to: 3,
    }));
    const courses = [course(1, 40, 0, [[1, null, 3]]), course(2, 10, 0, [[1, null, 2]])];
    expect(bestProgramme(needs, courses, { hours: 120 })).toMatchObject({
      courseIds: [1],
      gapLevels: 6,
      hours: 120,
    });
    expect(bestProgramme(needs, courses, { hours: 100 })).toMatchObject({
      courseIds: [2],
      gapLevels: 3,
      hours: 30,
    });
    expect(bestProgramme(needs, courses, { hours: 10 })).toMatchObject({
      courseIds: [],
      gapLevels: 0,
    });
  });

  it('matches brute force on 800 small random cases with JP and money budgets', () => {
    const rnd = random(31);
    for (let n = 0; n < 800; n++) {
      const needs: Need[] = [];
      for (let p = 1; p <= rnd.int(1, 6); p++) {
        for (let k = 1; k <= 3; k++)
          if (rnd.chance(0.5))
            needs.push({ personId: p, competencyId: k, from: rnd.int(0, 3), to: rnd.int(4, 5) });
      }
      const courses = Array.from({ length: rnd.int(1, 8) }, (_, i) =>
        course(i + 1, rnd.pick([8, 16, 24, 40]), rnd.pick([0, 1, 2, 5]), [
          [rnd.int(1, 3), rnd.chance(0.3) ? rnd.int(1, 3) : null, rnd.int(2, 5)],
        ]),
      );
      const budget = rnd.chance(0.5) ? { hours: rnd.int(0, 200) } : { cost: rnd.int(0, 30) };
      const found = bestProgramme(needs, courses, budget);
      const impacts = new Map(courseImpacts(needs, courses).map((i) => [i.courseId, i]));
      let bestValue = 0;
      let bestCost = 0;
      for (let mask = 0; mask < 1 << courses.length; mask++) {
        const set = courses.filter((_, i) => mask & (1 << i));
        const hours = set.reduce((s, c) => s + impacts.get(c.id)!.hours, 0);
        const cost = set.reduce((s, c) => s + impacts.get(c.id)!.cost, 0);
        if (
          (budget.hours !== undefined && hours > budget.hours) ||
          (budget.cost !== undefined && cost > budget.cost)
        )
          continue;
        const value = programmeValue(needs, set);
        if (value > bestValue || (value === bestValue && cost < bestCost))
          [bestValue, bestCost] = [value, cost];
      }
      expect(found.exact).toBe(true);
      expect([found.gapLevels, found.cost]).toEqual([bestValue, bestCost]);
    }
  });
});

describe('professionalismIndex', () => {
  const facts = {
    education: 'S1',
    heldLeadershipCourse: true,
    heldFunctionalCourse: false,
    hoursInYear: 24,
    attendedSeminar: true,
    rating: 'BAIK',
  };

  it('adds the four dimensions and bands the total', () => {
    expect(professionalismIndex(facts, RULES)).toEqual({
      qualification: 15,
      competency: 25,
      performance: 25,
      discipline: 5,
      total: 70,
      band: 'RENDAH',
    });
    expect(
      professionalismIndex(
        { ...facts, education: 'S3', heldFunctionalCourse: true, rating: 'SANGAT_BAIK' },
        RULES,
      ),
    ).toMatchObject({ total: 100, band: 'SANGAT_TINGGI' });
  });

  it.each([
    [91, 'SANGAT_TINGGI'],
    [90, 'TINGGI'],
    [81, 'TINGGI'],
    [80, 'SEDANG'],
    [71, 'SEDANG'],
    [70, 'RENDAH'],
    [61, 'RENDAH'],
    [60, 'SANGAT_RENDAH'],
  ])('a total of %i is %s', (total, band) => {
    const rules = {
      ...RULES,
      discipline: 0,
      weights: { ...RULES.weights },
      qualification: { X: total },
      performance: {},
    };
    expect(
      professionalismIndex(
        {
          ...facts,
          education: 'X',
          heldLeadershipCourse: false,
          hoursInYear: 0,
          attendedSeminar: false,
          rating: null,
        },
        rules,
      ).band,
    ).toBe(band);
  });

  it('counts the 20 JP point only when the year reaches the target', () => {
    expect(professionalismIndex({ ...facts, hoursInYear: 19 }, RULES).competency).toBe(20);
  });

  it('checks rules before they are used', () => {
    expect(rulesProblems(RULES)).toEqual([]);
    expect(rulesProblems({ ...RULES, weights: { ...RULES.weights, discipline: 10 } })).toContain(
      'weights must add up to 100',
    );
  });
});
