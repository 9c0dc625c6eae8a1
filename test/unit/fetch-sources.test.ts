// The source map's format and the real data/sources.json: every series of the example content is
// either fetched or says why it keeps its manual figures.
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSources, sourceMapProblems } from "../../scripts/fetch/sources.ts";
import { selectPeriods } from "../../scripts/fetch/statbank.ts";
import type { Indicator } from "../../scripts/content/data-schema.ts";
import { ROOT } from "../helpers.ts";

describe("the source map", () => {
  it("data/sources.json names every series of every indicator exactly once", async () => {
    const dir = join(ROOT, "data/indicators");
    const indicators = new Map<string, string[]>();
    for (const file of await readdir(dir)) {
      const indicator = JSON.parse(await readFile(join(dir, file), "utf8")) as Indicator;
      indicators.set(
        indicator.id,
        indicator.series.map((s) => s.name),
      );
    }
    const { sources, problems } = parseSources(await readFile(join(ROOT, "data/sources.json"), "utf8"), new Set(indicators.keys()));
    expect(problems).toEqual([]);
    const mapped = sources!.series.map((e) => `${e.indicator} / ${e.series}`).sort();
    const all = [...indicators].flatMap(([id, names]) => names.map((name) => `${id} / ${name}`)).sort();
    expect(mapped).toEqual(all);
    for (const entry of sources!.series) {
      // A manual series says why no public table has the figure, never that nobody has looked yet;
      // a fetched one says what was checked and what the dry run must confirm.
      if (entry.source === "manuel") {
        expect(entry.reason.length).toBeGreaterThan(20);
        expect(entry.reason).not.toMatch(/ikke slået op|endnu ikke undersøgt/);
      } else expect(entry.note).toMatch(/Tjekket.*--dry-run/s);
    }
  });

  it("reports a mistake with the file and the JSON path", () => {
    const text = JSON.stringify({
      series: [
        { indicator: "m1-job", series: "Testby", source: "statistikbanken", table: "AUS08", area: { variable: "OMRÅDE", code: "151" } },
        { indicator: "m1-job", series: "Testby", source: "manuel", reason: "To gange." },
        { indicator: "m9-ukendt", series: "X", source: "jobindsats", table: "y1", area: { hierarchy: "_nykom", value: "X" }, measure: "M", periods: "alle" },
      ],
    });
    expect(parseSources(text, new Set(["m1-job"])).problems.map((p) => `${p.file} ${p.path}`)).toEqual(["data/sources.json series[2].periods"]);
    const fixed = text.replace('"alle"', '"latest:12"');
    expect(parseSources(fixed, new Set(["m1-job"])).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'series[1]: Serien "Testby" i "m1-job" står mere end én gang i data/sources.json.',
      'series[2].indicator: Indikatoren "m9-ukendt" findes ikke i data/indicators/.',
    ]);
  });

  it("is checked by npm run check when there is one", async () => {
    const root = await mkdtemp(join(tmpdir(), "bp-sources-"));
    try {
      expect(await sourceMapProblems(root, new Set())).toEqual([]);
      await mkdir(join(root, "data"));
      await writeFile(join(root, "data/sources.json"), '{ "series": [ { "indicator": "m1-job" } ] }');
      const problems = await sourceMapProblems(root, new Set(["m1-job"]));
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]!.file).toBe("data/sources.json");
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("picks Statistikbanken's time codes as its documentation describes", () => {
    const codes = ["2009K4", "2010K1", "2010K2", "2015K4", "2016K1"];
    expect(selectPeriods("*", codes, "T")).toEqual(codes);
    expect(selectPeriods(">=2010K1<=2015K4", codes, "T")).toEqual(["2010K1", "2010K2", "2015K4"]);
    expect(selectPeriods(">2015K4, 2009k4", codes, "T")).toEqual(["2009K4", "2016K1"]);
    expect(() => selectPeriods(">=2030K1", codes, "T")).toThrow("T har ingen periode");
  });
});
