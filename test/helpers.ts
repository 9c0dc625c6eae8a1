// Shared test helpers: the shared browser, fixture builds into temporary folders, and PDF reading.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { inject } from "vitest";
import { parse, type HTMLElement } from "node-html-parser";
import { build, type BuildOptions, type BuildReport } from "../scripts/build.ts";
import { chartCache } from "../scripts/charts/render.ts";
import type { SourceFile } from "../scripts/content/load.ts";
import type { PDFDict as PDFDictType } from "pdf-lib";

export const ROOT = resolve(import.meta.dirname, "..");
export const fixture = (name: string) => join(ROOT, "test", "fixtures", name);

let shared: Promise<Browser> | undefined;
export function connectBrowser(): Promise<Browser> {
  shared ??= puppeteer.connect({ browserWSEndpoint: inject("browserWSEndpoint") });
  return shared;
}

export async function buildFixture(
  source: string,
  options: Partial<BuildOptions> = {},
): Promise<{ out: string; report: BuildReport }> {
  const out = join(await mkdtemp(join(tmpdir(), "bp-test-")), "dist");
  const browser = options.pdf === false ? undefined : await connectBrowser();
  const report = await build({ root: ROOT, source, outDir: out, cache: chartCache(), browser, ...options });
  return { out, report };
}

export async function readHtml(out: string, path: string): Promise<HTMLElement> {
  return parse(await readFile(join(out, path, path.endsWith(".html") ? "" : "index.html"), "utf8"));
}

/** In-memory project files for buildModel(): paths relative to the project root. */
export function files(entries: Record<string, string | Uint8Array>): SourceFile[] {
  return Object.entries(entries).map(([path, text]) => ({
    path,
    bytes: typeof text === "string" ? new TextEncoder().encode(text) : text,
  }));
}

export interface PdfFacts {
  pages: number;
  /** Page size in points of the first page. */
  size: [number, number];
  text: string[];
  outline: string[];
  info: Record<string, unknown>;
  fonts: { name: string; type: string; embedded: boolean }[];
}

/** Reads a PDF with pdf.js (through unpdf): text per page, outline titles, metadata and fonts. */
export async function readPdf(file: string): Promise<PdfFacts> {
  const { getDocumentProxy } = await import("unpdf");
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocumentProxy(data.slice(), { useSystemFonts: false });
  const text: string[] = [];
  let size: [number, number] = [0, 0];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    if (n === 1) size = [page.view[2]!, page.view[3]!];
    const content = await page.getTextContent();
    text.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  const outline = ((await doc.getOutline()) ?? []).flatMap(function walk(item: { title: string; items: unknown[] }): string[] {
    return [item.title, ...(item.items as { title: string; items: unknown[] }[]).flatMap(walk)];
  });
  const info = (await doc.getMetadata()).info as unknown as Record<string, unknown>;
  await doc.loadingTask.destroy();
  return { pages: text.length, size, text, outline, info, fonts: await pdfFonts(data) };
}

/** Every font dictionary in the file: its name, subtype and whether its program is embedded. */
async function pdfFonts(data: Uint8Array): Promise<PdfFacts["fonts"]> {
  const { PDFDocument, PDFDict, PDFName, PDFArray } = await import("pdf-lib");
  const doc = await PDFDocument.load(data);
  const fonts: PdfFacts["fonts"] = [];
  const embedded = (dict: PDFDictType): boolean => {
    const descriptor = dict.lookup(PDFName.of("FontDescriptor"));
    if (descriptor instanceof PDFDict) {
      return ["FontFile", "FontFile2", "FontFile3"].some((key) => descriptor.has(PDFName.of(key)));
    }
    const descendants = dict.lookup(PDFName.of("DescendantFonts"));
    return descendants instanceof PDFArray && descendants.asArray().every((ref) => {
      const child = doc.context.lookup(ref);
      return child instanceof PDFDict && embedded(child);
    });
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type"))?.toString() !== "/Font") continue;
    const type = object.get(PDFName.of("Subtype"))?.toString().slice(1) ?? "";
    if (type === "CIDFontType2" || type === "CIDFontType0") continue;
    fonts.push({ name: object.get(PDFName.of("BaseFont"))?.toString().slice(1) ?? "", type, embedded: embedded(object) });
  }
  return fonts;
}

export interface PdfText {
  page: number;
  text: string;
  /** Font size in pt: the text's vertical scale on the page (also for rotated text). */
  size: number;
  /** The Figure of the structure tree it is in ("page:index"), if any: a chart's drawing (its text is the SVG's text). */
  figure?: string;
}

/** Every piece of text of a PDF with its size, read with pdf.js: the marked content ties it to the structure tree. */
export async function readPdfText(file: string): Promise<PdfText[]> {
  const { getDocumentProxy } = await import("unpdf");
  const doc = await getDocumentProxy(new Uint8Array(await readFile(file)), { useSystemFonts: false });
  const found: PdfText[] = [];
  type Node = { role?: string; type?: string; id?: string; children?: Node[] };
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const figureOf = new Map<string, string>();
    let figures = 0;
    const walk = (node: Node, figure: string | undefined) => {
      const here = figure ?? (node.role === "Figure" ? `${n}:${figures++}` : undefined);
      if (node.type === "content" && node.id && here) figureOf.set(node.id, here);
      for (const child of node.children ?? []) walk(child, here);
    };
    walk((await page.getStructTree()) as Node, undefined);
    const open: (string | undefined)[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ("type" in item) {
        if (item.type === "endMarkedContent") open.pop();
        else open.push(item.id ?? undefined);
      } else if (item.str.trim() !== "") {
        const figure = open.map((id) => (id === undefined ? undefined : figureOf.get(id))).find((f) => f !== undefined);
        found.push({ page: n, text: item.str, size: Math.hypot(item.transform[2], item.transform[3]), figure });
      }
    }
  }
  await doc.loadingTask.destroy();
  return found;
}
