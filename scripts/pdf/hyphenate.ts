// Danish hyphenation for print. Chromium here ships no hyphenation dictionaries (hyphens: auto
// does nothing), so soft hyphens are placed at build time from the TeX Danish patterns; before
// printing, settleLines() keeps only the breaks that happened, as real hyphens outside the text.
import { createRequire } from "node:module";
import type { Page } from "puppeteer-core";

const require = createRequire(import.meta.url);
const { hyphenateSync } = require("hyphen/da") as { hyphenateSync: (text: string, options?: { minWordLength?: number }) => string };

// Headings stay whole (they also name the PDF bookmarks); SVG text is laid out by Vega.
const SKIP = new Set(["svg", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "code", "pre"]);

/**
 * Whether a run of non-space characters is a word of prose, which may be hyphenated. Addresses
 * (https://…, www.…, name@kommune.dk), numbers, dates and codes such as journal numbers
 * ("27.00.00-A00-1-20", "AUK01") hold digits, dots, slashes, colons or @ and are never hyphenated:
 * a reader who types them from paper must get them right.
 */
export function isProseWord(token: string): boolean {
  // Quotes may come as HTML entities (&quot;): they are punctuation.
  const word = token.replace(/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi, '"').replace(/^[("'«»“”‘’[]+|[)"'«»“”‘’\],.;:!?]+$/gu, "");
  return /^\p{L}+(?:-\p{L}+)*-?$/u.test(word) && !/^\p{Lu}{2,}$/u.test(word);
}

// The same paragraphs print in several documents (a focus area in the strategy, the plan, Bilag 1).
const cache = new Map<string, string>();
function hyphenateText(text: string): string {
  let result = cache.get(text);
  if (result === undefined) {
    result = text.replace(/\S+/g, (token) => (isProseWord(token) ? token.replace(/\p{L}+/gu, (word) => hyphenateSync(word, { minWordLength: 7 })) : token));
    cache.set(text, result);
  }
  return result;
}

/** Inserts soft hyphens (U+00AD) into the words of prose of an HTML fragment, leaving markup untouched. */
export function hyphenateHtml(html: string): string {
  let skipping = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(part);
      if (tag) {
        const name = tag[2]!.toLowerCase();
        if (SKIP.has(name) && !part.endsWith("/>")) skipping += tag[1] ? -1 : 1;
        return part;
      }
      return skipping > 0 || part.trim() === "" ? part : hyphenateText(part);
    })
    .join("");
}

export interface SettledLines {
  /** Soft hyphens where a word broke: now a visible hyphen that is not part of the text. */
  hyphens: number;
  /** Soft hyphens where no line broke: removed. */
  removed: number;
  /** Spaces at line wraps, kept so that the PDF's text has them. */
  spaces: number;
}

/**
 * Makes the laid-out print page's text whole before printing, without moving anything:
 * - a soft hyphen where the line broke becomes `<span class="hy" aria-hidden="true">-</span>`:
 *   the reader sees the hyphen, while Chromium leaves it out of the tagged structure (so read-aloud
 *   and the structure text get the whole word, and the build marks it as an Artifact) and text
 *   extraction such as pdftotext joins the word across the line (a "-" ends the line);
 * - every other soft hyphen is removed, so no U+00AD is left inside a word of the text layer;
 * - the space at each line wrap becomes `<span class="wrap"> </span>` (white-space: pre-wrap in
 *   print.css), so Chromium prints it instead of dropping it and words do not run together in the
 *   structure text ("Påetår").
 * Every break is found from where the characters landed (Range client rects). Afterwards the first
 * character of every following line must be where it was; otherwise it throws, naming the line.
 */
export async function settleLines(page: Page): Promise<SettledLines> {
  // Lines must be measured as they will print: print media, at the width of the page's content box.
  await page.emulateMediaType("print");
  return page.evaluate(() => {
    const SHY = "\u00ad";
    const root = document.documentElement;
    root.style.width = `${pageContentWidth()}px`;
    const skip = (node: Node) => node.parentElement?.closest("svg, script, style, head, .hy, .wrap") !== null;
    const block = (node: Node) => {
      let el = node.parentElement;
      while (el && getComputedStyle(el).display.startsWith("inline")) el = el.parentElement;
      return el;
    };
    // Table columns and flex items size themselves by their longest unbreakable word, which
    // grows when soft hyphens go: pin their widths as laid out first.
    for (const table of document.querySelectorAll<HTMLTableElement>("table")) {
      const rows = [...table.rows];
      const columns = Math.max(0, ...rows.map((row) => [...row.cells].reduce((n, cell) => n + cell.colSpan, 0)));
      const full = rows.find((row) => row.cells.length === columns);
      if (!full) continue;
      const group = document.createElement("colgroup");
      for (const cell of full.cells) {
        const col = document.createElement("col");
        col.style.width = `${cell.getBoundingClientRect().width}px`;
        group.append(col);
      }
      table.style.width = `${table.getBoundingClientRect().width}px`;
      table.style.tableLayout = "fixed";
      table.insertBefore(group, table.tHead ?? table.tBodies[0] ?? null);
    }
    for (const item of document.querySelectorAll<HTMLElement>("body *")) {
      if (!item.parentElement || !/flex|grid/.test(getComputedStyle(item.parentElement).display)) continue;
      const width = `${item.getBoundingClientRect().width}px`;
      Object.assign(item.style, { flex: "none", boxSizing: "border-box", width, minWidth: width, maxWidth: width });
    }
    function pageContentWidth(): number {
      const SIZES: Record<string, [string, string]> = { a5: ["148mm", "210mm"], a4: ["210mm", "297mm"], a3: ["297mm", "420mm"], letter: ["8.5in", "11in"] };
      const rule = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).findLast((r): r is CSSPageRule => r instanceof CSSPageRule && r.selectorText === "");
      const size = (rule?.style.getPropertyValue("size") || "A4").toLowerCase().split(/\s+/);
      const [width, height] = SIZES[size[0]!] ?? [size[0]!, size[1] ?? size[0]!];
      const px = (length: string) => {
        const probe = document.createElement("div");
        probe.style.width = length;
        document.body.append(probe);
        const value = probe.getBoundingClientRect().width;
        probe.remove();
        return value;
      };
      const margin = (side: string) => px(rule?.style.getPropertyValue(`margin-${side}`) || "0");
      return px(size.includes("landscape") ? height : width) - margin("left") - margin("right");
    }
    const range = document.createRange();
    const box = (node: Text, index: number) => {
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      // A character that starts a line after a soft hyphen also reports the hyphen's box at the
      // end of the line before: its own box is the last.
      const rects = range.getClientRects();
      return rects[rects.length - 1];
    };
    // Characters in document order, so a line wrap between two text nodes is found too.
    type Char = { node: Text; index: number };
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!skip(node)) nodes.push(node as Text);
    type Cut = { node: Text; index: number; length: number; kind: "hyphen" | "space" | "remove"; next?: Char; top?: number };
    const cuts: Cut[] = [];
    // Boxes are measured only at word boundaries (a character next to a space or a soft hyphen).
    let last: (Char & { block: Element | null; rect?: DOMRect | null }) | undefined;
    const rectOf = (char: NonNullable<typeof last>) => (char.rect === undefined ? (char.rect = box(char.node, char.index) ?? null) : char.rect);
    let gap: { node: Text; index: number; length: number } | undefined;
    const newLine = (before: DOMRect, after: DOMRect) => after.top >= before.bottom - 1 || (after.left < before.left - 1 && after.top > before.top + 1);
    for (const node of nodes) {
      const text = node.data;
      const nodeBlock = block(node);
      for (let i = 0; i < text.length; i++) {
        const ch = text[i]!;
        if (ch === SHY) {
          const after = i + 1 < text.length ? box(node, i + 1) : undefined;
          const before = last && last.node === node ? rectOf(last) : undefined;
          const broke = before && after ? newLine(before, after) : false;
          cuts.push({ node, index: i, length: 1, kind: broke ? "hyphen" : "remove", next: broke ? { node, index: i + 1 } : undefined, top: after?.top });
          continue;
        }
        if (/\s/.test(ch)) {
          if (!gap || gap.node !== node) gap = { node, index: i, length: 0 };
          gap.length = i - gap.index + 1;
          continue;
        }
        if (gap && last && last.block === nodeBlock) {
          const rect = box(node, i);
          const before = rectOf(last);
          if (rect && before && newLine(before, rect)) cuts.push({ ...gap, kind: "space", next: { node, index: i }, top: rect.top });
        }
        gap = undefined;
        last = { node, index: i, block: nodeBlock };
      }
    }
    // Rewrite each text node from its cuts; each new text node remembers which original characters it holds.
    const pieces = new Map<Text, { node: Text; origin: number[] }[]>();
    const byNode = new Map<Text, Cut[]>();
    for (const cut of cuts) byNode.set(cut.node, [...(byNode.get(cut.node) ?? []), cut]);
    for (const [node, list] of byNode) {
      const text = node.data;
      const fragment = document.createDocumentFragment();
      const made: { node: Text; origin: number[] }[] = [];
      let buffer = "";
      let origin: number[] = [];
      const flush = () => {
        if (buffer === "") return;
        const piece = document.createTextNode(buffer);
        fragment.append(piece);
        made.push({ node: piece, origin });
        buffer = "";
        origin = [];
      };
      let from = 0;
      for (const cut of [...list, { index: text.length, length: 0, kind: "end" as const }]) {
        for (let i = from; i < cut.index; i++) {
          buffer += text[i];
          origin.push(i);
        }
        from = cut.index + cut.length;
        if (cut.kind === "hyphen" || cut.kind === "space") {
          flush();
          const span = document.createElement("span");
          span.className = cut.kind === "hyphen" ? "hy" : "wrap";
          span.textContent = cut.kind === "hyphen" ? "-" : " ";
          if (cut.kind === "hyphen") span.setAttribute("aria-hidden", "true");
          fragment.append(span);
        }
      }
      flush();
      node.replaceWith(fragment);
      pieces.set(node, made);
    }
    const locate = (char: Char): Char | undefined => {
      const made = pieces.get(char.node);
      if (!made) return char;
      for (const piece of made) {
        const at = piece.origin.indexOf(char.index);
        if (at >= 0) return { node: piece.node, index: at };
      }
      return undefined;
    };
    const moved: string[] = [];
    for (const cut of cuts) {
      const char = cut.next && cut.top !== undefined ? locate(cut.next) : undefined;
      const rect = char ? box(char.node, char.index) : undefined;
      if (char && (!rect || Math.abs(rect.top - cut.top!) > 0.5)) moved.push(char.node.data.slice(char.index, char.index + 40));
    }
    if (moved.length > 0) throw new Error(`linjerne flyttede sig, da orddelingen blev lagt fast (${moved.length}), fx ved "${moved[0]}"`);
    root.style.removeProperty("width");
    return {
      hyphens: cuts.filter((c) => c.kind === "hyphen").length,
      removed: cuts.filter((c) => c.kind === "remove").length,
      spaces: cuts.filter((c) => c.kind === "space").length,
    };
  });
}
