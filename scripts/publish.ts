// Nothing lost, nothing half-published: where a build may write (--out), the folders it builds in
// beside the output, and the swap that publishes them.
//
// - The output folder is replaced only if it is empty or was made by a build (it holds STAMP; older
//   builds are known by their search index), and never if it is, holds or lies inside the project's
//   own folders: `--out data` or `--out .` is refused before anything is written.
// - A symlinked output (a web root) stays a symlink: the folder it points to is the one swapped.
// - Staging folders are named by the build's pid and the process's start time, so a later process
//   that got the same pid does not protect a dead build's leftovers from cleanup.
// - Every failure says what happened to the output; a cleanup failure never hides the first error.
import { readFileSync } from "node:fs";
import { lstat, mkdir, readdir, readlink, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileSystemCause, messages, ValidationError } from "./messages.ts";

/** Marks a folder as made by a build, so a later build may replace it (a constant: builds stay reproducible). */
export const STAMP = ".bygget-af-beskaeftigelsesplan";
const STAMP_TEXT = "Denne mappe er lavet af npm run build og erstattes helt ved næste bygning.\n";

/**
 * The calls that move and remove the output's folders. The system's by default; a test passes its
 * own to make one fail as it does for a user without rights (root, who runs the tests, has them all).
 */
export interface FolderOps {
  rename: typeof rename;
  rm: typeof rm;
}
const SYSTEM: FolderOps = { rename, rm };

/** Where a build publishes, and the folders it builds in. */
export interface Output {
  ops: FolderOps;
  /** The folder that is swapped: the output, or what a symlinked output points to. */
  target: string;
  /** The output as the publisher named it, for messages. */
  shown: string;
  staging: string;
  print: string;
}

/** A failure while publishing, with the truth about the output in its message. */
export class PublishError extends Error {
  /** Whether the output is still the previous one (else the message says where it is). */
  readonly unchanged: boolean;
  constructor(message: string, unchanged: boolean, cause?: unknown) {
    super(message, { cause });
    this.name = "PublishError";
    this.unchanged = unchanged;
  }
}

/** This process's start time in clock ticks since boot (Linux), or "" where /proc is not there. */
function startTime(pid: number | "self"): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
  } catch {
    return "";
  }
}

/** Whether the process that made a staging folder still runs: same pid and, where known, same start time. */
function stillRunning(pid: number, started: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (!started) return true;
  const now = startTime(pid);
  return now === "" || now === started;
}

const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  );
/** Why a file-system call failed, in Danish with the system's code. */
const reason = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? fileSystemCause(code) : (error as Error).message;
};
const inside = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);

/** The folder a symlinked output points to (absolute), or the output itself. */
async function swapTarget(out: string): Promise<string> {
  const info = await lstat(out).catch(() => undefined);
  if (!info?.isSymbolicLink()) return out;
  const link = resolve(dirname(out), await readlink(out));
  return realpath(link).catch(() => link);
}

/**
 * Checks that `outDir` may be replaced by a build and names the folders to build in beside it.
 * Throws ValidationError (exit code 2) for an output that is a file, a folder not made by a build,
 * or one of the project's own folders; nothing has been written then.
 */
export async function prepareOutput(outDir: string, project: { root: string; source: string }, ops: FolderOps = SYSTEM): Promise<Output> {
  const shown = relative(process.cwd(), outDir) || ".";
  const target = await swapTarget(resolve(outDir));
  const refuse = (text: { message: string; hint?: string }) => new ValidationError([{ file: `${shown}/`, ...text }]);
  const own = [project.root, project.source].map((dir) => resolve(dir));
  const protectedFolders = [
    ...["content", "data"].map((dir) => join(resolve(project.source), dir)),
    ...["content", "data", "templates", "scripts", "test", "docs", ".git", "node_modules", ".cache"].map((dir) => join(resolve(project.root), dir)),
  ];
  if (own.some((dir) => inside(dir, target)) || protectedFolders.some((dir) => inside(target, dir))) throw refuse(messages.outProtected());

  const info = await stat(target).catch(() => undefined);
  if (info && !info.isDirectory()) throw refuse(messages.outNotAFolder());
  if (info) {
    const names = await readdir(target);
    const made = names.includes(STAMP) || (await exists(join(target, "pagefind", "pagefind.js")));
    if (names.length > 0 && !made) throw refuse(messages.outNotABuild(names.length));
  }
  const name = `.${basename(target)}.building-${process.pid}-${startTime("self") || "0"}`;
  const staging = join(dirname(target), name);
  return { ops, target, shown, staging, print: `${staging}.print` };
}

/**
 * Clears what killed builds left beside the output: staging folders (".dist.building-<pid>-<start>",
 * with ".print" the print pages) and, had one died between the two renames of publish(), puts the
 * output it had moved aside (".old") back. Returns warnings for what could not be removed.
 */
export async function clearLeftovers(output: Output): Promise<string[]> {
  const parent = dirname(output.target);
  const prefix = `.${basename(output.target)}.building-`;
  const warnings: string[] = [];
  for (const name of (await readdir(parent).catch(() => [] as string[])).sort()) {
    const match = name.startsWith(prefix) ? /^(\d+)(?:-(\d+))?(\.old|\.print)?$/.exec(name.slice(prefix.length)) : null;
    if (!match || stillRunning(Number(match[1]), match[2])) continue;
    const path = join(parent, name);
    try {
      if (match[3] === ".old" && !(await exists(output.target))) await output.ops.rename(path, output.target);
      else await output.ops.rm(path, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
      warnings.push(messages.leftoverNotRemoved(path, reason(error)).message);
    }
  }
  return warnings;
}

/** Makes the empty staging folders (a leftover of this very pid and start time is impossible, but cleared). */
export async function startStaging(output: Output): Promise<void> {
  await discard(output);
  await mkdir(output.staging);
  await writeFile(join(output.staging, STAMP), STAMP_TEXT);
}

/** Removes the staging folders; returns a warning naming what is left (the next build clears it). */
export async function discard(output: Output): Promise<string | undefined> {
  for (const dir of [output.staging, output.print]) {
    try {
      await output.ops.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch (error) {
      return messages.leftoverNotRemoved(dir, reason(error)).message;
    }
  }
  return undefined;
}

/**
 * Swaps the finished staging folder in as the output: rename the old output aside, rename the new
 * one in, remove the old. Returns warnings (the old output could not be removed: it is named). Throws
 * PublishError saying whether the output is unchanged or where the previous one is.
 */
export async function publish(output: Output): Promise<string[]> {
  const old = `${output.staging}.old`;
  const existed = await exists(output.target);
  if (existed) {
    try {
      await output.ops.rename(output.target, old);
    } catch (error) {
      throw new PublishError(messages.outNotReplaceable(output.shown, reason(error)).message, true, error);
    }
  }
  try {
    await output.ops.rename(output.staging, output.target);
  } catch (error) {
    if (!existed) throw new PublishError(messages.outNotReplaceable(output.shown, reason(error)).message, true, error);
    try {
      await output.ops.rename(old, output.target);
    } catch {
      throw new PublishError(messages.outMovedAside(output.shown, old).message, false, error);
    }
    throw new PublishError(messages.outNotReplaceable(output.shown, reason(error)).message, true, error);
  }
  if (!existed) return [];
  try {
    await output.ops.rm(old, { recursive: true, force: true, maxRetries: 3 });
    return [];
  } catch (error) {
    return [messages.oldOutputLeft(output.shown, old, reason(error)).message];
  }
}
