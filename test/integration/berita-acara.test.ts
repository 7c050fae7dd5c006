import { Client } from 'pg';
import { PDFParse } from 'pdf-parse';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tanggal, yearAndMonth } from '../../src/domain/berita-acara';
import { formatJpm, notQualifiedText } from '../../src/domain/selection.format';
import { startTestApp, tokenFor, withMinuteLeft, type TestApp } from '../support/harness';
import { VERIFY_COST } from '../../src/modules/selection/verify.route';

/**
 * The berita acara a committee signs: the agency's letterhead and numbering, the members on the
 * selection, the PDF in the agency's time zone, and the verification page its QR code opens.
 */
const X = 'PROV-MALUKU';
const COMMITTEE = tokenFor('COMMITTEE', { agency: X });
const OTHER_COMMITTEE = tokenFor('COMMITTEE', { agency: 'KAB-SBB' });
const HR = tokenFor('HR', { agency: X });
const OTHER_HR = tokenFor('HR', { agency: 'KAB-SBB' });
const ADMIN = tokenFor('ADMIN');

const MEMBERS = [
  { name: 'Drs. Anggota Satu', nip: '198001152005011003', role: 'MEMBER' },
  { name: 'Dr. Ketua Panitia, M.Si.', nip: '197501012000032002', role: 'CHAIR' },
  { name: 'Sekretaris Dua, S.H.', nip: '198609262015051001', role: 'SECRETARY' },
];

let app: TestApp;
let positionCode: string;
beforeAll(async () => {
  app = await startTestApp('demo');
  const data = await app.gql<any>(
    `{ positions(first: 1, filter: { agencyCode: "${X}", categories: [ADMINISTRATOR] }) { nodes { code } } }`,
    {},
    COMMITTEE,
  );
  positionCode = data.data.positions.nodes[0].code;
  const set = await app.gql<any>(
    LETTERHEAD,
    {
      input: {
        code: X,
        province: 'Maluku',
        place: 'Ambon',
        address: 'Jalan Pattimura No. 1, Ambon 97124',
        numberFormat: '800/{seq:3}/BKD/{year}',
        logo: `data:image/png;base64,${(await QRCode.toBuffer('logo', { width: 60 })).toString('base64')}`,
      },
    },
    ADMIN,
  );
  expect(set.data.setAgencyLetterhead.userErrors).toEqual([]);
});
afterAll(() => app?.close());

const LETTERHEAD = `mutation($input: SetAgencyLetterheadInput!) { setAgencyLetterhead(input: $input) {
  userErrors { field code message } agency { code province timeZone place address numberFormat } } }`;
const SELECTION = `fragment S on Selection { id number fingerprint verified closedAt
  members { name nip role }
  candidates(first: 100) { nodes { jobPersonMatch threshold qualified unmetConditions { code }
    terms { critical gap } employee { nip name } } } }`;
const OPEN = `mutation($input: OpenSelectionInput!) { openSelection(input: $input) {
  userErrors { field code message } selection { ...S } } } ${SELECTION}`;
const MEMBERS_SET = `mutation($input: SetSelectionMembersInput!) { setSelectionMembers(input: $input) {
  userErrors { field code message } selection { ...S } } } ${SELECTION}`;
const CLOSE = `mutation($id: ID!) { closeSelection(input: { selectionId: $id }) {
  userErrors { field code message } selection { ...S } } } ${SELECTION}`;

async function open(members?: typeof MEMBERS) {
  const result = await app.gql<any>(
    OPEN,
    { input: { positionCode, note: 'Rapat panitia seleksi', ...(members ? { members } : {}) } },
    COMMITTEE,
  );
  expect(result.data.openSelection.userErrors).toEqual([]);
  return result.data.openSelection.selection;
}

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

async function pdfText(id: string, token = COMMITTEE) {
  const response = await fetch(`${app.url}/selections/${id}/report.pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const parser = new PDFParse({ data: Buffer.from(await response.arrayBuffer()) });
  const result = await parser.getText();
  await parser.destroy();
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  return { text: flat(result.text), pages: result.pages.map((p) => flat(p.text)) };
}

const verify = (
  id: number | string,
  options: { token?: string; fingerprint?: string; json?: boolean } = {},
) =>
  fetch(
    `${app.url}/selections/${id}/verify${options.fingerprint ? `?fingerprint=${options.fingerprint}` : ''}`,
    {
      headers: {
        ...(options.json === false ? {} : { accept: 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
    },
  );

describe('the agency’s letterhead', () => {
  it('keeps the province, and with it the time zone of Maluku (WIT)', async () => {
    const data = await app.ok<any>(
      `{ agency(code: "${X}") { province timeZone place numberFormat } }`,
    );
    expect(data.agency).toEqual({
      province: '81',
      timeZone: 'Asia/Jayapura',
      place: 'Ambon',
      numberFormat: '800/{seq:3}/BKD/{year}',
    });
    // A regency of Maluku has the province from the dataset (its time zone too).
    const other = await app.ok<any>(`{ agency(code: "KAB-SBB") { province timeZone } }`);
    expect(other.agency).toEqual({ province: '81', timeZone: 'Asia/Jayapura' });
  });

  it('is set by the agency’s HR, not another agency’s, and refuses what is not a letterhead', async () => {
    const own = await app.gql<any>(LETTERHEAD, { input: { code: X, place: 'Ambon' } }, HR);
    expect(own.data.setAgencyLetterhead.userErrors).toEqual([]);
    const foreign = await app.gql<any>(LETTERHEAD, { input: { code: X, place: 'Piru' } }, OTHER_HR);
    expect(foreign.data.setAgencyLetterhead.userErrors[0].code).toBe('NOT_FOUND');
    const committee = await app.gql<any>(
      LETTERHEAD,
      { input: { code: X, place: 'Piru' } },
      COMMITTEE,
    );
    expect(committee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await app.gql<any>(
      LETTERHEAD,
      {
        input: {
          code: X,
          province: 'Atlantis',
          numberFormat: '800/BKD/{year}',
          logo: `data:image/svg+xml;base64,${Buffer.from('<svg onload="alert(1)"/>').toString('base64')}`,
        },
      },
      ADMIN,
    );
    expect(bad.data.setAgencyLetterhead.userErrors.map((e: any) => e.field.join('.'))).toEqual([
      'input.province',
      'input.numberFormat',
      'input.logo',
    ]);
    const after = await app.ok<any>(`{ agency(code: "${X}") { province place } }`);
    expect(after.agency).toEqual({ province: '81', place: 'Ambon' });
    const audit = await sql(
      `select count(*)::int as n from audit_event where action = 'setAgencyLetterhead' and record_key = $1`,
      [X],
    );
    expect(audit[0].n).toBe(2);
  });
});

describe('the committee’s members', () => {
  it('are recorded at opening, in signing order, and sealed with the selection', async () => {
    const selection = await open(MEMBERS);
    expect(selection.members.map((m: any) => m.role)).toEqual(['CHAIR', 'SECRETARY', 'MEMBER']);
    expect(selection.verified).toBe(true);
    await sql(
      `update selection set members = jsonb_set(members, '{0,name}', '"Orang Lain"') where id = $1`,
      [rowId(selection.id)],
    );
    const read = await app.ok<any>(`query($id: ID!) { selection(id: $id) { verified } }`, {
      id: selection.id,
    });
    expect(read.selection.verified).toBe(false);
  });

  it('are set while open by the agency’s committee, validated with the member and field named, and audited', async () => {
    const selection = await open();
    expect(selection.members).toEqual([]);
    const even = await app.gql<any>(
      MEMBERS_SET,
      {
        input: {
          selectionId: selection.id,
          members: [...MEMBERS, { ...MEMBERS[0], nip: '198203032006041004' }],
        },
      },
      COMMITTEE,
    );
    expect(even.data.setSelectionMembers.userErrors.map((e: any) => e.field)).toEqual([
      ['input', 'members'],
    ]);
    const badNip = await app.gql<any>(
      MEMBERS_SET,
      {
        input: {
          selectionId: selection.id,
          members: [MEMBERS[0], { ...MEMBERS[1], nip: '12345' }, { ...MEMBERS[2], name: ' ' }],
        },
      },
      COMMITTEE,
    );
    expect(badNip.data.setSelectionMembers.userErrors.map((e: any) => e.field)).toEqual([
      ['input', 'members', '1', 'nip'],
      ['input', 'members', '2', 'name'],
    ]);
    const foreign = await app.gql<any>(
      MEMBERS_SET,
      { input: { selectionId: selection.id, members: MEMBERS } },
      OTHER_COMMITTEE,
    );
    expect(foreign.data.setSelectionMembers.userErrors[0].code).toBe('NOT_FOUND');
    const done = await app.gql<any>(
      MEMBERS_SET,
      { input: { selectionId: selection.id, members: MEMBERS } },
      COMMITTEE,
    );
    expect(done.data.setSelectionMembers.userErrors).toEqual([]);
    expect(done.data.setSelectionMembers.selection.members).toHaveLength(3);
    expect(done.data.setSelectionMembers.selection.verified).toBe(true);
    const audit = await sql(
      `select count(*)::int as n from audit_event where action = 'setSelectionMembers' and record_key = $1`,
      [String(rowId(selection.id))],
    );
    expect(audit[0].n).toBe(1);
    const closed = await app.gql<any>(CLOSE, { id: selection.id }, COMMITTEE);
    expect(closed.data.closeSelection.userErrors).toEqual([]);
    const late = await app.gql<any>(
      MEMBERS_SET,
      { input: { selectionId: selection.id, members: MEMBERS } },
      COMMITTEE,
    );
    expect(late.data.setSelectionMembers.userErrors[0].code).toBe('CLOSED');
  });
});

describe('the berita acara', () => {
  it('has the letterhead, the number, the place and date in WIT, the members, the reasons and page numbers, in words not codes', async () => {
    const selection = await open(MEMBERS);
    const top = selection.candidates.nodes[0];
    const unqualified = selection.candidates.nodes.find((c: any) => !c.qualified);
    await app.gql(
      `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { userErrors { message } } }`,
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
    const closed = (await app.gql<any>(CLOSE, { id: selection.id }, COMMITTEE)).data.closeSelection
      .selection;
    const closedAt = new Date(closed.closedAt);
    expect(closed.number).toBe(
      closed.number.replace(/\d{4}$/, String(yearAndMonth(closedAt, 'Asia/Jayapura').year)),
    );
    expect(closed.number).toMatch(/^800\/\d{3}\/BKD\/\d{4}$/);
    const { text, pages } = await pdfText(selection.id);
    expect(text).toContain('PEMERINTAH PROVINSI MALUKU');
    expect(text).toContain('Jalan Pattimura No. 1, Ambon 97124');
    expect(text).toContain(`Nomor: ${closed.number}`);
    expect(text).toContain(`Ambon, ${tanggal(closedAt, 'Asia/Jayapura')}`);
    expect(text).toMatch(/pukul \d\d\.\d\d WIT/);
    expect(text).not.toMatch(/\bWIB\b/);
    for (const member of MEMBERS) {
      expect(text).toContain(member.name);
      expect(text).toContain(`NIP ${member.nip}`);
    }
    expect(text).toContain('Ketua');
    expect(text).toContain('Sekretaris');
    expect(text).toContain('Terpilih');
    expect(text).toContain('Alasan: Nilai JPM tertinggi');
    // The JPM and the reasons as the console writes them, by the same function.
    expect(text).toContain(formatJpm(top.jobPersonMatch));
    if (unqualified) expect(text).toContain(notQualifiedText(unqualified));
    for (const code of [
      'BAIK',
      'OPTIMAL',
      'CUKUP_OPTIMAL',
      'MEMENUHI_SYARAT',
      'CHAIR',
      'SELECTED',
      'kesenjangan',
    ])
      expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toContain(`halaman ${i + 1} dari ${pages.length}`));
    // The signatures are never alone: their page carries preceding content or the title again.
    const signing = pages.find((p) => p.includes('Tanda tangan panitia seleksi'))!;
    expect(signing).toMatch(/Sidik jari data|\(lanjutan\)/);
    // The link under the QR code (its line may break anywhere).
    expect(text.replace(/\s/g, '')).toContain(
      `/selections/${rowId(selection.id)}/verify?fingerprint=${closed.fingerprint}`,
    );
  });

  it('cannot be printed by another agency’s committee', async () => {
    const selection = await open();
    const response = await fetch(`${app.url}/selections/${selection.id}/report.pdf`, {
      headers: { authorization: `Bearer ${OTHER_COMMITTEE}` },
    });
    expect(response.status).toBe(404);
  });

  it('gets a number of its own when two closings run at once', async () => {
    const selections = await Promise.all([open(), open(), open()]);
    const closed = await Promise.all(
      selections.map((s) => app.gql<any>(CLOSE, { id: s.id }, COMMITTEE)),
    );
    const numbers = closed.map((c) => c.data.closeSelection.selection.number as string);
    expect(new Set(numbers).size).toBe(3);
    const sequences = numbers.map((n) => Number(n.split('/')[1])).sort((a, b) => a - b);
    expect(sequences[2] - sequences[0]).toBe(2);
  });
});

describe('GET /selections/{id}/verify', () => {
  it('says verified to the committee, then not verified once a stored row is changed', async () => {
    const selection = await open(MEMBERS);
    const id = rowId(selection.id);
    const first = await verify(id, { token: COMMITTEE });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ verified: true, fingerprint: selection.fingerprint });
    await app.gql(CLOSE, { id: selection.id }, COMMITTEE);
    await sql(
      `update selection set snapshot = jsonb_set(snapshot, '{candidates,0,name}', '"Orang Lain"') where id = $1`,
      [id],
      false,
    );
    const after = await verify(id, { token: COMMITTEE });
    expect(await after.json()).toEqual({ verified: false, fingerprint: selection.fingerprint });
  });

  it('tells a caller without a token only whether the printed fingerprint matches', async () => {
    const selection = await open();
    const id = rowId(selection.id);
    const right = await verify(id, { fingerprint: selection.fingerprint });
    expect(await right.json()).toEqual({ verified: true, fingerprint: selection.fingerprint });
    const wrong = 'ab'.repeat(32);
    const other = await verify(id, { fingerprint: wrong });
    expect(await other.json()).toEqual({ verified: false, fingerprint: wrong });
    const none = await verify(id);
    expect(none.status).toBe(400);
    const foreign = await verify(id, { token: OTHER_COMMITTEE });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(await foreign.json())).not.toContain(selection.fingerprint);
  });

  it('answers a page in Indonesian without Accept: application/json', async () => {
    const selection = await open();
    const id = rowId(selection.id);
    const page = await verify(id, { fingerprint: selection.fingerprint, json: false });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('data-verified="true"');
    expect(html).toContain('Cocok.');
    const form = await (await verify(id, { json: false })).text();
    expect(form).toContain('name="fingerprint"');
    expect(form).not.toContain(selection.fingerprint);
  });

  it('answers 404 for an unknown selection and 400 for an id that is not a number', async () => {
    const unknown = await verify(999999, { token: ADMIN });
    expect(unknown.status).toBe(404);
    const word = await verify('abc', { token: ADMIN });
    expect(word.status).toBe(400);
    const badPrint = await verify(1, { fingerprint: 'xyz' });
    expect(badPrint.status).toBe(400);
    const body = await word.text();
    expect(body).not.toMatch(/\bselect\b|\bfrom\b|stack|at \//i);
  });

  it('spends a budget per address for callers without a token, and answers 429 past it', async () => {
    const limited = await startTestApp('demo', { costPerMinute: VERIFY_COST * 2 });
    try {
      await withMinuteLeft(20);
      const ask = () =>
        fetch(`${limited.url}/selections/1/verify?fingerprint=${'ab'.repeat(32)}`, {
          headers: { accept: 'application/json' },
        });
      expect((await ask()).status).toBe(404);
      expect((await ask()).status).toBe(404);
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBeTruthy();
    } finally {
      await limited.close();
    }
  });
});
