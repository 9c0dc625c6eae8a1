// One build in a process of its own, for the scale figures of `npm run bench`:
//   node scripts/bench/child-build.ts <source> <out> [--pdf]
// Prints one JSON line: the build's time and stages and the process's own peak RSS.
import { resolve } from "node:path";
import { build } from "../build.ts";
import { chartCache } from "../charts/render.ts";

const [source, out, flag] = process.argv.slice(2);
if (!source || !out) {
  console.error("usage: node scripts/bench/child-build.ts <source> <out> [--pdf]");
  process.exit(2);
}
const started = performance.now();
const report = await build({
  root: resolve(import.meta.dirname, "..", ".."),
  source: resolve(source),
  outDir: resolve(out),
  pdf: flag === "--pdf",
  cache: chartCache(),
});
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    ms,
    stages: report.stages,
    files: report.files,
    charts: report.charts,
    pdfs: report.pdfs.length,
    // Kilobytes on Linux: the largest resident set this Node process had (children not included).
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
