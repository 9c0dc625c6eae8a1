// The search index: Pagefind reads the built site and writes a self-hosted index to pagefind/.
// Only <main data-pagefind-body> is indexed, so print pages, the search page and the page chrome
// stay out; headings with ids become the sub-results that link straight to a section.
import * as pagefind from "pagefind";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";

export interface SearchIndexReport {
  pages: number;
  files: number;
}

/**
 * Parts of the indexed text that are not prose: chart drawings (their summary is indexed) and the
 * figures tables. Pages without data-pagefind-body (print pages, the search page) are not indexed.
 */
const EXCLUDE = [".chart-svg", ".chart-data", "[data-pagefind-ignore]"];

// Pagefind runs as one service per process; builds may overlap (tests), so it closes after the last.
let running = 0;

export async function indexSite(dir: string): Promise<SearchIndexReport> {
  running++;
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
    if (!index) throw new Error(`Søgeindekset kunne ikke oprettes: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`Søgeindekset kunne ikke læse siderne: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(dir, "pagefind") });
    if (written.errors.length) throw new Error(`Søgeindekset kunne ikke skrives: ${written.errors.join("; ")}`);
    await index.deleteIndex();
    const files = (await readdir(written.outputPath, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
    // addDirectory counts every HTML file read; the entry file counts the pages that were indexed.
    const entry = JSON.parse(await readFile(join(written.outputPath, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    return { pages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0), files };
  } finally {
    if (--running === 0) await pagefind.close();
  }
}
