// Reads the editable files of a project (content/ and data/) from disk for buildModel().
//
// What is read here is exactly what the site is made of: Eleventy is confined to the pages the model
// validated (scripts/site/confine.ts), so a file that is not read here must not be silently ignored
// either. Every other file in content/ is a content error; symlinks are never followed; names that
// begin with "." (an editor's or the system's own files: .DS_Store, .obsidian/) are skipped by both.
import { lstat, open, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { LIMITS } from "../limits.ts";
import { messages, mib, ValidationError, type Problem } from "../messages.ts";
import { IMAGE_TYPES } from "./checks.ts";
import { checkComparisons } from "./comparisons.ts";
import { buildModel, type Model, type SourceFile } from "./load.ts";

/** File types content/ may hold; anything else there is a content error. */
// Markdown pages, and the images they show (checked against the pages by buildModel).
export const CONTENT_FILE_TYPES: readonly string[] = [".md", ...IMAGE_TYPES.map((type) => `.${type}`)];

/**
 * Whether content/ may hold `file`: a page ending in ".md" as written (Eleventy reads no ".MD"), or an
 * image whose extension is an accepted type in any case ("Kort.PNG", as cameras and Windows name them).
 */
const isContentFile = (file: string): boolean => file.endsWith(".md") || IMAGE_TYPES.some((type) => file.toLowerCase().endsWith(`.${type}`));

const posixPath = (source: string, path: string) => relative(source, path).split("\\").join("/");

/** Whether `name` is one both the reading here and Eleventy skip: hidden files and folders. */
export const isHidden = (name: string): boolean => name.startsWith(".");

/** Why a file that exists cannot be read, for the editor. */
const unreadableReason = (code: string | undefined): string =>
  code === "EACCES" || code === "EPERM" ? "der er ikke adgang til den" : `styresystemet svarer ${code ?? "med en ukendt fejl"}`;

interface Found {
  path: string;
  size: number;
}

async function walk(source: string, dir: string, problems: Problem[]): Promise<Found[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A missing content/ or data/ folder is reported by the model (no documents, no site.json).
    if (code !== "ENOENT") problems.push({ file: `${posixPath(source, dir)}/`, ...messages.unreadable(unreadableReason(code)) });
    return [];
  }
  const found: Found[] = [];
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const path = join(dir, entry.name);
    const file = posixPath(source, path);
    // lstat, not stat: a symlink is reported, never followed (it could lead out of the repository).
    const info = await lstat(path).catch(() => undefined);
    if (!info) continue;
    if (info.isSymbolicLink()) problems.push({ file, ...messages.symlink() });
    else if (info.isDirectory()) found.push(...(await walk(source, path, problems)));
    else if (info.isFile()) found.push({ path, size: info.size });
    else problems.push({ file, ...messages.notAFile() });
  }
  return found;
}

/** Which files of content/ and data/ the model reads; other files in content/ are errors. */
function wanted(file: string, problems: Problem[]): boolean {
  if (file.startsWith("content/")) {
    if (isContentFile(file)) return true;
    problems.push({ file, ...messages.unknownFileType(file, CONTENT_FILE_TYPES) });
    return false;
  }
  return (/\.json$/.test(file) && !file.endsWith(".schema.json")) || /^data\/[^/]+\.svg$/.test(file);
}

async function readBounded(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    // Read what stat promised and no more: a file that grows while being read is cut at its size.
    const bytes = new Uint8Array(size);
    let done = 0;
    while (done < size) {
      const { bytesRead } = await handle.read(bytes, done, size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return bytes.subarray(0, done);
  } finally {
    await handle.close();
  }
}

/**
 * Every file of content/ and data/ the model is made of, plus the problems of the files themselves
 * (unknown types, symlinks, files too large or unreadable): those are reported with the model's.
 */
export async function readProject(source: string): Promise<{ files: SourceFile[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const found = [...(await walk(source, join(source, "content"), problems)), ...(await walk(source, join(source, "data"), problems))];
  const files: SourceFile[] = [];
  // In the order of their paths, as the model reports problems file by file.
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { path, size } of found) {
    const file = posixPath(source, path);
    if (!wanted(file, problems)) continue;
    if (size > LIMITS.fileBytes) {
      problems.push({ file, ...messages.fileTooLarge(mib(size), mib(LIMITS.fileBytes)) });
      continue;
    }
    try {
      files.push({ path: file, bytes: await readBounded(path, size) });
    } catch (error) {
      problems.push({ file, ...messages.unreadable(unreadableReason((error as NodeJS.ErrnoException).code)) });
    }
  }
  return { files, problems };
}

/** The files of readProject(); throws ValidationError when a file cannot be used. */
export async function readSourceFiles(source: string): Promise<SourceFile[]> {
  const { files, problems } = await readProject(source);
  if (problems.length > 0) throw new ValidationError(problems);
  return files;
}

/** Everything an editor can get wrong, checked: files, links between them, and what compare_with names. */
export async function loadModel(source: string): Promise<Model> {
  const { files, problems } = await readProject(source);
  let model: Model;
  try {
    model = buildModel(files);
  } catch (error) {
    if (error instanceof ValidationError && problems.length > 0) throw new ValidationError([...problems, ...error.problems]);
    throw error;
  }
  if (problems.length > 0) throw new ValidationError(problems);
  checkComparisons(model);
  return model;
}
