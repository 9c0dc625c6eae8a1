// Form fields for the browser editor (Decap CMS), generated from the project's zod schemas, so the
// forms and `npm run check` can never disagree: every field, whether it is required, its allowed
// values, its pattern and its number bounds come from the schema; only the Danish texts come from
// labels.ts. Decap's field options: https://decapcms.org/docs/widgets/
import { z } from "zod";
import { FIELD_TEXTS, type FormatName } from "./labels.ts";

/** A JSON Schema node as zod's toJSONSchema writes it (the parts the editor uses). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number)[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  /** The Danish message of the schema's pattern (added by jsonSchemaOf). */
  "x-message"?: string;
}

/** One field of a Decap CMS form (https://decapcms.org/docs/configuration-options/#fields). */
export interface EditorField {
  name: string;
  label: string;
  widget: "string" | "text" | "markdown" | "decimal" | "boolean" | "select" | "list" | "object" | "hidden" | "json";
  required: boolean;
  hint?: string;
  /** [regular expression, message shown when the value does not match]. */
  pattern?: [string, string];
  /** Allowed values, or for a select of documents, each value with the title shown for it. */
  options?: (string | number | { label: string; value: string })[];
  value_type?: "int" | "float";
  min?: number;
  max?: number;
  default?: unknown;
  fields?: EditorField[];
  field?: EditorField;
  /** Markdown widget: plain text only, so Markdown and directive lines are saved exactly as typed. */
  modes?: ["raw"];
  collapsed?: boolean;
  summary?: string;
}

/**
 * The schema as JSON Schema (zod's own conversion, as `npm run schema` writes it), with each
 * pattern's Danish message from the zod check attached as "x-message".
 */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override(context) {
      const checks = (context.zodSchema._zod.def as { checks?: { _zod: { def: { format?: string; error?: (issue: unknown) => unknown } } }[] }).checks;
      const regex = checks?.find((check) => check._zod.def.format === "regex");
      const message = regex?._zod.def.error?.({});
      if (typeof message === "string") (context.jsonSchema as JsonSchema)["x-message"] = message;
    },
  }) as JsonSchema;
}

const URL_PATTERN = "^https?://\\S+$";

function patternOf(node: JsonSchema): [string, string] | undefined {
  if (node.format === "uri") return [URL_PATTERN, "skriv hele adressen, der begynder med https://"];
  if (node.format === "email") return [node.pattern!, "skriv en e-mailadresse, fx jobcenter@kommune.dk"];
  if (node.pattern) return [node.pattern, node["x-message"] ?? "værdien har ikke den rigtige form"];
  return undefined;
}

/** A discriminated union of objects as one object: every variant's fields, required only where all variants require them. */
function mergeVariants(variants: JsonSchema[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const variant of variants) {
    for (const [key, value] of Object.entries(variant.properties ?? {})) {
      const known = properties[key];
      if (known?.const !== undefined || value.const !== undefined) {
        const values = [...(known?.enum ?? (known?.const !== undefined ? [known.const as string] : [])), value.const as string];
        properties[key] = { type: "string", enum: [...new Set(values)] };
      } else properties[key] ??= value;
    }
  }
  const required = Object.keys(properties).filter((key) => variants.every((variant) => variant.required?.includes(key)));
  return { type: "object", properties, required };
}

/**
 * The form fields of an object schema. Throws when a field has no Danish text in labels.ts.
 * @param format which texts to use (labels.ts)
 */
export function formFields(schema: z.ZodType, format: FormatName): EditorField[] {
  return objectFields(jsonSchemaOf(schema), format, "");
}

function objectFields(node: JsonSchema, format: FormatName, prefix: string): EditorField[] {
  return Object.entries(node.properties ?? {}).map(([name, child]) =>
    fieldOf(name, child, format, prefix ? `${prefix}.${name}` : name, node.required?.includes(name) ?? false),
  );
}

function fieldOf(name: string, node: JsonSchema, format: FormatName, path: string, required: boolean): EditorField {
  const text = (FIELD_TEXTS[format] as Record<string, { label: string; hint?: string; long?: boolean }>)[path];
  if (!text) throw new Error(`The field "${path}" of the ${format} format has no Danish label in scripts/edit/labels.ts.`);
  const base = { name, label: text.label, required, ...(text.hint ? { hint: text.hint } : {}) };

  if (name === "$schema") return { ...base, widget: "hidden", required: false };
  const nullable = node.anyOf?.some((variant) => variant.type === "null");
  if (nullable)
    return fieldOf(
      name,
      node.anyOf!.find((variant) => variant.type !== "null")!,
      format,
      path,
      false,
    );
  if (node.oneOf) return fieldOf(name, mergeVariants(node.oneOf), format, path, required);
  // A number or a range in one place, or a free-form object: edited as JSON text (edit.js's json widget).
  if (node.anyOf || (node.type === "object" && !node.properties)) return { ...base, widget: "json" };
  if (node.const !== undefined) return { ...base, widget: "hidden", default: node.const };
  // Text or number ("agenda_item"): typed as text; merge.ts keeps a number a number.
  if (Array.isArray(node.type)) return fieldOf(name, { ...node, type: node.type.includes("string") ? "string" : node.type[0] }, format, path, required);
  // A value the JSON Schema cannot describe (a zod refinement, e.g. a plan's years "2021" or
  // "2024-2026"): typed as text, checked by the project's validation; merge.ts keeps digits a number.
  if (node.type === undefined && node.const === undefined && !node.enum) return { ...base, widget: "string" };
  if (node.enum) return { ...base, widget: "select", options: node.enum, ...(node.default !== undefined ? { default: node.default } : {}) };

  switch (node.type) {
    case "string": {
      const pattern = patternOf(node);
      return { ...base, widget: text.long ? "text" : "string", ...(pattern ? { pattern } : {}), ...(node.default !== undefined ? { default: node.default } : {}) };
    }
    case "number":
    case "integer":
      // Decap's own number field is the browser's, which reads "5,0" as 50 in an English-language
      // browser: the "decimal" widget (client/edit.js) reads numbers the Danish way.
      return {
        ...base,
        widget: "decimal",
        value_type: node.type === "integer" ? "int" : "float",
        ...(node.minimum !== undefined ? { min: node.minimum } : {}),
        ...(node.maximum !== undefined ? { max: node.maximum } : {}),
      };
    case "boolean":
      return { ...base, widget: "boolean" };
    case "object":
      return { ...base, widget: "object", collapsed: !required, fields: objectFields(node, format, path) };
    case "array": {
      const items = node.items ?? {};
      const list = { ...base, widget: "list" as const, ...(node.minItems !== undefined ? { min: node.minItems } : {}) };
      if (items.type === "object" && items.properties) {
        const fields = objectFields(items, format, path);
        // Open, so a new quarter's figure is one click away; the summary names a folded item.
        return { ...list, collapsed: false, summary: `{{fields.${fields[0]!.name}}}`, fields };
      }
      return { ...list, field: { ...fieldOf(name, items, format, path, true), label: text.label } };
    }
    default:
      throw new Error(`The field "${path}" of the ${format} format has a type the editor cannot show: ${JSON.stringify(node)}.`);
  }
}
