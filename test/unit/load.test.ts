// buildModel() on in-memory projects: valid input links up; every kind of bad input gets the
// catalogue's message with file and line, all problems at once.
import { describe, expect, it } from "vitest";
import { buildModel } from "../../scripts/content/load.ts";
import { IMPOSSIBLE_DATE, YEARS_RULE } from "../../scripts/content/schema.ts";
import { messages, ValidationError, type Problem } from "../../scripts/messages.ts";
import { files } from "../helpers.ts";

const SITE = JSON.stringify({
  municipality: "Testby Kommune",
  site_title: "Test",
  accessibility_statement: "https://example.org/a",
  contact: { name: "Testby" },
});
const STRATEGY = `---\ntitle: Strategi\nkind: strategi\nrevision: "2030"\nstatus: vedtaget\nchapters: [fokus-1]\n---\n\nTekst.\n`;
const FOCUS = `---\ntitle: Fokus\ngoal: 1\ngoal_text: Flere i job.\n---\n\nTekst.\n`;
// Synthetic indicator for tests.
const indicator = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: "m1-test",
    goal: 1,
    kind: "indikator",
    title: "Test",
    unit: "pct.",
    source: "Test",
    extracted: null,
    series: [{ name: "Testby", observations: [{ period: "2030-K1", value: 50 }] }],
    ...over,
  });

const base = {
  "data/site.json": SITE,
  "content/index.md": "---\ntitle: Forside\n---\n\nHej.\n",
  "content/strategi/2030/index.md": STRATEGY,
  "content/strategi/2030/fokus-1.md": FOCUS,
};

function problems(extra: Record<string, string | Uint8Array>): Problem[] {
  try {
    buildModel(files({ ...base, ...extra }));
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe("a valid project", () => {
  it("links documents, chapters, goals and data", () => {
    const model = buildModel(files({ ...base, "data/indicators/m1-test.json": indicator() }));
    expect(model.documents.map((d) => d.id)).toEqual(["strategi-2030"]);
    expect(model.documents[0]!.chapters.map((c) => c.url)).toEqual(["/strategi/2030/fokus-1/"]);
    expect(model.goals).toEqual([1]);
    expect(model.indicators.get("m1-test")?.series[0]?.observations[0]?.value).toBe(50);
  });
});

describe("bad input", () => {
  it("reports a list without its closing ] where the list begins, not where the parser noticed", () => {
    const [problem] = problems({ "content/a.md": "---\ntitle: Hej\nfoo: [1, 2\n---\nTekst\n" });
    expect(problem).toMatchObject({ file: "content/a.md", line: 3, column: 6, ...messages.unclosedBracket() });
  });

  it("reports YAML that does not parse, with its line", () => {
    const [problem] = problems({ "content/a.md": "---\ntitle: Hej\n  foo: 1\n---\nTekst\n" });
    expect(problem).toMatchObject({ file: "content/a.md", line: expect.any(Number) });
    expect(problem!.message).toContain("front matter");
  });

  it("reports JSON that does not parse, with line and column", () => {
    const [problem] = problems({ "data/indicators/m1-test.json": '{\n  "id": "m1-test",\n  "goal": 1,,\n}' });
    expect(problem).toMatchObject({ file: "data/indicators/m1-test.json", line: 3 });
    expect(problem!.hint).toBe(messages.jsonSyntax("").hint);
  });

  it("reports a missing required field and a wrong type on their lines", () => {
    const found = problems({
      "content/plan/2030/index.md": "---\ntitle: Plan\nkind: plan\nyear: tyve\nchapters: []\n---\n",
    });
    expect(found).toContainEqual(expect.objectContaining({ line: 1, ...messages.missingField("status") }));
    expect(found).toContainEqual(expect.objectContaining({ line: 4, ...messages.invalidField("year", YEARS_RULE) }));
  });

  it("reads a plan's years as one year or a span, quoted or not, with a hyphen or an en dash", () => {
    const yearOf = (value: string) => {
      const folder = value.includes("2024") ? "2024-2026" : "2030";
      const model = buildModel(
        files({ "data/site.json": SITE, [`content/plan/${folder}/index.md`]: `---\ntitle: Plan\nkind: plan\nyear: ${value}\nstatus: udkast\n---\n` }),
      );
      return model.documents[0]!.data.year;
    };
    expect([yearOf("2030"), yearOf('"2030"'), yearOf('"2024-2026"'), yearOf('"2024–2026"'), yearOf("2024-2026")]).toEqual([
      2030,
      2030,
      "2024-2026",
      "2024-2026",
      "2024-2026",
    ]);
  });

  it("reports an unknown status with the allowed values", () => {
    const found = problems({ "content/plan/2030/index.md": "---\ntitle: Plan\nkind: plan\nyear: 2030\nstatus: godkendt\n---\n" });
    expect(found).toContainEqual(expect.objectContaining({ line: 5, ...messages.unknownValue("status", "godkendt", ["udkast", "vedtaget"]) }));
  });

  it("reports an unknown strategy revision", () => {
    const found = problems({ "content/plan/2030/index.md": '---\ntitle: Plan\nkind: plan\nyear: 2030\nstatus: udkast\nstrategy: "2019"\n---\n' });
    expect(found).toContainEqual(expect.objectContaining({ line: 6, ...messages.unknownStrategy("2019", ["2030"]) }));
  });

  it("names the file and line of a chart with an unknown indicator", () => {
    const found = problems({ "content/a.md": "---\ntitle: A\n---\n\nTekst.\n\n::: chart findes-ikke\n" });
    expect(found).toEqual([{ file: "content/a.md", line: 7, column: 1, ...messages.unknownIndicator("findes-ikke") }]);
  });

  it("reports an include of a missing page, one outside content/, and a cycle", () => {
    expect(problems({ "content/a.md": "---\ntitle: A\n---\n::: include findes/ikke\n" })).toEqual([
      { file: "content/a.md", line: 4, column: 1, ...messages.missingInclude("findes/ikke") },
    ]);
    expect(problems({ "content/a.md": "---\ntitle: A\n---\n::: include ../../etc/passwd\n" })[0]).toMatchObject(messages.includeOutside("../../etc/passwd"));
    const cycle = problems({
      "content/a.md": "---\ntitle: A\n---\n::: include b\n",
      "content/b.md": "---\ntitle: B\n---\n::: include a\n",
    });
    expect(cycle).toContainEqual(expect.objectContaining({ file: "content/a.md", line: 4, ...messages.includeCycle(["a", "b", "a"]) }));
  });

  it("reports a missing chapter file", () => {
    const found = problems({ "content/plan/2030/index.md": "---\ntitle: Plan\nkind: plan\nyear: 2030\nstatus: udkast\nchapters: [mangler]\n---\n" });
    expect(found).toContainEqual(expect.objectContaining({ line: 6, ...messages.missingChapter("mangler", "content/plan/2030") }));
  });

  it("reports data problems with their JSON path", () => {
    const found = problems({
      "data/indicators/m1-test.json": indicator({
        goal: 9,
        series: [
          {
            name: "Testby",
            observations: [
              { period: "2030-K1", value: 150 },
              { period: "2030-K1", value: 5 },
              { period: "2030-05", value: 5 },
            ],
          },
        ],
        target: { kind: "series", series: "Hele landet", direction: "lower" },
      }),
    });
    const at = (path: string) => found.find((p) => p.path === path);
    expect(at("goal")).toMatchObject(messages.unknownGoal(9, [1]));
    expect(at("series[0].observations[0].value")).toMatchObject(messages.outOfRange(150, "pct.", "0 til 100"));
    expect(at("series[0].observations[1].period")).toMatchObject(messages.duplicatePeriod("Testby", "2030-K1"));
    expect(at("series[0].observations")).toMatchObject(messages.mixedPeriods("Testby"));
    expect(at("target.series")).toMatchObject(messages.missingTargetSeries("Hele landet"));
  });

  it("reports a period in the wrong format and a number that is not a number", () => {
    const found = problems({
      "data/indicators/m1-test.json": indicator({ series: [{ name: "Testby", observations: [{ period: "aug 2020", value: "79,5" }] }] }),
    });
    expect(found.map((p) => p.path)).toEqual(["series[0].observations[0].period", "series[0].observations[0].value"]);
    expect(found[1]).toMatchObject(messages.notANumber("79,5"));
  });

  it("reports files that are not UTF-8, empty, or badly named", () => {
    expect(problems({ "content/a.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe6, 0xf8, 0x0a]) })[0]).toMatchObject(messages.notUtf8());
    expect(problems({ "content/a.md": "  \n" })[0]).toMatchObject(messages.emptyFile());
    expect(problems({ "content/Mål 1.md": "---\ntitle: A\n---\n" })[0]).toMatchObject(messages.badFileName("Mål 1.md"));
  });

  it("reports duplicate ids and two pages with one URL", () => {
    expect(problems({ "data/indicators/m1-andet.json": indicator() })[0]).toMatchObject(messages.idMismatch("m1-test", "m1-andet.json"));
    const urls = problems({ "content/a.md": "---\ntitle: A\n---\n", "content/a/index.md": "---\ntitle: A\nkind: plan\nyear: 2030\nstatus: udkast\n---\n" });
    expect(urls).toContainEqual(expect.objectContaining(messages.duplicateUrl("/a/", "content/a.md")));
  });

  it("refuses colours that would be too faint on white, and a logo that is not there", () => {
    const site = { ...(JSON.parse(SITE) as object), colors: { primary: "#1f4e79", accent: "#ffcc00" }, logo: "logo.svg" };
    const found = problems({ "data/site.json": JSON.stringify(site) });
    expect(found).toContainEqual(expect.objectContaining({ path: "colors.accent", ...messages.lowContrast("#ffcc00", 1.4875, 4.5) }));
    expect(found).toContainEqual(expect.objectContaining({ path: "logo", ...messages.missingLogo("logo.svg") }));
    expect(found.some((p) => p.path === "colors.primary")).toBe(false);
  });

  it("reports every problem at once", () => {
    const found = problems({
      "content/a.md": "---\ntitle: A\n---\n::: chart x\n",
      "content/b.md": "---\nstatus: nej\n---\n",
    });
    expect(found.length).toBeGreaterThanOrEqual(3);
  });
});

describe("dates that do not exist", () => {
  it.each(["2020-13-45", "2020-02-30", "2020-00"])("refuses %s with the field's line", (date) => {
    const found = problems({ "content/plan/2030/index.md": `---\ntitle: Plan\nkind: plan\nyear: 2030\nstatus: udkast\nadopted: "${date}"\n---\n` });
    expect(found).toContainEqual(expect.objectContaining({ line: 6, ...messages.invalidField("adopted", IMPOSSIBLE_DATE) }));
  });

  it("accepts a leap day", () => {
    const found = problems({ "content/plan/2030/index.md": '---\ntitle: Plan\nkind: plan\nyear: 2030\nstatus: udkast\nadopted: "2024-02-29"\n---\n' });
    expect(found.filter((p) => p.message.includes("kalenderen"))).toEqual([]);
  });
});

describe("images with upper-case extensions", () => {
  // Cameras and Windows write "IMG_0001.JPG": the extension is accepted in any case, and the page
  // must name the file exactly as it is named (web servers tell "Kort.PNG" and "kort.png" apart).
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"><rect width="2" height="2"/></svg>';
  const page = "---\ntitle: Side\n---\n\n![Kort (syntetisk)](Kort.PNG)\n\n![Foto (syntetisk)](FOTO.JPG)\n\n![Tegning (syntetisk)](tegning.Svg)\n";

  it("reads them from content/ and publishes them under the name written", async () => {
    const { mkdtemp, mkdir, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { loadModel } = await import("../../scripts/content/files.ts");
    const dir = await mkdtemp(join(tmpdir(), "bp-image-case-"));
    const project = { ...base, "content/side.md": page, "content/Kort.PNG": PNG, "content/FOTO.JPG": PNG, "content/tegning.Svg": SVG };
    for (const [path, text] of Object.entries(project)) {
      await mkdir(join(dir, path, ".."), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const model = await loadModel(dir);
    expect([...model.images.keys()].sort()).toEqual(["content/FOTO.JPG", "content/Kort.PNG", "content/tegning.Svg"]);
  });

  it("refuses a name that differs from the file's only in case, naming the file", () => {
    expect(problems({ "content/side.md": "---\ntitle: Side\n---\n\n![Kort (syntetisk)](kort.png)\n", "content/Kort.PNG": PNG })).toEqual([
      { file: "content/side.md", line: 5, column: 21, ...messages.imageNameCase("kort.png", "Kort.PNG") },
    ]);
  });
});
