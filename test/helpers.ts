// Shared test helpers: the shared browser, fixture builds into temporary folders, the one shared
// build of the real content, and PDF reading. The build pipeline and Puppeteer are imported only
// when a test builds or browses, so unit tests that only need ROOT or files() stay light.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Browser } from "puppeteer-core";
import { inject } from "vitest";
import { parse, type HTMLElement } from "node-html-parser";
import type { BuildOptions, BuildReport } from "../scripts/build.ts";
import type { SourceFile } from "../scripts/content/load.ts";
import type { PDFDict as PDFDictType } from "pdf-lib";

export const ROOT = resolve(import.meta.dirname, "..");
export const fixture = (name: string) => join(ROOT, "test", "fixtures", name);

let shared: Promise<Browser> | undefined;
export function connectBrowser(): Promise<Browser> {
  shared ??= import("puppeteer-core").then(({ default: puppeteer }) => puppeteer.connect({ browserWSEndpoint: inject("browserWSEndpoint") }));
  return shared;
}

export async function buildFixture(source: string, options: Partial<BuildOptions> = {}): Promise<{ out: string; report: BuildReport }> {
  const [{ build }, { chartCache }] = await Promise.all([import("../scripts/build.ts"), import("../scripts/charts/render.ts")]);
  const out = options.outDir ?? join(await mkdtemp(join(tmpdir(), "bp-test-")), "dist");
  const browser = options.pdf === false ? undefined : await connectBrowser();
  const report = await build({ root: ROOT, source, cache: chartCache(), browser, ...options, outDir: out });
  return { out, report };
}

/** The path prefix of the shared real build: a sub-path, the harder case for links, assets and search. */
export const REAL_PREFIX = "/beskaeftigelsesplan/";

export interface RealBuild {
  /** The published site (with dist/pdf/), built for REAL_PREFIX. */
  out: string;
  /** The print pages the PDFs were made from (print/<document>/index.html); never published. */
  printDir: string;
  report: BuildReport;
}

let real: Promise<RealBuild> | undefined;

/**
 * The real content (content/ and data/ of the repository) built once per `e2e` run, with every PDF
 * and its print pages, under REAL_PREFIX. Every test file shares it: the first to ask builds it into
 * the folder test/global-setup.ts provides (a lock folder makes the others wait for report.json).
 * Read-only: a test that changes the site works on a copy.
 */
export function realContent(): Promise<RealBuild> {
  real ??= sharedRealBuild(inject("realContentDir"));
  return real;
}

async function sharedRealBuild(dir: string): Promise<RealBuild> {
  const result = { out: join(dir, "dist"), printDir: join(dir, "print-pages") };
  const done = join(dir, "report.json");
  const failed = join(dir, "failed.txt");
  try {
    await mkdir(join(dir, "lock"));
  } catch {
    // Another test file is building it: wait for its report (or its failure). The calling hook's timeout bounds the wait.
    for (;;) {
      const report = await readFile(done, "utf8").catch(() => undefined);
      if (report) return { ...result, report: JSON.parse(report) as BuildReport };
      const error = await readFile(failed, "utf8").catch(() => undefined);
      if (error !== undefined) throw new Error(`The shared build of the real content failed in another test file:\n${error}`);
      await sleep(250);
    }
  }
  try {
    const { report } = await buildFixture(ROOT, { outDir: result.out, printDir: result.printDir, pathPrefix: REAL_PREFIX });
    await writeFile(`${done}.tmp`, JSON.stringify(report));
    await rename(`${done}.tmp`, done);
    return { ...result, report };
  } catch (error) {
    await writeFile(failed, error instanceof Error ? (error.stack ?? error.message) : String(error));
    throw error;
  }
}

/**
 * The CPU time (user + system, in ms) this process spends on `work`, and its value: a bound on
 * work that other load on a shared machine does not stretch the way it stretches wall-clock time.
 */
export async function cpuTime<T>(work: () => T | Promise<T>): Promise<{ value: T; cpuMs: number }> {
  const before = process.cpuUsage();
  const value = await work();
  const { user, system } = process.cpuUsage(before);
  return { value, cpuMs: (user + system) / 1000 };
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
    return (
      descendants instanceof PDFArray &&
      descendants.asArray().every((ref) => {
        const child = doc.context.lookup(ref);
        return child instanceof PDFDict && embedded(child);
      })
    );
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
    walk(await page.getStructTree(), undefined);
    const open: (string | undefined)[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ("type" in item) {
        if (item.type === "endMarkedContent") open.pop();
        else open.push(item.id ?? undefined);
      } else if (item.str.trim() !== "") {
        const figure = open.map((id) => (id === undefined ? undefined : figureOf.get(id))).find((f) => f !== undefined);
        found.push({ page: n, text: item.str, size: Math.hypot(item.transform[2] as number, item.transform[3] as number), figure });
      }
    }
  }
  await doc.loadingTask.destroy();
  return found;
}

/**
 * Every entry below `dir` by its relative path: a file as the SHA-256 (hex) of its bytes, a folder
 * as "folder", anything else (a symlink) as "other". Two equal snapshots mean nothing changed.
 */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    result[relative(dir, path)] = entry.isFile()
      ? createHash("sha256")
          .update(await readFile(path))
          .digest("hex")
      : entry.isDirectory()
        ? "folder"
        : "other";
  }
  return result;
}
