// Every input is bounded (scripts/limits.ts): each case below ran for minutes, filled memory or
// crashed without naming a file. Now each is a content error naming the file, found before any
// rendering starts, in well under the time the README states (measured as this process's CPU
// time, so a busy machine does not fail the test).
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { diffText } from "../../scripts/compare/diff.ts";
import { loadModel } from "../../scripts/content/files.ts";
import { readXlsx } from "../../scripts/import/table.ts";
import { LIMITS } from "../../scripts/limits.ts";
import { messages, ValidationError, type Problem } from "../../scripts/messages.ts";
import { cpuTime, fixture } from "../helpers.ts";

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The minimal fixture with `files` added or replaced; the problems of loading it, and the CPU time that took. */
async function problemsWith(files: Record<string, string>): Promise<{ problems: Problem[]; ms: number }> {
  const dir = await mkdtemp(join(tmpdir(), "bp-bounds-"));
  temporary.push(dir);
  await cp(fixture("minimal"), dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
  const { value: error, cpuMs: ms } = await cpuTime(() => loadModel(dir).then(() => undefined, (e: unknown) => e));
  expect(error).toBeInstanceOf(ValidationError);
  return { problems: (error as ValidationError).problems, ms };
}

const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;

describe("content", () => {
  it("17 pages each including the next twice: stopped at once, at the first include", async () => {
    const files: Record<string, string> = {};
    const chain = Array.from({ length: 17 }, (_, i) => `plan/2030/led-${i}`);
    // The plan's chapter "fokus" starts the chain; each link includes the next twice.
    chain.forEach((key, i) => {
      const next = chain[i + 1];
      files[`content/${key}.md`] = page(`Led ${i}`, next ? `::: include ${next}\n\n::: include ${next}` : "Sidst.");
    });
    files["content/plan/2030/fokus.md"] = page("Fokus", `::: include ${chain[0]}`);
    const { problems, ms } = await problemsWith(files);
    expect(problems).toContainEqual({ file: "content/plan/2030/fokus.md", line: 5, column: 1, ...messages.includeTooDeep(LIMITS.includeDepth) });
    expect(problems.some((p) => p.message === messages.includeTooMany(LIMITS.includedPages).message)).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });

  it("20,000 headings: a content error naming the page", async () => {
    const { problems, ms } = await problemsWith({ "content/plan/2030/tal.md": page("Tal", "## Samme\n\n".repeat(20_000)) });
    expect(problems).toContainEqual({ file: "content/plan/2030/tal.md", line: 1, column: 1, ...messages.tooManyHeadings(20_000, LIMITS.headings) });
    expect(ms).toBeLessThan(5_000);
  });

  it("a file over the size limit is not read", async () => {
    const { problems } = await problemsWith({ "content/plan/2030/tal.md": page("Tal", "x".repeat(LIMITS.fileBytes)) });
    expect(problems.map((p) => p.file)).toContain("content/plan/2030/tal.md");
    expect(problems.find((p) => p.file === "content/plan/2030/tal.md")!.message).toMatch(/^Filen fylder 4,0 MiB, mere end de 4,0 MiB/);
  });
});

describe("indicators", () => {
  const indicator = async (change: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(await readFile(join(fixture("minimal"), "data", "indicators", "m1-job.json"), "utf8")) as Record<string, unknown>;
    change(json);
    return problemsWith({ "data/indicators/m1-job.json": JSON.stringify(json) });
  };

  it("more observations than the limit: counted before anything else", async () => {
    const observations = Array.from({ length: 20_000 }, (_, i) => ({ period: String(1000 + i), value: 1 }));
    const { problems, ms } = await indicator((json) => ((json.series as { observations: unknown }[])[0]!.observations = observations));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "data/indicators/m1-job.json", path: "series" });
    expect(problems[0]!.message).toMatch(/^Indikatoren har 200\d\d observationer, mere end de 10000/);
    expect(ms).toBeLessThan(5_000);
  });

  it.each([
    ["a sequence transform", { transform: [{ sequence: { start: 0, stop: 3e7 }, as: "n" }], mark: "point" }, "transform[0].sequence"],
    ["a regular expression", { transform: [{ filter: "test(/(a+)+$/, datum.period)" }], mark: "point" }, "transform[0].filter"],
    ["width 1e8", { width: 1e8, mark: "point" }, "width"],
    ["an href encoding", { mark: "point", encoding: { href: { field: "period" } } }, "encoding.href"],
  ])("a custom spec with %s is refused with its path", async (_name, spec, path) => {
    const { problems } = await indicator((json) => (json.chart = { spec }));
    expect(problems.map((p) => [p.file, p.path])).toContainEqual(["data/indicators/m1-job.json", `chart.spec.${path}`]);
    expect(problems.every((p) => p.message.startsWith("Et eget Vega-Lite-diagram må ikke bruge"))).toBe(true);
  });
});

describe("import and comparison", () => {
  it("an .xlsx that unpacks to more than the limit is refused before unpacking", async () => {
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(LIMITS.importUnpackedBytes + 1) }, { level: 9 });
    expect(bomb.length).toBeLessThan(LIMITS.importBytes);
    await expect(readXlsx(bomb)).rejects.toMatchObject({ name: expect.any(String) });
    await expect(readXlsx(bomb)).rejects.toThrow(/udpakket/);
  });

  it("two long, wholly different texts: shown as rewritten, within the bound", async () => {
    const words = (seed: string) => Array.from({ length: 20_000 }, (_, i) => `${seed}${i}`).join(" ");
    const { value: segments, cpuMs } = await cpuTime(() => diffText(words("a"), words("b")));
    expect(cpuMs).toBeLessThan(10_000);
    expect(segments.map((s) => s.kind)).toEqual(["removed", "added"]);
  });
});
