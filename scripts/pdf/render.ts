// The PDF stage: each document's print page, printed by one shared browser, a few at a time.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { checkPdf } from "./accessibility.ts";
import { settleLines } from "./hyphenate.ts";
import { preparePrint } from "./prepare.ts";
import { setMetadata } from "./metadata.ts";
import { ORIGIN, sealPage } from "./serve.ts";
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

async function printOne(browser: Browser, job: PdfJob, options: PdfOptions): Promise<PdfResult> {
  const started = performance.now();
  const page = await browser.newPage();
  const blocked: string[] = [];
  try {
    await sealPage(page, options.printDir, options.pathPrefix, blocked);
    const response = await page.goto(`${ORIGIN}${options.pathPrefix}${job.printUrl.replace(/^\//, "")}`, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`printsiden ${job.printUrl} kunne ikke åbnes (${response?.status() ?? "intet svar"})`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const print = () =>
      page.pdf({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, tagged: true, outline: true, timeout: 120_000 });
    if (blocked.length > 0) throw new Error(`siden forsøgte at hente noget uden for webstedet: ${blocked.join(", ")}`);
    await localizeLinks(page, options.publicUrl);
    const links = await preparePrint(page);
    await settleLines(page);
    let pdf = await print();
    // Contents: print, read where each heading landed, write the numbers, print again (until stable).
    const targets = await contentsTargets(page);
    for (let pass = 0; targets.length > 0 && pass < 3; pass++) {
      const changed = await fillContents(page, matchHeadings(targets, await readOutline(pdf)));
      if (changed === 0) break;
      pdf = await print();
    }
    const headings = await headingTexts(page);
    const { bytes: final, pages } = await setMetadata(pdf, { title: job.title, author: options.author, subject: job.subject, date: options.date, headings, links });
    const violations = await checkPdf(final);
    if (violations.length > 0) {
      throw new Error(`tilgængelighedstjekket (PDF/UA-1) fandt ${violations.length} fejl:\n${violations.map((v) => `  ${job.file}, ${v.page ? `side ${v.page}` : "hele filen"}: ${v.checkpoint} ${v.message}`).join("\n")}`);
    }
    await mkdir(join(options.outDir, "pdf"), { recursive: true });
    await writeFile(join(options.outDir, "pdf", job.file), final);
    return { file: job.file, bytes: final.byteLength, pages, ms: performance.now() - started };
  } catch (error) {
    throw new Error(`PDF'en ${job.file} (${job.id}) kunne ikke laves: ${(error as Error).message}`, { cause: error });
  } finally {
    await page.close();
  }
}

/**
 * Links in a PDF must not point at the private address the page was loaded from: a link to a
 * heading in the same document becomes an internal link, a link to another page of the site
 * becomes its public address (site.json base_url) or, without one, plain text.
 */
async function localizeLinks(page: Page, publicUrl: string | undefined): Promise<void> {
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
    ORIGIN,
    publicUrl ?? null,
  );
}

/** Prints every job with at most `concurrency` pages open at once; the first failure fails the stage. */
export async function renderPdfs(browser: Browser, jobs: readonly PdfJob[], options: PdfOptions): Promise<PdfResult[]> {
  const results: PdfResult[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await printOne(browser, jobs[index]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, worker));
  return results;
}
