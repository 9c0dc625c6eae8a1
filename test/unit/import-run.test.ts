// `npm run import` end to end on a temporary copy of the minimal fixture, with the synthetic
// exports in test/fixtures/import/ (SYNTHETIC figures): what it prints, what it writes, and that a
// bad file or an invalid result changes nothing.
import ExcelJS from "exceljs";
import { symlinkSync } from "node:fs";
import { cp, lstat, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runImport } from "../../scripts/import/run.ts";
import { fileSystemCause, formatProblem, messages } from "../../scripts/messages.ts";
import type { Indicator } from "../../scripts/content/data-schema.ts";
import { fixture } from "../helpers.ts";

const EXPORTS = fixture("import");
let source: string;
let out: string[];
let err: string[];

async function run(...args: string[]): Promise<number> {
  out = [];
  err = [];
  return runImport(args, { source, cwd: EXPORTS, log: (line) => out.push(line), error: (line) => err.push(line) });
}
const indicator = () => readFile(join(source, "data/indicators/m1-job.json"), "utf8");

beforeEach(async () => {
  source = await mkdtemp(join(tmpdir(), "bp-import-"));
  await cp(fixture("minimal"), source, { recursive: true });
});
afterEach(() => rm(source, { recursive: true, force: true }));

describe("importing an export", () => {
  it("reads a Windows-1252 CSV with title rows, adds periods and reports a changed value", async () => {
    expect(await run("kvartaler-cp1252.csv", "--mapping", "kvartaler.mapping.json")).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([
      "Læser kvartaler-cp1252.csv med opsætningen kvartaler.mapping.json …",
      '  7 tal for "Testby", "Hele landet" i 4 perioder (3. kvartal 2029 – 2. kvartal 2030), tegnsæt Windows-1252; 1 tom eller skjult celle (.., -) er sprunget over.',
      "  + Testby, 1. kvartal 2030: 46,0",
      "  + Hele landet, 1. kvartal 2030: 44,8",
      "  + Hele landet, 2. kvartal 2030: 45,1",
      "  ~ Testby, 4. kvartal 2029: 45,0 → 45,2",
      "Færdig: 2 nye perioder, 1 ændret værdi i m1-job.json. Seneste nye periode: 2. kvartal 2030.",
    ]);
    const written = JSON.parse(await indicator()) as Indicator;
    expect(written.series[0]!.observations.slice(-2)).toEqual([
      { period: "2029-K4", value: 45.2 },
      { period: "2030-K1", value: 46 },
    ]);
    expect(written.target).toEqual({ kind: "value", value: 50, direction: "higher" });
    expect(await indicator()).toMatch(/^\{\n {2}"id": "m1-job",\n[\s\S]*"value": 46\.0\n[\s\S]*\}\n$/);

    // A second run finds nothing new.
    expect(await run("kvartaler-cp1252.csv", "--mapping", "kvartaler.mapping.json")).toBe(0);
    expect(out.at(-1)).toBe("Ingen ændringer: m1-job.json har allerede alle 7 tal fra filen.");
  });

  it("only shows the changes with --dry-run", async () => {
    const before = await indicator();
    expect(await run("kvartaler-cp1252.csv", "--mapping", "kvartaler.mapping.json", "--dry-run")).toBe(0);
    expect(out.at(-1)).toBe("Prøvekørsel (--dry-run): 2 nye perioder, 1 ændret værdi i m1-job.json ville blive skrevet. Intet er ændret.");
    expect(await indicator()).toBe(before);
  });

  it("reads periods given as column headers", async () => {
    expect(await run("perioder-som-kolonner.csv", "--mapping", "perioder-som-kolonner.mapping.json")).toBe(0);
    expect(out.at(-1)).toBe("Færdig: 2 nye perioder, 0 ændrede værdier i m1-job.json. Seneste nye periode: 2. kvartal 2030.");
  });

  it("reads one row per figure into a monthly indicator, skipping other series", async () => {
    const monthly = JSON.parse(await indicator()) as Indicator;
    Object.assign(monthly, { id: "m1-maaned", series: [{ name: "Testby", observations: [{ period: "2030-06", value: 40 }] }] });
    await writeFile(join(source, "data/indicators/m1-maaned.json"), JSON.stringify(monthly, null, 2) + "\n");
    // "Hele landet" is not in the file yet: without --new-series that is refused as a likely typo.
    expect(await run("maaneder-lang.csv", "--mapping", "maaneder-lang.mapping.json")).toBe(2);
    expect(err.join("\n")).toContain('Serien "Hele landet" findes ikke i data/indicators/m1-maaned.json, som har "Testby". Tallene ville blive en ny serie.');
    expect(await run("maaneder-lang.csv", "--mapping", "maaneder-lang.mapping.json", "--new-series")).toBe(0);
    const written = JSON.parse(await readFile(join(source, "data/indicators/m1-maaned.json"), "utf8")) as Indicator;
    expect(written.series.map((s) => s.name)).toEqual(["Testby", "Hele landet"]);
    expect(written.series[0]!.observations.map((o) => o.period)).toEqual(["2030-06", "2030-07", "2030-08"]);
    expect(out.at(-1)).toBe("Færdig: 1 ny serie, 3 nye perioder, 0 ændrede værdier i m1-maaned.json. Seneste nye periode: september 2030.");
  });

  it("reads an Excel file named after the indicator without a mapping", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Ark1");
    sheet.addRow(["Syntetiske testtal"]);
    sheet.addRow([]);
    sheet.addRow(["Periode", "Testby", "Noget andet"]);
    sheet.addRow(["2030K1", 47.5, 1]);
    await workbook.xlsx.writeFile(join(source, "m1-job.xlsx"));
    out = [];
    err = [];
    const code = await runImport([join(source, "m1-job.xlsx")], { source, cwd: EXPORTS, log: (l) => out.push(l), error: (l) => err.push(l) });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.at(-1)).toBe("Færdig: 1 ny periode, 0 ændrede værdier i m1-job.json. Seneste nye periode: 1. kvartal 2030.");
  });
});

/** Every file below data/ with its bytes, to show that a refused import wrote nothing. */
async function dataFiles(): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of await readdir(join(source, "data"), { recursive: true })) {
    const bytes = await readFile(join(source, "data", name)).catch(() => undefined);
    result[name] = bytes ? bytes.toString("base64") : "folder";
  }
  return result;
}

describe("Excel cells as Excel shows them", () => {
  it("reads a cell formatted as a percentage (stored 0.493, shown 49,3 %) as 49.3, also from a formula", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Tal");
    sheet.addRow(["Periode", "Testby"]);
    sheet.addRow(["2030K1", 0.493]);
    sheet.addRow(["2030K2", { formula: "B2-0.012", result: 0.481 }]);
    sheet.getColumn(2).numFmt = "0.0%";
    await writeFile(join(source, "m1-job.xlsx"), new Uint8Array(await workbook.xlsx.writeBuffer()));
    const code = await runImport([join(source, "m1-job.xlsx")], { source, cwd: source, log: (l) => out.push(l), error: (l) => err.push(l) });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const written = JSON.parse(await indicator()) as Indicator;
    expect(written.series[0]!.observations.slice(-2)).toEqual([
      { period: "2030-K1", value: 49.3 },
      { period: "2030-K2", value: 48.1 },
    ]);
  });
});

describe("a bad file or an invalid result changes nothing", () => {
  const problem = (file: string, text: { message: string; hint?: string }) => formatProblem({ file, ...text });

  it("an Excel formula without a stored result: exit 2, file, sheet and cell named, nothing written", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Tal");
    sheet.addRow(["Periode", "Testby"]);
    sheet.addRow(["2030K1", 47.5]);
    // As a program other than Excel writes it: the formula, no calculated value (<f> without <v>).
    sheet.addRow(["2030K2", { formula: "B2+1" }]);
    await workbook.xlsx.writeFile(join(source, "m1-job.xlsx"));
    const before = await dataFiles();
    const code = await runImport([join(source, "m1-job.xlsx")], { source, cwd: source, log: (l) => out.push(l), error: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(err.join("\n")).toContain(problem("m1-job.xlsx", messages.importFormulaWithoutValue("Tal", "B3", "B2+1")));
    expect(err.join("\n")).toContain("Intet er ændret.");
    expect(await dataFiles()).toEqual(before);
  });

  it("a full disk while writing (ENOSPC, for real: the temporary file leads to /dev/full): the path and the cause, nothing changed", async () => {
    const before = await dataFiles();
    const temporary = join(source, "data", "indicators", `m1-job.json.${process.pid}.tmp`);
    out = [];
    err = [];
    // Laid once the project has been read (a symlink in data/ is refused when read), at the first progress line.
    const code = await runImport(["kvartaler-cp1252.csv", "--mapping", "kvartaler.mapping.json"], {
      source,
      cwd: EXPORTS,
      log: (line) => {
        if (out.length === 0) symlinkSync("/dev/full", temporary);
        out.push(line);
      },
      error: (line) => err.push(line),
    });
    expect(code).toBe(1);
    await expect(lstat(temporary)).rejects.toMatchObject({ code: "ENOENT" });
    const text = messages.writeFailed("data/indicators/m1-job.json", fileSystemCause("ENOSPC"));
    expect(err.join("\n")).toContain(text.message);
    expect(err.join("\n")).toContain("disken er fuld (ENOSPC)");
    expect(err.join("\n")).not.toMatch(/\n\s+at /);
    expect(err.join("\n")).toContain("Intet er ændret.");
    expect(await dataFiles()).toEqual(before);
  });

  it.each([
    ["no file", [], () => messages.importUsage().message],
    ["a file that does not exist", ["findes-ikke.csv"], () => problem("findes-ikke.csv", messages.importFileMissing("findes-ikke.csv"))],
    ["a file named after no indicator", ["kvartaler-cp1252.csv"], () => problem("kvartaler-cp1252.csv", messages.importNoMapping("kvartaler-cp1252.csv"))],
    [
      "a mapping to an unknown indicator",
      ["kvartaler-cp1252.csv", "--mapping", "maaneder-lang.mapping.json"],
      () => formatProblem({ file: "maaneder-lang.mapping.json", path: "indicator", ...messages.unknownIndicator("m1-maaned") }),
    ],
  ])("%s", async (_name, args, expected) => {
    const before = await indicator();
    expect(await run(...args)).toBe(2);
    expect(err.join("\n")).toContain(expected());
    expect(await indicator()).toBe(before);
  });

  it("a series name in the mapping that the indicator lacks (a typo, not a new series): refused with the name meant, nothing changed", async () => {
    const mapping = join(source, "tastefejl.mapping.json");
    await writeFile(mapping, JSON.stringify({ indicator: "m1-job", period: { column: "Periode" }, series: { Testby: "Testby Kommune", "Hele landet": "Hele landet" } }));
    const before = await indicator();
    expect(await run("kvartaler-cp1252.csv", "--mapping", mapping)).toBe(2);
    expect(err.join("\n")).toContain(
      formatProblem({ file: mapping, path: "series", ...messages.importNewSeries("Testby Kommune", "data/indicators/m1-job.json", ["Testby", "Hele landet"], "Testby") }),
    );
    expect(err.join("\n")).toContain('Mente du "Testby"?');
    expect(await indicator()).toBe(before);
  });

  it("names file, row and column of a bad cell", async () => {
    const file = join(source, "m1-job.csv");
    await writeFile(file, "Periode;Testby\n2030K1;46,0\n2030K2;47.5\n2030X3;48\n");
    const before = await indicator();
    err = [];
    expect(await runImport([file], { source, cwd: source, log: () => {}, error: (l) => err.push(l) })).toBe(2);
    const text = err.join("\n");
    expect(text).toContain(problem("m1-job.csv", messages.importBadNumber("47.5", 'række 3, kolonne 2 ("Testby")')));
    expect(text).toContain(problem("m1-job.csv", messages.importBadPeriod("2030X3", 'række 4, kolonne 1 ("Periode")')));
    expect(text).toMatch(/^2 fejl:/);
    expect(text.endsWith("Intet er ændret.")).toBe(true);
    expect(await indicator()).toBe(before);
  });

  it("validates the result with the project's own rules before writing", async () => {
    const file = join(source, "m1-job.csv");
    // Months into a series of quarters, and a share above 100 per cent.
    await writeFile(file, "Periode;Testby\naugust 2030;46,0\n2030K2;146\n");
    const before = await indicator();
    err = [];
    expect(await runImport([file], { source, cwd: source, log: () => {}, error: (l) => err.push(l) })).toBe(2);
    const text = err.join("\n");
    expect(text).toContain(messages.importResultInvalid().message);
    expect(text).toContain(messages.mixedPeriods("Testby").message);
    expect(text).toContain(messages.outOfRange(146, "pct.", "0 til 100").message);
    expect(await indicator()).toBe(before);
  });

  it("refuses to merge into an indicator file that already has errors", async () => {
    const broken = (await indicator()).replace('"unit": "pct."', '"unit": "procent"');
    await writeFile(join(source, "data/indicators/m1-job.json"), broken);
    expect(await run("kvartaler-cp1252.csv", "--mapping", "kvartaler.mapping.json")).toBe(2);
    expect(err.join("\n")).toContain(messages.importExistingInvalid().message);
    expect(await indicator()).toBe(broken);
  });
});
