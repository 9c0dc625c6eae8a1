// The build pipeline, the only place that orders the stages:
//
//   content/ + data/ ──▶ 1 load + validate ──▶ 2 charts (Vega-Lite → SVG, cached)
//        ──▶ 3 print pages (Eleventy, a folder of their own) ──▶ 4 PDFs (one Chromium)   [only with PDFs]
//        ──▶ 5 site (Eleventy: Nunjucks + markdown-it; knows each PDF's size) ──▶ 6 search index (Pagefind)
//        ──▶ 7 publish (swap the finished folder into dist/ in one step)
//
// Everything is written to temporary folders first; dist/ changes only when every stage succeeded,
// and it holds only what readers get (the print pages stay behind).
import Eleventy from "@11ty/eleventy";
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { rmSync } from "node:fs";
import { copyFile, mkdir, readdir, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { renderCharts } from "./charts/stage.ts";
import { chartCache, type ChartCache } from "./charts/render.ts";
import { loadModel } from "./content/files.ts";
import { fileSystemCause, fileSystemErrorIn, formatProblem, messages, validationErrorIn } from "./messages.ts";
import type { Browser } from "puppeteer-core";
import { killBrowsers, launchBrowser } from "./pdf/browser.ts";
import { clearLeftovers, discard, prepareOutput, publish, PublishError, startStaging, type FolderOps, type Output } from "./publish.ts";
import { renderPdfs, type PdfResult } from "./pdf/render.ts";
import { pdfJobs, renderPrintPages } from "./pdf/pages.ts";
import { configureSite } from "./site/plugin.ts";
import { CommandLineError, formatCommandLineError, readCommandLine } from "./lib/command-line.ts";
import { formatNumber } from "./lib/danish.ts";
import { indexSite } from "./site/search.ts";
import { siteView } from "./site/view.ts";

export interface BuildOptions {
  /** Project root: templates/ live here. */
  root: string;
  /** Where content/ and data/ are (the root, or a fixture). */
  source: string;
  outDir: string;
  /** Overrides data/site.json's path_prefix, e.g. "/beskaeftigelsesplan/". */
  pathPrefix?: string;
  pdf?: boolean;
  /** Keeps the print pages in this folder (the benchmark prints them with Paged.js); implies making them. */
  printDir?: string;
  /** Chart cache folder; undefined for none. */
  cacheDir?: string;
  cache?: ChartCache;
  /** A running browser to print with (left open); otherwise one is launched for this build. */
  browser?: Browser;
  /** Moves and removals of the output's folders; the file system's unless a test makes them fail. */
  folderOps?: FolderOps;
  log?: (line: string) => void;
}

export interface BuildReport {
  stages: { name: string; ms: number }[];
  files: number;
  charts: { rendered: number; cached: number };
  pdfs: PdfResult[];
}

/**
 * The PDFs' date, in seconds since 1970 (reproducible-builds.org's SOURCE_DATE_EPOCH): the
 * variable when set, else the last commit's time, else (a copy without .git, e.g. a ZIP download)
 * the newest modification time of the files in content/ and data/, with a warning; never 1970.
 */
export async function sourceDateEpoch(root: string, source: string, log: (line: string) => void): Promise<number> {
  const fromEnv = Number(process.env.SOURCE_DATE_EPOCH);
  if (process.env.SOURCE_DATE_EPOCH && Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv;
  try {
    const commit = Number(execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    if (commit > 0) return commit;
  } catch {
    // No git or no history: fall through to the files' own times.
  }
  let newest = 0;
  for (const folder of ["content", "data"]) {
    const entries = await readdir(join(source, folder), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isFile()) newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  const seconds = Math.floor(newest / 1000) || Math.floor(Date.now() / 1000);
  const warning = messages.noSourceDate(new Date(seconds * 1000).toISOString().slice(0, 10));
  log(`${warning.message}\n    ${warning.hint}`);
  return seconds;
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
/** "1 sammenligning", "2 sammenligninger": the progress lines count in Danish. */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** Seconds with a decimal comma, as editors read figures: "12,07 s". */
const seconds = (ms: number, decimals: number) => `${formatNumber(ms / 1000, decimals)} s`;

export async function build(options: BuildOptions): Promise<BuildReport> {
  const log = options.log ?? (() => {});
  const stages: BuildReport["stages"] = [];
  const timed = async <T>(name: string, work: () => T | Promise<T>, describe: (value: T) => string): Promise<T> => {
    const started = performance.now();
    const value = await work();
    const ms = performance.now() - started;
    stages.push({ name, ms });
    log(`${name.padEnd(13)} ${seconds(ms, 2).padStart(8)}  ${describe(value)}`);
    return value;
  };

  const outDir = resolve(options.outDir);
  const output = await prepareOutput(outDir, options, options.folderOps);
  const staging = output.staging;
  for (const warning of await clearLeftovers(output)) log(warning);
  await startStaging(output);
  activeOutputs.add(output);
  let failed = false;
  let firstError: unknown;
  try {
    const model = await timed(
      "indhold",
      () => loadModel(options.source),
      (m) =>
        [
          count(m.pages.size, "side", "sider"),
          count(m.documents.length, "dokument", "dokumenter"),
          count(m.indicators.size, "indikator", "indikatorer"),
          count(m.tables.size, "tabel", "tabeller"),
        ].join(", "),
    );
    for (const warning of model.warnings) log(formatProblem(warning));
    const pathPrefix = options.pathPrefix ?? model.site.path_prefix;
    const cache = options.cache ?? chartCache(options.cacheDir);
    const charts = await timed(
      "diagrammer",
      () => renderCharts(model, cache),
      (c) => `${count(c.svgs.size, "diagram", "diagrammer")} (${c.rendered} tegnet, ${c.cached} fra cache)`,
    );
    // One view for the print pages, the PDF jobs and the site: it holds the comparisons, whose text diff is costly.
    const view = await timed(
      "sammenligning",
      () => siteView(model),
      (v) => {
        // Beyond the cost bound (scripts/limits.ts) a block is shown as rewritten, not word by word: said here.
        const rewritten = v.comparisons.filter((c) => c.text.rewritten > 0).map((c) => `${c.text.rewritten} afsnit i "${c.title}"`);
        return `${count(v.comparisons.length, "sammenligning", "sammenligninger")} af udgaver${rewritten.length > 0 ? `; vist som omskrevet (for store ændringer til at markere ord for ord): ${rewritten.join(", ")}` : ""}`;
      },
    );
    const prepared = { model, charts: charts.svgs, view };

    let pdfs: PdfResult[] = [];
    const printDir = options.printDir ? resolve(options.printDir) : output.print;
    if (options.pdf !== false || options.printDir) {
      await timed(
        "printsider",
        async () => {
          await renderPrintPages({ root: options.root, source: options.source, outDir: printDir, pathPrefix, prepared });
          return pdfJobs(view).length;
        },
        (pages) => `${count(pages, "side", "sider")} til PDF`,
      );
    }
    if (options.pdf !== false) {
      pdfs = await timed(
        "pdf",
        async () => {
          const browser = options.browser ?? (await launchBrowser(log));
          try {
            return await renderPdfs(browser, pdfJobs(view), {
              printDir,
              outDir: staging,
              pathPrefix,
              author: model.site.municipality,
              date: await sourceDateEpoch(options.root, options.source, log),
              concurrency: availableParallelism(),
              publicUrl: model.site.base_url ? new URL(model.site.base_url).origin : undefined,
            });
          } finally {
            if (!options.browser) await browser.close();
          }
        },
        // One PDF a line: a committee's eleven files on one line could not be read.
        (results) =>
          [`${count(results.length, "PDF", "PDF'er")}:`, ...results.map((r) => `${" ".repeat(26)}${r.file} (${count(r.pages, "side", "sider")}, ${kib(r.bytes)})`)].join(
            "\n",
          ),
      );
    }

    const pdfSizes = new Map(pdfs.map((r) => [r.file, r.bytes]));
    if (options.pdf === false) {
      // Without new PDFs the ones published last time stay, so pages never link to a missing file;
      // a document without one gets no PDF link (see the hasPdf filter).
      const kept = await timed(
        "pdf",
        () =>
          keepPdfs(
            output.target,
            staging,
            pdfJobs(view).map((job) => job.file),
          ),
        (k) => `${count(k.size, "PDF", "PDF'er")} beholdt fra sidste bygning (--no-pdf)`,
      );
      for (const [file, bytes] of kept) pdfSizes.set(file, bytes);
      if (kept.size > 0) {
        const warning = messages.pdfsKept(kept.size);
        log(`${warning.message}\n    Sådan retter du det: ${warning.hint}`);
      }
    }
    await timed(
      "websted",
      async () => {
        const eleventy = new Eleventy(join(options.source, "content"), staging, {
          quietMode: true,
          configPath: false,
          pathPrefix,
          config: (eleventyConfig: never) =>
            configureSite(eleventyConfig, { root: options.root, source: options.source, prepare: () => Promise.resolve({ ...prepared, pdfSizes }) }),
        });
        // The build reports its own progress in Danish; Eleventy's English lines ("Wrote 40 files", "Benchmark …") would only confuse editors.
        eleventy.disableLogger();
        // A content error found while rendering (Eleventy wraps it) is reported as the content error it is.
        await eleventy.write().catch((error: unknown) => {
          throw validationErrorIn(error) ?? error;
        });
        return countFiles(staging);
      },
      (files) => `${count(files, "fil", "filer")} i ${relative(process.cwd(), outDir) || "."}/`,
    );

    await timed(
      "søgning",
      () => indexSite(staging),
      (r) => `${count(r.pages, "side", "sider")} i søgeindekset (${count(r.files, "fil", "filer")} i pagefind/)`,
    );

    const warnings = await timed(
      "udgiv",
      () => publish(output),
      () => `${output.shown}/ er opdateret`,
    );
    for (const warning of warnings) log(warning);
    return { stages, files: await countFiles(outDir), charts: { rendered: charts.rendered, cached: charts.cached }, pdfs };
  } catch (error) {
    failed = true;
    firstError = error;
    throw error;
  } finally {
    activeOutputs.delete(output);
    // A leftover is named, never thrown: the first error is the one the build reports, the leftover after it.
    const leftover = await discard(output);
    if (leftover && failed && typeof firstError === "object" && firstError !== null) cleanupNotes.set(firstError, leftover);
    else if (leftover) (failed ? console.error : log)(leftover);
  }
}

/** What could not be cleaned up after a failed build, kept with the build's (first) error. */
const cleanupNotes = new WeakMap<object, string>();

/** The cleanup problem that followed `error` (a staging folder left behind), to be told after it. */
export function cleanupNoteOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? cleanupNotes.get(error) : undefined;
}

/** System calls that write; a file-system error from one of them is reported as a write failure. */
const WRITING = new Set(["open", "write", "mkdir", "rename", "rmdir", "unlink", "copyfile", "rm", "close", "fsync", "ftruncate", "symlink", "link", "utime", "chmod"]);

/**
 * What the command line prints for a failed build, and its exit code: the first error (a content
 * error: 2; anything else: 1; a write that failed named by path and cause, never as a stack), then
 * what it means for `out`, then a cleanup problem if one followed.
 */
export function failureReport(error: unknown, out: string): { text: string; code: number } {
  const cleanup = cleanupNoteOf(error);
  const after = cleanup ? `\n\n${cleanup}` : "";
  const validation = validationErrorIn(error);
  if (validation) return { text: `\n${validation.message}\n\n${messages.notPublished(out).message}${after}`, code: 2 };
  if (error instanceof PublishError && !error.unchanged) return { text: `\nBygningen fejlede: ${error.message}${after}`, code: 1 };
  const system = fileSystemErrorIn(error);
  const shown = system?.path && relative(process.cwd(), system.path);
  const where = !system?.path ? `${out}/` : shown && !shown.startsWith("..") ? shown : system.path;
  const written = system && (system.syscall === undefined || WRITING.has(system.syscall)) ? messages.writeFailed(where, fileSystemCause(system.code)) : undefined;
  const reason = written ? `${written.message}\n    Sådan retter du det: ${written.hint}` : (error as Error).message;
  return { text: `\nBygningen fejlede: ${reason}\n\n${messages.notPublished(out).message}${after}`, code: 1 };
}

/** Copies the PDFs named `files` from the published `outDir`/pdf/ into `staging`/pdf/; their sizes by name. */
async function keepPdfs(outDir: string, staging: string, files: readonly string[]): Promise<Map<string, number>> {
  const kept = new Map<string, number>();
  for (const file of files) {
    const from = join(outDir, "pdf", file);
    const info = await stat(from).catch(() => undefined);
    if (!info?.isFile()) continue;
    await mkdir(join(staging, "pdf"), { recursive: true });
    await copyFile(from, join(staging, "pdf", file));
    kept.set(file, info.size);
  }
  return kept;
}

/** The outputs of builds in progress in this process, whose staging folders a signal must remove. */
const activeOutputs = new Set<Output>();

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = readCommandLine("build", process.argv.slice(2), {
      "path-prefix": { type: "string" },
      out: { type: "string", default: "dist" },
      "no-pdf": { type: "boolean", default: false },
      source: { type: "string" },
    }));
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    console.error(formatCommandLineError(error));
    process.exitCode = 2;
    return;
  }
  const root = resolve(import.meta.dirname, "..");
  const started = performance.now();
  // Stopped by a signal: say so, and leave neither Chromium nor staging folders behind.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      killBrowsers();
      for (const output of activeOutputs) for (const dir of [output.staging, output.print]) rmSync(dir, { recursive: true, force: true });
      const stopped = messages.buildInterrupted(signal);
      console.error(`\n${stopped.message}\n    Sådan retter du det: ${stopped.hint}\n\n${messages.notPublished(values.out).message}`);
      process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
    });
  }
  try {
    const report = await build({
      root,
      source: resolve(values.source ?? root),
      outDir: resolve(values.out),
      pathPrefix: values["path-prefix"],
      pdf: !values["no-pdf"],
      cacheDir: join(root, ".cache", "charts"),
      log: (line) => console.log(line),
    });
    console.log(`Færdig på ${seconds(performance.now() - started, 1)}: ${count(report.files, "fil", "filer")}.`);
  } catch (error) {
    const { text, code } = failureReport(error, values.out);
    console.error(text);
    process.exitCode = code;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
