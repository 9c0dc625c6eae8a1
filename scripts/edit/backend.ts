// The working copy as Decap CMS's "proxy" backend sees it: the JSON protocol of decap-server's
// local_fs mode (POST {action, params}; https://github.com/decaporg/decap-cms/tree/main/packages/decap-server),
// answered by our own server so that a save is merged into the file (merge.ts) and checked with
// the project's validation first: a save that would add a problem writes nothing and the editor
// shows the messages. Only the files the editor has forms for can be read or written.
import { createHash } from "node:crypto";
import { mkdir, readdir, rename, writeFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { parse } from "yaml";
import { scalarText } from "../lib/scalar.ts";
import { formatProblem, messages } from "../messages.ts";
import { checkFiles, checkWith, readOriginal, newProblems, draftText, problemsOnDisk, readable, unreadableProblems, type Draft } from "./check.ts";
import { isNewChapter, newChapter } from "./create.ts";
import { formatOf } from "./config.ts";
import { splitMarkdown } from "./merge.ts";

/** An answer to the editor: HTTP status and JSON body. Decap shows `error` of a failed request. */
export interface BackendReply {
  status: number;
  body: unknown;
}

interface Entry {
  data: string | null;
  file: { path: string; label?: string; id: string | null };
}

/** Paths the editor may touch: the formats it has forms for, inside the project. */
export function editablePath(path: unknown): path is string {
  return typeof path === "string" && posix.normalize(path) === path && !path.startsWith("/") && formatOf(path) !== undefined;
}

const hashOf = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * What the editor was last given of each file (its hash, by project folder and path). Decap sends
 * a save without the version it edited, so a file changed on disk since (a colleague in a text
 * editor, a git pull) is told apart from it here, and the save is refused rather than undoing
 * that change.
 */
const served = new Map<string, string>();
const servedKey = (root: string, path: string) => `${root}\0${path}`;

async function entryOf(root: string, path: string, label?: string): Promise<Entry> {
  const text = editablePath(path) ? await readOriginal(root, path) : undefined;
  const id = text === undefined ? null : hashOf(text);
  if (id) served.set(servedKey(root, path), id);
  return { data: text ?? null, file: { path, ...(label ? { label } : {}), id } };
}

/** The form values and Markdown text in a file as Decap serialises it (JSON, or YAML front matter and body). */
export function draftOf(path: string, raw: string): Draft {
  if (path.endsWith(".json")) return { path, data: JSON.parse(raw) as Record<string, unknown> };
  const { yaml, body } = splitMarkdown(raw);
  return { path, data: (parse(yaml, { version: "1.2" }) ?? {}) as Record<string, unknown>, body };
}

/** Writes through a temporary file, so a file is never left half written. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

const refuse = (text: { message: string; hint?: string }, details: string[] = []): BackendReply => ({
  status: 422,
  body: { error: [text.message, ...details, text.hint ? `Sådan retter du det: ${text.hint}` : ""].filter(Boolean).join("\n\n") },
});

/** Saves one file from the editor, unless that would add a problem: then nothing is written. */
async function persist(root: string, path: string, raw: string): Promise<BackendReply> {
  let draft: Draft;
  try {
    draft = draftOf(path, raw);
  } catch (error) {
    return refuse(messages.editNotSaved(1), [(error as Error).message]);
  }
  if (isNewChapter(draft)) return persistNewChapter(root, draft);
  const original = await readOriginal(root, path);
  // The form of an unreadable file is empty: saving it would replace what the file holds.
  if (original !== undefined && !readable(path, original)) {
    const [unreadable, ...problems] = await unreadableProblems(root, path, original);
    return refuse(unreadable!, problems.map(formatProblem));
  }
  const given = served.get(servedKey(root, path));
  if (original !== undefined && given !== undefined && hashOf(original) !== given) return refuse(messages.editFileChanged(path));
  const text = await draftText(root, draft);
  const added = newProblems(await problemsOnDisk(root), (await checkWith(root, path, text)).problems);
  if (added.length > 0) return refuse(messages.editNotSaved(added.length), added.map(formatProblem));
  if (text !== original) await writeAtomically(join(root, path), text);
  served.set(servedKey(root, path), hashOf(text));
  return { status: 200, body: { message: "entry persisted" } };
}

/**
 * Saves a new chapter from the "Nyt kapitel" form (create.ts), unless that would add a problem.
 * The reply names where the editor lists it, so the page can go there (edit.js).
 */
async function persistNewChapter(root: string, draft: Draft): Promise<BackendReply> {
  const created = await newChapter(root, draft);
  if ("problem" in created) return refuse(created.problem);
  const added = newProblems(await problemsOnDisk(root), (await checkFiles(root, created.changes)).problems);
  if (added.length > 0) return refuse(messages.editNotSaved(added.length), added.map(formatProblem));
  // The chapter first, then the document that lists it.
  for (const [file, text] of created.changes) await writeAtomically(join(root, file), text);
  return { status: 200, body: { message: "entry persisted", created: { path: created.path, ...created.location } } };
}

/**
 * Answers one request of the proxy backend. `root` is the project folder (the working copy).
 * Saves are checked: problems the save would add are returned as the error, and nothing is written.
 */
export async function handleBackend(root: string, request: { action?: string; params?: Record<string, unknown> }): Promise<BackendReply> {
  const params = request.params ?? {};
  switch (request.action) {
    case "info":
      return { status: 200, body: { repo: posix.basename(root), publish_modes: ["simple"], type: "local_fs" } };
    case "entriesByFolder": {
      const folder = scalarText(params.folder);
      const extension = scalarText(params.extension);
      const names = (await readdir(join(root, folder)).catch(() => [] as string[])).filter((name) => name.endsWith(`.${extension}`) && !name.endsWith(".schema.json"));
      // The folder collections are indicators, tables and "Nyt kapitel" (folder content/, which
      // lists nothing: the front page content/index.md has its own form).
      const paths = names
        .sort()
        .map((name) => posix.join(folder, name))
        .filter((path) => editablePath(path) && formatOf(path) !== "frontPage");
      return { status: 200, body: await Promise.all(paths.map((path) => entryOf(root, path))) };
    }
    case "entriesByFiles": {
      const files = (params.files as { path: string; label?: string }[] | undefined) ?? [];
      return { status: 200, body: await Promise.all(files.map((file) => entryOf(root, file.path, file.label))) };
    }
    case "getEntry":
      return { status: 200, body: await entryOf(root, String(params.path)) };
    case "persistEntry": {
      // Decap sends the file as dataFiles (decap-server also accepts a single entry).
      const files = (params.dataFiles ?? [params.entry]) as ({ path?: unknown; raw?: unknown; newPath?: unknown } | undefined)[];
      const entry = files.length === 1 ? files[0] : undefined;
      if (!entry || !editablePath(entry.path) || typeof entry.raw !== "string" || (entry.newPath ?? entry.path) !== entry.path) {
        return refuse(messages.editNotEditable(scalarText(entry?.newPath ?? entry?.path)));
      }
      return persist(root, entry.path, entry.raw);
    }
    case "getMedia":
      return { status: 200, body: [] };
    case "getDeployPreview":
      return { status: 200, body: null };
    default:
      // Deleting, renaming and uploading files are done in the working copy, where Git shows them.
      return refuse(messages.editNotSupported(String(request.action ?? "")));
  }
}
