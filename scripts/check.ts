// `npm run check`: validates all content and data without rendering, and lists every problem.
// `--source DIR` checks another project folder (content/ and data/), as `npm run build -- --source`.
import { resolve } from "node:path";
import { caseProblems } from "./bundle/bundle.ts";
import { loadModel } from "./content/files.ts";
import { sourceMapProblems } from "./fetch/sources.ts";
import { CommandLineError, formatCommandLineError, readCommandLine } from "./lib/command-line.ts";
import { formatProblem, ValidationError } from "./messages.ts";

try {
  const { values } = readCommandLine("check", process.argv.slice(2), { source: { type: "string" } });
  const source = resolve(values.source ?? resolve(import.meta.dirname, ".."));
  const model = await loadModel(source);
  for (const warning of model.warnings) console.warn(`${formatProblem(warning)}\n`);
  const problems = [...(await sourceMapProblems(source, new Set(model.indicators.keys()))), ...caseProblems(model)];
  if (problems.length > 0) throw new ValidationError(problems);
  console.log(`Alt er i orden: ${model.pages.size} sider, ${model.documents.length} dokumenter, ${model.indicators.size} indikatorer, ${model.tables.size} tabeller.`);
} catch (error) {
  if (error instanceof CommandLineError) console.error(formatCommandLineError(error));
  else if (error instanceof ValidationError) console.error(error.message);
  else throw error;
  process.exitCode = 2;
}
