// Paged.js (pagedjs-cli, a dev dependency) printing our built print pages, for pdf_vs_pagedjs.
// It runs Debian's Chromium (PUPPETEER_EXECUTABLE_PATH) with the flags our own browser gets.
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";

const ROOT = join(import.meta.dirname, "..", "..");
export const PAGEDJS_CLI = join(ROOT, "node_modules", "pagedjs-cli", "src", "cli.js");
/** Chromium flags: those scripts/pdf/browser.ts uses that matter for rendering, and no sandbox (root). */
const BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"];

export async function pagedjsVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, "node_modules", "pagedjs-cli", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

export async function pdfPages(file: string): Promise<number> {
  return (await PDFDocument.load(await readFile(file), { updateMetadata: false })).getPageCount();
}

/**
 * `pagedjs-cli <url> -o <file>` as a user runs it: a Node process that starts its own Chromium,
 * paginates with Paged.js, prints and post-processes (outline, metadata). Wall time in ms.
 */
export function runPagedjsCli(url: string, output: string, chromium: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [PAGEDJS_CLI, url, "-o", output, "--browserArgs", BROWSER_ARGS.join(","), "--timeout", "120000"], {
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromium, PUPPETEER_SKIP_DOWNLOAD: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`pagedjs-cli exited with ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
    });
  });
}

interface PagedPrinter {
  setup(): Promise<{ pages(): Promise<{ url(): string; close(): Promise<void> }[]>; disconnect(): Promise<void> | void }>;
  pdf(input: string, options: { outlineTags: string[] }): Promise<Uint8Array>;
}

/**
 * The same Paged.js printer (pagedjs-cli's Printer class) driving an already running Chromium, so
 * neither Node's start nor the browser launch is counted: like our per-document times. Ms.
 */
export async function runPagedjsPrinter(url: string, output: string, browserWSEndpoint: string): Promise<number> {
  const specifier = "pagedjs-cli"; // untyped JavaScript: loaded by name, typed by hand above
  const { default: Printer } = (await import(specifier)) as { default: new (options: object) => PagedPrinter };
  const printer = new Printer({ browserEndpoint: browserWSEndpoint, closeAfter: false, timeout: 120_000 });
  const browser = await printer.setup();
  try {
    const started = performance.now();
    const pdf = await printer.pdf(url, { outlineTags: ["h1", "h2", "h3"] });
    const ms = performance.now() - started;
    await writeFile(output, pdf);
    return ms;
  } finally {
    for (const page of await browser.pages()) if (page.url().startsWith(url.slice(0, url.indexOf("/", 8)))) await page.close();
    await browser.disconnect();
  }
}
