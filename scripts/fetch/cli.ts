// `npm run fetch [-- --dry-run] [--only ID] [--keep-going]`: the thin command-line wrapper around
// runFetch() (scripts/fetch/run.ts), with the real clock, network and environment.
import { resolve } from "node:path";
import { runFetch } from "./run.ts";

process.exitCode = await runFetch(process.argv.slice(2), {
  source: resolve(import.meta.dirname, "..", ".."),
  env: process.env,
  now: () => new Date(),
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
