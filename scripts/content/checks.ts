// Checks on the tokens of the one Markdown reading, run by buildModel (so by npm run check, the
// build and the dev server alike): links and #anchors between pages, heading levels, placeholders
// left by `npm run new`, and images. Each problem names the file, line and column of the mistake.
import { posix } from "node:path";
import { formatSize } from "../lib/danish.ts";
import { isActive, sanitizeSvg } from "../lib/svg.ts";
import { messages, type MessageText, type Problem } from "../messages.ts";
import { anchorsOf, composePage, decodeUri, imageFile } from "./compose.ts";
import type { Document, Page } from "./load.ts";
import { walkTokens, type Token } from "./markdown.ts";

/** Pages the build makes itself, which content cannot also use (search, archive, quarterly status). */
export const GENERATED_PAGES = ["/soeg/", "/arkiv/", "/status/"] as const;
/** Folders the build writes into; no content page may publish there. */
export const RESERVED_FOLDERS = ["/print/", "/pdf/", "/assets/", "/pagefind/"] as const;

/** The text `npm run new` leaves where an editor is to write. */
const PLACEHOLDER = /\[Skriv her:[^\]\n]*\]?/;

/** Line (1-based in the file) and column where `needle` is first written in a block's lines. */
function place(page: Page, block: Token | undefined, needle: string): { line: number; column: number } {
  const [start, end] = block?.map ?? [0, 1];
  const lines = page.body.split("\n");
  for (let index = start; index < end; index++) {
    const column = lines[index]?.indexOf(needle) ?? -1;
    if (column >= 0) return { line: page.bodyStart + index, column: column + 1 };
  }
  return { line: page.bodyStart + start, column: 1 };
}

/**
 * Inline children of the page's own blocks, each with the block that gives its lines (a table
 * cell's text has no line map of its own: its row's) and the type of the token that opens it.
 */
function* inlineTokens(page: Page): Generator<{ token: Token; block: Token | undefined; opener: string }> {
  let located: Token | undefined;
  for (const [index, block] of page.tokens.entries()) {
    if (block.map) located = block;
    if (block.type !== "inline") continue;
    const opener = page.tokens[index - 1]?.type ?? "";
    for (const token of walkTokens(block.children ?? [])) yield { token, block: located, opener };
  }
}

/** A link to somewhere on the site (not https:, mailto: or another scheme). */
export const isInternal = (href: string) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("//");

/**
 * Every link on a page to another page or a #anchor must arrive: at a page of the site, a page the
 * build makes, a PDF, and at an id on that page (a heading, a footnote, a figure or a table).
 */
export function checkLinks(pages: ReadonlyMap<string, Page>, documents: readonly Document[]): Problem[] {
  const problems: Problem[] = [];
  const byUrl = new Map([...pages.values()].map((page) => [page.url, page]));
  const pdfs = new Set(documents.map((d) => `/pdf/${d.pdf}`));
  const comparisons = new Set(documents.filter((d) => d.data.compare_with !== undefined).map((d) => `${d.url}aendringer/`));
  const anchors = new Map<string, Set<string>>();
  const anchorsAt = (page: Page) => {
    if (!anchors.has(page.key)) anchors.set(page.key, anchorsOf(composePage(page, pages)));
    return anchors.get(page.key)!;
  };
  for (const page of pages.values()) {
    for (const { token, block } of inlineTokens(page)) {
      if (token.type !== "link_open") continue;
      const href = String(token.attrGet("href") ?? "");
      // Links linkify made from text ("www.example.org") and links out of the site are not checked here.
      if (token.markup === "linkify" || !isInternal(href)) continue;
      const report = (text: MessageText) => problems.push({ file: page.file, ...place(page, block, href), ...text });
      // "www.jobindsats.dk" or "jobindsats.dk/tal": a web address written without https://.
      if (/^(www\.|[a-z0-9-]+\.(dk|com|org|net|eu|gov|info)(\/|$))/i.test(href)) {
        report(messages.linkWithoutScheme(href));
        continue;
      }
      let url: URL;
      try {
        url = new URL(href, `http://site${page.url}`);
      } catch {
        report(messages.brokenLink(href, page.url));
        continue;
      }
      const path = decodeUri(url.pathname);
      const target = byUrl.get(path) ?? byUrl.get(`${path}/`) ?? byUrl.get(path.replace(/index\.html$/, ""));
      const known = target || pdfs.has(path) || comparisons.has(path) || (GENERATED_PAGES as readonly string[]).includes(path);
      if (!known) {
        report(messages.brokenLink(href, page.url));
        continue;
      }
      const anchor = decodeUri(url.hash.slice(1));
      if (anchor && target && !anchorsAt(target).has(anchor)) report(messages.brokenAnchor(href, target.file));
    }
  }
  return problems;
}

/** Headings go down one level at a time (WCAG 1.3.1): the page title is level 1, so a page's first heading is ##. */
export function checkHeadings(pages: ReadonlyMap<string, Page>): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages.values()) {
    let previous = 1;
    for (const [index, token] of page.tokens.entries()) {
      if (token.type !== "heading_open" || token.level !== 0) continue;
      const level = Number(token.tag.slice(1));
      if (level === 1) {
        // The page's title (front matter) is its one level-1 heading; a second <h1> breaks the outline.
        const text = page.tokens[index + 1]?.content ?? "";
        problems.push({ file: page.file, ...place(page, token, token.markup.startsWith("#") ? token.markup : text.split("\n")[0]!), ...messages.headingLevelOne(text) });
      } else if (level > previous + 1) {
        const text = page.tokens[index + 1]?.content ?? "";
        // At the #s of "### …", or where an underlined heading's text begins.
        const at = place(page, token, token.markup.startsWith("#") ? token.markup : text.split("\n")[0]!);
        problems.push({ file: page.file, ...at, ...messages.headingSkip(text, level, previous, "#".repeat(previous + 1)) });
      }
      previous = level;
    }
  }
  return problems;
}

/**
 * Text that reads like a directive line where only text can stand: "::: chart …" (or "::chart …")
 * in a table cell, a heading or the middle of a line. The parser finds directive lines only where a
 * block begins, so such text would be shown as written and the chart would be missing. Code spans
 * and code blocks stay text (examples in a guide).
 */
const DIRECTIVE_IN_TEXT = /:{2,}[ \t]*[a-zæøå][a-zæøå-]*(?:[ \t]+[^\s|]+)?/i;

/** Where in the text a directive cannot be rendered, from the block the inline text belongs to. */
const TEXT_PLACES: Record<string, "tabel" | "overskrift"> = { th_open: "tabel", td_open: "tabel", heading_open: "overskrift" };

/** Directive-like text inside table cells, headings and lines of text: never rendered, so an error at its place. */
export function checkDirectivesInText(pages: ReadonlyMap<string, Page>): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages.values()) {
    for (const { token, block, opener } of inlineTokens(page)) {
      const found = token.type === "text" ? DIRECTIVE_IN_TEXT.exec(token.content) : null;
      if (found) problems.push({ file: page.file, ...place(page, block, found[0]), ...messages.directiveInText(found[0].trim(), TEXT_PLACES[opener] ?? "tekst") });
    }
  }
  return dedupe(problems);
}

/**
 * Placeholders `npm run new` left ("[Skriv her: …]"): an error in an adopted document (and on pages
 * outside any document), a warning in a draft.
 */
export function checkPlaceholders(
  pages: ReadonlyMap<string, Page>,
  documents: readonly Document[],
  fieldAt: (page: Page, path: readonly PropertyKey[]) => { line: number; column: number },
): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const status = new Map(documents.map((d) => [d.id, d.data.status]));
  for (const page of pages.values()) {
    const draft = page.documentId !== undefined && status.get(page.documentId) === "udkast";
    // Front matter too: `npm run new` writes one in `description`, which reaches the PDF cover and search.
    for (const [path, text] of stringFields(page.data)) {
      const found = PLACEHOLDER.exec(text);
      if (found) (draft ? warnings : problems).push({ file: page.file, ...fieldAt(page, path), ...(draft ? messages.placeholderInDraft(found[0]) : messages.placeholder(found[0])) });
    }
    for (const { token, block } of inlineTokens(page)) {
      const found = token.type === "text" ? PLACEHOLDER.exec(token.content) : null;
      if (!found) continue;
      (draft ? warnings : problems).push({ file: page.file, ...place(page, block, found[0]), ...(draft ? messages.placeholderInDraft(found[0]) : messages.placeholder(found[0])) });
    }
    // The text around "[Skriv her: …]" is split by markdown-it's link parsing; one report per line is enough.
  }
  return { problems: dedupe(problems), warnings: dedupe(warnings) };
}

/** Every text value in front matter, with its path ("chapters", 2), in the order written. */
function* stringFields(value: unknown, path: PropertyKey[] = []): Generator<[PropertyKey[], string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* stringFields(item, [...path, index]);
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) yield* stringFields(item, [...path, key]);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/** Image formats a page may show, and the largest file it may be (a page should load quickly). */
export const IMAGE_TYPES = ["png", "jpg", "jpeg", "svg"] as const;
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;

/** What in an SVG could run or fetch something (the sanitiser the logo goes through). */
function unsafeParts(bytes: Uint8Array): string[] {
  return sanitizeSvg(new TextDecoder().decode(bytes)).removed.filter(isActive);
}

/** Images a page shows: an image file in content/, with alt text, of an accepted type and size. */
export function checkImages(pages: ReadonlyMap<string, Page>, images: ReadonlyMap<string, Uint8Array>): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages.values()) {
    for (const { token, block } of inlineTokens(page)) {
      if (token.type !== "image") continue;
      const src = String(token.attrGet("src") ?? "");
      const report = (text: MessageText) => problems.push({ file: page.file, ...place(page, block, src || "!["), ...text });
      if (!isInternal(src)) {
        report(messages.remoteImage(src));
        continue;
      }
      const file = imageFile(page, src);
      const extension = posix.extname(file).slice(1).toLowerCase();
      const bytes = images.get(file);
      if (!(IMAGE_TYPES as readonly string[]).includes(extension)) report(messages.imageType(src, IMAGE_TYPES));
      else if (!bytes) {
        // A file whose name differs only in case works on Windows and macOS, not on the web server.
        const other = [...images.keys()].find((path) => path.toLowerCase() === file.toLowerCase());
        report(other ? messages.imageNameCase(src, posix.basename(other)) : messages.missingImage(src, file));
      }
      else if (bytes.length > IMAGE_MAX_BYTES) report(messages.imageTooLarge(src, formatSize(bytes.length), formatSize(IMAGE_MAX_BYTES)));
      else if (extension === "svg" && unsafeParts(bytes).length > 0) report(messages.unsafeImageSvg(src, unsafeParts(bytes)));
      else if (token.content.trim() === "") report(messages.missingAltText(src));
    }
  }
  return problems;
}
