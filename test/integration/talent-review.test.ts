import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * The talent review (PermenPANRB 3/2020): the committee calibrates boxes with a reason, the
 * computed box kept beside it, and every reader of boxes follows; it nominates successors of a key
 * position and approves the plan as a whole, which the bench strength then counts.
 */
const X = 'PROV-MALUKU';
const COMMITTEE = tokenFor('COMMITTEE', { agency: X });
const OTHER_COMMITTEE = tokenFor('COMMITTEE', { agency: 'KAB-SBB' });
const HR = tokenFor('HR', { agency: X });
const ANALYST = tokenFor('ANALYST');
const ADMIN = tokenFor('ADMIN');
const YEAR = Number(new Date().toISOString().slice(0, 4));
const POLICY = `{ asOf: "${DEMO_TODAY}" }`;

let app: TestApp;
let positionCode: string;
let holderId: string | null;
beforeAll(async () => {
  app = await startTestApp('demo');
  const data = await app.ok(
    `{ positions(first: 50, filter: { agencyCode: "${X}", categories: [ADMINISTRATOR] }) { nodes { code holders(first: 1) { nodes { id } } } } }`,
  );
  const withHolder = data.positions.nodes.find((p: any) => p.holders.nodes.length > 0);
  positionCode = (withHolder ?? data.positions.nodes[0]).code;
  holderId = withHolder?.holders.nodes[0].id ?? null;
});
afterAll(() => app?.close());

const knex = () => app.orm.em.getKnex();
const auditRows = (action: string) =>
  knex()('audit_event')
    .where('action', action)
    .orderBy('id')
    .select('actor_role', 'record_key', 'agency', 'before', 'after');

const CALIBRATE = `mutation($input: CalibrateTalentBoxInput!) { calibrateTalentBox(input: $input) {
  userErrors { field code message } employee { id talentBox(year: ${YEAR}) { box computedBox calibrated reason performance potential inSuccessionPool } } } }`;
const NOMINATE = `mutation($input: NominateSuccessorInput!) { nominateSuccessor(input: $input) {
  userErrors { field code message } position { code successionPlan { version status approvedAt successors { readiness emergency employee { id } } } } } }`;
const APPROVE = `mutation($code: String!) { approveSuccession(input: { positionCode: $code }) {
  userErrors { field code message } position { code successionPlan { version status approvedAt successors { readiness emergency employee { id } } } } } }`;
const MATRIX = `query($scope: AnalyticsScope!) { talentMatrix(scope: $scope, year: ${YEAR}) { cells { box count } } }`;
const SUCCESSION = `query($p: String!, $outside: Boolean!) { succession(positionCode: $p, year: ${YEAR}, first: 100, includeOutsidePool: $outside, policy: ${POLICY}) { box fit { employee { id nip } } } }`;
const BENCH = `query { benchStrength(scope: { agencyCode: "${X}" }, year: ${YEAR}, policy: ${POLICY}) {
  position { code } pool approved approvedReadyNow approvedReadyInOneToTwoYears approvedReadyLater emergencySuccessor } }`;

async function gql(query: string, variables: Record<string, unknown>, token: string) {
  const result = await app.gql(query, variables, token);
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function candidates(
  outside: boolean,
): Promise<{ id: string; nip: string | null; box: number | null }[]> {
  const data = await gql(SUCCESSION, { p: positionCode, outside }, COMMITTEE);
  return data.succession.map((c: any) => ({
    id: c.fit.employee.id,
    nip: c.fit.employee.nip,
    box: c.box,
  }));
}

const boxCount = (m: any, box: number) =>
  m.talentMatrix.cells.find((c: any) => c.box === box).count;

describe('calibrating a talent box', () => {
  it('puts the calibrated box in force beside the computed one, for the matrix, the pool, succession and the bench', async () => {
    const everyone = await candidates(true);
    const outside = everyone.find(
      (c) => c.box !== null && c.box < 7 && c.id !== holderId && c.nip !== null,
    )!;
    expect(outside).toBeDefined();
    const computed = outside.box!;
    const matrixBefore = await gql(MATRIX, { scope: { agencyCode: X } }, ADMIN);
    const benchBefore = (await gql(BENCH, {}, COMMITTEE)).benchStrength;
    expect((await candidates(false)).some((c) => c.id === outside.id)).toBe(false);

    const result = await gql(
      CALIBRATE,
      {
        input: {
          employee: outside.id,
          year: YEAR,
          box: 8,
          reason: '  Memimpin transformasi digital  ',
        },
      },
      COMMITTEE,
    );
    expect(result.calibrateTalentBox).toEqual({
      userErrors: [],
      employee: {
        id: outside.id,
        talentBox: {
          box: 8,
          computedBox: computed,
          calibrated: true,
          reason: 'Memimpin transformasi digital',
          performance: 'MEETS',
          potential: 'HIGH',
          inSuccessionPool: true,
        },
      },
    });

    const matrixAfter = await gql(MATRIX, { scope: { agencyCode: X } }, ADMIN);
    expect(boxCount(matrixAfter, 8)).toBe(boxCount(matrixBefore, 8) + 1);
    expect(boxCount(matrixAfter, computed)).toBe(boxCount(matrixBefore, computed) - 1);
    const pool = await candidates(false);
    expect(pool.find((c) => c.id === outside.id)).toEqual({ ...outside, box: 8 });
    const benchAfter = (await gql(BENCH, {}, COMMITTEE)).benchStrength;
    expect(benchAfter.map((b: any) => b.pool)).toEqual(benchBefore.map((b: any) => b.pool + 1));

    // The box's name and suggested action are the calibrated box's.
    const actions = await gql(`{ talentBoxActions { box action } }`, {}, COMMITTEE);
    const read = await gql(
      `query($id: ID!) { node(id: $id) { ... on Employee { talentBox(year: ${YEAR}) { box action } } } }`,
      { id: outside.id },
      COMMITTEE,
    );
    expect(read.node.talentBox.action).toBe(
      actions.talentBoxActions.find((a: any) => a.box === 8).action,
    );

    // A later calibration supersedes; the earlier one stays; back to the computed box is allowed.
    const again = await gql(
      CALIBRATE,
      {
        input: {
          employee: outside.id,
          year: YEAR,
          box: computed,
          reason: 'Koreksi setelah verifikasi SKP',
        },
      },
      COMMITTEE,
    );
    expect(again.calibrateTalentBox.employee.talentBox).toMatchObject({
      box: computed,
      computedBox: computed,
      calibrated: true,
      reason: 'Koreksi setelah verifikasi SKP',
    });
    const rows = await knex()('talent_calibration')
      .where('year', YEAR)
      .orderBy('id')
      .select('box', 'computed_box', 'reason', 'calibrated_by');
    expect(rows.map((r: any) => [r.box, r.computed_box, r.reason])).toEqual([
      [8, computed, 'Memimpin transformasi digital'],
      [computed, computed, 'Koreksi setelah verifikasi SKP'],
    ]);
    expect((await candidates(false)).some((c) => c.id === outside.id)).toBe(false);

    // Another year is not touched.
    const lastYear = await gql(
      `query($id: ID!) { node(id: $id) { ... on Employee { talentBox(year: ${YEAR - 1}) { calibrated reason } } } }`,
      { id: outside.id },
      COMMITTEE,
    );
    expect(lastYear.node.talentBox).toMatchObject({ calibrated: false, reason: null });

    // The reason is the committee's: HR reads it, the employee sees that the box was calibrated, not why.
    const nip = outside.nip!;
    const own = await app.gql(
      `query($nip: String!) { employee(nip: $nip) { talentBox(year: ${YEAR}) { calibrated reason } } }`,
      { nip },
      tokenFor('EMPLOYEE', { nip }),
    );
    expect(own.data?.employee.talentBox).toEqual({ calibrated: true, reason: null });
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const hr = await gql(
      `query($nip: String!) { employee(nip: $nip) { talentBox(year: ${YEAR}) { reason } } }`,
      { nip },
      HR,
    );
    expect(hr.employee.talentBox.reason).toBe('Koreksi setelah verifikasi SKP');

    const audit = await auditRows('calibrateTalentBox');
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actor_role: 'COMMITTEE', agency: X, before: null });
    expect(audit[0].after).toMatchObject({ box: 8, computedBox: computed });
    expect(audit[1].before).toMatchObject({ box: 8, reason: 'Memimpin transformasi digital' });
    // The database keeps calibrations append-only.
    await expect(knex()('talent_calibration').update({ box: 1 })).rejects.toThrow(/append-only/);
  });

  it('refuses a bad box, year or reason, naming each field, and writes nothing', async () => {
    const [someone] = await candidates(true);
    const before = await knex()('talent_calibration').count<{ count: string }[]>('* as count');
    const result = await gql(
      CALIBRATE,
      { input: { employee: someone.id, year: YEAR + 1, box: 10, reason: '   ' } },
      COMMITTEE,
    );
    expect(result.calibrateTalentBox.employee).toBeNull();
    expect(
      result.calibrateTalentBox.userErrors.map((e: any) => [e.field.join('.'), e.code]),
    ).toEqual([
      ['input.year', 'OUT_OF_RANGE'],
      ['input.box', 'OUT_OF_RANGE'],
      ['input.reason', 'REQUIRED'],
    ]);
    const after = await knex()('talent_calibration').count<{ count: string }[]>('* as count');
    expect(after).toEqual(before);
  });

  it('answers NOT_FOUND for another agency’s employee, and FORBIDDEN to roles that are not the committee', async () => {
    const [someone] = await candidates(true);
    const input = { employee: someone.id, year: YEAR, box: 9, reason: 'Alasan' };
    const foreign = await gql(CALIBRATE, { input }, OTHER_COMMITTEE);
    expect(foreign.calibrateTalentBox).toEqual({
      employee: null,
      userErrors: [
        {
          field: ['input', 'employee'],
          code: 'NOT_FOUND',
          message: `employee: no employee has ID ${someone.id}`,
        },
      ],
    });
    for (const token of [ANALYST, HR, ADMIN]) {
      const refused = await app.gql(CALIBRATE, { input }, token);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data?.calibrateTalentBox ?? null).toBeNull();
    }
    const unknown = await gql(CALIBRATE, { input: { ...input, employee: 'nope' } }, COMMITTEE);
    expect(unknown.calibrateTalentBox.userErrors[0]).toMatchObject({
      field: ['input', 'employee'],
      code: 'NOT_FOUND',
    });
  });
});

describe('a succession plan', () => {
  it('is nominated, refused where the rules say, approved as a whole, counted in the bench, and versioned after', async () => {
    const pool = (await candidates(false)).filter((c) => c.id !== holderId);
    expect(pool.length).toBeGreaterThanOrEqual(3);
    const [first, second, third] = pool;
    const nominate = (input: object, token = COMMITTEE) =>
      gql(NOMINATE, { input: { positionCode, ...input } }, token).then((d) => d.nominateSuccessor);

    const benchOf = async () =>
      (await gql(BENCH, {}, COMMITTEE)).benchStrength.find(
        (b: any) => b.position.code === positionCode,
      );
    expect(await benchOf()).toMatchObject({ approved: 0, emergencySuccessor: false });

    const one = await nominate({ employee: first.id, readiness: 'READY_NOW', emergency: true });
    expect(one).toEqual({
      userErrors: [],
      position: {
        code: positionCode,
        successionPlan: {
          version: 1,
          status: 'DRAFT',
          approvedAt: null,
          successors: [{ readiness: 'READY_NOW', emergency: true, employee: { id: first.id } }],
        },
      },
    });

    const secondEmergency = await nominate({
      employee: second.id,
      readiness: 'ONE_TO_TWO_YEARS',
      emergency: true,
    });
    expect(secondEmergency.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'emergency'], code: 'TAKEN' }),
    ]);
    const two = await nominate({ employee: second.id, readiness: 'ONE_TO_TWO_YEARS' });
    expect(two.position.successionPlan.successors).toHaveLength(2);
    expect(two.position.successionPlan.successors[1]).toMatchObject({ emergency: false });

    const duplicate = await nominate({ employee: first.id, readiness: 'LATER' });
    expect(duplicate.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'employee'], code: 'DUPLICATE' }),
    ]);
    if (holderId) {
      const holder = await nominate({ employee: holderId, readiness: 'READY_NOW' });
      expect(holder.userErrors.map((e: any) => e.message).join(' ')).toContain(
        `holds ${positionCode}`,
      );
    }
    const outsidePool = (await candidates(true)).find(
      (c) => c.box !== null && c.box < 7 && c.id !== holderId,
    )!;
    const notPool = await nominate({ employee: outsidePool.id, readiness: 'LATER' });
    expect(notPool.userErrors[0]).toMatchObject({
      code: 'INVALID',
      message: expect.stringContaining('talent pool'),
    });

    const foreignEmployee = (
      await gql(
        `{ employees(first: 1, filter: { agencyCode: "KAB-SBB" }) { nodes { id } } }`,
        {},
        ADMIN,
      )
    ).employees.nodes[0].id;
    const foreign = await nominate({ employee: foreignEmployee, readiness: 'READY_NOW' });
    expect(foreign.userErrors[0]).toMatchObject({
      field: ['input', 'employee'],
      code: 'NOT_FOUND',
    });

    const plain = (
      await gql(
        `{ positions(first: 1, filter: { agencyCode: "${X}", categories: [PELAKSANA] }) { nodes { code } } }`,
        {},
        COMMITTEE,
      )
    ).positions.nodes[0].code;
    const notKey = await gql(
      NOMINATE,
      { input: { positionCode: plain, employee: third.id, readiness: 'LATER' } },
      COMMITTEE,
    );
    expect(notKey.nominateSuccessor.userErrors[0]).toMatchObject({
      field: ['input', 'positionCode'],
      code: 'INVALID',
      message: expect.stringContaining('key positions'),
    });
    const otherAgency = await nominate({ employee: third.id, readiness: 'LATER' }, OTHER_COMMITTEE);
    expect(otherAgency.userErrors[0]).toMatchObject({
      field: ['input', 'positionCode'],
      code: 'NOT_FOUND',
    });
    expect(
      (
        await app.gql(
          NOMINATE,
          { input: { positionCode, employee: third.id, readiness: 'LATER' } },
          ANALYST,
        )
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');

    // Nothing refused was written, and nothing is counted before the approval.
    expect(await knex()('succession_nominee').count<{ count: string }[]>('* as count')).toEqual([
      { count: '2' },
    ]);
    expect(await benchOf()).toMatchObject({ approved: 0 });

    const approved = (await gql(APPROVE, { code: positionCode }, COMMITTEE)).approveSuccession;
    expect(approved.userErrors).toEqual([]);
    expect(approved.position.successionPlan).toMatchObject({ version: 1, status: 'APPROVED' });
    expect(Date.parse(approved.position.successionPlan.approvedAt)).not.toBeNaN();
    expect(await benchOf()).toMatchObject({
      approved: 2,
      approvedReadyNow: 1,
      approvedReadyInOneToTwoYears: 1,
      approvedReadyLater: 0,
      emergencySuccessor: true,
    });
    const twice = (await gql(APPROVE, { code: positionCode }, COMMITTEE)).approveSuccession;
    expect(twice.userErrors[0]).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('already approved'),
    });
    await expect(knex()('succession_plan').update({ status: 'DRAFT' })).rejects.toThrow(/approved/);

    // Nominating after the approval opens version 2; version 1 stays in force for the bench.
    const next = await nominate({ employee: third.id, readiness: 'LATER', emergency: true });
    expect(next.position.successionPlan).toMatchObject({
      version: 2,
      status: 'DRAFT',
      successors: [{ emergency: true }],
    });
    const history = await gql(
      `query($p: String!) { position(code: $p) { successionPlans { version status successors { employee { id } } } } }`,
      { p: positionCode },
      HR,
    );
    expect(
      history.position.successionPlans.map((p: any) => [p.version, p.status, p.successors.length]),
    ).toEqual([
      [2, 'DRAFT', 1],
      [1, 'APPROVED', 2],
    ]);
    expect(await benchOf()).toMatchObject({ approved: 2 });

    const audit = await knex()('audit_event')
      .where('section', 'succession_plan')
      .orderBy('id')
      .select('action', 'record_key', 'agency');
    expect(audit).toEqual([
      { action: 'nominateSuccessor', record_key: `${positionCode} v1`, agency: X },
      { action: 'nominateSuccessor', record_key: `${positionCode} v1`, agency: X },
      { action: 'approveSuccession', record_key: `${positionCode} v1`, agency: X },
      { action: 'nominateSuccessor', record_key: `${positionCode} v2`, agency: X },
    ]);
  });

  it('refuses approving a position with no draft, and shows no plan or person to an analyst', async () => {
    const positions = await gql(
      `{ positions(first: 50, filter: { agencyCode: "${X}", categories: [PENGAWAS] }) { nodes { code } } }`,
      {},
      COMMITTEE,
    );
    const untouched = positions.positions.nodes[0].code;
    const none = (await gql(APPROVE, { code: untouched }, COMMITTEE)).approveSuccession;
    expect(none).toEqual({
      position: null,
      userErrors: [
        {
          field: ['input', 'positionCode'],
          code: 'NOT_FOUND',
          message: `${untouched} has no draft plan: nominate a successor first`,
        },
      ],
    });
    const analyst = await app.gql(
      `query($p: String!) { position(code: $p) { code successionPlan { successors { employee { id } } } } }`,
      { p: positionCode },
      ANALYST,
    );
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(analyst.data?.position?.successionPlan ?? null).toBeNull();
    expect(JSON.stringify(analyst.data)).not.toContain('Employee');
  });
});
