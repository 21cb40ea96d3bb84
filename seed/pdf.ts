// Real PDF files with Vietnamese text, for demo documents and tests: pdfkit embeds a subset of
// DejaVu Serif (which has every Vietnamese letter) with its ToUnicode map, so a PDF reader, and
// the text job (unpdf), get the words back exactly.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf');

export type PdfContent = {
  /** Document title, also the PDF's Title metadata. */
  title: string;
  /** Lines above the title (issuer, number, place and date). */
  heading?: string[];
  /** Paragraphs; a `\f` paragraph starts a new page. */
  paragraphs: string[];
};

/**
 * A4 PDF of the given text. Deterministic for the same content (pdfkit derives the trailer's
 * /ID from the info, whose creation date is fixed here), so the demo seed's files are content-addressed to the same key on every install.
 */
export function generatePdf(content: PdfContent): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: content.title, Producer: 'Newsroom', Creator: 'Newsroom', CreationDate: new Date(Date.UTC(2026, 0, 1)) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.font(FONT).fontSize(12);
  for (const line of content.heading ?? []) doc.text(line, { align: 'center' });
  if (content.heading?.length) doc.moveDown();
  doc.font(FONT_BOLD).fontSize(14).text(content.title, { align: 'center' }).moveDown();
  doc.font(FONT).fontSize(12);
  for (const paragraph of content.paragraphs) {
    if (paragraph === '\f') doc.addPage();
    else doc.text(paragraph, { align: 'justify' }).moveDown(0.5);
  }
  doc.end();
  return done;
}
