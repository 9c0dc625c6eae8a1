// Every chart kind over the synthetic fixtures in test/fixtures/charts ("syntetiske testdata"), at
// each width it is drawn: the SVG as a file snapshot (look at them: test/unit/__snapshots__/charts/),
// and what must hold in all of them. Layout in a browser: test/e2e/chart-layout.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { dataTableView, summary, tableNotes } from "../../scripts/charts/describe.ts";
import { specToSvg } from "../../scripts/charts/render.ts";
import { chartKind, DEFAULT_THEME, FONT_SIZE, indicatorSpec, LAYOUTS, periodRange, timeLabels, wrapText } from "../../scripts/charts/spec.ts";
import { formatPeriod, formatValue } from "../../scripts/lib/danish.ts";
import { measureSpacedText } from "../../scripts/lib/fonts.ts";
import { indicatorDecimals } from "../../scripts/indicators/wording.ts";
import type { Indicator } from "../../scripts/content/data-schema.ts";
import { validateIndicator } from "../../scripts/content/data-validate.ts";
import { messages } from "../../scripts/messages.ts";
import { ROOT } from "../helpers.ts";

const dir = join(ROOT, "test", "fixtures", "charts");
const fixtures = new Map(
  readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, file), "utf8")) as Indicator]),
);
const get = (name: string) => fixtures.get(name)!;

describe("fixtures", () => {
  it("are synthetic, say so, and are valid indicator files (negative values as changes)", () => {
    for (const [name, indicator] of fixtures) {
      expect(indicator.source).toContain("Syntetiske testdata");
      expect(validateIndicator(indicator, `${name}.json`, []).problems).toEqual([]);
    }
    expect(new Set(["negative", "negative-soejler"].map((name) => get(name).unit))).toEqual(new Set(["ændring i antal", "procentpoint"]));
  });

  it("cover every chart kind", () => {
    expect(new Set([...fixtures.values()].map(chartKind))).toEqual(new Set(["udvikling", "sammenligning", "maal"]));
  });
});

describe.each([...fixtures.keys()])("%s", (name) => {
  it.each(Object.values(LAYOUTS))("drawn $name ($width px): snapshot, full width, 12 px text, nothing cut, minus signs", async (layout) => {
    const indicator = get(name);
    const svg = await specToSvg(indicatorSpec(indicator, DEFAULT_THEME, layout));
    await expect(svg).toMatchFileSnapshot(`__snapshots__/charts/${name}-${layout.name}.svg`);
    const root = parse(svg).querySelector("svg")!;
    expect(Number(root.getAttribute("width"))).toBe(layout.width);
    const texts = root.querySelectorAll("text");
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text.text).not.toMatch(/…|NaN|undefined|-\d/);
      expect(Number.parseFloat(text.getAttribute("font-size") ?? "0")).toBeGreaterThanOrEqual(FONT_SIZE);
    }
    // Each point and bar has a title with its series, its whole period and its figure, and nothing else
    // has one (a <title> in a label would be read with it).
    const marks = root.querySelectorAll(".role-mark.mark-symbol path, .role-mark.mark-rect path");
    expect(marks.length).toBeGreaterThan(0);
    const periods = new Set(indicator.series.flatMap((s) => s.observations.map((o) => formatPeriod(o.period))));
    const withheld = indicator.series.flatMap((s) => (s.suppressed ?? []).map((p) => `${s.name}, ${formatPeriod(p)}: udeladt af diskretionshensyn`));
    for (const mark of marks) {
      const title = mark.querySelector("title")?.text ?? "";
      // The band over a withheld period (shown as ".."): which series lacks which period, and why.
      if (title.endsWith("diskretionshensyn")) {
        for (const line of title.split("\n")) expect(withheld).toContain(line);
        continue;
      }
      const [, series, period, value] = /^(.+), ((?:\S+ )?(?:\d\. kvartal )?\d{4}): (.+)$/.exec(title) ?? [];
      const observation = indicator.series.find((s) => s.name === series)?.observations.find((o) => formatPeriod(o.period) === period);
      expect(observation, `"${title}"`).toBeDefined();
      expect(periods.has(period!)).toBe(true);
      expect(value).toBe(formatValue(observation!.value, indicator.unit, indicatorDecimals(indicator)));
    }
    expect(root.querySelectorAll("title")).toHaveLength(marks.length);
    // Every word of every series name is in the drawing: wrapped, never cut.
    const words = texts.map((t) => t.text).join(" ");
    if (indicator.series.length > 1 || chartKind(indicator) !== "udvikling") {
      for (const series of indicator.series) for (const word of series.name.split(/\s+|(?<=-)/)) expect(words).toContain(word);
    }
  });
});

describe("time axes", () => {
  const months = (n: number) => Array.from({ length: n }, (_, i) => `${2011 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
  const quarters = (n: number) => Array.from({ length: n }, (_, i) => `${2000 + Math.floor(i / 4)}-K${(i % 4) + 1}`);
  const years = (n: number) => Array.from({ length: n }, (_, i) => String(1950 + i));

  it.each([1, 2, 5, 12, 24, 36, 60, 120])("labels %i periods of each kind so that no two touch, at every drawn width", (count) => {
    for (const periods of [months(count), quarters(count), years(count)]) {
      for (const plot of [150, 200, 300, 450, 560]) {
        const px = plot / periods.length;
        const labels = timeLabels(periods, px);
        expect(labels.length).toBeGreaterThan(0);
        for (let i = 1; i < labels.length; i++) {
          const room = (labels[i]!.index - labels[i - 1]!.index) * px;
          const needed = (measureSpacedText(labels[i]!.label, FONT_SIZE) + measureSpacedText(labels[i - 1]!.label, FONT_SIZE)) / 2;
          expect(room).toBeGreaterThanOrEqual(needed);
        }
      }
    }
  });

  it("formats labels by span: months only when few, then quarters, then years", () => {
    expect(timeLabels(months(6), 80).map((l) => l.label)).toEqual(["jan. 2011", "feb. 2011", "mar. 2011", "apr. 2011", "maj 2011", "jun. 2011"]);
    expect(timeLabels(quarters(4), 100).map((l) => l.label)).toEqual(["1. kvt. 2000", "2. kvt. 2000", "3. kvt. 2000", "4. kvt. 2000"]);
    expect(timeLabels(months(36), 500 / 36).map((l) => l.label)).toEqual(["jan. 2011", "jul. 2011", "jan. 2012", "jul. 2012", "jan. 2013", "jul. 2013"]);
    expect(timeLabels(months(36), 200 / 36).map((l) => l.label)).toEqual(["2011", "2012", "2013"]);
    expect(timeLabels(months(120), 200 / 120).map((l) => l.label)).toEqual(["2012", "2014", "2016", "2018", "2020"]);
  });

  it("keeps a period that every series lacks on the axis and in the table, as a gap and '–' with a note", async () => {
    const indicator = get("kvartaler-hul");
    expect(periodRange(indicator)).toContain("2019-K2");
    const table = dataTableView(indicator, "t");
    const row = table.rows.find((r) => r.period === "2. kvartal 2019")!;
    expect(row.cells.map((cell) => cell.value)).toEqual(["–", "–"]);
    const withheld = table.rows.find((r) => r.period === "4. kvartal 2020")!;
    expect(withheld.cells[0]?.value).toBe("..");
    expect(tableNotes(indicator)).toEqual(["\u002e\u002e betyder, at tallet er udeladt af diskretionshensyn.", "– betyder, at der ikke er tal for perioden."]);
    // The line breaks at the gap instead of joining its neighbours: each series' path has three pieces (gap, withheld).
    const svg = parse(await specToSvg(indicatorSpec(indicator)));
    const lines = svg.querySelectorAll(".mark-line path").filter((p) => !p.getAttribute("stroke-dasharray"));
    expect(lines.map((p) => (p.getAttribute("d")!.match(/M/g) ?? []).length).sort()).toEqual([2, 3]);
    expect(svg.querySelectorAll("text").map((t) => t.text)).toContain("..");
  });

  it("draws a trend only where the latest periods have figures, and says so", () => {
    const fixture = get("kvartaler-hul");
    const [own, ...others] = fixture.series;
    // Withheld in the third-latest quarter: no trend over the latest four, and the chart draws none.
    const gap = { ...fixture, series: [{ ...own!, observations: own!.observations.filter((o) => o.period !== "2021-K2"), suppressed: ["2021-K2"] }, ...others] };
    expect(summary(gap)).toContain("Der er ingen tendens, fordi ikke alle de seneste 4 perioder har tal.");
    const trends = (indicatorSpec(gap) as unknown as { layer: { mark: { strokeDash?: number[] }; data?: { values: { series: string }[] } }[] }).layer.find(
      (l) => l.mark.strokeDash?.[0] === 5,
    )!;
    expect(new Set(trends.data!.values.map((v) => v.series))).toEqual(new Set(["Hele landet"]));
    const latest = {
      ...fixture,
      series: [{ ...own!, observations: own!.observations.filter((o) => o.period !== "2021-K4"), suppressed: ["2020-K4", "2021-K4"] }, ...others],
    };
    expect(summary(latest)).toContain("Tallet for 4. kvartal 2021 er udeladt af diskretionshensyn.");
    expect(summary(get("maaneder-36"))).toMatch(/Tendensen over de seneste 4 perioder er (stigende|faldende)\. Tendensen er den rette linje/);
  });
});

describe("series and names", () => {
  it("tells 8 series apart by colour and shape, the municipality's own first and strongest", () => {
    const spec = JSON.stringify(indicatorSpec(get("otte-serier")));
    const layers = (
      JSON.parse(spec) as {
        layer: { mark: { type: string; strokeWidth?: number }; encoding?: { color?: { scale?: { range: string[] } }; shape?: { scale: { range: string[] } } } }[];
      }
    ).layer;
    const point = layers.find((l) => l.mark.type === "point")!;
    expect(new Set(point.encoding!.shape!.scale.range).size).toBe(8);
    expect(new Set(point.encoding!.color!.scale!.range).size).toBe(8);
    const lines = layers.filter((l) => l.mark.type === "line" && l.mark.strokeWidth);
    expect(lines.at(-1)!.mark.strokeWidth).toBeGreaterThan(lines[0]!.mark.strokeWidth!);
  });

  it("refuses more than 8 series with a Danish message that names the file and path and suggests a table", () => {
    const indicator = get("otte-serier");
    const nine = { ...indicator, series: [...indicator.series, { name: "Niende", observations: [] }] };
    const { problems } = validateIndicator(nine, "data/indicators/x.json", []);
    expect(problems).toEqual([expect.objectContaining({ file: "data/indicators/x.json", path: "series" })]);
    expect(problems[0]!.message).toContain("9 serier");
    expect(problems[0]!.hint).toContain("tabel");
  });

  it("wraps long names at spaces and hyphens, never cutting a word", () => {
    const name = "Dansk og vestlig herkomst, jobparate kontanthjælpsmodtagere i alt";
    const lines = wrapText(name, 150);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(name);
    expect(wrapText("Ikke-vestlig herkomst", 60)).toEqual(["Ikke-", "vestlig", "herkomst"]);
  });

  it("writes negative figures with the minus sign U+2212", () => {
    const cells = dataTableView(get("negative"), "t").rows.flatMap((row) => row.cells.map((cell) => cell.value));
    const texts = [summary(get("negative")), ...cells].join(" ");
    expect(texts).toContain("\u2212");
    expect(texts).not.toMatch(/-\d/);
  });
});

describe("changes, which may be negative", () => {
  it("are accepted in the units for changes and refused in a share or a count, with the unit for changes as the remedy", () => {
    const changes = get("negative");
    for (const name of ["negative", "negative-soejler"]) {
      expect(validateIndicator({ ...get(name), target: { kind: "value", value: -5, direction: "lower" } }, "data/indicators/x.json", []).problems).toEqual([]);
    }
    const share = {
      ...changes,
      unit: "pct.",
      series: [
        {
          name: "Testby",
          observations: [
            { period: "2019-01", value: 4 },
            { period: "2019-02", value: -0.5 },
          ],
        },
      ],
    };
    expect(validateIndicator(share, "data/indicators/x.json", []).problems).toEqual([
      { file: "data/indicators/x.json", path: "series[0].observations[1].value", ...messages.negativeValue(-0.5, "pct.", "procentpoint") },
    ]);
    expect(validateIndicator({ ...changes, unit: "antal" }, "data/indicators/x.json", []).problems[0]).toMatchObject(
      messages.negativeValue(-140, "antal", "ændring i antal"),
    );
    expect(
      validateIndicator(
        { ...share, series: [{ name: "Testby", observations: [{ period: "2019-01", value: 4 }] }], target: { kind: "value", value: -1, direction: "lower" } },
        "x.json",
        [],
      ).problems,
    ).toEqual([{ file: "x.json", path: "target.value", ...messages.negativeValue(-1, "pct.", "procentpoint") }]);
    // A change of a share is at most 100 points either way.
    expect(
      validateIndicator({ ...share, unit: "procentpoint", series: [{ name: "Testby", observations: [{ period: "2019-01", value: -101 }] }] }, "x.json", []).problems[0],
    ).toMatchObject(messages.outOfRange(-101, "procentpoint", "\u2212100 til 100"));
  });

  it("draw a zero line, axis labels and figures with U+2212, and read with their sign in the summary and table", async () => {
    for (const [name, layer] of [
      ["negative", "mark-rule"],
      ["negative-soejler", "mark-rule"],
    ] as const) {
      const svg = parse(await specToSvg(indicatorSpec(get(name))));
      const zero = svg.querySelectorAll(`.role-mark.${layer} line`).filter((l) => l.getAttribute("stroke") === "#767676");
      expect(zero, name).toHaveLength(1);
      const labels = svg.querySelectorAll(".role-axis-label text").map((t) => t.text);
      expect(
        labels.some((l) => l.startsWith("\u2212")),
        name,
      ).toBe(true);
      expect(labels.join(" ")).not.toMatch(/-\d/);
    }
    // Without values below zero, no zero line beyond the axis.
    expect(
      parse(await specToSvg(indicatorSpec(get("maaneder-36"))))
        .querySelectorAll(".role-mark.mark-rule line")
        .filter((l) => l.getAttribute("stroke") === "#767676"),
    ).toEqual([]);
    expect(summary(get("negative"))).toMatch(/^Testby: \+135 i december 2019; hele landet: \+52\. Tendensen/);
    expect(summary(get("negative-soejler"))).toBe(
      "Testby: \u22121,4 procentpoint i juni 2020; hele landet: +0,3 procentpoint; Region Hovedstaden: \u22120,6 procentpoint.",
    );
    const cells = dataTableView(get("negative"), "t").rows[0]!.cells.map((cell) => cell.value);
    expect(cells).toEqual(["\u2212140", "\u221280"]);
  });
});
