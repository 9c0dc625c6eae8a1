// The pure parts of `npm run import`: periods and numbers as staff write them, reading CSV and
// Excel exports, the mapping, finding the figures and merging them into an indicator's JSON.
// Every figure here is SYNTHETIC (made up for tests).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { extractObservations } from "../../scripts/import/extract.ts";
import { defaultMapping, parseMapping, type Mapping } from "../../scripts/import/mapping.ts";
import { changeLines, mergeObservations, parseJsonDocument, stringifyJsonDocument, summary } from "../../scripts/import/merge.ts";
import { decodeText, readSheet, UnreadableFile, type Sheet } from "../../scripts/import/table.ts";
import { columnLetters, normalisePeriod, numberText, parseNumber } from "../../scripts/import/values.ts";
import type { Indicator } from "../../scripts/content/data-schema.ts";
import { messages } from "../../scripts/messages.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const csv = (text: string) => readSheet(encode(text), "eksport.csv");
const mapping = (input: object): Mapping => {
  const { mapping, problems } = parseMapping(JSON.stringify(input), "opsaetning.json");
  expect(problems).toEqual([]);
  return mapping!;
};
const WIDE = mapping({ indicator: "m1-test", period: { column: "Periode" }, series: { Testby: "Testby", "Hele landet": "Hele landet" } });

describe("periods as staff write them", () => {
  it.each([
    ["2020K2", "2020-K2"],
    ["2020-K2", "2020-K2"],
    ["2020 k2", "2020-K2"],
    ["2020Q4", "2020-K4"],
    ["K3 2021", "2021-K3"],
    ["2. kvt. 2020", "2020-K2"],
    ["2. kvartal 2020", "2020-K2"],
    ["1 kvt 2019", "2019-K1"],
    ["2020M08", "2020-08"],
    ["2020M8", "2020-08"],
    ["2020-08", "2020-08"],
    ["2020-08-01", "2020-08"],
    ["08-2020", "2020-08"],
    ["august 2020", "2020-08"],
    ["August  2020", "2020-08"],
    ["aug. 2020", "2020-08"],
    ["maj 2021", "2021-05"],
    ["okt 2021", "2021-10"],
    ["2020", "2020"],
    [" 2020 ", "2020"],
    [2020, "2020"],
    [new Date(Date.UTC(2020, 7, 1)), "2020-08"],
  ])("%s -> %s", (input, expected) => {
    expect(normalisePeriod(input)).toBe(expected);
  });

  it.each([["2020K5"], ["2020M13"], ["13. kvt. 2020"], ["augustus 2020"], ["Periode"], ["I alt"], [""], [null], [2020.5], [20]])("%s is not a period", (input) => {
    expect(normalisePeriod(input)).toBeUndefined();
  });
});

describe("Danish numbers", () => {
  it.each([
    ["79,5", 79.5],
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["1 234,5", 1234.5],
    ["1\u00a0234", 1234],
    ["-3,25", -3.25],
    ["−3", -3],
    ["12 %", 12],
    ["0", 0],
    [60.599999999999994, 60.6],
  ])("%s -> %s", (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it.each([[""], [".."], ["-"], ["*"], [null]])("%s is a missing figure", (input) => {
    expect(parseNumber(input)).toBe("missing");
  });

  it.each([["79.5"], ["1,234.5"], ["abc"], ["12,5,3"], ["#N/A"]])("%s is not a Danish number", (input) => {
    expect(parseNumber(input)).toBeUndefined();
  });

  it("keeps the decimals a figure was written with", () => {
    expect(numberText("46,0")).toBe("46.0");
    expect(numberText("1.234,50")).toBe("1234.50");
    expect(numberText("46")).toBe("46");
    expect(numberText(46)).toBeUndefined();
  });

  it("names Excel columns by letter", () => {
    expect([1, 3, 26, 27, 52, 703].map(columnLetters)).toEqual(["A", "C", "Z", "AA", "AZ", "AAA"]);
  });
});

describe("reading exports", () => {
  it("decodes UTF-8, UTF-8 with BOM, UTF-16 and Windows-1252", () => {
    expect(decodeText(encode("Område")).encoding).toBe("utf-8");
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...encode("Område")]))).toEqual({ text: "Område", encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x4f, 0, 0xe5, 0]))).toEqual({ text: "Oå", encoding: "utf-16le" });
    expect(decodeText(new Uint8Array([0x4f, 0x6d, 0x72, 0xe5, 0x64, 0x65, 0x96]))).toEqual({ text: "Område–", encoding: "windows-1252" });
  });

  it("reads semicolon CSV with title rows, quotes and row numbers as in the file", async () => {
    const sheet = await csv('Titel\r\n\r\nPeriode;Testby\r\n"2020K1";"1.234,5"\r\n');
    expect(sheet.rows).toEqual([
      { number: 1, cells: ["Titel"] },
      { number: 2, cells: [null] },
      { number: 3, cells: ["Periode", "Testby"] },
      { number: 4, cells: ["2020K1", "1.234,5"] },
    ]);
  });

  it("reads tab- and comma-separated files", async () => {
    expect((await csv("Periode\tTestby\n2020\t5,5\n")).rows[1]!.cells).toEqual(["2020", "5,5"]);
    expect((await csv('Periode,Testby\n2020,"5,5"\n')).rows[1]!.cells).toEqual(["2020", "5,5"]);
  });

  it("reads Excel files: numbers, dates, formulas, the named sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Forside").addRow(["Syntetiske testtal"]);
    const data = workbook.addWorksheet("Data");
    data.addRow(["Jobindsats (syntetiske tal)"]);
    data.addRow(["Periode", "Testby"]);
    data.addRow([new Date(Date.UTC(2020, 7, 1)), 79.5]);
    data.addRow(["2020M09", { formula: "B3+1", result: 80.5 }]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const sheet = await readSheet(bytes, "eksport.xlsx", { sheet: "Data" });
    expect(sheet.format).toBe("xlsx");
    expect(sheet.rows.map((r) => r.cells)).toEqual([["Jobindsats (syntetiske tal)"], ["Periode", "Testby"], [new Date(Date.UTC(2020, 7, 1)), 79.5], ["2020M09", 80.5]]);
    await expect(readSheet(bytes, "eksport.xlsx", { sheet: "Ark9" })).rejects.toMatchObject({ kind: "sheet", sheets: ["Forside", "Data"] });
  });

  it("refuses old Excel files and other binary files", async () => {
    await expect(readSheet(encode("x"), "eksport.xls")).rejects.toBeInstanceOf(UnreadableFile);
    await expect(readSheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "eksport.csv")).rejects.toMatchObject({ kind: "type" });
    await expect(readSheet(encode("ikke en zip"), "eksport.xlsx")).rejects.toMatchObject({ kind: "unreadable" });
  });
});

describe("the mapping", () => {
  it.each([
    ["one column per series", { period: { column: "Periode" }, series: { Ballerup: "Ballerup" } }, "series-columns"],
    ["one row per figure", { period: { column: "Tid" }, series: { column: "Område" }, value: { column: "Andel" } }, "rows"],
    ["periods as headers", { period: { headers: true }, series: { column: 1, names: { "Hele landet": "Hele landet" } } }, "period-headers"],
  ])("reads %s", (_name, input, kind) => {
    expect(mapping({ indicator: "m1-test", ...input }).layout.kind).toBe(kind);
  });

  it.each([
    ["a series column without a value column", { period: { column: "Tid" }, series: { column: "Område" } }],
    ["periods as headers with a value column", { period: { headers: true }, series: { column: "Område" }, value: { column: 3 } }],
    ["no series", { period: { column: "Tid" }, series: {} }],
  ])("refuses %s", (_name, input) => {
    expect(parseMapping(JSON.stringify({ indicator: "m1-test", ...input }), "o.json").problems).toEqual([{ file: "o.json", ...messages.importMappingLayout() }]);
  });

  it("names the field of a wrong mapping, and bad JSON", () => {
    expect(parseMapping('{"indicator": "m1-test", "period": {"column": "Tid"}, "series": {"A": "A"}, "serie": 1}', "o.json").problems[0]).toMatchObject({
      file: "o.json",
      ...messages.unknownField("serie"),
    });
    expect(parseMapping('{"period": {"column": "Tid"}, "series": {"A": "A"}}', "o.json").problems[0]).toMatchObject(messages.missingDataField("indicator", "indicator"));
    expect(parseMapping("{ indicator: 1 }", "o.json").problems[0]).toMatchObject({ hint: messages.jsonSyntax("").hint });
  });
});

describe("finding the figures", () => {
  const sheet = (rows: (string | number | null)[][], format: Sheet["format"] = "csv"): Sheet => ({
    format,
    rows: rows.map((cells, i) => ({ number: i + 1, cells })),
  });

  it("skips title rows, blank rows, footnotes and missing figures", () => {
    const result = extractObservations(
      sheet([["Jobindsats"], ["Andel (pct.)"], [null], ["Periode", "Testby", "Hele landet"], ["2020K1", "60,6", "55,0"], ["2020K2", "..", "56"], ["Kilde: Jobindsats"]]),
      WIDE,
      "eksport.csv",
    );
    expect(result.problems).toEqual([]);
    expect(result.headerRow).toBe(4);
    expect(result.missing).toBe(1);
    expect(result.observations).toEqual([
      { series: "Testby", period: "2020-K1", value: 60.6, text: "60.6", row: 5, column: 2 },
      { series: "Hele landet", period: "2020-K1", value: 55, text: "55.0", row: 5, column: 3 },
      { series: "Hele landet", period: "2020-K2", value: 56, text: "56", row: 6, column: 3 },
    ]);
  });

  it("matches column headers regardless of case and spaces, and by number", () => {
    const rows = [
      ["PERIODE ", " testby", "hele  landet"],
      ["2020", "1", "2"],
    ];
    expect(extractObservations(sheet(rows), WIDE, "e.csv").observations).toHaveLength(2);
    const byNumber = mapping({ indicator: "m1-test", period: { column: 1 }, series: { "3": "Hele landet" } });
    expect(byNumber.layout.kind).toBe("series-columns");
  });

  it("reads one row per figure, renaming and filtering series, and repeating blank labels", () => {
    const long = mapping({
      indicator: "m1-test",
      period: { column: "Tid" },
      series: { column: "Område", names: { "Testby Kommune": "Testby", "Hele landet": "Hele landet" } },
      value: { column: "Andel" },
    });
    const result = extractObservations(
      sheet([
        ["Område", "Tid", "Andel"],
        ["Testby Kommune", "august 2020", "41,5"],
        [null, "september 2020", "42"],
        ["Region X", "august 2020", "9"],
        ["Hele landet", "2020M08", "43"],
      ]),
      long,
      "e.csv",
    );
    expect(result.problems).toEqual([]);
    expect(result.observations.map((o) => [o.series, o.period, o.value])).toEqual([
      ["Testby", "2020-08", 41.5],
      ["Testby", "2020-09", 42],
      ["Hele landet", "2020-08", 43],
    ]);
  });

  it("reads periods from the column headers", () => {
    const across = mapping({ indicator: "m1-test", period: { headers: true }, series: { column: 1 } });
    const result = extractObservations(
      sheet([["Andel efter område og tid"], [null, null, "1. kvt. 2020", "2. kvt. 2020"], ["Testby", "Andel", "46,0", "47,5"], ["Hele landet", "Andel", "44,8", ".."]]),
      across,
      "e.csv",
    );
    expect(result.problems).toEqual([]);
    expect(result.missing).toBe(1);
    expect(result.observations.map((o) => [o.series, o.period, o.value, o.row, o.column])).toEqual([
      ["Testby", "2020-K1", 46, 3, 3],
      ["Testby", "2020-K2", 47.5, 3, 4],
      ["Hele landet", "2020-K1", 44.8, 4, 3],
    ]);
  });

  it("uses the indicator's series names without a mapping, reading the columns that are there", () => {
    const result = extractObservations(
      sheet([
        ["Periode", "Testby"],
        ["2020K1", "1"],
      ]),
      defaultMapping("m1-test", ["Testby", "Hele landet"]),
      "m1-test.csv",
    );
    expect(result.problems).toEqual([]);
    expect(result.observations).toHaveLength(1);
  });

  const where = (row: number, column: string, name: string) => `række ${row}, kolonne ${column} ("${name}")`;
  it.each([
    [
      "a number in the wrong format",
      [
        ["Periode", "Testby", "Hele landet"],
        ["2020K1", "60.6", "55"],
      ],
      "csv" as const,
      [messages.importBadNumber("60.6", where(2, "2", "Testby"))],
    ],
    [
      "a period that cannot be read, with Excel's column letter",
      [
        ["Periode", "Testby", "Hele landet"],
        ["2020 H1", 60.6, 55],
      ],
      "xlsx" as const,
      [messages.importBadPeriod("2020 H1", where(2, "A", "Periode"))],
    ],
    [
      "a period given twice",
      [
        ["Periode", "Testby", "Hele landet"],
        ["2020K1", "1", null],
        ["2020-K1", "2", null],
      ],
      "csv" as const,
      [messages.importDuplicate("Testby", "2020-K1", where(3, "2", "Testby"), 2)],
    ],
    [
      "a column that is not there, listing the headers found",
      [["Titel"], ["Periode", "Testby", "Landet"], ["2020K1", "1", "2"]],
      "csv" as const,
      [messages.importColumnsMissing(["Hele landet"], ["Periode", "Testby", "Landet"], 2)],
    ],
    [
      "a file without figures",
      [
        ["Periode", "Testby", "Hele landet"],
        ["2020K1", null, ".."],
      ],
      "csv" as const,
      [messages.importNoData()],
    ],
  ])("reports %s with file, row and column", (_name, rows, format, expected) => {
    const result = extractObservations(sheet(rows, format), WIDE, "eksport.csv");
    expect(result.problems).toEqual(expected.map((text) => ({ file: "eksport.csv", ...text })));
  });

  it("reports every bad cell at once", () => {
    const rows = [
      ["Periode", "Testby", "Hele landet"],
      ["2020K1", "x", "y"],
      ["nej", "1", "2"],
    ];
    expect(extractObservations(sheet(rows), WIDE, "e.csv").problems).toHaveLength(3);
  });
});

describe("merging into the indicator's JSON", () => {
  // A synthetic indicator as an editor typed it: 55.0 with its decimal, a note, a target.
  const FILE = `{
  "id": "m1-test",
  "goal": 1,
  "kind": "indikator",
  "title": "Test",
  "unit": "pct.",
  "series": [
    {
      "name": "Testby",
      "observations": [
        {
          "period": "2020-K1",
          "value": 60.6
        },
        {
          "period": "2020-K3",
          "value": 58.0
        }
      ]
    },
    {
      "name": "Hele landet",
      "observations": [
        {
          "period": "2020-K1",
          "value": 55.0
        }
      ]
    }
  ],
  "target": {
    "kind": "series",
    "series": "Hele landet",
    "direction": "lower"
  },
  "source": "Syntetisk",
  "extracted": null,
  "notes": "Syntetiske testtal."
}
`;
  const at = (series: string, period: string, value: number, text?: string) => ({ series, period, value, text, row: 1, column: 1 });

  it("writes an untouched file back byte for byte", () => {
    expect(stringifyJsonDocument(parseJsonDocument(FILE))).toBe(FILE);
    expect(mergeObservations(FILE, [at("Testby", "2020-K1", 60.6)]).text).toBe(FILE);
  });

  it("adds new periods in order, reports changed values and keeps everything else", () => {
    const result = mergeObservations(FILE, [
      at("Testby", "2020-K1", 60.6),
      at("Testby", "2020-K2", 59.5, "59.5"),
      at("Testby", "2020-K3", 57.25),
      at("Testby", "2020-K4", 56.0, "56.0"),
      at("Hele landet", "2020-K2", 54, "54"),
    ]);
    expect(result.unchanged).toBe(1);
    expect(result.added.map((c) => `${c.series} ${c.period}`)).toEqual(["Testby 2020-K2", "Testby 2020-K4", "Hele landet 2020-K2"]);
    expect(result.changed).toEqual([{ series: "Testby", period: "2020-K3", old: 58, value: 57.25 }]);
    const written = JSON.parse(result.text) as Indicator;
    expect(Object.keys(written)).toEqual(Object.keys(JSON.parse(FILE) as Indicator));
    expect(written.series[0]!.observations.map((o) => o.period)).toEqual(["2020-K1", "2020-K2", "2020-K3", "2020-K4"]);
    expect(written.notes).toBe("Syntetiske testtal.");
    expect(result.text).toContain('"value": 55.0');
    expect(result.text).toContain('"value": 56.0');
    expect(result.text).toContain('"value": 57.25');
    expect(result.text.endsWith("}\n")).toBe(true);
    expect(summary(result, "m1-test.json")).toBe("2 nye perioder, 1 ændret værdi i m1-test.json");
    expect(changeLines(result)).toEqual([
      "  + Testby, 2. kvartal 2020: 59,50",
      "  + Testby, 4. kvartal 2020: 56,00",
      "  + Hele landet, 2. kvartal 2020: 54,00",
      "  ~ Testby, 3. kvartal 2020: 58,00 → 57,25",
    ]);
  });

  it("adds a series the indicator does not have yet", () => {
    const result = mergeObservations(FILE, [at("Region", "2020-K1", 50)]);
    expect(result.newSeries).toEqual(["Region"]);
    expect((JSON.parse(result.text) as Indicator).series[2]).toEqual({ name: "Region", observations: [{ period: "2020-K1", value: 50 }] });
    expect(summary(result, "m1-test.json")).toBe("1 ny serie, 1 ny periode, 0 ændrede værdier i m1-test.json");
  });
});
