// The search index: Pagefind reads the built site and writes a self-hosted index to pagefind/.
// Only <main data-pagefind-body> is indexed, so print pages, the search page and the page chrome
// stay out; headings with ids become the sub-results that link straight to a section. Each page
// also gets the later parts of its compound words as hidden metadata ("dele", which Pagefind
// searches too), so "område" finds "beskæftigelsesområdet".
import * as pagefind from "pagefind";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import pMap from "p-map";

export interface SearchIndexReport {
  pages: number;
  files: number;
}

/**
 * Parts of the indexed text that are not prose: chart drawings (their summary is indexed) and the
 * figures tables. Pages without data-pagefind-body (print pages, the search page) are not indexed.
 */
const EXCLUDE = [".chart-svg", ".chart-data", "[data-pagefind-ignore]"];

// Pagefind runs as one service per process, closed after each index so the process can exit.
// Builds may overlap (tests): a build that began indexing while another closed the service had
// its files cut short ("Unexpected end of JSON input"), so indexing runs one at a time.
let queue: Promise<unknown> = Promise.resolve();

/** The words of a text, lower case, letters and digits only. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The shortest first and later parts of a compound: shorter endings ("ende", "lige") are mostly inflection. */
const MIN_HEAD = 4;
const MIN_TAIL = 5;

/**
 * The later parts of compound words, found from the site's own words: a word splits where both
 * sides are words of the site, the first side possibly with a linking "s" or "e"
 * ("beskæftigelses|området" → "området", as "beskæftigelse" and "området" both occur). Danish
 * writes compounds as one word, and Pagefind finds words only by their beginning.
 */
export function compoundParts(words: readonly string[], vocabulary: ReadonlySet<string>): string[] {
  const parts = new Set<string>();
  for (const word of new Set(words)) {
    for (let i = MIN_HEAD; i <= word.length - MIN_TAIL; i++) {
      const head = word.slice(0, i);
      const tail = word.slice(i);
      if (!vocabulary.has(tail)) continue;
      if (vocabulary.has(head) || ((head.endsWith("s") || head.endsWith("e")) && vocabulary.has(head.slice(0, -1)))) parts.add(tail);
    }
  }
  return [...parts].sort();
}

/** The text Pagefind would index: the page's <main> without tags (a rough cut: only for finding words). */
function mainText(html: string): string | undefined {
  const main = /<main\b[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1];
  return main
    ?.replace(/<svg[\s\S]*?<\/svg>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/g, " ");
}

/**
 * Indexes the built site in `dir` (its .html files with <main data-pagefind-body>) into
 * `dir/pagefind/`: how many pages were indexed and how many files written. Calls in one process
 * run one after another. Throws with Pagefind's errors when a page cannot be read or written.
 */
export function indexSite(dir: string): Promise<SearchIndexReport> {
  const done = queue.then(() => indexOnce(dir));
  queue = done.catch(() => undefined);
  return done;
}

async function indexOnce(dir: string): Promise<SearchIndexReport> {
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
    if (!index) throw new Error(`Søgeindekset kunne ikke oprettes: ${errors.join("; ")}`);
    const files = (await readdir(dir, { recursive: true })).map((f) => f.split("\\").join("/")).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
    const pages = await Promise.all(files.map(async (file) => ({ file, html: await readFile(join(dir, file), "utf8") })));
    const texts = pages.map((page) => mainText(page.html));
    const vocabulary = new Set(texts.flatMap((text) => (text ? wordsOf(text) : [])));
    const added = await Promise.all(
      pages.map((page, i) => {
        const text = texts[i];
        const parts = text ? compoundParts(wordsOf(text), vocabulary) : [];
        const content = parts.length
          ? page.html.replace(/<\/main>/, `<span hidden data-pagefind-ignore data-pagefind-meta="dele">${parts.join(" ")}</span></main>`)
          : page.html;
        return index.addHTMLFile({ url: `/${page.file.replace(/(^|\/)index\.html$/, "$1")}`, content });
      }),
    );
    const failed = added.flatMap((result) => result.errors);
    if (failed.length) throw new Error(`Søgeindekset kunne ikke læse siderne: ${failed.join("; ")}`);
    // The index is taken from Pagefind in memory and written here: its own writeFiles could answer
    // before every file was whole (a build read a cut-off pagefind-entry.json under load), and the
    // site is published right after.
    const built = await index.getFiles();
    if (built.errors.length) throw new Error(`Søgeindekset kunne ikke skrives: ${built.errors.join("; ")}`);
    await index.deleteIndex();
    const output = join(dir, "pagefind");
    await pMap(
      built.files,
      async (file) => {
        const target = join(output, file.path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, file.content);
      },
      { concurrency: 16 },
    );
    // Every HTML file is read; the entry file counts the pages that were indexed.
    const entryFile = built.files.find((file) => file.path === "pagefind-entry.json");
    if (!entryFile) throw new Error("Søgeindekset mangler pagefind-entry.json.");
    const entry = JSON.parse(new TextDecoder().decode(entryFile.content)) as { languages: Record<string, { page_count: number }> };
    return { pages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0), files: built.files.length };
  } finally {
    await pagefind.close();
  }
}
