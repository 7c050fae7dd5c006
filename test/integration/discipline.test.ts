import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/app/context';
import { Role } from '../../src/platform/auth/auth.types';
import { generateDemoDataset } from '../../src/demo/demo.generate';
import { Employee } from '../../src/modules/employee/employee.entity';
import { rankCandidates } from '../../src/modules/fit/candidates.service';
import { byRank, fitsFor, policyFrom } from '../../src/modules/fit/fit.service';
import { Position } from '../../src/modules/position/position.entity';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * Disciplinary sentences (PP 94/2021): who sees them, how the DISCIPLINE condition shows in a
 * fit and a ranking, and the dataset section's round trip. The demo province has a few: one
 * being served, one of SEDANG that ended just before the five-year window of JPT posts, one
 * BERAT within it (see src/demo/demo.discipline.ts).
 */
const demo = generateDemoDataset({ today: DEMO_TODAY });
const sentences = demo.discipline;
const serving = sentences.find((d) => d.kind === 'POTONGAN_TUKIN_6_BULAN')!;
const heavy = sentences.find((d) => d.kind === 'PEMBEBASAN_JABATAN_12_BULAN')!;
const outside = sentences.find((d) => d.kind === 'POTONGAN_TUKIN_12_BULAN')!;
const ADMIN_VIEWER = { role: Role.ADMIN, subject: 'test', agencyCode: null, nip: null };

let app: TestApp;
let jpt: string;
let pelaksana: string;
const agencyOf = new Map<string, string>();
beforeAll(async () => {
  app = await startTestApp('demo');
  const positions = await app.ok(
    `{ jpt: positions(first: 1, filter: { categories: [JPT_PRATAMA] }) { nodes { code conditions { disciplineLevel disciplineYears } } }
       staff: positions(first: 1, filter: { categories: [PELAKSANA] }) { nodes { code conditions { disciplineLevel } } } }`,
  );
  expect(positions.jpt.nodes[0].conditions).toEqual({
    disciplineLevel: 'SEDANG',
    disciplineYears: 5,
  });
  expect(positions.staff.nodes[0].conditions).toEqual({ disciplineLevel: null });
  jpt = positions.jpt.nodes[0].code;
  pelaksana = positions.staff.nodes[0].code;
  for (const d of [serving, heavy, outside]) {
    const { employee } = await app.ok(
      `query($nip: String!) { employee(nip: $nip) { agency { code } } }`,
      {
        nip: d.nip,
      },
    );
    agencyOf.set(d.nip, employee.agency.code);
  }
}, 120_000);
afterAll(() => app?.close());

const DISCIPLINE_OF = `query($nip: String!) { employee(nip: $nip) { nip discipline { level kind decisionNumber from until } } }`;

describe('an employee’s disciplinary sentences', () => {
  it('are shown to ADMIN and to HR of the employee’s agency, latest first', async () => {
    const expected = sentences
      .filter((d) => d.nip === heavy.nip)
      .map(({ level, kind, decisionNumber, from, until }) => ({
        level,
        kind,
        decisionNumber,
        from,
        until,
      }));
    expect(expected.length).toBeGreaterThan(0);
    const admin = await app.gql(DISCIPLINE_OF, { nip: heavy.nip });
    expect(admin.errors).toBeUndefined();
    expect(admin.data.employee.discipline).toEqual(expected);
    const hr = await app.gql(
      DISCIPLINE_OF,
      { nip: heavy.nip },
      tokenFor('HR', { agency: agencyOf.get(heavy.nip) }),
    );
    expect(hr.errors).toBeUndefined();
    expect(hr.data.employee.discipline).toEqual(expected);
  });

  it('are not found by HR of another agency, and refused to the committee and analysts', async () => {
    const other = agencyOf.get(heavy.nip) === 'PROV-MALUKU' ? 'KAB-MALTENG' : 'PROV-MALUKU';
    const hrOther = await app.gql(
      DISCIPLINE_OF,
      { nip: heavy.nip },
      tokenFor('HR', { agency: other }),
    );
    expect(hrOther.data.employee).toBeNull();
    const committee = await app.gql(
      DISCIPLINE_OF,
      { nip: heavy.nip },
      tokenFor('COMMITTEE', { agency: agencyOf.get(heavy.nip) }),
    );
    expect(committee.data.employee).toEqual({ nip: heavy.nip, discipline: null });
    expect(committee.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const analyst = await app.gql(
      `{ employees(first: 10) { nodes { discipline { level } } } }`,
      {},
      tokenFor('ANALYST'),
    );
    expect(analyst.data.employees.nodes.every((n: any) => n.discipline === null)).toBe(true);
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

const FIT = `query($nip: String!, $p: String!) { fit(nip: $nip, positionCode: $p, policy: { asOf: "${DEMO_TODAY}" }) {
  qualified unmetConditions { code message required actual } } }`;
const codesOf = (fit: { unmetConditions: { code: string }[] }) =>
  fit.unmetConditions.map((c) => c.code);

describe('the DISCIPLINE condition', () => {
  it('bars someone serving a sentence even where the position asks nothing of discipline', async () => {
    const { fit } = await app.ok(FIT, { nip: serving.nip, p: pelaksana });
    expect(codesOf(fit)).toContain('DISCIPLINE');
    expect(fit.qualified).toBe(false);
    const reason = fit.unmetConditions.find((c: any) => c.code === 'DISCIPLINE');
    expect(reason.message).toContain(
      `Is serving a disciplinary sentence (SEDANG, ${serving.from} – ${serving.until})`,
    );
    // The reason names no decision: the committee reads it.
    expect(reason.message).not.toContain(serving.decisionNumber);
  });

  it('bars a heavy sentence within five years from a JPT post, and from nowhere else', async () => {
    expect(codesOf((await app.ok(FIT, { nip: heavy.nip, p: jpt })).fit)).toContain('DISCIPLINE');
    expect(codesOf((await app.ok(FIT, { nip: heavy.nip, p: pelaksana })).fit)).not.toContain(
      'DISCIPLINE',
    );
  });

  it('lets a sentence that ended the day before the window opens pass a JPT post', async () => {
    expect(codesOf((await app.ok(FIT, { nip: outside.nip, p: jpt })).fit)).not.toContain(
      'DISCIPLINE',
    );
    // A day later the same sentence is inside the window (it ended exactly five years before).
    const earlier = await app.ok(
      FIT.replace(`"${DEMO_TODAY}"`, '$asOf').replace('$p: String!)', '$p: String!, $asOf: Date!)'),
      { nip: outside.nip, p: jpt, asOf: addDays(DEMO_TODAY, -1) },
    );
    expect(codesOf(earlier.fit)).toContain('DISCIPLINE');
  });

  it('shows in a JPT post’s candidates, to the committee too, without the decision', async () => {
    const { employee } = await app.ok(
      `query($nip: String!) { employee(nip: $nip) { orgUnit { code } } }`,
      {
        nip: heavy.nip,
      },
    );
    const query = `query($p: String!, $unit: String!) { candidates(positionCode: $p, first: 100,
        filter: { qualifiedOnly: false, orgUnitCode: $unit }, policy: { asOf: "${DEMO_TODAY}" }) {
        nodes { employee { nip } qualified unmetConditions { code message } } } }`;
    const committee = await app.gql(
      query,
      { p: jpt, unit: employee.orgUnit.code },
      tokenFor('COMMITTEE', { agency: 'PROV-MALUKU' }),
    );
    const positionAgency = (
      await app.ok(`query($p: String!) { position(code: $p) { orgUnit { agency { code } } } }`, {
        p: jpt,
      })
    ).position.orgUnit.agency.code;
    const answer =
      positionAgency === 'PROV-MALUKU'
        ? committee
        : await app.gql(query, { p: jpt, unit: employee.orgUnit.code });
    expect(answer.errors).toBeUndefined();
    const node = answer.data.candidates.nodes.find((n: any) => n.employee?.nip === heavy.nip);
    expect(node.qualified).toBe(false);
    const reason = node.unmetConditions.find((c: any) => c.code === 'DISCIPLINE');
    expect(reason.message).toContain('was sentenced BERAT');
    expect(reason.message).not.toContain(heavy.decisionNumber);
  });

  it('ranks the sentenced employees in the fast ranking exactly where the pure scoring does', async () => {
    const ctx = createContext(app.orm, ADMIN_VIEWER);
    const employees = await ctx.em.find(Employee, {}, { orderBy: { id: 'ASC' } });
    const sentencedIds = new Set(
      employees.filter((e) => sentences.some((d) => d.nip === e.nip)).map((e) => e.id),
    );
    expect(sentencedIds.size).toBeGreaterThanOrEqual(5);
    for (const code of [jpt, pelaksana]) {
      const position = await ctx.em.findOneOrFail(Position, { code });
      for (const asOf of [DEMO_TODAY, addDays(DEMO_TODAY, -1), '2024-06-30']) {
        const policy = policyFrom(ctx, { asOf });
        const plain = (await fitsFor(ctx, position, employees, policy)).sort(byRank);
        // The whole fast ranking, a page of 100 at a time.
        const fast: { employeeId: number; result: any }[] = [];
        let after: string | null = null;
        do {
          const page = await rankCandidates(
            createContext(app.orm, ADMIN_VIEWER),
            position,
            null,
            policy,
            {
              first: 100,
              ...(after ? { after } : {}),
            },
          );
          fast.push(...page.nodes);
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after);
        const verdict = (f: { employeeId: number; result: any }) => [
          f.employeeId,
          f.result.jobPersonMatch,
          f.result.qualified,
          f.result.unmetConditions.map((c: any) => c.code).join(','),
        ];
        expect(fast.map(verdict), `${code} ${asOf}`).toEqual(plain.map(verdict));
        const barred = plain.filter((f) =>
          f.result.unmetConditions.some((c: any) => c.code === 'DISCIPLINE'),
        );
        expect(barred.every((f) => sentencedIds.has(f.employeeId))).toBe(true);
        // Today the serving one is barred everywhere; in mid-2024 the BERAT one from JPT posts only.
        if (asOf !== '2024-06-30' || code === jpt) expect(barred.length).toBeGreaterThan(0);
      }
    }
  }, 180_000);
});

describe('the dataset section "discipline"', () => {
  const EXPORT = `{ datasetExport(sections: [DISCIPLINE]) }`;
  const IMPORT = `mutation($d: JSONObject!, $dry: Boolean) { importDataset(input: { dataset: $d, dryRun: $dry }) {
    report { applied sections { section received created updated } issues { section index field code message } } } }`;

  it('exports the demo’s sentences and imports them again without change (idempotent)', async () => {
    const before = (await app.ok(EXPORT)).datasetExport;
    expect(Object.keys(before)).toEqual(['discipline']);
    const sorted = [...sentences].sort((a, b) => (a.nip + a.from).localeCompare(b.nip + b.from));
    expect(before.discipline).toEqual(sorted);
    const again = await app.ok(IMPORT, { d: before });
    const section = again.importDataset.report.sections.find(
      (s: any) => s.section === 'discipline',
    );
    expect(section).toEqual({
      section: 'discipline',
      received: sentences.length,
      created: 0,
      updated: sentences.length,
    });
    expect((await app.ok(EXPORT)).datasetExport).toEqual(before);
  });

  it('updates a sentence by employee and decision number, and adds a new one', async () => {
    const changed = { ...heavy, until: addDays(heavy.until!, 1) };
    const added = {
      nip: heavy.nip,
      level: 'RINGAN',
      kind: 'TEGURAN_LISAN',
      decisionNumber: 'TEST/1/2026',
      from: '2026-01-05',
      until: '2026-01-05',
    };
    const dry = await app.ok(IMPORT, { d: { discipline: [changed, added] }, dry: true });
    expect(dry.importDataset.report.sections.find((s: any) => s.section === 'discipline')).toEqual({
      section: 'discipline',
      received: 2,
      created: 1,
      updated: 1,
    });
    await app.ok(IMPORT, { d: { discipline: [changed, added] } });
    const { employee } = await app.ok(DISCIPLINE_OF, { nip: heavy.nip });
    expect(employee.discipline).toContainEqual({
      level: 'BERAT',
      kind: heavy.kind,
      decisionNumber: heavy.decisionNumber,
      from: heavy.from,
      until: changed.until,
    });
    expect(employee.discipline).toContainEqual({ ...added, nip: undefined });
  });

  it('refuses bad records whole, each issue naming the record, field and reason', async () => {
    const good = {
      nip: heavy.nip,
      level: 'SEDANG',
      kind: 'POTONGAN_TUKIN_9_BULAN',
      decisionNumber: 'X/2',
      from: '2025-01-01',
      until: '2025-09-30',
    };
    const response = await app.gql(IMPORT, {
      d: {
        discipline: [
          good,
          { ...good, nip: '199001012020011999', decisionNumber: 'X/3' },
          { ...good, decisionNumber: 'X/4', level: 'BERAT' },
          { ...good, decisionNumber: 'X/5', until: '2024-12-31' },
          { ...good, decisionNumber: 'X/6', from: '2025-13-01' },
          good,
        ],
      },
    });
    const { report } = response.data.importDataset;
    expect(report.applied).toBe(false);
    expect(report.issues.map((i: any) => [i.index, i.field, i.code])).toEqual([
      [1, 'nip', 'NOT_FOUND'],
      [2, 'kind', 'INVALID'],
      [3, 'until', 'OUT_OF_RANGE'],
      [4, 'from', 'INVALID'],
      [5, 'decisionNumber', 'DUPLICATE'],
    ]);
    expect(report.issues[1].message).toContain(`NIP ${heavy.nip}, decision X/4`);
    const { employee } = await app.ok(DISCIPLINE_OF, { nip: heavy.nip });
    expect(employee.discipline.some((d: any) => d.decisionNumber === 'X/2')).toBe(false);
  });

  it('takes a discipline condition on a position, and keeps it through export', async () => {
    const { position } = await app.ok(`query($p: String!) { position(code: $p) { code } }`, {
      p: pelaksana,
    });
    const update = await app.gql(
      `mutation($p: String!) { updatePosition(input: { code: $p, conditions: { disciplineLevel: BERAT, disciplineYears: 2 } }) {
        position { conditions { disciplineLevel disciplineYears } } userErrors { field message } } }`,
      { p: position.code },
    );
    expect(update.errors).toBeUndefined();
    expect(update.data.updatePosition.position.conditions).toEqual({
      disciplineLevel: 'BERAT',
      disciplineYears: 2,
    });
    const exported = (
      await app.ok(`{ datasetExport(sections: [POSITIONS]) }`)
    ).datasetExport.positions.find((p: any) => p.code === pelaksana);
    expect(exported.conditions).toMatchObject({ disciplineLevel: 'BERAT', disciplineYears: 2 });
    const refused = await app.gql(
      `mutation($p: String!) { updatePosition(input: { code: $p, conditions: { disciplineYears: 11 } }) { userErrors { field message } } }`,
      { p: pelaksana },
    );
    expect(refused.data.updatePosition.userErrors[0].field).toContain('disciplineYears');
  });
});

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
