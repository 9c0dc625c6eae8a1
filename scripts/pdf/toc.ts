// Table of contents with real page numbers. Chromium has no target-counter(), so the document is
// printed once, the page of each heading is read from the PDF's bookmarks, the numbers are written
// into the contents, and the document is printed again.
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
export const normalizeTitle = (text: string) => text.replace(/\u00ad/g, "").replace(/\[\d+\]/g, "").replace(/\s+/g, " ").trim();

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
    text: normalizeTitle(m[2]!.replace(/<[^>]*>/g, "").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">")),
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

/** Bookmarks of a PDF with the 1-based page each points to, flattened in document order. */
export async function readOutline(pdf: Uint8Array): Promise<OutlineEntry[]> {
  // unpdf: pdf.js built for servers, without the native canvas package pdfjs-dist pulls in.
  const { getDocumentProxy } = await import("unpdf");
  const doc = await getDocumentProxy(pdf.slice(), { useSystemFonts: false, verbosity: 0 });
  try {
    type Item = { title: string; dest: unknown; items: Item[] };
    const entries: OutlineEntry[] = [];
    const walk = async (items: Item[]) => {
      for (const item of items) {
        const dest = (typeof item.dest === "string" ? await doc.getDestination(item.dest) : item.dest) as unknown[] | null;
        const ref = dest?.[0];
        if (ref && typeof ref === "object") entries.push({ title: item.title, page: (await doc.getPageIndex(ref as never)) + 1 });
        await walk(item.items);
      }
    };
    await walk((await doc.getOutline()) ?? []);
    return entries;
  } finally {
    await doc.loadingTask.destroy();
  }
}

/** Writes page numbers into `.toc-page[data-for]`; returns how many changed. */
export async function fillContents(page: Page, pages: Map<string, number>): Promise<number> {
  return page.evaluate((entries: [string, number][]) => {
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
  }, [...pages.entries()]);
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
