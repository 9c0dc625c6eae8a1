// Indicator -> Vega-Lite -> SVG: Danish numbers, the site's font, the target, trend lines, and a
// summary computed from the figures. Figures here are synthetic.
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { summary } from "../../scripts/charts/describe.ts";
import { cacheKey, chartCache, renderCached, specToSvg } from "../../scripts/charts/render.ts";
import { chartKind, indicatorSpec, LAYOUTS, spreadLabels } from "../../scripts/charts/spec.ts";
import type { Indicator } from "../../scripts/content/data-schema.ts";
import { chartHtml } from "../../scripts/site/figures.ts";
import { templates } from "../templates.ts";

const quarters: Indicator = {
  id: "m1-syntetisk",
  goal: 1,
  kind: "nøgletal",
  title: "Andel i job (syntetisk)",
  unit: "pct.",
  source: "Syntetiske data",
  extracted: "2030-01-10",
  series: [
    {
      name: "Testby",
      observations: [
        ["2029-K1", 40.5],
        ["2029-K2", 42],
        ["2029-K3", 43.5],
        ["2029-K4", 45],
      ].map(([period, value]) => ({ period: period as string, value: value as number })),
    },
    { name: "Hele landet", observations: [{ period: "2029-K4", value: 44.5 }] },
  ],
  target: { kind: "value", value: 50, direction: "higher" },
};
const single: Indicator = {
  ...quarters,
  id: "m1-en",
  series: [{ name: "Testby", observations: [{ period: "2020-08", value: 79.5 }] }],
  target: { kind: "value", value: 100, direction: "higher" },
};

describe("chart kind", () => {
  it("follows the data, unless the editor chose", () => {
    expect(chartKind(quarters)).toBe("udvikling");
    expect(chartKind(single)).toBe("maal");
    expect(chartKind({ ...single, target: undefined, series: [...single.series, { name: "Hele landet", observations: [{ period: "2020-08", value: 70 }] }] })).toBe(
      "sammenligning",
    );
    expect(chartKind({ ...single, chart: { kind: "sammenligning" } })).toBe("sammenligning");
  });
});

describe("SVG", () => {
  it("draws a development chart with Danish numbers, the target, a dashed trend and the site's font", async () => {
    const svg = await specToSvg(indicatorSpec(quarters));
    const root = parse(svg);
    const texts = root.querySelectorAll("text").map((t) => t.text);
    expect(texts).toContain("45,0 pct.");
    expect(texts).toContain("Mål: 50,0 pct.");
    expect(texts).toContain("4. kvt. 2029");
    expect(texts.join(" ")).not.toMatch(/\d\.\d pct|NaN|undefined/);
    expect(svg).toContain("Source Sans 3");
    expect(root.querySelectorAll("path").some((p) => (p.getAttribute("stroke-dasharray") ?? "").startsWith("5"))).toBe(true);
  });

  it("draws a single figure against its target", async () => {
    const texts = parse(await specToSvg(indicatorSpec(single)))
      .querySelectorAll("text")
      .map((t) => t.text);
    expect(texts).toContain("79,5 pct.");
    expect(texts).toContain("Mål: 100,0 pct.");
  });

  it("writes the target in the indicator's precision, in every chart kind and drawing, as in the summary", async () => {
    // One decimal from the figures (79,5), or as many as the data file's `decimals` says; the target 50 is written alike.
    for (const [indicator, goal] of [
      [quarters, "Mål: 50,0 pct."],
      [{ ...quarters, decimals: 2 }, "Mål: 50,00 pct."],
      [{ ...quarters, decimals: 0 }, "Mål: 50 pct."],
      [{ ...single, decimals: 2, target: { kind: "value", value: 80, direction: "higher" } }, "Mål: 80,00 pct."],
    ] as [Indicator, string][]) {
      for (const layout of Object.values(LAYOUTS)) {
        const texts = parse(await specToSvg(indicatorSpec(indicator, undefined, layout)))
          .querySelectorAll("text")
          .map((t) => t.text);
        expect(texts, `${indicator.id} ${layout.name}`).toContain(goal);
      }
      expect(summary(indicator)).toContain(`Målet er ${goal.slice("Mål: ".length)}`);
    }
  });

  it("renders a custom spec with the indicator's data and without fetching anything", async () => {
    const custom: Indicator = {
      ...quarters,
      chart: { spec: { mark: "bar", encoding: { x: { field: "period", type: "ordinal" }, y: { field: "value", type: "quantitative" } } } },
    };
    expect(parse(await specToSvg(indicatorSpec(custom))).querySelectorAll("path").length).toBeGreaterThan(0);
    const fetching = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", data: { url: "https://example.org/data.json" }, mark: "bar" };
    await expect(specToSvg(fetching as never)).rejects.toThrow();
  });
});

describe("cache", () => {
  it("keys on the spec and serves the second render from the cache", async () => {
    const spec = indicatorSpec(single);
    expect(cacheKey(spec)).toBe(cacheKey(indicatorSpec(single)));
    expect(cacheKey(spec)).not.toBe(cacheKey(indicatorSpec(quarters)));
    const cache = chartCache();
    expect((await renderCached(spec, cache)).cached).toBe(false);
    expect((await renderCached(spec, cache)).cached).toBe(true);
  });
});

describe("words beside the chart", () => {
  it("summarises the latest value, the comparison, the trend and the target in Danish", () => {
    expect(summary(single)).toBe("79,5 pct. i august 2020. Målet er 100,0 pct.");
    expect(summary(quarters)).toBe(
      "Testby: 45,0 pct. i 4. kvartal 2029; hele landet: 44,5 pct. Forskellen til hele landet er +0,5 procentpoint. Tendensen over de seneste 4 perioder er stigende. Tendensen er den rette linje gennem de seneste 4 perioder og vises kun, når de alle har tal. Målet er 50,0 pct.",
    );
  });

  it("labels the SVG with the title and summary, and gives the data as a table", () => {
    const figure = parse(chartHtml(templates, quarters, { wide: "<svg></svg>", narrow: "<svg></svg>" }));
    expect(figure.querySelectorAll("svg").map((svg) => svg.parentNode!.classList.value)).toEqual([
      ["chart-drawing", "chart-wide"],
      ["chart-drawing", "chart-narrow"],
    ]);
    const [title, resume] = figure.querySelector("svg")!.getAttribute("aria-labelledby")!.split(" ");
    expect(figure.querySelector(`#${title}`)?.text).toBe("Andel i job (syntetisk)");
    expect(figure.querySelector(`#${resume}`)?.text).toContain("45,0 pct.");
    expect(figure.querySelectorAll("tbody tr").map((tr) => tr.querySelector("th")?.text)).toEqual([
      "1. kvartal 2029",
      "2. kvartal 2029",
      "3. kvartal 2029",
      "4. kvartal 2029",
    ]);
  });

  it("writes every text of the figure as text, never as markup", () => {
    const hostile = '<script>alert("x")</script> & co';
    const html = chartHtml(
      templates,
      { ...quarters, title: hostile, question: hostile, source: hostile, series: quarters.series.map((s) => ({ ...s, name: hostile })) },
      { wide: "<svg></svg>", narrow: "<svg></svg>" },
    );
    expect(html).not.toContain("<script>");
    const figure = parse(html);
    expect(figure.querySelector(".chart-title")?.text).toBe(hostile);
    expect(figure.querySelector("td")?.getAttribute("data-label")).toBe(hostile);
    expect(figure.querySelector(".chart-source")?.text).toContain(`Kilde: ${hostile}.`);
  });

  it("says so when an indicator has no figures yet", () => {
    const figure = parse(chartHtml(templates, { ...single, series: [] }, undefined));
    expect(figure.querySelector("svg")).toBeNull();
    expect(figure.text).toContain("Der er endnu ingen tal");
  });
});

it("spreads end labels that would overlap, inside the plot", () => {
  const rows = spreadLabels([{ y: 10 }, { y: 12 }, { y: 100 }, { y: 199 }, { y: 200 }], 15, 200);
  const ys = rows.map((r) => r.labelY).sort((a, b) => a - b);
  ys.slice(1).forEach((y, i) => expect(y - ys[i]!).toBeGreaterThanOrEqual(15 - 1e-9));
  expect(ys[0]).toBeGreaterThanOrEqual(0);
  expect(ys.at(-1)).toBeLessThanOrEqual(200);
  expect(ys[2]).toBe(100);
});
