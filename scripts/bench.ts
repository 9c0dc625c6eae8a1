// `npm run bench`: how fast the build is on this machine, side by side with the tools it is made of.
// Every figure is the median of at least --runs (default 5) runs after a warm-up; the comparison
// runs are interleaved with ours, on the same inputs. Prints the machine, each section's samples,
// then one `name: value` line per figure, and writes them to bench-results.json (git-ignored).
// Builds go to a temporary folder; dist/ and .cache/ are never touched.
//
//   npm run bench                       everything (a few minutes)
//   npm run bench -- --only charts,site  some sections: build, charts, site, rebuild, scale
//   npm run bench -- --runs 7
//   npm run bench -- --scale-pdf         the scale runs with PDFs too (about 70 PDFs at 10x: slow)
import Eleventy from "@11ty/eleventy";
import { rmSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import { build, type BuildReport } from "./build.ts";
import { chartCache } from "./charts/render.ts";
import { indicatorSpec, LAYOUTS } from "./charts/spec.ts";
import { renderCharts, themeFor } from "./charts/stage.ts";
import { loadModel } from "./content/files.ts";
import { launchBrowser } from "./pdf/browser.ts";
import { ensureChromium } from "./setup/chromium.ts";
import { pdfJobs } from "./pdf/pages.ts";
import { siteView } from "./site/view.ts";
import { installPagedjs, pdfPages, runPagedjsCli, runPagedjsPrinter } from "./bench/pagedjs.ts";
import { measureRebuild } from "./bench/rebuild.ts";
import { writeSyntheticFixture } from "./bench/synthetic.ts";
import { load, machine, median, retrying, runNode, timed, type Machine } from "./bench/tools.ts";
import { serveFolder } from "./lib/serve.ts";

const ROOT = resolve(import.meta.dirname, "..");
const SECTIONS = ["build", "charts", "site", "rebuild", "scale"] as const;
type Section = (typeof SECTIONS)[number];

const { values: args } = parseArgs({
  options: { runs: { type: "string", default: "5" }, only: { type: "string" }, "scale-pdf": { type: "boolean", default: false } },
});
const RUNS = Math.max(5, Number(args.runs) || 5);
const only = new Set((args.only ?? SECTIONS.join(",")).split(",").map((s) => s.trim()) as Section[]);

const log = (line = "") => console.log(line);
const results: Record<string, number> = {};
const details: Record<string, unknown> = {};
const notes: string[] = [];

const TARGETS: { name: string; op: "<=" | "<"; limit: number }[] = [
  { name: "pdf_vs_pagedjs", op: "<=", limit: 0.45 },
  { name: "chart_overhead", op: "<=", limit: 1.3 },
  { name: "chart_warm_ratio", op: "<=", limit: 0.05 },
  { name: "site_vs_eleventy", op: "<=", limit: 2 },
  { name: "rebuild_ms", op: "<", limit: 1000 },
  { name: "scale_time_ratio", op: "<=", limit: 10 },
  { name: "scale_peak_mib", op: "<", limit: 1024 },
];

const s = (ms: number) => ms / 1000;
const fmt = (n: number, digits = 3) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);
const stageMedians = (reports: BuildReport[]) =>
  Object.fromEntries(
    [...new Set(reports.flatMap((r) => r.stages.map((st) => st.name)))].map((name) => [
      name,
      fmt(s(median(reports.map((r) => r.stages.find((st) => st.name === name)?.ms ?? 0)))),
    ]),
  );
const showStages = (label: string, stages: Record<string, number>) =>
  log(
    `  ${label} stages (median s): ${Object.entries(stages)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );

/** Where each PDF's print page is: the same jobs the build prints. */
async function printPages(source: string): Promise<{ pathPrefix: string; pages: Map<string, string> }> {
  const model = await loadModel(source);
  return { pathPrefix: model.site.path_prefix, pages: new Map(pdfJobs(siteView(model)).map((job) => [job.file, job.printUrl])) };
}

// --- 1. The whole build, cold and warm, and Paged.js printing the same print pages --------------
async function benchBuild(work: string, chromium: string, pagedjs: { version?: string; error?: string }): Promise<void> {
  log(`\n## Full build (site, charts, PDFs) of the example content, ${RUNS} runs after a warm-up`);
  const cold: { ms: number; report: BuildReport }[] = [];
  const warm: { ms: number; report: BuildReport }[] = [];
  const warmCache = chartCache();
  const pagedCli = new Map<string, number[]>();
  const pagedPrinter = new Map<string, number[]>();
  const pagedPageCount = new Map<string, number>();
  let pagedError = pagedjs.error;
  const push = (map: Map<string, number[]>, key: string, value: number) => map.set(key, [...(map.get(key) ?? []), value]);

  for (let run = 0; run <= RUNS; run++) {
    const label = run === 0 ? "warm-up" : `run ${run}`;
    const out = join(work, `build-${run}`);
    const printDir = join(work, `print-${run}`);
    const c = await retrying("cold build", () => timed(() => build({ root: ROOT, source: ROOT, outDir: out, cache: chartCache(), pdf: true, printDir })), log);
    if (run > 0) cold.push({ ms: c.ms, report: c.value });
    let line = `  ${label}: cold ${s(c.ms).toFixed(2)} s`;

    // Paged.js on this build's print pages, same HTML and CSS, served from 127.0.0.1.
    if (!pagedError) {
      const { pathPrefix, pages } = await retrying("loading the content", () => printPages(ROOT), log);
      const server = await serveFolder(printDir, pathPrefix);
      try {
        let cliTotal = 0;
        for (const pdf of c.value.pdfs) {
          const printUrl = pages.get(pdf.file);
          if (!printUrl) {
            if (run === 0) notes.push(`pdf_vs_pagedjs leaves out ${pdf.file}: no print page known for it`);
            continue;
          }
          const output = join(work, `pagedjs-${pdf.file}`);
          const ms = await runPagedjsCli(`${server.origin}${printUrl}`, output, chromium);
          cliTotal += ms;
          if (run > 0) push(pagedCli, pdf.file, ms);
          if (!pagedPageCount.has(pdf.file)) pagedPageCount.set(pdf.file, await pdfPages(output));
        }
        // The same printer on a Chromium that is already running (ours, launched with our flags).
        const browser = await launchBrowser(undefined, { shared: true });
        let printerTotal = 0;
        try {
          for (const pdf of c.value.pdfs.filter((p) => pages.has(p.file))) {
            const ms = await runPagedjsPrinter(`${server.origin}${pages.get(pdf.file)!}`, join(work, `pagedjs-printer-${pdf.file}`), browser.wsEndpoint());
            printerTotal += ms;
            if (run > 0) push(pagedPrinter, pdf.file, ms);
          }
        } finally {
          await browser.close();
        }
        line += `, pagedjs-cli ${s(cliTotal).toFixed(2)} s, pagedjs on a running browser ${s(printerTotal).toFixed(2)} s`;
      } catch (error) {
        pagedError = (error as Error).message;
        line += `, pagedjs failed: ${pagedError}`;
      } finally {
        await server.close();
      }
    }
    await rm(out, { recursive: true, force: true });
    await rm(printDir, { recursive: true, force: true });

    const w = await retrying("warm build", () => timed(() => build({ root: ROOT, source: ROOT, outDir: out, cache: warmCache, pdf: true })), log);
    if (run > 0) warm.push({ ms: w.ms, report: w.value });
    await rm(out, { recursive: true, force: true });
    log(`${line}, warm ${s(w.ms).toFixed(2)} s (charts ${w.value.charts.cached} from cache)  [load ${load()}]`);
  }

  results.build_s = fmt(s(median(cold.map((r) => r.ms))));
  results.build_warm_s = fmt(s(median(warm.map((r) => r.ms))));
  const coldStages = stageMedians(cold.map((r) => r.report));
  const warmStages = stageMedians(warm.map((r) => r.report));
  showStages("cold", coldStages);
  showStages("warm", warmStages);

  // Per document, from the BuildReport (printed two at a time on this machine: concurrency = cores).
  const files = cold[0]!.report.pdfs.map((p) => p.file);
  const perDoc: Record<string, { pages: number; ms: number; pagedjsCliMs?: number; pagedjsPrinterMs?: number; pagedjsPages?: number }> = {};
  for (const file of files) {
    const samples = cold.map((r) => r.report.pdfs.find((p) => p.file === file)?.ms ?? Number.NaN);
    const pages = cold[0]!.report.pdfs.find((p) => p.file === file)!.pages;
    const ms = median(samples);
    perDoc[file] = {
      pages,
      ms: fmt(ms, 0),
      pagedjsCliMs: fmt(median(pagedCli.get(file) ?? []), 0),
      pagedjsPrinterMs: fmt(median(pagedPrinter.get(file) ?? []), 0),
      pagedjsPages: pagedPageCount.get(file),
    };
    const key = file.replace(/\.pdf$/, "");
    results[`pdf_s.${key}`] = fmt(s(ms));
    results[`pdf_pages_per_s.${key}`] = fmt(pages / s(ms), 2);
  }
  const totalPages = Object.values(perDoc).reduce((sum, d) => sum + d.pages, 0);
  results.pdf_stage_s = coldStages.pdf ?? Number.NaN;
  results.pdf_pages_per_s = fmt(totalPages / (coldStages.pdf ?? Number.NaN), 2);
  log("  per document (median ms; ours at concurrency 2 | pagedjs-cli process | pagedjs on a running browser; pages ours/pagedjs):");
  for (const [file, d] of Object.entries(perDoc)) {
    log(
      `    ${file.padEnd(58)} ${String(d.ms).padStart(6)} | ${String(d.pagedjsCliMs).padStart(6)} | ${String(d.pagedjsPrinterMs).padStart(6)}   ${d.pages}/${d.pagedjsPages ?? "?"} pages`,
    );
  }
  details.build = { coldStages, warmStages, perDocument: perDoc, coldSamplesMs: cold.map((r) => fmt(r.ms, 0)), warmSamplesMs: warm.map((r) => fmt(r.ms, 0)) };

  if (pagedError) {
    notes.push(`pdf_vs_pagedjs not measured: pagedjs-cli could not run here: ${pagedError}`);
    log(`  pagedjs-cli could not run: ${pagedError}`);
  } else {
    const compared = files.filter((f) => Number.isFinite(perDoc[f]!.pagedjsCliMs) && Number.isFinite(perDoc[f]!.pagedjsPrinterMs));
    const ours = compared.reduce((sum, f) => sum + perDoc[f]!.ms, 0);
    const cli = compared.reduce((sum, f) => sum + perDoc[f]!.pagedjsCliMs!, 0);
    const printer = compared.reduce((sum, f) => sum + perDoc[f]!.pagedjsPrinterMs!, 0);
    results.pdf_vs_pagedjs = fmt(ours / cli);
    results.pdf_vs_pagedjs_running_browser = fmt(ours / printer);
    log(
      `  sum over the ${compared.length} documents: ours ${s(ours).toFixed(2)} s, pagedjs-cli ${s(cli).toFixed(2)} s, pagedjs on a running browser ${s(printer).toFixed(2)} s`,
    );
  }
}

// --- 2. Charts: our stage against Vega's own compile + parse + render ----------------------------
async function benchCharts(): Promise<void> {
  const runs = Math.max(RUNS, 10);
  log(`\n## Charts of the example content, ${runs} runs after a warm-up`);
  const model = await retrying("loading the content", () => loadModel(ROOT), log);
  const theme = themeFor(model);
  const withData = [...model.indicators.values()].filter((i) => i.series.some((x) => x.observations.length > 0));
  // The same drawings on both sides: every chart at each width it is shown at.
  const specs = withData.flatMap((i) => Object.values(LAYOUTS).map((layout) => indicatorSpec(i, theme, layout)));
  const vegaOwn = () => Promise.all(specs.map((spec) => new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" }).toSVG()));
  const warmCache = chartCache();
  const first = await renderCharts(model, warmCache); // warm-up (also configures Vega's locale and text metrics for both sides)
  if (first.rendered !== withData.length) notes.push(`chart stage rendered ${first.rendered} charts, the baseline ${withData.length}`);
  await vegaOwn();
  const cold: number[] = [];
  const own: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < runs; run++) {
    cold.push((await timed(() => renderCharts(model, chartCache()))).ms);
    own.push((await timed(vegaOwn)).ms);
    warm.push((await timed(() => renderCharts(model, warmCache))).ms);
  }
  const perChart = median(cold) / specs.length;
  const vegaPerChart = median(own) / specs.length;
  log(
    `  ${specs.length} charts. Ours cold: ${cold.map((ms) => ms.toFixed(0)).join(", ")} ms; Vega's own: ${own.map((ms) => ms.toFixed(0)).join(", ")} ms; ours warm: ${warm.map((ms) => ms.toFixed(1)).join(", ")} ms`,
  );
  log(`  per chart: ours ${perChart.toFixed(1)} ms, Vega ${vegaPerChart.toFixed(1)} ms`);
  results.chart_ms = fmt(perChart, 1);
  results.chart_vega_ms = fmt(vegaPerChart, 1);
  results.chart_overhead = fmt(perChart / vegaPerChart);
  results.chart_warm_ratio = fmt(median(warm) / median(cold), 4);
  details.charts = { charts: specs.length, coldMs: cold.map((x) => fmt(x, 1)), vegaMs: own.map((x) => fmt(x, 1)), warmMs: warm.map((x) => fmt(x, 2)) };
}

// --- 3. The site without PDFs against a bare Eleventy build of the same Markdown -----------------
async function copyMarkdown(from: string, to: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    const path = join(entry.parentPath, entry.name);
    const target = join(to, path.slice(from.length));
    await mkdir(dirname(target), { recursive: true });
    await cp(path, target);
    count++;
  }
  return count;
}

async function benchSite(work: string): Promise<void> {
  log(`\n## Site without PDFs against bare Eleventy, ${RUNS} runs after a warm-up`);
  const bare = join(work, "bare-eleventy");
  const files = await copyMarkdown(join(ROOT, "content"), bare);
  await mkdir(join(bare, "_includes"), { recursive: true });
  await mkdir(join(bare, "_data"), { recursive: true });
  await writeFile(
    join(bare, "_includes", "base.njk"),
    '<!doctype html>\n<html lang="da"><head><meta charset="utf-8"><title>{{ title }}</title></head>\n<body><main>{{ content | safe }}</main></body></html>\n',
  );
  await writeFile(join(bare, "_data", "layout.json"), '"base.njk"\n');
  const ours: { ms: number; report: BuildReport }[] = [];
  const oursWarm: number[] = [];
  const eleventy: number[] = [];
  const warmCache = chartCache();
  for (let run = 0; run <= RUNS; run++) {
    const out = join(work, `site-${run}`);
    const a = await retrying("site build", () => timed(() => build({ root: ROOT, source: ROOT, outDir: out, cache: chartCache(), pdf: false })), log);
    await rm(out, { recursive: true, force: true });
    const aw = await retrying("site build", () => timed(() => build({ root: ROOT, source: ROOT, outDir: out, cache: warmCache, pdf: false })), log);
    await rm(out, { recursive: true, force: true });
    const b = await timed(() => new Eleventy(bare, out, { configPath: false, quietMode: true }).write());
    await rm(out, { recursive: true, force: true });
    if (run > 0) {
      ours.push({ ms: a.ms, report: a.value });
      oursWarm.push(aw.ms);
      eleventy.push(b.ms);
    }
    log(
      `  ${run === 0 ? "warm-up" : `run ${run}`}: ours ${a.ms.toFixed(0)} ms (warm chart cache ${aw.ms.toFixed(0)} ms), bare Eleventy ${b.ms.toFixed(0)} ms  [load ${load()}]`,
    );
  }
  const stages = stageMedians(ours.map((r) => r.report));
  showStages("ours", stages);
  log(`  bare Eleventy: ${files} Markdown files, a one-line layout, no charts, no validation`);
  results.site_s = fmt(s(median(ours.map((r) => r.ms))));
  results.site_eleventy_s = fmt(s(median(eleventy)));
  results.site_vs_eleventy = fmt(median(ours.map((r) => r.ms)) / median(eleventy));
  results.site_warm_charts_vs_eleventy = fmt(median(oursWarm) / median(eleventy));
  details.site = {
    stages,
    oursMs: ours.map((r) => fmt(r.ms, 0)),
    oursWarmChartsMs: oursWarm.map((x) => fmt(x, 0)),
    eleventyMs: eleventy.map((x) => fmt(x, 0)),
    markdownFiles: files,
  };
}

// --- 4. Dev server rebuild after an edit -----------------------------------------------------------
async function benchRebuild(work: string): Promise<void> {
  log(`\n## Dev server: edit content/plan/2021/baggrund.md (in a copy of the project), ${RUNS} runs after a warm-up`);
  const times = await retrying("the dev server", () => measureRebuild(ROOT, work, RUNS, 1, log), log);
  results.rebuild_ms = fmt(median(times), 0);
  details.rebuild = { ms: times.map((x) => fmt(x, 0)) };
}

// --- 5. Scale: the synthetic fixture at 1x and 10x, each build in a process of its own ------------
async function benchScale(work: string): Promise<void> {
  const withPdf = args["scale-pdf"];
  log(`\n## Scale: synthetic fixture 1x and 10x, ${withPdf ? "with" : "site, charts and search index without"} PDFs, ${RUNS} runs after a warm-up`);
  const fixtures = { 1: join(work, "synthetic-1"), 10: join(work, "synthetic-10") } as const;
  for (const [scale, dir] of Object.entries(fixtures)) {
    const summary = await writeSyntheticFixture(dir, Number(scale));
    log(
      `  ${scale}x: ${summary.markdownFiles} Markdown files, ${summary.documents} documents, ${summary.indicators} indicators (${summary.indicatorsWithData} charts), ${summary.tables} tables, ${(summary.bytes / 1024).toFixed(0)} KiB`,
    );
  }
  const samples: Record<"1" | "10", { ms: number; peakMiB: number; rssSumMiB: number; nodeMaxRssMiB: number; stages: { name: string; ms: number }[] }[]> = {
    1: [],
    10: [],
  };
  for (let run = 0; run <= RUNS; run++) {
    const parts: string[] = [];
    for (const scale of ["1", "10"] as const) {
      const out = join(work, `synthetic-out-${scale}`);
      const child = await retrying(
        `the ${scale}x build`,
        async () => {
          const result = await runNode(join(ROOT, "scripts", "bench", "child-build.ts"), [fixtures[scale], out, ...(withPdf ? ["--pdf"] : [])], {
            cwd: ROOT,
            sampleMs: 50,
          });
          await rm(out, { recursive: true, force: true });
          if (result.code !== 0) throw new Error(`the ${scale}x build failed: ${result.stderr.trim().slice(-800)}`);
          return result;
        },
        log,
      );
      const line = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { ms: number; maxRssKiB: number; stages: { name: string; ms: number }[] };
      const nodeMaxRssMiB = line.maxRssKiB / 1024;
      // The sampled tree's PSS, or Node's own peak if that is higher (a peak between two samples).
      const peakMiB = Math.max(child.peakPss / 2 ** 20, nodeMaxRssMiB);
      const rssSumMiB = child.peakRss / 2 ** 20;
      if (run > 0) samples[scale].push({ ms: line.ms, peakMiB, rssSumMiB, nodeMaxRssMiB, stages: line.stages });
      parts.push(`${scale}x ${s(line.ms).toFixed(2)} s, peak ${peakMiB.toFixed(0)} MiB`);
    }
    log(`  ${run === 0 ? "warm-up" : `run ${run}`}: ${parts.join("; ")}  [load ${load()}]`);
  }
  const stagesOf = (scale: "1" | "10") => stageMedians(samples[scale].map((x) => ({ stages: x.stages, files: 0, charts: { rendered: 0, cached: 0 }, pdfs: [] })));
  showStages("1x", stagesOf("1"));
  showStages("10x", stagesOf("10"));
  const peaks = samples[10].map((x) => x.peakMiB);
  results.scale_1x_s = fmt(s(median(samples[1].map((x) => x.ms))));
  results.scale_10x_s = fmt(s(median(samples[10].map((x) => x.ms))));
  results.scale_time_ratio = fmt(median(samples[10].map((x) => x.ms)) / median(samples[1].map((x) => x.ms)));
  results.scale_peak_mib = fmt(median(peaks), 0);
  log(
    `  10x peak memory of the build's process tree (Node, Pagefind${withPdf ? ", Chromium" : ""}), PSS sampled every 50 ms: median ${median(peaks).toFixed(0)} MiB, max ${Math.max(...peaks).toFixed(0)} MiB`,
  );
  log(
    `    (sum of the processes' RSS, shared pages counted again in each: median ${median(samples[10].map((x) => x.rssSumMiB)).toFixed(0)} MiB; Node's own maxRSS median ${median(samples[10].map((x) => x.nodeMaxRssMiB)).toFixed(0)} MiB)`,
  );
  details.scale = { stages1x: stagesOf("1"), stages10x: stagesOf("10"), samples };
  notes.push(
    withPdf
      ? "scale figures are whole builds with PDFs (--scale-pdf)"
      : "scale figures are builds without PDFs (site, charts, search index): the 10x PDFs (about 70) take about a minute per run; --scale-pdf measures them",
  );
}

// --- Report -------------------------------------------------------------------------------------
function verdict(name: string): string | undefined {
  const target = TARGETS.find((t) => t.name === name);
  const value = results[name];
  if (!target || value === undefined || !Number.isFinite(value)) return undefined;
  const met = target.op === "<" ? value < target.limit : value <= target.limit;
  return met ? `target ${target.op} ${target.limit}: met` : `target ${target.op} ${target.limit}: MISSED by ${((value / target.limit - 1) * 100).toFixed(0)}%`;
}

async function main(): Promise<void> {
  const chromium = ensureChromium(log);
  const host: Machine = machine(chromium);
  const started = new Date();
  log(`# npm run bench, ${started.toISOString()}`);
  // Paged.js is installed for the benchmark alone (not a project dependency); without it only pdf_vs_pagedjs is missing.
  const pagedjs: { version?: string; error?: string } = only.has("build")
    ? await installPagedjs(log).then(
        (version) => ({ version }),
        (error: unknown) => ({ error: (error as Error).message }),
      )
    : {};
  log(
    `Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB memory, ${host.os}; Node ${host.node}; ${host.chromium}; pagedjs-cli ${pagedjs.version ?? "not used"}`,
  );
  log(`Load average at start: ${load()} (other work on the machine skews the figures; the comparisons are interleaved run by run)`);
  const work = await mkdtemp(join(tmpdir(), "beskaeftigelsesplan-bench-"));
  // Interrupted: the temporary folder goes (the checkout itself is never edited).
  process.once("SIGINT", () => {
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
  const sections: [Section, () => Promise<void>][] = [
    ["build", () => benchBuild(work, chromium, pagedjs)],
    ["charts", benchCharts],
    ["site", () => benchSite(work)],
    ["rebuild", () => benchRebuild(work)],
    ["scale", () => benchScale(work)],
  ];
  try {
    for (const [name, run] of sections) {
      if (!only.has(name)) continue;
      try {
        await run();
      } catch (error) {
        notes.push(`section ${name} failed: ${(error as Error).message}`);
        log(`  section ${name} failed: ${(error as Error).stack ?? (error as Error).message}`);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  const minutes = (Date.now() - started.getTime()) / 60_000;
  log(`\n## Results (medians of ${RUNS} runs; the charts section ${Math.max(RUNS, 10)}), ${minutes.toFixed(1)} min, load average at end ${load()}`);
  for (const [name, value] of Object.entries(results)) {
    const v = verdict(name);
    log(`${name}: ${value}${v ? `    (${v})` : ""}`);
  }
  for (const note of notes) log(`note: ${note}`);
  await writeFile(
    join(ROOT, "bench-results.json"),
    `${JSON.stringify({ date: started.toISOString(), machine: host, runs: RUNS, results, targets: TARGETS, notes, details }, null, 2)}\n`,
  );
  log("Written to bench-results.json");
}

await main();
