// The key-figure overview on the front page: one row per indicator of kind "nøgletal", every figure
// computed from the observations (never typed by hand). Pure: the caller says where each chart is.
import { formatPeriod, formatPoints, formatSigned, formatValue } from "../lib/danish.ts";
import { changeSincePrevious, changeSinceYearBefore, comparisonSeries, gapTo, latest, primarySeries, status, trend, type Status, type Trend } from "./figures.ts";
import type { Indicator } from "../content/data-schema.ts";
import { indicatorDecimals, statusText, targetText } from "./wording.ts";

export interface OverviewRow {
  id: string;
  goal: number;
  title: string;
  /** Where the indicator's chart is shown, e.g. "/bilag/indikatorer/maal-1/#figur-m1-noegletal". */
  url?: string;
  /** The municipality's latest figure, or undefined when there are no figures yet. */
  latest?: { series: string; value: string; period: string };
  /** The comparison series at the same period, with the gap in points for shares. */
  comparison?: { series: string; value: string; gap?: string };
  /** The target as the strategy words it, or as computed from the target's definition. */
  target?: string;
  /** Change of the latest figure since the previous period and since the same period a year before. */
  changePrevious?: string;
  changeYear?: string;
  status: Status;
  statusText: string;
  trend?: Trend;
  trendText: string;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "+2,4 procentpoint" for shares (and changes of shares), "+12" or "−1,5 uger" otherwise. */
function formatChange(change: number | undefined, indicator: Indicator, decimals: number): string | undefined {
  if (change === undefined) return undefined;
  if (indicator.unit === "pct." || indicator.unit === "procentpoint") return formatPoints(change, decimals);
  if (indicator.unit === "uger") return `${formatSigned(change, decimals)} uger`;
  return formatSigned(change, decimals);
}

export function overviewRow(indicator: Indicator, url?: string): OverviewRow {
  const decimals = indicatorDecimals(indicator);
  const primary = primarySeries(indicator);
  const last = primary && latest(primary);
  const other = comparisonSeries(indicator);
  const otherValue = last && other && other !== primary ? other.observations.find((o) => o.period === last.period) : undefined;
  const gap = primary && other && otherValue && indicator.unit === "pct." ? gapTo(primary, other) : undefined;
  const direction = primary ? trend(primary) : undefined;
  const target = indicator.target?.label ?? targetText(indicator);
  return {
    id: indicator.id,
    goal: indicator.goal,
    title: indicator.title,
    url,
    latest: primary && last ? { series: primary.name, value: formatValue(last.value, indicator.unit, decimals), period: formatPeriod(last.period) } : undefined,
    comparison:
      other && otherValue
        ? { series: other.name, value: formatValue(otherValue.value, indicator.unit, decimals), gap: gap === undefined ? undefined : formatPoints(gap, decimals) }
        : undefined,
    target: target ? capitalize(target) : undefined,
    changePrevious: primary ? formatChange(changeSincePrevious(primary), indicator, decimals) : undefined,
    changeYear: primary ? formatChange(changeSinceYearBefore(primary), indicator, decimals) : undefined,
    status: status(indicator),
    statusText: statusText(indicator),
    trend: direction,
    trendText: direction ? capitalize(direction) : "For få tal",
  };
}

/** One row per key figure ("nøgletal"), ordered by goal and then title. */
export function overviewRows(indicators: Iterable<Indicator>, chartUrl: (id: string) => string | undefined = () => undefined): OverviewRow[] {
  return [...indicators]
    .filter((indicator) => indicator.kind === "nøgletal")
    .sort((a, b) => a.goal - b.goal || a.title.localeCompare(b.title, "da"))
    .map((indicator) => overviewRow(indicator, chartUrl(indicator.id)));
}
