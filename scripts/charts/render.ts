// Vega-Lite spec -> static SVG in Node, with the Danish locale, the site's font metrics, no
// `eval` (Vega's expression interpreter) and a content-addressed cache so unchanged charts cost nothing.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as vega from "vega";
import { expressionInterpreter } from "vega-interpreter";
import { compile, type TopLevelSpec } from "vega-lite";
import { measureSpacedText } from "../lib/fonts.ts";

// Bump when the rendering code changes in a way that changes SVGs.
const RENDERER_VERSION = `3/${vega.version}`;

type TextMetrics = { width: (item: { fontSize?: number; fontWeight?: number | string }, text: string) => number };

let configured = false;
function configureVega(): void {
  if (configured) return;
  configured = true;
  vega.formatLocale({ decimal: ",", thousands: ".", grouping: [3], currency: ["", " kr."] });
  vega.timeFormatLocale({
    dateTime: "%A den %d. %B %Y %X", date: "%d.%m.%Y", time: "%H:%M:%S",
    periods: ["AM", "PM"],
    days: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    shortDays: ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
    months: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
    shortMonths: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  });
  // Vega estimates text width without a canvas; measure with the real font instead, leaving room
  // for a reader's text-spacing override so that axes and legends are laid out wide enough for it.
  (vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = (item, text) =>
    measureSpacedText(String(text), item.fontSize ?? 11, item.fontWeight ?? 400);
}

/** Vega's own pipeline: compile, parse without eval, render to an SVG string. */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  configureVega();
  // no ARIA roles on the marks either; the <svg role="img"> is described as a whole.
  const vgSpec = compile(spec, { config: { aria: false, mark: { aria: false } } }).spec;
  const runtime = vega.parse(vgSpec, undefined, { ast: true });
  // Vega logs failures (such as a refused data load) instead of throwing; collect them to fail loudly.
  const errors: string[] = [];
  const logger = vega.logger(vega.Error);
  logger.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(" "));
    return logger;
  };
  // A refused data load is only a warning to Vega.
  logger.warn = (...args: unknown[]) => {
    if (args[0] === "Loading failed") errors.push(args.map(String).join(" "));
    return logger;
  };
  const refuse = () => Promise.reject(new Error("Diagrammer må ikke hente data udefra."));
  const view = new vega.View(runtime, {
    renderer: "none",
    expr: expressionInterpreter,
    logger,
    // Custom specs may not fetch anything: data comes from the indicator file.
    loader: { load: refuse, sanitize: refuse } as never,
  });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(errors.join("; "));
    return svg;
  } finally {
    view.finalize();
  }
}

export interface ChartCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, svg: string): Promise<void>;
}

export function cacheKey(spec: TopLevelSpec): string {
  return createHash("sha256").update(RENDERER_VERSION).update(JSON.stringify(spec)).digest("hex").slice(0, 32);
}

/** A cache entry on disk: the SHA-256 of the SVG, a newline, the SVG. */
const entry = (svg: string) => `${createHash("sha256").update(svg).digest("hex")}\n${svg}`;

/** The SVG of an entry read from disk, if it is whole: its checksum matches and it is one <svg> element. */
function verified(text: string): string | undefined {
  const newline = text.indexOf("\n");
  const svg = text.slice(newline + 1);
  const sum = createHash("sha256").update(svg).digest("hex");
  return newline === 64 && text.slice(0, 64) === sum && svg.startsWith("<svg") && svg.trimEnd().endsWith("</svg>") ? svg : undefined;
}

/**
 * A cache in memory in front of one on disk (kept between builds in .cache/charts). Entries are
 * content-addressed (the key is a hash of the spec and the renderer), written atomically (a
 * temporary file renamed into place) and verified when read: a torn or corrupted entry, left by a
 * killed build or a full disk, is removed and the chart rendered again, never published.
 */
export function chartCache(dir?: string): ChartCache {
  const memory = new Map<string, string>();
  const file = (key: string) => join(dir!, `${key}.entry`);
  return {
    async get(key) {
      const hit = memory.get(key);
      if (hit !== undefined || !dir) return hit;
      const text = await readFile(file(key), "utf8").catch(() => undefined);
      if (text === undefined) return undefined;
      const svg = verified(text);
      if (svg === undefined) {
        await rm(file(key), { force: true });
        return undefined;
      }
      memory.set(key, svg);
      return svg;
    },
    async set(key, svg) {
      memory.set(key, svg);
      if (!dir) return;
      const temporary = `${file(key)}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(temporary, entry(svg));
        await rename(temporary, file(key));
      } catch {
        // The cache is only a shortcut: the chart is in memory for this build; the next one renders it again.
        await rm(temporary, { force: true });
      }
    },
  };
}

/** The SVG from the cache, or rendered by `render` (specToSvg here, or in a worker: worker.ts) and cached. */
export async function renderCached(
  spec: TopLevelSpec,
  cache: ChartCache,
  render: (spec: TopLevelSpec) => Promise<string> = specToSvg,
): Promise<{ svg: string; cached: boolean }> {
  const key = cacheKey(spec);
  const hit = await cache.get(key);
  if (hit !== undefined) return { svg: hit, cached: true };
  const svg = await render(spec);
  await cache.set(key, svg);
  return { svg, cached: false };
}
