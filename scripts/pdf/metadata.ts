// Document information for the PDFs, and dates pinned so that two builds of one commit are identical.
import { PDFDocument, PDFName, PDFString } from "pdf-lib";

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  /** Seconds since 1970 (SOURCE_DATE_EPOCH). */
  date: number;
}

export async function setMetadata(pdf: Uint8Array, info: PdfInfo): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const date = new Date(info.date * 1000);
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  if (info.keywords) doc.setKeywords(info.keywords);
  doc.setCreator("beskaeftigelsesplan");
  doc.setProducer("Chromium (Puppeteer) og pdf-lib");
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.catalog.set(PDFName.of("Lang"), PDFString.of("da"));
  // Chromium's file ID is derived from the clock; without one the file depends only on its content.
  doc.context.trailerInfo.ID = undefined;
  return { bytes: await doc.save({ useObjectStreams: false }), pages: doc.getPageCount() };
}
