// `npm run check`: validates all content and data without rendering, and lists every problem.
import { resolve } from "node:path";
import { loadModel } from "./content/files.ts";
import { formatProblem, ValidationError } from "./messages.ts";

const root = resolve(import.meta.dirname, "..");
try {
  const model = await loadModel(root);
  for (const warning of model.warnings) console.warn(`${formatProblem(warning)}\n`);
  console.log(`Alt er i orden: ${model.pages.size} sider, ${model.documents.length} dokumenter, ${model.indicators.size} indikatorer, ${model.tables.size} tabeller.`);
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
