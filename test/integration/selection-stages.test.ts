import { PDFParse } from 'pdf-parse';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADMINISTRATOR_STAGES } from '../../src/domain/selection-stages';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * A staged selection: it copies its category's stages when opened, the committee scores each
 * candidate stage by stage, those below a pass mark leave, the standings and the three names
 * follow, the scores are sealed, and a what-if over the weights writes nothing.
 */
const X = 'PROV-MALUKU';
const COMMITTEE = tokenFor('COMMITTEE', { agency: X });
const OTHER_COMMITTEE = tokenFor('COMMITTEE', { agency: 'KAB-SBB' });
const HR = tokenFor('HR', { agency: X });
const ADMIN = tokenFor('ADMIN');
const ANALYST = tokenFor('ANALYST');

let app: TestApp;
const positions: Record<string, string> = {};
beforeAll(async () => {
  app = await startTestApp('demo');
  for (const category of ['ADMINISTRATOR', 'JPT_PRATAMA', 'PENGAWAS']) {
    const data = await app.gql(
      `{ positions(first: 1, filter: { agencyCode: "${X}", categories: [${category}] }) { nodes { code } } }`,
      {},
      COMMITTEE,
    );
    positions[category] = data.data.positions.nodes[0]?.code;
  }
});
afterAll(() => app?.close());

const STANDING = `employee { id } rank baseRank total complete droppedAt { name order }
  scores { stage { order } score note fromJobPersonMatch } tieBreak tieNote`;
const SELECTION = `fragment S on Selection { id verified closedAt
  stages { id name kind weight passMark order }
  candidates(first: 100) { nodes { jobPersonMatch employee { id nip } } }
  standings { ${STANDING} }
  proposedNames { employee { id } rank total } }`;
const OPEN = `mutation($input: OpenSelectionInput!) { openSelection(input: $input) {
  userErrors { field code message } selection { ...S } } } ${SELECTION}`;
const SCORE = `mutation($input: RecordStageScoreInput!) { recordStageScore(input: $input) {
  userErrors { field code message } selection { ...S } } } ${SELECTION}`;
const READ = `query($id: ID!) { selection(id: $id) { ...S } } ${SELECTION}`;
const CLOSE = `mutation($id: ID!) { closeSelection(input: { selectionId: $id }) {
  userErrors { code } selection { verified } } }`;

/** SQL on the app's database as its owner; with `triggers: false`, as a superuser can. */
async function sql<T = any>(text: string, values: unknown[] = [], triggers = true): Promise<T[]> {
  const client = new Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    if (!triggers) await client.query('set session_replication_role = replica');
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}
const rowId = (globalId: string) =>
  Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The berita acara's text, white space flattened. */
async function pdfText(id: string): Promise<string> {
  const response = await fetch(`${app.url}/selections/${id}/report.pdf`, {
    headers: { authorization: `Bearer ${COMMITTEE}` },
  });
  expect(response.status).toBe(200);
  const parser = new PDFParse({ data: Buffer.from(await response.arrayBuffer()) });
  const result = await parser.getText();
  await parser.destroy();
  return result.text.replace(/\s+/g, ' ');
}

async function open(category: string) {
  expect(positions[category], `the demo province has a ${category} post in ${X}`).toBeDefined();
  const result = await app.gql(
    OPEN,
    { input: { positionCode: positions[category], policy: { asOf: DEMO_TODAY } } },
    COMMITTEE,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data.openSelection.userErrors).toEqual([]);
  return result.data.openSelection.selection;
}

type Stages = Record<string, { id: string; order: number }>;
const stagesByKind = (selection: any): Stages =>
  Object.fromEntries(selection.stages.map((s: any) => [s.kind, s]));

/** Records a score as `token` (the committee by default); the whole GraphQL answer. */
function score(
  selection: { id: string },
  employee: string,
  stage: { id: string },
  value: number,
  note: string | null = null,
  token = COMMITTEE,
) {
  return app.gql(
    SCORE,
    { input: { selectionId: selection.id, employee, stage: stage.id, score: value, note } },
    token,
  );
}

/** Records scores by stage kind, in order; fails the test on any refusal. */
async function scoreAll(selection: any, employee: string, values: [string, number][]) {
  const stages = stagesByKind(selection);
  let last: any;
  for (const [kind, value] of values) {
    const result = await score(selection, employee, stages[kind], value);
    expect(result.errors).toBeUndefined();
    expect(result.data.recordStageScore.userErrors).toEqual([]);
    last = result.data.recordStageScore.selection;
  }
  return last;
}

describe('stage templates', () => {
  it('are seeded for the JPT categories and the administrator; other categories fall back', async () => {
    const data = await app.ok(
      `{ stageTemplates { category fallback stages { name kind weight passMark order } } }`,
    );
    const byCategory = Object.fromEntries(data.stageTemplates.map((t: any) => [t.category, t]));
    expect(byCategory.JPT_PRATAMA.fallback).toBe(false);
    expect(byCategory.JPT_PRATAMA.stages.map((s: any) => s.kind)).toEqual([
      'ADMINISTRATION',
      'COMPETENCY',
      'TECHNICAL',
      'PAPER',
      'INTERVIEW',
      'TRACK_RECORD',
      'HEALTH_PSYCHOLOGY',
    ]);
    expect(byCategory.ADMINISTRATOR.stages).toHaveLength(5);
    for (const t of data.stageTemplates.filter((t: any) => !t.fallback))
      expect(t.stages.reduce((sum: number, s: any) => sum + s.weight, 0)).toBe(100);
    expect(byCategory.PENGAWAS).toMatchObject({
      fallback: true,
      stages: [{ kind: 'COMPETENCY', weight: 100, passMark: null, order: 1 }],
    });
  });

  it('are changed by ADMIN only, validated stage by stage, and audited; open selections keep theirs', async () => {
    const before = await open('ADMINISTRATOR');
    const SET = `mutation($input: SetStageTemplateInput!) { setStageTemplate(input: $input) {
      userErrors { field code message } stageTemplate { category fallback stages { name weight order } } } }`;
    const stages = [
      { name: 'Administrasi', kind: 'ADMINISTRATION', weight: 0, passMark: 100, order: 1 },
      { name: 'Kompetensi', kind: 'COMPETENCY', weight: 70, passMark: 70, order: 2 },
      { name: 'Wawancara', kind: 'INTERVIEW', weight: 30, order: 3 },
    ];
    const input = (list: object[]) => ({ input: { category: 'ADMINISTRATOR', stages: list } });
    for (const token of [COMMITTEE, HR, ANALYST]) {
      const refused = await app.gql(SET, input(stages), token);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const invalid = await app.gql(
      SET,
      input([stages[0], { ...stages[1], weight: 60 }, { ...stages[2], order: 2, name: ' ' }]),
      ADMIN,
    );
    expect(invalid.data.setStageTemplate.userErrors).toEqual([
      {
        field: ['input', 'stages', '2', 'name'],
        code: 'REQUIRED',
        message: 'stages[2].name: a stage needs a name',
      },
      {
        field: ['input', 'stages', '2', 'order'],
        code: 'DUPLICATE',
        message: 'stages[2].order: order 2 is given to an earlier stage too',
      },
      {
        field: ['input', 'stages'],
        code: 'OUT_OF_RANGE',
        message: 'stages: the weights add up to 90, not 100',
      },
    ]);
    const set = await app.gql(SET, input(stages), ADMIN);
    expect(set.data.setStageTemplate).toEqual({
      userErrors: [],
      stageTemplate: {
        category: 'ADMINISTRATOR',
        fallback: false,
        stages: stages.map(({ name, weight, order }) => ({ name, weight, order })),
      },
    });
    const after = await open('ADMINISTRATOR');
    expect(after.stages.map((s: any) => [s.kind, s.weight, s.passMark])).toEqual([
      ['ADMINISTRATION', 0, 100],
      ['COMPETENCY', 70, 70],
      ['INTERVIEW', 30, null],
    ]);
    const kept = (await app.gql(READ, { id: before.id }, COMMITTEE)).data.selection;
    expect(kept.stages).toEqual(before.stages);
    expect(kept.verified).toBe(true);
    const trail = await app.ok(
      `{ auditEvents(first: 5, filter: { action: "setStageTemplate" }) { nodes { recordKey before after } } }`,
    );
    expect(trail.auditEvents.nodes[0].recordKey).toBe('ADMINISTRATOR');
    expect(trail.auditEvents.nodes[0].before).toHaveLength(5);
    expect(trail.auditEvents.nodes[0].after).toHaveLength(3);

    // Back to the default, for the tests after this one.
    const reset = await app.gql(
      SET,
      input(DEFAULT_ADMINISTRATOR_STAGES.map((s) => ({ ...s }))),
      ADMIN,
    );
    expect(reset.data.setStageTemplate.userErrors).toEqual([]);
  });
});

describe('a staged selection', () => {
  it('copies its category’s stages under its fingerprint; without a template, ranks by the frozen JPM', async () => {
    const jpt = await open('JPT_PRATAMA');
    expect(jpt.stages).toHaveLength(7);
    expect(jpt.stages.map((s: any) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(jpt.verified).toBe(true);

    const pengawas = await open('PENGAWAS');
    expect(pengawas.stages.map((s: any) => [s.kind, s.weight])).toEqual([['COMPETENCY', 100]]);
    // The JPM is the only score: the higher first, equal ones in the frozen order.
    const byJpm = [...pengawas.candidates.nodes].sort(
      (x: any, y: any) => y.jobPersonMatch - x.jobPersonMatch,
    );
    expect(pengawas.standings.map((s: any) => s.employee.id)).toEqual(
      byJpm.map((n: any) => n.employee.id),
    );
    expect(pengawas.standings[0]).toMatchObject({
      rank: 1,
      complete: true,
      scores: [{ score: byJpm[0].jobPersonMatch, fromJobPersonMatch: true }],
    });
    expect(pengawas.standings[0].total).toBeCloseTo(byJpm[0].jobPersonMatch, 6);
    expect(pengawas.proposedNames.map((s: any) => s.employee.id)).toEqual(
      byJpm.slice(0, 3).map((n: any) => n.employee.id),
    );
  });

  it('takes scores stage by stage: one drops, the best complete ones are proposed, a tie is explained', async () => {
    const selection = await open('ADMINISTRATOR');
    const [a, b, c, d] = selection.candidates.nodes.map((n: any) => n.employee.id);
    const stages = stagesByKind(selection);
    // Administrator defaults: competency 40 (pass 68), technical 30 (pass 60), interview 20, track record 10.
    await scoreAll(selection, a, [
      ['ADMINISTRATION', 100],
      ['COMPETENCY', 80],
      ['TECHNICAL', 70],
      ['INTERVIEW', 90],
      ['TRACK_RECORD', 80],
    ]);
    await scoreAll(selection, b, [
      ['ADMINISTRATION', 100],
      ['COMPETENCY', 90],
      ['TECHNICAL', 80],
      ['INTERVIEW', 80],
      ['TRACK_RECORD', 70],
    ]);
    await scoreAll(selection, c, [
      ['ADMINISTRATION', 100],
      ['COMPETENCY', 70],
      ['TECHNICAL', 50],
    ]);
    let read = await scoreAll(selection, d, [['ADMINISTRATION', 0]]);

    const standing = (id: string) => read.standings.find((s: any) => s.employee.id === id);
    expect(standing(b)).toMatchObject({ rank: 1, total: 83, complete: true, tieBreak: null });
    expect(standing(a)).toMatchObject({ rank: 2, total: 79, complete: true });
    expect(standing(c)).toMatchObject({
      rank: null,
      total: null,
      droppedAt: { name: 'Kompetensi teknis', order: 3 },
    });
    expect(standing(d)).toMatchObject({ rank: null, droppedAt: { order: 1 } });
    // The dropped come last, the one who went further first.
    // (Candidates without a competency score whose frozen JPM is below 68 dropped there too.)
    const dropped = read.standings.filter((s: any) => s.rank === null);
    expect(read.standings.slice(-dropped.length)).toEqual(dropped);
    const orders = dropped.map((s: any) => s.droppedAt.order);
    expect(orders).toEqual([...orders].sort((x, y) => y - x));
    expect(dropped[0].employee.id).toBe(c);
    expect(dropped.filter((s: any) => s.droppedAt.order === 1)).toEqual([standing(d)]);
    expect(read.proposedNames).toEqual([
      { employee: { id: b }, rank: 1, total: 83 },
      { employee: { id: a }, rank: 2, total: 79 },
    ]);
    expect(read.verified).toBe(true);

    // Dropped at the technical stage, c takes no interview.
    const late = await score(selection, c, stages.INTERVIEW, 90);
    expect(late.data.recordStageScore.userErrors).toEqual([
      {
        field: ['input', 'stage'],
        code: 'INVALID',
        message: expect.stringMatching(
          /dropped at stage 3 \(Kompetensi teknis\), below its pass mark 60, and takes no later stage such as 4 \(Wawancara\)/,
        ),
      },
    ]);

    // A correction supersedes, both kept: a's interview and track record raised tie a with b.
    await scoreAll(selection, a, [
      ['INTERVIEW', 100],
      ['TRACK_RECORD', 100],
    ]);
    read = (await app.gql(READ, { id: selection.id }, COMMITTEE)).data.selection;
    expect(standing(a)).toMatchObject({ rank: 2, total: 83, tieBreak: 'COMPETENCY_SCORE' });
    expect(standing(b)).toMatchObject({ rank: 1, total: 83, tieBreak: 'COMPETENCY_SCORE' });
    expect(standing(a).tieNote).toContain('higher competency score (80 against 90)');
    expect(standing(a).scores.find((s: any) => s.stage.order === 4).score).toBe(100);
    const rows = await sql(
      `select id, supersedes_id, score from selection_stage_score
        where selection_id = $1 and employee_id = $2 order by id`,
      [rowId(selection.id), rowId(a)],
    );
    expect(rows.map((r) => r.score)).toEqual([100, 80, 70, 90, 80, 100, 100]);

    // The berita acara prints the same stages, scores, drop-out and names, as the screen has them.
    const names = await app.ok(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { name } } }`,
      {
        ids: [b, a, c],
      },
    );
    const [nameB, nameA, nameC] = names.nodes.map((n: any) => n.name);
    const text = await pdfText(selection.id);
    expect(text).toContain('Tahapan seleksi dan nilai');
    expect(text).toContain('Kompetensi teknis (30,0%, lulus ≥ 60,0)');
    expect(text).toMatch(new RegExp(`${escape(nameC)} .*Gugur pada tahap Kompetensi teknis`));
    const proposed = text.slice(text.indexOf('Nama yang diusulkan kepada PPK'));
    expect(proposed).toMatch(
      new RegExp(
        `1\\. ${escape(nameB)} \\(NIP \\d{18}\\), nilai akhir 83,0; .*diurutkan menurut nilai kompetensi lebih tinggi`,
      ),
    );
    expect(proposed).toContain(`2. ${nameA} (NIP`);
    expect(proposed).not.toContain(nameC);
    expect(rows[5].supersedes_id).toBe(rows[3].id);
    expect(read.verified).toBe(true);

    const trail = await app.ok(
      `query($key: String!) { auditEvents(first: 5, filter: { action: "recordStageScore", recordKey: $key }) { nodes { before after } } }`,
      { key: `${rowId(selection.id)} ${selection.candidates.nodes[0].employee.nip ?? a} 4` },
    );
    expect(
      trail.auditEvents.nodes.map((e: any) => [e.before?.score ?? null, e.after.score]),
    ).toEqual(
      expect.arrayContaining([
        [null, 90],
        [90, 100],
      ]),
    );
  });

  it('refuses a score out of range, a pass/fail score other than 0 or 100, and strangers', async () => {
    const selection = await open('ADMINISTRATOR');
    const [a] = selection.candidates.nodes.map((n: any) => n.employee.id);
    const stages = stagesByKind(selection);
    const refusal = async (employee: string, stage: { id: string }, value: number) =>
      (await score(selection, employee, stage, value)).data.recordStageScore.userErrors;
    expect(await refusal(a, stages.ADMINISTRATION, 50)).toMatchObject([
      {
        field: ['input', 'score'],
        code: 'OUT_OF_RANGE',
        message: expect.stringContaining('ADMINISTRATION only passes or fails'),
      },
    ]);
    expect(await refusal(a, stages.TECHNICAL, 100.5)).toMatchObject([
      { field: ['input', 'score'], code: 'OUT_OF_RANGE' },
    ]);
    const stranger = Buffer.from('Employee:999999').toString('base64url');
    expect(await refusal(stranger, stages.TECHNICAL, 70)).toMatchObject([
      { field: ['input', 'employee'], code: 'NOT_FOUND' },
    ]);
    // A stage of another selection is not one of this one.
    const other = stagesByKind(await open('ADMINISTRATOR'));
    expect(await refusal(a, other.TECHNICAL, 70)).toMatchObject([
      { field: ['input', 'stage'], code: 'NOT_FOUND' },
    ]);
    expect(
      await sql(`select count(*)::int as n from selection_stage_score where selection_id = $1`, [
        rowId(selection.id),
      ]),
    ).toEqual([{ n: 0 }]);
  });

  it('is scored by the committee of its agency only: another agency’s gets NOT_FOUND, others FORBIDDEN', async () => {
    const selection = await open('ADMINISTRATOR');
    const [a] = selection.candidates.nodes.map((n: any) => n.employee.id);
    const stage = stagesByKind(selection).ADMINISTRATION;
    const foreign = await score(selection, a, stage, 100, null, OTHER_COMMITTEE);
    expect(foreign.data.recordStageScore.userErrors).toMatchObject([
      { field: ['input', 'selectionId'], code: 'NOT_FOUND' },
    ]);
    for (const token of [HR, ADMIN, ANALYST]) {
      const refused = await score(selection, a, stage, 100, null, token);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const analystReads = await app.gql(READ, { id: selection.id }, ANALYST);
    expect(analystReads.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(READ, { id: selection.id }, OTHER_COMMITTEE)).data.selection).toBeNull();
    // HR of the agency reads the standings.
    const hr = (await app.gql(READ, { id: selection.id }, HR)).data.selection;
    expect(hr.standings).toHaveLength(selection.candidates.nodes.length);
  });

  it('refuses scores once closed; a score or stage changed past the triggers does not verify', async () => {
    const selection = await open('ADMINISTRATOR');
    const [a, b] = selection.candidates.nodes.map((n: any) => n.employee.id);
    await scoreAll(selection, a, [
      ['ADMINISTRATION', 100],
      ['COMPETENCY', 75],
    ]);
    await scoreAll(selection, b, [['ADMINISTRATION', 100]]);
    const id = rowId(selection.id);
    await expect(
      sql(`update selection_stage_score set score = 95 where selection_id = $1`, [id]),
    ).rejects.toThrow(/stage scores are append-only: UPDATE/);
    await expect(
      sql(`update selection_stage set weight = 50 where selection_id = $1`, [id]),
    ).rejects.toThrow(/the stages of a selection are frozen: UPDATE/);

    const closed = await app.gql(CLOSE, { id: selection.id }, COMMITTEE);
    expect(closed.data.closeSelection).toEqual({ userErrors: [], selection: { verified: true } });
    const late = await score(selection, b, stagesByKind(selection).COMPETENCY, 80);
    expect(late.data.recordStageScore.userErrors).toMatchObject([{ code: 'CLOSED' }]);
    await expect(
      sql(
        `insert into selection_stage_score (selection_id, stage_id, employee_id, score, recorded_by, mac)
         select selection_id, stage_id, employee_id, 0, 'x', mac from selection_stage_score where selection_id = $1 limit 1`,
        [id],
      ),
    ).rejects.toThrow(/is closed: no score is added/);

    const verifiedNow = async () =>
      (
        await app.gql(
          `query($id: ID!) { selection(id: $id) { verified } }`,
          { id: selection.id },
          COMMITTEE,
        )
      ).data.selection.verified;
    const [competency] = await sql(
      `select s.id, s.score from selection_stage_score s join selection_stage t on t.id = s.stage_id
        where s.selection_id = $1 and t.kind = 'COMPETENCY'`,
      [id],
    );
    await sql(`update selection_stage_score set score = 99 where id = $1`, [competency.id], false);
    expect(await verifiedNow()).toBe(false);
    await sql(
      `update selection_stage_score set score = $2 where id = $1`,
      [competency.id, competency.score],
      false,
    );
    expect(await verifiedNow()).toBe(true);
    await sql(
      `update selection_stage set pass_mark = 50 where selection_id = $1 and kind = 'COMPETENCY'`,
      [id],
      false,
    );
    expect(await verifiedNow()).toBe(false);
    await sql(
      `update selection_stage set pass_mark = 68 where selection_id = $1 and kind = 'COMPETENCY'`,
      [id],
      false,
    );
    expect(await verifiedNow()).toBe(true);
    await sql(`delete from selection_stage_score where id = $1`, [competency.id], false);
    expect(await verifiedNow()).toBe(false);
  });
});

describe('the standings’ statements', () => {
  it('do not grow with the number of candidates scored', async () => {
    const selection = await open('ADMINISTRATOR');
    const STANDINGS = `query($id: ID!) { selection(id: $id) { stages { id }
      standings { ${STANDING} employee { nip name } } proposedNames { employee { id } } } }`;
    const statements = async () => {
      const answer = await app.gql(STANDINGS, { id: selection.id }, COMMITTEE);
      expect(answer.errors).toBeUndefined();
      return answer.extensions?.sqlStatements;
    };
    const before = await statements();
    for (const node of selection.candidates.nodes.slice(0, 3))
      await scoreAll(selection, node.employee.id, [
        ['ADMINISTRATION', 100],
        ['COMPETENCY', 80],
        ['TECHNICAL', 80],
      ]);
    expect(await statements()).toBe(before);
    expect(before).toBeLessThanOrEqual(6);
  });
});

describe('a what-if over the stage weights', () => {
  const TABLES = [
    'selection',
    'selection_stage',
    'selection_stage_score',
    'selection_decision',
    'stage_template_stage',
    'audit_event',
  ];
  /** Every row of the tables a selection touches, as text: equal before and after means nothing was written. */
  const rowsNow = () =>
    Promise.all(
      TABLES.map((t) =>
        sql(
          `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${t} t`,
        ),
      ),
    );

  it('answers the standings under other weights, shows how ranks moved, and writes nothing', async () => {
    const selection = await open('ADMINISTRATOR');
    const [a, b] = selection.candidates.nodes.map((n: any) => n.employee.id);
    await scoreAll(selection, a, [
      ['ADMINISTRATION', 100],
      ['COMPETENCY', 95],
      ['TECHNICAL', 60],
      ['INTERVIEW', 60],
      ['TRACK_RECORD', 60],
    ]);
    await scoreAll(selection, b, [
      ['ADMINISTRATION', 100],
      ['COMPETENCY', 70],
      ['TECHNICAL', 90],
      ['INTERVIEW', 90],
      ['TRACK_RECORD', 90],
    ]);
    const stages = stagesByKind(selection);
    const WHAT_IF = `query($id: ID!, $weights: [StageWeightInput!]) { selection(id: $id) {
      standings(weights: $weights) { ${STANDING} }
      proposedNames(weights: $weights) { employee { id } rank baseRank total } } }`;
    const weights = [
      { stage: stages.COMPETENCY.id, weight: 85 },
      { stage: stages.TECHNICAL.id, weight: 5 },
      { stage: stages.INTERVIEW.id, weight: 5 },
      { stage: stages.TRACK_RECORD.id, weight: 5 },
    ];
    const base = (await app.gql(WHAT_IF, { id: selection.id }, COMMITTEE)).data.selection;
    // Under the defaults (40/30/20/10): a 74, b 82.
    expect(base.proposedNames).toEqual([
      { employee: { id: b }, rank: 1, baseRank: 1, total: 82 },
      { employee: { id: a }, rank: 2, baseRank: 2, total: 74 },
    ]);

    const before = await rowsNow();
    const changed = await app.gql(WHAT_IF, { id: selection.id, weights }, COMMITTEE);
    expect(changed.errors).toBeUndefined();
    expect(changed.data.selection.proposedNames).toEqual([
      { employee: { id: a }, rank: 1, baseRank: 2, total: 89.75 },
      { employee: { id: b }, rank: 2, baseRank: 1, total: 73 },
    ]);
    const refused = await app.gql(
      WHAT_IF,
      { id: selection.id, weights: [{ stage: stages.ADMINISTRATION.id, weight: 10 }] },
      COMMITTEE,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toContain(
      'weights[0].weight: Seleksi administrasi only passes or fails and carries no weight',
    );
    const short = await app.gql(
      WHAT_IF,
      { id: selection.id, weights: weights.slice(0, 1) },
      COMMITTEE,
    );
    expect(short.errors?.[0].message).toContain(
      "weights: the stages' weights would add up to 145, not 100",
    );
    expect(await rowsNow()).toEqual(before);

    const again = (await app.gql(WHAT_IF, { id: selection.id }, COMMITTEE)).data.selection;
    expect(again).toEqual(base);
  });
});
