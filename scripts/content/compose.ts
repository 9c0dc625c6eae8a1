// A page as it is read: its own tokens with every `::: include` replaced by the included page's
// tokens (the included page's title becomes a heading and its own headings move one level down),
// footnotes numbered in reading order across all of them (each keeps its own text), and heading
// ids unique on the page. The site page, the print page and the checks all use this composition.
import { posix } from "node:path";
import { slugify } from "../lib/danish.ts";
import type { Page } from "./load.ts";
import { parseInline, walkTokens, type Token } from "./markdown.ts";

export interface ComposeOptions {
  /** Prefix for heading ids, so chapters can share one print page ("plan-2021-baggrund"). */
  idPrefix?: string;
  /** Footnotes are numbered from this + 1 (the footnotes of earlier chapters in one PDF). */
  footnoteStart?: number;
}

export interface Composed {
  tokens: Token[];
  /** Heading ids as written in links on the site ("maal-1") → the id on this composition. */
  headingIds: Map<string, string>;
  footnotes: number;
}

function clone(token: Token): Token {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token);
  copy.attrs = token.attrs?.map(([name, value]) => [name, value] as [string, string]) ?? null;
  copy.meta = token.meta ? { ...(token.meta as object) } : token.meta;
  copy.children = token.children?.map(clone) ?? null;
  return copy;
}

function heading(level: number, text: string, template: Token): Token[] {
  const open = clone(template);
  Object.assign(open, { type: "heading_open", tag: `h${level}`, nesting: 1, markup: "#".repeat(level), attrs: null, map: null, block: true, content: "" });
  const close = clone(open);
  Object.assign(close, { type: "heading_close", nesting: -1 });
  return [open, parseInline(text), close];
}

function paragraph(text: string, template: Token): Token[] {
  const open = clone(template);
  Object.assign(open, { type: "paragraph_open", tag: "p", nesting: 1, markup: "", attrs: null, map: null, block: true, content: "" });
  const close = clone(open);
  Object.assign(close, { type: "paragraph_close", nesting: -1 });
  return [open, parseInline(text), close];
}

interface Parts {
  main: Token[];
  /** Each footnote's tokens (footnote_open … footnote_close) by a key unique in the composition. */
  notes: Map<string, Token[]>;
}

function expand(page: Page, pages: ReadonlyMap<string, Page>, seen: readonly string[], shift: number, parts: Parts, counter: { n: number }): void {
  const instance = counter.n++;
  const key = (id: number) => `${instance}:${id}`;
  let note: Token[] | undefined;
  for (const token of page.tokens) {
    if (token.type === "footnote_block_open" || token.type === "footnote_block_close") continue;
    if (token.type === "footnote_open") {
      note = [];
      parts.notes.set(key((token.meta as { id: number }).id), note);
    }
    if (note) {
      const copy = clone(token);
      for (const t of walkTokens([copy])) if (t.type === "footnote_anchor" || t.type === "footnote_open" || t.type === "footnote_ref") (t.meta as { key: string }).key = key((t.meta as { id: number }).id);
      note.push(copy);
      if (token.type === "footnote_close") note = undefined;
      continue;
    }
    if (token.type === "directive" && token.info === "include" && token.level === 0) {
      const target = pages.get(posix.normalize(token.content));
      // A missing or circular include was reported by the checks; it cannot reach rendering.
      if (!target || seen.includes(target.key)) continue;
      const goal = "goal_text" in target.data && target.data.goal_text ? `**Mål ${target.data.goal}:** ${target.data.goal_text}` : undefined;
      parts.main.push(...heading(Math.min(6, 2 + shift), target.data.title, token));
      if (goal) parts.main.push(...paragraph(goal, token));
      expand(target, pages, [...seen, target.key], shift + 1, parts, counter);
      continue;
    }
    const copy = clone(token);
    if ((copy.type === "heading_open" || copy.type === "heading_close") && shift > 0) {
      copy.tag = `h${Math.min(6, Number(copy.tag.slice(1)) + shift)}`;
    }
    for (const t of walkTokens([copy])) {
      if (t.type === "footnote_ref") (t.meta as { key: string }).key = key((t.meta as { id: number }).id);
      // An image next to its page's file is published at the same place below the site's root.
      const src = t.type === "image" ? String(t.attrGet("src") ?? "") : "";
      if (src && !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith("//")) t.attrSet("src", `/${imageFile(page, src).slice("content/".length)}`);
    }
    // Where a directive was written, for a content error while rendering it.
    if (copy.type === "directive") copy.meta = { ...(copy.meta as object), file: page.file, line: page.bodyStart + (copy.map?.[0] ?? 0) };
    parts.main.push(copy);
  }
}

/** A URL part with %-escapes decoded; as written when they are malformed ("100%"). */
export function decodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The project path ("content/plan/2021/foto.png") of an image a page names, relative to the page's file. */
export function imageFile(page: Page, src: string): string {
  const path = decodeUri(src.split(/[?#]/)[0]!);
  return posix.normalize(path.startsWith("/") ? `content${path}` : posix.join(posix.dirname(page.file), path));
}

/**
 * Composes `page` for rendering or checking. Includes are followed as validated (a missing or
 * circular one is skipped: buildModel has reported it). Footnotes are renumbered in the order their
 * first reference is read, from `footnoteStart`; heading ids get `idPrefix`.
 */
export function composePage(page: Page, pages: ReadonlyMap<string, Page>, options: ComposeOptions = {}): Composed {
  const parts: Parts = { main: [], notes: new Map() };
  expand(page, pages, [page.key], 0, parts, { n: 0 });

  // Footnotes in reading order: the first reference to each gives it its number.
  const numbers = new Map<string, number>();
  const start = options.footnoteStart ?? 0;
  const number = (key: string) => {
    if (!numbers.has(key)) numbers.set(key, start + numbers.size);
    return numbers.get(key)!;
  };
  for (const t of walkTokens(parts.main)) if (t.type === "footnote_ref") (t.meta as { id: number }).id = number((t.meta as { key: string }).key);
  // A footnote referred to only from another footnote is numbered after the one referring to it.
  for (const key of [...numbers.keys()]) {
    for (const t of walkTokens(parts.notes.get(key) ?? [])) if (t.type === "footnote_ref") (t.meta as { id: number }).id = number((t.meta as { key: string }).key);
  }
  const tokens = parts.main;
  const ordered = [...numbers.entries()].sort((a, b) => a[1] - b[1]);
  if (ordered.length > 0) {
    const template = tokens[0] ?? parseInline("");
    const blockOpen = clone(template);
    Object.assign(blockOpen, { type: "footnote_block_open", tag: "", nesting: 1, attrs: null, map: null, children: null, content: "" });
    const blockClose = clone(blockOpen);
    Object.assign(blockClose, { type: "footnote_block_close", nesting: -1 });
    tokens.push(blockOpen);
    for (const [key, id] of ordered) {
      for (const t of parts.notes.get(key) ?? []) {
        for (const inner of walkTokens([t])) if (inner.type === "footnote_open" || inner.type === "footnote_anchor") (inner.meta as { id: number }).id = id;
        tokens.push(t);
      }
    }
    tokens.push(blockClose);
  }

  // Heading ids, unique on the page; kept short: they become URL fragments and PDF destinations.
  const headingIds = new Map<string, string>();
  const used = new Set<string>();
  const prefix = options.idPrefix ? `${options.idPrefix}-` : "";
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open") return;
    const slug = slugify(tokens[i + 1]?.content ?? "").slice(0, 50).replace(/-+$/, "") || "afsnit";
    let plain = slug;
    for (let n = 2; used.has(plain); n++) plain = `${slug}-${n}`;
    used.add(plain);
    headingIds.set(plain, prefix + plain);
    token.attrSet("id", prefix + plain);
  });
  return { tokens, headingIds, footnotes: ordered.length };
}

/** The ids a composed page offers as link targets on the site: headings, footnotes, figures and tables. */
export function anchorsOf(composed: Composed): Set<string> {
  const anchors = new Set(composed.headingIds.values());
  for (let n = 1; n <= composed.footnotes; n++) anchors.add(`fn${n}`).add(`fnref${n}`);
  for (const t of composed.tokens) {
    if (t.type === "directive" && t.info === "chart") anchors.add(`figur-${t.content}`);
    if (t.type === "directive" && t.info === "table") anchors.add(`tabel-${t.content}`);
  }
  return anchors;
}
