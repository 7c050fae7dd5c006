import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Context } from '../../platform/graphql/context';
import { Competency } from '../competency/competency.entity';
import { Employee } from '../employee/employee.entity';
import type { ConditionCodeName } from '../../domain/fit.scoring';
import { POSITION_CATEGORY_INFO, type PositionCategory } from '../../domain/position.enums';
import type { SelectionDecision } from './selection-decision.entity';
import type { Selection } from './selection.entity';
import { FingerprintScheme } from './selection.record';
import { currentDecisions, decisionsOf, verified } from './selection.service';

const fonts = createRequire(__filename);
/** DejaVu Sans, embedded: it has every letter Indonesian names use. */
const REGULAR = fonts.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = fonts.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const DECISION_WORDS: Record<string, string> = {
  SHORTLISTED: 'Masuk daftar pendek',
  SELECTED: 'Terpilih',
  NOT_SELECTED: 'Tidak terpilih',
  WITHDRAWN: 'Mengundurkan diri',
};
const CATEGORY_WORDS: Record<string, string> = {
  OPTIMAL: 'Optimal',
  CUKUP_OPTIMAL: 'Cukup optimal',
  KURANG_OPTIMAL: 'Kurang optimal',
  MEMENUHI_SYARAT: 'Memenuhi syarat',
  MASIH_MEMENUHI_SYARAT: 'Masih memenuhi syarat',
  KURANG_MEMENUHI_SYARAT: 'Kurang memenuhi syarat',
};
const CONDITION_WORDS: Record<ConditionCodeName, string> = {
  RANK_TOO_LOW: 'pangkat',
  EDUCATION_TOO_LOW: 'pendidikan',
  MISSING_REQUIRED_COURSE: 'diklat wajib',
  TOO_FEW_YEARS_OF_SERVICE: 'masa kerja',
  PERFORMANCE_TOO_LOW: 'kinerja',
  ASSESSMENT_STALE: 'asesmen kedaluwarsa',
  NOT_ASSESSED: 'belum diasesmen',
  NEAR_RETIREMENT: 'mendekati BUP',
  DISCIPLINE: 'hukuman disiplin',
};

/** Dates as Indonesians write them: 29 November 2026. */
function tanggal(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  }).format(date);
}

const number = (value: number) =>
  new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(value);

/**
 * The committee's report (berita acara) of a selection, as an A4 landscape PDF in Indonesian: the
 * position and its profile, the policy, the frozen ranking with each candidate's JPM, category
 * and unmet conditions, every decision with its reason (superseded ones marked), the fingerprint
 * and whether the record verifies, and places for the members' signatures. Every figure comes
 * from the frozen snapshot.
 */
export async function selectionReport(ctx: Context, selection: Selection): Promise<Buffer> {
  const facts = await reportFacts(ctx, selection);
  const { pdf, done } = newReport(selection);
  const width = pdf.page.width - 100;
  writeTitle(pdf, selection);
  writePosition(pdf, selection);
  writeProfile(pdf, selection.snapshot, facts.competencies);
  writePolicy(pdf, selection.snapshot.policy);
  writeRanking(pdf, selection.snapshot, width);
  writeDecisions(pdf, facts);
  writeFingerprint(pdf, selection, facts.intact);
  writeSignatures(pdf, width);
  writeFooters(pdf, selection, width);
  pdf.end();
  return done;
}

type Pdf = PDFKit.PDFDocument;
type Snapshot = Selection['snapshot'];

/** What the report reads beyond the snapshot: names of competencies and of the decided, the decisions, the check. */
interface ReportFacts {
  readonly competencies: ReadonlyMap<number, Competency>;
  readonly decisions: readonly SelectionDecision[];
  /** The ids of the decisions in force (the others were superseded). */
  readonly inForce: ReadonlySet<number>;
  readonly decided: ReadonlyMap<number, Employee>;
  /** Whether the stored record verifies against its fingerprint. */
  readonly intact: boolean;
}

async function reportFacts(ctx: Context, selection: Selection): Promise<ReportFacts> {
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
  return { competencies, decisions, inForce, decided, intact };
}

/** An A4 landscape document with the fonts registered, and its bytes once it ends. */
function newReport(selection: Selection): { pdf: Pdf; done: Promise<Buffer> } {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    info: {
      Title: `Berita Acara Seleksi ${selection.snapshot.position.code}`,
      Author: 'competency-graph',
    },
    bufferPages: true,
  });
  pdf.registerFont('regular', REGULAR);
  pdf.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    pdf.on('end', () => resolve(Buffer.concat(chunks))),
  );
  return { pdf, done };
}

function heading(pdf: Pdf, text: string): void {
  pdf.moveDown(0.6).font('bold').fontSize(11).text(text).moveDown(0.2).font('regular').fontSize(9);
}

function writeTitle(pdf: Pdf, selection: Selection): void {
  pdf.font('bold').fontSize(14).text('BERITA ACARA SELEKSI JABATAN', { align: 'center' });
  pdf.font('regular').fontSize(9).moveDown(0.3);
  pdf.text(
    `Nomor seleksi ${selection.id} · dibuka ${tanggal(selection.openedAt)} oleh ${selection.openedBy}` +
      (selection.closedAt ? ` · ditutup ${tanggal(selection.closedAt)}` : ' · masih terbuka'),
    { align: 'center' },
  );
}

/** 1. The position. */
function writePosition(pdf: Pdf, selection: Selection): void {
  const { position } = selection.snapshot;
  heading(pdf, '1. Jabatan');
  const category = position.category as PositionCategory;
  pdf.text(`${position.code} — ${position.title}`);
  pdf.text(`Kategori: ${POSITION_CATEGORY_INFO[category]?.name ?? category}`);
  if (selection.note) pdf.text(`Catatan panitia: ${selection.note}`);
}

/** 2. The competency requirements and the conditions of the position. */
function writeProfile(
  pdf: Pdf,
  snapshot: Snapshot,
  competencies: ReadonlyMap<number, Competency>,
): void {
  heading(pdf, '2. Standar kompetensi jabatan');
  for (const requirement of snapshot.profile?.requirements ?? []) {
    const competency = competencies.get(requirement.competencyId);
    pdf.text(
      `${competency?.code ?? requirement.competencyId} ${competency?.name ?? ''}: level ${requirement.level}, bobot ${number(requirement.weight)}${requirement.critical ? ', kritis' : ''}`,
    );
  }
  const profile = snapshot.profile;
  if (profile) {
    const conditions = [
      profile.minRank && `pangkat minimal ${profile.minRank.code}`,
      profile.minEducation && `pendidikan minimal ${profile.minEducation.code}`,
      profile.requiredCourses.length > 0 &&
        `diklat wajib ${profile.requiredCourses.map((c) => c.code).join(', ')}`,
      profile.minYearsOfService !== null && `masa kerja minimal ${profile.minYearsOfService} tahun`,
      profile.minPerformance && `kinerja minimal ${profile.minPerformance}`,
      `batas usia pensiun ${profile.retirementAge} tahun`,
    ].filter(Boolean);
    pdf.text(`Persyaratan: ${conditions.join('; ')}.`);
  }
}

/** 3. The scoring policy. */
function writePolicy(pdf: Pdf, policy: Snapshot['policy']): void {
  heading(pdf, '3. Kebijakan penilaian');
  pdf.text(
    `Dinilai per ${tanggal(policy.asOf)}; skala ${policy.scale}; ambang JPM ${number(policy.minJobPersonMatch)}; ` +
      `batas per kompetensi ${policy.capPerCompetency ? 'ya' : 'tidak'}; batas total ${policy.capTotal ? 'ya' : 'tidak'}; ` +
      `asesmen berlaku ${policy.validityYears} tahun.`,
  );
}

/** 4. The frozen ranking, as a table: a row per candidate. */
function writeRanking(pdf: Pdf, snapshot: Snapshot, width: number): void {
  heading(
    pdf,
    `4. Peringkat kandidat (dibekukan saat dibuka; ${snapshot.candidates.length} kandidat teratas)`,
  );
  const columns = [24, 170, 120, 45, 95, 70, width - 524];
  const row = (cells: string[], font: 'regular' | 'bold' = 'regular') => {
    const y = pdf.y;
    let x = 50;
    let bottom = y;
    pdf.font(font);
    cells.forEach((cell, i) => {
      pdf.text(cell, x, y, { width: columns[i] - 4 });
      bottom = Math.max(bottom, pdf.y);
      x += columns[i];
    });
    pdf.x = 50;
    pdf.y = bottom + 2;
    if (pdf.y > pdf.page.height - 90) pdf.addPage();
  };
  pdf.fontSize(8);
  row(
    ['No', 'Nama', 'NIP', 'JPM', 'Kategori', 'Memenuhi syarat', 'Syarat belum terpenuhi'],
    'bold',
  );
  snapshot.candidates.forEach((candidate, i) => {
    const unmet = candidate.result.unmetConditions.map((c) => CONDITION_WORDS[c.code]);
    const criticalGaps = candidate.result.terms.filter((t) => t.critical && t.gap < 0).length;
    if (criticalGaps > 0) unmet.push(`${criticalGaps} kesenjangan kritis`);
    row([
      String(i + 1),
      candidate.name,
      candidate.nip ?? '—',
      number(candidate.result.jobPersonMatch),
      CATEGORY_WORDS[candidate.result.category] ?? candidate.result.category,
      candidate.result.qualified ? 'Ya' : 'Belum',
      unmet.join(', ') || '—',
    ]);
  });
  pdf.fontSize(9);
}

/** 5. Every decision with its reason, superseded ones marked. */
function writeDecisions(pdf: Pdf, { decisions, decided, inForce }: ReportFacts): void {
  heading(pdf, '5. Keputusan panitia');
  if (decisions.length === 0) pdf.text('Belum ada keputusan.');
  for (const decision of decisions) {
    const employee = decided.get(decision.employeeId);
    pdf.text(
      `${tanggal(decision.decidedAt)} — ${employee?.name ?? decision.employeeId} (${employee?.nip ?? employee?.pppkNumber ?? '—'}): ${DECISION_WORDS[decision.decision]}. Alasan: ${decision.reason}` +
        (inForce.has(decision.id) ? '' : ' (diganti oleh keputusan berikutnya)'),
    );
  }
}

/** 6. The fingerprint, and whether the stored record matches it. */
function writeFingerprint(pdf: Pdf, selection: Selection, intact: boolean): void {
  heading(pdf, '6. Sidik jari data');
  pdf.text(
    selection.fingerprintScheme === FingerprintScheme.SHA256
      ? `SHA-256 (tanpa kunci): ${selection.fingerprint}`
      : `HMAC-SHA256: ${selection.fingerprint}`,
  );
  pdf.text(
    intact
      ? 'Data yang tersimpan cocok dengan sidik jari ini.'
      : 'PERHATIAN: data yang tersimpan TIDAK cocok dengan sidik jari ini.',
  );
}

/** 7. Places for the committee members' signatures, side by side. */
function writeSignatures(pdf: Pdf, width: number): void {
  heading(pdf, '7. Tanda tangan');
  pdf.moveDown(0.5);
  const signatures = ['Ketua', 'Sekretaris', 'Anggota'];
  const top = pdf.y;
  signatures.forEach((role, i) => {
    const x = 50 + i * (width / 3);
    pdf.text(role, x, top, { width: width / 3 - 10, align: 'center' });
    pdf.text('(............................................)', x, top + 50, {
      width: width / 3 - 10,
      align: 'center',
    });
  });
  pdf.x = 50;
}

/** A footer on every page: the selection, the position, the page of how many. */
function writeFooters(pdf: Pdf, selection: Selection, width: number): void {
  const pages = pdf.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    pdf.switchToPage(pages.start + i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    pdf.page.margins.bottom = 0;
    pdf
      .font('regular')
      .fontSize(7)
      .text(
        `Seleksi ${selection.id} · ${selection.snapshot.position.code} · halaman ${i + 1} dari ${pages.count}`,
        50,
        pdf.page.height - 35,
        { width, align: 'center', lineBreak: false },
      );
  }
}
