// `npm run schema`: writes the data formats as JSON Schema files in data/, so that editors'
// tools (e.g. VS Code) can check and complete indicator, table and site files while typing.
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { benchmarkSchema, caseSchema } from "./content/committee.ts";
import { siteSchema } from "./content/schema.ts";
import { sourcesSchema } from "./fetch/sources.ts";
import { indicatorSchema, tableSchema } from "./indicators/schema.ts";

export const SCHEMAS = {
  "indicator.schema.json": indicatorSchema,
  "table.schema.json": tableSchema,
  "site.schema.json": siteSchema,
  "case.schema.json": caseSchema,
  "benchmark.schema.json": benchmarkSchema,
  "sources.schema.json": sourcesSchema,
} as const;

export function schemaText(schema: z.ZodType): string {
  return `${JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const data = resolve(import.meta.dirname, "..", "data");
  for (const [file, schema] of Object.entries(SCHEMAS)) {
    await writeFile(join(data, file), schemaText(schema));
    console.log(`Skrev data/${file}`);
  }
}
