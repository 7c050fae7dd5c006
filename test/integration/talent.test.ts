import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo');
  await app.ok(
    `mutation { createOrgUnit(input: { code: "EMPTY-UNIT", agency: "PROV-MALUKU", name: "Unit tanpa pegawai" }) { userErrors { message } } }`,
  );
});
afterAll(() => app.close());

const YEAR = 2026;
const POLICY = `{ asOf: "${DEMO_TODAY}" }`;
const MATRIX = `query($scope: AnalyticsScope!) { talentMatrix(scope: $scope, year: ${YEAR}) {
  employees unplaced cells { box performance potential count label action employees(first: 100) { totalCount nodes { id talentBox(year: ${YEAR}) { box inSuccessionPool } } } } } }`;

async function statements(query: string, variables: object) {
  const result = await app.gql(query, variables as Record<string, unknown>);
  expect(result.errors).toBeUndefined();
  return result.extensions!.sqlStatements!;
}

describe('talent matrix', () => {
  it('places every employee with a rating and a potential in the box the talent rules number, recursively over the unit tree', async () => {
    const unit = await app.ok(MATRIX, { scope: { orgUnitCode: 'BKD-PROV' } });
    const alone = await app.ok(MATRIX, {
      scope: { orgUnitCode: 'BKD-PROV', includeSubunits: false },
    });
    const m = unit.talentMatrix;
    expect(m.employees).toBeGreaterThan(alone.talentMatrix.employees);
    expect(m.cells.map((c: any) => c.box)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(m.cells.reduce((s: number, c: any) => s + c.count, 0) + m.unplaced).toBe(m.employees);
    const layout = Object.fromEntries(
      m.cells.map((c: any) => [`${c.potential}/${c.performance}`, c.box]),
    );
    expect(layout).toEqual({
      'HIGH/BELOW': 6,
      'HIGH/MEETS': 8,
      'HIGH/ABOVE': 9,
      'MEDIUM/BELOW': 3,
      'MEDIUM/MEETS': 5,
      'MEDIUM/ABOVE': 7,
      'LOW/BELOW': 1,
      'LOW/MEETS': 2,
      'LOW/ABOVE': 4,
    });
    for (const cell of m.cells) {
      expect(cell.employees.totalCount).toBe(cell.count);
      for (const e of cell.employees.nodes)
        expect(e.talentBox).toEqual({ box: cell.box, inSuccessionPool: cell.box >= 7 });
    }
    expect(m.cells.find((c: any) => c.box === 1).action).toContain('disiplin');
  });

  it('answers zeros for an empty unit, and NOT_FOUND for an unknown one', async () => {
    const empty = await app.ok(MATRIX, { scope: { orgUnitCode: 'EMPTY-UNIT' } });
    expect(empty.talentMatrix.employees).toBe(0);
    expect(empty.talentMatrix.cells.every((c: any) => c.count === 0)).toBe(true);
    const unknown = await app.gql(MATRIX, { scope: { orgUnitCode: 'NOPE' } });
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'No org unit has code "NOPE".',
      extensions: { code: 'NOT_FOUND' },
    });
    const both = await app.gql(MATRIX, {
      scope: { orgUnitCode: 'BKD-PROV', agencyCode: 'PROV-MALUKU' },
    });
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('follows cut-offs set for an agency, and refuses disordered ones', async () => {
    const before = await app.ok(MATRIX, { scope: { agencyCode: 'KAB-SBB' } });
    const set = await app.ok(
      `mutation { setTalentPolicy(input: { agencyCode: "KAB-SBB", potentialMediumFrom: 10, potentialHighFrom: 20, aboveRatings: [SANGAT_BAIK], meetsRatings: [BAIK] }) { talentPolicy { scope potentialHighFrom } userErrors { message } } }`,
    );
    expect(set.setTalentPolicy).toEqual({
      talentPolicy: { scope: 'KAB-SBB', potentialHighFrom: 20 },
      userErrors: [],
    });
    const after = await app.ok(MATRIX, { scope: { agencyCode: 'KAB-SBB' } });
    const high = (m: any) =>
      m.talentMatrix.cells
        .filter((c: any) => c.potential === 'HIGH')
        .reduce((s: number, c: any) => s + c.count, 0);
    expect(high(after)).toBeGreaterThan(high(before));
    const other = await app.ok(
      '{ talentPolicy(agencyCode: "KAB-MALTENG") { scope potentialHighFrom } }',
    );
    expect(other.talentPolicy).toEqual({ scope: '*', potentialHighFrom: 75 });
    const bad = await app.ok(
      `mutation { setTalentPolicy(input: { potentialMediumFrom: 80, potentialHighFrom: 70, aboveRatings: [SANGAT_BAIK], meetsRatings: [SANGAT_BAIK] }) { talentPolicy { scope } userErrors { code message } } }`,
    );
    expect(bad.setTalentPolicy.userErrors).toHaveLength(2);
  });

  it('keeps box names and actions as data that can be changed', async () => {
    await app.ok(
      `mutation { setTalentBoxAction(input: { box: 5, label: "Inti", action: "Kembangkan." }) { userErrors { message } } }`,
    );
    const { talentBoxActions } = await app.ok('{ talentBoxActions { box label } }');
    expect(talentBoxActions.find((a: any) => a.box === 5).label).toBe('Inti');
    const bad = await app.ok(
      `mutation { setTalentBoxAction(input: { box: 10, label: "x", action: "y" }) { userErrors { code } } }`,
    );
    expect(bad.setTalentBoxAction.userErrors).toEqual([{ code: 'OUT_OF_RANGE' }]);
  });
});

describe('succession', () => {
  it('lists the talent pool by box (9, 8, 7), then by fit, each with readiness; bench strength counts them', async () => {
    const data = await app.ok(
      `{ succession(positionCode: "ADM-018", year: ${YEAR}, first: 100, policy: ${POLICY}) { box readiness fit { jobPersonMatch qualified unmetConditions { code } employee { id } } } }`,
    );
    const list = data.succession;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((c: any) => c.box >= 7)).toBe(true);
    const boxes = list.map((c: any) => c.box);
    expect(boxes).toEqual([...boxes].sort((a: number, b: number) => b - a));
    for (let i = 1; i < list.length; i++) {
      if (list[i].box === list[i - 1].box && list[i].fit.qualified === list[i - 1].fit.qualified) {
        expect(list[i].fit.jobPersonMatch).toBeLessThanOrEqual(list[i - 1].fit.jobPersonMatch);
      }
    }
    const wider = await app.ok(
      `{ succession(positionCode: "ADM-018", year: ${YEAR}, first: 100, includeOutsidePool: true, policy: ${POLICY}) { box } }`,
    );
    expect(wider.succession.length).toBeGreaterThan(list.length);

    const bench = await app.ok(
      `{ benchStrength(scope: { orgUnitCode: "BKD-PROV" }, year: ${YEAR}, policy: ${POLICY}) { position { code category } pool readyNow afterTraining needsAssessment blocked } }`,
    );
    expect(bench.benchStrength.length).toBeGreaterThan(0);
    for (const b of bench.benchStrength) {
      expect(['JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'JPT_MADYA']).toContain(
        b.position.category,
      );
      expect(b.readyNow + b.afterTraining + b.needsAssessment + b.blocked).toBe(b.pool);
    }
  });
});

describe('20 JP monitoring', () => {
  it('counts who reached the target and lists those below, including people with no training', async () => {
    const query = `query($scope: AnalyticsScope!) { trainingCompliance(scope: $scope, year: ${YEAR}) { employees reachedTarget belowTarget withoutTraining totalHours averageHours
      employeesBelowTarget(first: 100) { totalCount nodes { hours shortfall employee { id trainingHours(year: ${YEAR}) { hours met } } } } } }`;
    const { trainingCompliance: c } = await app.ok(query, { scope: { orgUnitCode: 'BKD-PROV' } });
    expect(c.reachedTarget + c.belowTarget).toBe(c.employees);
    expect(c.withoutTraining).toBeGreaterThan(0);
    expect(c.employeesBelowTarget.totalCount).toBe(c.belowTarget);
    const hours = c.employeesBelowTarget.nodes.map((n: any) => n.hours);
    expect(hours).toEqual([...hours].sort((a: number, b: number) => a - b));
    for (const n of c.employeesBelowTarget.nodes) {
      expect(n.employee.trainingHours).toEqual({ hours: n.hours, met: false });
      expect(n.shortfall).toBe(20 - n.hours);
    }
    const empty = await app.ok(query, { scope: { orgUnitCode: 'EMPTY-UNIT' } });
    expect(empty.trainingCompliance).toMatchObject({
      employees: 0,
      reachedTarget: 0,
      averageHours: 0,
    });
  });
});

describe('training-needs analysis', () => {
  it('gives gaps by competency, courses by yield, and a programme within the budget', async () => {
    const query = `query($scope: AnalyticsScope!, $target: String, $hours: Int, $cost: Float) {
      trainingNeeds(scope: $scope, targetPositionCode: $target, budgetHours: $hours, budgetCost: $cost, policy: ${POLICY}) {
        employees withoutPosition gapLevels
        competencies { competency { code } people gapLevels averageGap maxGap }
        courses { course { code } participants gapLevels hours cost gapLevelsPerJp gapLevelsPerMillionRupiah }
        programme { gapLevels hours cost exact courses { code } }
      } }`;
    const { trainingNeeds: t } = await app.ok(query, {
      scope: { agencyCode: 'PROV-MALUKU' },
      hours: 1500,
    });
    expect(t.gapLevels).toBe(t.competencies.reduce((s: number, c: any) => s + c.gapLevels, 0));
    const perJp = t.courses.map((c: any) => c.gapLevelsPerJp);
    expect(perJp).toEqual([...perJp].sort((a: number, b: number) => b - a));
    expect(t.programme.hours).toBeLessThanOrEqual(1500);
    expect(t.programme.gapLevels).toBeGreaterThan(0);
    expect(t.programme.exact).toBe(true);
    const bigger = await app.ok(query, { scope: { agencyCode: 'PROV-MALUKU' }, hours: 4000 });
    expect(bigger.trainingNeeds.programme.gapLevels).toBeGreaterThanOrEqual(t.programme.gapLevels);
    const target = await app.ok(query, {
      scope: { orgUnitCode: 'BKD-PROV' },
      target: 'ADM-018',
      cost: 20000000,
    });
    expect(target.trainingNeeds.withoutPosition).toBe(0);
    expect(target.trainingNeeds.programme.cost).toBeLessThanOrEqual(20000000);
    const none = await app.ok(query, { scope: { orgUnitCode: 'EMPTY-UNIT' } });
    expect(none.trainingNeeds).toMatchObject({
      employees: 0,
      gapLevels: 0,
      competencies: [],
      courses: [],
      programme: null,
    });
  });
});

describe('competency heat map', () => {
  it('gives per org unit and competency the share meeting the requirement, the mean gap, unassessed and stale', async () => {
    const { competencyHeatMap: h } =
      await app.ok(`{ competencyHeatMap(scope: { orgUnitCode: "BKD-PROV" }, policy: ${POLICY}) {
      competencies { code } rows { orgUnit { code } employees cells { competency { code } required meeting share meanGap unassessed stale } } } }`);
    expect(h.rows.length).toBeGreaterThan(1);
    for (const row of h.rows) {
      expect(row.orgUnit.code.startsWith('BKD-PROV')).toBe(true);
      expect(row.cells.map((c: any) => c.competency.code)).toEqual(
        h.competencies.map((c: any) => c.code),
      );
      for (const cell of row.cells) {
        expect(cell.meeting).toBeLessThanOrEqual(cell.required);
        if (cell.required) expect(cell.share).toBeCloseTo(cell.meeting / cell.required, 3);
        expect(cell.unassessed + cell.stale).toBeLessThanOrEqual(cell.required);
      }
    }
  });
});

describe('professionalism index', () => {
  it('gives each employee the four dimensions and the band, and a unit its average', async () => {
    const data =
      await app.ok(`{ professionalismIndex(scope: { orgUnitCode: "BKD-PROV" }, year: ${YEAR}) { employees average bands { band count } }
      employees(first: 50, filter: { orgUnitCode: "BKD-PROV", includeSubunits: true }) { nodes { professionalismIndex(year: ${YEAR}) { qualification competency performance discipline total band } } } }`);
    const people = data.employees.nodes.map((n: any) => n.professionalismIndex);
    expect(data.professionalismIndex.employees).toBe(people.length);
    expect(data.professionalismIndex.average).toBeCloseTo(
      people.reduce((s: number, p: any) => s + p.total, 0) / people.length,
      1,
    );
    for (const p of people) {
      expect(p.total).toBeCloseTo(p.qualification + p.competency + p.performance + p.discipline, 5);
      expect(p.qualification).toBeLessThanOrEqual(25);
      expect(p.competency).toBeLessThanOrEqual(40);
    }
    expect(data.professionalismIndex.bands.reduce((s: number, b: any) => s + b.count, 0)).toBe(
      people.length,
    );
  });
});

describe('aggregates are set-based', () => {
  it.each([
    [
      'talent matrix',
      `query($scope: AnalyticsScope!) { talentMatrix(scope: $scope, year: ${YEAR}) { employees cells { count } } }`,
    ],
    [
      'training compliance',
      `query($scope: AnalyticsScope!) { trainingCompliance(scope: $scope, year: ${YEAR}) { belowTarget employeesBelowTarget(first: 5) { nodes { hours } } } }`,
    ],
    [
      'heat map',
      `query($scope: AnalyticsScope!) { competencyHeatMap(scope: $scope, policy: ${POLICY}) { rows { employees cells { share } } } }`,
    ],
    [
      'training needs',
      `query($scope: AnalyticsScope!) { trainingNeeds(scope: $scope, budgetHours: 500, policy: ${POLICY}) { gapLevels programme { gapLevels } } }`,
    ],
    [
      'professionalism',
      `query($scope: AnalyticsScope!) { professionalismIndex(scope: $scope, year: ${YEAR}) { average } }`,
    ],
  ])('%s: the statement count does not grow with the size of the unit', async (_name, query) => {
    const small = await statements(query, { scope: { orgUnitCode: 'BKD-PROV-1' } });
    const large = await statements(query, { scope: { agencyCode: 'PROV-MALUKU' } });
    expect(large).toBe(small);
  });
});

describe('vacancies ahead', () => {
  const VACANCIES = `query($within: Int!, $agency: String) { vacancies(within: $within, agencyCode: $agency, policy: { asOf: "${DEMO_TODAY}" }) {
    retiresOn position { code category conditions { retirementAge } } holder { birthDate position { code } }
    bench { pool readyNow readyInOneToTwoYears readyLater } } }`;

  it('lists the key positions whose holders reach their BUP within the horizon, soonest first, with a bench', async () => {
    const committee = tokenFor('COMMITTEE', { agency: 'PROV-MALUKU' });
    const within = async (years: number) => {
      const result = await app.gql(VACANCIES, { within: years }, committee);
      expect(result.errors).toBeUndefined();
      return result.data.vacancies;
    };
    const ten = await within(10);
    expect(ten.length).toBeGreaterThan(0);
    const horizon = `${Number(DEMO_TODAY.slice(0, 4)) + 10}${DEMO_TODAY.slice(4)}`;
    for (const vacancy of ten) {
      expect(['JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS']).toContain(
        vacancy.position.category,
      );
      expect(vacancy.holder.position.code).toBe(vacancy.position.code);
      const born = vacancy.holder.birthDate as string;
      const bup = `${Number(born.slice(0, 4)) + vacancy.position.conditions.retirementAge}${born.slice(4)}`;
      expect(vacancy.retiresOn).toBe(bup);
      expect(vacancy.retiresOn <= horizon).toBe(true);
      const { pool, readyNow, readyInOneToTwoYears, readyLater } = vacancy.bench;
      expect(readyNow + readyInOneToTwoYears + readyLater).toBe(pool);
    }
    const dates = ten.map((v: any) => v.retiresOn);
    expect(dates).toEqual([...dates].sort());
    const two = await within(2);
    expect(two.length).toBeLessThanOrEqual(ten.length);
    expect(two.map((v: any) => v.position.code)).toEqual(
      ten
        .filter(
          (v: any) => v.retiresOn <= `${Number(DEMO_TODAY.slice(0, 4)) + 2}${DEMO_TODAY.slice(4)}`,
        )
        .map((v: any) => v.position.code),
    );
  });

  it('answers another agency as not found to a bound caller, and asks ADMIN to name one', async () => {
    const hr = await app.gql(
      VACANCIES,
      { within: 5, agency: 'KAB-SBB' },
      tokenFor('HR', { agency: 'PROV-MALUKU' }),
    );
    expect(hr.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const admin = await app.gql(VACANCIES, { within: 5 });
    expect(admin.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const wide = await app.gql(VACANCIES, { within: 11, agency: 'PROV-MALUKU' });
    expect(wide.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
