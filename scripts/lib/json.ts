// The one reading of a JSON file the project is given (data/, an import mapping, the source map):
// strict JSON (RFC 8259) with the position of every mistake, and three things JSON.parse lets pass
// silently refused: a key written twice in one object (JSON.parse keeps the last value), a number
// too large for a double (JSON.parse makes it Infinity, JSON.stringify then "null"), and nesting
// deeper than LIMITS.jsonDepth. A file that stops before its last } or ] (a write cut short, a full
// disk) is told apart from other syntax errors.
//
// Positions come from jsonc-parser's visitor (Microsoft's parser behind VS Code's JSON support, and
// already the project's JSON editor in scripts/edit/merge.ts), run with comments and trailing commas
// disallowed; the value itself from JSON.parse once the visitor found nothing.
import { findNodeAtLocation, parseTree, printParseErrorCode, visit } from "jsonc-parser";
import { LIMITS } from "../limits.ts";
import { messages, type MessageText, type Problem } from "../messages.ts";

/** What each of jsonc-parser's error codes means, for the editor. */
// (By name: ParseErrorCode is a const enum, which type stripping cannot read.)
const REASONS: Record<string, string> = {
  InvalidSymbol: 'her står et tegn, der ikke hører til i JSON (tekst skal stå i lige anførselstegn ")',
  InvalidNumberFormat: "tallet er skrevet forkert",
  PropertyNameExpected: "her skal stå et feltnavn i anførselstegn (måske et komma for meget før })",
  ValueExpected: "her mangler en værdi (måske et komma for meget før ] eller })",
  ColonExpected: "der mangler et kolon efter feltnavnet",
  CommaExpected: "der mangler et komma før dette",
  CloseBraceExpected: "der mangler en }",
  CloseBracketExpected: "der mangler en ]",
  EndOfFileExpected: "der står mere efter den sidste } eller ]",
  InvalidCommentToken: "kommentarer kan ikke skrives i JSON",
  UnexpectedEndOfComment: "kommentarer kan ikke skrives i JSON",
  UnexpectedEndOfString: 'teksten lukkes ikke med " på samme linje',
  UnexpectedEndOfNumber: "tallet slutter med et punktum eller et e uden cifre efter",
  InvalidUnicode: "en \\u-kode i teksten er forkert",
  InvalidEscapeCharacter: "en \\ i teksten står foran et tegn, der ikke kan stå der (skriv \\\\ for en \\)",
  InvalidCharacter: "teksten indeholder et styretegn (fx en tabulator eller et linjeskift)",
};

/** The deepest nesting of objects and arrays in `text`, counted without parsing (strings skipped). */
function nestingDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > LIMITS.jsonDepth) return { depth, offset: i };
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return { depth, offset: -1 };
}

/** 1-based line and column of a UTF-16 offset in `text` (a \r\n or \r counts as one line end). */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** "series[0].observations[2].period" → ["series", 0, "observations", 2, "period"] (the paths of zod-problems.ts). */
function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]!));
}

/**
 * The 1-based line and column of a JSON path ("series[0].observations[2].period") in `text` (a BOM
 * allowed): the field's name where it is written, or for a field that is missing, the object that
 * should hold it (the nearest part of the path that exists). Undefined when the text is not JSON.
 */
export function positionOfPath(text: string, path: string): { line: number; column: number } | undefined {
  const source = text.replace(/^\uFEFF/, "");
  const root = parseTree(source);
  if (!root) return undefined;
  const segments = pathSegments(path);
  for (let length = segments.length; length >= 0; length--) {
    const node = findNodeAtLocation(root, segments.slice(0, length));
    // A field's value is pointed at by its name ("period": …), where an editor looks for it.
    if (node) return positionAt(source, node.parent?.type === "property" ? node.parent.offset : node.offset);
  }
  return undefined;
}

/**
 * Reads `text` (the file's contents; a BOM allowed) as JSON. Returns the value, or the problems,
 * each naming `file` with a 1-based line and column: empty file, a file that ends too early, a
 * syntax error (the first one; the rest usually follow from it), a key twice in one object, a
 * number too large, nesting over LIMITS.jsonDepth. Never throws.
 */
export function readJson(text: string, file: string): { value?: unknown; problems: Problem[] } {
  const source = text.replace(/^\uFEFF/, "");
  const problems: Problem[] = [];
  const add = (offset: number, message: MessageText) => problems.push({ file, ...positionAt(source, offset), ...message });
  if (source.trim() === "") {
    add(0, messages.emptyFile());
    return { problems };
  }
  const deep = nestingDepth(source);
  if (deep.offset >= 0) {
    add(deep.offset, messages.jsonTooDeep(LIMITS.jsonDepth));
    return { problems };
  }
  const end = source.trimEnd().length;
  let syntax = false;
  // Keys seen in each open object, with the offset where each was first written.
  const objects: Map<string, number>[] = [];
  visit(
    source,
    {
      onObjectBegin: () => void objects.push(new Map()),
      onObjectEnd: () => void objects.pop(),
      onObjectProperty: (key, offset) => {
        const keys = objects.at(-1);
        if (!keys) return;
        const first = keys.get(key);
        if (first === undefined) keys.set(key, offset);
        else add(offset, messages.jsonDuplicateKey(key, positionAt(source, first).line));
      },
      onLiteralValue: (value, offset, length) => {
        if (typeof value === "number" && !Number.isFinite(value)) add(offset, messages.jsonNumberTooLarge(source.slice(offset, offset + length)));
      },
      onError: (code, offset, length) => {
        // The first syntax error only: the ones after it are mostly its consequences.
        if (syntax) return;
        syntax = true;
        const name = printParseErrorCode(code);
        const endsEarly = offset >= end || ((name === "UnexpectedEndOfString" || name === "UnexpectedEndOfComment") && offset + length >= end);
        add(Math.min(offset, end), endsEarly ? messages.jsonEndsEarly() : messages.jsonSyntax(REASONS[name] ?? "filen er ikke gyldig JSON"));
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (problems.length > 0) return { problems };
  try {
    return { value: JSON.parse(source), problems };
  } catch (error) {
    // Only if the two parsers ever disagree: JSON.parse's own reason, at its position when it gives one.
    const reason = (error as Error).message;
    const offset = /at position (\d+)/.exec(reason);
    add(offset ? Number(offset[1]) : 0, messages.jsonSyntax(reason.replace(/ in JSON at position.*$/, "").replace(/ \(line \d+ column \d+\)/, "")));
    return { problems };
  }
}
