import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/** Development plans: a training plan turned into courses with target years, followed as trainings are recorded. */
const X = 'PROV-MALUKU';
const HR = tokenFor('HR', { agency: X });
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo');
});
afterAll(() => app?.close());

const CREATE = `mutation($input: CreateDevelopmentPlanInput!) { createDevelopmentPlan(input: $input) {
  userErrors { field code message }
  developmentPlan { yearlyHours startYear onTrack targetPosition { code } employee { nip orgUnit { code } }
    courses { targetYear completedOn course { code hours prerequisites { code } } } } } }`;

/** An employee of X, and a position of X whose training plan for them has courses. */
async function employeeWithPlan() {
  const positions = (
    await app.gql(
      `{ positions(first: 20, filter: { agencyCode: "${X}", categories: [ADMINISTRATOR, JPT_PRATAMA] }) { nodes { code } } }`,
      {},
      HR,
    )
  ).data.positions.nodes;
  const people = (
    await app.gql(
      `{ employees(first: 30, filter: { agencyCode: "${X}" }) { nodes { nip } } }`,
      {},
      HR,
    )
  ).data.employees.nodes;
  for (const { code } of positions)
    for (const { nip } of people) {
      const fit = await app.gql(
        `query($nip: String!, $p: String!) { fit(nip: $nip, positionCode: $p) { trainingPlan { totalHours courses { course { code } } } } }`,
        { nip, p: code },
        HR,
      );
      const courses = fit.data?.fit.trainingPlan.courses ?? [];
      if (courses.length >= 2)
        return { nip, position: code, courses: courses.map((c: any) => c.course.code) };
    }
  throw new Error('no employee with a training plan of two courses or more');
}

describe('a development plan', () => {
  it('places the training plan’s courses in years within the yearly hours, prerequisites first, and follows completions', async () => {
    const { nip, position, courses } = await employeeWithPlan();
    const year = new Date().getUTCFullYear();
    const created = await app.gql(
      CREATE,
      { input: { nip, targetPositionCode: position, yearlyHours: 40, startYear: year - 3 } },
      HR,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createDevelopmentPlan.userErrors).toEqual([]);
    const plan = created.data.createDevelopmentPlan.developmentPlan;
    expect(plan.courses.map((c: any) => c.course.code)).toEqual(courses);
    const years = new Map<string, number>(
      plan.courses.map((c: any) => [c.course.code, c.targetYear]),
    );
    const load = new Map<number, number[]>();
    for (const c of plan.courses) {
      expect(c.targetYear).toBeGreaterThanOrEqual(year - 3);
      for (const p of c.course.prerequisites)
        if (years.has(p.code)) expect(years.get(p.code)!).toBeLessThanOrEqual(c.targetYear);
      load.set(c.targetYear, [...(load.get(c.targetYear) ?? []), c.course.hours]);
      expect(c.completedOn).toBeNull();
    }
    for (const hours of load.values())
      expect(hours.reduce((a, b) => a + b, 0) <= 40 || hours.length === 1).toBe(true);
    // It started three years ago and nothing is done: behind.
    expect(plan.onTrack).toBe(false);

    for (const c of plan.courses.filter((c: any) => c.targetYear < year)) {
      const done = await app.gql(
        `mutation($nip: String!, $course: String!) { recordTraining(input: { nip: $nip, course: $course, completedOn: "${year - 1}-06-01" }) { userErrors { message } } }`,
        { nip, course: c.course.code },
        HR,
      );
      expect(done.data.recordTraining.userErrors).toEqual([]);
    }
    const after = (
      await app.gql(
        `query($nip: String!) { employee(nip: $nip) { developmentPlans { onTrack courses { targetYear completedOn } } } }`,
        { nip },
        HR,
      )
    ).data.employee.developmentPlans[0];
    expect(after.onTrack).toBe(true);
    for (const c of after.courses) expect(c.completedOn === null).toBe(c.targetYear >= year);

    const unit = plan.employee.orgUnit.code;
    const summary = (
      await app.gql(
        `query($u: String!) { developmentPlans(orgUnitCode: $u) { total onTrack plans { employee { nip } } } }`,
        { u: unit },
        HR,
      )
    ).data.developmentPlans;
    expect(summary.total).toBeGreaterThanOrEqual(1);
    expect(summary.onTrack).toBeGreaterThanOrEqual(1);
    expect(summary.plans.map((p: any) => p.employee.nip)).toContain(nip);

    const trail = await app.ok(
      `{ auditEvents(first: 5, filter: { action: "createDevelopmentPlan" }) { totalCount } }`,
    );
    expect(trail.auditEvents.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('is refused for another agency’s employee, and for a bad yearly budget', async () => {
    const other = (
      await app.ok(`{ employees(first: 1, filter: { agencyCode: "KAB-SBB" }) { nodes { nip } } }`)
    ).employees.nodes[0].nip;
    const position = (
      await app.gql(
        `{ positions(first: 1, filter: { agencyCode: "${X}" }) { nodes { code } } }`,
        {},
        HR,
      )
    ).data.positions.nodes[0].code;
    const foreign = await app.gql(
      CREATE,
      { input: { nip: other, targetPositionCode: position } },
      HR,
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const own = (
      await app.gql(
        `{ employees(first: 1, filter: { agencyCode: "${X}" }) { nodes { nip } } }`,
        {},
        HR,
      )
    ).data.employees.nodes[0].nip;
    const budget = await app.gql(
      CREATE,
      { input: { nip: own, targetPositionCode: position, yearlyHours: 0 } },
      HR,
    );
    expect(budget.data.createDevelopmentPlan.userErrors).toMatchObject([
      { field: ['input', 'yearlyHours'], code: 'OUT_OF_RANGE' },
    ]);
    const committee = await app.gql(
      CREATE,
      { input: { nip: own, targetPositionCode: position } },
      tokenFor('COMMITTEE', { agency: X }),
    );
    expect(committee.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
