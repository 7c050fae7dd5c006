import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, type TestApp } from '../support/harness';

/**
 * What-if answers are pure: nothing is written. Each is held to the answer the API gives after
 * really recording the same levels or trainings, or really changing the profile.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo');
});
afterAll(() => app?.close());

const POSITION = 'ADM-016';
const FIT = `query($nip: String!, $p: String!, $assume: Assumptions) {
  fit(nip: $nip, positionCode: $p, policy: { asOf: "${DEMO_TODAY}" }, assume: $assume) {
    jobPersonMatch qualified category incumbent
    terms { competency { code } required actual gap stale }
    gaps { competency { code } gap }
    unmetConditions { code }
    trainingPlan { totalHours courses { course { code } } } } }`;

const verdict = (fit: any) => ({
  jobPersonMatch: fit.jobPersonMatch,
  qualified: fit.qualified,
  category: fit.category,
  terms: fit.terms,
  gaps: fit.gaps,
  unmet: fit.unmetConditions.map((c: any) => c.code).sort(),
});

/** Candidates of the position from the bottom of the ranking: the most to gain. */
async function lastCandidates(count: number): Promise<string[]> {
  const data = await app.ok(
    `query($p: String!) { candidates(positionCode: $p, first: 100, policy: { asOf: "${DEMO_TODAY}" }) {
       nodes { employee { nip } } } }`,
    { p: POSITION },
  );
  return data.candidates.nodes.slice(-count).map((n: any) => n.employee.nip);
}

describe('fit with assumptions', () => {
  it('equals the fit after really assessing the assumed levels', async () => {
    const [nip] = await lastCandidates(1);
    const required = (await app.ok(FIT, { nip, p: POSITION })).fit.terms;
    const levels = required.map((t: any) => ({ competency: t.competency.code, level: t.required }));
    const before = (await app.ok(FIT, { nip, p: POSITION })).fit;
    const assumed = (await app.ok(FIT, { nip, p: POSITION, assume: { levels } })).fit;
    expect(verdict(assumed)).not.toEqual(verdict(before));
    expect(verdict((await app.ok(FIT, { nip, p: POSITION })).fit)).toEqual(verdict(before));

    const recorded = await app.ok(
      `mutation($nip: String!, $results: [AssessmentResultInput!]!) { recordAssessment(input: {
         nip: $nip, assessedOn: "${DEMO_TODAY}", method: TEST, results: $results }) { userErrors { message } } }`,
      { nip, results: levels },
    );
    expect(recorded.recordAssessment.userErrors).toEqual([]);
    expect(verdict((await app.ok(FIT, { nip, p: POSITION })).fit)).toEqual(verdict(assumed));
  });

  it('equals the fit after really completing the planned courses and being assessed at the levels they bring', async () => {
    const [, nip] = await lastCandidates(2);
    const before = (await app.ok(FIT, { nip, p: POSITION })).fit;
    const trainings = before.trainingPlan.courses.map((c: any) => c.course.code);
    expect(trainings.length).toBeGreaterThan(0);
    const assumed = (await app.ok(FIT, { nip, p: POSITION, assume: { trainings } })).fit;
    expect(assumed.jobPersonMatch).toBeGreaterThanOrEqual(before.jobPersonMatch);
    expect(assumed.trainingPlan.courses).toEqual([]);

    for (const course of trainings) {
      const done = await app.ok(
        `mutation($nip: String!, $course: String!) { recordTraining(input: { nip: $nip, course: $course,
           completedOn: "${DEMO_TODAY}" }) { userErrors { message } } }`,
        { nip, course },
      );
      expect(done.recordTraining.userErrors).toEqual([]);
    }
    // Completing a course does not change a level; an assessment does (DOMAIN: training plan).
    const raised = assumed.terms
      .filter((t: any, i: number) => t.actual !== before.terms[i].actual)
      .map((t: any) => ({ competency: t.competency.code, level: t.actual }));
    if (raised.length > 0) {
      const assessed = await app.ok(
        `mutation($nip: String!, $results: [AssessmentResultInput!]!) { recordAssessment(input: {
           nip: $nip, assessedOn: "${DEMO_TODAY}", method: TEST, results: $results }) { userErrors { message } } }`,
        { nip, results: raised },
      );
      expect(assessed.recordAssessment.userErrors).toEqual([]);
    }
    expect(verdict((await app.ok(FIT, { nip, p: POSITION })).fit)).toEqual(verdict(assumed));
  });

  it('refuses an unknown course or competency, and a level out of range, naming the argument', async () => {
    const [nip] = await lastCandidates(1);
    for (const [assume, argument] of [
      [{ trainings: ['NO-SUCH-COURSE'] }, 'assume.trainings.0'],
      [{ levels: [{ competency: 'NO.SUCH', level: 3 }] }, 'assume.levels.0.competency'],
      [{ levels: [{ competency: 'M.01', level: 6 }] }, 'assume.levels.0.level'],
    ] as const) {
      const result = await app.gql(FIT, { nip, p: POSITION, assume });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('candidates against a changed profile', () => {
  const RANKING = `query($p: String!, $profile: [RequirementInput!]) {
    candidates(positionCode: $p, first: 20, profile: $profile, policy: { asOf: "${DEMO_TODAY}" }) {
      totalCount qualifiedCount storedProfileQualifiedCount nodes { jobPersonMatch qualified employee { id } } } }`;

  it('counts who qualifies before and after, and equals the ranking after really changing the profile', async () => {
    const position = (
      await app.ok(
        `query($p: String!) { position(code: $p) { requirements { level weight critical competency { code } } } }`,
        { p: POSITION },
      )
    ).position;
    const lowered = position.requirements.map((r: any) => ({
      competency: r.competency.code,
      level: Math.max(1, r.level - 1),
      weight: r.weight,
      critical: r.critical,
    }));
    const stored = (await app.ok(RANKING, { p: POSITION })).candidates;
    const whatIf = (await app.ok(RANKING, { p: POSITION, profile: lowered })).candidates;
    expect(stored.storedProfileQualifiedCount).toBeNull();
    expect(whatIf.storedProfileQualifiedCount).toBe(stored.qualifiedCount);
    expect(whatIf.qualifiedCount).toBeGreaterThanOrEqual(stored.qualifiedCount);
    expect(whatIf.nodes.map((n: any) => n.jobPersonMatch)).not.toEqual(
      stored.nodes.map((n: any) => n.jobPersonMatch),
    );
    // Nothing was written: the stored ranking is as it was.
    expect((await app.ok(RANKING, { p: POSITION })).candidates).toEqual(stored);

    const updated = await app.ok(
      `mutation($p: String!, $requirements: [RequirementInput!]!) { updatePosition(input: {
         code: $p, requirements: $requirements }) { userErrors { message } } }`,
      { p: POSITION, requirements: lowered },
    );
    expect(updated.updatePosition.userErrors).toEqual([]);
    const after = (await app.ok(RANKING, { p: POSITION })).candidates;
    expect({ ...after, storedProfileQualifiedCount: null }).toEqual({
      ...whatIf,
      storedProfileQualifiedCount: null,
    });
  });

  it('refuses a profile naming an unknown competency or one twice', async () => {
    for (const profile of [
      [{ competency: 'NO.SUCH', level: 3 }],
      [
        { competency: 'M.01', level: 3 },
        { competency: 'M.01', level: 4 },
      ],
      [],
      Array.from({ length: 51 }, (_, i) => ({ competency: `C.${i}`, level: 1 })),
    ]) {
      const result = await app.gql(RANKING, { p: POSITION, profile });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
