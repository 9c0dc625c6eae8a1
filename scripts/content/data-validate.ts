// Checks an indicator or table file beyond its shape: values in range for the unit, one kind of
// period per series, no duplicate periods, targets that name existing series, no data from URLs.
import { parsePeriod } from "../lib/danish.ts";
import { describeIssue } from "../lib/zod-problems.ts";
import { specProblems } from "./spec-bounds.ts";
import { LIMITS } from "../limits.ts";
import { messages, type Problem } from "../messages.ts";
import { indicatorSchema, MAX_SERIES, tableSchema, type Indicator, type Table } from "./data-schema.ts";

const RANGES: Record<Indicator["unit"], { min: number; max: number; text: string }> = {
  "pct.": { min: 0, max: 100, text: "0 til 100" },
  procentpoint: { min: -100, max: 100, text: "\u2212100 til 100" },
  antal: { min: 0, max: Number.POSITIVE_INFINITY, text: "0 eller derover" },
  "ændring i antal": { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY, text: "alle tal" },
  uger: { min: 0, max: Number.POSITIVE_INFINITY, text: "0 eller derover" },
  placering: { min: 1, max: Number.POSITIVE_INFINITY, text: "1 eller derover" },
};

/** The unit for a change of a level, which may be negative: what a negative share or count most likely is. */
const CHANGE_UNITS: Partial<Record<Indicator["unit"], Indicator["unit"]>> = { "pct.": "procentpoint", antal: "ændring i antal" };

/** The problem with a value outside its unit's range, if it is: a negative share or count suggests the unit for changes. */
function rangeProblem(value: number, unit: Indicator["unit"]): { message: string; hint?: string } | undefined {
  const range = RANGES[unit];
  if (value >= range.min && value <= range.max) return undefined;
  const change = CHANGE_UNITS[unit];
  return value < 0 && change ? messages.negativeValue(value, unit, change) : messages.outOfRange(value, unit, range.text);
}

export function validateIndicator(
  input: unknown,
  file: string,
  goals: readonly number[],
): { indicator?: Indicator; problems: Problem[] } {
  // Counted before anything else looks at the figures (scripts/limits.ts).
  const series = (input as { series?: unknown } | null)?.series;
  const observations = (s: unknown) => (s as { observations?: unknown } | null)?.observations;
  const count = Array.isArray(series) ? (series as unknown[]).reduce<number>((n, s) => { const o = observations(s); return n + (Array.isArray(o) ? o.length : 0); }, 0) : 0;
  if (count > LIMITS.observations) return { problems: [{ file, path: "series", ...messages.tooManyObservations(count, LIMITS.observations) }] };
  const parsed = indicatorSchema.safeParse(input);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => ({ file, ...describeIssue(issue, input) })) };
  }
  const indicator = parsed.data;
  const problems: Problem[] = [];
  const add = (path: string, text: { message: string; hint?: string }) => problems.push({ file, path, ...text });

  if (goals.length > 0 && !goals.includes(indicator.goal)) add("goal", messages.unknownGoal(indicator.goal, goals));

  if (indicator.series.length > MAX_SERIES) add("series", messages.tooManySeries(indicator.series.length, MAX_SERIES));
  const names = new Set<string>();
  indicator.series.forEach((series, s) => {
    if (names.has(series.name)) add(`series[${s}].name`, messages.duplicateSeries(series.name));
    names.add(series.name);
    const kinds = new Set<string>();
    const periods = new Set<string>();
    series.observations.forEach((observation, o) => {
      const path = `series[${s}].observations[${o}]`;
      const outside = rangeProblem(observation.value, indicator.unit);
      if (outside) add(`${path}.value`, outside);
      if (periods.has(observation.period)) add(`${path}.period`, messages.duplicatePeriod(series.name, observation.period));
      periods.add(observation.period);
      const kind = parsePeriod(observation.period)?.kind;
      if (kind) kinds.add(kind);
    });
    (series.suppressed ?? []).forEach((period, p) => {
      if (periods.has(period)) add(`series[${s}].suppressed[${p}]`, messages.suppressedWithValue(series.name, period));
      const kind = parsePeriod(period)?.kind;
      if (kind) kinds.add(kind);
    });
    if (kinds.size > 1) add(`series[${s}].observations`, messages.mixedPeriods(series.name));
  });

  const target = indicator.target;
  // The status report measures each key figure against its target: without one it would say
  // "Mål: –, kan ikke vurderes" to the committee, with nobody told why.
  if (indicator.kind === "nøgletal" && !target) add("target", messages.keyFigureWithoutTarget());
  const targetOutside = target?.kind === "value" ? rangeProblem(target.value, indicator.unit) : undefined;
  if (targetOutside) add("target.value", targetOutside);
  if (target?.kind === "series" && !names.has(target.series)) {
    add("target.series", messages.missingTargetSeries(target.series));
  }
  indicator.provenance?.forEach((p, i) => {
    if (!names.has(p.series)) add(`provenance[${i}].series`, messages.fetchProvenanceSeries(p.series));
  });
  if (indicator.chart?.spec && JSON.stringify(indicator.chart.spec).includes('"url"')) {
    add("chart.spec", messages.customSpecData());
  }
  for (const found of indicator.chart?.spec ? specProblems(indicator.chart.spec) : []) {
    add(`chart.spec.${found.path}`, messages.specNotAllowed(found.what));
  }
  return problems.length > 0 ? { problems } : { indicator, problems };
}

export function validateTable(input: unknown, file: string): { table?: Table; problems: Problem[] } {
  const parsed = tableSchema.safeParse(input);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => ({ file, ...describeIssue(issue, input) })) };
  }
  const table = parsed.data;
  const problems: Problem[] = [];
  table.rows.forEach((row, r) => {
    if (row.values.length !== table.columns.length) {
      problems.push({
        file,
        path: `rows[${r}].values`,
        ...messages.invalidField(`rows[${r}].values`, `der er ${row.values.length} værdier, men ${table.columns.length} kolonner`),
      });
    }
  });
  return problems.length > 0 ? { problems } : { table, problems };
}
