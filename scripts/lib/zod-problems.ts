// Turns zod's issues into editor messages from the one catalogue.
import type { z } from "zod";
import { messages, type MessageText, type Problem } from "../messages.ts";
import { readJson } from "./json.ts";

export function pathText(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key as string];
  }
  return value;
}

const TYPE_NAMES: Record<string, string> = {
  string: "en tekst",
  number: "et tal",
  int: "et heltal",
  boolean: "true eller false",
  array: "en liste",
  object: "en gruppe af felter",
};

/**
 * One message per zod issue, with the path it concerns.
 * @param format where the value was written: a data file (JSON, the default) or a page's front matter (YAML), for how to add a missing field
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, format: "json" | "front matter" = "json"): MessageText & { path: string } {
  const path = pathText(issue.path);
  const field = path || "(hele filen)";
  const found = valueAt(input, issue.path);
  if (found === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union")) {
    return { path, ...(format === "json" ? messages.missingDataField(field, String(issue.path.at(-1) ?? field)) : messages.missingField(field)) };
  }
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "number" || issue.expected === "int") {
        return { path, ...messages.notANumber(found) };
      }
      return { path, ...messages.wrongType(field, TYPE_NAMES[issue.expected] ?? issue.expected, found) };
    case "invalid_value":
      return { path, ...messages.unknownValue(field, found, issue.values) };
    case "unrecognized_keys":
      return {
        path: pathText([...issue.path, issue.keys[0] ?? ""]),
        ...messages.unknownField(issue.keys.join(", ")),
      };
    case "invalid_format":
      // The period pattern in content/data-schema.ts (observations' period, a target's by).
      if (typeof found === "string" && (issue.path.at(-1) === "period" || issue.path.at(-1) === "by")) {
        return { path, ...messages.badPeriod(found) };
      }
      return { path, ...messages.invalidField(field, issue.message) };
    case "invalid_union":
      return { path, ...messages.invalidField(field, "formen passer ikke til nogen af de tilladte") };
    default:
      return { path, ...messages.invalidField(field, issue.message) };
  }
}

/**
 * Reads a JSON file's text (a BOM allowed) by the one JSON reading (lib/json.ts) and validates it
 * against `schema`: the value, or the problems naming `file` (syntax, duplicate keys and numbers
 * too large with line and column, or one per zod issue with its JSON path).
 */
export function parseJsonWith<T>(schema: z.ZodType<T>, text: string, file: string): { value?: T; input?: unknown; problems: Problem[] } {
  const read = readJson(text, file);
  if (read.problems.length > 0) return { problems: read.problems };
  const input = read.value;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { input, problems: parsed.error.issues.map((issue) => ({ file, ...describeIssue(issue, input) })) };
  return { value: parsed.data, input, problems: [] };
}
