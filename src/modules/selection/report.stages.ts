import { formatScore, inSentence, reportLabel } from '../../domain/selection.format';
import type { SelectionStage } from './selection-stage.entity';
import type { StandingView } from './selection-stages.service';
import type { Selection } from './selection.entity';
import { contentWidth, heading, MARGIN, type Pdf } from './report.layout';

/** What the stages' sections print: the selection's stages and its standings, read once. */
export interface StageFacts {
  readonly selection: Selection;
  readonly stages: readonly SelectionStage[];
  readonly standings: readonly StandingView[];
  readonly proposed: readonly StandingView[];
}

/**
 * The stages with each candidate's scores, total and standing: one row a candidate, one column
 * a stage (its weight and pass mark in the heading), in the order of the standings; a score the
 * frozen JPM stands in for is marked, and a candidate who dropped says at which stage.
 */
export function writeStages(pdf: Pdf, facts: StageFacts, n: number): void {
  const { stages, standings } = facts;
  heading(pdf, `${n}. Tahapan seleksi dan nilai`);
  if (stages.length === 0) {
    pdf.text('Seleksi ini dibuka tanpa tahapan: peringkatnya adalah peringkat JPM yang dibekukan.');
    return;
  }
  const people = candidatesOf(facts.selection);
  const width = contentWidth(pdf);
  const fixed = [30, 150, 110];
  const tail = [50, 110];
  const stageWidth = Math.max(
    40,
    (width - [...fixed, ...tail].reduce((a, b) => a + b, 0)) / stages.length,
  );
  const columns = [...fixed, ...stages.map(() => stageWidth), ...tail];
  const row = tableRow(pdf, columns);
  pdf.fontSize(7.5);
  row(
    [
      'Peringkat',
      'Nama',
      'NIP',
      ...stages.map(
        (s) =>
          `${s.name} (${formatScore(s.weight)}%${s.passMark === null || s.passMark === undefined ? '' : `, lulus ≥ ${formatScore(s.passMark)}`})`,
      ),
      'Total',
      'Keterangan',
    ],
    'bold',
  );
  for (const standing of standings) {
    const person = people.get(standing.employeeId);
    const scoreOf = new Map(standing.scores.map((s) => [s.stage.id, s]));
    row([
      standing.rank === null ? '—' : String(standing.rank),
      person?.name ?? String(standing.employeeId),
      person?.nip ?? '—',
      ...stages.map((stage) => {
        const score = scoreOf.get(stage.id);
        if (!score) return '·';
        return score.fromJobPersonMatch
          ? `${formatScore(score.score)} (JPM)`
          : formatScore(score.score);
      }),
      standing.total === null ? '—' : formatScore(standing.total),
      standingNote(standing),
    ]);
  }
  pdf.font('regular').fontSize(8);
  pdf.text(
    '· belum dinilai; (JPM): nilai JPM yang dibekukan dipakai selama nilai assessment center belum dimasukkan.',
  );
  pdf.fontSize(9);
}

/** The three names proposed to the PPK, best first, with the rule that broke a tie. */
export function writeProposedNames(pdf: Pdf, facts: StageFacts, n: number): void {
  heading(pdf, `${n}. Nama yang diusulkan kepada PPK`);
  const people = candidatesOf(facts.selection);
  if (facts.proposed.length === 0) {
    pdf.text(
      'Belum ada kandidat yang menyelesaikan semua tahapan tanpa gugur; belum ada nama yang diusulkan.',
    );
    return;
  }
  facts.proposed.forEach((standing, i) => {
    const person = people.get(standing.employeeId);
    pdf.text(
      `${i + 1}. ${person?.name ?? standing.employeeId} (NIP ${person?.nip ?? '—'}), nilai akhir ${formatScore(standing.total ?? 0)}` +
        (standing.tieBreak
          ? `; nilai akhir sama dengan kandidat di dekatnya, diurutkan menurut ${inSentence(reportLabel('TieBreak', standing.tieBreak))}`
          : ''),
    );
  });
  if (facts.proposed.length < 3)
    pdf.text(
      `Hanya ${facts.proposed.length} kandidat yang menyelesaikan semua tahapan tanpa gugur.`,
    );
}

/** What a standing's last column says: dropped at a stage, still in progress, or complete. */
function standingNote(standing: StandingView): string {
  if (standing.droppedAt) return `Gugur pada tahap ${standing.droppedAt.name}`;
  const note = standing.complete ? 'Semua tahap dinilai' : 'Belum semua tahap dinilai';
  return standing.tieBreak
    ? `${note}; seri: ${inSentence(reportLabel('TieBreak', standing.tieBreak))}`
    : note;
}

function candidatesOf(selection: Selection): Map<number, { name: string; nip: string | null }> {
  return new Map(selection.snapshot.candidates.map((c) => [c.employeeId, c]));
}

/** A row of a table of `columns` (widths), on a new page when the page is full. */
function tableRow(pdf: Pdf, columns: readonly number[]) {
  return (cells: string[], font: 'regular' | 'bold' = 'regular') => {
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
}
