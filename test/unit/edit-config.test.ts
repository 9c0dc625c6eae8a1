// The browser editor's configuration is generated from the zod schemas: every field of every
// format appears in its form with the schema's required flag, allowed values, pattern and bounds.
import { describe, expect, it } from "vitest";
import { editorConfig, formOf, listContent, schemaOf, SCHEMAS } from "../../scripts/edit/config.ts";
import type { EditorField, JsonSchema } from "../../scripts/edit/fields.ts";
import type { FormatName } from "../../scripts/edit/labels.ts";
import { ROOT } from "../helpers.ts";

/** Every property of a JSON Schema, with its path, node and whether it is required: the schema's own view. */
function schemaFields(node: JsonSchema, prefix = ""): { path: string; node: JsonSchema; required: boolean }[] {
  const variants = node.oneOf ?? [node];
  const seen = new Map<string, { path: string; node: JsonSchema; required: boolean }>();
  for (const variant of variants) {
    for (const [name, child] of Object.entries(variant.properties ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      const required = variants.every((v) => v.required?.includes(name));
      // A union's discriminator ("kind": "value" | "series" | "trend") is a choice between its constants.
      const consts = variants.map((v) => v.properties?.[name]?.const).filter((c) => c !== undefined);
      const node = variants.length > 1 && consts.length > 0 ? { type: "string", enum: consts as string[] } : child;
      if (!seen.has(path)) seen.set(path, { path, node, required });
    }
  }
  return [...seen.values()].flatMap((field) => {
    const inner = field.node.type === "array" ? (field.node.items ?? {}) : field.node;
    return [field, ...(inner.properties || inner.oneOf ? schemaFields(inner, field.path) : [])];
  });
}

/** The form field at a dotted path (list items and objects both descend into `fields`/`field`). */
function formField(fields: readonly EditorField[], path: string): EditorField | undefined {
  const [head, ...rest] = path.split(".");
  const field = fields.find((f) => f.name === head);
  if (!field || rest.length === 0) return field;
  return formField(field.fields ?? field.field?.fields ?? [], rest.join("."));
}

const FORMATS = Object.keys(SCHEMAS) as FormatName[];

describe("the editor's forms", () => {
  it.each(FORMATS)("list every field of the %s schema with its rules", (format) => {
    const form = formOf(format);
    const fields = schemaFields(schemaOf(format));
    expect(fields.length).toBeGreaterThan(1);
    for (const { path, node, required } of fields) {
      const field = formField(form, path);
      expect(field, `${format}.${path}`).toBeDefined();
      if (path === "$schema") {
        expect(field!.widget).toBe("hidden");
        continue;
      }
      expect(field!.label, `${format}.${path}`).toMatch(/^[A-ZÆØÅ]/);
      const nullable = node.anyOf?.some((v) => v.type === "null") ?? false;
      // An optional group's fields are required inside the group, as in the schema.
      expect(field!.required, `${format}.${path} required`).toBe(required && !nullable && node.const === undefined);
      const value = nullable ? node.anyOf!.find((v) => v.type !== "null")! : node;
      if (value.enum) expect(field!.options).toEqual(value.enum);
      if (value.pattern && value.format === undefined) {
        expect(field!.pattern?.[0], `${format}.${path} pattern`).toBe(value.pattern);
        expect(field!.pattern?.[1]).toMatch(/\S/);
      }
      if (value.type === "integer") expect(field!.value_type).toBe("int");
      if (value.type === "number") expect(field!.value_type).toBe("float");
      if (value.minimum !== undefined) expect(field!.min).toBe(value.minimum);
      if (value.maximum !== undefined) expect(field!.max).toBe(value.maximum);
      if (value.type === "array") expect(field!.widget).toBe("list");
      if (value.type === "boolean") expect(field!.widget).toBe("boolean");
    }
  });

  it("carries the schema's Danish pattern messages", () => {
    const period = formField(formOf("indicator"), "series.observations.period")!;
    expect(period.pattern).toEqual(["^\\d{4}(-(0[1-9]|1[0-2])|-K[1-4])?$", 'perioden skal skrives som "2020-08", "2020-K2" eller "2020"']);
    expect(new RegExp(period.pattern![0]).test("2021-13")).toBe(false);
    expect(formField(formOf("indicator"), "series.observations.value")).toMatchObject({ widget: "decimal", value_type: "float", required: true });
    expect(formField(formOf("indicator"), "target.kind")).toMatchObject({ widget: "select", options: ["value", "series", "trend"], required: true });
    expect(formField(formOf("indicator"), "target.value")).toMatchObject({ widget: "decimal", required: false });
    expect(formField(formOf("document"), "status")).toMatchObject({ widget: "select", options: ["udkast", "vedtaget"], required: true });
    expect(formField(formOf("document"), "body")).toMatchObject({ widget: "markdown", modes: ["raw"] });
  });

  it("has collections for documents with their chapters, focus areas, indicators, tables and settings", async () => {
    const config = editorConfig(await listContent(ROOT), { origin: "http://127.0.0.1:1" });
    const collections = config.collections as { name: string; files?: { file: string; label: string; fields: EditorField[] }[]; folder?: string }[];
    expect(collections.map((c) => c.name)).toEqual(["planer", "strategier", "fokusomraader", "bilag", "nyt-kapitel", "indikatorer", "tabeller", "indstillinger"]);
    const files = (name: string) => collections.find((c) => c.name === name)!.files!;
    expect(
      files("planer")
        .map((f) => f.file)
        .slice(0, 4),
    ).toEqual([
      "content/plan/2018/index.md",
      "content/plan/2018/udviklingen-paa-arbejdsmarkedet.md",
      "content/plan/2018/prioriteringer-og-indsatser-i-2018.md",
      "content/plan/2018/konkretisering-af-spor-1-og-2.md",
    ]);
    const focus = files("fokusomraader");
    expect(focus.map((f) => f.file)).toContain("content/strategi/2022/fokusomraade-1.md");
    expect(focus).toHaveLength(10);
    for (const file of focus) {
      expect(formField(file.fields, "goal")!.required).toBe(true);
      expect(formField(file.fields, "goal_text")!.required).toBe(true);
    }
    expect(files("strategier").map((f) => f.file)).toEqual(["content/strategi/2020/index.md", "content/strategi/2020/principper.md", "content/strategi/2022/index.md"]);
    expect(files("bilag").map((f) => f.label)).toContain("Bilag 2 – Indikatorer");
    expect(collections.find((c) => c.name === "indikatorer")!.folder).toBe("data/indicators");
    expect(files("indstillinger").map((f) => f.file)).toEqual(["data/site.json", "content/index.md"]);
    // A new chapter: which document, its file name, then a chapter's form.
    const newChapter = collections.find((c) => c.name === "nyt-kapitel") as unknown as { folder: string; create: boolean; fields: EditorField[] };
    expect(newChapter).toMatchObject({ folder: "content", create: true });
    expect(newChapter.fields.map((f) => f.name)).toEqual(["dokument", "filnavn", ...formOf("chapter").map((f) => f.name)]);
    expect(newChapter.fields[0]!.options).toContainEqual({ label: "Beskæftigelsesstrategi – revideret november 2022", value: "strategi/2022" });
    const documents = ["planer", "strategier", "bilag"].flatMap(files).filter((f) => f.file.endsWith("/index.md"));
    expect(newChapter.fields[0]!.options).toHaveLength(documents.length);
    expect(newChapter.fields[1]).toMatchObject({ required: true, pattern: ["^[a-z0-9]+(-[a-z0-9]+)*$", expect.any(String)] });
    expect(config.backend).toEqual({ name: "proxy", proxy_url: "http://127.0.0.1:1/api/v1" });
  });
});
