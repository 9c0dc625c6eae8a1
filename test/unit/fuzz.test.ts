// Property-based tests: whatever an editor types into front matter or a JSON file, buildModel() gives
// either a Model or a ValidationError whose every problem names a file and says something; never
// another exception. (How long loading may take is bounded by scripts/limits.ts and measured by
// test/e2e/bounds.test.ts and npm run bench, not here.) Runs are bounded so the file takes a few seconds.
import fc from "fast-check";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { buildModel, type SourceFile } from "../../scripts/content/load.ts";
import { formatProblem, ValidationError } from "../../scripts/messages.ts";

const SITE = {
  municipality: "Testby Kommune",
  site_title: "Test",
  accessibility_statement: "https://example.org/a",
  contact: { name: "Testby" },
};
// Synthetic indicator for tests.
const INDICATOR = {
  id: "m1-test",
  goal: 1,
  kind: "indikator",
  title: "Test",
  question: "Går det godt?",
  unit: "pct.",
  source: "Test",
  extracted: "2030-02-01",
  notes: "Noter.",
  series: [
    {
      name: "Testby",
      observations: [
        { period: "2030-K1", value: 50 },
        { period: "2030-K2", value: 55.5 },
      ],
    },
    { name: "Hele landet", observations: [{ period: "2030-K1", value: 48 }] },
  ],
  target: { kind: "series", series: "Hele landet", direction: "higher", label: "Landsniveau" },
  chart: { kind: "udvikling" },
};
const BASE: Record<string, string> = {
  "data/site.json": JSON.stringify(SITE),
  "content/index.md": "---\ntitle: Forside\n---\n\nHej.\n",
  "content/strategi/2030/index.md": '---\ntitle: Strategi\nkind: strategi\nrevision: "2030"\nstatus: vedtaget\nchapters: [fokus-1]\n---\n\nTekst.\n',
  "content/strategi/2030/fokus-1.md": "---\ntitle: Fokus\ngoal: 1\ngoal_text: Flere i job.\n---\n\nTekst.\n\n::: chart m1-test\n",
  "data/indicators/m1-test.json": JSON.stringify(INDICATOR),
};
/** Where the random text goes: the front page, a document's index, a chapter, a new page. */
const PAGES = ["content/index.md", "content/strategi/2030/index.md", "content/strategi/2030/fokus-1.md", "content/ny-side.md"];
const RUNS = 250;

/**
 * The property itself: a Model, or a ValidationError whose problems each have a file and a message,
 * and a position that is 1-based: a line ≥ 1 always comes with a column ≥ 1 ("5:-15" was once shown).
 */
function loadsOrExplains(project: SourceFile[]): void {
  try {
    buildModel(project);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    for (const problem of error.problems) {
      const shown = JSON.stringify(problem);
      expect(problem.file, shown).toMatch(/^(content|data)\/./);
      expect(problem.message.trim(), shown).not.toBe("");
      if (problem.line !== undefined || problem.column !== undefined) {
        expect(Number.isInteger(problem.line) && problem.line! >= 1, shown).toBe(true);
        expect(Number.isInteger(problem.column) && problem.column! >= 1, shown).toBe(true);
        expect(formatProblem(problem).split("\n")[0], shown).toMatch(new RegExp(`^${problem.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:[1-9]\\d*:[1-9]\\d*( |$)`));
      }
    }
  }
}

// (Not test/helpers.ts' files(): importing the helpers loads Eleventy and Puppeteer, seconds this file need not spend.)
const encoder = new TextEncoder();
const withFile = (path: string, bytes: string | Uint8Array): SourceFile[] =>
  Object.entries({ ...BASE, [path]: bytes }).map(([file, text]) => ({ path: file, bytes: typeof text === "string" ? encoder.encode(text) : text }));

// YAML-ish text: fragments that mean something to YAML, the schema or the loader, plus any character.
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "title: ",
        "kind: ",
        "plan",
        "strategi",
        "bilag",
        "status: ",
        "udkast",
        "vedtaget",
        "year: ",
        "revision: ",
        "strategy: ",
        "chapters: ",
        "goal: ",
        "goal_text: ",
        "pdf: ",
        "adopted: ",
        "number: ",
        "description: ",
        "2030",
        '"2030"',
        "2030-10-15",
        "fokus-1",
        "-1",
        "1e999",
        ".nan",
        "null",
        "~",
        "true",
        "\n",
        "\n  ",
        "  ",
        "\t",
        "- ",
        ": ",
        ":",
        "[",
        "]",
        "{",
        "}",
        ",",
        '"',
        "'",
        "#",
        "&a ",
        "*a",
        "!!str ",
        "!!js/function ",
        "!!binary ",
        "<<: ",
        "? ",
        "|",
        ">",
        "%YAML 1.2",
        "---",
        "...",
        "æøå",
        "\u0000",
        "\uFEFF",
        "\r\n",
        "::: chart m1-test",
      ),
      fc.string({ maxLength: 8, unit: "binary" }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

// Plain values for front matter fields, then serialised with YAML (gray-matter's own stringify).
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.date({ noInvalidDate: true }),
  fc.constantFrom("plan", "strategi", "bilag", "udkast", "vedtaget", "fokus-1", "2030", 2030, 1, ["fokus-1"], ["../x"]),
);
const frontMatter = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      "title",
      "kind",
      "status",
      "year",
      "revision",
      "number",
      "strategy",
      "compare_with",
      "chapters",
      "goal",
      "goal_text",
      "pdf",
      "adopted",
      "meeting",
      "description",
    ),
    // Not "__proto__": gray-matter's YAML writer (js-yaml 3) crashes on it before our code runs.
    fc.string({ maxLength: 12 }).filter((key) => key !== "__proto__"),
  ),
  value,
  { maxKeys: 8 },
);

describe("front matter from anywhere", () => {
  it("YAML-ish text gives a model or the editor's messages", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAGES), yamlish, (path, text) => loadsOrExplains(withFile(path, `---\n${text}\n---\n\nTekst.\n`))),
      { numRuns: RUNS },
    );
  });

  it("any object written as YAML gives a model or the editor's messages", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAGES), frontMatter, (path, data) =>
        loadsOrExplains(withFile(path, matter.stringify("\nTekst.\n", data as Record<string, unknown>))),
      ),
      { numRuns: RUNS },
    );
  });

  it("survives YAML built to explode: aliases of aliases, and a list that contains itself", () => {
    const laughs = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 12; level++)
      laughs.push(
        `${"abcdefghijkl"[level]}: &${"abcdefghijkl"[level]} [${Array(9)
          .fill(`*${"abcdefghijkl"[level - 1]}`)
          .join(", ")}]`,
      );
    const bomb = `---\n${laughs.join("\n")}\ntitle: *l\nchapters: *l\n---\n`;
    expect(() => buildModel(withFile("content/strategi/2030/index.md", bomb))).toThrow(ValidationError);
    loadsOrExplains(withFile("content/strategi/2030/index.md", bomb));
    loadsOrExplains(withFile("content/ny-side.md", "---\ntitle: &t [*t]\n---\n"));
  });
});

describe("positions", () => {
  it("whatever line and column a problem carries, the message shows line ≥ 1 and column ≥ 1", () => {
    const position = fc.oneof(fc.integer(), fc.double({ min: -1e9, max: 1e9 }), fc.constantFrom(Number.NaN, Number.NEGATIVE_INFINITY, undefined));
    fc.assert(
      fc.property(position, position, (line, column) => {
        const where = formatProblem({ file: "data/a.json", line, column, message: "x" }).split("\n")[0]!;
        expect(where).toMatch(/^data\/a\.json(:[1-9]\d*(:[1-9]\d*)?)?$/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("JSON from anywhere", () => {
  const DATA = ["data/site.json", "data/indicators/m1-test.json", "data/tables/m1-test.json", "data/indicators/andet.json"];

  it("any JSON value in any data file gives a model or the editor's messages", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DATA), fc.jsonValue(), (path, json) => loadsOrExplains(withFile(path, JSON.stringify(json)))),
      { numRuns: RUNS },
    );
  });

  // Every place in the valid indicator, as a path of keys and indexes.
  const places: (string | number)[][] = [];
  (function collect(node: unknown, path: (string | number)[]) {
    places.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => collect(child, [...path, i]));
    else if (node && typeof node === "object") for (const [key, child] of Object.entries(node)) collect(child, [...path, key]);
  })(INDICATOR, []);

  type Mutation = { kind: "set" | "delete" | "add"; place: number; value: unknown; key: string };
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    kind: fc.constantFrom("set", "delete", "add"),
    place: fc.nat(),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(-1, 101, 1e308, "2030-K5", "2030-13", "79,5", "Hele landet", "", null)),
    key: fc.oneof(fc.constantFrom("url", "data", "values", "period", "value"), fc.string({ maxLength: 6 })),
  });

  function mutate(mutations: Mutation[]): unknown {
    const copy = structuredClone(INDICATOR) as unknown;
    let root = copy;
    for (const { kind, place, value, key } of mutations) {
      const path = places[place % places.length]!;
      if (path.length === 0) {
        if (kind === "set") root = value;
        continue;
      }
      let parent = root;
      for (const step of path.slice(0, -1)) parent = parent && typeof parent === "object" ? (parent as Record<string | number, unknown>)[step] : undefined;
      if (!parent || typeof parent !== "object") continue;
      const target = parent as Record<string | number, unknown>;
      const last = path.at(-1)!;
      if (kind === "set") target[last] = structuredClone(value);
      else if (kind === "delete") {
        if (Array.isArray(target)) target.splice(Number(last), 1);
        else delete target[last];
      } else if (Array.isArray(target)) target.push(structuredClone(target[Number(last)]));
      else target[key] = structuredClone(value);
    }
    return root;
  }

  it("a valid indicator, mutated, gives a model or the editor's messages", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) =>
        loadsOrExplains(withFile("data/indicators/m1-test.json", JSON.stringify(mutate(mutations), null, 2))),
      ),
      { numRuns: RUNS },
    );
  });

  // Any characters, or what JSON.parse lets pass silently: a key written again, a number too large, line ends of every kind.
  const splice = fc.oneof(
    fc.string({ maxLength: 4, unit: "binary" }),
    fc.constantFrom('"id": "m1-test", ', '"value": 1, ', "1e999", "-1e400", "\r\n", "\r", "\t", "æøå", "}", "]", "{", "[", '"'),
  );

  it("a valid indicator's text, cut and spliced, gives a model or the editor's messages", () => {
    const text = JSON.stringify(INDICATOR, null, 2);
    fc.assert(
      fc.property(fc.nat({ max: text.length }), fc.nat({ max: 5 }), splice, (at, cut, insert) =>
        loadsOrExplains(withFile("data/indicators/m1-test.json", text.slice(0, at) + insert + text.slice(at + cut))),
      ),
      { numRuns: RUNS },
    );
  });

  it("any bytes in any file give a model or the editor's messages", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DATA, ...PAGES), fc.uint8Array({ maxLength: 64 }), (path, bytes) => loadsOrExplains(withFile(path, bytes))),
      { numRuns: RUNS },
    );
  });
});
