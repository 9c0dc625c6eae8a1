// Words and tables beside each chart: a Danish summary computed from the figures (what a screen
// reader announces), the data as a real table, and the source line.
import { decimalsOf, formatDate, formatPeriod, formatPoints, formatValue, nameInSentence, periodOrdinal, requirePeriod } from "../lib/danish.ts";
import { escapeHtml } from "../lib/html.ts";
import { comparisonSeries, gapTo, latest, primarySeries, sortedObservations, status, trend } from "../indicators/figures.ts";
import type { Indicator } from "../indicators/schema.ts";
import { indicatorDecimals } from "./spec.ts";
import { REFLOW_COLUMNS, tableRegion } from "../site/tables.ts";

export function targetText(indicator: Indicator): string | undefined {
  const target = indicator.target;
  if (!target) return undefined;
  const better = target.direction === "higher" ? "højere" : "lavere";
  if (target.kind === "value") {
    const by = target.by ? ` senest ${formatPeriod(target.by)}` : "";
    return `${formatValue(target.value, indicator.unit, decimalsOf([target.value]))}${by}`;
  }
  if (target.kind === "series") return `niveauet for ${nameInSentence(target.series)} (${better} er bedre)`;
  return target.direction === "higher" ? "en stigende tendens" : "en faldende tendens";
}

/** "79,5 pct. i august 2020. Målet er 100 pct." */
export function summary(indicator: Indicator): string {
  const primary = primarySeries(indicator);
  const last = primary && latest(primary);
  if (!primary || !last) return "Der er endnu ingen tal for denne indikator.";
  const decimals = indicatorDecimals(indicator);
  const parts: string[] = [];
  const others = indicator.series.slice(1).map((s) => ({ s, o: s.observations.find((o) => o.period === last.period) }));
  const named = indicator.series.length > 1 ? `${primary.name}: ` : "";
  parts.push(`${named}${formatValue(last.value, indicator.unit, decimals)} i ${formatPeriod(last.period)}`);
  // After a semicolon the sentence goes on, so common-noun names start lower case.
  for (const { s, o } of others) if (o) parts.push(`${nameInSentence(s.name)}: ${formatValue(o.value, indicator.unit, decimals)}`);
  let text = sentence(parts.join("; "));
  const comparison = comparisonSeries(indicator);
  const gap = comparison && indicator.unit === "pct." ? gapTo(primary, comparison) : undefined;
  // One precision per indicator: the gap has the decimals of the values it is computed from.
  if (gap !== undefined && comparison) text += ` ${sentence(`Forskellen til ${nameInSentence(comparison.name)} er ${formatPoints(gap, decimals)}`)}`;
  const direction = trend(primary);
  if (direction) text += ` Tendensen over de seneste ${Math.min(4, primary.observations.length)} perioder er ${direction}.`;
  // The strategy's own wording of the target, where the data file gives it.
  const label = indicator.target?.label;
  const goal = targetText(indicator);
  if (label) text += ` ${sentence(`Mål: ${label}`)}`;
  else if (goal) text += ` ${sentence(`Målet er ${goal}`)}`;
  return text;
}

/** Ends a sentence with one full stop, also after "pct.". */
function sentence(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}

export function statusText(indicator: Indicator): string {
  return { nået: "Nået", "på vej": "På vej", "ikke nået": "Ikke nået", ukendt: "Kan ikke vurderes" }[status(indicator)];
}

/** The chart's data as a table: one row per period, one column per series. */
export function dataTable(indicator: Indicator, captionId: string): string {
  const decimals = indicatorDecimals(indicator);
  const periods = [...new Set(indicator.series.flatMap((s) => sortedObservations(s).map((o) => o.period)))].sort(
    (a, b) => periodOrdinal(requirePeriod(a)) - periodOrdinal(requirePeriod(b)),
  );
  const head = indicator.series.map((s) => `<th scope="col" class="num">${escapeHtml(s.name)}</th>`).join("");
  const body = periods
    .map((period) => {
      const cells = indicator.series
        .map((s) => {
          const o = s.observations.find((x) => x.period === period);
          return `<td class="num" data-label="${escapeHtml(s.name)}">${o ? escapeHtml(formatValue(o.value, indicator.unit, decimals)) : "–"}</td>`;
        })
        .join("");
      return `<tr><th scope="row">${escapeHtml(formatPeriod(period))}</th>${cells}</tr>`;
    })
    .join("");
  const reflow = indicator.series.length + 1 >= REFLOW_COLUMNS ? " reflow" : "";
  return `<table class="data-table${reflow}" aria-labelledby="${captionId}"><thead><tr><th scope="col">Periode</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The date of an ISO time in Denmark, as "2027-01-15". */
const danishDate = (iso: string) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date(iso));

/**
 * The source line: the indicator's own source for figures typed in, and for fetched series their
 * publisher, table and day of fetch (with the series named when not all are fetched), e.g.
 * "Kilde: Danmarks Statistik, AUS08, hentet 15. januar 2027 (CC BY 4.0)."; then the figures
 * the source does not show (..), which are missing, never zero.
 */
export function sourceText(indicator: Indicator): string {
  const provenance = indicator.provenance ?? [];
  const fetched = new Set(provenance.map((p) => p.series));
  const parts: string[] = [];
  if (provenance.length === 0 || indicator.series.some((s) => !fetched.has(s.name) && s.observations.length > 0)) {
    const extracted = indicator.extracted ? ` Udtrukket ${formatDate(indicator.extracted)}.` : "";
    parts.push(`Kilde: ${indicator.source}.${extracted}`);
  }
  const groups = new Map<string, { text: string; series: string[] }>();
  for (const p of provenance) {
    const text = `${p.source}, ${p.table}, hentet ${formatDate(danishDate(p.fetched))}${p.licence ? ` (${p.licence})` : ""}`;
    const group = groups.get(text) ?? { text, series: [] };
    group.series.push(p.series);
    groups.set(text, group);
  }
  const all = indicator.series.length;
  for (const { text, series } of groups.values()) {
    parts.push(`${series.length === all && groups.size === 1 ? "Kilde" : `Kilde for ${series.join(", ")}`}: ${text}.`);
  }
  const missing = provenance.flatMap((p) => (p.suppressed ?? []).map((period) => `${p.series}, ${formatPeriod(period)}`));
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join("; ")} og ${missing.at(-1)}`;
    parts.push(`Kilden viser ikke ${missing.length === 1 ? "tallet" : "tallene"} for ${list} (..).`);
  }
  return parts.join(" ");
}

/** The whole figure: caption, SVG, summary, data table and source. */
export function chartFigure(indicator: Indicator, svg: string | undefined, options: { open?: boolean; print?: boolean } = {}): string {
  const id = `figur-${indicator.id}`;
  const titleId = `${id}-titel`;
  const summaryId = `${id}-resume`;
  const caption = `<figcaption><span class="chart-title" id="${titleId}">${escapeHtml(indicator.title)}</span>${
    indicator.question ? ` <span class="chart-question">${escapeHtml(indicator.question)}</span>` : ""
  }</figcaption>`;
  if (!svg || indicator.series.every((s) => s.observations.length === 0)) {
    return `<figure class="chart chart-empty" id="${id}">${caption}<p class="chart-summary">Der er endnu ingen tal for denne indikator.${
      indicator.notes ? ` ${escapeHtml(indicator.notes)}` : ""
    }</p></figure>`;
  }
  const labelled = svg.replace(/^<svg\b/, `<svg role="img" aria-labelledby="${titleId} ${summaryId}" focusable="false"`);
  // On screen the figures scroll in their own region when they are wider than the page; paper does not scroll.
  const table = options.print ? dataTable(indicator, titleId) : tableRegion(dataTable(indicator, titleId), { labelledBy: titleId });
  const notes = indicator.notes ? `<p class="chart-notes">${escapeHtml(indicator.notes)}</p>` : "";
  return `<figure class="chart" id="${id}">${caption}<div class="chart-svg">${labelled}</div><p class="chart-summary" id="${summaryId}">${escapeHtml(
    summary(indicator),
  )}</p><details class="chart-data"${options.open ? " open" : ""}><summary>Tallene bag figuren</summary>${table}</details>${notes}<p class="chart-source">${escapeHtml(sourceText(indicator))}</p></figure>`;
}
