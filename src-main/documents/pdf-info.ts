import { infoOf } from './text-layer';

export const PDF_CREATOR = 'Passerelle';

/**
 * The PDF's information dictionary from the page's <title> and author, with
 * Passerelle as its creator and producer: Chromium would leave "about:blank"
 * and "HeadlessChrome" there. pdf-lib is loaded with the first print.
 */
export async function withDocumentInfo(pdf: Uint8Array, html: string): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const { title, author } = infoOf(html);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (title) doc.setTitle(title, { showInWindowTitleBar: true });
  if (author) doc.setAuthor(author);
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(PDF_CREATOR);
  return doc.save({ useObjectStreams: false });
}
