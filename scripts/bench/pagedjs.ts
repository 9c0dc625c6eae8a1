// Paged.js (pagedjs-cli) printing our built print pages, for pdf_vs_pagedjs. Only the benchmark
// uses it, so it is not a dependency of the project: the benchmark installs it on first use from
// the npm registry, pinned by scripts/bench/pagedjs-cli/package-lock.json, into
// node_modules/.cache/bench-pagedjs/ (without its install scripts: its Puppeteer would download a
// Chromium). It runs Debian's Chromium (PUPPETEER_EXECUTABLE_PATH) with the flags our own browser gets.
import { execFile, spawn } from "node:child_process";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";

const ROOT = join(import.meta.dirname, "..", "..");
/** package.json and package-lock.json of the benchmark's Paged.js (committed). */
const SPEC = join(import.meta.dirname, "pagedjs-cli");
/** Where it is installed (git-ignored with node_modules/, removed by `npm ci`). */
const TOOL = join(ROOT, "node_modules", ".cache", "bench-pagedjs");
const PACKAGE = join(TOOL, "node_modules", "pagedjs-cli");
const PAGEDJS_CLI = join(PACKAGE, "src", "cli.js");
/** Chromium flags: those scripts/pdf/browser.ts uses that matter for rendering, and no sandbox (root). */
const BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"];

/**
 * Installs the pinned pagedjs-cli for the benchmark unless the installed one matches the lock file;
 * returns its version. Throws with the reason (e.g. no access to the npm registry) when it cannot.
 */
export async function installPagedjs(log: (line: string) => void): Promise<string> {
  const lock = await readFile(join(SPEC, "package-lock.json"), "utf8");
  const installed = await readFile(join(TOOL, "package-lock.json"), "utf8").catch(() => undefined);
  const version = async () => (JSON.parse(await readFile(join(PACKAGE, "package.json"), "utf8")) as { version: string }).version;
  if (installed === lock && (await version().catch(() => undefined))) return version();
  log(`Installing pagedjs-cli for pdf_vs_pagedjs (only the benchmark uses it) into ${TOOL} ...`);
  await mkdir(TOOL, { recursive: true });
  await copyFile(join(SPEC, "package.json"), join(TOOL, "package.json"));
  await copyFile(join(SPEC, "package-lock.json"), join(TOOL, "package-lock.json"));
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ["npm"];
  try {
    await promisify(execFile)(npm[0]!, [...npm.slice(1), "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", TOOL], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stderr = "", message } = error as { stderr?: string; message: string };
    throw new Error(`could not install pagedjs-cli from the npm registry (npm ci in ${TOOL}): ${stderr.trim().split("\n").slice(-3).join(" | ") || message}`, {
      cause: error,
    });
  }
  return version();
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
  // Untyped JavaScript outside the project's dependencies: loaded by path, typed by hand above.
  const { default: Printer } = (await import(pathToFileURL(join(PACKAGE, "src", "index.js")).href)) as { default: new (options: object) => PagedPrinter };
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
