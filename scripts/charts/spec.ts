// Indicator -> Vega-Lite spec, by chart kind. Pure: the figures (trend lines, labels) are computed
// here in TypeScript so the spec carries plain values and Vega needs no expressions of its own.
import type { TopLevelSpec } from "vega-lite";
import { decimalsOf, formatPeriodShort, formatValue, periodOrdinal, requirePeriod } from "../lib/danish.ts";
import { FONT_FAMILY } from "../lib/fonts.ts";
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
  series: ["#1f4e79", "#b3541e", "#4d7f3a", "#6b4c9a", "#555555"],
  text: "#1a1a1a",
  grid: "#d9d9d9",
  target: "#8a1c1c",
};

// Series are told apart by point shape as well as colour; dashed lines are reserved for trends.
const SHAPES = ["circle", "square", "triangle-up", "diamond", "cross"];
const WIDTH = 560;
const HEIGHT = 260;
const LABEL_GAP_PX = 14;

/** Moves end labels apart (in data units) so that labels of close values do not overlap. */
export function spreadLabels<T extends { value: number }>(rows: T[], unitsPerPixel: number): (T & { labelY: number })[] {
  const gap = LABEL_GAP_PX * unitsPerPixel;
  const sorted = rows.map((row) => ({ ...row, labelY: row.value })).sort((a, b) => a.labelY - b.labelY);
  for (let i = 1; i < sorted.length; i++) {
    const below = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.labelY - below.labelY < gap) {
      const middle = (current.labelY + below.labelY) / 2;
      below.labelY = Math.min(below.labelY, middle - gap / 2);
      current.labelY = below.labelY + gap;
    }
  }
  return sorted;
}

export function chartKind(indicator: Indicator): ChartKind {
  if (indicator.chart?.kind) return indicator.chart.kind;
  const most = Math.max(0, ...indicator.series.map((s) => s.observations.length));
  if (most >= 2) return "udvikling";
  if (indicator.series.length === 1 && indicator.target?.kind === "value") return "maal";
  return "sammenligning";
}

function targetValue(indicator: Indicator): number | undefined {
  return indicator.target?.kind === "value" ? indicator.target.value : undefined;
}

function axisTitle(indicator: Indicator): string {
  return { "pct.": "Pct.", antal: "Antal", uger: "Uger", placering: "Placering" }[indicator.unit];
}

function baseConfig(theme: ChartTheme) {
  return {
    font: FONT_FAMILY,
    background: "transparent",
    view: { stroke: null },
    axis: {
      labelFontSize: 12, titleFontSize: 12, labelColor: theme.text, titleColor: theme.text,
      gridColor: theme.grid, domainColor: "#767676", tickColor: "#767676", titleFontWeight: 600,
    },
    legend: { labelFontSize: 12, titleFontSize: 12, labelColor: theme.text, orient: "bottom", title: null, symbolStrokeWidth: 2, labelLimit: 400 },
    text: { fontSize: 12, fill: theme.text },
  } as const;
}

/** The Vega-Lite spec for an indicator; a custom spec from the data file gets the data injected. */
export function indicatorSpec(indicator: Indicator, theme: ChartTheme = DEFAULT_THEME): TopLevelSpec {
  const decimals = indicatorDecimals(indicator);
  const names = indicator.series.map((s) => s.name);
  const color = { field: "series", type: "nominal", title: null, scale: { domain: names, range: theme.series.slice(0, names.length) } } as const;
  const rows = indicator.series.flatMap((series) =>
    sortedObservations(series).map((o) => ({
      series: series.name,
      period: formatPeriodShort(o.period),
      order: periodOrdinal(requirePeriod(o.period)),
      value: o.value,
      text: formatValue(o.value, indicator.unit, decimals),
    })),
  );
  const target = targetValue(indicator);
  // Room above the highest value (or target) for its label; shares never beyond 100.
  const top = Math.max(...rows.map((r) => r.value), target ?? 0, 1) * 1.2;
  const yScale = { domain: [0, indicator.unit === "pct." ? Math.min(100, top) : top], nice: indicator.unit !== "pct." };
  const yAxis = { title: axisTitle(indicator), format: ",.1~f", tickMinStep: indicator.unit === "pct." ? 0.5 : 1 } as const;
  const targetLayers =
    target === undefined
      ? []
      : [
          { mark: { type: "rule", color: theme.target, strokeWidth: 2, strokeDash: [8, 4] }, encoding: { y: { datum: target } } },
          {
            mark: { type: "text", align: "right", baseline: "bottom", dy: -3, color: theme.target, fontWeight: 600, x: "width" },
            encoding: { y: { datum: target }, text: { value: `Mål: ${formatValue(target, indicator.unit, decimalsOf([target]))}` } },
          },
        ];

  if (indicator.chart?.spec) {
    return { ...indicator.chart.spec, data: { values: rows }, config: baseConfig(theme) } as unknown as TopLevelSpec;
  }

  const kind = chartKind(indicator);
  const common = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: WIDTH,
    config: baseConfig(theme),
    data: { values: rows },
  } as const;

  if (kind === "udvikling") {
    const trendRows = indicator.series.flatMap((series) => {
      const line = trendLine(series);
      if (!line) return [];
      return line.points.map((o) => {
        const x = periodOrdinal(requirePeriod(o.period));
        return { series: series.name, period: formatPeriodShort(o.period), order: x, trend: line.intercept + line.slope * x };
      });
    });
    const lastRows = spreadLabels(
      indicator.series.flatMap((series) => {
        const last = rows.filter((r) => r.series === series.name).at(-1);
        return last ? [last] : [];
      }),
      yScale.domain[1]! / HEIGHT,
    );
    const x = { field: "period", type: "ordinal", title: null, sort: { field: "order" }, axis: { labelAngle: 0 } } as const;
    return {
      ...common,
      height: HEIGHT,
      layer: [
        {
          mark: { type: "line", point: { filled: true, size: 60 }, strokeWidth: 2.5 },
          encoding: {
            x, y: { field: "value", type: "quantitative", scale: yScale, axis: yAxis }, color,
            shape: { field: "series", type: "nominal", title: null, scale: { domain: names, range: SHAPES.slice(0, names.length) } },
          },
        },
        {
          data: { values: trendRows },
          mark: { type: "line", strokeDash: [5, 4], strokeWidth: 1.5, opacity: 0.9 },
          encoding: { x, y: { field: "trend", type: "quantitative" }, color, detail: { field: "series" } },
        },
        {
          // The latest value of each series, written beside its last point.
          data: { values: lastRows },
          mark: { type: "text", align: "left", dx: 8, fontSize: 11, fontWeight: 600 },
          encoding: { x, y: { field: "labelY", type: "quantitative" }, text: { field: "text" }, color },
        },
        ...targetLayers,
      ],
    } as unknown as TopLevelSpec;
  }

  // Bars: one per series (and period), value written on the bar.
  const single = kind === "maal";
  const category = { field: "series", type: "nominal", title: null, sort: names, axis: { labelLimit: 260 } } as const;
  return {
    ...common,
    height: { step: single ? 44 : 36 },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          y: category,
          x: { field: "value", type: "quantitative", scale: yScale, axis: { ...yAxis, grid: true } },
          color: { ...color, legend: null },
          ...(rows.some((r) => r.period !== rows[0]?.period) ? { yOffset: { field: "period", sort: { field: "order" } } } : {}),
        },
      },
      {
        mark: { type: "text", align: "left", dx: 4, fontWeight: 600 },
        encoding: { y: category, x: { field: "value", type: "quantitative" }, text: { field: "text" } },
      },
      ...targetLayers.map((layer) => ({
        ...layer,
        encoding: { x: { datum: target }, ...(layer.mark.type === "text" ? { text: layer.encoding.text } : {}) },
        mark: layer.mark.type === "text" ? { ...layer.mark, x: undefined, y: -4, align: "center", baseline: "bottom" } : layer.mark,
      })),
    ],
  } as unknown as TopLevelSpec;
}
