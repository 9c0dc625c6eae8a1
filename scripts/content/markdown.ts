// The one reading of Markdown. Every Markdown file is parsed once, by this parser, into markdown-it
// tokens; the checks (npm run check), the build and the dev server all work on those tokens, so
// what the check accepts is exactly what the build renders. Directive lines (`::: chart <id>`,
// `::: table <id>`, `::: include <page>`) are block tokens of their own, found wherever markdown-it
// finds blocks (also in quotes and list items, never in code).
import MarkdownIt, { type StateBlock, type Token } from "markdown-it";
import footnote from "markdown-it-footnote";
import { DIRECTIVE_LINE, type Directive } from "./directives.ts";

export type Markdown = ReturnType<typeof MarkdownIt>;
export type { Token };

/** A line that starts like a directive: two or more colons ("::: Chart x", "::chart x", ":: chart x"). */
const DIRECTIVE_LIKE = /^::/;

function directiveRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const line = state.src.slice(start, state.eMarks[startLine]).trimEnd();
  if (!DIRECTIVE_LIKE.test(line)) return false;
  if (silent) return true;
  const match = DIRECTIVE_LINE.exec(line);
  const token = state.push("directive", "", 0);
  token.info = match?.[1] ?? "";
  token.content = match?.[2] ?? "";
  // Token maps give lines only; the column is counted in the source line (after "> " or "- ").
  const column = start - (state.src.lastIndexOf("\n", start - 1) + 1) + 1;
  token.meta = match ? { column } : { malformed: line, column };
  token.map = [startLine, startLine + 1];
  token.block = true;
  state.line = startLine + 1;
  return true;
}

/**
 * The markdown-it parser every Markdown file is read with: CommonMark with footnotes and directive
 * lines, raw HTML off (a pasted <script> is text), linkify on, indented code blocks off (as Eleventy
 * has them: an indented line in a list is text, not code). Rendering adds its rules to this parser.
 */
export function createParser(): Markdown {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, maxNesting: MAX_NESTING });
  md.use(footnote);
  md.disable("code");
  md.block.ruler.before("paragraph", "directive", directiveRule, { alt: ["paragraph", "reference", "blockquote", "list"] });
  return md;
}

/** Deeper than this, markdown-it stops parsing and drops the rest silently. */
const MAX_NESTING = 100;
/** Quotes and lists nested deeper than this are a content error, well before markdown-it's limit. */
export const NESTING_LIMIT = 90;

const parser = createParser();

/** Parses a Markdown body once; line numbers in token maps are 0-based lines of `body`. */
export function parseBody(body: string): Token[] {
  return parser.parse(body, {});
}

/** Parses one line of inline Markdown (a title) into an inline token. */
export function parseInline(text: string): Token {
  return parser.parseInline(text, {})[0]!;
}

const CONTAINERS: Record<string, Directive["container"]> = {
  blockquote_open: "citat",
  bullet_list_open: "liste",
  ordered_list_open: "liste",
  footnote_open: "fodnote",
  footnote_reference_open: "fodnote",
  table_open: "tabel",
};

/** Every directive line in the tokens, with the innermost quote, list or footnote it stands in. */
export function directivesOf(tokens: readonly Token[]): Directive[] {
  const found: Directive[] = [];
  const open: Directive["container"][] = [];
  for (const token of tokens) {
    if (token.type in CONTAINERS) open.push(CONTAINERS[token.type]);
    else if (token.nesting === -1 && token.type.replace(/_close$/, "_open") in CONTAINERS) open.pop();
    if (token.type !== "directive") continue;
    const { malformed, column } = (token.meta ?? {}) as { malformed?: string; column?: number };
    found.push({
      name: token.info,
      argument: token.content,
      bodyLine: token.map?.[0] ?? 0,
      column: column ?? 1,
      ...(malformed === undefined ? {} : { malformed }),
      ...(open.length ? { container: open.at(-1) } : {}),
    });
  }
  return found;
}

/**
 * The 0-based body line where blocks nest deeper than NESTING_LIMIT (quotes in quotes, lists in
 * lists), or undefined. Near MAX_NESTING markdown-it stops reading and drops the text without a word.
 */
export function tooDeep(tokens: readonly Token[]): number | undefined {
  const deep = tokens.find((token) => token.level > NESTING_LIMIT && token.map);
  return deep?.map?.[0];
}

/** Depth-first walk over block tokens and their inline children. */
export function* walkTokens(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* walkTokens(token.children);
  }
}
