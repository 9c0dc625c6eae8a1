// Rendering of the one Markdown reading (scripts/content/markdown.ts): the same parser, with Danish
// footnote labels and the directive lines rendered as charts and tables. Pages are rendered from the
// tokens read when the content was loaded, composed with their includes; nothing is parsed again.
import { composePage, decodeUri, type ComposeOptions } from "../content/compose.ts";
import type { Page } from "../content/load.ts";
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
  [key: string]: unknown;
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
  renderPage(page: Page, pages: ReadonlyMap<string, Page>, env?: MarkdownEnv, options?: Omit<ComposeOptions, "idPrefix">): string;
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
      const tokens = env.print ? printLinks(composed.tokens, composed.headingIds) : composed.tokens;
      return md.renderer.render(tokens, md.options, env as Record<string, unknown>);
    },
  };
}

/** In print, ids carry the chapter's prefix: links to a heading on the page follow it there. */
function printLinks(tokens: Token[], headingIds: ReadonlyMap<string, string>): Token[] {
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      const href = child.type === "link_open" ? String(child.attrGet("href") ?? "") : "";
      const target = href.startsWith("#") ? headingIds.get(decodeUri(href.slice(1))) : undefined;
      if (target) child.attrSet("href", `#${target}`);
    }
  }
  return tokens;
}
