// What changed in the indicators between two revisions: indicators added or dropped, and for the
// ones in both a moved target, a new title, goal or unit, new figures or corrected figures.
// Pure: two indicator sets in, a list of changes out, with values already written in Danish.
import { indicatorDecimals } from "../indicators/wording.ts";
import { latest, primarySeries } from "../indicators/figures.ts";
import type { Indicator } from "../content/data-schema.ts";
import { formatPeriod, formatValue } from "../lib/danish.ts";

export const INDICATOR_FIELDS = ["title", "goal", "kind", "unit", "question", "target", "series", "latest", "revised", "source"] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export interface FieldChange {
  field: IndicatorField;
  /** The old and the new value as a reader sees them ("" when there was none). */
  old: string;
  new: string;
}

export interface IndicatorChange {
  id: string;
  /** The newest title (the old one for a dropped indicator). */
  title: string;
  goal: number;
  kind: "added" | "removed" | "changed";
  fields: FieldChange[];
}

/** "100 pct. (højere er bedre) senest august 2022", "niveauet for Hele landet (lavere er bedre)". */
export function describeTarget(indicator: Indicator): string {
  const target = indicator.target;
  if (!target) return "intet mål";
  const better = `(${target.direction === "higher" ? "højere" : "lavere"} er bedre)`;
  if (target.kind === "value") {
    const by = target.by ? ` senest ${formatPeriod(target.by)}` : "";
    return `${formatValue(target.value, indicator.unit, indicatorDecimals(indicator))} ${better}${by}`;
  }
  if (target.kind === "series") return `niveauet for ${target.series} ${better}`;
  return target.direction === "higher" ? "en stigende tendens" : "en faldende tendens";
}

function latestFigure(indicator: Indicator): string {
  const series = primarySeries(indicator);
  const last = series && latest(series);
  return last ? `${formatValue(last.value, indicator.unit, indicatorDecimals(indicator))} i ${formatPeriod(last.period)}` : "ingen tal";
}

/** Observations of the same series and period whose value differs. */
function revisedFigures(before: Indicator, after: Indicator): number {
  let revised = 0;
  for (const series of after.series) {
    const old = before.series.find((s) => s.name === series.name);
    if (!old) continue;
    for (const observation of series.observations) {
      const previous = old.observations.find((o) => o.period === observation.period);
      if (previous && previous.value !== observation.value) revised++;
    }
  }
  return revised;
}

function fieldChanges(before: Indicator, after: Indicator): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: IndicatorField, old: string, now: string) => {
    if (old !== now) changes.push({ field, old, new: now });
  };
  compare("title", before.title, after.title);
  compare("goal", `Mål ${before.goal}`, `Mål ${after.goal}`);
  compare("kind", before.kind, after.kind);
  compare("unit", before.unit, after.unit);
  compare("question", before.question ?? "", after.question ?? "");
  compare("target", describeTarget(before), describeTarget(after));
  compare("series", before.series.map((s) => s.name).join(", "), after.series.map((s) => s.name).join(", "));
  compare("latest", latestFigure(before), latestFigure(after));
  const revised = revisedFigures(before, after);
  if (revised > 0) changes.push({ field: "revised", old: "", new: revised === 1 ? "1 tal" : `${revised} tal` });
  compare("source", before.source, after.source);
  return changes;
}

/** The changes from one indicator set to another, ordered by goal and then as in the new set. */
export function compareIndicators(oldSet: readonly Indicator[], newSet: readonly Indicator[]): IndicatorChange[] {
  const before = new Map(oldSet.map((i) => [i.id, i]));
  const after = new Map(newSet.map((i) => [i.id, i]));
  const changes: IndicatorChange[] = [];
  for (const indicator of newSet) {
    const old = before.get(indicator.id);
    if (!old) {
      changes.push({ id: indicator.id, title: indicator.title, goal: indicator.goal, kind: "added", fields: [] });
      continue;
    }
    const fields = fieldChanges(old, indicator);
    if (fields.length > 0) changes.push({ id: indicator.id, title: indicator.title, goal: indicator.goal, kind: "changed", fields });
  }
  for (const indicator of oldSet) {
    if (!after.has(indicator.id)) changes.push({ id: indicator.id, title: indicator.title, goal: indicator.goal, kind: "removed", fields: [] });
  }
  const order = new Map([...newSet, ...oldSet].map((i, n) => [i.id, n] as const).reverse());
  return changes.sort((a, b) => a.goal - b.goal || order.get(a.id)! - order.get(b.id)!);
}
