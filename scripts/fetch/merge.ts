// Merges fetched series into an indicator file: the figures through the import's merge (new
// periods added, changed values updated, everything else untouched, numbers as typed), then the
// provenance of each fetched series replaced. A period the source does not show ("..") is never
// written as a figure: it is listed in the provenance, and a figure already in the file stays.
// Pure: JSON text in, JSON text out.
import { mergeObservations, parseJsonDocument, stringifyJsonDocument, type MergeResult } from "../import/merge.ts";
import type { Provenance } from "../indicators/schema.ts";
import type { FetchedEntry } from "./sources.ts";
import type { FetchedSeries } from "./statbank.ts";

/** Who publishes each source's figures, and their licence where it is known. */
export const PUBLISHERS: Record<FetchedEntry["source"], { name: string; licence?: string }> = {
  statistikbanken: { name: "Danmarks Statistik", licence: "CC BY 4.0" },
  jobindsats: { name: "Jobindsats (STAR)" },
};

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
  const indicator = document.value as { provenance?: Provenance[] };
  const fresh = results.map(({ entry, fetched }): Provenance => {
    const publisher = PUBLISHERS[entry.source];
    return {
      series: entry.series,
      source: publisher.name,
      table: entry.table,
      query: fetched.query,
      fetched: at.toISOString(),
      ...(publisher.licence ? { licence: publisher.licence } : {}),
      ...(fetched.suppressed.length > 0 ? { suppressed: fetched.suppressed } : {}),
    };
  });
  // A series whose figures did not change keeps its provenance, so a run that finds nothing new
  // leaves the file as it was (a scheduled job then proposes no change).
  const old = indicator.provenance ?? [];
  const touched = new Set([...merged.added, ...merged.changed].map((c) => c.series));
  const replace = fresh.filter((p) => {
    const before = old.find((o) => o.series === p.series);
    return !before || touched.has(p.series) || before.query !== p.query || JSON.stringify(before.suppressed ?? []) !== JSON.stringify(p.suppressed ?? []);
  });
  if (replace.length === 0) return merged;
  const names = new Set(replace.map((p) => p.series));
  indicator.provenance = [...old.filter((p) => !names.has(p.series)), ...replace];
  return { ...merged, text: stringifyJsonDocument(document) };
}
