// The markdown-it factory: CommonMark with footnotes, Danish heading ids, and the directive lines
// for charts and tables. Raw HTML is off: a pasted <script> is shown as text, never run.
import MarkdownIt, { type StateBlock, type StateCore } from "markdown-it";

type Markdown = ReturnType<typeof MarkdownIt>;
import footnote from "markdown-it-footnote";
import { DIRECTIVE_LINE } from "../content/directives.ts";
import { slugify } from "../lib/danish.ts";
import { markdownTables } from "./tables.ts";

export interface DirectiveRenderers {
  chart(id: string, env: MarkdownEnv): string;
  table(id: string, env: MarkdownEnv): string;
}

export interface MarkdownEnv {
  /** Prefix for heading and footnote ids, so chapters can share one print page. */
  docId?: string;
  print?: boolean;
  [key: string]: unknown;
}

function directiveRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const line = state.src.slice(start, state.eMarks[startLine]);
  const match = DIRECTIVE_LINE.exec(line);
  if (!match || (match[1] !== "chart" && match[1] !== "table")) return false;
  if (silent) return true;
  const token = state.push("directive", "", 0);
  token.info = match[1];
  token.content = match[2] ?? "";
  token.map = [startLine, startLine + 1];
  token.block = true;
  state.line = startLine + 1;
  return true;
}

function headingIds(state: StateCore): void {
  const env = state.env as MarkdownEnv;
  const used = new Set<string>();
  const prefix = env.docId ? `${env.docId}-` : "";
  state.tokens.forEach((token, i) => {
    if (token.type !== "heading_open") return;
    // Kept short: ids become URL fragments and PDF destination names (at most 127 bytes).
    const slug = slugify(state.tokens[i + 1]?.content ?? "").slice(0, 50).replace(/-+$/, "");
    const base = prefix + (slug || "afsnit");
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    token.attrSet("id", id);
  });
}

export function createMarkdown(renderers: DirectiveRenderers): Markdown {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.use(footnote);
  md.use(markdownTables);
  md.block.ruler.before("paragraph", "directive", directiveRule, { alt: ["paragraph"] });
  md.core.ruler.push("heading_ids", headingIds);
  md.renderer.rules.directive = (tokens, idx, _options, env: MarkdownEnv = {}) => {
    const token = tokens[idx]!;
    return token.info === "chart" ? renderers.chart(token.content, env) : renderers.table(token.content, env);
  };
  // Danish footnote labels and a heading the reader can navigate to.
  md.renderer.rules.footnote_block_open = () =>
    '<section class="footnotes" aria-label="Fodnoter"><h2 class="visually-hidden">Fodnoter</h2><ol class="footnotes-list">\n';
  // The back-link after a footnote: a Danish name for screen readers instead of "↩︎"; in print (the
  // PDFs) none, since paper cannot go back.
  md.renderer.rules.footnote_anchor = (tokens, idx, options, env, self) => {
    if ((env as MarkdownEnv | undefined)?.print) return "";
    const meta = tokens[idx]!.meta as { id: number; subId: number };
    const id = self.rules.footnote_anchor_name!(tokens, idx, options, env, self) + (meta.subId > 0 ? `:${meta.subId}` : "");
    return ` <a href="#fnref${id}" class="footnote-backref" aria-label="Tilbage til henvisning ${meta.id + 1}">↩\uFE0E</a>`;
  };
  return md;
}
