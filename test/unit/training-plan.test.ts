import { describe, expect, it } from 'vitest';
import { random } from '../../src/demo/demo.generate';
import {
  planTraining,
  totalsByReason,
  TrainingPlanner,
  reachedLevel,
  withPrerequisites,
  type PlanCourse,
  type PlanGap,
} from '../../src/domain/training-plan';

type Outcome = [competencyId: number, minLevel: number | null, toLevel: number];
const course = (
  id: number,
  hours: number,
  outcomes: Outcome[],
  prerequisiteIds: number[] = [],
  cost = hours * 100,
): PlanCourse => ({
  id,
  code: `C${String(id).padStart(2, '0')}`,
  hours,
  cost,
  outcomes: outcomes.map(([competencyId, minLevel, toLevel]) => ({
    competencyId,
    minLevel,
    toLevel,
  })),
  prerequisiteIds,
});
const catalogue = (...courses: PlanCourse[]) => new Map(courses.map((c) => [c.id, c]));
const codes = (plan: ReturnType<typeof planTraining>, cat: Map<number, PlanCourse>) =>
  plan.steps.map((s) => cat.get(s.courseId)!.code);

describe('reachedLevel', () => {
  it('follows a chain of courses whose entry levels are met one after another', () => {
    const chain = [
      course(1, 10, [[1, null, 2]]),
      course(2, 10, [[1, 2, 4]]),
      course(3, 10, [[1, 4, 5]]),
    ];
    expect(reachedLevel(1, 0, chain)).toBe(5);
    expect(reachedLevel(1, 0, chain.slice(1))).toBe(0);
    expect(reachedLevel(1, 2, chain.slice(1))).toBe(5);
  });
});

describe('planTraining', () => {
  it('picks the fewest JP, not the fewest courses', () => {
    const cat = catalogue(
      course(1, 100, [
        [1, null, 3],
        [2, null, 3],
      ]),
      course(2, 30, [[1, null, 3]]),
      course(3, 30, [[2, null, 3]]),
    );
    const plan = planTraining(
      [
        { competencyId: 1, from: 1, to: 3 },
        { competencyId: 2, from: 2, to: 3 },
      ],
      cat,
      new Set(),
    );
    expect(codes(plan, cat)).toEqual(['C02', 'C03']);
    expect(plan).toMatchObject({
      totalHours: 60,
      totalCost: 6000,
      closesAllGaps: true,
      uncovered: [],
    });
  });

  it('prefers one course that closes many gaps when it costs fewer JP than the separate ones', () => {
    const cat = catalogue(
      course(1, 50, [
        [1, null, 3],
        [2, null, 3],
        [3, null, 3],
      ]),
      course(2, 20, [[1, null, 3]]),
      course(3, 20, [[2, null, 3]]),
      course(4, 20, [[3, null, 3]]),
    );
    const plan = planTraining(
      [1, 2, 3].map((competencyId) => ({ competencyId, from: 1, to: 3 })),
      cat,
      new Set(),
    );
    expect(codes(plan, cat)).toEqual(['C01']);
    expect(plan.steps[0].closes).toEqual([1, 2, 3]);
  });

  it('breaks a tie in JP by cost, then by code', () => {
    const cat = catalogue(
      course(1, 20, [[1, null, 3]], [], 900),
      course(2, 20, [[1, null, 3]], [], 500),
      course(3, 20, [[1, null, 3]], [], 500),
    );
    const plan = planTraining([{ competencyId: 1, from: 1, to: 3 }], cat, new Set());
    expect(codes(plan, cat)).toEqual(['C02']);
  });

  it('honours entry levels: a course needing level 3 cannot close a gap from 1 alone', () => {
    const cat = catalogue(course(1, 10, [[1, 3, 5]]), course(2, 40, [[1, null, 5]]));
    const plan = planTraining([{ competencyId: 1, from: 1, to: 4 }], cat, new Set());
    expect(codes(plan, cat)).toEqual(['C02']);
  });

  it('chains courses when that is cheaper, in the order the entry levels need', () => {
    const cat = catalogue(
      course(1, 10, [[1, 3, 5]]),
      course(2, 12, [[1, null, 3]]),
      course(3, 40, [[1, null, 5]]),
    );
    const plan = planTraining([{ competencyId: 1, from: 1, to: 4 }], cat, new Set());
    expect(codes(plan, cat)).toEqual(['C02', 'C01']);
    expect(plan.steps.map((s) => s.closes)).toEqual([[], [1]]);
    expect(plan.totalHours).toBe(22);
  });

  it('adds prerequisites not yet completed, before the courses that need them', () => {
    const cat = catalogue(
      course(1, 10, [[9, null, 2]]),
      course(2, 20, [[1, null, 4]], [1]),
      course(3, 25, [[1, null, 4]]),
    );
    const withPrereq = planTraining([{ competencyId: 1, from: 1, to: 4 }], cat, new Set());
    expect(codes(withPrereq, cat)).toEqual(['C03']);
    const prereqDone = planTraining([{ competencyId: 1, from: 1, to: 4 }], cat, new Set([1]));
    expect(codes(prereqDone, cat)).toEqual(['C02']);
    const cheapPrereq = catalogue(
      course(1, 2, []),
      course(2, 20, [[1, null, 4]], [1]),
      course(3, 25, [[1, null, 4]]),
    );
    expect(
      codes(
        planTraining([{ competencyId: 1, from: 1, to: 4 }], cheapPrereq, new Set()),
        cheapPrereq,
      ),
    ).toEqual(['C01', 'C02']);
  });

  it('does not plan a course already completed', () => {
    const cat = catalogue(course(1, 10, [[1, null, 4]]), course(2, 50, [[1, null, 4]]));
    expect(
      codes(planTraining([{ competencyId: 1, from: 1, to: 4 }], cat, new Set([1])), cat),
    ).toEqual(['C02']);
  });

  it('lists the gaps nothing can close and still plans the rest', () => {
    const cat = catalogue(course(1, 10, [[1, null, 3]]), course(2, 10, [[2, null, 3]]));
    const plan = planTraining(
      [
        { competencyId: 1, from: 1, to: 3 },
        { competencyId: 2, from: 1, to: 5 },
        { competencyId: 3, from: 0, to: 2 },
      ],
      cat,
      new Set(),
    );
    expect(plan).toMatchObject({ closesAllGaps: false, uncovered: [2, 3], totalHours: 10 });
    expect(codes(plan, cat)).toEqual(['C01']);
  });

  it('includes mandatory courses (required by the position) with their prerequisites', () => {
    const cat = catalogue(
      course(1, 5, []),
      course(2, 200, [[1, 2, 3]], [1]),
      course(3, 10, [[1, null, 3]]),
    );
    const plan = planTraining([{ competencyId: 1, from: 2, to: 3 }], cat, new Set(), [2]);
    expect(codes(plan, cat)).toEqual(['C01', 'C02']);
  });

  it('is empty when there is no gap', () => {
    expect(planTraining([], catalogue(course(1, 1, [[1, null, 5]])), new Set())).toEqual({
      steps: [],
      totalHours: 0,
      totalCost: 0,
      closesAllGaps: true,
      uncovered: [],
    });
  });
});

/** The cheapest valid plan by trying every subset of the catalogue. */
function bruteForce(
  gaps: PlanGap[],
  cat: Map<number, PlanCourse>,
  completed: Set<number>,
  mandatory: number[],
) {
  const courses = [...cat.values()].filter((c) => !completed.has(c.id));
  const closable = gaps.filter((g) => reachedLevel(g.competencyId, g.from, courses) >= g.to);
  let best: { hours: number; cost: number; codes: string } | undefined;
  for (let mask = 0; mask < 1 << courses.length; mask++) {
    const set = courses.filter((_, i) => mask & (1 << i));
    const ids = new Set(set.map((c) => c.id));
    if (!set.every((c) => c.prerequisiteIds.every((p) => ids.has(p) || completed.has(p)))) continue;
    if (!mandatory.every((m) => ids.has(m) || completed.has(m))) continue;
    if (!closable.every((g) => reachedLevel(g.competencyId, g.from, set) >= g.to)) continue;
    const key = {
      hours: set.reduce((s, c) => s + c.hours, 0),
      cost: set.reduce((s, c) => s + c.cost, 0),
      codes: set
        .map((c) => c.code)
        .sort()
        .join('\u0000'),
    };
    if (
      !best ||
      key.hours < best.hours ||
      (key.hours === best.hours &&
        (key.cost < best.cost || (key.cost === best.cost && key.codes < best.codes)))
    )
      best = key;
  }
  return { best: best!, closable };
}

describe('why each course is in the plan', () => {
  // A position requiring C05 (which needs C04); competency 1 from 1 to 4 through the chain
  // C01 (→2) then C02 (2→4); competency 2 from 2 to 3 through C03, which needs C06 first.
  const cat = catalogue(
    course(1, 10, [[1, null, 2]]),
    course(2, 20, [[1, 2, 4]]),
    course(3, 15, [[2, null, 3]], [6]),
    course(4, 5, []),
    course(5, 30, [], [4]),
    course(6, 8, [[2, null, 2]]),
    course(7, 200, [[1, null, 4]]),
  );
  const plan = planTraining(
    [
      { competencyId: 1, from: 1, to: 4 },
      { competencyId: 2, from: 2, to: 3 },
    ],
    cat,
    new Set(),
    [5],
  );
  const step = (code: string) => plan.steps.find((s) => cat.get(s.courseId)!.code === code)!;

  it.each([
    ['C01', 'RAISES_LEVEL', { raises: [1], closes: [], prerequisiteOf: [], required: false }],
    ['C02', 'CLOSES_GAP', { raises: [], closes: [1], prerequisiteOf: [], required: false }],
    ['C03', 'CLOSES_GAP', { raises: [], closes: [2], prerequisiteOf: [], required: false }],
    ['C04', 'PREREQUISITE', { raises: [], closes: [], prerequisiteOf: [5], required: false }],
    ['C05', 'REQUIRED_COURSE', { raises: [], closes: [], prerequisiteOf: [], required: true }],
    // Below its gap's level already: it is there only because C03 needs it.
    ['C06', 'PREREQUISITE', { raises: [], closes: [], prerequisiteOf: [3], required: false }],
  ])('%s: %s', (code, reason, facts) => {
    expect(step(code)).toMatchObject({ reason, ...facts });
  });

  it('sums hours and cost by reason to the plan’s totals', () => {
    const totals = totalsByReason(plan.steps, cat);
    expect(totals.map((t) => [t.reason, t.courses, t.hours])).toEqual([
      ['REQUIRED_COURSE', 1, 30],
      ['CLOSES_GAP', 2, 35],
      ['RAISES_LEVEL', 1, 10],
      ['PREREQUISITE', 2, 13],
    ]);
    expect(totals.reduce((sum, t) => sum + t.hours, 0)).toBe(plan.totalHours);
    expect(totals.reduce((sum, t) => sum + t.cost, 0)).toBe(plan.totalCost);
  });

  it('names a required course by that reason even when it also closes a gap', () => {
    const both = catalogue(course(1, 10, [[1, null, 3]]));
    const [only] = planTraining([{ competencyId: 1, from: 1, to: 3 }], both, new Set(), [1]).steps;
    expect(only).toMatchObject({ reason: 'REQUIRED_COURSE', closes: [1], required: true });
  });

  it('has no totals for an empty plan', () => {
    expect(totalsByReason([], cat)).toEqual([]);
  });
});

describe('planTraining against brute force (property, generated cases)', () => {
  it('finds the same least JP, cost and courses on 1,500 small random catalogues, and its plans close what they claim', () => {
    const rnd = random(2024);
    for (let n = 0; n < 1500; n++) {
      const competencies = rnd.int(1, 4);
      const size = rnd.int(1, 10);
      const courses: PlanCourse[] = [];
      for (let id = 1; id <= size; id++) {
        const outcomes: Outcome[] = [];
        for (let k = 1; k <= competencies; k++) {
          if (!rnd.chance(0.45)) continue;
          const to = rnd.int(2, 5);
          outcomes.push([k, rnd.chance(0.4) ? rnd.int(1, to - 1) : null, to]);
        }
        const prerequisites = id > 1 && rnd.chance(0.25) ? [rnd.int(1, id - 1)] : [];
        courses.push(
          course(
            id,
            rnd.pick([4, 8, 10, 16, 20, 24, 40]),
            outcomes,
            prerequisites,
            rnd.pick([0, 100, 250, 500]),
          ),
        );
      }
      const cat = catalogue(...courses);
      const gaps: PlanGap[] = [];
      for (let k = 1; k <= competencies; k++) {
        const to = rnd.int(1, 5);
        const from = rnd.int(0, to);
        if (from < to) gaps.push({ competencyId: k, from, to });
      }
      const completed = new Set(courses.filter(() => rnd.chance(0.15)).map((c) => c.id));
      const mandatory = rnd.chance(0.2) ? [rnd.int(1, size)] : [];
      const plan = planTraining(gaps, cat, completed, mandatory);
      const { best, closable } = bruteForce(gaps, cat, completed, mandatory);
      const chosen = plan.steps.map((s) => cat.get(s.courseId)!);
      expect({
        hours: plan.totalHours,
        cost: plan.totalCost,
        codes: chosen
          .map((c) => c.code)
          .sort()
          .join('\u0000'),
      }).toEqual(best);
      // The plan closes every gap it claims to, with its prerequisites in it, in a valid order.
      const claimed = gaps.filter((g) => !plan.uncovered.includes(g.competencyId));
      expect(claimed.map((g) => g.competencyId)).toEqual(closable.map((g) => g.competencyId));
      for (const g of claimed)
        expect(reachedLevel(g.competencyId, g.from, chosen)).toBeGreaterThanOrEqual(g.to);
      expect(plan.closesAllGaps).toBe(claimed.length === gaps.length);
      expect(
        withPrerequisites(
          chosen.map((c) => c.id),
          cat,
          completed,
        ),
      ).toEqual(new Set(chosen.map((c) => c.id)));
      const seen = new Set(completed);
      for (const c of chosen) {
        expect(c.prerequisiteIds.every((p) => seen.has(p))).toBe(true);
        seen.add(c.id);
      }
    }
  });

  it('stays fast with dozens of relevant courses (a whole leadership and technical catalogue)', () => {
    const rnd = random(7);
    const courses: PlanCourse[] = [];
    for (let id = 1; id <= 60; id++) {
      const k = rnd.int(1, 12);
      const to = rnd.int(2, 5);
      const outcomes: Outcome[] = [[k, rnd.chance(0.3) ? to - 1 : null, to]];
      if (rnd.chance(0.3)) outcomes.push([rnd.int(1, 12), null, rnd.int(2, 4)]);
      courses.push(
        course(
          id,
          rnd.pick([8, 16, 24, 40, 80]),
          outcomes,
          id > 5 && rnd.chance(0.2) ? [rnd.int(1, id - 1)] : [],
        ),
      );
    }
    courses.push(
      course(
        61,
        200,
        Array.from({ length: 12 }, (_, i) => [i + 1, null, 3] as Outcome),
      ),
    );
    const gaps = Array.from({ length: 12 }, (_, i) => ({
      competencyId: i + 1,
      from: 1,
      to: rnd.int(3, 5),
    }));
    // Counted, not timed: the search must finish; a greedy shortcut would not pass the property above.
    const plan = planTraining(gaps, catalogue(...courses), new Set());
    expect(plan.totalHours).toBeGreaterThan(0);
  });
});

describe('TrainingPlanner (plans shared across candidates)', () => {
  it('answers every query exactly as a fresh planTraining, however many it has remembered', () => {
    const rnd = random(99);
    const courses: PlanCourse[] = [];
    for (let id = 1; id <= 14; id++) {
      const outcomes: Outcome[] = [];
      for (let k = 1; k <= 4; k++) {
        if (!rnd.chance(0.4)) continue;
        const to = rnd.int(2, 5);
        outcomes.push([k, rnd.chance(0.4) ? rnd.int(1, to - 1) : null, to]);
      }
      const prerequisites = id > 1 && rnd.chance(0.25) ? [rnd.int(1, id - 1)] : [];
      courses.push(course(id, rnd.pick([4, 8, 16, 24, 40]), outcomes, prerequisites));
    }
    const cat = catalogue(...courses);
    const planner = new TrainingPlanner(cat);
    for (let n = 0; n < 800; n++) {
      // Few distinct shapes, so most queries hit what the planner remembers.
      const gaps: PlanGap[] = [];
      for (let k = 1; k <= 4; k++) {
        const to = rnd.int(2, 4);
        const from = rnd.int(1, to);
        if (from < to && rnd.chance(0.6)) gaps.push({ competencyId: k, from, to });
      }
      const completed = new Set(courses.filter(() => rnd.chance(0.1)).map((c) => c.id));
      const mandatory = rnd.chance(0.2) ? [rnd.int(1, 14)] : [];
      expect(planner.plan(gaps, completed, mandatory)).toEqual(
        planTraining(gaps, cat, completed, mandatory),
      );
    }
  });
});
