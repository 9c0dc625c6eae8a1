// Every editor mistake is caught before anything is published: each project of the broken corpus
// (test/fixtures/broken/<case>/, see test/unit/broken.test.ts for the exact message and place) makes
// the build stop with the same problems as the check, and leaves a published dist/ byte for byte as
// it was. A few go through the real command lines (`npm run check`, `npm run build`): exit code 2,
// the catalogue's message with its file:line:column, and dist/ unchanged.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../scripts/build.ts";
import { chartCache } from "../../scripts/charts/render.ts";
import { loadModel } from "../../scripts/content/files.ts";
import { formatProblem, messages, ValidationError, type Problem } from "../../scripts/messages.ts";
import { fixture, ROOT } from "../helpers.ts";

const NODE = join(ROOT, "node_modules", ".bin", "node");
const corpus = fixture("broken");
const cases = readdirSync(corpus).filter((name) => statSync(join(corpus, name)).isDirectory()).sort();

interface Expected {
  file: string;
  line?: number;
  column?: number;
  key: keyof typeof messages;
  args?: unknown[];
}
const expected = (name: string) => JSON.parse(readFileSync(join(corpus, name, "expected.json"), "utf8")) as Expected;

async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    result[relative(dir, path)] = entry.isFile() ? createHash("sha256").update(await readFile(path)).digest("hex") : "folder";
  }
  return result;
}

/** A published dist/ to protect: a page and a PDF. */
async function published(): Promise<{ out: string; before: Record<string, string> }> {
  const out = join(await mkdtemp(join(tmpdir(), "bp-mistakes-")), "dist");
  await mkdir(join(out, "pdf"), { recursive: true });
  await writeFile(join(out, "index.html"), "<!doctype html><title>Forrige udgave</title>\n");
  await writeFile(join(out, "pdf", "plan.pdf"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x0a]));
  return { out, before: await snapshot(out) };
}

async function checkProblems(source: string): Promise<Problem[]> {
  try {
    await loadModel(source);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error(`${source}: the check found no problem`);
}

function run(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(NODE, [join(ROOT, "scripts", script), ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("every mistake in the broken corpus", () => {
  it.each(cases)("%s: the build stops with the check's problems, and dist/ is unchanged", async (name) => {
    const source = join(corpus, name);
    const problems = await checkProblems(source);
    const { out, before } = await published();
    const error = await build({ root: ROOT, source, outDir: out, pdf: false, cache: chartCache() }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual(problems);
    expect(await snapshot(out)).toEqual(before);
  });
});

describe("through the command lines", () => {
  // A front-matter mistake (one message, no consequence), a directive in a quote, a missing image.
  const chosen = ["chapter-title-colon", "directive-in-quote", "missing-image"];

  it.each(chosen)("%s: exit code 2 from npm run check and npm run build, the message at its file:line:column, dist/ unchanged", async (name) => {
    const want = expected(name);
    const text = (messages[want.key] as (...args: unknown[]) => { message: string })(...(want.args ?? []));
    const where = `${want.file}:${want.line}:${want.column}`;
    const check = await run("check.ts", ["--source", join(corpus, name)]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(`${where}\n    ${text.message}`);
    expect(check.stderr).toMatch(/^1 fejl i indhold eller data:/);

    const { out, before } = await published();
    const built = await run("build.ts", ["--source", join(corpus, name), "--out", out, "--no-pdf"]);
    expect(built.code).toBe(2);
    expect(built.stderr).toContain(`${where}\n    ${text.message}`);
    expect(built.stderr).toContain(messages.notPublished(out).message);
    expect(await snapshot(out)).toEqual(before);
    // The same words as the check: one reading, one list of problems.
    expect(built.stderr).toContain(formatProblem((await checkProblems(join(corpus, name)))[0]!));
  }, 240_000);
});
