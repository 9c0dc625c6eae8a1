// What the browser editor saves, merged into the file as it is on disk: only the values the editor
// changed are rewritten. Front matter keeps its key order, quoting, flow lists and comments (the
// `yaml` package's document model); JSON files keep their layout (jsonc-parser's minimal edits);
// the Markdown body keeps its surrounding blank lines. Pure: text in, text out.
import { applyEdits, modify, type JSONPath } from "jsonc-parser";
import { isMap, isScalar, parseDocument, type Document } from "yaml";
import type { JsonSchema } from "./fields.ts";

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/;

/** A Markdown file's front matter (YAML text, "" when there is none) and body. */
export function splitMarkdown(text: string): { yaml: string; body: string } {
  const match = FRONT_MATTER.exec(text.replace(/\r\n?/g, "\n"));
  if (!match) return { yaml: "", body: text };
  return { yaml: match[1] ?? "", body: text.replace(/\r\n?/g, "\n").slice(match[0].length) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}

/** The schema of a child value: an object's property, an array's items, a union's matching variant. */
function childSchema(schema: JsonSchema | undefined, key: string | number): JsonSchema | undefined {
  if (!schema) return undefined;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) {
    const found = variants.map((variant) => childSchema(variant, key)).filter((child) => child !== undefined);
    return found.length > 0 ? { anyOf: found } : undefined;
  }
  return typeof key === "number" ? schema.items : schema.properties?.[key];
}

const allowsNull = (schema: JsonSchema | undefined) => schema?.anyOf?.some((variant) => variant.type === "null") ?? false;

/**
 * Removes what a form leaves behind for fields the editor did not fill in: empty texts, nulls and
 * empty groups of optional fields (a nullable field gets null), so a saved file says what the
 * editor wrote and nothing else. Empty lists stay where the file had them.
 */
export function prune(value: unknown, schema: JsonSchema | undefined, original?: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => prune(item, childSchema(schema, i), Array.isArray(original) ? original[i] : undefined));
  }
  // A form's text field for a value that may also be a number ("agenda_item: 5") keeps it a number.
  const types = Array.isArray(schema?.type) ? schema.type : [];
  if (typeof value === "string" && types.includes("number") && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (typeof value === "string" && types.includes("integer") && /^-?\d+$/.test(value.trim())) return Number(value);
  // A form's text for a value of no described type (a plan's year): digits are a number, as in the file.
  if (typeof value === "string" && schema !== undefined && Object.keys(schema).length === 0 && /^\d+$/.test(value.trim())) return Number(value);
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  const required = new Set([...(schema?.required ?? []), ...(schema?.oneOf?.flatMap((variant) => variant.required ?? []) ?? [])]);
  for (const [key, raw] of Object.entries(value)) {
    const child = childSchema(schema, key);
    const before = isPlainObject(original) ? original[key] : undefined;
    const item = prune(raw, child, before);
    const empty =
      item === undefined ||
      item === null ||
      item === "" ||
      (isPlainObject(item) && Object.keys(item).length === 0) ||
      (Array.isArray(item) && item.length === 0 && before === undefined && !required.has(key));
    if (!empty) result[key] = item;
    else if (allowsNull(child) && required.has(key)) result[key] = null;
    else if (required.has(key) && item !== undefined && item !== null) result[key] = item;
  }
  return result;
}

function setYaml(doc: Document, key: string, value: unknown): void {
  const node = doc.get(key, true);
  const scalar = value === null || typeof value !== "object";
  // A changed text or number keeps its node, and with it its quoting ("2022" stays quoted).
  if (isScalar(node) && scalar) node.value = value;
  else {
    const flow = (node as { flow?: boolean } | undefined)?.flow;
    doc.set(key, doc.createNode(value, flow ? { flow: true } : {}));
  }
}

/**
 * A Markdown file with the editor's front matter `data` and `body`, written over `original` (the
 * file on disk, or undefined for a new file) so that unchanged fields stay byte for byte.
 */
export function mergeMarkdown(original: string | undefined, data: Record<string, unknown>, body: string, schema: JsonSchema): string {
  const before = original === undefined ? undefined : splitMarkdown(original);
  const doc: Document = parseDocument(before?.yaml ?? "", { version: "1.2" });
  const old = (doc.toJS() ?? {}) as Record<string, unknown>;
  const fields = prune(data, schema, old) as Record<string, unknown>;
  if (!isMap(doc.contents)) doc.contents = doc.createNode({});
  for (const key of Object.keys(old)) if (!(key in fields)) doc.delete(key);
  for (const [key, value] of Object.entries(fields)) if (!deepEqual(old[key], value)) setYaml(doc, key, value);
  const yaml = before && deepEqual(old, fields) ? before.yaml : doc.toString({ lineWidth: 0, flowCollectionPadding: false });

  const oldBody = before?.body ?? "\n";
  const text = body.replace(/\r\n?/g, "\n");
  const newBody = text.trim() === oldBody.trim() ? oldBody : `${/^\s*/.exec(oldBody)![0]}${text.trim()}${/\s*$/.exec(oldBody)![0] || "\n"}`;
  return `---\n${yaml}---\n${newBody}`;
}

/** The jsonc-parser edits that turn `old` into `value` at `path`, element by element. */
function jsonChanges(path: JSONPath, old: unknown, value: unknown, changes: [JSONPath, unknown, boolean][]): void {
  if (deepEqual(old, value)) return;
  if (isPlainObject(old) && isPlainObject(value)) {
    for (const key of Object.keys(old)) if (!(key in value)) changes.push([[...path, key], undefined, false]);
    for (const [key, item] of Object.entries(value)) jsonChanges([...path, key], old[key], item, changes);
  } else if (Array.isArray(old) && Array.isArray(value)) {
    const common = Math.min(old.length, value.length);
    for (let i = 0; i < common; i++) jsonChanges([...path, i], old[i], value[i], changes);
    for (let i = old.length - 1; i >= value.length; i--) changes.push([[...path, i], undefined, false]);
    for (let i = old.length; i < value.length; i++) changes.push([[...path, i], value[i], true]);
  } else changes.push([path, value, false]);
}

/**
 * A JSON data file with the editor's `data`, written over `original` (or undefined for a new file):
 * unchanged parts keep their layout, changed values are edited in place, and a new file gets two
 * spaces of indentation and a final newline like the rest of data/.
 */
export function mergeJson(original: string | undefined, data: Record<string, unknown>, schema: JsonSchema): string {
  if (original === undefined) {
    const fields = prune(data, schema) as Record<string, unknown>;
    const ordered = Object.fromEntries(
      Object.keys(schema.properties ?? {})
        .filter((key) => key in fields)
        .map((key) => [key, fields[key]]),
    );
    return `${JSON.stringify({ ...ordered, ...fields }, null, 2)}\n`;
  }
  const old = JSON.parse(original.replace(/^\uFEFF/, "")) as unknown;
  const fields = prune(data, schema, old) as Record<string, unknown>;
  // "$schema" is not a form field (it tells editors' tools which format the file has): it stays.
  if (isPlainObject(old) && typeof old.$schema === "string") fields.$schema ??= old.$schema;
  const changes: [JSONPath, unknown, boolean][] = [];
  jsonChanges([], old, fields, changes);
  let text = original;
  for (const [path, value, isArrayInsertion] of changes) {
    text = applyEdits(text, modify(text, path, value, { isArrayInsertion, formattingOptions: { insertSpaces: true, tabSize: 2, eol: "\n" } }));
  }
  return text;
}
