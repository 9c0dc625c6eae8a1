// What the build says when the file system refuses: a dist/ that cannot be moved aside or emptied,
// a staging folder that cannot be removed after another error. The tests run as root, and root is
// not stopped by permissions (chmod) and cannot be given an immutable folder here (no chattr), so
// the refusals are made honestly at the seam where they happen: the build's calls that move and
// remove the output's folders (BuildOptions.folderOps, node:fs/promises' rename and rm by default)
// fail with the error a non-root user gets (EACCES) for the one path under test; everything else,
// and every other call, is the real file system. What is asserted is the truth of each
// message about dist/, dist/ itself byte for byte, and that the next build is not blocked.
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { build, cleanupNoteOf, failureReport } from "../../scripts/build.ts";
import { chartCache } from "../../scripts/charts/render.ts";
import { fileSystemCause, messages, ValidationError } from "../../scripts/messages.ts";
import { PublishError, STAMP, type FolderOps } from "../../scripts/publish.ts";
import { fixture, ROOT, snapshot } from "../helpers.ts";

/** Which calls fail: a test sets a predicate on the path; it returns the error code to fail with. */
const faults: { rename?: (from: string, to: string) => string | undefined; rm?: (path: string) => string | undefined } = {};
const refused = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: operation not permitted (simulated), ${syscall} '${path}'`), { code, syscall, path });
/** The build's folder calls (BuildOptions.folderOps): the real ones, unless a fault says otherwise. */
const folderOps: FolderOps = {
  rename: async (from, to) => {
    const code = faults.rename?.(String(from), String(to));
    if (code) throw refused(code, "rename", String(from));
    return rename(from, to);
  },
  rm: async (path, options) => {
    const code = faults.rm?.(String(path));
    if (code) throw refused(code, "rmdir", String(path));
    return rm(path, options);
  },
};

/** A Linux pid can never be this high (pid_max is at most 2^22), so it stands for a dead build. */
const DEAD_PID = 4_194_305;
const temporary: string[] = [];
afterEach(() => {
  faults.rename = undefined;
  faults.rm = undefined;
});
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A folder holding a published dist/ made by an earlier build. */
async function published(): Promise<{ parent: string; out: string; before: Record<string, string> }> {
  const parent = await mkdtemp(join(tmpdir(), "bp-faults-"));
  temporary.push(parent);
  const out = join(parent, "dist");
  await mkdir(join(out, "plan"), { recursive: true });
  await writeFile(join(out, STAMP), "");
  await writeFile(join(out, "index.html"), "<!doctype html><title>Forrige udgave</title>\n");
  await writeFile(join(out, "plan", "index.html"), "forrige");
  return { parent, out, before: await snapshot(out) };
}

const run = (out: string, source = fixture("minimal"), log: string[] = []) =>
  build({ root: ROOT, source, outDir: out, pdf: false, cache: chartCache(), folderOps, log: (line) => log.push(line) });
const isStaging = (path: string) => /\.dist\.building-\d+-\d+$/.test(basename(path));
const isOld = (path: string) => /\.dist\.building-\d+-\d+\.old$/.test(basename(path));

describe("a dist/ that cannot be replaced or emptied", () => {
  it("cannot be moved aside (no write access to its folder): the previous site stays published, and the message says so", async () => {
    const { parent, out, before } = await published();
    faults.rename = (from) => (from === out ? "EACCES" : undefined);
    const error = await run(out).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).unchanged).toBe(true);
    expect((error as PublishError).message).toBe(messages.outNotReplaceable(relative(process.cwd(), out), fileSystemCause("EACCES")).message);
    const report = failureReport(error, out);
    expect(report.code).toBe(1);
    expect(report.text).toContain(messages.notPublished(out).message);
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(["dist"]);
  });

  it("the old site cannot be deleted after the swap (owned by root after sudo): the new site is published and the message says where the old one is", async () => {
    const { parent, out } = await published();
    faults.rm = (path) => (isOld(path) ? "EACCES" : undefined);
    const log: string[] = [];
    await run(out, fixture("minimal"), log);
    expect(await readFile(join(out, "index.html"), "utf8")).toContain("Testplaner");
    const [old] = (await readdir(parent)).filter((name) => name.endsWith(".old"));
    expect(old).toBeDefined();
    expect(log).toContain(messages.oldOutputLeft(relative(process.cwd(), out), join(parent, old!), fileSystemCause("EACCES")).message);
    expect(log.join("\n")).not.toContain(messages.notPublished(out).message);
    expect(await readFile(join(parent, old!, "index.html"), "utf8")).toContain("Forrige udgave");

    // The next build (another process: the leftover is named as a dead build's) is not blocked by it,
    // names it while it cannot be removed, and clears it once it can.
    const dead = `.dist.building-${DEAD_PID}-1.old`;
    await rename(join(parent, old!), join(parent, dead));
    faults.rm = (path) => (basename(path) === dead ? "EACCES" : undefined);
    const next: string[] = [];
    await run(out, fixture("minimal"), next);
    expect(next).toContain(messages.leftoverNotRemoved(join(parent, dead), fileSystemCause("EACCES")).message);
    expect((await readdir(parent)).sort()).toEqual([dead, "dist"]);
    faults.rm = undefined;
    await run(out);
    expect(await readdir(parent)).toEqual(["dist"]);
  });
});

describe("the first error is the one reported", () => {
  it("a content error, then a staging folder that cannot be removed: the content error first, the leftover after it", async () => {
    const { parent, out, before } = await published();
    faults.rm = (path) => (isStaging(path) ? "EBUSY" : undefined);
    const error = await run(out, fixture("broken/unknown-indicator")).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems[0]!.message).toBe(messages.unknownIndicator("findes-ikke").message);
    const [staging] = (await readdir(parent)).filter((name) => name.startsWith(".dist.building-"));
    const leftover = messages.leftoverNotRemoved(join(parent, staging!), fileSystemCause("EBUSY")).message;
    expect(cleanupNoteOf(error)).toBe(leftover);

    // As the command line prints it: exit 2, the problem, "nothing published", then the leftover.
    const report = failureReport(error, "dist");
    expect(report.code).toBe(2);
    const first = report.text.indexOf(messages.unknownIndicator("findes-ikke").message);
    const notPublished = report.text.indexOf(messages.notPublished("dist").message);
    const cleanup = report.text.indexOf(leftover);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(notPublished).toBeGreaterThan(first);
    expect(cleanup).toBeGreaterThan(notPublished);
    expect(await snapshot(out)).toEqual(before);

    // The next build removes the leftover.
    faults.rm = undefined;
    await run(out);
    expect(await readdir(parent)).toEqual(["dist"]);
  });
});
