// The broken corpus: one tiny project per mistake an editor can make (test/fixtures/broken/<case>/),
// each with an expected.json naming the file, the line and column, and for data files the JSON path, and the key of the message in scripts/messages.ts. The loader must report
// exactly that problem, worded by the catalogue.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../scripts/content/files.ts";
import { formatProblem, messages, ValidationError, type Problem } from "../../scripts/messages.ts";

interface Expected {
  file: string;
  line?: number;
  column?: number;
  path?: string;
  key: keyof typeof messages;
  /** The catalogue function's arguments; left out where a parser words the reason (YAML, JSON). */
  args?: unknown[];
}

const corpus = resolve(import.meta.dirname, "..", "fixtures", "broken");
const cases = readdirSync(corpus)
  .filter((name) => statSync(join(corpus, name)).isDirectory())
  .sort();

async function problemsOf(name: string): Promise<{ error: ValidationError; problems: Problem[] }> {
  try {
    await loadModel(join(corpus, name));
  } catch (error) {
    if (error instanceof ValidationError) return { error, problems: error.problems };
    throw error;
  }
  throw new Error(`${name}: the broken project loaded without problems`);
}

const SLOT = "\u0000";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The catalogue's text; without arguments, its wording with any reason in the slots. */
function catalogue({ key, args }: Expected): Record<string, unknown> {
  const make = messages[key] as (...args: unknown[]) => { message: string; hint?: string };
  if (args) return make(...args);
  const template = make(SLOT, SLOT, SLOT);
  const match = (text: string): unknown => (text.includes(SLOT) ? expect.stringMatching(new RegExp(`^${text.split(SLOT).map(escapeRegExp).join(".+")}$`, "s")) : text);
  return { message: match(template.message), ...(template.hint === undefined ? {} : { hint: match(template.hint) }) };
}

describe("the broken corpus", () => {
  it("covers every kind of mistake", () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        "yaml-syntax",
        "json-syntax",
        "missing-field",
        "wrong-type",
        "unknown-status",
        "unknown-strategy",
        "unknown-goal",
        "unknown-indicator",
        "unknown-table",
        "include-missing",
        "include-cycle",
        "include-outside",
        "duplicate-id",
        "duplicate-url",
        "bad-period",
        "not-a-number",
        "out-of-range",
        "mixed-periods",
        "duplicate-period",
        "missing-target-series",
        "not-utf8",
        "empty-file",
        "bad-file-name",
        "unknown-directive",
        "custom-spec-url",
      ]),
    );
  });

  it.each(cases)("%s: the catalogue's message, with file and place", async (name) => {
    const expected = JSON.parse(readFileSync(join(corpus, name, "expected.json"), "utf8")) as Expected;
    expect(messages[expected.key], `${expected.key} is not in the catalogue`).toBeTypeOf("function");
    const { error, problems } = await problemsOf(name);
    const where = Object.fromEntries(Object.entries(expected).filter(([name]) => name !== "key" && name !== "args"));
    expect(problems).toEqual([{ ...where, ...catalogue(expected) }]);

    // Every problem names its file and either line and column or a JSON path, also when printed.
    for (const problem of problems) {
      expect(problem.file).toBeTruthy();
      expect(problem.message).toBeTruthy();
      // A data file's problem has its JSON path and, found from the path, its line and column too.
      expect([problem.line, problem.column]).toEqual([expect.any(Number), expect.any(Number)]);
      expect(error.message).toContain(formatProblem(problem));
      const place = `${problem.file}:${problem.line}:${problem.column}`;
      expect(formatProblem(problem)).toContain(problem.path ? `${place} (${problem.path})` : place);
    }
  });

  it("never runs JavaScript front matter", async () => {
    await problemsOf("front-matter-js");
    expect((globalThis as { FRONT_MATTER_RAN?: boolean }).FRONT_MATTER_RAN).toBeUndefined();
  });
});
