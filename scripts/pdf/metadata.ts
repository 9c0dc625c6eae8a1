// Document information for the PDFs, and dates pinned so that two builds of one commit are identical.
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { undoubled } from "./toc.ts";

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
  fixOutlineTitles(doc);
  // Chromium's file ID is derived from the clock; without one the file depends only on its content.
  doc.context.trailerInfo.ID = undefined;
  return { bytes: await doc.save({ useObjectStreams: false }), pages: doc.getPageCount() };
}

/** Bookmark titles as the reader should see them (see undoubled). */
function fixOutlineTitles(doc: PDFDocument): void {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || !object.has(PDFName.of("Parent"))) continue;
    const title = object.lookup(PDFName.of("Title"));
    if (!(title instanceof PDFString || title instanceof PDFHexString)) continue;
    const text = title.decodeText();
    if (undoubled(text) !== text) object.set(PDFName.of("Title"), PDFHexString.fromText(undoubled(text)));
  }
}
