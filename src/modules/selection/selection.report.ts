import QRCode from 'qrcode';
import type { Context } from '../../platform/graphql/context';
import { Agency } from '../org/agency.entity';
import { logoOf } from '../org/letterhead.service';
import { Competency } from '../competency/competency.entity';
import { Employee } from '../employee/employee.entity';
import { POSITION_CATEGORY_INFO, type PositionCategory } from '../../domain/position.enums';
import { pukul, tanggal } from '../../domain/berita-acara';
import { timeZoneOfProvince } from '../../domain/province';
import {
  formatJpm,
  inSentence,
  notQualifiedText,
  reportLabel,
} from '../../domain/selection.format';
import type { SelectionDecision } from './selection-decision.entity';
import { stagesOf } from './selection-stages.store';
import { standingsFor } from './selection-stages.service';
import { proposedNames } from '../../domain/selection-standings';
import { writeProposedNames, writeStages, type StageFacts } from './report.stages';
import type { Selection } from './selection.entity';
import { FingerprintScheme } from './selection.record';
import { currentDecisions, decisionsOf, verified } from './selection.service';
import {
  contentWidth,
  heading,
  MARGIN,
  newDocument,
  writeFooters,
  writeLetterhead,
  writeSignatures,
  type Letterhead,
  type Pdf,
} from './report.layout';

type Snapshot = Selection['snapshot'];

/** Everything the report prints beyond the snapshot, read once before layout begins. */
export interface ReportFacts extends StageFacts {
  readonly selection: Selection;
  readonly letterhead: Letterhead;
  readonly competencies: ReadonlyMap<number, Competency>;
  readonly decisions: readonly SelectionDecision[];
  /** The ids of the decisions in force (the others were superseded). */
  readonly inForce: ReadonlySet<number>;
  readonly decided: ReadonlyMap<number, Employee>;
  /** Whether the stored record verifies against its fingerprint. */
  readonly intact: boolean;
  /** Where the QR code leads: the verification page with the fingerprint. */
  readonly verifyUrl: string;
  /** The QR code of `verifyUrl`, as PNG. */
  readonly qr: Buffer;
}

/** One numbered section of the berita acara: it writes its heading and its content. */
type Section = (pdf: Pdf, facts: ReportFacts, number: number) => void;

/** The sections, in order (numbered as they come). */
const SECTIONS: readonly Section[] = [
  writePosition,
  writeProfile,
  writePolicy,
  writeRanking,
  writeStages,
  writeDecisions,
  writeProposedNames,
  writeFingerprint,
];

/**
 * The committee's report (berita acara) of a selection, as an A4 landscape PDF in Indonesian:
 * the agency's letterhead, the title and number, the position and its profile, the policy, the
 * frozen ranking with each candidate's JPM, category and reasons, every decision with its reason,
 * the fingerprint with a QR code of the verification page, and the members' signatures under the
 * place and date in the agency's time zone; "halaman X dari Y" on every page. Every figure comes
 * from the frozen snapshot, written by the same formatter as the console's.
 */
export async function selectionReport(
  ctx: Context,
  selection: Selection,
  origin: string,
): Promise<Buffer> {
  const facts = await reportFacts(ctx, selection, origin);
  const { pdf, done } = newDocument(`Berita Acara Seleksi ${selection.snapshot.position.code}`);
  writeLetterhead(pdf, facts.letterhead);
  writeTitle(pdf, facts);
  SECTIONS.forEach((section, i) => section(pdf, facts, i + 1));
  writeSignatures(
    pdf,
    selection.members ?? [],
    facts.letterhead,
    selection.closedAt ?? new Date(),
    (page) => writeReprise(page, facts),
  );
  writeFooters(
    pdf,
    `Berita acara ${selection.number ?? `seleksi ${selection.id} (draf)`} · ${selection.snapshot.position.code}`,
  );
  pdf.end();
  return done;
}

async function reportFacts(
  ctx: Context,
  selection: Selection,
  origin: string,
): Promise<ReportFacts> {
  const { snapshot } = selection;
  const competencies = new Map(
    (
      await ctx.loaders
        .byId(Competency)
        .loadMany(snapshot.profile?.requirements.map((r) => r.competencyId) ?? [])
    )
      .filter((c): c is Competency => c instanceof Competency)
      .map((c) => [c.id, c]),
  );
  const decisions = await decisionsOf(ctx, selection);
  const inForce = new Set(currentDecisions(decisions).map((d) => d.id));
  const intact = await verified(ctx, selection);
  const decided = new Map(
    (await ctx.loaders.byId(Employee).loadMany(decisions.map((d) => d.employeeId)))
      .filter((e): e is Employee => e instanceof Employee)
      .map((e) => [e.id, e]),
  );
  const agency = await ctx.em.findOne(Agency, { code: selection.agency });
  const letterhead: Letterhead = {
    name: agency?.name ?? selection.agency,
    address: agency?.address ?? null,
    place: agency?.place ?? null,
    timeZone: timeZoneOfProvince(agency?.province),
    logo: (await logoOf(ctx, selection.agency))?.bytes ?? null,
  };
  const [stages, standings] = await Promise.all([
    stagesOf(ctx, selection),
    standingsFor(ctx, selection, null),
  ]);
  // The names from the same standings (not read again).
  const proposed = proposedNames(standings);
  const verifyUrl = `${origin}/selections/${selection.id}/verify?fingerprint=${selection.fingerprint}`;
  const qr = await QRCode.toBuffer(verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return {
    selection,
    letterhead,
    competencies,
    decisions,
    inForce,
    decided,
    intact,
    verifyUrl,
    qr,
    stages,
    standings,
    proposed,
  };
}

/** A moment as the report writes it: the date and the time in the agency's zone. */
const when = (moment: Date, zone: string) =>
  `${tanggal(moment, zone)} pukul ${pukul(moment, zone)}`;

function writeTitle(pdf: Pdf, { selection, letterhead }: ReportFacts): void {
  const zone = letterhead.timeZone;
  pdf.font('bold').fontSize(14).text('BERITA ACARA SELEKSI JABATAN', { align: 'center' });
  pdf.font('regular').fontSize(10).moveDown(0.2);
  pdf.text(
    selection.number
      ? `Nomor: ${selection.number}`
      : 'Nomor: — (DRAF: nomor diberikan saat seleksi ditutup)',
    { align: 'center' },
  );
  pdf.fontSize(9).moveDown(0.3);
  pdf.text(
    `Seleksi ${selection.id} · dibuka ${when(selection.openedAt, zone)} oleh ${selection.openedBy}` +
      (selection.closedAt ? ` · ditutup ${when(selection.closedAt, zone)}` : ' · masih terbuka'),
    { align: 'center' },
  );
}

/** The title and number again, atop a page the signatures start (so it is never alone). */
function writeReprise(pdf: Pdf, { selection }: ReportFacts): void {
  pdf
    .font('bold')
    .fontSize(11)
    .text(
      `BERITA ACARA SELEKSI JABATAN ${selection.snapshot.position.title} — ${selection.number ? `Nomor ${selection.number}` : `seleksi ${selection.id} (draf)`} (lanjutan)`,
      { align: 'center' },
    );
  pdf.font('regular').fontSize(9);
}

function writePosition(pdf: Pdf, { selection }: ReportFacts, n: number): void {
  const { position } = selection.snapshot;
  heading(pdf, `${n}. Jabatan`);
  const category = position.category as PositionCategory;
  pdf.text(`${position.title} (kode ${position.code})`);
  pdf.text(`Kategori: ${POSITION_CATEGORY_INFO[category]?.name ?? category}`);
  if (selection.note) pdf.text(`Catatan panitia: ${selection.note}`);
}

function writeProfile(pdf: Pdf, { selection, competencies }: ReportFacts, n: number): void {
  const { snapshot } = selection;
  heading(pdf, `${n}. Standar kompetensi jabatan`);
  for (const requirement of snapshot.profile?.requirements ?? []) {
    const competency = competencies.get(requirement.competencyId);
    pdf.text(
      `${competency?.code ?? requirement.competencyId} ${competency?.name ?? ''}: level ${requirement.level}, bobot ${formatJpm(requirement.weight)}${requirement.critical ? ', kritis' : ''}`,
    );
  }
  const profile = snapshot.profile;
  if (!profile) return;
  const conditions = [
    profile.minRank && `pangkat/golongan minimal ${profile.minRank.code}`,
    profile.minEducation && `pendidikan minimal ${profile.minEducation.code}`,
    profile.requiredCourses.length > 0 &&
      `diklat wajib ${profile.requiredCourses.map((c) => c.code).join(', ')}`,
    profile.minYearsOfService !== null && `masa kerja minimal ${profile.minYearsOfService} tahun`,
    profile.minPerformance &&
      `kinerja minimal ${inSentence(reportLabel('PerformanceRating', profile.minPerformance))}`,
    `batas usia pensiun ${profile.retirementAge} tahun`,
  ].filter(Boolean);
  pdf.text(`Persyaratan: ${conditions.join('; ')}.`);
}

function writePolicy(pdf: Pdf, { selection, letterhead }: ReportFacts, n: number): void {
  const policy: Snapshot['policy'] = selection.snapshot.policy;
  heading(pdf, `${n}. Kebijakan penilaian`);
  const asOf = new Date(`${policy.asOf.slice(0, 10)}T12:00:00Z`);
  pdf.text(
    `Dinilai per ${tanggal(asOf, letterhead.timeZone)}; kategori JPM: ${reportLabel('JpmScale', policy.scale)}; ` +
      `ambang memenuhi syarat JPM ${formatJpm(policy.minJobPersonMatch)}; ` +
      `level di atas standar ${policy.capPerCompetency ? 'tidak menutup' : 'ikut menutup'} kekurangan kompetensi lain; ` +
      `JPM ${policy.capTotal ? 'paling tinggi 100' : 'boleh melebihi 100'}; ` +
      `hasil asesmen berlaku ${policy.validityYears} tahun.`,
  );
}

function writeRanking(pdf: Pdf, { selection }: ReportFacts, n: number): void {
  const { snapshot } = selection;
  heading(
    pdf,
    `${n}. Peringkat kandidat (dibekukan saat dibuka; ${snapshot.candidates.length} kandidat teratas)`,
  );
  const width = contentWidth(pdf);
  const columns = [24, 170, 120, 45, 95, 70, width - 524];
  const row = (cells: string[], font: 'regular' | 'bold' = 'regular') => {
    if (pdf.y > pdf.page.height - 90) pdf.addPage();
    const y = pdf.y;
    let x = MARGIN;
    let bottom = y;
    pdf.font(font);
    cells.forEach((cell, i) => {
      pdf.text(cell, x, y, { width: columns[i] - 4 });
      bottom = Math.max(bottom, pdf.y);
      x += columns[i];
    });
    pdf.x = MARGIN;
    pdf.y = bottom + 2;
  };
  pdf.fontSize(8);
  row(
    ['No', 'Nama', 'NIP', 'JPM', 'Kategori', 'Memenuhi syarat', 'Alasan belum memenuhi syarat'],
    'bold',
  );
  snapshot.candidates.forEach((candidate, i) => {
    row([
      String(i + 1),
      candidate.name,
      candidate.nip ?? '—',
      formatJpm(candidate.result.jobPersonMatch),
      reportLabel('JpmCategory', candidate.result.category),
      candidate.result.qualified ? 'Ya' : 'Belum',
      notQualifiedText(candidate.result) || '—',
    ]);
  });
  pdf.font('regular').fontSize(9);
}

function writeDecisions(pdf: Pdf, facts: ReportFacts, n: number): void {
  const { decisions, decided, inForce, letterhead } = facts;
  heading(pdf, `${n}. Keputusan panitia dan alasannya`);
  if (decisions.length === 0) pdf.text('Belum ada keputusan.');
  for (const decision of decisions) {
    const employee = decided.get(decision.employeeId);
    pdf.text(
      `${when(decision.decidedAt, letterhead.timeZone)} — ${employee?.name ?? decision.employeeId} (${employee?.nip ?? employee?.pppkNumber ?? '—'}): ${reportLabel('Decision', decision.decision)}. Alasan: ${decision.reason}` +
        (inForce.has(decision.id) ? '' : ' (diganti oleh keputusan berikutnya)'),
    );
  }
}

function writeFingerprint(pdf: Pdf, facts: ReportFacts, n: number): void {
  const { selection, intact, qr, verifyUrl } = facts;
  heading(pdf, `${n}. Sidik jari data dan verifikasi`);
  if (pdf.y + 110 > pdf.page.height - 60) pdf.addPage();
  const top = pdf.y;
  pdf.image(qr, MARGIN, top, { width: 100 });
  const x = MARGIN + 115;
  const width = contentWidth(pdf) - 115;
  pdf.text(
    selection.fingerprintScheme === FingerprintScheme.SHA256
      ? `SHA-256 (tanpa kunci): ${selection.fingerprint}`
      : `HMAC-SHA256: ${selection.fingerprint}`,
    x,
    top,
    { width },
  );
  pdf.text(
    intact
      ? 'Data yang tersimpan cocok dengan sidik jari ini.'
      : 'PERHATIAN: data yang tersimpan TIDAK cocok dengan sidik jari ini.',
    { width },
  );
  pdf.text(`Periksa keasliannya dengan memindai kode QR atau membuka: ${verifyUrl}`, { width });
  pdf.x = MARGIN;
  pdf.y = Math.max(pdf.y, top + 105);
}
