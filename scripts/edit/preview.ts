// The editor's preview of an unsaved file, made by the site's own pieces: the markdown-it factory,
// include expansion, chart figures (Vega-Lite → SVG) and data tables. When the project has
// problems there is no validated model to draw from, so charts, tables and includes are named.
import { posix, resolve } from "node:path";
import { chartCache, renderCached, type ChartCache } from "../charts/render.ts";
import { indicatorSpec, LAYOUTS } from "../charts/spec.ts";
import { themeFor, type ChartDrawings } from "../charts/stage.ts";
import type { Model } from "../content/load.ts";
import { escapeHtml } from "../lib/html.ts";
import { scalarText } from "../lib/scalar.ts";
import { chartHtml, tableHtml } from "../site/figures.ts";
import { createMarkdown } from "../site/markdown.ts";
import { createTemplates } from "../site/templates.ts";
import type { Draft } from "./check.ts";
import { formatOf } from "./config.ts";

// One in-memory cache for the editor's lifetime: a chart is drawn again only when its data changed.
const cache: ChartCache = chartCache();
// The site's templates (this checkout's), for the figures and tables the preview draws.
const templates = createTemplates(resolve(import.meta.dirname, "../../templates"));

async function chartSvgs(model: Model, ids: readonly string[]): Promise<Map<string, ChartDrawings>> {
  const theme = themeFor(model);
  const drawings = new Map<string, ChartDrawings>();
  for (const id of new Set(ids)) {
    const indicator = model.indicators.get(id);
    if (!indicator || indicator.series.every((series) => series.observations.length === 0)) continue;
    // The same two widths as the site (LAYOUTS in spec.ts): the figure picks one per screen.
    const wide = await renderCached(indicatorSpec(indicator, theme, LAYOUTS.wide), cache);
    const narrow = await renderCached(indicatorSpec(indicator, theme, LAYOUTS.narrow), cache);
    drawings.set(id, { wide: wide.svg, narrow: narrow.svg });
  }
  return drawings;
}

const named = (what: string, id: string) => `<p class="edit-directive">${escapeHtml(what)}: <code>${escapeHtml(id)}</code></p>`;

/**
 * HTML for the preview pane: the page as the site shows it (title, goal, text with charts and
 * tables), an indicator's chart figure or a table. `model` is the project with the draft in place,
 * when it has no problems.
 */
export async function previewHtml(draft: Draft, model: Model | undefined): Promise<string> {
  const format = formatOf(draft.path);
  if (format === "indicator") {
    const id = scalarText(draft.data.id);
    const indicator = model?.indicators.get(id);
    if (!model || !indicator) return named("Diagram", id);
    return chartHtml(templates, indicator, (await chartSvgs(model, [id])).get(id), { open: true });
  }
  if (format === "table") {
    const table = model?.tables.get(scalarText(draft.data.id));
    return table ? tableHtml(templates, table) : named("Tabel", scalarText(draft.data.id));
  }
  if (format === "site" || format === undefined) return "";

  const key = draft.path.replace(/^content\//, "").replace(/\.md$/, "");
  const page = model?.pages.get(key);
  // With a valid model: every chart of the project is drawn once (then cached), as includes may bring any.
  const svgs = model ? await chartSvgs(model, [...model.indicators.keys()]) : new Map<string, ChartDrawings>();
  const { md, renderPage } = createMarkdown({
    chart: (id) => {
      const indicator = model?.indicators.get(id);
      return indicator ? chartHtml(templates, indicator, svgs.get(id)) : named("Diagram", id);
    },
    table: (id) => {
      const table = model?.tables.get(id);
      return table ? tableHtml(templates, table) : named("Tabel", id);
    },
  });
  let content: string;
  if (model && page) content = renderPage(page, model.pages, { docId: "forhaandsvisning" });
  else {
    const body = (draft.body ?? "").replace(/^:::[ \t]+include[ \t]+(\S+).*$/gm, (_line, included: string) => `*Her indsættes siden ${included}.*`);
    try {
      content = md.render(body, { docId: "forhaandsvisning" });
    } catch {
      // A line the check reports (shown above the preview) stops rendering: the text is shown as written.
      content = `<pre>${escapeHtml(body)}</pre>`;
    }
  }
  const title = escapeHtml(scalarText(draft.data.title ?? posix.basename(key)));
  const goal =
    draft.data.goal_text !== undefined && draft.data.goal_text !== ""
      ? `<p class="goal"><strong>Mål ${escapeHtml(scalarText(draft.data.goal))}:</strong> ${escapeHtml(scalarText(draft.data.goal_text))}</p>`
      : "";
  return `<h1>${title}</h1>${goal}${content}`;
}
