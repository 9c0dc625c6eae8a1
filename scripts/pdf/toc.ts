// Table of contents with real page numbers. Chromium has no target-counter(), so the document is
// printed once, the page of each heading is read from the PDF's bookmarks, the numbers are written
// into the contents, and the document is printed again.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFObject } from "pdf-lib";
import type { Page } from "puppeteer-core";

export interface Heading {
  id: string;
  text: string;
}

export interface OutlineEntry {
  title: string;
  page: number;
}

// Soft hyphens and footnote references ("[1]") are not part of a title.
export const normalizeTitle = (text: string) =>
  text
    .replace(/\u00ad/g, "")
    .replace(/\[\d+\]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Whether a bookmark title names a heading. Chromium (150) writes bookmark titles with the spaces
 * at line breaks dropped ("etvirksomhedsrettet"), and repeats the first line of a heading that opens
 * a page after a forced break once web fonts are loaded ("IndledningIndledning"); so titles are
 * compared without white space, allowing a repeated first line.
 */
export function sameTitle(bookmark: string, heading: string): boolean {
  const squash = (text: string) => normalizeTitle(text).replace(/\s+/g, "");
  const b = squash(bookmark);
  const h = squash(heading);
  if (b === h) return true;
  return b.length > h.length && b.endsWith(h) && h.startsWith(b.slice(0, b.length - h.length));
}

/** The h2 headings of rendered HTML, for the contents: [{ id, text }]. */
export function headingsOf(html: string, level = 2): Heading[] {
  const pattern = new RegExp(`<h${level} id="([^"]+)"[^>]*>([^]*?)</h${level}>`, "g");
  return [...html.matchAll(pattern)].map((m) => ({
    id: m[1]!,
    text: normalizeTitle(
      m[2]!
        .replace(/<[^>]*>/g, "")
        .replace(/&amp;/g, "&")
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">"),
    ),
  }));
}

/** Pairs headings (document order) with bookmarks (document order) by title: id -> page. */
export function matchHeadings(headings: readonly Heading[], outline: readonly OutlineEntry[]): Map<string, number> {
  const pages = new Map<string, number>();
  let cursor = 0;
  for (const heading of headings) {
    const found = outline.findIndex((entry, i) => i >= cursor && sameTitle(entry.title, heading.text));
    if (found < 0) continue;
    pages.set(heading.id, outline[found]!.page);
    cursor = found + 1;
  }
  return pages;
}

/**
 * Bookmarks of a PDF with the 1-based page each points to, flattened in document order. Reads the
 * document the PDF stage goes on to tag, so a printed PDF is parsed once. A bookmark's target is
 * its /Dest or a GoTo action's /D: an explicit destination ([page /XYZ …]) or a name in the
 * catalog's /Dests or /Names/Dests (ISO 32000-1, 12.3.2); one that names no page is left out.
 */
export function readOutline(doc: PDFDocument): OutlineEntry[] {
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const named = (key: string): PDFObject | undefined => {
    const dests = doc.catalog.lookup(PDFName.of("Dests"));
    if (dests instanceof PDFDict) {
      const found = dests.lookup(PDFName.of(key));
      if (found) return found;
    }
    const names = doc.catalog.lookup(PDFName.of("Names"));
    const tree = names instanceof PDFDict ? names.lookup(PDFName.of("Dests")) : undefined;
    const search = (node: PDFObject | undefined): PDFObject | undefined => {
      if (!(node instanceof PDFDict)) return undefined;
      const pairs = node.lookup(PDFName.of("Names"));
      if (pairs instanceof PDFArray) {
        for (let i = 0; i + 1 < pairs.size(); i += 2) if (textOf(pairs.lookup(i)) === key) return pairs.lookup(i + 1);
      }
      const kids = node.lookup(PDFName.of("Kids"));
      return kids instanceof PDFArray
        ? kids
            .asArray()
            .map((kid) => search(doc.context.lookup(kid)))
            .find(Boolean)
        : undefined;
    };
    return search(tree);
  };
  const pageOf = (dest: PDFObject | undefined): number | undefined => {
    const key = dest instanceof PDFName ? dest.decodeText() : textOf(dest);
    if (key !== undefined) return pageOf(named(key));
    if (dest instanceof PDFDict) return pageOf(dest.lookup(PDFName.of("D")));
    const target = dest instanceof PDFArray ? dest.get(0) : undefined;
    return target ? pageIndex.get(target.toString()) : undefined;
  };
  const entries: OutlineEntry[] = [];
  const seen = new Set<PDFObject>();
  const walk = (item: PDFObject | undefined): void => {
    while (item instanceof PDFDict && !seen.has(item)) {
      seen.add(item);
      const action = item.lookup(PDFName.of("A"));
      const page = pageOf(item.lookup(PDFName.of("Dest")) ?? (action instanceof PDFDict ? action.lookup(PDFName.of("D")) : undefined));
      const title = textOf(item.lookup(PDFName.of("Title")));
      if (page !== undefined && title !== undefined) entries.push({ title, page });
      walk(item.lookup(PDFName.of("First")));
      item = item.lookup(PDFName.of("Next"));
    }
  };
  const outlines = doc.catalog.lookup(PDFName.of("Outlines"));
  if (outlines instanceof PDFDict) walk(outlines.lookup(PDFName.of("First")));
  return entries;
}

const textOf = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);

/** Writes page numbers into `.toc-page[data-for]`; returns how many changed. */
export async function fillContents(page: Page, pages: Map<string, number>): Promise<number> {
  return page.evaluate(
    (entries: [string, number][]) => {
      let changed = 0;
      for (const [id, number] of entries) {
        for (const el of document.querySelectorAll(`.toc-page[data-for="${CSS.escape(id)}"]`)) {
          if (el.textContent !== String(number)) {
            el.textContent = String(number);
            changed++;
          }
        }
      }
      return changed;
    },
    [...pages.entries()],
  );
}

/** Ids and texts of every heading the contents refer to, in document order. */
export async function contentsTargets(page: Page): Promise<Heading[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".toc-page[data-for]")].map((el) => {
      const id = el.getAttribute("data-for")!;
      return { id, text: document.getElementById(id)?.textContent ?? "" };
    }),
  );
}

/** The text of every heading of the page, in document order (what the bookmarks should say). */
export async function headingTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => h.textContent ?? ""));
}
