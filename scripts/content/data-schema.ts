// The indicator data format: one zod schema gives both the validator and the TypeScript types,
// and `npm run schema` writes it as JSON Schema for editors' tools (data/indicator.schema.json).
import { z } from "zod";

// "procentpoint" and "ændring i antal" are changes (e.g. from the year before), which may be negative;
// the others are levels, which may not (scripts/content/data-validate.ts).
export const UNITS = ["pct.", "procentpoint", "antal", "ændring i antal", "uger", "placering"] as const;
export const KINDS = ["nøgletal", "indikator"] as const;
export const CHART_KINDS = ["udvikling", "sammenligning", "maal"] as const;
/** More series than colours and marker shapes that readers can tell apart (see scripts/charts/spec.ts). */
export const MAX_SERIES = 8;

// The same forms parsePeriod() reads, as a pattern so that the JSON Schema carries it too.
const period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-K[1-4])?$/, 'perioden skal skrives som "2020-08", "2020-K2" eller "2020"');

const direction = z.enum(["higher", "lower"]).describe("Whether a higher or a lower value is better.");

export const observationSchema = z.strictObject({
  period: period.describe('Month "2020-08", quarter "2020-K2" or year "2020".'),
  value: z.number().finite(),
});

export const seriesSchema = z.strictObject({
  name: z.string().min(1).describe('The municipality first, then comparisons ("Hele landet", "Region Hovedstaden") or groups.'),
  observations: z.array(observationSchema),
  suppressed: z
    .array(period)
    .optional()
    .describe('Periods whose figure is withheld for discretion (".." in the public statistics); shown as such, never as a gap or a zero.'),
});

export const targetSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("value"),
    value: z.number().finite(),
    direction,
    by: period.optional().describe("The period by which the target should be met."),
    label: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("series"),
    series: z.string().min(1).describe("The series whose level is the target, e.g. Hele landet."),
    direction,
    label: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("trend"),
    direction,
    label: z.string().optional(),
  }),
]);

/** Where a fetched series' figures came from (written by `npm run fetch`, shown with the source). */
export const provenanceSchema = z.strictObject({
  series: z.string().min(1).describe("The series the figures belong to."),
  source: z.string().min(1).describe('Who published them, e.g. "Danmarks Statistik".'),
  table: z.string().min(1).describe("The source's table, e.g. AUS08."),
  query: z.string().min(1).describe("The query, without address or key."),
  fetched: z.iso.datetime().describe("When they were fetched (UTC)."),
  licence: z.string().min(1).optional().describe('The data\'s licence, e.g. "CC BY 4.0".'),
});

export const indicatorSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kun små bogstaver a-z, tal og bindestreg"),
  goal: z.number().int().min(1).max(99),
  kind: z.enum(KINDS),
  title: z.string().min(1),
  question: z.string().min(1).optional(),
  unit: z
    .enum(UNITS)
    .describe('A share "pct.", a count "antal", "uger" or a rank "placering"; a change is "procentpoint" (of a share) or "ændring i antal" (of a count) and may be negative.'),
  decimals: z.number().int().min(0).max(2).optional(),
  series: z.array(seriesSchema).describe(`At most ${MAX_SERIES}: the municipality's own series first.`),
  target: targetSchema.optional(),
  source: z.string().min(1),
  extracted: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "datoen skal skrives som 2020-09-15").nullable(),
  notes: z.string().optional(),
  provenance: z.array(provenanceSchema).optional().describe("Per fetched series: source, table, query and time of fetch."),
  chart: z
    .strictObject({
      kind: z.enum(CHART_KINDS).optional(),
      spec: z.record(z.string(), z.unknown()).optional().describe("A custom Vega-Lite spec; its data comes from the indicator."),
    })
    .optional(),
});

export type Indicator = z.infer<typeof indicatorSchema>;
export type Series = z.infer<typeof seriesSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type ChartKind = (typeof CHART_KINDS)[number];

export const tableSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kun små bogstaver a-z, tal og bindestreg"),
  caption: z.string().min(1),
  stub: z.string().min(1),
  group: z.string().optional(),
  unit: z.enum(["pct.", "antal"]),
  columns: z.array(z.string().min(1)).min(1),
  rows: z.array(
    z.strictObject({
      label: z.string().min(1),
      level: z.number().int().min(0).max(2).optional(),
      values: z.array(
        z.union([z.number().finite(), z.strictObject({ min: z.number().finite(), max: z.number().finite() })]),
      ),
    }),
  ),
  source: z.string().optional(),
  notes: z.string().optional(),
});

export type Table = z.infer<typeof tableSchema>;
