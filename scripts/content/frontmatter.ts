// Front matter: the YAML between the lines "---" at the top of a Markdown file, read as YAML 1.2
// (the `yaml` package) with the source position of every value. YAML 1.2 keeps `no`, `on`, `010`
// and `2020-10-15` as written (YAML 1.1, which gray-matter reads, turns them into false, true, 8
// and a Date), and its positions let every problem point at the editor's actual mistake.
import { isMap, LineCounter, parseDocument, visit, type Document, type YAMLError } from "yaml";
import { messages, type MessageText, type Problem } from "../messages.ts";

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line in the file where the Markdown body starts. */
  bodyStart: number;
  /** 1-based line and column of the value at `path` (its key with `key`, or for a missing value); line 1 when absent. */
  at(path: readonly PropertyKey[], key?: boolean): { line: number; column: number };
}

const OPEN = /^---[ \t]*([^\n]*)\n/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/m;
const TYPOGRAPHIC_QUOTE = /[\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb]/;

/**
 * Splits `text` (LF line ends) into front matter and body and reads the front matter. A file without
 * a leading "---" has no front matter (data {}). Pushes at most one problem, at the mistake, and
 * returns undefined then: later checks must not report consequences of a file that could not be read.
 */
export function readFrontMatter(text: string, file: string, problems: Problem[]): FrontMatter | undefined {
  const fail = (line: number, column: number, text: MessageText) => {
    problems.push({ file, line, column, ...text });
    return undefined;
  };
  const open = OPEN.exec(text);
  if (!open) return { data: {}, body: text, bodyStart: 1, at: () => ({ line: 1, column: 1 }) };
  // Only YAML: "---js" front matter would be JavaScript, run while reading.
  if (open[1]!.trim() && !/^ya?ml$/i.test(open[1]!.trim())) return fail(1, 4, messages.frontMatterLanguage(open[1]!.trim()));
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return fail(1, 1, messages.frontMatterNotClosed());
  const yaml = rest.slice(0, close.index);
  const lines = yaml.split("\n");
  const afterClose = rest.indexOf("\n", close.index);
  const body = afterClose < 0 ? "" : rest.slice(afterClose + 1);
  const bodyStart = 2 + lines.length;

  // Hard spaces (U+00A0, U+2007, U+202F: Word puts them after a colon) look like spaces but are not
  // whitespace to YAML: before a key, or between the colon and the value.
  for (const [index, line] of lines.entries()) {
    const hard = /^([ \t]*)[\u00a0\u2007\u202f]|^([ \t]*[^\s:#"'][^:]*:[ \t]*)[\u00a0\u2007\u202f]/.exec(line);
    if (hard) return fail(index + 2, (hard[1] ?? hard[2]!).length + 1, messages.hardSpace());
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: true, uniqueKeys: true, version: "1.2" });
  const error = doc.errors[0];
  if (error) {
    const place = errorPlace(error, lines);
    return fail(place.line + 1, place.column, place.text);
  }
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) return fail(2, 1, messages.frontMatterNotFields());
  // Anchors and aliases (&a, *a) have no use in front matter and can make a value refer to itself
  // or grow exponentially, so they are refused where the first alias is written.
  let alias: number | undefined;
  // A value wrapped in Word's quotes (title: ”Baggrund”) is read as text with the quotes in it,
  // and would be published so.
  let wrapped: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      alias = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
    Scalar(_key, node) {
      const text = node.type === "PLAIN" && typeof node.value === "string" ? node.value : "";
      if (wrapped === undefined && text.length > 1 && TYPOGRAPHIC_QUOTE.test(text[0]!) && TYPOGRAPHIC_QUOTE.test(text.at(-1)!)) wrapped = node.range?.[0] ?? 0;
    },
  });
  if (alias !== undefined) {
    const { line, col } = lineCounter.linePos(alias);
    return fail(line + 1, col, messages.yamlSyntax("henvisninger med & og * kan ikke bruges"));
  }
  if (wrapped !== undefined) {
    const { line, col } = lineCounter.linePos(wrapped);
    return fail(line + 1, col, messages.typographicQuotes());
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  return { data, body, bodyStart, at: (path, key) => nodePlace(doc, lineCounter, path, key) };
}

/** Where in the YAML (1-based line within it, column) an error's cause is, and what to tell the editor. */
function errorPlace(error: YAMLError, lines: readonly string[]): { line: number; column: number; text: MessageText } {
  const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
  const lineText = lines[pos.line - 1] ?? "";
  if (TYPOGRAPHIC_QUOTE.test(lineText)) return { line: pos.line, column: lineText.search(TYPOGRAPHIC_QUOTE) + 1, text: messages.typographicQuotes() };
  switch (error.code) {
    case "MISSING_CHAR": {
      // Reported where the file ends; the mistake is the first quote that is opened and not closed.
      const quote = error.message.includes("'") ? "'" : '"';
      const index = lines.findIndex((line) => unclosedQuote(line, quote) >= 0);
      if (index >= 0) return { line: index + 1, column: unclosedQuote(lines[index]!, quote) + 1, text: messages.unclosedQuote(quote) };
      return { line: pos.line, column: pos.col, text: messages.yamlSyntax("et tegn mangler") };
    }
    case "BLOCK_AS_IMPLICIT_KEY": {
      // "title: Mål 2: Flere i job": the value holds a colon followed by a space.
      const colon = lineText.indexOf(": ", pos.col - 1);
      if (colon >= 0) return { line: pos.line, column: colon + 1, text: messages.colonInValue(lineText.slice(0, lineText.indexOf(":")).trim()) };
      return { line: pos.line + 1, column: 1, text: messages.yamlIndent() };
    }
    case "DUPLICATE_KEY":
      return { line: pos.line, column: pos.col, text: messages.duplicateKey(lineText.slice(0, lineText.indexOf(":")).trim()) };
    case "BAD_INDENT": {
      // "chapters: [a, b" with no "]": the parser notices only where the next field begins.
      const unclosed = /end with a \]/.test(error.message);
      const index = unclosed ? lines.findLastIndex((line, i) => i < pos.line && line.lastIndexOf("[") > line.lastIndexOf("]")) : -1;
      if (index >= 0) return { line: index + 1, column: lines[index]!.lastIndexOf("[") + 1, text: messages.unclosedBracket() };
      return { line: pos.line, column: pos.col, text: messages.yamlIndent() };
    }
    case "MULTILINE_IMPLICIT_KEY":
    case "TAB_AS_INDENT":
      return { line: pos.line, column: pos.col, text: messages.yamlIndent() };
    default:
      return { line: pos.line, column: pos.col, text: messages.yamlSyntax("linjen kan ikke læses som et felt med en værdi") };
  }
}

/** The index of a value's opening quote that is not closed on its line, or -1. */
function unclosedQuote(line: string, quote: string): number {
  const value = /^[ \t]*(?:- |[^\s:#][^:]*:[ \t]+)/.exec(line);
  if (!value || line[value[0].length] !== quote) return -1;
  const rest = line.slice(value[0].length + 1);
  const closed = quote === "'" ? /(^|[^'])'(?!')/.test(rest.replace(/''/g, "")) : /(^|[^\\])"/.test(rest) || rest.startsWith('"');
  return closed ? -1 : value[0].length;
}

function nodePlace(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key = false): { line: number; column: number } {
  // The deepest node on the path that exists: a missing value points at its parent's key.
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    const range = key && depth === path.length ? undefined : node?.range;
    if (range) {
      const { line, col } = lineCounter.linePos(range[0]);
      return { line: line + 1, column: col };
    }
    // A key without a usable value node ("title:" alone): the key itself.
    const parentPath = path.slice(0, depth - 1) as unknown[];
    const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === path[depth - 1]);
      const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (keyRange) {
        const { line, col } = lineCounter.linePos(keyRange[0]);
        return { line: line + 1, column: col };
      }
    }
  }
  return { line: 1, column: 1 };
}

