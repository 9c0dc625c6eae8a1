// `npm run new -- plan <year>`: next year's plan from the newest one, in memory (scaffoldPlan) and
// on a temporary copy of the minimal fixture (runNew); never in the real content/.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadModel } from "../../scripts/content/files.ts";
import { buildModel } from "../../scripts/content/load.ts";
import { fileSystemCause, messages } from "../../scripts/messages.ts";
import { parseYears, runNew, scaffoldPlan, type PlanScaffold } from "../../scripts/new.ts";
import { files, fixture } from "../helpers.ts";

const SITE = JSON.stringify({
  municipality: "Testby Kommune",
  site_title: "Test",
  accessibility_statement: "https://example.org/a",
  contact: { name: "Testby" },
});
const strategy = (revision: string, status: string, chapters: string[]) =>
  `---\ntitle: Strategi ${revision}\nkind: strategi\nrevision: "${revision}"\nstatus: ${status}\nchapters: [${chapters.join(", ")}]\n---\n\nTekst.\n`;
const focus = (goal: number) => `---\ntitle: Fokus ${goal}\ngoal: ${goal}\ngoal_text: Flere i job.\n---\n\nTekst.\n`;
const INDICATOR = JSON.stringify({
  id: "m1-test",
  goal: 1,
  kind: "indikator",
  title: "Test",
  unit: "pct.",
  source: "Syntetisk",
  extracted: null,
  series: [{ name: "Testby", observations: [{ period: "2030-K1", value: 50 }] }],
});
const TABLE = JSON.stringify({ id: "tabel-2030", caption: "Syntetisk", stub: "A", unit: "antal", columns: ["2030"], rows: [{ label: "B", values: [1] }] });

// A project with an older adopted strategy, a newer adopted one and a draft newer still.
const project = {
  "data/site.json": SITE,
  "data/indicators/m1-test.json": INDICATOR,
  "data/tables/tabel-2030.json": TABLE,
  "content/strategi/2028/index.md": strategy("2028", "vedtaget", ["fokus-1", "principper"]),
  "content/strategi/2028/fokus-1.md": focus(1),
  "content/strategi/2028/principper.md": "---\ntitle: Principper\n---\n\nTekst.\n",
  "content/strategi/2030/index.md": strategy("2030", "vedtaget", ["fokus-1", "fokus-2"]),
  "content/strategi/2030/fokus-1.md": focus(1),
  "content/strategi/2030/fokus-2.md": focus(2),
  "content/strategi/2032/index.md": strategy("2032", "udkast", ["fokus-1"]),
  "content/strategi/2032/fokus-1.md": focus(1),
  "content/plan/2029/index.md":
    '---\ntitle: Beskæftigelsesplan 2029\nkind: plan\nyear: 2029\nstatus: vedtaget\nstrategy: "2028"\nadopted: "2028-10"\nchapters: [indsats]\n---\n\nGammel plan.\n',
  "content/plan/2029/indsats.md": "---\ntitle: Indsats\n---\n\nTekst.\n",
  "content/plan/2030/index.md": [
    "---",
    "title: Beskæftigelsesplan 2030",
    "kind: plan",
    "year: 2030",
    "status: vedtaget",
    'strategy: "2028"',
    "adopted_by: Udvalget",
    "pdf: beskaeftigelsesplan-2030.pdf",
    "description: Planen for 2030.",
    "chapters: [indsats, fokus]",
    "---",
    "",
    "Indledning.[^1]",
    "",
    "::: include strategi/2028/principper",
    "",
    "[^1]: En fodnote.",
    "",
  ].join("\n"),
  "content/plan/2030/indsats.md": [
    "---",
    "title: 'Indsats: tal og mål'",
    "description: Kapitlets beskrivelse.",
    "---",
    "",
    "Første afsnit.",
    "",
    "- et punkt",
    "- et til",
    "",
    "## Tal",
    "",
    "::: chart m1-test",
    "",
    "Efter figuren.",
    "",
    "```",
    "::: table tabel-2030",
    "```",
    "",
    "### Tabel",
    "",
    "::: table tabel-2030",
    "",
  ].join("\n"),
  "content/plan/2030/fokus.md": "---\ntitle: Fokusområder\n---\n\nIndledning.\n\n::: include strategi/2028/fokus-1\n\nMellem to.\n",
};

const scaffold = (entries: Record<string, string>, year = 2031) => scaffoldPlan(buildModel(files(entries)), year);
const text = (result: ReturnType<typeof scaffoldPlan>, path: string) => (result as PlanScaffold).files.find((f) => f.path === path)?.text;

describe("scaffoldPlan", () => {
  const result = scaffold(project);

  it("starts a draft on the newest adopted strategy with the newest plan's chapters", () => {
    expect(text(result, "content/plan/2031/index.md")).toBe(
      [
        "---",
        "title: Beskæftigelsesplan 2031",
        "kind: plan",
        "year: 2031",
        "status: udkast",
        'strategy: "2030"',
        "pdf: beskaeftigelsesplan-2031.pdf",
        `description: "[Skriv her: én sætning om planen. Den vises i søgeresultater og i PDF'ens oplysninger.]"`,
        "chapters: [indsats, fokus]",
        "---",
        "",
        "[Skriv her: indledningen til Beskæftigelsesplan 2031: hvad planen bygger på, og hvad der er nyt i 2031.]",
        "",
        "::: include strategi/2028/principper",
        "",
      ].join("\n"),
    );
    expect(result).toMatchObject({ strategy: "2030", kept: ["strategi/2028/principper"] });
    expect((result as PlanScaffold).from.id).toBe("plan-2030");
  });

  it("keeps headings and charts, marks the places to write and leaves out last year's tables", () => {
    expect(text(result, "content/plan/2031/indsats.md")).toBe(
      [
        "---",
        'title: "Indsats: tal og mål"',
        "---",
        "",
        '[Skriv her: teksten til kapitlet "Indsats: tal og mål".]',
        "",
        "## Tal",
        "",
        "::: chart m1-test",
        "",
        '[Skriv her: teksten under "Tal".]',
        "",
        "### Tabel",
        "",
        "[Skriv her: en opdateret tabel. Planen for 2030 viste tabellen tabel-2030; opret en ny i data/tables/, og indsæt den med en linje `::: table <navn>` for sig selv.]",
        "",
      ].join("\n"),
    );
  });

  it("includes the newest strategy's focus areas instead of the old ones", () => {
    expect(text(result, "content/plan/2031/fokus.md")).toBe(
      [
        "---",
        "title: Fokusområder",
        "---",
        "",
        '[Skriv her: teksten til kapitlet "Fokusområder".]',
        "",
        "::: include strategi/2030/fokus-1",
        "",
        "::: include strategi/2030/fokus-2",
        "",
        "[Skriv her: mere tekst, eller slet denne linje.]",
        "",
      ].join("\n"),
    );
    expect((result as PlanScaffold).focusAreas).toEqual(["strategi/2030/fokus-1", "strategi/2030/fokus-2"]);
  });

  it("gives the focus areas a chapter of their own when the newest plan had none", () => {
    const older = Object.fromEntries(Object.entries(project).filter(([path]) => !path.startsWith("content/plan/2030/")));
    const result = scaffold(older);
    expect(text(result, "content/plan/2031/index.md")).toContain("chapters: [indsats, fokusomraader]");
    expect(text(result, "content/plan/2031/fokusomraader.md")).toContain("::: include strategi/2030/fokus-1\n\n::: include strategi/2030/fokus-2\n");
  });

  it("is valid together with the rest of the project", () => {
    const added = Object.fromEntries((result as PlanScaffold).files.map((f) => [f.path, f.text]));
    const model = buildModel(files({ ...project, ...added }));
    const plan = model.documents.find((d) => d.id === "plan-2031")!;
    expect(plan.data).toMatchObject({ status: "udkast", year: 2031, strategy: "2030" });
    expect(plan.chapters.map((c) => c.key)).toEqual(["plan/2031/indsats", "plan/2031/fokus"]);
  });

  it("says so when there is no plan or no adopted strategy", () => {
    const base = { "data/site.json": SITE, "content/strategi/2030/index.md": strategy("2030", "vedtaget", ["fokus-1"]), "content/strategi/2030/fokus-1.md": focus(1) };
    expect(scaffold(base)).toEqual(messages.newNoPlan());
    expect(
      scaffold({
        ...base,
        "content/strategi/2030/index.md": strategy("2030", "udkast", ["fokus-1"]),
        "content/plan/2030/index.md": "---\ntitle: P\nkind: plan\nyear: 2030\nstatus: udkast\n---\n",
      }),
    ).toEqual(messages.newNoStrategy());
  });
});

describe("npm run new on a copy of the minimal fixture", () => {
  let source: string;
  let out: string[];
  let err: string[];
  const run = (...args: string[]) => {
    out = [];
    err = [];
    return runNew(args, { source, log: (line) => out.push(line), error: (line) => err.push(line) });
  };

  beforeEach(async () => {
    source = await mkdtemp(join(tmpdir(), "bp-new-"));
    await cp(fixture("minimal"), source, { recursive: true });
  });
  afterEach(() => rm(source, { recursive: true, force: true }));

  it("creates the next plan, which passes the project's validation", async () => {
    expect(await run("plan", "2031")).toBe(0);
    expect(err).toEqual([]);
    expect((await readdir(join(source, "content/plan/2031"))).sort()).toEqual(["fokus.md", "index.md", "tal.md"]);
    expect(out[0]).toBe("Oprettede content/plan/2031/ ud fra Testplan 2030 og strategien fra 2030:");
    const index = await readFile(join(source, "content/plan/2031/index.md"), "utf8");
    expect(index).toContain("title: Testplan 2031\n");
    expect(index).toContain("pdf: testplan-2031.pdf\n");
    expect(await readFile(join(source, "content/plan/2031/fokus.md"), "utf8")).toContain("::: include strategi/2030/fokus-1\n");
    expect(await readFile(join(source, "content/plan/2031/tal.md"), "utf8")).toContain("::: chart m1-job\n");
    const model = await loadModel(source);
    expect(model.documents.map((d) => d.id)).toContain("plan-2031");
  });

  it("uses a newly adopted strategy revision's focus areas", async () => {
    await mkdir(join(source, "content/strategi/2031"));
    await writeFile(join(source, "content/strategi/2031/index.md"), strategy("2031", "vedtaget", ["fokus-1", "fokus-2"]));
    await writeFile(join(source, "content/strategi/2031/fokus-1.md"), focus(1));
    await writeFile(join(source, "content/strategi/2031/fokus-2.md"), focus(2));
    expect(await run("plan", "2031")).toBe(0);
    expect(await readFile(join(source, "content/plan/2031/index.md"), "utf8")).toContain('strategy: "2031"\n');
    expect(await readFile(join(source, "content/plan/2031/fokus.md"), "utf8")).toContain("::: include strategi/2031/fokus-1\n\n::: include strategi/2031/fokus-2\n");
    await loadModel(source);
  });

  it("creates a plan for a span of years, and the year after the span comes next", async () => {
    expect(await run("plan", "2031–2033")).toBe(0);
    expect(err).toEqual([]);
    const index = await readFile(join(source, "content/plan/2031-2033/index.md"), "utf8");
    expect(index).toContain("title: Testplan 2031–2033\n");
    expect(index).toContain('year: "2031-2033"\n');
    expect(index).toContain("pdf: testplan-2031-2033.pdf\n");
    const model = await loadModel(source);
    expect(model.documents.map((d) => d.id)).toContain("plan-2031-2033");
    expect(await run("plan")).toBe(0);
    expect(out[0]).toContain("content/plan/2034/");
  });

  it("reads the kind in any case: Plan is plan", async () => {
    expect(await run("Plan", "2031")).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toContain("content/plan/2031/");
  });

  it("takes the year after the newest plan when no year is given", async () => {
    expect(await run("plan")).toBe(0);
    expect(out[0]).toContain("content/plan/2031/");
  });

  it("refuses to overwrite an existing folder", async () => {
    const before = await readFile(join(source, "content/plan/2030/index.md"), "utf8");
    expect(await run("plan", "2030")).toBe(2);
    expect(err[0]).toContain(messages.newPlanExists("content/plan/2030").message);
    expect(await readFile(join(source, "content/plan/2030/index.md"), "utf8")).toBe(before);
    expect(await run("plan", "2031")).toBe(0);
    await writeFile(join(source, "content/plan/2031/index.md"), "redigeret");
    expect(await run("plan", "2031")).toBe(2);
    expect(await readFile(join(source, "content/plan/2031/index.md"), "utf8")).toBe("redigeret");
  });

  it.each([
    [[], messages.newUsage()],
    [["strategi", "2031"], messages.newKindUnknown("strategi")],
    [["plan", "26"], messages.newBadYear("26")],
    [["plan", "2031", "ekstra"], messages.newUsage()],
  ])("explains what to write: %j", async (args, expected) => {
    expect(await run(...args)).toBe(2);
    expect(err.join("\n")).toBe(`${expected.message}\n    Sådan gør du: ${expected.hint}`);
    expect(await readdir(join(source, "content/plan"))).toEqual(["2030"]);
  });

  it("names the file and the cause when a file cannot be written (ENOSPC, for real: written to /dev/full), and creates nothing", async () => {
    out = [];
    err = [];
    const code = await runNew(["plan", "2031"], {
      source,
      log: (line) => out.push(line),
      error: (line) => err.push(line),
      writeFile: (path, text, options) => (path.endsWith("index.md") ? writeFile(path, text, options) : writeFile("/dev/full", text)),
    });
    expect(code).toBe(1);
    const text = messages.writeFailed("content/plan/2031/fokus.md", fileSystemCause("ENOSPC"));
    expect(err.join("\n")).toBe(`${text.message}\n    Sådan gør du: ${text.hint}\n\nIntet er oprettet.`);
    expect(out).toEqual([]);
    // Neither the plan nor the half-made folder beside it is left.
    expect(await readdir(join(source, "content/plan"))).toEqual(["2030"]);
  });

  it("creates nothing while the content has errors", async () => {
    await writeFile(join(source, "content/plan/2030/tal.md"), "---\ntitle: Tal\n---\n\n::: chart findes-ikke\n");
    expect(await run("plan", "2031")).toBe(2);
    expect(err[0]).toContain(messages.unknownIndicator("findes-ikke").message);
    expect(err[0]).toContain("Intet er oprettet.");
    expect(await readdir(join(source, "content/plan"))).toEqual(["2030"]);
  });
});

describe("years of a plan", () => {
  it.each([
    ["2026", 2026],
    ["2027-2029", "2027-2029"],
    ["2027–2029", "2027-2029"],
    ["2029-2027", undefined],
    ["26", undefined],
    ["2027-", undefined],
  ])("%s reads as %s", (text, expected) => {
    expect(parseYears(text)).toBe(expected);
  });
});
