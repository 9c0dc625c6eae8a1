// Merges imported observations into an indicator file's JSON without touching anything else: the
// same objects are updated in place, so key order and every other field survive, and numbers are
// written back exactly as they were typed (55.0 stays 55.0). Pure: JSON text in, JSON text out.
import { formatNumber, formatPeriod, parsePeriod, periodOrdinal, decimalsOf } from "../lib/danish.ts";
import type { ImportedObservation } from "./extract.ts";

// JSON.parse's source text access and JSON.rawJSON (Node 21+) are not in TypeScript's lib yet.
type Reviver = (this: unknown, key: string, value: unknown, context: { source?: string }) => unknown;
const json = JSON as unknown as {
  parse(text: string, reviver: Reviver): unknown;
  rawJSON(text: string): unknown;
};

/** Parsed JSON plus the source text of every number that JSON.stringify would write differently. */
export interface JsonDocument {
  value: unknown;
  numbers: WeakMap<object, Map<string, string>>;
}

export function parseJsonDocument(text: string): JsonDocument {
  const numbers = new WeakMap<object, Map<string, string>>();
  const value = json.parse(text.replace(/^\uFEFF/, ""), function (this: unknown, key, item, context) {
    if (typeof item === "number" && context.source !== undefined && context.source !== JSON.stringify(item)) {
      const holder = this as object;
      if (!numbers.has(holder)) numbers.set(holder, new Map());
      numbers.get(holder)!.set(key, context.source);
    }
    return item;
  });
  return { value, numbers };
}

/** Writes the JSON back with 2-space indentation and a final newline, numbers as they were typed. */
export function stringifyJsonDocument(document: JsonDocument): string {
  const text = JSON.stringify(
    document.value,
    function (this: unknown, key: string, item: unknown) {
      const source = typeof item === "number" ? document.numbers.get(this as object)?.get(key) : undefined;
      return source !== undefined && Number(source) === item ? json.rawJSON(source) : item;
    },
    2,
  );
  return `${text}\n`;
}

export interface Change {
  series: string;
  period: string;
  old?: number;
  value: number;
}

export interface MergeResult {
  text: string;
  added: Change[];
  changed: Change[];
  unchanged: number;
  newSeries: string[];
}

interface RawSeries {
  name: string;
  observations: { period: string; value: number }[];
}

const ordinal = (period: string) => {
  const parsed = parsePeriod(period);
  return parsed ? periodOrdinal(parsed) : Number.POSITIVE_INFINITY;
};

/**
 * Adds new periods, updates changed values and leaves everything else as it was. New observations
 * go in period order; a series the indicator does not have yet is added after the others.
 * The input must have the indicator's shape (validate it first).
 */
export function mergeObservations(text: string, observations: readonly Pick<ImportedObservation, "series" | "period" | "value" | "text">[]): MergeResult {
  const document = parseJsonDocument(text);
  const indicator = document.value as { series: RawSeries[] };
  const result: Omit<MergeResult, "text"> = { added: [], changed: [], unchanged: 0, newSeries: [] };
  // New and changed figures are written with the decimals the export gave them ("46.0").
  const keepText = (holder: object, observation: Pick<ImportedObservation, "value" | "text">) => {
    const sources = document.numbers.get(holder) ?? new Map<string, string>();
    if (observation.text !== undefined && observation.text !== JSON.stringify(observation.value)) sources.set("value", observation.text);
    else sources.delete("value");
    document.numbers.set(holder, sources);
  };
  for (const observation of observations) {
    let series = indicator.series.find((s) => s.name === observation.series);
    if (!series) {
      series = { name: observation.series, observations: [] };
      indicator.series.push(series);
      result.newSeries.push(observation.series);
    }
    const existing = series.observations.find((o) => o.period === observation.period);
    if (existing) {
      if (existing.value === observation.value) result.unchanged++;
      else {
        result.changed.push({ series: series.name, period: observation.period, old: existing.value, value: observation.value });
        existing.value = observation.value;
        keepText(existing, observation);
      }
      continue;
    }
    const at = series.observations.findIndex((o) => ordinal(o.period) > ordinal(observation.period));
    const added = { period: observation.period, value: observation.value };
    keepText(added, observation);
    if (at < 0) series.observations.push(added);
    else series.observations.splice(at, 0, added);
    result.added.push({ series: series.name, period: observation.period, value: observation.value });
  }
  return { text: stringifyJsonDocument(document), ...result };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Distinct periods in period order. */
export function sortPeriods(periods: readonly string[]): string[] {
  return [...new Set(periods)].sort((a, b) => ordinal(a) - ordinal(b));
}

/** The new periods, in period order. */
export function newPeriods(result: Pick<MergeResult, "added">): string[] {
  return sortPeriods(result.added.map((c) => c.period));
}

/** "3 nye perioder, 1 ændret værdi i m2-dagpenge-efter-13-uger.json". */
export function summary(result: Omit<MergeResult, "text">, fileName: string): string {
  const parts: string[] = [];
  if (result.newSeries.length > 0) parts.push(plural(result.newSeries.length, "ny serie", "nye serier"));
  parts.push(plural(newPeriods(result).length, "ny periode", "nye perioder"));
  parts.push(plural(result.changed.length, "ændret værdi", "ændrede værdier"));
  return `${parts.join(", ")} i ${fileName}`;
}

/** One line per new series, new value and changed value, in Danish: "Ballerup, 2. kvartal 2020: 60,6 → 61,2". */
export function changeLines(result: Omit<MergeResult, "text">): string[] {
  const all = [...result.added, ...result.changed];
  const decimals = decimalsOf(all.flatMap((c) => (c.old === undefined ? [c.value] : [c.value, c.old])));
  const number = (value: number) => formatNumber(value, decimals);
  const label = (c: Change) => `${c.series}, ${formatPeriod(c.period)}`;
  return [
    ...result.newSeries.map((name) => `  ny serie: ${name}`),
    ...result.added.map((c) => `  + ${label(c)}: ${number(c.value)}`),
    ...result.changed.map((c) => `  ~ ${label(c)}: ${number(c.old!)} → ${number(c.value)}`),
  ];
}
