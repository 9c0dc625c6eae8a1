// Directive lines in Markdown: `::: chart <indicator>`, `::: table <table>`, `::: include <page>`.
// One line each, so editors can write them without knowing any template language.

export const DIRECTIVES = ["chart", "table", "include"] as const;
export type DirectiveName = (typeof DIRECTIVES)[number];

export interface Directive {
  name: string;
  argument: string;
  /** 0-based line in the Markdown body. */
  bodyLine: number;
  /** The line starts like a directive but is not one ("::: Chart x", ":::chart x"). */
  malformed?: string;
}

export const DIRECTIVE_LINE = /^:::[ \t]+([a-zæøå-]+)(?:[ \t]+(\S.*?))?[ \t]*$/;

/** Finds directive lines outside fenced code blocks. */
export function findDirectives(body: string): Directive[] {
  const found: Directive[] = [];
  let fence: string | undefined;
  body.split("\n").forEach((line, bodyLine) => {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]![0];
      else if (fenceMatch[1]![0] === fence) fence = undefined;
      return;
    }
    if (fence) return;
    const match = DIRECTIVE_LINE.exec(line);
    if (match) found.push({ name: match[1]!, argument: match[2] ?? "", bodyLine });
    else if (/^ {0,3}:::/.test(line)) found.push({ name: "", argument: "", bodyLine, malformed: line.trim() });
  });
  return found;
}

export function isKnownDirective(name: string): name is DirectiveName {
  return (DIRECTIVES as readonly string[]).includes(name);
}
