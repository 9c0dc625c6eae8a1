// `npm run check`: validates all content and data without rendering, and lists every problem.
import { resolve } from "node:path";
import { loadModel } from "./content/files.ts";
import { sourceMapProblems } from "./fetch/sources.ts";
import { ValidationError } from "./messages.ts";

const root = resolve(import.meta.dirname, "..");
try {
  const model = await loadModel(root);
  const sources = await sourceMapProblems(root, new Set(model.indicators.keys()));
  if (sources.length > 0) throw new ValidationError(sources);
  console.log(`Alt er i orden: ${model.pages.size} sider, ${model.documents.length} dokumenter, ${model.indicators.size} indikatorer, ${model.tables.size} tabeller.`);
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
