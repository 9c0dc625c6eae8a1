// What every table on the site shares: numbers aligned right and text left (decided per cell from
// its content when the page is built), a scroll region of its own that is named and reachable by
// keyboard, and for tables with many columns the labels a narrow screen needs to show each row as a
// stack of "label: value" (see "Tables" in templates/assets/site.css).
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { escapeHtml } from "../lib/html.ts";
import { MANY_COLUMNS, REFLOW_COLUMNS } from "../lib/table-layout.ts";

type Markdown = ReturnType<typeof MarkdownIt>;

// A figure as the site writes it: "12.345", "−3,0", "4,8 pct.", "6-8 pct.", "+2,1 procentpoint", "50 %".
const NUMBER = /^[−+-]?\s?\d[\d.\u00a0 ]*(,\d+)?(\s?[-–]\s?\d[\d.]*(,\d+)?)?\s?(%|pct\.?|procentpoint|kr\.?|mio\.?( kr\.)?|uger)?$/i;
/** Cells that say "no figure" ("–", "-", "…", empty): they follow their column's alignment. */
const EMPTY = /^[–—\-…]?$/;

/** True when a cell's text is a figure (a number, a range, with a unit), not words. */
export function isNumeric(text: string): boolean {
  return NUMBER.test(text.trim());
}

/**
 * For each column of a table (rows of cell texts, body rows only): true when every cell that holds
 * something is a figure and at least one does. Such a column aligns right, its header too.
 */
export function numericColumns(rows: readonly (readonly string[])[]): boolean[] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: width }, (_, column) => {
    const cells = rows.map((row) => (row[column] ?? "").trim()).filter((text) => !EMPTY.test(text));
    return cells.length > 0 && cells.every(isNumeric);
  });
}

/** The plain text of an inline token (what a reader sees, without Markdown marks). */
function inlineText(token: Token | undefined): string {
  if (!token) return "";
  if (!token.children) return token.content;
  return token.children.map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : "")).join("");
}

type TableMeta = { label: string; reflow: boolean };

/**
 * markdown-it plugin for tables written in Markdown: cells get class "num" or none by content
 * (markdown-it's `style="text-align:…"` from `---:` is dropped: the site's CSP forbids inline
 * styles), a text first column becomes row headers, body cells get `data-label` (their column's
 * header) for the narrow-screen layout, and on the site each table sits in a named, focusable
 * scroll region. Markdown has no table captions, so the name is the heading the table stands under,
 * or the page's title (env.pageTitle) when no heading comes before it.
 * In print (env.print) the region is left out: paper does not scroll.
 */
export function markdownTables(md: Markdown): void {
  // Done when the table is rendered (from the tokens the content was read into), not when it is parsed.
  const annotate = (tokens: Token[], i: number, pageTitle: string): void => {
    const token = tokens[i]!;
    const before = tokens.slice(0, i).findLastIndex((t) => t.type === "heading_open");
    const heading = before >= 0 ? inlineText(tokens[before + 1]) : pageTitle;
    const end = tokens.findIndex((t, j) => j > i && t.type === "table_close");
    const rows: { cells: Token[]; head: boolean }[] = [];
    let inHead = false;
    for (let j = i; j < end; j++) {
      const t = tokens[j]!;
      if (t.type === "thead_open") inHead = true;
      if (t.type === "thead_close") inHead = false;
      if (t.type === "tr_open") rows.push({ cells: [], head: inHead });
      if (t.type === "th_open" || t.type === "td_open") rows.at(-1)!.cells.push(t);
    }
    const text = (cell: Token) => inlineText(tokens[tokens.indexOf(cell) + 1]);
    const body = rows.filter((row) => !row.head);
    const headers = (rows.find((row) => row.head)?.cells ?? []).map(text);
    const numeric = numericColumns(body.map((row) => row.cells.map(text)));
    const rowHeaders = numeric[0] === false && numeric.some(Boolean);
    for (const row of rows) {
      row.cells.forEach((cell, column) => {
        cell.attrs = (cell.attrs ?? []).filter(([name]) => name !== "style");
        const content = text(cell).trim();
        if (isNumeric(content) || (numeric[column] && (row.head || EMPTY.test(content)))) cell.attrSet("class", "num");
        if (row.head) {
          cell.attrSet("scope", "col");
          return;
        }
        if (column === 0 && rowHeaders) {
          cell.tag = "th";
          cell.attrSet("scope", "row");
          tokens[tokens.indexOf(cell) + 2]!.tag = "th"; // its closing token
        } else if (headers[column]) {
          cell.attrSet("data-label", headers[column]);
        }
      });
    }
    const meta: TableMeta = { label: heading ? `Tabel: ${heading}` : "Tabel", reflow: headers.length >= REFLOW_COLUMNS };
    token.meta = { ...(token.meta ?? {}), ...meta };
    if (meta.reflow) token.attrJoin("class", "reflow");
    if (headers.length >= MANY_COLUMNS) token.attrJoin("class", "many-columns");
    token.attrSet("aria-label", meta.label);
  };
  const open = md.renderer.rules.table_open;
  const close = md.renderer.rules.table_close;
  md.renderer.rules.table_open = (tokens, idx, options, env: Record<string, unknown> | undefined, self) => {
    if (!(tokens[idx]!.meta as { label?: string } | null)?.label) annotate(tokens, idx, typeof env?.pageTitle === "string" ? env.pageTitle : "");
    const html = open ? open(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    const meta = tokens[idx]!.meta as unknown as TableMeta;
    if (env?.print) return html;
    return `<div class="table-scroll" role="region" aria-label="${escapeHtml(meta.label)}" tabindex="0">\n${html}`;
  };
  md.renderer.rules.table_close = (tokens, idx, options, env: Record<string, unknown> | undefined, self) => {
    const html = close ? close(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    const opening = tokens.findLast((t, j) => j < idx && t.type === "table_open");
    return env?.print || !opening ? html : `${html}</div>\n`;
  };
}
