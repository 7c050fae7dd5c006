import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from '../support/constants';
import { formatJpm } from '../../src/domain/selection.format';
import { canonicalJson } from '../../src/modules/selection/selection.snapshot';
import { setSelectionKey } from '../../src/modules/selection/selection.record';
import {
  startTestApp,
  TEST_SELECTION_KEY,
  tokenFor,
  withMinuteLeft,
  type TestApp,
} from '../support/harness';

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

const SELECTION = `fragment S on Selection { id fingerprint fingerprintScheme verified openedBy closedAt note
  policy { asOf scale minJobPersonMatch }
  position { code }
  candidates(first: 100) { totalCount nodes { jobPersonMatch qualified readiness employee { id nip name employmentType } } }
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

/**
 * Runs SQL on the app's database as its owner, as someone with database access would; with
 * `triggers: false`, with the triggers of the session off, as a superuser can.
 */
async function sql<T = any>(
  text: string,
  values: unknown[] = [],
  options: { triggers: boolean } = { triggers: true },
): Promise<T[]> {
  const client = new Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    if (!options.triggers) await client.query('set session_replication_role = replica');
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}
const withoutTriggers = { triggers: false };

const rowId = (globalId: string) =>
  Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);
const plainSha256 = (value: unknown) =>
  createHash('sha256').update(canonicalJson(value)).digest('hex');

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

  it('shows a snapshot changed by someone with database access as not verified', async () => {
    const selection = await open();
    expect(selection.fingerprintScheme).toBe('HMAC_SHA256');
    const id = rowId(selection.id);
    // The database refuses the change outright…
    await expect(
      sql(
        `update selection set snapshot = jsonb_set(snapshot, '{candidates,0,result,jobPersonMatch}', '99.99') where id = $1`,
        [id],
      ),
    ).rejects.toThrow(/only closing changes a selection/);
    // …and past its triggers, a JPM changed with its plain SHA-256 recomputed does not verify.
    const [row] = await sql(`select snapshot from selection where id = $1`, [id]);
    row.snapshot.candidates[0].result.jobPersonMatch = 99.99;
    await sql(
      `update selection set snapshot = $2, fingerprint = $3 where id = $1`,
      [id, JSON.stringify(row.snapshot), plainSha256(row.snapshot)],
      withoutTriggers,
    );
    const read = (await app.gql(READ, { id: selection.id }, COMMITTEE)).data.selection;
    expect(read.candidates.nodes[0].jobPersonMatch).toBe(99.99);
    expect(read.fingerprint).toBe(plainSha256(row.snapshot));
    expect(read.verified).toBe(false);
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
    // The later decision on the candidate is the one in force; the earlier one is kept.
    expect(selected.data.recordDecision.selection.decisions).toEqual([
      { decision: 'SELECTED', reason: 'Hasil wawancara', employee: { nip: first } },
    ]);
    expect(selected.data.recordDecision.selection.verified).toBe(true);
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
    expect(read.decisions).toHaveLength(1);
    expect(read.verified).toBe(true);

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

const HISTORY = `query($id: ID!) { selection(id: $id) { verified
  decisions(history: true) { decision reason current employee { nip } supersedes { decision reason } } } }`;

/** Records a decision as the committee; fails the test on any error. */
async function decide(selectionId: string, input: object) {
  const result = await app.gql(DECIDE, { input: { selectionId, ...input } }, COMMITTEE);
  expect(result.errors).toBeUndefined();
  expect(result.data.recordDecision.userErrors).toEqual([]);
  return result.data.recordDecision.selection;
}

const verifiedNow = async (id: string) =>
  (await app.gql(`query($id: ID!) { selection(id: $id) { verified } }`, { id }, COMMITTEE)).data
    .selection.verified;

describe('the record of a selection', () => {
  it('keeps a corrected decision: the correction supersedes it, and is the one in force', async () => {
    const selection = await open();
    const nip = selection.candidates.nodes[1].employee.nip;
    await decide(selection.id, { nip, decision: 'SHORTLISTED', reason: 'Nilai tinggi' });
    const corrected = await decide(selection.id, {
      nip,
      decision: 'NOT_SELECTED',
      reason: 'Koreksi: syarat pangkat belum terpenuhi',
    });
    expect(corrected.decisions).toEqual([
      {
        decision: 'NOT_SELECTED',
        reason: 'Koreksi: syarat pangkat belum terpenuhi',
        employee: { nip },
      },
    ]);
    const read = (await app.gql(HISTORY, { id: selection.id }, COMMITTEE)).data.selection;
    expect(read.verified).toBe(true);
    expect(read.decisions).toEqual([
      {
        decision: 'SHORTLISTED',
        reason: 'Nilai tinggi',
        current: false,
        employee: { nip },
        supersedes: null,
      },
      {
        decision: 'NOT_SELECTED',
        reason: 'Koreksi: syarat pangkat belum terpenuhi',
        current: true,
        employee: { nip },
        supersedes: { decision: 'SHORTLISTED', reason: 'Nilai tinggi' },
      },
    ]);
    const rows = await sql(
      `select id, supersedes_id from selection_decision where selection_id = $1 order by id`,
      [rowId(selection.id)],
    );
    expect(rows.map((r) => r.supersedes_id)).toEqual([null, rows[0].id]);
  });

  it('is append-only in the database: a decision is neither changed nor deleted, and one changed past the triggers does not verify', async () => {
    const selection = await open();
    const [a, b, c] = selection.candidates.nodes.map((n: any) => n.employee.nip);
    await decide(selection.id, { nip: a, decision: 'SHORTLISTED', reason: 'Pertama' });
    await decide(selection.id, { nip: b, decision: 'SHORTLISTED', reason: 'Kedua' });
    await decide(selection.id, { nip: c, decision: 'NOT_SELECTED', reason: 'Ketiga' });
    const id = rowId(selection.id);
    await expect(
      sql(`update selection_decision set reason = 'Diubah' where selection_id = $1`, [id]),
    ).rejects.toThrow(/decisions are append-only: UPDATE/);
    await expect(
      sql(`delete from selection_decision where selection_id = $1`, [id]),
    ).rejects.toThrow(/decisions are append-only: DELETE/);
    expect(await verifiedNow(selection.id)).toBe(true);

    const [middle] = await sql(
      `select id from selection_decision where selection_id = $1 order by id offset 1 limit 1`,
      [id],
    );
    await sql(
      `update selection_decision set decision = 'SELECTED' where id = $1`,
      [middle.id],
      withoutTriggers,
    );
    expect(await verifiedNow(selection.id)).toBe(false);
    await sql(
      `update selection_decision set decision = 'SHORTLISTED' where id = $1`,
      [middle.id],
      withoutTriggers,
    );
    expect(await verifiedNow(selection.id)).toBe(true);
    await sql(`delete from selection_decision where id = $1`, [middle.id], withoutTriggers);
    expect(await verifiedNow(selection.id)).toBe(false);
  });

  it('stays closed: closedAt is neither cleared nor moved, and no decision is added after', async () => {
    const selection = await open();
    const nip = selection.candidates.nodes[0].employee.nip;
    await decide(selection.id, { nip, decision: 'SELECTED', reason: 'Terbaik' });
    const closed = await app.gql(CLOSE, { id: selection.id }, COMMITTEE);
    expect(closed.data.closeSelection.selection.verified).toBe(true);
    const id = rowId(selection.id);
    for (const change of ['closed_at = null', `closed_at = closed_at + interval '1 day'`])
      await expect(sql(`update selection set ${change} where id = $1`, [id])).rejects.toThrow(
        /is closed: nothing about it changes, closed_at included/,
      );
    await expect(
      sql(
        `insert into selection_decision (selection_id, employee_id, decision, reason, decided_by)
         select selection_id, employee_id, 'NOT_SELECTED', 'Terlambat', 'x' from selection_decision where selection_id = $1`,
        [id],
      ),
    ).rejects.toThrow(/is closed: no decision is added/);
    await expect(sql(`delete from selection where id = $1`, [id])).rejects.toThrow(
      /DELETE on selection is not allowed/,
    );
    const read = (await app.gql(READ, { id: selection.id }, COMMITTEE)).data.selection;
    expect(read.closedAt).toBe(closed.data.closeSelection.selection.closedAt);
    expect(read.verified).toBe(true);

    // Reopened past the triggers, it no longer verifies; nor when its closing is moved.
    const [{ closed_at }] = await sql(`select closed_at from selection where id = $1`, [id]);
    await sql(`update selection set closed_at = null where id = $1`, [id], withoutTriggers);
    expect(await verifiedNow(selection.id)).toBe(false);
    await sql(
      `update selection set closed_at = $2::timestamptz + interval '1 second' where id = $1`,
      [id, closed_at],
      withoutTriggers,
    );
    expect(await verifiedNow(selection.id)).toBe(false);
    await sql(
      `update selection set closed_at = $2 where id = $1`,
      [id, closed_at],
      withoutTriggers,
    );
    expect(await verifiedNow(selection.id)).toBe(true);
  });

  it('verifies under the key it was sealed with only', async () => {
    const selection = await open();
    await decide(selection.id, {
      nip: selection.candidates.nodes[0].employee.nip,
      decision: 'SHORTLISTED',
      reason: 'Kunci',
    });
    expect(await verifiedNow(selection.id)).toBe(true);
    setSelectionKey('another selection key, of thirty-two characters or more');
    try {
      expect(await verifiedNow(selection.id)).toBe(false);
    } finally {
      setSelectionKey(TEST_SELECTION_KEY);
    }
    expect(await verifiedNow(selection.id)).toBe(true);
  });

  it('writes the fingerprint into the append-only audit event of its opening', async () => {
    const selection = await open();
    const trail = await app.ok(
      `query($key: String!) { auditEvents(first: 5, filter: { action: "openSelection", recordKey: $key }) { nodes { after } } }`,
      { key: String(rowId(selection.id)) },
    );
    expect(trail.auditEvents.nodes).toHaveLength(1);
    expect(trail.auditEvents.nodes[0].after).toMatchObject({
      fingerprint: selection.fingerprint,
      fingerprintScheme: 'HMAC_SHA256',
    });
    await expect(
      sql(
        `update audit_event set after = null where action = 'openSelection' and record_key = $1`,
        [String(rowId(selection.id))],
      ),
    ).rejects.toThrow(/append-only/);
  });
});

describe('a PPPK candidate', () => {
  it('is decided by the employee’s ID; a decision names its candidate by NIP or ID, exactly one', async () => {
    const selection = await open();
    const pppk = selection.candidates.nodes.find((n: any) => n.employee.employmentType === 'PPPK');
    expect(pppk, 'the demo ranking freezes a PPPK candidate').toBeDefined();
    expect(pppk.employee.nip).toBeNull();
    const decided = await decide(selection.id, {
      employee: pppk.employee.id,
      decision: 'SHORTLISTED',
      reason: 'Kontrak kinerja baik',
    });
    expect(decided.decisions).toEqual([
      { decision: 'SHORTLISTED', reason: 'Kontrak kinerja baik', employee: { nip: null } },
    ]);
    expect(decided.verified).toBe(true);
    const [row] = await sql(`select employee_id from selection_decision where selection_id = $1`, [
      rowId(selection.id),
    ]);
    expect(row.employee_id).toBe(rowId(pppk.employee.id));

    const nip = selection.candidates.nodes.find((n: any) => n.employee.nip).employee.nip;
    for (const input of [{ nip, employee: pppk.employee.id }, {}]) {
      const refused = await app.gql(
        DECIDE,
        { input: { selectionId: selection.id, decision: 'SELECTED', reason: 'x', ...input } },
        COMMITTEE,
      );
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0].message).toMatch(
        /input\.nip and input\.employee: give exactly one/,
      );
    }
    const stranger = await app.gql(
      DECIDE,
      {
        input: {
          selectionId: selection.id,
          employee: Buffer.from('Employee:999999').toString('base64url'),
          decision: 'SELECTED',
          reason: 'x',
        },
      },
      COMMITTEE,
    );
    expect(stranger.data.recordDecision.userErrors).toMatchObject([
      { field: ['input', 'employee'], code: 'NOT_FOUND' },
    ]);
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
    expect(flat).toContain(formatJpm(top.jobPersonMatch));
    expect(flat).toContain('Terpilih');
    expect(flat).toContain('Nilai JPM tertinggi');
    expect(flat).toContain(`HMAC-SHA256: ${selection.fingerprint}`);
    expect(flat).toContain('Data yang tersimpan cocok dengan sidik jari ini.');
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
      await withMinuteLeft(20);
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

describe('a selection opened before keyed fingerprints', () => {
  it('is marked SHA256 by the migration and verifies by its plain hash, as it did', async () => {
    const old = await startTestApp('demo');
    try {
      const migrator = old.orm.getMigrator();
      const knex = old.orm.em.getKnex();
      await migrator.down({ to: 'Migration20261130050000_position_seniority' });
      const [position] = await knex('position').select('id', 'code', 'title', 'category').limit(1);
      const snapshot = {
        version: 1,
        position,
        profile: null,
        policy: { asOf: DEMO_TODAY },
        candidates: [],
      };
      const [{ id }] = await knex('selection')
        .insert({
          position_id: position.id,
          agency: X,
          opened_by: 'committee',
          snapshot: JSON.stringify(snapshot),
          fingerprint: plainSha256(snapshot),
        })
        .returning('id');
      await migrator.up();

      const globalId = Buffer.from(`Selection:${id}`).toString('base64url');
      const read = await old.gql(
        `query($id: ID!) { selection(id: $id) { fingerprint fingerprintScheme verified } }`,
        { id: globalId },
        COMMITTEE,
      );
      expect(read.data.selection).toEqual({
        fingerprint: plainSha256(snapshot),
        fingerprintScheme: 'SHA256',
        verified: true,
      });
      const report = await fetch(`${old.url}/selections/${globalId}/report.pdf`, {
        headers: { authorization: `Bearer ${COMMITTEE}` },
      });
      const parser = new PDFParse({ data: Buffer.from(await report.arrayBuffer()) });
      const { text } = await parser.getText();
      await parser.destroy();
      expect(text.replace(/\s+/g, ' ')).toContain(
        `SHA-256 (tanpa kunci): ${plainSha256(snapshot)}`,
      );

      // No selection is opened, nor turned, unkeyed from now on.
      await expect(
        knex('selection').insert({
          position_id: position.id,
          agency: X,
          opened_by: 'x',
          snapshot: JSON.stringify(snapshot),
          fingerprint: plainSha256(snapshot),
          fingerprint_scheme: 'SHA256',
        }),
      ).rejects.toThrow(/opened with a keyed fingerprint/);
      const opened = await old.gql(
        `mutation($p: String!) { openSelection(input: { positionCode: $p }) { selection { id } } }`,
        { p: positionCode },
        COMMITTEE,
      );
      const keyed = rowId(opened.data.openSelection.selection.id);
      await expect(
        knex('selection').where('id', keyed).update({ fingerprint_scheme: 'SHA256' }),
      ).rejects.toThrow(/only closing changes a selection/);
    } finally {
      await old.close();
    }
  });
});
