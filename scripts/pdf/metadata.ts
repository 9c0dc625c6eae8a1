// Document information for the PDFs, and dates pinned so that two builds of one commit are identical.
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHeader, PDFHexString, PDFName, PDFString, type PDFObject } from "pdf-lib";
import { makeAccessible } from "./tagging.ts";
import { normalizeTitle, sameTitle } from "./toc.ts";

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  /** Seconds since 1970 (SOURCE_DATE_EPOCH). */
  date: number;
  /** The page's headings in document order: the bookmarks get their exact words. */
  headings?: string[];
  /** Each link's text by its target, for the link annotations (see tagging.ts). */
  links?: Record<string, string>;
}

/** Parses a printed PDF once, for the contents pass, the post-processing and the check alike. */
export function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  // Without parseSpeed pdf-lib waits for a timer every 100 objects: most of its time on a busy machine.
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/**
 * Document information, bookmarks and the PDF/UA-1 post-processing (tagging.ts) on a loaded PDF;
 * mutates `doc`. The same input gives the same document (dates from `info.date`, no clock).
 */
export function setMetadata(doc: PDFDocument, info: PdfInfo): void {
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
  fixOutlineTitles(doc, info.headings ?? []);
  renumberNodeIds(doc);
  makeAccessible(doc, { title: info.title, author: info.author, subject: info.subject, language: "da", date: info.date, links: info.links ?? {} });
  // Chromium's file ID is derived from the clock; without one the file depends only on its content.
  doc.context.trailerInfo.ID = undefined;
}

/**
 * The file's bytes: PDF 1.7 with object streams (ISO 32000-1, 7.5.7), so the structure tree's
 * thousands of small dictionaries are compressed instead of written as plain text (that made
 * tagged PDFs a fifth larger). Deterministic: pdf-lib numbers and packs objects in order.
 */
export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  doc.context.header = PDFHeader.forVersion(1, 7);
  // objectsPerTick: pdf-lib otherwise waits for a timer every 50 objects.
  return doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
}

/**
 * Chromium names tagged structure elements after its DOM node ids ("node00000201": /ID, the /Headers
 * of table cells, the /IDTree), and those shift from one print to the next. Number them by rank
 * instead (order kept, so the /IDTree stays sorted), so that two builds give the same bytes.
 */
function renumberNodeIds(doc: PDFDocument): void {
  const found: { owner: PDFDict | PDFArray; key: PDFName | number; text: string }[] = [];
  const walk = (owner: PDFObject): void => {
    const children: [PDFName | number, PDFObject][] =
      owner instanceof PDFDict ? owner.entries() : owner instanceof PDFArray ? owner.asArray().map((child, i) => [i, child]) : [];
    for (const [key, child] of children) {
      const text = child instanceof PDFString || child instanceof PDFHexString ? child.decodeText() : undefined;
      if (text && /^node\d+$/.test(text)) found.push({ owner: owner as PDFDict | PDFArray, key, text });
      else walk(child);
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) walk(object);
  const ranked = [...new Set(found.map((f) => f.text))].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  const renamed = new Map(ranked.map((text, i) => [text, `node${String(i + 1).padStart(8, "0")}`]));
  for (const { owner, key, text } of found) {
    const value = PDFString.of(renamed.get(text)!);
    if (owner instanceof PDFDict) owner.set(key as PDFName, value);
    else owner.set(key as number, value);
  }
}

/** Bookmark titles as the reader should see them: each the words of its heading (see sameTitle). */
function fixOutlineTitles(doc: PDFDocument, headings: readonly string[]): void {
  const outlines = doc.catalog.lookup(PDFName.of("Outlines"));
  if (!(outlines instanceof PDFDict)) return;
  let cursor = 0;
  const visit = (item: unknown): void => {
    if (!(item instanceof PDFDict)) return;
    const title = item.lookup(PDFName.of("Title"));
    if (title instanceof PDFString || title instanceof PDFHexString) {
      const text = title.decodeText();
      const found = headings.findIndex((heading, i) => i >= cursor && sameTitle(text, heading));
      if (found >= 0) {
        cursor = found + 1;
        item.set(PDFName.of("Title"), PDFHexString.fromText(normalizeTitle(headings[found]!)));
      }
    }
    visit(item.lookup(PDFName.of("First")));
    visit(item.lookup(PDFName.of("Next")));
  };
  visit(outlines.lookup(PDFName.of("First")));
}
