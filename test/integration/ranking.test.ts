import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../scripts/server-process';
import { createContext } from '../../src/app/context';
import { Role } from '../../src/platform/auth/auth.types';
import { importDataset } from '../../src/modules/dataset/dataset.service';
import { generateProvince } from '../../src/demo/province.generate';
import { Employee } from '../../src/modules/employee/employee.entity';
import { rankCandidates } from '../../src/modules/fit/candidates.service';
import { byRank, fitsFor, policyFrom } from '../../src/modules/fit/fit.service';
import { Position } from '../../src/modules/position/position.entity';
import { DEMO_TODAY } from '../support/constants';
import {
  startTestApp,
  TEST_SECRET,
  TEST_SELECTION_KEY,
  tokenFor,
  type TestApp,
} from '../support/harness';

/**
 * The fast ranking (the in-memory index kept current from the change log, packed rankings
 * updated for changed employees, binary-searched pages) against the plain one (every employee
 * read afresh, scored by the pure rules, then sorted), and its consistency across processes.
 */
let demo: TestApp;
let generated: TestApp;
beforeAll(async () => {
  [demo, generated] = await Promise.all([startTestApp('demo'), startTestApp('empty')]);
  const report = await importDataset(
    generated.orm.em.getKnex(),
    generateProvince({ employees: 1500, seed: 5, today: DEMO_TODAY }),
    { today: DEMO_TODAY, audit: { actor: { role: 'SYSTEM', subject: 'test' }, action: 'import' } },
  );
  expect(report.issues).toEqual([]);
}, 120_000);
afterAll(() => Promise.all([demo?.close(), generated?.close()]));

const ADMIN = { role: Role.ADMIN, subject: 'test', agencyCode: null, nip: null };
const verdict = (f: { employeeId: number; result: any }) => ({
  employee: f.employeeId,
  jpm: f.result.jobPersonMatch,
  qualified: f.result.qualified,
  unmet: f.result.unmetConditions.map((c: any) => c.code),
  gaps: f.result.gaps.map((g: any) => [g.competencyId, g.gap]),
});

/** Every position: the first 100 of the fast ranking equal the plain ranking's first 100. */
async function expectSameRankings(app: TestApp, policies: object[]) {
  const ctx = createContext(app.orm, ADMIN);
  const positions = await ctx.em.find(Position, {}, { orderBy: { id: 'ASC' } });
  const employees = await ctx.em.find(Employee, {}, { orderBy: { id: 'ASC' } });
  for (const input of policies) {
    for (const position of positions) {
      const policy = policyFrom(ctx, input);
      const plain = (await fitsFor(ctx, position, employees, policy)).sort(byRank);
      const fast = await rankCandidates(createContext(app.orm, ADMIN), position, null, policy, {
        first: 100,
      });
      expect(fast.nodes.map(verdict), position.code).toEqual(plain.slice(0, 100).map(verdict));
      expect(await fast.totalCount(), position.code).toBe(plain.length);
    }
  }
}

describe('the fast ranking', () => {
  it('ranks exactly as the pure scoring on the demo province, for several policies', async () => {
    await expectSameRankings(demo, [
      { asOf: DEMO_TODAY },
      { asOf: '2024-06-30', validityYears: 2 },
      { asOf: DEMO_TODAY, capPerCompetency: false, capTotal: false, minJobPersonMatch: 80 },
    ]);
  }, 120_000);

  it('ranks exactly as the pure scoring on a generated province', async () => {
    await expectSameRankings(generated, [{ asOf: DEMO_TODAY }]);
  }, 120_000);
});

describe('consistency across processes', () => {
  let child: ServerProcess;

  beforeAll(async () => {
    // A second server process on the same database, as a deployment would run it.
    child = await startServerProcess({
      env: {
        DATABASE_URL: demo.databaseUrl,
        JWT_SECRET: TEST_SECRET,
        SELECTION_KEY: TEST_SELECTION_KEY,
        LOAD_DEMO: 'false',
        NODE_ENV: 'test',
      },
    });
  }, 90_000);
  afterAll(async () => {
    await child?.stop();
  });

  const CANDIDATES = `query($p: String!) { candidates(positionCode: $p, first: 100, policy: { asOf: "${DEMO_TODAY}" }) {
    totalCount nodes { jobPersonMatch employee { nip } } } }`;
  const viaChild = async (query: string, variables: object) => {
    const response = await fetch(`${child.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('ADMIN')}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  it('shows an assessment recorded through one process in the next ranking of the other', async () => {
    const position = 'ADM-016';
    const before = await viaChild(CANDIDATES, { p: position });
    const last = before.candidates.nodes.at(-1);
    const requirements = (
      await demo.ok(
        `query($p: String!) { position(code: $p) { requirements { competency { code } } } }`,
        {
          p: position,
        },
      )
    ).position.requirements.map((r: any) => ({ competency: r.competency.code, level: 5 }));
    const recorded = await demo.ok(
      `mutation($nip: String!, $results: [AssessmentResultInput!]!) { recordAssessment(input: {
        nip: $nip, assessedOn: "2026-10-01", method: ASSESSMENT_CENTER, results: $results }) { userErrors { message } } }`,
      { nip: last.employee.nip, results: requirements },
    );
    expect(recorded.recordAssessment.userErrors).toEqual([]);

    const after = await viaChild(CANDIDATES, { p: position });
    const moved = after.candidates.nodes.find((n: any) => n.employee.nip === last.employee.nip);
    expect(moved?.jobPersonMatch).toBe(100);
    expect(after.candidates.nodes.indexOf(moved)).toBeLessThan(before.candidates.nodes.length - 1);
    // And the writing process agrees.
    const here = await demo.ok(CANDIDATES, { p: position });
    expect(here.candidates.nodes).toEqual(after.candidates.nodes);
  }, 60_000);

  it('and the other way round: a write through the second process reaches the first', async () => {
    const position = 'ADM-017';
    const QUALIFIED = `query($p: String!) { candidates(positionCode: $p, first: 100, filter: { qualifiedOnly: true }, policy: { asOf: "${DEMO_TODAY}" }) { nodes { employee { nip } } } }`;
    // The first process ranks (and caches) the qualified candidates.
    const before = await demo.ok(QUALIFIED, { p: position });
    const nip: string = before.candidates.nodes[0].employee.nip;
    const changed = await viaChild(
      `mutation($nip: String!) { updateEmployee(input: { nip: $nip, education: "SD" }) { userErrors { message } } }`,
      { nip },
    );
    expect(changed.updateEmployee.userErrors).toEqual([]);
    const after = await demo.ok(QUALIFIED, { p: position });
    expect(after.candidates.nodes.map((n: any) => n.employee.nip)).not.toContain(nip);
    const fit = await demo.ok(
      `query($nip: String!, $p: String!) { fit(nip: $nip, positionCode: $p, policy: { asOf: "${DEMO_TODAY}" }) { qualified unmetConditions { code } } }`,
      { nip, p: position },
    );
    expect(fit.fit.qualified).toBe(false);
    expect(fit.fit.unmetConditions.map((c: any) => c.code)).toContain('EDUCATION_TOO_LOW');
  }, 60_000);
});
