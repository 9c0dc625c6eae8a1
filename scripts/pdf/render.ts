// The PDF stage: each document's print page, printed by one shared browser, a few at a time.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pMap from "p-map";
import type { Browser, Page } from "puppeteer-core";
import { serveFolder } from "../lib/serve.ts";
import { checkDocument } from "./accessibility.ts";
import { settleLines } from "./hyphenate.ts";
import { preparePrint } from "./prepare.ts";
import { loadPdf, savePdf, setMetadata } from "./metadata.ts";
import { sealPage } from "./serve.ts";
import { contentsTargets, fillContents, headingTexts, matchHeadings, readOutline } from "./toc.ts";

export interface PdfJob {
  /** Document id, used in messages. */
  id: string;
  title: string;
  subject: string;
  /** Site-relative URL of the print page, e.g. "/print/plan-2021/". */
  printUrl: string;
  /** File name in <out>/pdf/. */
  file: string;
}

export interface PdfResult {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
}

export interface PdfOptions {
  /** The print pages and their assets (renderPrintPages's output), served to the browser as the site. */
  printDir: string;
  /** The PDFs are written to <outDir>/pdf/. */
  outDir: string;
  pathPrefix: string;
  author: string;
  date: number;
  concurrency: number;
  /** The site's public origin (from site.json base_url), for links that leave the document. */
  publicUrl?: string;
}

/** A browser tab for printing, sealed once (serve.ts); `blocked` lists what its current document tried to load elsewhere. */
interface PrintTab {
  page: Page;
  blocked: string[];
}

async function openTab(browser: Browser, origin: string): Promise<PrintTab> {
  const tab = { page: await browser.newPage(), blocked: [] };
  await sealPage(tab.page, origin, tab.blocked);
  return tab;
}

async function printOne(tab: PrintTab, job: PdfJob, origin: string, options: PdfOptions): Promise<PdfResult> {
  const started = performance.now();
  const { page, blocked } = tab;
  blocked.length = 0;
  try {
    const response = await page.goto(`${origin}${job.printUrl}`, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`printsiden ${job.printUrl} kunne ikke åbnes (${response?.status() ?? "intet svar"})`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const print = () => page.pdf({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, tagged: true, outline: true, timeout: 120_000 });
    if (blocked.length > 0) throw new Error(`siden forsøgte at hente noget uden for webstedet: ${blocked.join(", ")}`);
    await localizeLinks(page, new URL(origin).origin, options.publicUrl);
    const links = await preparePrint(page);
    await settleLines(page);
    // Each printed PDF is parsed once: its outline is read from the document that is then tagged.
    let doc = await loadPdf(await print());
    // Contents: print, read where each heading landed, write the numbers, print again (until stable).
    const targets = await contentsTargets(page);
    for (let pass = 0; targets.length > 0 && pass < 3; pass++) {
      const changed = await fillContents(page, matchHeadings(targets, readOutline(doc)));
      if (changed === 0) break;
      doc = await loadPdf(await print());
    }
    const headings = await headingTexts(page);
    setMetadata(doc, { title: job.title, author: options.author, subject: job.subject, date: options.date, headings, links });
    // Checked in memory, before saving: the saved file holds exactly these objects.
    const violations = checkDocument(doc);
    if (violations.length > 0) {
      throw new Error(
        `tilgængelighedstjekket (PDF/UA-1) fandt ${violations.length} fejl:\n${violations.map((v) => `  ${job.file}, ${v.page ? `side ${v.page}` : "hele filen"}: ${v.checkpoint} ${v.message}`).join("\n")}`,
      );
    }
    const pages = doc.getPageCount();
    const final = await savePdf(doc);
    await mkdir(join(options.outDir, "pdf"), { recursive: true });
    await writeFile(join(options.outDir, "pdf", job.file), final);
    return { file: job.file, bytes: final.byteLength, pages, ms: performance.now() - started };
  } catch (error) {
    throw new Error(`PDF'en ${job.file} (${job.id}) kunne ikke laves: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Links in a PDF must not point at the private address the page was loaded from: a link to a
 * heading in the same document becomes an internal link, a link to another page of the site
 * becomes its public address (site.json base_url) or, without one, plain text.
 */
async function localizeLinks(page: Page, origin: string, publicUrl: string | undefined): Promise<void> {
  await page.evaluate(
    (origin: string, base: string | null) => {
      for (const link of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
        if (!link.href.startsWith(origin)) continue;
        const url = new URL(link.href);
        if (url.hash && document.getElementById(decodeURIComponent(url.hash.slice(1)))) link.setAttribute("href", url.hash);
        else if (base) link.setAttribute("href", base + url.pathname + url.hash);
        else link.removeAttribute("href");
      }
    },
    origin,
    publicUrl ?? null,
  );
}

/**
 * Prints every job with at most `concurrency` tabs open at once, from the print pages served on
 * 127.0.0.1; the first failure fails the stage. Results are in the order of `jobs`.
 */
export async function renderPdfs(browser: Browser, jobs: readonly PdfJob[], options: PdfOptions): Promise<PdfResult[]> {
  const server = await serveFolder(options.printDir, options.pathPrefix);
  // Tabs are reused from document to document (each load replaces the whole page): opening and
  // closing one per document cost more than a short document's printing.
  const idle: PrintTab[] = [];
  const opened: Promise<PrintTab>[] = [];
  try {
    return await pMap(
      jobs,
      async (job) => {
        let tab = idle.pop();
        if (!tab) {
          const opening = openTab(browser, server.origin);
          opened.push(opening);
          tab = await opening;
        }
        try {
          return await printOne(tab, job, server.origin, options);
        } finally {
          idle.push(tab);
        }
      },
      { concurrency: Math.max(1, options.concurrency) },
    );
  } finally {
    await Promise.allSettled(opened.map(async (tab) => (await tab).page.close()));
    await server.close();
  }
}
