import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo');
});
afterAll(() => app.close());

const POLICY = { asOf: DEMO_TODAY };
const FIT_FIELDS = `
  employee { id nip }
  jobPersonMatch jobPersonMatchUncapped category threshold eligible qualified readiness
  terms { competency { code } required actual weight critical gap stale contribution }
  gaps { competency { code } required actual gap courses { code } }
  unmetConditions { code message required actual }
  trainingPlan { totalHours totalCost closesAllGaps courses { course { code hours cost prerequisites { code } } closes { code } } uncoveredGaps { competency { code } } }`;

const CANDIDATES = `query($code: String!, $first: Int, $after: String, $filter: CandidateFilter, $policy: ScoringPolicyInput) {
  candidates(positionCode: $code, first: $first, after: $after, filter: $filter, policy: $policy) {
    totalCount
    edges { cursor node { ${FIT_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function allCandidates(code: string, pageSize: number, filter?: object) {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const data: any = await app.ok(CANDIDATES, {
      code,
      first: pageSize,
      after,
      filter,
      policy: POLICY,
    });
    nodes.push(...data.candidates.edges.map((e: any) => e.node));
    if (!data.candidates.pageInfo.hasNextPage) return { nodes, total: data.candidates.totalCount };
    after = data.candidates.pageInfo.endCursor;
  }
}

const missing = (f: any) => f.gaps.reduce((s: number, g: any) => s - g.gap, 0);

describe('candidates for a position', () => {
  it('are ranked qualified first, then by JPM, unmet conditions and missing levels, each JPM explained by its terms', async () => {
    const { nodes, total } = await allCandidates('ADM-016', 100);
    expect(nodes).toHaveLength(total);
    expect(total).toBe(500);
    for (let i = 1; i < nodes.length; i++) {
      const [a, b] = [nodes[i - 1], nodes[i]];
      const key = (f: any) => [
        Number(f.qualified),
        f.jobPersonMatch,
        -f.unmetConditions.length,
        -missing(f),
        f.jobPersonMatchUncapped,
      ];
      const [ka, kb] = [key(a), key(b)];
      const firstDifference = ka.findIndex((v, j) => v !== kb[j]);
      if (firstDifference >= 0) expect(ka[firstDifference]).toBeGreaterThan(kb[firstDifference]);
    }
    for (const fit of nodes.slice(0, 50)) {
      const required = fit.terms.reduce((s: number, t: any) => s + t.weight * t.required, 0);
      const counted = fit.terms.reduce((s: number, t: any) => s + t.contribution, 0);
      expect(fit.jobPersonMatch).toBeCloseTo(Math.min(100, (counted / required) * 100), 2);
      expect(fit.qualified).toBe(
        fit.eligible &&
          fit.jobPersonMatch >= 78 &&
          !fit.gaps.some(
            (g: any) =>
              fit.terms.find((t: any) => t.competency.code === g.competency.code).critical,
          ),
      );
      expect(fit.eligible).toBe(fit.unmetConditions.length === 0);
    }
    expect(nodes.some((f) => f.qualified)).toBe(true);
    expect(nodes.some((f) => !f.qualified)).toBe(true);
  });

  it('page without duplicates or gaps, in the same order as one long page', async () => {
    const [small, large] = await Promise.all([
      allCandidates('PEN-029', 7),
      allCandidates('PEN-029', 100),
    ]);
    const ids = small.nodes.map((f) => f.employee.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(large.nodes.map((f) => f.employee.id));
    // Past the first 200 entries a ranking keeps for its first pages, pages take a pass of
    // their own: the order runs on unbroken across that border, both ways of paging.
    expect(small.total).toBe(ids.length);
    expect(small.total).toBeGreaterThan(200);
  });

  it('keep the SQL statement count flat whatever the page size', async () => {
    const query = `query($first: Int) { candidates(positionCode: "ADM-016", first: $first, policy: { asOf: "${DEMO_TODAY}" }) {
      nodes { jobPersonMatch readiness employee { name rank { code } } terms { competency { name } } gaps { courses { code } } trainingPlan { courses { course { code } closes { code } } } } } }`;
    const [few, many] = [await app.gql(query, { first: 5 }), await app.gql(query, { first: 60 })];
    expect(many.errors).toBeUndefined();
    // 15 when loads of the same kind reached by different paths (competencies, courses) share a
    // batch, at most two more when their parents arrive apart; never more with a larger page.
    for (const result of [few, many])
      expect(result.extensions?.sqlStatements).toBeLessThanOrEqual(17);
  });

  it('score one employee against one position in three statements sent together: employee, position with its job profile and competencies, index catch-up', async () => {
    const { nodes } = await allCandidates('ADM-016', 3);
    const query = `query($nip: String!) { fit(nip: $nip, positionCode: "ADM-016", policy: { asOf: "${DEMO_TODAY}" }) {
      jobPersonMatch qualified gaps { competency { code } gap } unmetConditions { code } } }`;
    await app.gql(query, { nip: nodes[0].employee.nip });
    const result = await app.gql(query, { nip: nodes[1].employee.nip });
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.sqlStatements).toBe(3);
  });

  it('count and page right for more filters than a ranking remembers, and again for the first', async () => {
    const { nodes } = await allCandidates('PEN-029', 100);
    const query = `query($filter: CandidateFilter) { candidates(positionCode: "PEN-029", first: 5, filter: $filter, policy: { asOf: "${DEMO_TODAY}" }) {
      totalCount nodes { employee { id } } } }`;
    const minimums = Array.from({ length: 40 }, (_, i) => 40 + i * 1.25);
    for (const minimum of [...minimums, minimums[0], minimums[1]]) {
      const expected = nodes.filter((f) => f.jobPersonMatch >= minimum);
      const { candidates } = await app.ok(query, { filter: { minJobPersonMatch: minimum } });
      expect(candidates.totalCount).toBe(expected.length);
      expect(candidates.nodes.map((f: any) => f.employee.id)).toEqual(
        expected.slice(0, 5).map((f) => f.employee.id),
      );
    }
  });

  it('filter by qualification, agency, org unit (with sub-units), minimum JPM and readiness', async () => {
    const qualified = await allCandidates('FUN-039', 100, { qualifiedOnly: true });
    expect(qualified.nodes.every((f) => f.qualified)).toBe(true);
    const regency = await app.ok(
      `query { candidates(positionCode: "FUN-039", filter: { agencyCode: "KAB-SBB" }, first: 100) { totalCount nodes { employee { agency { code } } } } }`,
    );
    expect(regency.candidates.nodes.every((f: any) => f.employee.agency.code === 'KAB-SBB')).toBe(
      true,
    );
    const unit = await app.ok(
      `query { candidates(positionCode: "FUN-039", filter: { orgUnitCode: "BKD-PROV" }, first: 100) { nodes { employee { orgUnit { code } } } } }`,
    );
    expect(unit.candidates.nodes.length).toBeGreaterThan(0);
    expect(
      unit.candidates.nodes.every((f: any) => f.employee.orgUnit.code.startsWith('BKD-PROV')),
    ).toBe(true);
    const strong = await allCandidates('FUN-039', 100, { minJobPersonMatch: 90 });
    expect(strong.nodes.every((f) => f.jobPersonMatch >= 90)).toBe(true);
    const ready = await allCandidates('ADM-016', 100, { readiness: ['AFTER_TRAINING'] });
    expect(ready.nodes.length).toBeGreaterThan(0);
    expect(ready.nodes.every((f) => f.readiness === 'AFTER_TRAINING')).toBe(true);
  });

  it('follow the scale and threshold of the policy', async () => {
    const data = await app.ok(
      `query { candidates(positionCode: "ADM-016", first: 30, policy: { asOf: "${DEMO_TODAY}", scale: ELIGIBILITY, minJobPersonMatch: 50 }) { nodes { category threshold jobPersonMatch } } }`,
    );
    for (const f of data.candidates.nodes) {
      expect(f.threshold).toBe(50);
      expect(f.category).toBe(
        f.jobPersonMatch >= 80
          ? 'MEMENUHI_SYARAT'
          : f.jobPersonMatch >= 68
            ? 'MASIH_MEMENUHI_SYARAT'
            : 'KURANG_MEMENUHI_SYARAT',
      );
    }
  });
});

describe('the sitting holder of a position', () => {
  it('is marked incumbent among its candidates, and can be left out', async () => {
    const data = await app.ok(
      `{ positions(first: 100, filter: { categories: [JPT_PRATAMA, ADMINISTRATOR] }) {
          nodes { code holders(first: 1) { nodes { id } } } } }`,
    );
    const held = data.positions.nodes.find((p: any) => p.holders.nodes.length === 1);
    const holder = held.holders.nodes[0].id;
    const rank = async (filter: object) =>
      (
        await app.ok(
          `query($p: String!, $filter: CandidateFilter) { candidates(positionCode: $p, first: 100,
             filter: $filter, policy: { asOf: "${DEMO_TODAY}" }) { totalCount nodes { incumbent employee { id } } } }`,
          { p: held.code, filter },
        )
      ).candidates;
    const all = await rank({});
    const marked = all.nodes.filter((n: any) => n.incumbent).map((n: any) => n.employee.id);
    expect(marked).toEqual([holder]);
    const without = await rank({ excludeIncumbents: true });
    expect(without.totalCount).toBe(all.totalCount - 1);
    expect(without.nodes.map((n: any) => n.employee.id)).not.toContain(holder);
    expect(without.nodes.every((n: any) => !n.incumbent)).toBe(true);
  });
});

describe('readiness horizon', () => {
  it('follows the readiness cause and the plan’s hours against the yearly development hours', async () => {
    const query = `query($yearly: Int) { candidates(positionCode: "ADM-016", first: 100, policy: { asOf: "${DEMO_TODAY}" }) {
      nodes { readiness readinessHorizon(yearlyHours: $yearly) trainingPlan { totalHours } } } }`;
    const at20 = (await app.ok(query, { yearly: 20 })).candidates.nodes;
    for (const fit of at20) {
      if (fit.readiness === 'READY_NOW') expect(fit.readinessHorizon).toBe('READY_NOW');
      else if (fit.readiness === 'BLOCKED') expect(fit.readinessHorizon).toBe('LATER');
      else
        expect(fit.readinessHorizon).toBe(
          fit.trainingPlan.totalHours <= 40 ? 'ONE_TO_TWO_YEARS' : 'LATER',
        );
    }
    const generous = (await app.ok(query, { yearly: 1000 })).candidates.nodes;
    expect(generous.filter((f: any) => f.readinessHorizon === 'LATER').length).toBeLessThanOrEqual(
      at20.filter((f: any) => f.readinessHorizon === 'LATER').length,
    );
    const refused = await app.gql(query, { yearly: 0 });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the fit of one employee', () => {
  it('shows every term, the gaps with courses, the unmet conditions and a plan that closes them', async () => {
    const { nodes } = await allCandidates('ADM-016', 100);
    const subject = nodes.find(
      (f) =>
        f.gaps.length >= 2 &&
        f.unmetConditions.some((u: any) => u.code === 'MISSING_REQUIRED_COURSE'),
    );
    expect(subject).toBeDefined();
    const { fit } = await app.ok(
      `query($nip: String!, $policy: ScoringPolicyInput) { fit(nip: $nip, positionCode: "ADM-016", policy: $policy) { ${FIT_FIELDS} } }`,
      { nip: subject.employee.nip, policy: POLICY },
    );
    expect(fit).toEqual(subject);
    const profile = await app.ok(
      '{ position(code: "ADM-016") { requirements { competency { code } } } }',
    );
    expect(fit.terms.map((t: any) => t.competency.code)).toEqual(
      profile.position.requirements.map((r: any) => r.competency.code),
    );
    expect(fit.gaps.map((g: any) => g.gap)).toEqual(
      [...fit.gaps.map((g: any) => g.gap)].sort((a: number, b: number) => a - b),
    );
    const planned = fit.trainingPlan.courses.map((c: any) => c.course.code);
    expect(planned).toContain('PKA');
    expect(fit.trainingPlan.totalHours).toBe(
      fit.trainingPlan.courses.reduce((s: number, c: any) => s + c.course.hours, 0),
    );
    const closed = new Set(
      fit.trainingPlan.courses.flatMap((c: any) => c.closes.map((x: any) => x.code)),
    );
    const uncovered = new Set(fit.trainingPlan.uncoveredGaps.map((g: any) => g.competency.code));
    for (const gap of fit.gaps)
      expect(closed.has(gap.competency.code) || uncovered.has(gap.competency.code)).toBe(true);
    expect(fit.trainingPlan.closesAllGaps).toBe(uncovered.size === 0);

    // Why each course is there: PKA because ADM-016 requires it, every prerequisite for a
    // planned course that lists it, and the sums by reason make up the totals.
    const why = await app.ok(
      `query($nip: String!, $policy: ScoringPolicyInput) { fit(nip: $nip, positionCode: "ADM-016", policy: $policy) {
        trainingPlan { totalHours totalCost
          courses { reason required course { code hours cost prerequisites { code } } closes { code } raises { code } prerequisiteOf { code } }
          byReason { reason courses hours cost } } } }`,
      { nip: subject.employee.nip, policy: POLICY },
    );
    const plan = why.fit.trainingPlan;
    const pka = plan.courses.find((c: any) => c.course.code === 'PKA');
    expect(pka).toMatchObject({ reason: 'REQUIRED_COURSE', required: true });
    for (const c of plan.courses) {
      for (const next of c.prerequisiteOf) {
        const needing = plan.courses.find((x: any) => x.course.code === next.code);
        expect(needing.course.prerequisites.map((p: any) => p.code)).toContain(c.course.code);
      }
      if (c.reason === 'CLOSES_GAP') expect(c.closes.length).toBeGreaterThan(0);
      if (c.reason === 'PREREQUISITE') expect(c.prerequisiteOf.length).toBeGreaterThan(0);
    }
    const sum = (key: 'hours' | 'cost' | 'courses') =>
      plan.byReason.reduce((total: number, r: any) => total + r[key], 0);
    expect([sum('hours'), sum('cost'), sum('courses')]).toEqual([
      plan.totalHours,
      plan.totalCost,
      plan.courses.length,
    ]);
  });

  it('is the same through Employee.fit, and bestFitPositions ranks positions for the person', async () => {
    const { employees } = await app.ok(
      '{ employees(first: 1, filter: { positionCode: "ADM-016" }) { nodes { nip } } }',
    );
    const nip = employees.nodes[0].nip;
    const data = await app.ok(
      `query($nip: String!, $policy: ScoringPolicyInput) {
      fit(nip: $nip, positionCode: "ADM-016", policy: $policy) { jobPersonMatch qualified }
      employee(nip: $nip) {
        fit(positionCode: "ADM-016", policy: $policy) { jobPersonMatch qualified }
        bestFitPositions(first: 5, policy: $policy) { position { code } jobPersonMatch qualified }
        managerial: bestFitPositions(first: 3, categories: [ADMINISTRATOR, PENGAWAS], policy: $policy) { position { category } }
      }
    }`,
      { nip, policy: POLICY },
    );
    expect(data.employee.fit).toEqual(data.fit);
    const best = data.employee.bestFitPositions;
    expect(best).toHaveLength(5);
    for (let i = 1; i < best.length; i++) {
      expect(
        Number(best[i - 1].qualified) * 1000 + best[i - 1].jobPersonMatch,
      ).toBeGreaterThanOrEqual(Number(best[i].qualified) * 1000 + best[i].jobPersonMatch);
    }
    expect(
      data.employee.managerial.every((f: any) =>
        ['ADMINISTRATOR', 'PENGAWAS'].includes(f.position.category),
      ),
    ).toBe(true);
  });

  it('answers NOT_FOUND for an unknown employee or position, and BAD_USER_INPUT for a bad policy', async () => {
    const unknownPosition = await app.gql(
      '{ fit(nip: "198003032003011001", positionCode: "NOPE") { jobPersonMatch } }',
    );
    expect(unknownPosition.errors?.[0]).toMatchObject({
      message: 'No position has code "NOPE".',
      extensions: { code: 'NOT_FOUND' },
    });
    const unknownEmployee = await app.gql(
      '{ fit(nip: "199001012020011001", positionCode: "ADM-016") { jobPersonMatch } }',
    );
    expect(unknownEmployee.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const badPolicy = await app.gql(
      '{ candidates(positionCode: "ADM-016", policy: { minJobPersonMatch: 101 }) { totalCount } }',
    );
    expect(badPolicy.errors?.[0]).toMatchObject({
      message: 'policy.minJobPersonMatch must be 0–100, got 101.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const backward = await app.gql(
      '{ candidates(positionCode: "ADM-016", last: 5) { totalCount } }',
    );
    expect(backward.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('fairness', () => {
  it('gives the same ranking when sex (in the NIP) and birth dates far from retirement are permuted', async () => {
    const before = await allCandidates('FUN-039', 100);
    const knex = app.orm.em.getKnex();
    // Flip the sex digit of every NIP (dropping uniqueness in this test's own database only).
    await knex.raw('alter table employee drop constraint employee_nip_unique');
    await knex.raw(
      `update employee set nip = substr(nip, 1, 14) || (3 - substr(nip, 15, 1)::int)::text || substr(nip, 16, 3) where nip is not null`,
    );
    // Give employees aged under 50 each other's birth dates (all stay far from retirement).
    await knex.raw(`with young as (
        select id, coalesce(birth_date, to_date(substr(nip, 1, 8), 'YYYYMMDD')) as born,
               row_number() over (order by id) as n, count(*) over () as total
          from employee
         where coalesce(birth_date, to_date(substr(nip, 1, 8), 'YYYYMMDD')) > date '1977-01-01')
      update employee e set birth_date = other.born
        from young me join young other on other.n = (me.n % me.total) + 1
       where e.id = me.id`);
    const after = await allCandidates('FUN-039', 100);
    const view = (nodes: any[]) =>
      nodes.map((f) => [
        f.employee.id,
        f.jobPersonMatch,
        f.qualified,
        f.unmetConditions.map((u: any) => u.code).join(),
      ]);
    expect(view(after.nodes)).toEqual(view(before.nodes));
    expect(after.nodes.map((f) => f.employee.nip)).not.toEqual(
      before.nodes.map((f) => f.employee.nip),
    );
  });
});
