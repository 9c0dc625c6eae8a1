// The chart stage: every indicator of the model rendered once, concurrently, through the cache.
import type { Model } from "../content/load.ts";
import { indicatorSpec, DEFAULT_THEME, type ChartTheme } from "./spec.ts";
import type { TopLevelSpec } from "vega-lite";
import { LIMITS } from "../limits.ts";
import { messages, ValidationError } from "../messages.ts";
import { renderCached, type ChartCache } from "./render.ts";
import { ChartBudgetError, ChartWorkers } from "./worker.ts";

export interface ChartResult {
  svgs: Map<string, string>;
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
  const svgs = new Map<string, string>();
  let rendered = 0;
  let cached = 0;
  const withData = [...model.indicators.values()].filter((i) => i.series.some((s) => s.observations.length > 0));
  // A few at a time: every Vega view in flight holds its scenegraph in memory.
  const queue = [...withData];
  // Rendered in worker threads with a time and memory budget; started only if the cache misses.
  let workers: ChartWorkers | undefined;
  const inWorker = (spec: TopLevelSpec) => (workers ??= new ChartWorkers()).render(spec);
  const worker = async () => {
    for (let indicator = queue.shift(); indicator; indicator = queue.shift()) {
      try {
        const result = await renderCached(indicatorSpec(indicator, theme), cache, inWorker);
        svgs.set(indicator.id, result.svg);
        if (result.cached) cached++;
        else rendered++;
      } catch (error) {
        if (error instanceof ChartBudgetError) {
          const what = error.budget === "time" ? `det tog mere end ${LIMITS.chartMs / 1000} sekunder at tegne` : `det brugte mere end ${LIMITS.chartHeapMib} MiB hukommelse`;
          throw new ValidationError([{ file: `data/indicators/${indicator.id}.json`, path: "chart", ...messages.chartBudget(what) }]);
        }
        throw new Error(`Diagrammet for indikatoren "${indicator.id}" kunne ikke tegnes: ${(error as Error).message}`, { cause: error });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    await workers?.close();
  }
  return { svgs, rendered, cached };
}
