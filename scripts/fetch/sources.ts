// The source map, data/sources.json: for every indicator series, where its figures come from.
// Written once per municipality; `npm run fetch` reads it. One entry per series:
//
//   Statistikbanken  { "indicator": "…", "series": "Ballerup", "source": "statistikbanken",
//                      "table": "AUS08", "area": { "variable": "OMRÅDE", "code": "151" },
//                      "variables": { "YDELSESTYPE": "TOT" }, "periods": ">=2019M01" }
//   Jobindsats       { "indicator": "…", "series": "Ballerup", "source": "jobindsats",
//                      "table": "y25i01", "area": { "hierarchy": "_nykom", "value": "Ballerup" },
//                      "hierarchies": { "_ygrpi09": "/2/" }, "measure": "…",
//                      "period_type": "M", "periods": "latest:24" }
//                    (a value is "/" for the hierarchy's total, e.g. Hele landet, a value id such
//                    as "/2/", or the value's name, looked up in the table's description)
//   no public source { "indicator": "…", "series": "Ballerup", "source": "manuel", "reason": "…" }
//
// A manual series keeps the figures typed into data/indicators/; the fetch leaves it alone.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { parseJsonWith } from "../lib/zod-problems.ts";
import { messages, type Problem } from "../messages.ts";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kun små bogstaver a-z, tal og bindestreg");
const code = z.string().trim().min(1);
const common = {
  indicator: id.describe("The indicator's id (its file name in data/indicators/ without .json)."),
  series: z.string().min(1).describe("The series' name exactly as in the indicator file."),
  note: z.string().optional().describe("A note for people: what the figure is, how the codes were chosen."),
};

export const statbankEntrySchema = z.strictObject({
  ...common,
  source: z.literal("statistikbanken"),
  table: z
    .string()
    .regex(/^[A-Za-z0-9]+$/, "et tabelnavn fra Statistikbanken, fx AUS08")
    .describe("Statistikbanken's table id, e.g. AUS08."),
  area: z
    .strictObject({
      variable: code.describe('The area variable, usually "OMRÅDE".'),
      code: code.describe('The area\'s code, e.g. "151" (Ballerup) or "000" (Hele landet).'),
    })
    .describe("The municipality or comparison area."),
  variables: z.record(code, code).default({}).describe("One value code for each other variable to fix (the rest are eliminated by Statistikbanken)."),
  periods: z.string().trim().min(1).default("*").describe('The time codes: "*" (all), ">=2019M01", "<=2020K4", or codes separated by commas.'),
});

export const jobindsatsEntrySchema = z.strictObject({
  ...common,
  source: z.literal("jobindsats"),
  table: z
    .string()
    .regex(/^[A-Za-z0-9_]+$/, "et tabel-id fra Jobindsats, fx y25i01")
    .describe("Jobindsats' table id, e.g. y25i01."),
  area: z
    .strictObject({
      hierarchy: code.describe('The area hierarchy by its id, e.g. "_nykom" (municipalities), or by its name as jobindsats.dk shows it ("Område").'),
      value: code.describe(
        'The area: "/" for the hierarchy\'s total (Hele landet), a value id, or the value\'s name as the table\'s description writes it (e.g. "Ballerup").',
      ),
    })
    .describe("The municipality or comparison area."),
  hierarchies: z.record(code, code).default({}).describe('Other hierarchies to fix, each to one value ("/", a value id or a value name), e.g. { "_ygrpi09": "/2/" }.'),
  measure: code.describe("The measure's column name in Jobindsats' answer, exactly as Jobindsats writes it."),
  period_type: z.enum(["M", "Q", "Y"]).default("M").describe("Months, quarters or years."),
  periods: z
    .string()
    .regex(/^latest:[1-9]\d{0,3}$/, 'skrives "latest:" og et antal perioder, fx "latest:24"')
    .default("latest:24")
    .describe('How many of the latest periods to fetch, e.g. "latest:24".'),
});

export const manualEntrySchema = z.strictObject({
  ...common,
  source: z.literal("manuel"),
  reason: z.string().min(1).describe("Why the series has no public source (e.g. the municipality's own case figures)."),
});

export const sourceEntrySchema = z.discriminatedUnion("source", [statbankEntrySchema, jobindsatsEntrySchema, manualEntrySchema]);

export const sourcesSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  series: z.array(sourceEntrySchema),
});

export type StatbankEntry = z.infer<typeof statbankEntrySchema>;
export type JobindsatsEntry = z.infer<typeof jobindsatsEntrySchema>;
export type SourceEntry = z.infer<typeof sourceEntrySchema>;
export type FetchedEntry = StatbankEntry | JobindsatsEntry;
export type Sources = z.infer<typeof sourcesSchema>;

export const SOURCES_FILE = "data/sources.json";

/**
 * Reads data/sources.json's text. Problems name the file and the JSON path; a series mapped twice
 * and an indicator the project does not have (`indicators`: the ids) are problems too. A fetched
 * series the indicator does not have yet is allowed: the fetch adds it.
 */
export function parseSources(text: string, indicators: ReadonlySet<string>): { sources?: Sources; problems: Problem[] } {
  const file = SOURCES_FILE;
  const parsed = parseJsonWith(sourcesSchema, text, file);
  if (!parsed.value) return { problems: parsed.problems };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parsed.value.series.forEach((entry, i) => {
    if (!indicators.has(entry.indicator)) problems.push({ file, path: `series[${i}].indicator`, ...messages.unknownIndicator(entry.indicator) });
    const key = `${entry.indicator}\u0000${entry.series}`;
    if (seen.has(key)) problems.push({ file, path: `series[${i}]`, ...messages.fetchDuplicateEntry(entry.indicator, entry.series) });
    seen.add(key);
  });
  return problems.length > 0 ? { problems } : { sources: parsed.value, problems };
}

/** The problems of data/sources.json in the project at `root` (none when there is no such file), for `npm run check`. */
export async function sourceMapProblems(root: string, indicators: ReadonlySet<string>): Promise<Problem[]> {
  let text: string;
  try {
    text = await readFile(join(root, SOURCES_FILE), "utf8");
  } catch {
    return [];
  }
  return parseSources(text, indicators).problems;
}
