// Rendering of the one Markdown reading (scripts/content/markdown.ts): the same parser, with Danish
// footnote labels and the directive lines rendered as charts and tables. Pages are rendered from the
// tokens read when the content was loaded, composed with their includes; nothing is parsed again.
import { posix } from "node:path";
import { isInternal } from "../content/checks.ts";
import { composePage, decodeUri, type ComposeOptions } from "../content/compose.ts";
import type { Document, Page } from "../content/load.ts";
import { createParser, type Markdown, type Token } from "../content/markdown.ts";
import { messages, ValidationError, type MessageText } from "../messages.ts";
import { markdownTables } from "./tables.ts";

export interface DirectiveRenderers {
  /** HTML for `::: chart <id>`; undefined when there is no such indicator. */
  chart(id: string, env: MarkdownEnv): string | undefined;
  /** HTML for `::: table <id>`; undefined when there is no such table. */
  table(id: string, env: MarkdownEnv): string | undefined;
}

export interface MarkdownEnv {
  /** Prefix for heading and footnote ids, so chapters can share one print page. */
  docId?: string;
  print?: boolean;
  /** In print: the pages printed into the same PDF, by their site URL (printTargets). */
  printTargets?: ReadonlyMap<string, PrintTarget>;
  /** The title of the page being rendered (set by renderPage): names a table that has no heading above it. */
  pageTitle?: string;
  [key: string]: unknown;
}

/** A page printed into a PDF, as a link from another page of the same PDF reaches it. */
export interface PrintTarget {
  /** The id of the page's chapter heading in the PDF; undefined when the page prints no heading of its own. */
  top?: string;
  /** Heading ids as written in links on the site ("maal-1") → the ids in the PDF. */
  headingIds: ReadonlyMap<string, string>;
}

/** The id of the heading of a document's chapter on its print page; `position` 0 is the index page. */
export const chapterAnchor = (documentId: string, position: number): string => `${documentId}-kapitel-${position + 1}`;

/** The id prefix of a chapter's headings and footnotes on its document's print page. */
export const printPrefix = (documentId: string, page: Page): string => `${documentId}-${posix.basename(page.key)}`;

/**
 * Every page printed into `document`'s PDF, by site URL, with the ids its headings get there, so a
 * link between two of them becomes a link inside the PDF. An index page without text prints no
 * heading of its own (templates/print.njk), so a link to it has no `top`.
 */
export function printTargets(document: Document, pages: ReadonlyMap<string, Page>): Map<string, PrintTarget> {
  return new Map(
    [document.index, ...document.chapters].map((page, position) => {
      const composed = composePage(page, pages, { idPrefix: printPrefix(document.id, page) });
      const top = position === 0 && composed.tokens.length === 0 ? undefined : chapterAnchor(document.id, position);
      return [page.url, { top, headingIds: composed.headingIds }];
    }),
  );
}

/** Where a directive token was written (set when the page was composed), for a content error. */
function contentError(token: Token, text: MessageText): ValidationError {
  const meta = (token.meta ?? {}) as { file?: string; line?: number; column?: number };
  return new ValidationError([{ file: meta.file ?? "content", line: meta.line ?? 1, column: meta.column ?? 1, ...text }]);
}

/**
 * The renderer of composed pages: `renderPage(page, pages, env, options)` gives the page's HTML (its
 * tokens with includes, footnotes numbered from `options.footnoteStart`, ids prefixed with
 * `env.docId` in print). A chart or table that is missing at render time is a content error
 * (ValidationError) naming the file and line of its directive, never a crash.
 */
export function createMarkdown(renderers: DirectiveRenderers): {
  md: Markdown;
  renderPage: (page: Page, pages: ReadonlyMap<string, Page>, env?: MarkdownEnv, options?: Omit<ComposeOptions, "idPrefix">) => string;
} {
  const md = createParser();
  const fail = (token: Token, text: MessageText): never => {
    throw contentError(token, text);
  };
  md.renderer.rules.directive = (tokens, idx, _options, env: MarkdownEnv = {}) => {
    const token = tokens[idx]!;
    if (token.info === "chart") return renderers.chart(token.content, env) ?? fail(token, messages.unknownIndicator(token.content));
    if (token.info === "table") return renderers.table(token.content, env) ?? fail(token, messages.unknownTable(token.content));
    // An include that was not composed, or a malformed line: both reported by the checks before rendering.
    return fail(token, token.info ? messages.unknownDirective(token.info) : messages.malformedDirective(String((token.meta as { malformed?: string }).malformed)));
  };
  // Danish footnote labels and a heading the reader can navigate to.
  // The list starts at the first footnote's number: in a PDF the numbers run on through the chapters.
  md.renderer.rules.footnote_block_open = (tokens, idx) => {
    const first = ((tokens[idx + 1]?.meta ?? {}) as { id?: number }).id ?? 0;
    return `<section class="footnotes" aria-label="Fodnoter"><h2 class="visually-hidden">Fodnoter</h2><ol class="footnotes-list"${first > 0 ? ` start="${first + 1}"` : ""}>\n`;
  };
  // The back-link after a footnote: a Danish name for screen readers instead of "↩︎"; in print (the
  // PDFs) none, since paper cannot go back.
  md.renderer.rules.footnote_anchor = (tokens, idx, options, env, self) => {
    if ((env as MarkdownEnv | undefined)?.print) return "";
    const meta = tokens[idx]!.meta as { id: number; subId: number };
    const id = self.rules.footnote_anchor_name!(tokens, idx, options, env, self) + (meta.subId > 0 ? `:${meta.subId}` : "");
    return ` <a href="#fnref${id}" class="footnote-backref" aria-label="Tilbage til henvisning ${meta.id + 1}">↩\uFE0E</a>`;
  };
  markdownTables(md);
  return {
    md,
    renderPage(page, pages, env = {}, options = {}) {
      const composed = composePage(page, pages, { ...options, idPrefix: env.docId });
      const tokens = env.print ? printLinks(composed.tokens, composed.headingIds, page, env.printTargets ?? new Map()) : composed.tokens;
      return md.renderer.render(tokens, md.options, { ...env, pageTitle: page.data.title });
    },
  };
}

/**
 * Links on a print page. Ids there carry the chapter's prefix: a link to a heading on the page
 * follows it. A link to another page printed into the same PDF (`targets`) goes to that page's
 * heading inside the PDF, or its chapter heading; a link to any other page of the site is written
 * from the site's root, so the PDF stage makes it the public address (scripts/pdf/render.ts) and a
 * relative link does not resolve against the print page's own address.
 */
function printLinks(tokens: Token[], headingIds: ReadonlyMap<string, string>, page: Page, targets: ReadonlyMap<string, PrintTarget>): Token[] {
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      const href = child.type === "link_open" ? String(child.attrGet("href") ?? "") : "";
      if (href.startsWith("#")) {
        const target = headingIds.get(decodeUri(href.slice(1)));
        if (target) child.attrSet("href", `#${target}`);
        continue;
      }
      if (!href || child.markup === "linkify" || !isInternal(href)) continue;
      let url: URL;
      try {
        url = new URL(href, `http://site${page.url}`);
      } catch {
        continue; // reported by the checks; cannot reach rendering
      }
      const path = decodeUri(url.pathname);
      const target = targets.get(path) ?? targets.get(`${path}/`) ?? targets.get(path.replace(/index\.html$/, ""));
      const hash = decodeUri(url.hash.slice(1));
      // Figures and tables keep their ids in print; a footnote or other id goes to the chapter.
      const id = target && (target.headingIds.get(hash) ?? (/^(figur|tabel)-/.test(hash) ? hash : target.top));
      child.attrSet("href", id ? `#${id}` : `${url.pathname}${url.search}${url.hash}`);
    }
  }
  return tokens;
}
