// `npm run import -- FILE [--mapping MAPPING.json] [--dry-run]`: the thin command-line wrapper
// around runImport() (scripts/import/run.ts). Relative paths are read from the folder npm was run in.
import { resolve } from "node:path";
import { runImport } from "./run.ts";

const root = resolve(import.meta.dirname, "..", "..");
process.exitCode = await runImport(process.argv.slice(2), {
  source: root,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
