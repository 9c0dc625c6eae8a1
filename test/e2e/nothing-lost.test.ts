// Nothing lost: --out never deletes what a build did not make, a symlinked dist/ stays a symlink, an
// old dist/ that cannot be removed does not turn a publish into a false "nothing was published",
// the chart cache never publishes a torn entry, and no Chromium outlives a killed build.
import { execFileSync, spawn } from "node:child_process";
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/build.ts";
import { chartCache } from "../../scripts/charts/render.ts";
import { messages, ValidationError } from "../../scripts/messages.ts";
import { STAMP } from "../../scripts/publish.ts";
import { connectBrowser, fixture, ROOT, snapshot } from "../helpers.ts";

const NODE = join(ROOT, "node_modules", ".bin", "node");
const CLI = join(ROOT, "scripts", "build.ts");
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bp-lost-"));
  temporary.push(dir);
  return dir;
}

const refused = async (outDir: string, source = fixture("minimal")) => {
  const error = await build({ root: ROOT, source, outDir, pdf: false, cache: chartCache() }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).problems[0]!;
};

describe("--out", () => {
  it("refuses a folder that is not empty and was not made by a build, and changes nothing in it", async () => {
    const parent = await folder();
    const out = join(parent, "data");
    await mkdir(join(out, "indicators"), { recursive: true });
    await writeFile(join(out, "indicators", "m1.json"), "{}");
    const before = await snapshot(parent);
    expect((await refused(out)).message).toBe(messages.outNotABuild(1).message);
    expect(await snapshot(parent)).toEqual(before);
  });

  it("refuses a plain file, the project, its parents and its own folders", async () => {
    const parent = await folder();
    const project = join(parent, "projekt");
    await cp(fixture("minimal"), project, { recursive: true });
    await writeFile(join(parent, "dist"), "en fil, ikke en mappe");
    const before = await snapshot(parent);
    expect((await refused(join(parent, "dist"), project)).message).toBe(messages.outNotAFolder().message);
    for (const out of [project, parent, join(project, "data"), join(project, "content", "plan")]) {
      expect((await refused(out, project)).message, out).toBe(messages.outProtected().message);
    }
    expect(await snapshot(parent)).toEqual(before);
  });

  it("the command line: exit code 2 with the folder named, and nothing deleted", async () => {
    const parent = await folder();
    await writeFile(join(parent, "vigtig.txt"), "bliver");
    const run = spawn(NODE, [CLI, "--source", fixture("minimal"), "--out", parent, "--no-pdf"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    run.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => run.on("close", resolve));
    expect(code, stderr).toBe(2);
    expect(stderr).toContain(`${relative(ROOT, parent)}/`);
    expect(stderr).toContain(messages.outNotABuild(1).message);
    expect(await readdir(parent)).toEqual(["vigtig.txt"]);
  });
});

describe("publishing", () => {
  it("a symlinked dist/ stays a symlink; the folder it points to gets the new site", async () => {
    const parent = await folder();
    await mkdir(join(parent, "webroot", "site"), { recursive: true });
    await symlink(join("webroot", "site"), join(parent, "dist"));
    await build({ root: ROOT, source: fixture("minimal"), outDir: join(parent, "dist"), pdf: false, cache: chartCache() });
    expect((await lstat(join(parent, "dist"))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(parent, "dist"))).toBe(join("webroot", "site"));
    expect(await readFile(join(parent, "webroot", "site", "index.html"), "utf8")).toContain("Testplaner");
    expect((await readdir(join(parent, "webroot"))).sort()).toEqual(["site"]);
    expect((await readdir(parent)).sort()).toEqual(["dist", "webroot"]);
  });

  it("a torn chart cache entry is rebuilt, never published", async () => {
    const parent = await folder();
    const cacheDir = join(parent, "cache");
    await build({ root: ROOT, source: fixture("minimal"), outDir: join(parent, "a"), pdf: false, cacheDir });
    const [entry] = await readdir(cacheDir);
    const whole = await readFile(join(cacheDir, entry!), "utf8");
    // As a build killed while writing, or a full disk, would have left it.
    await writeFile(join(cacheDir, entry!), whole.slice(0, whole.length / 2));
    const report = await build({ root: ROOT, source: fixture("minimal"), outDir: join(parent, "b"), pdf: false, cacheDir });
    expect(report.charts).toEqual({ rendered: 1, cached: 0 });
    expect(await readFile(join(cacheDir, entry!), "utf8")).toBe(whole);
    const page = await readFile(join(parent, "b", "plan", "2030", "tal", "index.html"), "utf8");
    expect(page).toMatch(/<svg[^>]*>[\s\S]*<\/svg>/);
    expect((await readdir(cacheDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("builds into a folder made by a build, and stamps it", async () => {
    const parent = await folder();
    const out = join(parent, "dist");
    await build({ root: ROOT, source: fixture("minimal"), outDir: out, pdf: false, cache: chartCache() });
    expect(await readdir(out)).toContain(STAMP);
    await build({ root: ROOT, source: fixture("minimal"), outDir: out, pdf: false, cache: chartCache() });
    expect((await readdir(parent)).sort()).toEqual(["dist"]);
  });
});

/** The project's own files as git sees them: every tracked file's hash, and what is untracked but not ignored. */
function projectState(): { tracked: string; untracked: string } {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return {
    tracked: git("ls-files", "-s", "--", "content", "data", "templates", "scripts", "docs", "README.md", "package.json"),
    untracked: git("status", "--porcelain", "--untracked-files=all", "--", "content", "data", "templates", "scripts", "docs"),
  };
}

describe("where the build writes", () => {
  it("a full build (site and PDFs) with --out writes nothing outside the output folder", async () => {
    const parent = await folder();
    const source = join(parent, "projekt");
    await cp(fixture("minimal"), source, { recursive: true });
    const neighbour = join(parent, "nabo");
    await mkdir(join(neighbour, "undermappe"), { recursive: true });
    await writeFile(join(neighbour, "index.html"), "naboens side");
    await writeFile(join(neighbour, "undermappe", "data.json"), "{}");
    const before = { neighbour: await snapshot(neighbour), source: await snapshot(source), project: projectState() };
    // In memory, the chart cache writes nothing; the PDFs are printed by the shared browser.
    await build({ root: ROOT, source, outDir: join(parent, "dist"), cache: chartCache(), browser: await connectBrowser() });
    expect((await readdir(join(parent, "dist", "pdf"))).length).toBeGreaterThan(0);
    expect((await readdir(parent)).sort()).toEqual(["dist", "nabo", "projekt"]);
    expect(await snapshot(neighbour)).toEqual(before.neighbour);
    expect(await snapshot(source)).toEqual(before.source);
    expect(projectState()).toEqual(before.project);
  });
});

/** Every process as [pgid, pid, ppid, command] (from ps). */
function processes(): [number, number, number, string][] {
  const out = execFileSync("ps", ["-eo", "pgid=,pid=,ppid=,comm="], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 4)
    .map((f) => [Number(f[0]), Number(f[1]), Number(f[2]), f.slice(3).join(" ")]);
}

/** The processes in a process group, as "pid command". */
const groupMembers = (pgid: number): string[] =>
  processes()
    .filter((p) => p[0] === pgid)
    .map((p) => `${p[1]} ${p[3]}`);

/** The pid of Chromium started by `parent` (a child whose command is chromium), polled until it is there. */
async function chromiumOf(parent: number, until: () => boolean): Promise<number | undefined> {
  while (until()) {
    const found = processes().find((p) => p[2] === parent && /chrom/i.test(p[3]));
    if (found) return found[1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

describe("no Chromium outlives the build", () => {
  for (const signal of ["SIGKILL", "SIGTERM"] as const) {
    it(`${signal} while printing: Chromium and every helper process are gone; dist/ as it was`, async () => {
      const parent = await folder();
      const out = join(parent, "dist");
      await mkdir(out);
      await writeFile(join(out, STAMP), "");
      await writeFile(join(out, "index.html"), "forrige");
      const before = await snapshot(out);
      const child = spawn(NODE, [CLI, "--source", fixture("minimal"), "--out", out], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("close", (code, sig) => resolve({ code, signal: sig })));
      let done = false;
      void closed.then(() => (done = true));
      const chromium = await chromiumOf(child.pid!, () => !done);
      expect(chromium, stderr).toBeGreaterThan(0);
      child.kill(signal);
      const result = await closed;
      // Chromium notices the closed pipe; give it a moment under load.
      for (let waited = 0; waited < 10_000 && groupMembers(chromium!).length > 0; waited += 200) await new Promise((r) => setTimeout(r, 200));
      expect(groupMembers(chromium!)).toEqual([]);
      expect(await snapshot(out)).toEqual(before);
      if (signal === "SIGTERM") {
        expect(result.code).toBe(143);
        expect(stderr).toContain(messages.buildInterrupted("SIGTERM").message);
        expect(stderr).not.toMatch(/Target closed|TargetCloseError/);
        expect((await readdir(parent)).sort()).toEqual(["dist"]);
      } else {
        expect(result.signal).toBe("SIGKILL");
      }
    }, 120_000);
  }
});
