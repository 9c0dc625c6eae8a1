// Charts as readers get them, measured in Chromium: every synthetic fixture chart (test/fixtures/charts)
// in the site's stylesheet at 320, 375 and 1280 px and in the PDF's stylesheet at its text column:
// exactly one drawing shown (and exposed), no two text boxes overlapping, none clipped, chart text at
// least 12 CSS px on screen and 8 pt in print; the same under a WCAG 1.4.12 text-spacing override,
// and readable system colours in forced-colours mode.
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCharts } from "../../scripts/charts/stage.ts";
import { chartCache } from "../../scripts/charts/render.ts";
import type { Indicator } from "../../scripts/content/data-schema.ts";
import { FONT_DIR } from "../../scripts/lib/fonts.ts";
import { ROOT, connectBrowser } from "../helpers.ts";
import type { Model } from "../../scripts/content/load.ts";
import { chartHtml } from "../../scripts/site/figures.ts";
import { templates } from "../templates.ts";

const PDF_COLUMN_PX = (168 / 25.4) * 96;
const SPACING = "* { letter-spacing: 0.12em !important; word-spacing: 0.16em !important; line-height: 1.5 !important; }";
let page: Page;
let screenFile: string;
let printFile: string;
let count = 0;

beforeAll(async () => {
  const dir = join(ROOT, "test", "fixtures", "charts");
  const indicators = await Promise.all(
    (await readdir(dir)).filter((f) => f.endsWith(".json")).map(async (f) => JSON.parse(await readFile(join(dir, f), "utf8")) as Indicator),
  );
  const model = { indicators: new Map(indicators.map((i) => [i.id, i])), site: { colors: { primary: "#1f4e79", accent: "#b3541e" } } } as unknown as Model;
  const { svgs } = await renderCharts(model, chartCache());
  const figures = indicators.map((i) => chartHtml(templates, i, svgs.get(i.id))).join("\n");
  count = indicators.length;
  const font = pathToFileURL(FONT_DIR).href;
  const faces = [400, 600, 700]
    .map((w) => `@font-face { font-family: "Source Sans 3"; font-weight: ${w}; src: url("${font}/source-sans-3-latin-${w}-normal.woff2"); }`)
    .join("\n");
  const head = (sheet: string) =>
    `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Diagrammer</title><style>${faces}
:root { --font: "Source Sans 3", sans-serif; --color-primary: #1f4e79; --color-accent: #b3541e; }</style><link rel="stylesheet" href="${pathToFileURL(join(ROOT, "templates", "assets", sheet)).href}"></head>`;
  const out = await mkdtemp(join(tmpdir(), "bp-charts-"));
  screenFile = join(out, "screen.html");
  printFile = join(out, "print.html");
  await writeFile(screenFile, `${head("site.css")}<body><div class="layout container"><main>${figures}</main></div></body></html>`);
  await writeFile(printFile, `${head("print.css")}<body><main>${figures}</main></body></html>`);
  page = await (await connectBrowser()).newPage();
});

afterAll(async () => {
  await page?.close();
});

interface Box {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  size: number;
}
interface Measured {
  id: string;
  shown: number;
  width: number;
  overflow: boolean;
  texts: Box[];
}

async function measure(file: string, width: number, options: { print?: boolean; spacing?: boolean; forced?: boolean } = {}): Promise<Measured[]> {
  await page.setViewport({ width, height: 900 });
  await page.emulateMediaType(options.print ? "print" : "screen");
  // After the media type, which resets emulated features.
  await page.emulateMediaFeatures([{ name: "forced-colors", value: options.forced ? "active" : "none" }]);
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  if (options.spacing) await page.addStyleTag({ content: SPACING });
  await page.evaluate(() => document.fonts.ready);
  return page.$$eval("figure.chart", (figures) =>
    figures.map((figure) => {
      const shown = [...figure.querySelectorAll(".chart-drawing")].filter((d) => getComputedStyle(d).display !== "none");
      const svg = shown[0]!.querySelector("svg")!;
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      const texts = [...svg.querySelectorAll("text")]
        .filter((t) => (t.textContent ?? "").trim() !== "")
        .map((t) => {
          const r = t.getBoundingClientRect();
          const size = Number.parseFloat(getComputedStyle(t).fontSize) * scale;
          // The em box: the font's ascent and descent make the box taller than the letters.
          const middle = (r.top + r.bottom) / 2;
          return {
            text: t.textContent ?? "",
            left: r.left - box.left,
            right: r.right - box.left,
            top: middle - size / 2 - box.top,
            bottom: middle + size / 2 - box.top,
            size,
          };
        });
      const column = figure.getBoundingClientRect();
      return {
        id: figure.id,
        shown: shown.length,
        width: box.width,
        overflow: box.right > column.right + 0.5 || box.width > column.width + 0.5,
        texts,
        height: box.height,
      } as never;
    }),
  );
}

function problems(charts: Measured[], minSize: number): string[] {
  const found: string[] = [];
  for (const chart of charts) {
    if (chart.shown !== 1) found.push(`${chart.id}: ${chart.shown} drawings shown`);
    if (chart.overflow) found.push(`${chart.id}: wider than its column`);
    const texts = chart.texts;
    for (const t of texts) {
      if (t.size < minSize - 0.01) found.push(`${chart.id}: "${t.text}" at ${t.size.toFixed(1)} px`);
      if (t.left < -0.5 || t.right > chart.width + 0.5 || t.top < -0.5) found.push(`${chart.id}: "${t.text}" clipped`);
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!;
        const b = texts[j]!;
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
        if (overlap) found.push(`${chart.id}: "${a.text}" overlaps "${b.text}"`);
      }
    }
  }
  return found;
}

describe.each([320, 375, 1280])("on a %i px screen", (width) => {
  it("shows one drawing per chart, drawn for the column: no overlap, nothing clipped, text at least 12 px", async () => {
    const charts = await measure(screenFile, width);
    expect(charts).toHaveLength(count);
    expect(problems(charts, 12)).toEqual([]);
  });

  it("keeps every label inside and apart under a text-spacing override (WCAG 1.4.12)", async () => {
    expect(problems(await measure(screenFile, width, { spacing: true }), 12)).toEqual([]);
  });
});

describe("in the PDF's text column", () => {
  it("shows the drawing made for the column at its own size: no overlap, nothing clipped, text at least 8 pt", async () => {
    const charts = await measure(printFile, Math.floor(PDF_COLUMN_PX), { print: true });
    expect(charts.every((c) => Math.abs(c.width - 634) < 0.5)).toBe(true);
    expect(problems(charts, (8 / 72) * 96)).toEqual([]);
    expect(problems(await measure(printFile, Math.floor(PDF_COLUMN_PX), { print: true, spacing: true }), (8 / 72) * 96)).toEqual([]);
  });
});

describe("for assistive technology and forced colours", () => {
  it("exposes one image per chart, at phone and desktop widths, and none of the points' titles", async () => {
    for (const width of [375, 1280]) {
      await measure(screenFile, width);
      // The titles (tooltips) of the points and bars in the drawings shown, one per point.
      const titles = await page.$$eval(".chart-drawing", (drawings) =>
        drawings.filter((d) => getComputedStyle(d).display !== "none").flatMap((d) => [...d.querySelectorAll("title")].map((t) => t.textContent ?? "")),
      );
      expect(titles.length).toBeGreaterThan(count);
      const tree = await page.accessibility.snapshot({ interestingOnly: false });
      const images: string[] = [];
      const names: string[] = [];
      const walk = (node: { role?: string; name?: string; children?: unknown[] } | null) => {
        if (!node) return;
        if (node.role === "image" || node.role === "img") images.push(node.name ?? "");
        names.push(node.name ?? "");
        for (const child of node.children ?? []) walk(child as never);
      };
      walk(tree);
      expect(images).toHaveLength(count);
      // The data table is the accessible form of the figures; a screen reader never meets a point.
      expect(names.filter((name) => titles.some((title) => name.includes(title)))).toEqual([]);
    }
  });

  it("draws chart text and lines in the system's colours in forced-colours mode", async () => {
    for (const width of [375, 1280]) {
      expect(problems(await measure(screenFile, width, { forced: true }), 12)).toEqual([]);
      const colours = await page.evaluate(() => {
        const probe = document.createElement("span");
        probe.style.color = "CanvasText";
        document.body.append(probe);
        const canvasText = getComputedStyle(probe).color;
        const svg = [...document.querySelectorAll(".chart-drawing")].find((d) => getComputedStyle(d).display !== "none")!;
        const fills = new Set([...svg.querySelectorAll("text")].filter((t) => (t.textContent ?? "").trim() !== "").map((t) => getComputedStyle(t).fill));
        const strokes = new Set([...svg.querySelectorAll(".mark-line path")].map((p) => getComputedStyle(p).stroke));
        return { canvasText, fills: [...fills], strokes: [...strokes] };
      });
      expect(colours.fills).toEqual([colours.canvasText]);
      expect(colours.strokes).toEqual([colours.canvasText]);
    }
  });
});
