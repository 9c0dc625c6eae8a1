// Page content streams, read as operators: for marking page furniture as Artifact and for the
// accessibility check. Content streams are PDF syntax (ISO 32000-1, 7.8.2 and 14.6, marked content).
import { inflateSync } from "node:zlib";
import { decodePDFRawStream, PDFName, PDFRawStream, PDFStream, type PDFObject } from "pdf-lib";

/** One operator with its operands: `source.slice(start, end)` is its text, operands included. */
export interface Operation {
  operator: string;
  start: number;
  end: number;
  /** The operand tokens, as written. */
  operands: string[];
}

/**
 * A stream's decoded bytes (empty for anything that is not a stream). Chromium's streams are plain
 * FlateDecode: those are inflated by Node's zlib, several times faster than pdf-lib's decoder in
 * JavaScript, which stays for any other filter.
 */
export function streamBytes(stream: PDFObject | undefined): Uint8Array {
  if (!(stream instanceof PDFStream)) return new Uint8Array();
  if (!(stream instanceof PDFRawStream)) return stream.getContents();
  const filter = stream.dict.lookup(PDFName.of("Filter"));
  if (filter === undefined) return stream.contents;
  if (filter === PDFName.of("FlateDecode") && !stream.dict.has(PDFName.of("DecodeParms"))) return inflateSync(stream.contents);
  return decodePDFRawStream(stream).decode();
}

// Byte classes of PDF syntax (7.2.2), as tables: the tokenizer asks for every character.
const WHITE = new Uint8Array(256);
const DELIMITER = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[c] = 1;
for (const c of "()<>[]{}/%") DELIMITER[c.charCodeAt(0)] = 1;
const isWhite = (c: number) => c < 256 && WHITE[c] === 1;
const ends = (c: number) => c < 256 && (WHITE[c] === 1 || DELIMITER[c] === 1);

/**
 * Splits a content stream (bytes read as latin1) into operations. Strings, hex strings, names,
 * numbers, arrays and dictionaries are operands; any other word is an operator. Inline images
 * (BI … ID … EI) are not expected from Chromium and are refused, since their data is not PDF syntax.
 */
export function operations(source: string): Operation[] {
  const result: Operation[] = [];
  let operands: string[] = [];
  let start = -1;
  let depth = 0; // inside [ ] or << >>
  let i = 0;
  const n = source.length;
  const operand = (from: number, to: number) => {
    if (start < 0) start = from;
    if (depth === 0) operands.push(source.slice(from, to));
  };
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isWhite(c)) {
      i++;
    } else if (c === 0x25 /* % */) {
      while (i < n && source[i] !== "\n" && source[i] !== "\r") i++;
    } else if (c === 0x28 /* ( */) {
      const from = i;
      let nest = 0;
      for (; i < n; i++) {
        const ch = source[i];
        if (ch === "\\") i++;
        else if (ch === "(") nest++;
        else if (ch === ")" && --nest === 0) break;
      }
      i++;
      operand(from, i);
    } else if (c === 0x3c /* < */ && source[i + 1] === "<") {
      if (start < 0) start = i;
      depth++;
      i += 2;
    } else if (c === 0x3e /* > */ && source[i + 1] === ">") {
      depth--;
      i += 2;
      if (depth === 0) operands.push("<<>>");
    } else if (c === 0x3c) {
      const from = i;
      i = source.indexOf(">", i) + 1 || n;
      operand(from, i);
    } else if (c === 0x5b /* [ */) {
      if (start < 0) start = i;
      depth++;
      i++;
    } else if (c === 0x5d /* ] */) {
      depth--;
      i++;
      if (depth === 0) operands.push("[]");
    } else if (c === 0x2f /* / */) {
      const from = i++;
      while (i < n && !ends(source.charCodeAt(i))) i++;
      operand(from, i);
    } else {
      const from = i;
      while (i < n && !ends(source.charCodeAt(i))) i++;
      if (i === from) {
        i++;
        continue;
      }
      // A number starts with a digit, a sign or a point; no operator does.
      if (depth > 0 || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
        operand(from, i);
        continue;
      }
      const word = source.slice(from, i);
      if (word === "true" || word === "false" || word === "null") {
        operand(from, i);
        continue;
      }
      if (word === "BI") throw new Error("inline images are not supported in content streams");
      result.push({ operator: word, start: start < 0 ? from : start, end: i, operands });
      operands = [];
      start = -1;
    }
  }
  return result;
}

/** Operators that put marks on the page (text, paths, images, shadings). */
export const PAINTING = new Set(["Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh"]);
// Where an Artifact sequence may begin: before a text-showing operator, a path, an image or a shading.
const OPENS = new Set(["Tj", "TJ", "'", '"', "m", "re", "Do", "sh"]);
// Where it must end: marked content of its own, and text-object and graphics-state boundaries, so that
// sequences nest properly (a path object never holds one of these).
const CLOSES = new Set(["BDC", "BMC", "EMC", "BT", "ET", "q", "Q"]);

/**
 * Wraps every part of a page's content that is outside all marked content in `/Artifact BMC … EMC`.
 * Chromium tags what the accessibility tree knows and leaves the rest unmarked: the running header
 * and footer (@page margin boxes), the contents' dot leaders, borders, rules, backgrounds and
 * aria-hidden text such as the hyphens at line breaks. PDF/UA-1 (7.1) wants such content marked as
 * Artifact. Returns the new stream text and how many sequences were added.
 */
export function markArtifacts(source: string): { source: string; artifacts: number } {
  let out = "";
  let copied = 0;
  let depth = 0;
  let open = false;
  let artifacts = 0;
  for (const op of operations(source)) {
    if (open && CLOSES.has(op.operator)) {
      out += source.slice(copied, op.start) + "EMC\n";
      copied = op.start;
      open = false;
    }
    if (!open && depth === 0 && OPENS.has(op.operator)) {
      out += source.slice(copied, op.start) + "/Artifact BMC\n";
      copied = op.start;
      open = true;
      artifacts++;
    }
    if (op.operator === "BDC" || op.operator === "BMC") depth++;
    else if (op.operator === "EMC") depth = Math.max(0, depth - 1);
  }
  out += source.slice(copied);
  if (open) out += "\nEMC\n";
  return { source: out, artifacts };
}

export interface ContentFacts {
  /** Painting operators outside any marked content (Matterhorn 01-005). */
  untagged: number;
  /** Marked content with an MCID inside an Artifact (Matterhorn 01-004). */
  taggedInArtifact: number;
  /** MCIDs used on the page. */
  mcids: number[];
}

/** What a page's content stream marks: for the accessibility check. */
export function contentFacts(source: string): ContentFacts {
  const facts: ContentFacts = { untagged: 0, taggedInArtifact: 0, mcids: [] };
  const stack: boolean[] = []; // per open sequence: is it (inside) an Artifact
  for (const op of operations(source)) {
    if (op.operator === "BDC" || op.operator === "BMC") {
      const artifact = op.operands[0] === "/Artifact" || stack.at(-1) === true;
      const mcid = op.operator === "BDC" ? /\/MCID\s+(\d+)/.exec(source.slice(op.start, op.end)) : null;
      if (mcid) {
        facts.mcids.push(Number(mcid[1]));
        if (stack.at(-1) === true) facts.taggedInArtifact++;
      }
      stack.push(artifact);
    } else if (op.operator === "EMC") {
      stack.pop();
    } else if (PAINTING.has(op.operator) && stack.length === 0) {
      facts.untagged++;
    }
  }
  return facts;
}
