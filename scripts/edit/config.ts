// The browser editor's configuration (Decap CMS, https://decapcms.org/docs/configuration-options/):
// collections for the documents and their chapters, the focus areas, indicators, tables and the
// municipality's settings, with form fields generated from the zod schemas (fields.ts). Documents
// are listed from the working copy, each with its chapters in the order of its `chapters` list.
import { readdir, readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { parse } from "yaml";
import { chapterSchema, documentSchema, frontPageSchema, siteSchema } from "../content/schema.ts";
import { indicatorSchema, tableSchema } from "../content/data-schema.ts";
import { formFields, jsonSchemaOf, type EditorField, type JsonSchema } from "./fields.ts";
import { FIELD_TEXTS, type FormatName } from "./labels.ts";
import { splitMarkdown } from "./merge.ts";

export const SCHEMAS = {
  document: documentSchema,
  chapter: chapterSchema,
  frontPage: frontPageSchema,
  site: siteSchema,
  indicator: indicatorSchema,
  table: tableSchema,
} as const;

/** Which format a project file has, from its path; undefined for files the editor does not edit. */
export function formatOf(path: string): FormatName | undefined {
  if (path === "data/site.json") return "site";
  if (/^data\/indicators\/[^/]+\.json$/.test(path)) return "indicator";
  if (/^data\/tables\/[^/]+\.json$/.test(path)) return "table";
  if (path === "content/index.md") return "frontPage";
  if (/^content\/.+\/index\.md$/.test(path)) return "document";
  if (/^content\/.+\.md$/.test(path)) return "chapter";
  return undefined;
}

const schemaCache = new Map<FormatName, JsonSchema>();
/** The JSON Schema of a format (cached: the editor asks for it on every preview and save). */
export function schemaOf(format: FormatName): JsonSchema {
  if (!schemaCache.has(format)) schemaCache.set(format, jsonSchemaOf(SCHEMAS[format]));
  return schemaCache.get(format)!;
}

/** A Markdown file of content/ as the editor lists it. */
export interface ContentFile {
  /** Posix path from the project root: "content/strategi/2022/fokusomraade-1.md". */
  path: string;
  data: Record<string, unknown>;
}

/** Every Markdown file below content/, with its front matter (empty when it cannot be read). */
export async function listContent(root: string): Promise<ContentFile[]> {
  const entries = await readdir(join(root, "content"), { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md") && !entry.name.startsWith("."))
    .map((entry) => posix.join("content", posix.relative(join(root, "content").split("\\").join("/"), join(entry.parentPath, entry.name).split("\\").join("/"))))
    .filter((path) => !path.split("/").some((part) => part.startsWith(".")))
    .sort();
  return Promise.all(
    paths.map(async (path) => {
      let data: Record<string, unknown> = {};
      try {
        const parsed: unknown = parse(splitMarkdown(await readFile(join(root, path), "utf8")).yaml, { version: "1.2" });
        if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
      } catch {
        // A file whose front matter cannot be read is still listed: the editor is where it gets fixed.
      }
      return { path, data };
    }),
  );
}

const BODY: EditorField = {
  name: "body",
  label: FIELD_TEXTS.chapter.body!.label,
  hint: FIELD_TEXTS.chapter.body!.hint,
  widget: "markdown",
  modes: ["raw"],
  required: false,
};

/** The form of a format: its schema's fields, and the Markdown text for pages. */
export function formOf(format: FormatName, options: { focusArea?: boolean } = {}): EditorField[] {
  const fields = formFields(SCHEMAS[format], format);
  if (options.focusArea) for (const field of fields) if (field.name === "goal" || field.name === "goal_text") field.required = true;
  return format === "document" || format === "chapter" || format === "frontPage" ? [...fields, BODY] : fields;
}

/**
 * The "Nyt kapitel" collection's own fields (create.ts): the document a new chapter goes in
 * ("plan/2021", its folder below content/) and the chapter's file name without .md.
 */
export const NEW_CHAPTER = { collection: "nyt-kapitel", document: "dokument", name: "filnavn" } as const;

const KIND_COLLECTIONS = [
  { kind: "plan", name: "planer", label: "Planer", singular: "Plan" },
  { kind: "strategi", name: "strategier", label: "Strategier", singular: "Strategi" },
  { kind: "bilag", name: "bilag", label: "Bilag", singular: "Bilag" },
] as const;

/** Whether a chapter is listed among the focus areas: a strategy's chapter with a goal. */
const isFocusArea = (kind: unknown, data: Record<string, unknown>) => kind === "strategi" && data.goal !== undefined;

/** Where the editor lists a chapter of a document of `kind`: its collection and entry (URL #/collections/…/entries/…). */
export function chapterLocation(path: string, kind: unknown, data: Record<string, unknown>): { collection: string; entry: string } {
  const collection = isFocusArea(kind, data) ? "fokusomraader" : (KIND_COLLECTIONS.find((c) => c.kind === kind)?.name ?? "planer");
  return { collection, entry: entryName(path) };
}

const text = (value: unknown, fallback: string) => (typeof value === "string" && value.trim() ? value : fallback);
const entryName = (path: string) =>
  path
    .replace(/^content\//, "")
    .replace(/\.md$/, "")
    .replace(/[^a-z0-9]+/g, "-");

/** A document's title as a committee reads it ("Bilag 2 – Indikatorer"), from its front matter. */
function documentTitle(data: Record<string, unknown>, folder: string): string {
  const title = text(data.title, folder);
  return data.kind === "bilag" && typeof data.number === "number" ? `Bilag ${data.number} – ${title}` : title;
}

/**
 * The whole Decap CMS configuration for the files of the working copy. The backend is Decap's
 * "proxy" backend, which speaks to `npm run edit`'s own server (backend.ts); the web team replaces
 * it with github, gitlab or azure for production (README).
 */
export function editorConfig(content: readonly ContentFile[], options: { origin: string }): Record<string, unknown> {
  const documents = content.filter((file) => formatOf(file.path) === "document");
  const focusAreas: Record<string, unknown>[] = [];
  const documentOptions: { label: string; value: string }[] = [];
  const kindCollections = KIND_COLLECTIONS.map(({ kind, name, label }) => {
    const files: Record<string, unknown>[] = [];
    for (const document of documents.filter((d) => (d.data.kind ?? d.path.split("/")[1]) === kind)) {
      const folder = posix.dirname(document.path);
      const title = documentTitle(document.data, folder);
      documentOptions.push({ label: title, value: folder.replace(/^content\//, "") });
      files.push({ name: entryName(document.path), label: title, file: document.path, fields: formOf("document") });
      const listed = Array.isArray(document.data.chapters) ? document.data.chapters.map(String) : [];
      const own = content.filter((file) => posix.dirname(file.path) === folder && file !== document);
      const order = (file: ContentFile) => {
        const index = listed.indexOf(posix.basename(file.path, ".md"));
        return index < 0 ? listed.length : index;
      };
      for (const chapter of own.sort((a, b) => order(a) - order(b) || a.path.localeCompare(b.path))) {
        const entry = { name: entryName(chapter.path), label: `${title} › ${text(chapter.data.title, posix.basename(chapter.path, ".md"))}`, file: chapter.path };
        if (isFocusArea(kind, chapter.data)) focusAreas.push({ ...entry, fields: formOf("chapter", { focusArea: true }) });
        else files.push({ ...entry, fields: formOf("chapter") });
      }
    }
    return { name, label, files };
  });
  const [plans, strategies, appendices] = kindCollections;
  const pages = { format: "yaml-frontmatter", extension: "md", editor: { preview: true } };
  return {
    backend: { name: "proxy", proxy_url: `${options.origin}/api/v1` },
    locale: "da",
    media_folder: "data",
    public_folder: "/",
    publish_mode: "simple",
    collections: [
      { ...plans, ...pages, description: "Beskæftigelsesplanerne, ét dokument pr. år, med deres kapitler." },
      { ...strategies, ...pages, description: "Beskæftigelsesstrategiens revisioner. Fokusområderne har deres egen samling." },
      { name: "fokusomraader", label: "Fokusområder", ...pages, description: "Strategiens fokusområder med mål nr. og målet.", files: focusAreas },
      { ...appendices, ...pages, description: "Bilagene til strategien." },
      {
        name: NEW_CHAPTER.collection,
        label: "Nyt kapitel",
        label_singular: "side (kapitel eller fokusområde)",
        description:
          "Opret et kapitel eller et fokusområde i et dokument. Det sættes sidst i dokumentets kapitler; rækkefølgen ændrer du i dokumentets felt Kapitler. Bagefter står det under sit dokument.",
        folder: "content",
        ...pages,
        create: true,
        delete: false,
        slug: `{{fields.${NEW_CHAPTER.name}}}`,
        identifier_field: NEW_CHAPTER.name,
        summary: "{{title}}",
        fields: [
          {
            name: NEW_CHAPTER.document,
            label: "Dokument",
            hint: "Det dokument, kapitlet skal stå i.",
            widget: "select",
            required: true,
            options: documentOptions,
          },
          {
            name: NEW_CHAPTER.name,
            label: "Filnavn",
            hint: "Uden .md, kun små bogstaver a-z, tal og bindestreg (æ → ae, ø → oe, å → aa), fx indsatser-2026. Navnet bliver en del af sidens webadresse og står i dokumentets Kapitler.",
            widget: "string",
            required: true,
            pattern: ["^[a-z0-9]+(-[a-z0-9]+)*$", "skriv kun små bogstaver a-z, tal og bindestreg, fx indsatser-2026"],
          },
          ...formOf("chapter"),
        ],
      },
      {
        name: "indikatorer",
        label: "Indikatorer",
        label_singular: "Indikator",
        description: "Tallene bag hver indikator og hvert diagram (data/indicators).",
        folder: "data/indicators",
        extension: "json",
        format: "json",
        create: true,
        // Deleting is done in the working copy, where Git shows it (backend.ts refuses it too).
        delete: false,
        slug: "{{id}}",
        identifier_field: "id",
        summary: "{{id}} – {{title}}",
        editor: { preview: true },
        fields: formOf("indicator"),
      },
      {
        name: "tabeller",
        label: "Tabeller",
        label_singular: "Tabel",
        description: "Tabeller, der indsættes med ::: table (data/tables).",
        folder: "data/tables",
        extension: "json",
        format: "json",
        create: true,
        delete: false,
        slug: "{{id}}",
        identifier_field: "id",
        summary: "{{id}} – {{caption}}",
        editor: { preview: true },
        fields: formOf("table"),
      },
      {
        name: "indstillinger",
        label: "Indstillinger",
        description: "Kommunens navn, farver, kontakt og tilgængelighedserklæring, og forsiden.",
        editor: { preview: true },
        files: [
          { name: "site", label: "Kommunens oplysninger", file: "data/site.json", format: "json", fields: formOf("site") },
          { name: "forside", label: "Forsiden", file: "content/index.md", format: "yaml-frontmatter", fields: formOf("frontPage") },
        ],
      },
    ],
  };
}
