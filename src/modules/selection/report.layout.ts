import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { signingOrder, type CommitteeMember } from '../../domain/committee';
import { placeAndDate, pukul } from '../../domain/berita-acara';
import { reportLabel } from '../../domain/selection.format';

const fonts = createRequire(__filename);
/** DejaVu Sans, embedded: it has every letter Indonesian names use. */
const REGULAR = fonts.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = fonts.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export type Pdf = PDFKit.PDFDocument;
export const MARGIN = 50;
/** Room kept free at the foot of each page for the footer. */
const FOOT = 60;

/** The agency as the letterhead and the place-and-date line print it. */
export interface Letterhead {
  readonly name: string;
  readonly address: string | null;
  readonly place: string | null;
  readonly timeZone: string;
  readonly logo: Buffer | null;
}

/** An A4 landscape document with the fonts registered, and its bytes once it ends. */
export function newDocument(title: string): { pdf: Pdf; done: Promise<Buffer> } {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: title, Author: 'competency-graph' },
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

export const contentWidth = (pdf: Pdf) => pdf.page.width - 2 * MARGIN;

/** Whether `height` more points fit above the footer of this page. */
export const fits = (pdf: Pdf, height: number) => pdf.y + height <= pdf.page.height - FOOT;

export function heading(pdf: Pdf, text: string): void {
  if (!fits(pdf, 40)) pdf.addPage();
  pdf.moveDown(0.6).font('bold').fontSize(11).text(text).moveDown(0.2).font('regular').fontSize(9);
}

/** The kop: the logo on the left, the agency's name and address centred, a double rule under. */
export function writeLetterhead(pdf: Pdf, letterhead: Letterhead): void {
  const top = pdf.y;
  const width = contentWidth(pdf);
  if (letterhead.logo) {
    try {
      pdf.image(letterhead.logo, MARGIN, top, { fit: [60, 60] });
    } catch {
      // A logo pdfkit cannot read is left out (it was checked when set; this is belt and braces).
    }
  }
  pdf
    .font('bold')
    .fontSize(14)
    .text(letterhead.name.toUpperCase(), MARGIN + 70, top + 8, {
      width: width - 140,
      align: 'center',
    });
  if (letterhead.address)
    pdf
      .font('regular')
      .fontSize(9)
      .text(letterhead.address, { width: width - 140, align: 'center' });
  const rule = Math.max(pdf.y + 6, top + 66);
  pdf
    .lineWidth(2)
    .moveTo(MARGIN, rule)
    .lineTo(MARGIN + width, rule)
    .stroke();
  pdf
    .lineWidth(0.5)
    .moveTo(MARGIN, rule + 3)
    .lineTo(MARGIN + width, rule + 3)
    .stroke();
  pdf.x = MARGIN;
  pdf.y = rule + 12;
}

/**
 * The members' signatures under the place-and-date line, three to a row, each with the role, a
 * line to sign on, the name and the NIP. The block is kept whole: when it does not fit under
 * what precedes it, it starts a page of its own under `reprise` (the title and number again).
 */
export function writeSignatures(
  pdf: Pdf,
  members: readonly CommitteeMember[],
  letterhead: Letterhead,
  signedAt: Date,
  reprise: (pdf: Pdf) => void,
): void {
  const ordered: (CommitteeMember | null)[] =
    members.length > 0 ? signingOrder(members) : [null, null, null];
  const perRow = 3;
  const rows = Math.ceil(ordered.length / perRow);
  const rowHeight = 92;
  const height = 70 + rows * rowHeight;
  if (!fits(pdf, height)) {
    pdf.addPage();
    reprise(pdf);
  }
  heading(pdf, 'Tanda tangan panitia seleksi');
  const zone = letterhead.timeZone;
  pdf.text(
    `${placeAndDate(letterhead.place ?? '…………………', signedAt, zone)}, pukul ${pukul(signedAt, zone)}`,
    { align: 'right' },
  );
  if (members.length === 0)
    pdf.text('Anggota panitia belum dicatat (setSelectionMembers).', { align: 'left' });
  pdf.moveDown(0.5);
  const width = contentWidth(pdf) / perRow;
  const placeholderRoles = ['CHAIR', 'SECRETARY', 'MEMBER'];
  for (let r = 0; r < rows; r++) {
    const top = pdf.y;
    ordered.slice(r * perRow, r * perRow + perRow).forEach((member, i) => {
      const x = MARGIN + i * width;
      const box = { width: width - 12, align: 'center' as const };
      const role = member?.role ?? placeholderRoles[r * perRow + i];
      pdf.font('regular').fontSize(9).text(reportLabel('CommitteeRole', role), x, top, box);
      pdf.text('(......................................................)', x, top + 42, box);
      pdf.font('bold').text(member?.name ?? '', x, top + 56, box);
      pdf.font('regular').text(member ? `NIP ${member.nip}` : 'NIP', x, top + 68, box);
    });
    pdf.x = MARGIN;
    pdf.y = top + rowHeight;
  }
}

/** A footer on every page: the selection and its number, and "halaman X dari Y". */
export function writeFooters(pdf: Pdf, label: string): void {
  const pages = pdf.bufferedPageRange();
  const width = contentWidth(pdf);
  for (let i = 0; i < pages.count; i++) {
    pdf.switchToPage(pages.start + i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    pdf.page.margins.bottom = 0;
    pdf
      .font('regular')
      .fontSize(7)
      .text(`${label} · halaman ${i + 1} dari ${pages.count}`, MARGIN, pdf.page.height - 35, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
}
