// The text a screen reader gets from a tagged PDF: the glyphs of marked content with an MCID, in
// content order, through each font's ToUnicode map (ActualText where given), Artifacts left out.
// pdf.js is no help here: it drops the space glyphs that end a line.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { operations } from "../scripts/pdf/content.ts";

type CMap = { bytes: number; map: Map<number, string> };

const utf16 = (hex: string) => {
  let out = "";
  for (let i = 0; i + 3 < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
};

function parseCMap(source: string, bytes: number): CMap {
  const map = new Map<number, string>();
  for (const block of source.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(src!, 16), utf16(dst!));
  }
  for (const block of source.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const [, lo, hi, dst, list] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]*)>|\[([^\]]*)\])/g)) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      const items = list ? [...list.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!) : [];
      for (let code = from; code <= to; code++) {
        if (list) map.set(code, utf16(items[code - from] ?? ""));
        else {
          const base = utf16(dst!);
          map.set(code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - from));
        }
      }
    }
  }
  return { bytes, map };
}

const stringsOf = (text: string): string[] => {
  const out: string[] = [];
  for (const m of text.matchAll(/<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\)])*)\)/g)) {
    if (m[1] !== undefined) {
      const hex = m[1].replace(/\s/g, "");
      out.push(
        hex
          .match(/../g)
          ?.map((b) => String.fromCharCode(parseInt(b, 16)))
          .join("") ?? "",
      );
    } else
      out.push(
        m[2]!.replace(/\\([0-7]{1,3}|.)/g, (_, c: string) =>
          /^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (({ n: "\n", r: "\r", t: "\t" } as Record<string, string>)[c] ?? c),
        ),
      );
  }
  return out;
};

/** The structure text of every page, in order. */
export async function structureText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const decode = (stream: unknown) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1") : "");
  let text = "";
  for (const page of doc.getPages()) {
    const fonts = new Map<string, CMap>();
    const resources = page.node.lookup(PDFName.of("Resources"));
    const fontDict = resources instanceof PDFDict ? resources.lookup(PDFName.of("Font")) : undefined;
    if (fontDict instanceof PDFDict) {
      for (const [key, ref] of fontDict.entries()) {
        const font = doc.context.lookup(ref);
        if (!(font instanceof PDFDict)) continue;
        const type0 = font.get(PDFName.of("Subtype"))?.toString() === "/Type0";
        fonts.set(key.toString(), parseCMap(decode(font.lookup(PDFName.of("ToUnicode"))), type0 ? 2 : 1));
      }
    }
    const contents = page.node.lookup(PDFName.of("Contents"));
    const source = (contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents]).map(decode).join("\n");
    let font: CMap | undefined;
    const stack: { artifact: boolean; tagged: boolean; actual?: string }[] = [];
    for (const op of operations(source)) {
      const raw = source.slice(op.start, op.end);
      if (op.operator === "Tf") font = fonts.get(op.operands[0]!);
      else if (op.operator === "BDC" || op.operator === "BMC") {
        const parent = stack.at(-1);
        const actual = /\/ActualText\s*(<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\))/.exec(raw);
        let actualText: string | undefined;
        if (actual) {
          const s = stringsOf(actual[1]!)[0]!;
          actualText = s.startsWith("\u00fe\u00ff") ? utf16([...s.slice(2)].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("")) : s;
        }
        stack.push({ artifact: op.operands[0] === "/Artifact" || parent?.artifact === true, tagged: /\/MCID/.test(raw) || parent?.tagged === true, actual: actualText });
        if (actualText !== undefined && !stack.at(-1)!.artifact && stack.at(-1)!.tagged) text += actualText;
      } else if (op.operator === "EMC") stack.pop();
      else if (["Tj", "TJ", "'", '"'].includes(op.operator) && font) {
        const top = stack.at(-1);
        if (!top || top.artifact || !top.tagged || stack.some((s) => s.actual !== undefined)) continue;
        for (const s of stringsOf(raw.slice(0, raw.length - op.operator.length))) {
          for (let i = 0; i + font.bytes <= s.length; i += font.bytes) {
            const code = font.bytes === 2 ? (s.charCodeAt(i) << 8) | s.charCodeAt(i + 1) : s.charCodeAt(i);
            text += font.map.get(code) ?? "";
          }
        }
      }
    }
  }
  return text;
}
