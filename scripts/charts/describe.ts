// Words and tables beside each chart: a Danish summary computed from the figures (what a screen
// reader announces), the data as a real table, and the source line.
import { formatDate, formatPeriod, formatPoints, formatValue, nameInSentence, periodOrdinal, requirePeriod } from "../lib/danish.ts";
import { escapeHtml } from "../lib/html.ts";
import { comparisonSeries, gapTo, latest, primarySeries, trend, TREND_PERIODS } from "../indicators/figures.ts";
import type { Indicator, Series } from "../content/data-schema.ts";
import { indicatorDecimals, targetText } from "../indicators/wording.ts";
import { periodRange } from "./spec.ts";
import type { ChartDrawings } from "./stage.ts";
import { REFLOW_COLUMNS, tableRegion } from "../site/tables.ts";

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
  const withheld = (primary.suppressed ?? []).filter((p) => periodOrdinal(requirePeriod(p)) > periodOrdinal(requirePeriod(last.period)));
  if (withheld.length > 0) text += ` Tallet for ${withheld.map(formatPeriod).join(" og ")} er udeladt af diskretionshensyn.`;
  text += trendSentence(primary);
  // The strategy's own wording of the target, where the data file gives it.
  const label = indicator.target?.label;
  const goal = targetText(indicator);
  if (label) text += ` ${sentence(`Mål: ${label}`)}`;
  else if (goal) text += ` ${sentence(`Målet er ${goal}`)}`;
  return text;
}

/**
 * The trend and the rule it follows: a straight line through the latest TREND_PERIODS periods, read
 * (and drawn) only when none of them lacks a figure.
 */
function trendSentence(series: Series): string {
  const count = Math.min(TREND_PERIODS, series.observations.length);
  if (count < 2) return "";
  const rule = `Tendensen er den rette linje gennem de seneste ${count} perioder og vises kun, når de alle har tal.`;
  const direction = trend(series);
  if (!direction) return ` Der er ingen tendens, fordi der mangler tal i de seneste ${count} perioder. ${rule}`;
  return ` Tendensen over de seneste ${count} perioder er ${direction}. ${rule}`;
}

/** Ends a sentence with one full stop, also after "pct.". */
function sentence(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}

const MISSING = "–";
const WITHHELD = "..";

/** What "–" and ".." in the data table (and ".." in the chart) mean, when they occur. */
export function tableNotes(indicator: Indicator): string[] {
  const periods = periodRange(indicator);
  const cells = indicator.series.flatMap((s) => periods.map((p) => cellOf(s, p)));
  return [
    ...(cells.includes(WITHHELD) ? [`${WITHHELD} betyder, at tallet er udeladt af diskretionshensyn.`] : []),
    ...(cells.includes(MISSING) ? [`${MISSING} betyder, at der ikke er tal for perioden.`] : []),
  ];
}

function cellOf(series: Series, period: string, decimals = 0, unit: Indicator["unit"] = "antal"): string {
  if (series.suppressed?.includes(period)) return WITHHELD;
  const o = series.observations.find((x) => x.period === period);
  return o ? formatValue(o.value, unit, decimals) : MISSING;
}

/** The chart's data as a table: one row per period of the whole span (missing ones as "–"), one column per series. */
export function dataTable(indicator: Indicator, captionId: string): string {
  const decimals = indicatorDecimals(indicator);
  const periods = periodRange(indicator);
  const head = indicator.series.map((s) => `<th scope="col" class="num">${escapeHtml(s.name)}</th>`).join("");
  const body = periods
    .map((period) => {
      const cells = indicator.series
        .map((s) => `<td class="num" data-label="${escapeHtml(s.name)}">${escapeHtml(cellOf(s, period, decimals, indicator.unit))}</td>`)
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
 * "Kilde: Danmarks Statistik, AUS08, hentet 15. januar 2027 (CC BY 4.0)." Withheld figures (..)
 * are shown in the data table and the summary, not here.
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
  return parts.join(" ");
}

/** An SVG drawing labelled by the figure's title and summary (one role="img" per drawing). */
function drawing(svg: string, className: string, labelledBy: string): string {
  const labelled = svg.replace(/^<svg\b/, `<svg role="img" aria-labelledby="${labelledBy}" focusable="false"`);
  return `<div class="chart-drawing ${className}">${labelled}</div>`;
}

/**
 * The whole figure: caption, the chart drawn for wide and for narrow columns (site.css and
 * print.css show exactly one, so assistive technology meets one image), summary, data table, notes
 * and source.
 */
export function chartFigure(indicator: Indicator, drawings: ChartDrawings | undefined, options: { open?: boolean; print?: boolean } = {}): string {
  const id = `figur-${indicator.id}`;
  const titleId = `${id}-titel`;
  const summaryId = `${id}-resume`;
  const caption = `<figcaption><span class="chart-title" id="${titleId}">${escapeHtml(indicator.title)}</span>${
    indicator.question ? ` <span class="chart-question">${escapeHtml(indicator.question)}</span>` : ""
  }</figcaption>`;
  if (!drawings || indicator.series.every((s) => s.observations.length === 0)) {
    return `<figure class="chart chart-empty" id="${id}">${caption}<p class="chart-summary">Der er endnu ingen tal for denne indikator.${
      indicator.notes ? ` ${escapeHtml(indicator.notes)}` : ""
    }</p></figure>`;
  }
  const labels = `${titleId} ${summaryId}`;
  const svgs = `${drawing(drawings.wide, "chart-wide", labels)}${drawing(drawings.narrow, "chart-narrow", labels)}`;
  const notes = [...tableNotes(indicator), ...(indicator.notes ? [indicator.notes] : [])];
  // On screen the figures scroll in their own region when they are wider than the page; paper does not scroll.
  const table = options.print ? dataTable(indicator, titleId) : tableRegion(dataTable(indicator, titleId), { labelledBy: titleId });
  const notesHtml = notes.length > 0 ? `<p class="chart-notes">${notes.map(escapeHtml).join(" ")}</p>` : "";
  return `<figure class="chart" id="${id}">${caption}<div class="chart-svg">${svgs}</div><p class="chart-summary" id="${summaryId}">${escapeHtml(
    summary(indicator),
  )}</p><details class="chart-data"${options.open ? " open" : ""}><summary>Tallene bag figuren</summary>${table}</details>${notesHtml}<p class="chart-source">${escapeHtml(sourceText(indicator))}</p></figure>`;
}
