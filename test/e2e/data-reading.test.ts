// Data is read strictly, and every failure says what is true. Each case ran `npm run build` to a
// wrong result or a wrong message: a key written twice kept the last value silently, 1e999 became
// "null", a file cut short by a full disk read "Unexpected end of JSON input", and a write that failed
// showed a raw system error. Now each is a Danish message naming the file (with line and column
// where the mistake is in a file), the exit code says whose problem it is, and dist/ is byte for
// byte the previous one, with nothing written beside it.
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileSystemCause, formatProblem, messages, type MessageText } from "../../scripts/messages.ts";
import { STAMP } from "../../scripts/publish.ts";
import { fixture, ROOT, snapshot } from "../helpers.ts";

const NODE = join(ROOT, "node_modules", ".bin", "node");
const CLI = join(ROOT, "scripts", "build.ts");
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of the minimal fixture with data files changed, beside a published dist/; the changed texts by file. */
async function project(changes: readonly Pick<Case, "file" | "change">[]): Promise<{ parent: string; src: string; out: string; texts: Map<string, string> }> {
  const parent = await mkdtemp(join(tmpdir(), "bp-read-"));
  temporary.push(parent);
  const src = join(parent, "projekt");
  await cp(fixture("minimal"), src, { recursive: true });
  const texts = new Map<string, string>();
  for (const { file, change } of changes) {
    const text = change(texts.get(file) ?? (await readFile(join(src, file), "utf8")));
    texts.set(file, text);
    await writeFile(join(src, file), text);
  }
  const out = join(parent, "dist");
  await mkdir(join(out, "plan"), { recursive: true });
  await writeFile(join(out, STAMP), "");
  await writeFile(join(out, "index.html"), "<!doctype html><title>Forrige udgave</title>\n");
  await writeFile(join(out, "plan", "index.html"), "forrige");
  return { parent, src, out, texts };
}

function build(src: string, out: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(NODE, [CLI, "--source", src, "--out", out, "--no-pdf"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

/** 1-based line and column of the first `needle` in `text`, counted here independently of the reader. */
function at(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  expect(index, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index);
  return { line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
}

interface Case {
  name: string;
  file: string;
  change: (text: string) => string;
  /** Where the message points, from the changed text; and what it says. */
  expected: (text: string) => { line: number; column: number } & MessageText;
}

const cases: Case[] = [
  {
    name: "a key written twice in site.json (the last value used to win silently)",
    file: "data/site.json",
    change: (text) => text.replace('"site_title": "Testplan",', '"site_title": "Testplan",\n  "site_title": "Anden titel",'),
    expected: (text) => ({ ...at(text, '"site_title": "Anden'), ...messages.jsonDuplicateKey("site_title", at(text, '"site_title"').line) }),
  },
  {
    name: "a key written twice inside a table's row",
    file: "data/tables/aktivering.json",
    change: (text) => text.replace('"level": 1,', '"level": 1, "level": 2,'),
    expected: (text) => ({ ...at(text, '"level": 2'), ...messages.jsonDuplicateKey("level", at(text, '"level": 1').line) }),
  },
  {
    name: "1e999 in an indicator (used to be published as null)",
    file: "data/indicators/m1-job.json",
    change: (text) => text.replace('"value": 42.0', '"value": 1e999'),
    expected: (text) => ({ ...at(text, "1e999"), ...messages.jsonNumberTooLarge("1e999") }),
  },
  {
    name: "a table cut off half way, as a full disk leaves it (used to read 'Unexpected end of JSON input')",
    file: "data/tables/aktivering.json",
    change: (text) => text.slice(0, text.indexOf('"rows"') + 10),
    // Right after the last character written.
    expected: (text) => {
      const lines = text.trimEnd().split("\n");
      return { line: lines.length, column: lines.at(-1)!.length + 1, ...messages.jsonEndsEarly() };
    },
  },
  {
    name: "a committee case left empty by a failed save",
    file: "data/cases/2030-01-20-status.json",
    change: () => "",
    expected: () => ({ line: 1, column: 1, ...messages.emptyFile() }),
  },
];

describe("JSON in data/ is read strictly", () => {
  // One project with every mistake, one build (each build costs seconds): each is listed on its own.
  const tables = cases.filter((c) => c.file === "data/tables/aktivering.json");
  const others = cases.filter((c) => c.file !== "data/tables/aktivering.json");

  for (const group of [others, tables.slice(0, 1), tables.slice(1)]) {
    it.concurrent(`${group.map((c) => c.name).join("; ")}: exit 2, each file at line:column, dist/ as it was`, async () => {
      const { parent, src, out, texts } = await project(group);
      const before = await snapshot(out);
      const beside = await snapshot(src);
      const run = await build(src, out);
      expect(run.code, run.stderr).toBe(2);
      for (const { file, expected } of group) {
        const { line, column, ...message } = expected(texts.get(file)!);
        expect(run.stderr).toContain(formatProblem({ file, line, column, ...message }));
      }
      expect(run.stderr).toContain(messages.notPublished(out).message);
      expect(await snapshot(out)).toEqual(before);
      expect(await snapshot(src)).toEqual(beside);
      expect((await readdir(parent)).sort()).toEqual(["dist", "projekt"]);
    });
  }
});

describe("a write that fails is named with its cause", () => {
  it.concurrent("an output folder below a plain file (ENOTDIR, for real): exit 1, the path and the cause in Danish, no stack", async () => {
    const parent = await mkdtemp(join(tmpdir(), "bp-write-"));
    temporary.push(parent);
    await writeFile(join(parent, "fil"), "en fil, ikke en mappe");
    const run = await build(fixture("minimal"), join(parent, "fil", "dist"));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(fileSystemCause("ENOTDIR"));
    expect(run.stderr).toContain(`Bygningen fejlede: ${join(parent, "fil")}/.dist.building-`);
    expect(run.stderr).toMatch(/ kunne ikke skrives: der står en fil, hvor der skal være en mappe \(ENOTDIR\)\./);
    expect(run.stderr).toContain(messages.writeFailed("", "").hint);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(await readFile(join(parent, "fil"), "utf8")).toBe("en fil, ikke en mappe");
    expect(await readdir(parent)).toEqual(["fil"]);
  });
});
