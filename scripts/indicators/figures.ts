// Figures computed from an indicator's observations, never typed by hand: latest value, changes,
// the trend of the last four periods, the gap to a comparison and the status against the target.
import { periodOrdinal, periodsPerYear, requirePeriod, type Period } from "../lib/danish.ts";
import type { Indicator, Observation, Series } from "../content/data-schema.ts";

export type Trend = "stigende" | "faldende" | "uændret";
export type Status = "nået" | "på vej" | "ikke nået" | "ukendt";

/** Observations ordered by period, oldest first (inputs are not mutated). */
export function sortedObservations(series: Series): Observation[] {
  return [...series.observations].sort((a, b) => periodOrdinal(requirePeriod(a.period)) - periodOrdinal(requirePeriod(b.period)));
}

export function latest(series: Series): Observation | undefined {
  return sortedObservations(series).at(-1);
}

/**
 * Change from the period just before the latest (the month, quarter or year before) to the latest,
 * when that period is observed. Across a gap there is no "previous period": 2020-K2 to 2024-K3
 * would be shown as a quarter's change, so the change is then unknown (shown as "–").
 */
export function changeSincePrevious(series: Series): number | undefined {
  return changeSince(series, (period) => 12 / periodsPerYear(period.kind));
}

/** Change from the same period a year before the latest, when that period is observed. */
export function changeSinceYearBefore(series: Series): number | undefined {
  return changeSince(series, () => 12);
}

/** Latest value minus the value `monthsBack(latest period)` months before it, when that period is observed. */
function changeSince(series: Series, monthsBack: (period: Period) => number): number | undefined {
  const last = latest(series);
  if (!last) return undefined;
  const period = requirePeriod(last.period);
  const target = periodOrdinal(period) - monthsBack(period);
  const before = series.observations.find((o) => periodOrdinal(requirePeriod(o.period)) === target);
  return before ? round(last.value - before.value) : undefined;
}

/** How many of the latest periods a trend is read over. */
export const TREND_PERIODS = 4;

/**
 * Least-squares line through the latest `count` observations, x in periods. Only where the data
 * allow: at least two periods, and none missing or withheld between them (a line across a hole
 * would claim figures that do not exist). The summary states this rule (scripts/charts/describe.ts).
 */
export function trendLine(series: Series, count = TREND_PERIODS): { slope: number; intercept: number; points: Observation[] } | undefined {
  const points = sortedObservations(series).slice(-count);
  if (points.length < 2) return undefined;
  const xs = points.map((o) => periodOrdinal(requirePeriod(o.period)));
  const step = 12 / periodsPerYear(requirePeriod(points[0]!.period).kind);
  if (xs.some((x, i) => i > 0 && x - xs[i - 1]! !== step)) return undefined;
  const ys = points.map((o) => o.value);
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let numerator = 0;
  let denominator = 0;
  xs.forEach((x, i) => {
    numerator += (x - meanX) * (ys[i]! - meanY);
    denominator += (x - meanX) ** 2;
  });
  const slope = denominator === 0 ? 0 : numerator / denominator;
  return { slope, intercept: meanY - slope * meanX, points };
}

export function trend(series: Series, count = TREND_PERIODS): Trend | undefined {
  const line = trendLine(series, count);
  if (!line) return undefined;
  if (Math.abs(line.slope) < 1e-9) return "uændret";
  return line.slope > 0 ? "stigende" : "faldende";
}

/** Latest primary value minus the comparison series' value for the same period. */
export function gapTo(primary: Series, comparison: Series): number | undefined {
  const last = latest(primary);
  if (!last) return undefined;
  const other = comparison.observations.find((o) => o.period === last.period);
  return other ? round(last.value - other.value) : undefined;
}

/** The municipality's own series is the first one. */
export function primarySeries(indicator: Indicator): Series | undefined {
  return indicator.series[0];
}

export function comparisonSeries(indicator: Indicator): Series | undefined {
  if (indicator.target?.kind === "series") {
    const name = indicator.target.series;
    return indicator.series.find((s) => s.name === name);
  }
  return indicator.series[1];
}

export function status(indicator: Indicator): Status {
  const primary = primarySeries(indicator);
  const target = indicator.target;
  const last = primary && latest(primary);
  if (!target || !primary || !last) return "ukendt";
  const better = (a: number, b: number) => (target.direction === "higher" ? a >= b : a <= b);
  const direction = trend(primary);
  const improving = direction !== undefined && direction !== "uændret" && (direction === "stigende") === (target.direction === "higher");

  if (target.kind === "trend") {
    if (direction === undefined) return "ukendt";
    return improving ? "nået" : "ikke nået";
  }
  let goal: number | undefined;
  if (target.kind === "value") goal = target.value;
  else {
    const comparison = indicator.series.find((s) => s.name === target.series);
    goal = comparison?.observations.find((o) => o.period === last.period)?.value;
  }
  if (goal === undefined) return "ukendt";
  if (better(last.value, goal)) return "nået";
  return improving ? "på vej" : "ikke nået";
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
