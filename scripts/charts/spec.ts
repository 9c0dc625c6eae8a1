// Indicator -> Vega-Lite spec, by chart kind and drawing width. Pure: every position that decides
// legibility (which periods get a label, the room for end labels, where labels go so they never
// collide, where long names wrap) is computed here in TypeScript with the real font metrics, so the
// spec carries plain values and Vega only draws them.
import type { TopLevelSpec } from "vega-lite";
import { formatNumber, formatPeriod, formatValue, parsePeriod, periodOrdinal, periodsPerYear, requirePeriod, type Period } from "../lib/danish.ts";
import { FONT_FAMILY, measureSpacedText } from "../lib/fonts.ts";
import { sortedObservations, trendLine } from "../indicators/figures.ts";
import { indicatorDecimals } from "../indicators/wording.ts";
import type { ChartKind, Indicator } from "../content/data-schema.ts";

export interface ChartTheme {
  /** Series colours, first for the municipality; chosen to hold in grey print and for colour-blind readers. */
  series: readonly string[];
  text: string;
  grid: string;
  target: string;
}

export const DEFAULT_THEME: ChartTheme = {
  // Eight colours, each at least 3:1 against white (WCAG 1.4.11); shapes tell them apart as well.
  series: ["#1f4e79", "#b3541e", "#4d7f3a", "#6b4c9a", "#555555", "#a3336d", "#237a7a", "#7d6400"],
  text: "#1a1a1a",
  grid: "#d9d9d9",
  target: "#8a1c1c",
};

/**
 * The widths a chart is drawn at, in CSS px, so that it is shown at its own size and its text keeps
 * FONT_SIZE: "bred" is the PDF's text column (A4 210 mm less 22 + 20 mm margins = 168 mm = 635 px,
 * templates/assets/print.css) and wide screens; "smal" is the text column of a 320 px phone (320 px
 * less 2 × 16 px padding, templates/assets/site.css).
 */
export const LAYOUTS = {
  wide: { name: "bred", width: 634, height: 260 },
  narrow: { name: "smal", width: 288, height: 220 },
} as const;
export type ChartLayout = (typeof LAYOUTS)[keyof typeof LAYOUTS];

/** One size for all chart text: 12 px is 9 pt in the PDF (at least 8 pt) and 12 CSS px on screen. */
export const FONT_SIZE = 12;
// Series are told apart by point shape as well as colour; dashed lines are reserved for trends.
const SHAPES = ["circle", "square", "triangle-up", "diamond", "triangle-down", "cross", "triangle-right", "triangle-left"];
const LINE_HEIGHT = 15;
const LABEL_GAP_PX = 15;
const AXIS_LABEL_GAP_PX = 8;
const SUPPRESSED = "..";
/** Axis lines and the zero line of values that go below zero: 4.5:1 against white. */
const AXIS_COLOR = "#767676";

/** Width of chart text with room for the reader's own text spacing (scripts/lib/fonts.ts). */
function textWidth(text: string, weight = 400): number {
  return measureSpacedText(text, FONT_SIZE, weight);
}

/**
 * Moves labels apart (in pixels, y down) so that no two are closer than `gap`, keeping them inside
 * [0, height] and each as near its own value as the others allow.
 */
export function spreadLabels<T extends { y: number }>(rows: T[], gap: number, height: number): (T & { labelY: number })[] {
  const sorted = rows.map((row) => ({ ...row, labelY: row.y })).sort((a, b) => a.labelY - b.labelY);
  for (let i = 1; i < sorted.length; i++) {
    sorted[i]!.labelY = Math.max(sorted[i]!.labelY, sorted[i - 1]!.labelY + gap);
  }
  // Pushed past the bottom: move the stack up, then keep the top inside too.
  const overflow = (sorted.at(-1)?.labelY ?? 0) - height;
  if (overflow > 0) {
    for (let i = sorted.length - 1; i >= 0; i--) {
      const limit = i === sorted.length - 1 ? height : sorted[i + 1]!.labelY - gap;
      sorted[i]!.labelY = Math.min(sorted[i]!.labelY, limit);
    }
  }
  return sorted;
}

/** Breaks text into lines no wider than `width` px, at spaces and after hyphens; never cuts a word short. */
export function wrapText(text: string, width: number, weight = 400): string[] {
  const words = text.split(/(?<=-)|\s+/).filter(Boolean);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    const joined = last === undefined ? word : last.endsWith("-") ? `${last}${word}` : `${last} ${word}`;
    if (last !== undefined && textWidth(joined, weight) <= width) lines[lines.length - 1] = joined;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [text];
}

export function chartKind(indicator: Indicator): ChartKind {
  if (indicator.chart?.kind) return indicator.chart.kind;
  const periods = new Set(indicator.series.flatMap((s) => [...s.observations.map((o) => o.period), ...(s.suppressed ?? [])]));
  if (periods.size >= 2) return "udvikling";
  if (indicator.series.length === 1 && indicator.target?.kind === "value") return "maal";
  return "sammenligning";
}

function targetValue(indicator: Indicator): number | undefined {
  return indicator.target?.kind === "value" ? indicator.target.value : undefined;
}

/** "Mål: 4,3 pct." in the indicator's decimals. */
export function targetLabel(indicator: Indicator): string | undefined {
  const target = targetValue(indicator);
  return target === undefined ? undefined : `Mål: ${formatValue(target, indicator.unit, indicatorDecimals(indicator))}`;
}

function axisTitle(indicator: Indicator): string {
  return { "pct.": "Pct.", procentpoint: "Procentpoint", antal: "Antal", "ændring i antal": "Ændring i antal", uger: "Uger", placering: "Placering" }[indicator.unit];
}

/** Every period from the first to the last of the indicator's, missing ones included, oldest first. */
export function periodRange(indicator: Indicator): string[] {
  const texts = indicator.series.flatMap((s) => [...s.observations.map((o) => o.period), ...(s.suppressed ?? [])]);
  const periods = [...new Set(texts)].map(requirePeriod).sort((a, b) => periodOrdinal(a) - periodOrdinal(b));
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last || periods.some((p) => p.kind !== first.kind)) return periods.map(periodText);
  const step = 12 / periodsPerYear(first.kind);
  const range: string[] = [];
  for (let ordinal = periodOrdinal(first); ordinal <= periodOrdinal(last); ordinal += step) range.push(periodText(fromOrdinal(ordinal, first.kind)));
  return range;
}

function fromOrdinal(ordinal: number, kind: Period["kind"]): Period {
  const year = Math.floor(ordinal / 12);
  const month = ordinal % 12;
  return { kind, year, index: kind === "month" ? month + 1 : kind === "quarter" ? month / 3 + 1 : 0 };
}

function periodText(period: Period): string {
  if (period.kind === "month") return `${period.year}-${String(period.index).padStart(2, "0")}`;
  if (period.kind === "quarter") return `${period.year}-K${period.index}`;
  return String(period.year);
}

const SHORT_MONTHS = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];

/**
 * Which periods of a time axis get a label, and which label: the densest of "jan. 2020" (months,
 * only when few), "1. kvt. 2020", then one label per 1, 2, 5 or 10 years ("2020"), whose labels all
 * fit with a gap at `pxPerPeriod` px per period.
 */
export function timeLabels(periods: readonly string[], pxPerPeriod: number): { index: number; label: string }[] {
  const parsed = periods.map(requirePeriod);
  const kind = parsed[0]?.kind ?? "year";
  type Scheme = { every: number; pick: (p: Period) => boolean; label: (p: Period) => string };
  const years = (n: number, start: (p: Period) => boolean): Scheme => ({
    every: n * periodsPerYear(kind),
    pick: (p) => start(p) && p.year % n === 0,
    label: (p) => String(p.year),
  });
  const startOfYear = (p: Period) => p.kind === "year" || p.index === 1;
  const schemes: Scheme[] = [
    ...(kind === "month"
      ? [1, 2, 3, 6].map((n) => ({ every: n, pick: (p: Period) => (p.index - 1) % n === 0, label: (p: Period) => `${SHORT_MONTHS[p.index - 1]} ${p.year}` }))
      : kind === "quarter"
        ? [1, 2].map((n) => ({ every: n, pick: (p: Period) => (p.index - 1) % n === 0, label: (p: Period) => `${p.index}. kvt. ${p.year}` }))
        : []),
    ...[1, 2, 5, 10, 20, 50].map((n) => years(n, startOfYear)),
  ];
  let chosen: { index: number; label: string }[] = [];
  for (const scheme of schemes) {
    const labels = parsed.flatMap((p, index) => (scheme.pick(p) ? [{ index, label: scheme.label(p) }] : []));
    // A span without any period that starts a year (e.g. five months) keeps the densest month labels that fit.
    if (labels.length === 0) continue;
    chosen = labels;
    const widest = Math.max(...labels.map((l) => textWidth(l.label)));
    if (widest + AXIS_LABEL_GAP_PX <= scheme.every * pxPerPeriod) return labels;
  }
  // Nothing fits (a very narrow drawing of a century): the first and last label only.
  return chosen.length > 2 ? [chosen[0]!, chosen.at(-1)!] : chosen;
}

/** A readable step for `count` ticks over [lo, hi]: 1, 2, 2.5 or 5 times a power of ten, at least one unit of the last decimal. */
function niceStep(lo: number, hi: number, count: number, decimals: number): number {
  const raw = Math.max((hi - lo) / count, 10 ** -decimals);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw - 1e-12) ?? 10 * power;
  // 2,5 needs a second decimal; keep to the indicator's decimals.
  return Number((step * 10 ** decimals).toFixed(6)) % 1 === 0 ? step : 2 * power;
}

/** Value axis: a domain on round numbers and its ticks. Bars always start at zero; lines only when zero is near. */
export function valueAxis(values: readonly number[], options: { bars: boolean; decimals: number; ticks: number; max?: number }) {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (options.bars || (lo >= 0 && lo <= hi / 2)) lo = Math.min(lo, 0);
  if (options.bars) hi = Math.max(hi, 0);
  if (hi - lo < 1e-9) {
    const pad = Math.max(Math.abs(hi) * 0.1, 1);
    hi += pad;
    if (lo !== 0) lo -= pad;
  }
  const step = niceStep(lo, hi, options.ticks, options.decimals);
  const domain: [number, number] = [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step];
  if (options.max !== undefined && hi <= options.max) domain[1] = Math.min(domain[1], options.max);
  const ticks: number[] = [];
  for (let v = domain[0]; v <= domain[1] + step / 1e6; v += step) ticks.push(Number(v.toFixed(6)));
  return { domain, ticks };
}

/** An axis label expression that maps values to texts computed here (Vega's interpreter runs it, no eval). */
function labelLookup(values: readonly (number | string)[], labels: readonly (string | string[])[]): string {
  return `${JSON.stringify(labels)}[indexof(${JSON.stringify(values)}, datum.value)]`;
}

function baseConfig(theme: ChartTheme) {
  const text = { labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE, labelColor: theme.text, titleColor: theme.text, labelFont: FONT_FAMILY, titleFont: FONT_FAMILY };
  return {
    font: FONT_FAMILY,
    background: "transparent",
    view: { stroke: null },
    axis: { ...text, gridColor: theme.grid, domainColor: AXIS_COLOR, tickColor: AXIS_COLOR, titleFontWeight: 600, labelLimit: 0 },
    legend: { ...text, orient: "bottom", direction: "vertical", title: null, symbolStrokeWidth: 2, labelLimit: 0, rowPadding: 4, symbolSize: 80 },
    text: { fontSize: FONT_SIZE, fill: theme.text },
    // Every number in Danish with the minus sign U+2212 (d3-format's default) and a decimal comma.
    numberFormat: ",",
  } as const;
}

/** Series colours: the theme's, filled up from the defaults so that eight series never share one. */
function seriesColors(theme: ChartTheme, count: number): string[] {
  return [...theme.series, ...DEFAULT_THEME.series.slice(theme.series.length)].slice(0, count);
}

/**
 * The Vega-Lite spec for an indicator drawn `layout.width` px wide; a custom spec from the data file
 * gets the indicator's data. Up to 8 series (validated in scripts/indicators/validate.ts).
 */
export function indicatorSpec(indicator: Indicator, theme: ChartTheme = DEFAULT_THEME, layout: ChartLayout = LAYOUTS.wide): TopLevelSpec {
  const decimals = indicatorDecimals(indicator);
  const names = indicator.series.map((s) => s.name);
  const common = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: layout.width,
    autosize: { type: "fit-x", contains: "padding" },
    config: baseConfig(theme),
  } as const;

  if (indicator.chart?.spec) {
    const rows = indicator.series.flatMap((series) =>
      sortedObservations(series).map((o) => ({
        series: series.name,
        period: formatPeriod(o.period),
        order: periodOrdinal(requirePeriod(o.period)),
        value: o.value,
        text: formatValue(o.value, indicator.unit, decimals),
      })),
    );
    return { width: layout.width, ...indicator.chart.spec, data: { values: rows }, config: baseConfig(theme) } as unknown as TopLevelSpec;
  }

  // Each point's and bar's title (a tooltip on hover; render.ts writes it as SVG <title>): the whole
  // period, which the thinned axis labels leave out, and the figure in the indicator's precision.
  const pointTitle = (series: string, period: string, value: number) => `${series}, ${formatPeriod(period)}: ${formatValue(value, indicator.unit, decimals)}`;
  const colors = seriesColors(theme, names.length);
  // The municipality's own series (the first) is drawn last, on top, with a stronger line.
  const color = { field: "series", type: "nominal", title: null, scale: { domain: names, range: colors } } as const;
  const target = targetValue(indicator);
  const kind = chartKind(indicator);
  if (kind === "udvikling") return lineSpec();
  return barSpec();

  function lineSpec(): TopLevelSpec {
    const periods = periodRange(indicator);
    const index = new Map(periods.map((p, i) => [p, i]));
    const rows = indicator.series.flatMap((series, s) => {
      const byPeriod = new Map(series.observations.map((o) => [o.period, o.value]));
      const own = sortedObservations(series);
      const first = own[0] ? index.get(own[0].period)! : 0;
      const last = own.at(-1) ? index.get(own.at(-1)!.period)! : -1;
      // Missing and withheld periods inside the series' span are null, so the line breaks there (Vega-Lite's
      // default for invalid values on path marks) instead of joining the neighbours.
      return periods.slice(first, last + 1).map((period, i) => {
        const value = byPeriod.get(period);
        return {
          series: series.name,
          rank: s === 0 ? "egen" : "andre",
          i: first + i,
          period: formatPeriod(period),
          value: value ?? null,
          title: value === undefined ? null : pointTitle(series.name, period, value),
        };
      });
    });
    const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
    const axis = valueAxis([...values, ...(target === undefined ? [] : [target])], {
      bars: false,
      decimals,
      ticks: Math.round(layout.height / 50),
      max: indicator.unit === "pct." ? 100 : undefined,
    });
    const [lo, hi] = axis.domain;
    const toPx = (v: number) => layout.height * (1 - (v - lo) / (hi - lo));
    const toValue = (px: number) => lo + (1 - px / layout.height) * (hi - lo);

    // End labels: the latest figure of each series, and the target, in a column right of the lines.
    const lastPeriod = periods.at(-1);
    const endLabels: { text: string; y: number; series?: string; weight: number }[] = indicator.series.flatMap((series, s) => {
      const last = sortedObservations(series).at(-1);
      if (!last) return [];
      const when = last.period === lastPeriod ? "" : ` (${shortPeriod(last.period)})`;
      return [{ text: `${formatValue(last.value, indicator.unit, decimals)}${when}`, y: toPx(last.value), series: series.name, weight: s === 0 ? 700 : 600 }];
    });
    const goal = targetLabel(indicator);
    if (goal && target !== undefined) endLabels.push({ text: goal, y: toPx(target), weight: 700 });
    const column = Math.ceil(Math.max(...endLabels.map((l) => textWidth(l.text, l.weight)))) + 10;
    const placed = spreadLabels(endLabels, LABEL_GAP_PX, layout.height).map((l) => ({ ...l, labelY: toValue(l.labelY) }));

    const yTickWidth = Math.max(...axis.ticks.map((t) => textWidth(formatNumber(t, decimals))));
    const yAxisWidth = yTickWidth + FONT_SIZE + 30;
    const plotWidth = layout.width - yAxisWidth - column;
    // Long names wrap onto more lines in the legend (which starts at the plot's left edge, after its
    // symbol); none is cut short.
    const legendLabels = names.map((name) => wrapText(name, layout.width - yAxisWidth - 40));
    const legend = names.length > 1 ? { labelExpr: labelLookup(names, legendLabels) } : null;
    const labels = timeLabels(periods, plotWidth / periods.length);
    // Markers (which tell the series apart by shape) at most every ~12 px, and always on a figure
    // standing alone between gaps and on each series' latest figure.
    const every = Math.max(1, Math.ceil(12 / (plotWidth / periods.length)));
    const valueAt = new Map(rows.map((r) => [`${r.series}\u0000${r.i}`, r.value]));
    const lastIndex = new Map(rows.filter((r) => r.value !== null).map((r) => [r.series, r.i]));
    const marked = rows.filter((r) => {
      if (r.value === null) return false;
      const alone = valueAt.get(`${r.series}\u0000${r.i - 1}`) == null && valueAt.get(`${r.series}\u0000${r.i + 1}`) == null;
      return r.i % every === 0 || alone || lastIndex.get(r.series) === r.i;
    });
    const xDomain = [-0.5, periods.length - 0.5];
    const x = {
      field: "i",
      type: "quantitative",
      title: null,
      scale: { domain: xDomain, range: [0, { expr: `width - ${column}` }], nice: false, zero: false },
      axis: {
        values: labels.map((l) => l.index),
        labelExpr: labelLookup(
          labels.map((l) => l.index),
          labels.map((l) => l.label),
        ),
        grid: false,
        labelFlush: false,
        labelOverlap: false,
      },
    } as const;
    const y = {
      field: "value",
      type: "quantitative",
      scale: { domain: axis.domain, nice: false, zero: false },
      axis: { title: axisTitle(indicator), values: axis.ticks, format: `,.${decimals}f`, labelOverlap: false },
    } as const;

    const trendRows = indicator.series.flatMap((series) => {
      const line = trendLine(series);
      if (!line) return [];
      return line.points.map((o) => {
        const ordinal = periodOrdinal(requirePeriod(o.period));
        return { series: series.name, i: index.get(o.period)!, trend: line.intercept + line.slope * ordinal };
      });
    });
    const bands = suppressedBands(indicator, index);

    return {
      ...common,
      height: layout.height,
      layer: [
        ...(bands.length === 0
          ? []
          : [
              {
                data: { values: bands },
                mark: { type: "rect", color: "#ececec" },
                encoding: { x: { ...x, field: "from" }, x2: { field: "to" }, tooltip: { field: "title", type: "nominal" } },
              },
              {
                data: { values: bands },
                mark: { type: "text", baseline: "top", y: 2, fontWeight: 700, color: theme.text },
                encoding: { x: { ...x, field: "middle" }, text: { value: SUPPRESSED } },
              },
            ]),
        // Changes that go below zero: the zero line stronger than the grid, so above and below read at once.
        ...(lo < 0 && hi > 0
          ? [
              {
                data: { values: [{ from: xDomain[0], to: xDomain[1], zero: 0 }] },
                mark: { type: "rule", color: AXIS_COLOR, strokeWidth: 1.5 },
                encoding: { x: { ...x, field: "from" }, x2: { field: "to" }, y: { ...y, field: "zero" } },
              },
            ]
          : []),
        ...(target === undefined
          ? []
          : [
              {
                data: { values: [{ from: xDomain[0], to: xDomain[1], target }] },
                mark: { type: "rule", color: theme.target, strokeWidth: 2, strokeDash: [8, 4] },
                encoding: { x: { ...x, field: "from" }, x2: { field: "to" }, y: { ...y, field: "target" } },
              },
            ]),
        {
          data: { values: trendRows },
          mark: { type: "line", strokeDash: [5, 4], strokeWidth: 1.5, opacity: 0.9 },
          encoding: { x, y: { ...y, field: "trend" }, color: { ...color, legend }, detail: { field: "series" } },
        },
        // The municipality's own series last, on top, with a stronger line and larger points.
        ...(["andre", "egen"] as const).flatMap((rank) => [
          {
            data: { values: rows.filter((r) => r.rank === rank) },
            mark: { type: "line", strokeWidth: rank === "egen" ? 3.5 : 2 },
            encoding: { x, y, color: { ...color, legend } },
          },
          {
            data: { values: marked.filter((r) => r.rank === rank) },
            mark: { type: "point", filled: true, opacity: 1, size: (rank === "egen" ? 1.4 : 1) * (layout === LAYOUTS.narrow ? 40 : 60) },
            encoding: {
              x,
              y,
              color: { ...color, legend },
              shape: { field: "series", type: "nominal", title: null, scale: { domain: names, range: SHAPES.slice(0, names.length) }, legend },
              tooltip: { field: "title", type: "nominal" },
            },
          },
        ]),
        ...[700, 600].map((weight) => ({
          data: { values: placed.filter((l) => l.series !== undefined && l.weight === weight) },
          mark: { type: "text", align: "left", x: { expr: `width - ${column - 6}` }, fontWeight: weight },
          encoding: { y: { ...y, field: "labelY" }, text: { field: "text" }, color: { ...color, legend } },
        })),
        ...placed
          .filter((l) => l.series === undefined)
          .map((l) => ({
            data: { values: [l] },
            mark: { type: "text", align: "left", x: { expr: `width - ${column - 6}` }, color: theme.target, fontWeight: 700 },
            encoding: { y: { ...y, field: "labelY" }, text: { field: "text" } },
          })),
      ],
    } as unknown as TopLevelSpec;
  }

  function barSpec(): TopLevelSpec {
    // One bar per series: its latest figure (with the period when the series differ in it), its
    // name above it across the whole width, so that long names wrap instead of squeezing the bars.
    const latest = indicator.series.flatMap((series) => {
      const last = sortedObservations(series).at(-1);
      return last ? [{ series: series.name, period: last.period, value: last.value }] : [];
    });
    const samePeriod = new Set(latest.map((l) => l.period)).size <= 1;
    const texts = latest.map((l) => `${formatValue(l.value, indicator.unit, decimals)}${samePeriod ? "" : ` (${shortPeriod(l.period)})`}`);
    const plotWidth = layout.width - 12;
    const values = [...latest.map((l) => l.value), ...(target === undefined ? [] : [target])];
    let axis = valueAxis(values, { bars: true, decimals, ticks: 5, max: indicator.unit === "pct." ? 100 : undefined });
    const ends = (axis.domain[0] < 0 ? 1 : 0) + (axis.domain[1] > 0 ? 1 : 0);
    // Room beside the longest bar at each end for its figure; where that would leave the bars less
    // than a third of the width (long figures on both sides of zero in a narrow drawing), each figure
    // follows its name instead ("Testby: −1,4 procentpoint").
    const besideRoom = Math.max(...texts.map((text) => textWidth(text, 600))) + 8;
    const inNames = plotWidth - besideRoom * ends < plotWidth / 3;
    const labelRoom = inNames ? 0 : besideRoom;
    const usable = plotWidth - labelRoom * ends;
    const bar = 22;
    let top = 0;
    const rows = latest.map((l, i) => {
      const weight = i === 0 ? 700 : 400;
      const lines = wrapText(inNames ? `${l.series}: ${texts[i]}` : l.series, plotWidth, weight);
      const names = lines.map((line, k) => ({ line, y: top + k * LINE_HEIGHT }));
      const barTop = top + lines.length * LINE_HEIGHT + 3;
      top = barTop + bar + 14;
      return { ...l, names, weight, y: barTop, y2: barTop + bar, middle: barTop + bar / 2, title: pointTitle(l.series, l.period, l.value), text: texts[i]! };
    });
    const height = Math.max(top - 14, bar);
    // Fewer ticks until their labels fit side by side.
    for (let count = 4; count >= 1; count--) {
      const widest = Math.max(...axis.ticks.map((t) => textWidth(formatNumber(t, decimals))));
      if (usable / Math.max(axis.ticks.length - 1, 1) >= widest + AXIS_LABEL_GAP_PX) break;
      axis = valueAxis(values, { bars: true, decimals, ticks: count, max: indicator.unit === "pct." ? 100 : undefined });
    }
    const [lo, hi] = axis.domain;
    const perPx = (hi - lo) / usable;
    const domain = [lo < 0 ? lo - labelRoom * perPx : lo, hi > 0 ? hi + labelRoom * perPx : hi];
    const value = {
      field: "value",
      type: "quantitative",
      scale: { domain, nice: false, zero: true },
      axis: { title: axisTitle(indicator), values: axis.ticks, format: `,.${decimals}f`, grid: true, labelOverlap: false, labelFlush: true },
    } as const;
    const y = { field: "y", type: "quantitative", scale: { domain: [0, height], range: [0, height], nice: false, zero: false }, axis: null } as const;
    const goal = targetLabel(indicator);
    // The target's label above the bars, turned towards the middle so it stays inside the drawing.
    const goalAlign = target !== undefined && target > (domain[0]! + domain[1]!) / 2 ? "right" : "left";
    // A figure that would lie across the target's line goes inside its bar, or else beyond the line.
    const toPx = (v: number) => ((v - domain[0]!) / (domain[1]! - domain[0]!)) * plotWidth;
    const placedRows = rows
      .filter(() => !inNames)
      .map((r) => {
        const width = textWidth(r.text, 600);
        const outward = r.value >= 0 ? 1 : -1;
        const start = toPx(r.value) + outward * 4;
        const [from, to] = outward > 0 ? [start, start + width] : [start - width, start];
        const crossed = target !== undefined && toPx(target) >= from - 4 && toPx(target) <= to + 4;
        if (!crossed) return { ...r, labelX: r.value, align: outward > 0 ? "left" : "right", where: "outside" };
        if (Math.abs(toPx(r.value) - toPx(0)) >= width + 12) return { ...r, labelX: r.value, align: outward > 0 ? "right" : "left", where: "inside" };
        return { ...r, labelX: target, align: outward > 0 ? "left" : "right", where: "outside" };
      });
    const nameRows = rows.flatMap((r) => r.names.map((n) => ({ series: r.series, line: n.line, y: n.y, weight: r.weight })));
    return {
      ...common,
      height,
      layer: [
        {
          data: { values: rows },
          mark: { type: "rect" },
          encoding: { y, y2: { field: "y2" }, x: value, x2: { datum: 0 }, color: { ...color, legend: null }, tooltip: { field: "title", type: "nominal" } },
        },
        // Bars to both sides of zero: the line they start from.
        ...(lo < 0
          ? [{ data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: AXIS_COLOR, strokeWidth: 1.5 }, encoding: { x: { ...value, field: "zero" } } }]
          : []),
        ...[700, 400].map((weight) => ({
          data: { values: nameRows.filter((n) => n.weight === weight) },
          mark: { type: "text", align: "left", baseline: "top", x: 0, fontWeight: weight },
          encoding: { y, text: { field: "line" } },
        })),
        ...(["outside", "inside"] as const).flatMap((where) =>
          (["left", "right"] as const).map((align) => ({
            data: { values: placedRows.filter((r) => r.where === where && r.align === align) },
            mark: { type: "text", align, baseline: "middle", dx: align === "left" ? 4 : -4, fontWeight: 600, ...(where === "inside" ? { color: "#ffffff" } : {}) },
            encoding: { y: { ...y, field: "middle" }, x: { ...value, field: "labelX" }, text: { field: "text" } },
          })),
        ),
        ...(target === undefined || !goal
          ? []
          : [
              {
                data: { values: [{ target }] },
                mark: { type: "rule", color: theme.target, strokeWidth: 2, strokeDash: [8, 4] },
                encoding: { x: { ...value, field: "target" } },
              },
              {
                data: { values: [{ target }] },
                mark: { type: "text", align: goalAlign, dx: goalAlign === "left" ? -2 : 2, y: -6, baseline: "bottom", color: theme.target, fontWeight: 700 },
                encoding: { x: { ...value, field: "target" }, text: { value: goal } },
              },
            ]),
      ],
    } as unknown as TopLevelSpec;
  }
}

/** "jan. 2020", "1. kvt. 2020", "2020": short enough for a label, whole enough to read alone. */
function shortPeriod(text: string): string {
  const period = parsePeriod(text);
  if (!period) return text;
  if (period.kind === "month") return `${SHORT_MONTHS[period.index - 1]} ${period.year}`;
  if (period.kind === "quarter") return `${period.index}. kvt. ${period.year}`;
  return String(period.year);
}

/**
 * Runs of periods withheld for discretion in any series, as x spans for a shaded band marked "..",
 * each with its title: "Testby, 4. kvartal 2020: udeladt af diskretionshensyn".
 */
function suppressedBands(indicator: Indicator, index: Map<string, number>): { from: number; to: number; middle: number; title: string }[] {
  const withheld = [...new Set(indicator.series.flatMap((s) => s.suppressed ?? []))].filter((p) => index.has(p)).sort((a, b) => index.get(a)! - index.get(b)!);
  const bands: { from: number; to: number; periods: string[] }[] = [];
  for (const period of withheld) {
    const i = index.get(period)!;
    const last = bands.at(-1);
    if (last && last.to === i - 0.5) {
      last.to = i + 0.5;
      last.periods.push(period);
    } else bands.push({ from: i - 0.5, to: i + 0.5, periods: [period] });
  }
  return bands.map(({ from, to, periods }) => {
    const lines = periods.map((period) => {
      const series = indicator.series.filter((s) => s.suppressed?.includes(period)).map((s) => s.name);
      return `${series.join(", ")}, ${formatPeriod(period)}: udeladt af diskretionshensyn`;
    });
    return { from, to, middle: (from + to) / 2, title: lines.join("\n") };
  });
}
