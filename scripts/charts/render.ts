// Vega-Lite spec -> static SVG in Node, with the Danish locale, the site's font metrics, no
// `eval` (Vega's expression interpreter) and a content-addressed cache so unchanged charts cost nothing.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as vega from "vega";
import { expressionInterpreter } from "vega-interpreter";
import { compile, type TopLevelSpec } from "vega-lite";
import { measureSpacedText } from "../lib/fonts.ts";
import { scalarText } from "../lib/scalar.ts";

// Bump when the rendering code changes in a way that changes SVGs.
const RENDERER_VERSION = `4/${vega.version}`;

/** What vega-scenegraph's SVG string renderer uses and has no types for: its markup writer and its scene items. */
interface Markup {
  open(tag: string, ...attrs: (object | null)[]): Markup;
  close(): Markup;
  text(text: string): Markup;
}
interface SvgStringRenderer {
  attr(scene: unknown, item: { tooltip?: unknown }, attrs: unknown, tag: string | null): object;
  mark(m: Markup, scene: unknown): Markup;
}
const { SVGStringRenderer } = vega as unknown as { SVGStringRenderer: new (loader: unknown) => SvgStringRenderer };

/**
 * Vega's SVG string renderer, writing each item's `tooltip` as the <title> of its element, which
 * browsers show on hover (Vega shows tooltips only through a browser's event handler, and its string
 * renderer writes none). Only leaf elements (points, bars, lines) get one: a <title> inside <text>
 * would be read with the label. The drawing is one role="img" whose children are presentational, so
 * assistive technology never reads the titles (describe.ts; the data table is the accessible form).
 */
class TitledSvgRenderer extends SVGStringRenderer {
  #title: string | undefined;
  #wrapped = new WeakSet<Markup>();

  // Called for an item's own element right before it is opened (as `m.open(tag, this.attr(…))`);
  // the array of attribute writers tells it apart from a group's background and foreground.
  override attr(scene: unknown, item: { tooltip?: unknown }, attrs: unknown, tag: string | null): object {
    // A tooltip that is not text or a number (an object of fields) is not a title.
    const tooltip = scalarText(item.tooltip);
    if (Array.isArray(attrs) && tag !== null && tag !== "text" && tooltip !== "") this.#title = tooltip;
    return super.attr(scene, item, attrs, tag);
  }

  override mark(m: Markup, scene: unknown): Markup {
    return super.mark(this.#titled(m), scene);
  }

  /** The markup writer, adding the pending title as the first child of the element just opened. */
  #titled(m: Markup): Markup {
    if (this.#wrapped.has(m)) return m;
    const titled: Markup = {
      ...m,
      open: (tag, ...attrs) => {
        m.open(tag, ...attrs);
        const title = this.#title;
        this.#title = undefined;
        if (title !== undefined) m.open("title").text(title).close();
        return titled;
      },
    };
    this.#wrapped.add(titled);
    return titled;
  }
}

type TextMetrics = { width: (item: { fontSize?: number; fontWeight?: number | string }, text: string) => number };

let configured = false;
function configureVega(): void {
  if (configured) return;
  configured = true;
  vega.formatLocale({ decimal: ",", thousands: ".", grouping: [3], currency: ["", " kr."] });
  vega.timeFormatLocale({
    dateTime: "%A den %d. %B %Y %X",
    date: "%d.%m.%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"],
    days: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    shortDays: ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
    months: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
    shortMonths: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  });
  // Vega estimates text width without a canvas; measure with the real font instead, leaving room
  // for a reader's text-spacing override so that axes and legends are laid out wide enough for it.
  (vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = (item, text) => measureSpacedText(String(text), item.fontSize ?? 11, item.fontWeight ?? 400);
  // toSVG() renders with the "svg" module's headless renderer.
  const svg = (vega.renderModule as unknown as (name: string) => vega.RenderModule)("svg");
  vega.renderModule("svg", { ...svg, headless: TitledSvgRenderer as never });
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
