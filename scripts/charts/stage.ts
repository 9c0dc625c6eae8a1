// The chart stage: every indicator of the model rendered once, concurrently, through the cache.
import pMap from "p-map";
import type { Model } from "../content/load.ts";
import { indicatorSpec, DEFAULT_THEME, LAYOUTS, type ChartTheme } from "./spec.ts";
import type { TopLevelSpec } from "vega-lite";
import { LIMITS } from "../limits.ts";
import { messages, ValidationError } from "../messages.ts";
import { renderCached, specToSvg, type ChartCache } from "./render.ts";
import { ChartBudgetError, ChartWorkers } from "./worker.ts";

/** An indicator's chart drawn at each width it is shown at (see LAYOUTS in spec.ts). */
export interface ChartDrawings {
  /** The PDF's text column and wide screens. */
  wide: string;
  /** Phones: the text column of a 320 px screen. */
  narrow: string;
}

export interface ChartResult {
  svgs: Map<string, ChartDrawings>;
  rendered: number;
  cached: number;
}

export function themeFor(model: Model): ChartTheme {
  const colors = model.site.colors;
  const series = colors.series ?? [colors.primary, colors.accent, ...DEFAULT_THEME.series.slice(2)];
  return { ...DEFAULT_THEME, series };
}

const CONCURRENCY = 4;

export async function renderCharts(model: Model, cache: ChartCache): Promise<ChartResult> {
  const theme = themeFor(model);
  const svgs = new Map<string, ChartDrawings>();
  let rendered = 0;
  let cached = 0;
  const withData = [...model.indicators.values()].filter((i) => i.series.some((s) => s.observations.length > 0));
  // A few at a time: every Vega view in flight holds its scenegraph in memory.
  // A custom spec from a data file can ask Vega for unbounded work, so it is rendered in a worker
  // thread with a time and memory budget, started only if the cache misses. The project's own specs
  // are bounded by the data limits (LIMITS) and drawn here: starting workers would cost more than
  // the drawing (chart_overhead in `npm run bench`).
  let workers: ChartWorkers | undefined;
  const inWorker = (spec: TopLevelSpec) => (workers ??= new ChartWorkers()).render(spec);
  const renderOne = async (indicator: (typeof withData)[number]) => {
    const draw = indicator.chart?.spec ? inWorker : specToSvg;
    try {
      const wide = await renderCached(indicatorSpec(indicator, theme, LAYOUTS.wide), cache, draw);
      const narrow = await renderCached(indicatorSpec(indicator, theme, LAYOUTS.narrow), cache, draw);
      svgs.set(indicator.id, { wide: wide.svg, narrow: narrow.svg });
      if (wide.cached && narrow.cached) cached++;
      else rendered++;
    } catch (error) {
      if (error instanceof ChartBudgetError) {
        const what =
          error.budget === "time" ? `det tog mere end ${LIMITS.chartMs / 1000} sekunder at tegne` : `det brugte mere end ${LIMITS.chartHeapMib} MiB hukommelse`;
        throw new ValidationError([{ file: `data/indicators/${indicator.id}.json`, path: "chart", ...messages.chartBudget(what) }]);
      }
      throw new Error(`Diagrammet for indikatoren "${indicator.id}" kunne ikke tegnes: ${(error as Error).message}`, { cause: error });
    }
  };
  try {
    await pMap(withData, renderOne, { concurrency: CONCURRENCY });
  } finally {
    await workers?.close();
  }
  return { svgs, rendered, cached };
}
