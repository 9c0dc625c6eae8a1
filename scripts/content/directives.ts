// Directive lines in Markdown: `::: chart <indicator>`, `::: table <table>`, `::: include <page>`.
// One line each, so editors can write them without knowing any template language. They are found
// by the Markdown parser (scripts/content/markdown.ts), never by searching the text.

export const DIRECTIVES = ["chart", "table", "include"] as const;
export type DirectiveName = (typeof DIRECTIVES)[number];

export interface Directive {
  name: string;
  argument: string;
  /** 0-based line in the Markdown body. */
  bodyLine: number;
  /** 1-based column of the line's first colon in its source line. */
  column: number;
  /** The line starts like a directive but is not one ("::: Chart x", ":: chart x"). */
  malformed?: string;
  /** The quote, list, footnote or table the line stands in; directives stand on their own. */
  container?: "citat" | "liste" | "fodnote" | "tabel";
}

/** A well-formed directive line: three colons, a space, a lower-case name and its argument. */
export const DIRECTIVE_LINE = /^:::[ \t]+([a-zæøå-]+)(?:[ \t]+(\S.*?))?[ \t]*$/;

export function isKnownDirective(name: string): name is DirectiveName {
  return (DIRECTIVES as readonly string[]).includes(name);
}
