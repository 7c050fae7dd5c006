import { Client } from 'pg';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * A committee's selection: the ranking frozen at opening stays what it was whatever changes,
 * its fingerprint shows tampering, decisions stop when it closes, and the report reads back.
 */
const X = 'PROV-MALUKU';
const COMMITTEE = tokenFor('COMMITTEE', { agency: X });
const OTHER_COMMITTEE = tokenFor('COMMITTEE', { agency: 'KAB-SBB' });
const HR = tokenFor('HR', { agency: X });
const ADMIN = tokenFor('ADMIN');

let app: TestApp;
let positionCode: string;
beforeAll(async () => {
  app = await startTestApp('demo');
  const data = await app.gql(
    `{ positions(first: 1, filter: { agencyCode: "${X}", categories: [ADMINISTRATOR] }) { nodes { code } } }`,
    {},
    COMMITTEE,
  );
  positionCode = data.data.positions.nodes[0].code;
});
afterAll(() => app?.close());

const SELECTION = `fragment S on Selection { id fingerprint verified openedBy closedAt note
  policy { asOf scale minJobPersonMatch }
  position { code }
  candidates(first: 100) { totalCount nodes { jobPersonMatch qualified readiness employee { nip name } } }
  decisions { decision reason employee { nip } } }`;
const OPEN = `mutation($input: OpenSelectionInput!) { openSelection(input: $input) {
  userErrors { field code message } selection { ...S } } } ${SELECTION}`;
const DECIDE = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) {
  userErrors { field code message } selection { ...S } } } ${SELECTION}`;
const CLOSE = `mutation($id: ID!) { closeSelection(input: { selectionId: $id }) {
  userErrors { field code message } selection { ...S } } } ${SELECTION}`;
const READ = `query($id: ID!) { selection(id: $id) { ...S } } ${SELECTION}`;
const LIVE = `query($p: String!) { candidates(positionCode: $p, first: 100, policy: { asOf: "${DEMO_TODAY}" }) {
  nodes { jobPersonMatch qualified employee { nip } } } }`;

async function open(note = 'Rapat Baperjakat') {
  const result = await app.gql(
    OPEN,
    { input: { positionCode, policy: { asOf: DEMO_TODAY }, note } },
    COMMITTEE,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data.openSelection.userErrors).toEqual([]);
  return result.data.openSelection.selection;
}

describe('a selection', () => {
  it('freezes the ranking as it was, and keeps showing it after the data changes', async () => {
    const live = (await app.gql(LIVE, { p: positionCode }, COMMITTEE)).data.candidates.nodes;
    const selection = await open();
    expect(selection.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(selection.verified).toBe(true);
    expect(selection.policy).toMatchObject({ asOf: DEMO_TODAY, scale: 'OPTIMAL' });
    const frozen = selection.candidates.nodes.map((n: any) => [n.employee.nip, n.jobPersonMatch]);
    expect(frozen).toEqual(live.map((n: any) => [n.employee.nip, n.jobPersonMatch]));

    // The last candidate is assessed at the top level of every requirement: the live ranking moves.
    const last = live.at(-1).employee.nip;
    const requirements = (
      await app.ok(
        `query($p: String!) { position(code: $p) { requirements { competency { code } } } }`,
        {
          p: positionCode,
        },
      )
    ).position.requirements.map((r: any) => ({ competency: r.competency.code, level: 5 }));
    const recorded = await app.ok(
      `mutation($nip: String!, $results: [AssessmentResultInput!]!) { recordAssessment(input: {
         nip: $nip, assessedOn: "${DEMO_TODAY}", method: ASSESSMENT_CENTER, results: $results }) { userErrors { message } } }`,
      { nip: last, results: requirements },
    );
    expect(recorded.recordAssessment.userErrors).toEqual([]);
    const moved = (await app.gql(LIVE, { p: positionCode }, COMMITTEE)).data.candidates.nodes;
    expect(moved.map((n: any) => n.employee.nip)).not.toEqual(live.map((n: any) => n.employee.nip));

    const again = (await app.gql(READ, { id: selection.id }, COMMITTEE)).data.selection;
    expect(again.candidates).toEqual(selection.candidates);
    expect(again.verified).toBe(true);
    expect(again.fingerprint).toBe(selection.fingerprint);
  });

  it('shows a changed snapshot as not verified', async () => {
    const selection = await open();
    const sql = new Client({ connectionString: app.databaseUrl });
    await sql.connect();
    try {
      const id = Number(Buffer.from(selection.id, 'base64url').toString().split(':')[1]);
      await sql.query(
        `update selection set snapshot = jsonb_set(snapshot, '{candidates,0,result,jobPersonMatch}', '99.99') where id = $1`,
        [id],
      );
    } finally {
      await sql.end();
    }
    const read = (await app.gql(READ, { id: selection.id }, COMMITTEE)).data.selection;
    expect(read.verified).toBe(false);
    expect(read.candidates.nodes[0].jobPersonMatch).toBe(99.99);
  });

  it('takes decisions with reasons on its candidates until it is closed', async () => {
    const selection = await open();
    const [first, second] = selection.candidates.nodes.map((n: any) => n.employee.nip);
    const decide = (input: object, token = COMMITTEE) =>
      app.gql(DECIDE, { input: { selectionId: selection.id, ...input } }, token);

    const shortlisted = await decide({
      nip: first,
      decision: 'SHORTLISTED',
      reason: 'JPM tertinggi',
    });
    expect(shortlisted.data.recordDecision.userErrors).toEqual([]);
    const selected = await decide({ nip: first, decision: 'SELECTED', reason: 'Hasil wawancara' });
    expect(selected.data.recordDecision.selection.decisions).toEqual([
      { decision: 'SHORTLISTED', reason: 'JPM tertinggi', employee: { nip: first } },
      { decision: 'SELECTED', reason: 'Hasil wawancara', employee: { nip: first } },
    ]);
    const stranger = await decide({ nip: '199001012015011999', decision: 'SELECTED', reason: 'x' });
    expect(stranger.data.recordDecision.userErrors).toMatchObject([
      { field: ['input', 'nip'], code: 'NOT_FOUND' },
    ]);
    const noReason = await decide({ nip: second, decision: 'NOT_SELECTED', reason: '   ' });
    expect(noReason.data.recordDecision.userErrors).toMatchObject([
      { field: ['input', 'reason'], code: 'REQUIRED' },
    ]);

    const closed = await app.gql(CLOSE, { id: selection.id }, COMMITTEE);
    expect(closed.data.closeSelection.userErrors).toEqual([]);
    expect(closed.data.closeSelection.selection.closedAt).not.toBeNull();
    const late = await decide({ nip: second, decision: 'NOT_SELECTED', reason: 'Terlambat' });
    expect(late.data.recordDecision.userErrors).toMatchObject([{ code: 'CLOSED' }]);
    const twice = await app.gql(CLOSE, { id: selection.id }, COMMITTEE);
    expect(twice.data.closeSelection.userErrors).toMatchObject([{ code: 'CLOSED' }]);
    const read = (await app.gql(READ, { id: selection.id }, COMMITTEE)).data.selection;
    expect(read.decisions).toHaveLength(2);

    const trail = await app.ok(
      `{ auditEvents(first: 50, filter: { section: "selections" }) { nodes { action recordKey } } }`,
    );
    const actions = trail.auditEvents.nodes.map((e: any) => e.action);
    for (const action of ['openSelection', 'recordDecision', 'closeSelection'])
      expect(actions).toContain(action);
  });

  it('is decided by the committee of its agency only; HR and ADMIN read it; others do not see it', async () => {
    const selection = await open();
    const nip = selection.candidates.nodes[0].employee.nip;
    const input = { selectionId: selection.id, nip, decision: 'SHORTLISTED', reason: 'x' };
    for (const token of [HR, ADMIN]) {
      const read = await app.gql(READ, { id: selection.id }, token);
      expect(read.data.selection.fingerprint).toBe(selection.fingerprint);
      const refused = await app.gql(DECIDE, { input }, token);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const hrOpens = await app.gql(OPEN, { input: { positionCode } }, HR);
    expect(hrOpens.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(READ, { id: selection.id }, OTHER_COMMITTEE)).data.selection).toBeNull();
    const foreign = await app.gql(DECIDE, { input }, OTHER_COMMITTEE);
    expect(foreign.data.recordDecision.userErrors).toMatchObject([
      { field: ['input', 'selectionId'], code: 'NOT_FOUND' },
    ]);
    const list = await app.gql(`{ selections(first: 100) { totalCount } }`, {}, OTHER_COMMITTEE);
    expect(list.data.selections.totalCount).toBe(0);
  });
});

describe('the committee report', () => {
  it('is a PDF in Indonesian with the position, the frozen ranking, the decisions and the fingerprint', async () => {
    const selection = await open('Seleksi terbuka');
    const [top] = selection.candidates.nodes;
    await app.gql(
      DECIDE,
      {
        input: {
          selectionId: selection.id,
          nip: top.employee.nip,
          decision: 'SELECTED',
          reason: 'Nilai JPM tertinggi',
        },
      },
      COMMITTEE,
    );
    const response = await fetch(`${app.url}/selections/${selection.id}/report.pdf`, {
      headers: { authorization: `Bearer ${COMMITTEE}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: bytes });
    const { text } = await parser.getText();
    await parser.destroy();
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('BERITA ACARA SELEKSI JABATAN');
    expect(flat).toContain(positionCode);
    expect(flat).toContain(top.employee.name);
    expect(flat).toContain(top.employee.nip);
    expect(flat).toContain(
      new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(top.jobPersonMatch),
    );
    expect(flat).toContain('Terpilih');
    expect(flat).toContain('Nilai JPM tertinggi');
    expect(flat).toContain(selection.fingerprint);
    expect(flat).toContain('Tanda tangan');

    const anonymous = await fetch(`${app.url}/selections/${selection.id}/report.pdf`);
    expect(anonymous.status).toBe(401);
    const foreign = await fetch(`${app.url}/selections/${selection.id}/report.pdf`, {
      headers: { authorization: `Bearer ${OTHER_COMMITTEE}` },
    });
    expect(foreign.status).toBe(404);
  });

  it('spends the caller’s budget, and answers 429 with Retry-After past it', async () => {
    const limited = await startTestApp('demo', { costPerMinute: 1_500 });
    try {
      const opened = await limited.gql(
        `mutation($p: String!) { openSelection(input: { positionCode: $p }) { selection { id } } }`,
        { p: positionCode },
        COMMITTEE,
      );
      const id = opened.data.openSelection.selection.id;
      const report = () =>
        fetch(`${limited.url}/selections/${id}/report.pdf`, {
          headers: { authorization: `Bearer ${COMMITTEE}` },
        });
      expect((await report()).status).toBe(200);
      const refused = await report();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
