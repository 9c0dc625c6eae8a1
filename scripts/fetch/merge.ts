// Merges fetched series into an indicator file: the figures through the import's merge (new
// periods added, changed values updated, everything else untouched, numbers as typed), then the
// provenance of each fetched series replaced. A period the source does not show ("..") is never
// written as a figure: it goes into the series' `suppressed` list (shown as ".." to readers), and a
// figure already in the file for that period stays.
// Pure: JSON text in, JSON text out.
import { mergeObservations, parseJsonDocument, sortPeriods, stringifyJsonDocument, type MergeResult } from "../import/merge.ts";
import type { Provenance } from "../indicators/schema.ts";
import type { FetchedEntry } from "./sources.ts";
import type { FetchedSeries } from "./statbank.ts";

/** Who publishes each source's figures, and their licence where it is known. */
export const PUBLISHERS: Record<FetchedEntry["source"], { name: string; licence?: string }> = {
  statistikbanken: { name: "Danmarks Statistik", licence: "CC BY 4.0" },
  jobindsats: { name: "Jobindsats (STAR)" },
};

interface RawSeries {
  name: string;
  observations: { period: string }[];
  suppressed?: string[];
}

export interface SeriesResult {
  entry: FetchedEntry;
  fetched: FetchedSeries;
}

/**
 * The indicator's JSON text with the fetched figures and their provenance (fetched at `at`, for
 * the series that changed or had none). The text must be a valid indicator; the caller validates
 * the result before it is written.
 */
export function mergeFetched(text: string, results: readonly SeriesResult[], at: Date): MergeResult {
  const merged = mergeObservations(
    text,
    results.flatMap(({ entry, fetched }) => fetched.observations.map((o) => ({ series: entry.series, ...o }))),
  );
  const document = parseJsonDocument(merged.text);
  const indicator = document.value as { series: RawSeries[]; provenance?: Provenance[] };
  // Withheld periods: the fetched range decides; withheld periods outside it, and figures, stay.
  const withheldChanged = new Set<string>();
  for (const { entry, fetched } of results) {
    let series = indicator.series.find((s) => s.name === entry.series);
    if (!series && fetched.suppressed.length === 0) continue;
    if (!series) {
      series = { name: entry.series, observations: [] };
      indicator.series.push(series);
      merged.newSeries.push(entry.series);
    }
    const shown = new Set(series.observations.map((o) => o.period));
    const covered = new Set([...fetched.observations.map((o) => o.period), ...fetched.suppressed]);
    const before = series.suppressed ?? [];
    const after = sortPeriods([...before.filter((p) => !covered.has(p)), ...fetched.suppressed.filter((p) => !shown.has(p))]);
    if (JSON.stringify(after) === JSON.stringify(before)) continue;
    withheldChanged.add(entry.series);
    if (after.length > 0) series.suppressed = after;
    else delete series.suppressed;
  }
  const fresh = results.map(({ entry, fetched }): Provenance => {
    const publisher = PUBLISHERS[entry.source];
    return {
      series: entry.series,
      source: publisher.name,
      table: entry.table,
      query: fetched.query,
      fetched: at.toISOString(),
      ...(publisher.licence ? { licence: publisher.licence } : {}),
    };
  });
  // A series whose figures did not change keeps its provenance, so a run that finds nothing new
  // leaves the file as it was (a scheduled job then proposes no change).
  const old = indicator.provenance ?? [];
  const touched = new Set([...merged.added, ...merged.changed].map((c) => c.series));
  const replace = fresh.filter((p) => {
    const before = old.find((o) => o.series === p.series);
    return !before || touched.has(p.series) || withheldChanged.has(p.series) || before.query !== p.query;
  });
  if (replace.length === 0 && withheldChanged.size === 0) return merged;
  const names = new Set(replace.map((p) => p.series));
  indicator.provenance = [...old.filter((p) => !names.has(p.series)), ...replace];
  return { ...merged, text: stringifyJsonDocument(document) };
}
