// Nothing half-published: the build writes into a staging folder beside dist/ and swaps it in only
// when every stage succeeded. Invalid content, a build killed half way and a missing Chromium all
// leave the previous dist/ byte for byte as it was; the next build clears what a killed one left.
import { spawn } from "node:child_process";
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/build.ts";
import { chartCache } from "../../scripts/charts/render.ts";
import { messages, ValidationError } from "../../scripts/messages.ts";
import { STAMP } from "../../scripts/publish.ts";
import { INSTALL_HINT } from "../../scripts/setup/chromium.ts";
import { fixture, ROOT, snapshot } from "../helpers.ts";

const NODE = join(ROOT, "node_modules", ".bin", "node");
const CLI = join(ROOT, "scripts", "build.ts");
/** A Linux pid can never be this high (pid_max is at most 2^22), so it stands for a dead build. */
const DEAD_PID = 4_194_305;

/** A folder holding a published dist/ (small, but with nested folders and binary bytes). */
async function published(): Promise<{ parent: string; out: string; before: Record<string, string> }> {
  const parent = await mkdtemp(join(tmpdir(), "bp-atomic-"));
  const out = join(parent, "dist");
  await mkdir(join(out, "plan", "2030"), { recursive: true });
  await mkdir(join(out, "pdf"));
  await writeFile(join(out, "index.html"), "<!doctype html><title>Forrige udgave</title>\n");
  await writeFile(join(out, STAMP), "");
  await writeFile(join(out, "plan", "2030", "index.html"), "<!doctype html><title>Planen</title>\n");
  await writeFile(join(out, "pdf", "plan.pdf"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x0a]));
  return { parent, out, before: await snapshot(out) };
}

const leftovers = async (parent: string) => (await readdir(parent)).filter((name) => name.startsWith(".dist.building-"));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
}

/** `node scripts/build.ts --source … --out …` on Node 24; `onStdout` may kill it. */
function cli(args: string[], env: Record<string, string> = {}, onStdout?: (all: string, kill: () => void) => void): Promise<Run> {
  const child = spawn(NODE, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    onStdout?.(stdout, () => child.kill("SIGKILL"));
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, pid: child.pid! }));
  });
}

const cleanup: string[] = [];
const stray: string[] = [];
afterAll(async () => {
  // The stand-in Chromium of the killed build, if it got that far: stopped by its own pid.
  for (const file of stray) {
    const pid = Number(await readFile(file, "utf8").catch(() => ""));
    if (pid > 0) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("a failed build leaves dist/ as it was", () => {
  it.concurrent("invalid content: exit code 2, the problem, and 'nothing was published'", async () => {
    const { parent, out, before } = await published();
    cleanup.push(parent);
    const run = await cli(["--source", fixture("broken/unknown-indicator"), "--out", out, "--no-pdf"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(messages.unknownIndicator("findes-ikke").message);
    expect(run.stderr).toContain("content/side.md:7:1");
    expect(run.stderr).toContain(messages.notPublished(out).message);
    expect(await snapshot(out)).toEqual(before);
    expect(await leftovers(parent)).toEqual([]);
  });

  it.concurrent("a missing Chromium: exit code 1 with the install hint", async () => {
    const { parent, out, before } = await published();
    cleanup.push(parent);
    const run = await cli(["--source", fixture("minimal"), "--out", out], { CHROMIUM_PATH: join(parent, "findes-ikke", "chromium") });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(INSTALL_HINT);
    expect(run.stderr).toContain(messages.notPublished(out).message);
    expect(await snapshot(out)).toEqual(before);
    expect(await leftovers(parent)).toEqual([]);
  });

  it.concurrent("killed (SIGKILL) while printing: dist/ untouched, and the next build clears the leftovers", async () => {
    const { parent, out, before } = await published();
    cleanup.push(parent);
    // A stand-in for Chromium that never answers, so the build is surely still printing when killed.
    const chromium = join(parent, "chromium");
    await writeFile(chromium, `#!/bin/sh\necho $$ > "${chromium}.pid"\nexec sleep 30\n`);
    await chmod(chromium, 0o755);
    stray.push(`${chromium}.pid`);

    let killedAfter = "";
    const run = await cli(["--source", fixture("minimal"), "--out", out], { CHROMIUM_PATH: chromium }, (stdout, kill) => {
      if (!killedAfter && /^printsider\s/m.test(stdout)) {
        killedAfter = stdout;
        kill();
      }
    });
    expect(killedAfter, run.stdout + run.stderr).toMatch(/^printsider\s/m);
    expect(run.signal).toBe("SIGKILL");
    expect(run.stdout).not.toMatch(/^udgiv\s/m);
    expect(await snapshot(out)).toEqual(before);
    // What it had written stays beside dist/, under its pid and start time, until the next build.
    const left = await leftovers(parent);
    expect(left.length, left.join()).toBeGreaterThan(0);
    for (const name of left) expect(name).toMatch(new RegExp(`^\\.dist\\.building-${run.pid}-\\d+(\\.print)?$`));

    await build({ root: ROOT, source: fixture("minimal"), outDir: out, pdf: false, cache: chartCache() });
    expect(await leftovers(parent)).toEqual([]);
    expect(await readFile(join(out, "index.html"), "utf8")).toContain("Testplaner");
  });

  it("a build killed between the two renames of publishing: the next build puts dist/ back", async () => {
    const { parent, out, before } = await published();
    cleanup.push(parent);
    // As a build with a pid that no longer runs would leave it: the old dist/ moved aside, the new one not yet in place.
    await cp(out, join(parent, `.dist.building-${DEAD_PID}.old`), { recursive: true });
    await rm(out, { recursive: true });
    await mkdir(join(parent, `.dist.building-${DEAD_PID}`));
    await writeFile(join(parent, `.dist.building-${DEAD_PID}`, "index.html"), "halvt skrevet");

    await expect(build({ root: ROOT, source: fixture("broken/unknown-indicator"), outDir: out, pdf: false })).rejects.toThrow(ValidationError);
    expect(await snapshot(out)).toEqual(before);
    expect(await leftovers(parent)).toEqual([]);
  });

  it("leaves the staging folders of builds that still run alone", async () => {
    const { parent, out } = await published();
    cleanup.push(parent);
    const running = join(parent, `.dist.building-${process.ppid}`);
    await mkdir(running);
    await expect(build({ root: ROOT, source: fixture("broken/unknown-indicator"), outDir: out, pdf: false })).rejects.toThrow(ValidationError);
    expect(await leftovers(parent)).toEqual([`.dist.building-${process.ppid}`]);
  });

  it("clears a staging folder whose pid now belongs to another process (a different start time)", async () => {
    const { parent, out, before } = await published();
    cleanup.push(parent);
    // The parent runs, but did not start at clock tick 1: the folder is a dead build's.
    await mkdir(join(parent, `.dist.building-${process.ppid}-1`));
    await mkdir(join(parent, `.dist.building-${process.ppid}-1.print`));
    await expect(build({ root: ROOT, source: fixture("broken/unknown-indicator"), outDir: out, pdf: false })).rejects.toThrow(ValidationError);
    expect(await leftovers(parent)).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
  });
});
