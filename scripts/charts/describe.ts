// Words and tables beside each chart: a Danish summary computed from the figures (what a screen
// reader announces), the data as a real table, and the source line. The figure's view is plain
// data; its markup is templates/partials/chart-figure.njk.
import { formatDate, formatPeriod, formatPoints, formatValue, nameInSentence, periodOrdinal, requirePeriod } from "../lib/danish.ts";
import { comparisonSeries, gapTo, latest, primarySeries, trend, TREND_PERIODS } from "../indicators/figures.ts";
import type { Indicator, Series } from "../content/data-schema.ts";
import { indicatorDecimals, targetText } from "../indicators/wording.ts";
import { periodRange } from "./spec.ts";
import type { ChartDrawings } from "./stage.ts";
import { REFLOW_COLUMNS } from "../lib/table-layout.ts";

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
  if (!direction) return ` Der er ingen tendens, fordi ikke alle de seneste ${count} perioder har tal. ${rule}`;
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

/** The chart's data as a table (templates/partials/chart-figure.njk): one row per period, one column per series. */
export interface DataTableView {
  /** Id of the element that names the table (aria-labelledby). */
  labelledBy: string;
  /** Whether a narrow screen shows each row as a stack of "label: value". */
  reflow: boolean;
  /** The column headers after "Periode": the series' names. */
  series: string[];
  /** "1. kvartal 2029" and its cells, each with its column's name (data-label) and Danish figure, "–" or "..". */
  rows: { period: string; cells: { label: string; value: string }[] }[];
}

/** The chart's data as a table: one row per period of the whole span (missing ones as "–"), one column per series. */
export function dataTableView(indicator: Indicator, labelledBy: string): DataTableView {
  const decimals = indicatorDecimals(indicator);
  return {
    labelledBy,
    reflow: indicator.series.length + 1 >= REFLOW_COLUMNS,
    series: indicator.series.map((s) => s.name),
    rows: periodRange(indicator).map((period) => ({
      period: formatPeriod(period),
      cells: indicator.series.map((s) => ({ label: s.name, value: cellOf(s, period, decimals, indicator.unit) })),
    })),
  };
}

/** The date of an ISO time in Denmark, as "2027-01-15". */
const danishDate = (iso: string) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date(iso));

/** One fetched series' provenance as readers see it: "Danmarks Statistik, AUS08, hentet 15. januar 2027 (CC BY 4.0)". */
function provenanceText(p: NonNullable<Indicator["provenance"]>[number]): string {
  return `${p.source}, ${p.table}, hentet ${formatDate(danishDate(p.fetched))}${p.licence ? ` (${p.licence})` : ""}`;
}

/**
 * The line under a table of key figures (the front page's overview, a quarter's status, and their
 * PDFs): which of the key figures ("nøgletal") were fetched, from where and when, e.g. "Hentede
 * tal: Danmarks Statistik, AUS08, hentet 15. januar 2027 (CC BY 4.0): Fuldtidsledige …". Empty
 * when none was fetched.
 */
export function fetchedSourcesText(indicators: Iterable<Indicator>): string {
  const groups = new Map<string, string[]>();
  for (const indicator of indicators) {
    if (indicator.kind !== "nøgletal") continue;
    for (const p of indicator.provenance ?? []) {
      const titles = groups.get(provenanceText(p)) ?? [];
      if (!titles.includes(indicator.title)) titles.push(indicator.title);
      groups.set(provenanceText(p), titles);
    }
  }
  if (groups.size === 0) return "";
  const parts = [...groups].map(([text, titles]) => `${text}: ${titles.join("; ")}`);
  return `Hentede tal: ${parts.join(". ")}.`;
}

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
    const text = provenanceText(p);
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

/** What templates/partials/chart-figure.njk draws for one indicator: an empty figure, or the whole one. */
export type ChartFigureView = {
  /** "figur-<indicator>", and the ids of its title and summary. */
  id: string;
  titleId: string;
  summaryId: string;
  title: string;
  question?: string;
} & (
  | {
      /** No figures yet (or no drawings): the caption and this text only. */
      empty: true;
      emptyText: string;
    }
  | {
      empty: false;
      /** The chart drawn for wide and for narrow columns (class "chart-wide"/"chart-narrow"), each SVG labelled by title and summary. */
      drawings: { className: string; svg: string }[];
      summary: string;
      /** The data table starts unfolded (print, the editor's preview of an indicator). */
      open: boolean;
      /** On screen the table scrolls in a region of its own; paper does not scroll. */
      region: boolean;
      table: DataTableView;
      /** What "–" and ".." mean, and the indicator's own notes, as one paragraph ("" for none). */
      notes: string;
      source: string;
    }
);

/** An SVG drawing labelled by the figure's title and summary (one role="img" per drawing). */
function labelled(svg: string, labelledBy: string): string {
  return svg.replace(/^<svg\b/, `<svg role="img" aria-labelledby="${labelledBy}" focusable="false"`);
}

/**
 * The whole figure: caption, the chart drawn for wide and for narrow columns (site.css and
 * print.css show exactly one, so assistive technology meets one image), summary, data table, notes
 * and source. `drawings` undefined (or no figures) gives the empty figure.
 */
export function chartFigureView(indicator: Indicator, drawings: ChartDrawings | undefined, options: { open?: boolean; print?: boolean } = {}): ChartFigureView {
  const id = `figur-${indicator.id}`;
  const titleId = `${id}-titel`;
  const summaryId = `${id}-resume`;
  const labels = `${titleId} ${summaryId}`;
  const base = { id, titleId, summaryId, title: indicator.title, question: indicator.question };
  if (!drawings || indicator.series.every((s) => s.observations.length === 0)) {
    return { ...base, empty: true, emptyText: `Der er endnu ingen tal for denne indikator.${indicator.notes ? ` ${indicator.notes}` : ""}` };
  }
  return {
    ...base,
    empty: false,
    drawings: [
      { className: "chart-wide", svg: labelled(drawings.wide, labels) },
      { className: "chart-narrow", svg: labelled(drawings.narrow, labels) },
    ],
    summary: summary(indicator),
    open: options.open ?? false,
    region: !options.print,
    table: dataTableView(indicator, titleId),
    notes: [...tableNotes(indicator), ...(indicator.notes ? [indicator.notes] : [])].join(" "),
    source: sourceText(indicator),
  };
}
