// Load + validate + charts: what every build (and every dev-server rebuild) needs before Eleventy.
import { renderCharts } from "./charts/stage.ts";
import type { ChartCache } from "./charts/render.ts";
import { loadModel } from "./content/files.ts";
import type { Prepared } from "./site/plugin.ts";

export async function prepareContent(source: string, cache: ChartCache): Promise<Prepared> {
  const model = await loadModel(source);
  const charts = await renderCharts(model, cache);
  return { model, charts: charts.svgs };
}
