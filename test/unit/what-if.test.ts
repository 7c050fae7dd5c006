import { describe, expect, it } from 'vitest';
import type { CandidateSpec } from '../../src/domain/fit.scoring';
import type { PlanCourse } from '../../src/domain/training-plan';
import { assumeCandidate } from '../../src/domain/what-if';

const AS_OF = '2026-11-01';
const course = (
  id: number,
  outcomes: { competencyId: number; minLevel: number | null; toLevel: number }[],
): PlanCourse => ({ id, code: `C${id}`, hours: 10, cost: 0, outcomes, prerequisiteIds: [] });

const candidate: CandidateSpec = {
  id: 1,
  employmentType: 'PNS',
  rank: { code: 'III/c', ordinal: 11 },
  pppkGrade: null,
  education: { code: 'S1', ordinal: 7 },
  birthDate: '1980-01-01',
  appointedOn: '2005-01-01',
  levels: new Map([
    [1, { level: 2, assessedOn: '2019-05-05' }],
    [2, { level: 4, assessedOn: '2025-05-05' }],
  ]),
  completedCourseIds: new Set([90]),
  performance: [{ year: 2025, rating: 'BAIK' }],
};

describe('assumeCandidate', () => {
  it.each([
    [
      'a course raises a level it reaches from where the candidate stands',
      [course(10, [{ competencyId: 1, minLevel: null, toLevel: 3 }])],
      [],
      1,
      3,
    ],
    [
      'a course whose entry level is not met raises nothing',
      [course(11, [{ competencyId: 1, minLevel: 3, toLevel: 4 }])],
      [],
      1,
      2,
    ],
    [
      'courses chain: one opens the entry level of the next',
      [
        course(11, [{ competencyId: 1, minLevel: 3, toLevel: 4 }]),
        course(10, [{ competencyId: 1, minLevel: null, toLevel: 3 }]),
      ],
      [],
      1,
      4,
    ],
    [
      'a course never lowers a level',
      [course(12, [{ competencyId: 2, minLevel: null, toLevel: 3 }])],
      [],
      2,
      4,
    ],
    [
      'a never-assessed competency starts from 0',
      [course(13, [{ competencyId: 3, minLevel: null, toLevel: 2 }])],
      [],
      3,
      2,
    ],
    [
      'an assumed level stands over what courses give',
      [course(10, [{ competencyId: 1, minLevel: null, toLevel: 3 }])],
      [{ competencyId: 1, level: 5 }],
      1,
      5,
    ],
    [
      'an assumed level may be lower than the stored one',
      [],
      [{ competencyId: 2, level: 1 }],
      2,
      1,
    ],
  ] as [string, PlanCourse[], { competencyId: number; level: number }[], number, number][])(
    '%s',
    (_, courses, levels, competencyId, expected) => {
      const assumed = assumeCandidate(candidate, { courses, levels }, AS_OF);
      expect(assumed.levels.get(competencyId)?.level).toBe(expected);
    },
  );

  it('dates a changed level on the policy date (not stale), and keeps the rest as stored', () => {
    const assumed = assumeCandidate(
      candidate,
      { courses: [course(10, [{ competencyId: 1, minLevel: null, toLevel: 3 }])], levels: [] },
      AS_OF,
    );
    expect(assumed.levels.get(1)).toEqual({ level: 3, assessedOn: AS_OF });
    expect(assumed.levels.get(2)).toEqual(candidate.levels.get(2));
    expect([...assumed.completedCourseIds].sort()).toEqual([10, 90]);
    expect({ ...assumed, levels: null, completedCourseIds: null }).toEqual({
      ...candidate,
      levels: null,
      completedCourseIds: null,
    });
  });

  it('changes nothing of the candidate it was given', () => {
    assumeCandidate(
      candidate,
      {
        courses: [course(10, [{ competencyId: 1, minLevel: null, toLevel: 5 }])],
        levels: [{ competencyId: 2, level: 1 }],
      },
      AS_OF,
    );
    expect(candidate.levels.get(1)?.level).toBe(2);
    expect(candidate.levels.get(2)?.level).toBe(4);
    expect([...candidate.completedCourseIds]).toEqual([90]);
  });
});
