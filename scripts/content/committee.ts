// The committee's own data: cases (data/cases/*.json: which PDFs go to which meeting, under which
// journal number) and the ministry's benchmark results (data/benchmark.json). Validators and types
// from one source, like the other data files; read from the files buildModel() is given.
import { z } from "zod";
import { describeIssue } from "../lib/zod-problems.ts";
import { messages, type Problem } from "../messages.ts";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'mødedatoen skrives som "2024-10-08"');
const quarter = z.string().regex(/^\d{4}-K[1-4]$/, 'kvartalet skrives som "2024-K2"');

export const caseSchema = z.strictObject({
  $schema: z.string().optional(),
  /** The agenda item's heading, e.g. "Revidering af beskæftigelsesstrategi". */
  title: z.string().min(1),
  committee: z.string().min(1),
  meeting: date,
  agenda_item: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
  /** The case's journal number (journalnummer), e.g. "15.00.00-A00-12-22". */
  journal: z.string().min(1),
  /** The case officer's own opening lines for the write-up (sagsfremstilling). */
  summary: z.string().min(1).optional(),
  /**
   * The attachments in the order the case lists them; bilag numbers follow that order. `document` is
   * a document's folder or id ("strategi/2022" or "strategi-2022", "bilag/indikatorer"), a
   * comparison's ("strategi-2022-aendringer") or a quarterly status ("status-2020-k3"). A status that
   * a case attaches carries the case's committee, meeting, agenda item and journal number on its cover.
   * `public: false` marks one that may not be published.
   */
  attachments: z
    .array(z.strictObject({ document: z.string().min(1), public: z.boolean().optional() }))
    .min(1),
});

export type CommitteeCase = z.infer<typeof caseSchema>;

/** A case's attachment named by its folder ("strategi/2022", "status/2020-k3") or its id ("strategi-2022", "status-2020-k3"): the id. */
export function attachmentId(document: string): string {
  return document.replaceAll("/", "-");
}

const ranking = z.strictObject({
  /** "Samlet", "Dagpenge", "Sygedagpenge", … as the ministry names the category. */
  name: z.string().min(1),
  rank: z.number().int().min(1),
  previous_rank: z.number().int().min(1).optional(),
  /** Citizens on benefits minus the number expected from the municipality's conditions: −220 is 220 fewer. */
  versus_expected: z.number().int(),
});

export const benchmarkSchema = z.strictObject({
  $schema: z.string().optional(),
  source: z.string().min(1),
  results: z.array(
    z.strictObject({
      /** First and last quarter the list covers, e.g. "2023-K3" and "2024-K2". */
      from: quarter,
      to: quarter,
      /** How many municipalities are ranked, e.g. 98. */
      municipalities: z.number().int().min(1),
      rankings: z.array(ranking).min(1),
    }),
  ),
});

export type Benchmark = z.infer<typeof benchmarkSchema>;
export type BenchmarkResult = Benchmark["results"][number];

/** Validates parsed JSON against a schema, as problems naming the file and the JSON path. */
export function validateData<T>(schema: z.ZodType<T>, input: unknown, file: string): { value?: T; problems: Problem[] } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((issue) => ({ file, ...describeIssue(issue, input) })) };
}

/** Problems in a benchmark file beyond its shape: a period that ends before it starts. */
export function checkBenchmark(benchmark: Benchmark, file: string): Problem[] {
  return benchmark.results.flatMap((result, i) =>
    result.to < result.from ? [{ file, path: `results[${i}].to`, ...messages.invalidField(`results[${i}].to`, "perioden slutter før den begynder") }] : [],
  );
}
