// The Danish wording of an indicator that every page, chart, table and comparison shares: its
// precision, its target and its status in words.
import { decimalsOf, formatPeriod, formatValue, nameInSentence } from "../lib/danish.ts";
import type { Indicator } from "../content/data-schema.ts";
import { status } from "./figures.ts";

/** Decimals for every figure of an indicator: the data file's `decimals`, else as many as its values have (at most 1). */
export function indicatorDecimals(indicator: Indicator): number {
  return (
    indicator.decimals ??
    decimalsOf(
      indicator.series.flatMap((s) => s.observations.map((o) => o.value)),
      1,
    )
  );
}

/** The target in words: "100 pct. senest december 2021", "niveauet for hele landet (højere er bedre)". */
export function targetText(indicator: Indicator): string | undefined {
  const target = indicator.target;
  if (!target) return undefined;
  const better = target.direction === "higher" ? "højere" : "lavere";
  if (target.kind === "value") {
    const by = target.by ? ` senest ${formatPeriod(target.by)}` : "";
    return `${formatValue(target.value, indicator.unit, indicatorDecimals(indicator))}${by}`;
  }
  if (target.kind === "series") return `niveauet for ${nameInSentence(target.series)} (${better} er bedre)`;
  return target.direction === "higher" ? "en stigende tendens" : "en faldende tendens";
}

export function statusText(indicator: Indicator): string {
  return { nået: "Nået", "på vej": "På vej", "ikke nået": "Ikke nået", ukendt: "Kan ikke vurderes" }[status(indicator)];
}
