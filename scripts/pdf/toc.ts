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

export const normalizeTitle = (text: string) => text.replace(/\u00ad/g, "").replace(/\s+/g, " ").trim();

/**
 * Chromium (150) writes the bookmark of a heading that opens a page after a forced page break
 * twice over ("IndledningIndledning") once web fonts are loaded; this gives back one copy.
 */
export function undoubled(title: string): string {
  const half = title.slice(0, title.length / 2);
  return title.length >= 2 && title.length % 2 === 0 && half + half === title ? half : title;
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
    const title = normalizeTitle(heading.text);
    const found = outline.findIndex((entry, i) => i >= cursor && normalizeTitle(entry.title) === title);
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
        const dest = typeof item.dest === "string" ? await doc.getDestination(item.dest) : (item.dest as unknown[] | null);
        const ref = dest?.[0];
        if (ref && typeof ref === "object") entries.push({ title: undoubled(item.title), page: (await doc.getPageIndex(ref as never)) + 1 });
        await walk(item.items);
      }
    };
    await walk(((await doc.getOutline()) ?? []) as Item[]);
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
