// The project's own check (`npm run check`: every file validated and linked) run on the working
// copy with the editor's unsaved file in place of the one on disk, so the editor shows the same
// messages, with file and line, before anything is saved.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { checkComparisons } from "../content/comparisons.ts";
import { readSourceFiles } from "../content/files.ts";
import { buildModel, type Model, type SourceFile } from "../content/load.ts";
import { messages, ValidationError, type Problem } from "../messages.ts";
import { parseDocument } from "yaml";
import { formatOf, schemaOf } from "./config.ts";
import { mergeJson, mergeMarkdown, splitMarkdown } from "./merge.ts";

/** What the editor sends: the file's path, its form values and, for pages, the Markdown text. */
export interface Draft {
  path: string;
  data: Record<string, unknown>;
  body?: string;
}

/** The file's text on disk, or undefined when it does not exist yet. */
export async function readOriginal(root: string, path: string): Promise<string | undefined> {
  try {
    return await readFile(join(root, path), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Whether the editor's form can show the file: JSON that parses, or front matter that is YAML without
 * errors. Decap CMS shows a file it cannot read as an empty form, so such a file is never saved over
 * from the form (the problem is shown instead, with its line).
 */
export function readable(path: string, text: string): boolean {
  if (path.endsWith(".json")) {
    try {
      JSON.parse(text.replace(/^\uFEFF/, ""));
      return true;
    } catch {
      return false;
    }
  }
  return parseDocument(splitMarkdown(text).yaml, { version: "1.2" }).errors.length === 0;
}

/**
 * The problems to show for a file on disk that the form cannot read (readable() is false): what
 * that means for the editor, then the check's own messages for the file, with their lines.
 */
export async function unreadableProblems(root: string, path: string, original: string): Promise<Problem[]> {
  const own = (await checkWith(root, path, original)).problems.filter((problem) => problem.file === path);
  return [{ file: path, ...messages.editUnreadable(path) }, ...own];
}

/**
 * The text the draft would be saved as: merged into the file on disk so that only changed values
 * differ (merge.ts). Throws for a path the editor does not edit.
 */
export async function draftText(root: string, draft: Draft): Promise<string> {
  const format = formatOf(draft.path);
  if (!format) throw new Error(`The editor does not edit ${draft.path}.`);
  const original = await readOriginal(root, draft.path);
  return draft.path.endsWith(".md") ? mergeMarkdown(original, draft.data, draft.body ?? "", schemaOf(format)) : mergeJson(original, draft.data, schemaOf(format));
}

export interface CheckResult {
  /** Every problem of the whole project with the draft in place (as `npm run check` lists them). */
  problems: Problem[];
  /** The model when there are none. */
  model?: Model;
}

/** Validates the working copy with `text` in place of `path` (the same steps as loadModel()). */
export async function checkWith(root: string, path: string, text: string): Promise<CheckResult> {
  return checkFiles(root, new Map([[path, text]]));
}

/** Validates the working copy with each changed file's text (path → text) in place of the file on disk. */
export async function checkFiles(root: string, changes: ReadonlyMap<string, string>): Promise<CheckResult> {
  const files: SourceFile[] = (await readSourceFiles(root)).filter((file) => !changes.has(file.path));
  for (const [path, text] of changes) files.push({ path, bytes: new TextEncoder().encode(text) });
  return validate(files);
}

// The last check of the working copy as it is on disk, by a hash of every file read.
let onDisk: { key: string; problems: Problem[] } | undefined;

/**
 * The problems of the working copy as it is on disk (as `npm run check` lists them): the ones a
 * save does not add. Remembered until a file changes, since every preview asks.
 */
export async function problemsOnDisk(root: string): Promise<Problem[]> {
  const files = await readSourceFiles(root);
  const hash = createHash("sha256").update(root);
  for (const file of files) hash.update(`\0${file.path}\0`).update(file.bytes);
  const key = hash.digest("hex");
  if (onDisk?.key !== key) onDisk = { key, problems: validate(files).problems };
  return onDisk.problems;
}

function validate(files: SourceFile[]): CheckResult {
  try {
    const model = buildModel(files);
    checkComparisons(model);
    return { problems: [], model };
  } catch (error) {
    if (error instanceof ValidationError) return { problems: error.problems };
    throw error;
  }
}

const problemKey = (problem: Problem) => `${problem.file}\n${problem.path ?? ""}\n${problem.message}`;

/** Problems that `after` has and `before` had not: what a save would make worse. */
export function newProblems(before: readonly Problem[], after: readonly Problem[]): Problem[] {
  const known = new Set(before.map(problemKey));
  return after.filter((problem) => !known.has(problemKey(problem)));
}

/**
 * `after` with `known: true` on each problem `before` had too: the preview shows those apart, as
 * they do not stop a save.
 */
export function markKnown(before: readonly Problem[], after: readonly Problem[]): (Problem & { known?: true })[] {
  const known = new Set(before.map(problemKey));
  return after.map((problem) => (known.has(problemKey(problem)) ? { ...problem, known: true } : problem));
}
