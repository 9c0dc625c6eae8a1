// The mapping: a small JSON file that says which indicator an export belongs to and where in the
// export the periods, series and figures are. Three layouts cover the exports staff download:
//
//   one column per series     { "indicator": "…", "period": { "column": "Periode" },
//                               "series": { "Ballerup": "Ballerup", "Hele landet": "Hele landet" } }
//   one row per observation   { "indicator": "…", "period": { "column": "Tid" },
//                               "series": { "column": "Område", "names": { "Ballerup Kommune": "Ballerup" } },
//                               "value": { "column": "Andel" } }
//   periods as column headers { "indicator": "…", "period": { "headers": true },
//                               "series": { "column": "Område", "names": { "Hele landet": "Hele landet" } } }
//
// A column is named by its header text (case and extra spaces do not matter) or by its number
// (1 is the first). Optional: "sheet" (Excel), "header_row" (the row number of the column headers,
// otherwise found automatically), "delimiter" (CSV) and "description" (a note for people).
import { z } from "zod";
import { parseJsonWith } from "../lib/zod-problems.ts";
import { messages, type Problem } from "../messages.ts";

const columnRef = z.union([z.string().trim().min(1), z.number().int().min(1)]);
export type ColumnRef = z.infer<typeof columnRef>;
const names = z.record(z.string(), z.string().trim().min(1));

export const mappingSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  indicator: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kun små bogstaver a-z, tal og bindestreg"),
  sheet: z.string().min(1).optional(),
  delimiter: z.enum([";", ",", "\t"]).optional(),
  header_row: z.number().int().min(1).optional(),
  period: z.union([z.strictObject({ column: columnRef }), z.strictObject({ headers: z.literal(true) })]),
  series: z.union([z.strictObject({ column: columnRef, names: names.optional() }), names]),
  value: z.strictObject({ column: columnRef }).optional(),
});

export type MappingFile = z.infer<typeof mappingSchema>;

/** Where the figures are, one of the three layouts. */
export type Layout =
  | { kind: "series-columns"; period: ColumnRef; series: { column: ColumnRef; name: string }[]; onlyPresent?: boolean }
  | { kind: "rows"; period: ColumnRef; series: ColumnRef; value: ColumnRef; names?: Record<string, string> }
  | { kind: "period-headers"; series: ColumnRef; names?: Record<string, string> };

export interface Mapping {
  indicator: string;
  sheet?: string;
  delimiter?: string;
  headerRow?: number;
  layout: Layout;
}

function toLayout(file: MappingFile): Layout | undefined {
  // { "column": …, "names": {…} } names a series column; anything else maps columns to series.
  const isSeriesColumn = "column" in file.series && Object.keys(file.series).every((key) => key === "column" || key === "names");
  const seriesColumn = isSeriesColumn ? (file.series as { column: ColumnRef; names?: Record<string, string> }) : undefined;
  if ("headers" in file.period) {
    if (!seriesColumn || file.value) return undefined;
    return { kind: "period-headers", series: seriesColumn.column, names: seriesColumn.names };
  }
  if (seriesColumn) {
    if (!file.value) return undefined;
    return { kind: "rows", period: file.period.column, series: seriesColumn.column, value: file.value.column, names: seriesColumn.names };
  }
  const columns = Object.entries(file.series as Record<string, string>);
  if (file.value || columns.length === 0) return undefined;
  return { kind: "series-columns", period: file.period.column, series: columns.map(([column, name]) => ({ column, name })) };
}

/** Reads a mapping file's text; problems name the mapping file and the field. */
export function parseMapping(text: string, file: string): { mapping?: Mapping; problems: Problem[] } {
  const parsed = parseJsonWith(mappingSchema, text, file);
  if (!parsed.value) return { problems: parsed.problems };
  const layout = toLayout(parsed.value);
  if (!layout) return { problems: [{ file, ...messages.importMappingLayout() }] };
  return {
    mapping: {
      indicator: parsed.value.indicator,
      sheet: parsed.value.sheet,
      delimiter: parsed.value.delimiter,
      headerRow: parsed.value.header_row,
      layout,
    },
    problems: [],
  };
}

/**
 * The mapping used without --mapping: the file is named after the indicator, the periods are in a
 * column "Periode" and each of the indicator's series that has a column of its own name is read.
 */
export function defaultMapping(indicator: string, seriesNames: readonly string[]): Mapping {
  return {
    indicator,
    layout: {
      kind: "series-columns",
      period: "Periode",
      series: seriesNames.map((name) => ({ column: name, name })),
      onlyPresent: true,
    },
  };
}
