// A new chapter (or focus area) from the editor's "Nyt kapitel" form: the form names the document
// and the file name, so a new page needs no terminal. Saving it writes two files: the chapter in
// the document's folder, and the document's index.md with the name added last in `chapters` (the
// editor moves it in the document's form). Both are checked together before anything is written.
import { parse } from "yaml";
import { messages } from "../messages.ts";
import { readable, readOriginal, type Draft } from "./check.ts";
import { chapterLocation, NEW_CHAPTER, schemaOf } from "./config.ts";
import { mergeMarkdown, splitMarkdown } from "./merge.ts";

// As a chapter name in a document's `chapters` (content/schema.ts), and as the guide asks file names.
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DOCUMENT = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;

/**
 * Whether a draft comes from the "Nyt kapitel" form: Decap names it content/<filnavn>.md, and no
 * page but the front page lives directly in content/.
 */
export function isNewChapter(draft: Draft): boolean {
  return /^content\/[^/]+\.md$/.test(draft.path) && draft.path !== "content/index.md";
}

/** What saving a new chapter would write, or why it cannot be saved. */
export type NewChapter =
  | {
      /** content/<document>/<name>.md */
      path: string;
      /** The chapter's own fields (the form's document and file name removed). */
      draft: Draft;
      /** File path → text: the new chapter and its document's index.md. */
      changes: Map<string, string>;
      /** Where the editor lists it once the page is reloaded. */
      location: { collection: string; entry: string };
    }
  | { problem: { message: string; hint?: string }; path: string };

/**
 * The files a new chapter from the form would write into the working copy in `root`. Refuses a
 * document that does not exist, a file name that cannot be one, and a page that already exists.
 */
export async function newChapter(root: string, draft: Draft): Promise<NewChapter> {
  const { [NEW_CHAPTER.document]: document, [NEW_CHAPTER.name]: name, ...data } = draft.data;
  const folder = typeof document === "string" && DOCUMENT.test(document) ? `content/${document}` : "content";
  const path = `${folder}/${typeof name === "string" && NAME.test(name) ? name : "…"}.md`;
  const index = `${folder}/index.md`;
  const indexText = folder === "content" ? undefined : await readOriginal(root, index);
  if (indexText === undefined) return { problem: messages.editNoDocument(typeof document === "string" ? document : ""), path };
  if (typeof name !== "string" || !NAME.test(name) || name === "index") return { problem: messages.editChapterName(typeof name === "string" ? name : ""), path };
  if ((await readOriginal(root, path)) !== undefined) return { problem: messages.editChapterExists(path), path };
  if (!readable(index, indexText)) return { problem: messages.editUnreadable(index), path: index };

  const { yaml, body } = splitMarkdown(indexText);
  const indexData = (parse(yaml, { version: "1.2" }) ?? {}) as Record<string, unknown>;
  const chapters: unknown[] = Array.isArray(indexData.chapters) ? indexData.chapters : [];
  const chapter: Draft = { path, data, body: draft.body ?? "" };
  return {
    path,
    draft: chapter,
    location: chapterLocation(path, indexData.kind ?? folder.split("/")[1], data),
    changes: new Map([
      [path, mergeMarkdown(undefined, data, chapter.body!, schemaOf("chapter"))],
      [index, mergeMarkdown(indexText, { ...indexData, chapters: [...chapters, name] }, body, schemaOf("document"))],
    ]),
  };
}
