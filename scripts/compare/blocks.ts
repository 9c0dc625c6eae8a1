// Markdown → a flat list of text blocks (headings, paragraphs, list items, table rows …) for the
// comparison. The wording is what is compared: inline formatting (bold, links) is dropped, footnote
// references become "[1]" and directive lines a short label such as "Diagram: <titel>".
import type { Token } from "markdown-it";
import { createParser } from "../content/markdown.ts";

export const BLOCK_KINDS = ["heading", "paragraph", "item", "quote", "goal", "row", "code", "directive", "footnote"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface Block {
  kind: BlockKind;
  /** Headings: 1 for a chapter title, otherwise the Markdown level (## = 2). Items: the list depth (1 = top). */
  level: number;
  /** Plain text with whitespace collapsed. */
  text: string;
  /** Title of the chapter the block belongs to ("" before the first chapter heading). */
  section: string;
}

export interface BlockOptions {
  /** Label for a directive line; the default is "Diagram: <id>" / "Tabel: <id>". */
  directiveLabel?: (name: string, argument: string) => string;
  /** The chapter the blocks belong to (sets Block.section). */
  section?: string;
}

// The one Markdown reading's parser: the comparison sees the blocks the site renders.
const parser = createParser();

const DIRECTIVE_NAMES: Record<string, string> = { chart: "Diagram", table: "Tabel" };

export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function inlineText(token: Token | undefined): string {
  if (!token) return "";
  const parts = (token.children ?? []).map((child) => {
    switch (child.type) {
      case "text":
      case "code_inline":
        return child.content;
      case "softbreak":
      case "hardbreak":
        return " ";
      case "image":
        return child.content;
      case "footnote_ref":
        return `[${String((child.meta as { label?: string; id: number }).label ?? (child.meta as { id: number }).id + 1)}]`;
      default:
        return "";
    }
  });
  return collapseSpace(parts.join(""));
}

/** The blocks of one Markdown text, in reading order. */
export function markdownBlocks(markdown: string, options: BlockOptions = {}): Block[] {
  const label = options.directiveLabel ?? ((name, argument) => `${DIRECTIVE_NAMES[name] ?? name}: ${argument}`);
  const section = options.section ?? "";
  const tokens = parser.parse(markdown, {});
  const blocks: Block[] = [];
  const push = (kind: BlockKind, level: number, text: string) => {
    const clean = collapseSpace(text);
    if (clean) blocks.push({ kind, level, text: clean, section });
  };
  let listDepth = 0;
  let quoteDepth = 0;
  let footnote: string | undefined;
  let row: string[] | undefined;
  tokens.forEach((token, i) => {
    switch (token.type) {
      case "bullet_list_open":
      case "ordered_list_open":
        listDepth++;
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        listDepth--;
        break;
      case "blockquote_open":
        quoteDepth++;
        break;
      case "blockquote_close":
        quoteDepth--;
        break;
      case "footnote_open":
        footnote = String((token.meta as { label?: string; id: number }).label ?? (token.meta as { id: number }).id + 1);
        break;
      case "footnote_close":
        footnote = undefined;
        break;
      case "heading_open":
        push("heading", Number(token.tag.slice(1)), inlineText(tokens[i + 1]));
        break;
      case "paragraph_open": {
        const text = inlineText(tokens[i + 1]);
        if (footnote !== undefined) push("footnote", 1, `Fodnote ${footnote}: ${text}`);
        else if (listDepth > 0) push("item", listDepth, text);
        else if (quoteDepth > 0) push("quote", quoteDepth, text);
        else push("paragraph", 0, text);
        break;
      }
      case "tr_open":
        row = [];
        break;
      case "th_open":
      case "td_open":
        row?.push(inlineText(tokens[i + 1]));
        break;
      case "tr_close":
        if (row) push("row", 0, row.join(" | "));
        row = undefined;
        break;
      case "fence":
      case "code_block":
        push("code", 0, token.content);
        break;
      case "directive":
        push("directive", 0, label(token.info, token.content));
        break;
    }
  });
  return blocks;
}

export interface ChapterSource {
  title: string;
  /** Markdown with includes already expanded. */
  body: string;
  goal?: number;
  goalText?: string;
}

/**
 * A whole document as blocks: each chapter's title (level 1), its goal and its text, in order.
 * The introduction (the index page's body) is a chapter titled "Indledning" when it has text.
 */
export function documentBlocks(chapters: readonly ChapterSource[], options: Omit<BlockOptions, "section"> = {}): Block[] {
  return chapters.flatMap((chapter) => {
    const body = markdownBlocks(chapter.body, { ...options, section: chapter.title });
    const goal: Block[] = chapter.goalText
      ? [{ kind: "goal", level: 0, text: collapseSpace(`Mål ${chapter.goal ?? ""}: ${chapter.goalText}`), section: chapter.title }]
      : [];
    if (body.length === 0 && goal.length === 0 && chapter.title === INTRODUCTION) return [];
    return [{ kind: "heading", level: 1, text: collapseSpace(chapter.title), section: chapter.title } satisfies Block, ...goal, ...body];
  });
}

export const INTRODUCTION = "Indledning";
