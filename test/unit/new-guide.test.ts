// The editor's guide (docs/redaktoervejledning.md) explains every message in scripts/messages.ts,
// with its exact wording: each key has a "besked: <key>" marker, and every fixed part of the
// message and its hint appears in the guide. (Named new-* because the guide came with `npm run new`.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../scripts/messages.ts";
import { ROOT } from "../helpers.ts";

const guide = readFileSync(join(ROOT, "docs", "redaktoervejledning.md"), "utf8");
const flat = guide.replace(/\s+/g, " ");
const markers = [...guide.matchAll(/<!-- besked: (\w+) -->/g)].map((match) => match[1]!);

// Every argument is this one-element list: it reads as text, a number and a list alike, so the
// message can be built without knowing its parameters; what surrounds it is the fixed wording.
const PLACEHOLDER = "§§";
const VARIABLE = /\[?"?§§"?\]?/;

function fixedParts(build: (...args: unknown[]) => { message: string; hint?: string }): string[] | undefined {
  let text;
  try {
    text = build(...Array.from({ length: build.length }, () => [PLACEHOLDER]));
  } catch {
    return undefined;
  }
  return [text.message, text.hint ?? ""]
    .flatMap((part) => part.split(VARIABLE))
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter((part) => part.length >= 3);
}

describe("the editor's guide", () => {
  it.each(Object.keys(messages))("explains the message %s with its exact wording", (key) => {
    expect(markers, `Beskeden "${key}" mangler i docs/redaktoervejledning.md (afsnit 10)`).toContain(key);
    const parts = fixedParts(messages[key as keyof typeof messages] as (...args: unknown[]) => { message: string; hint?: string });
    for (const part of parts ?? []) expect(flat, `"${key}" i docs/redaktoervejledning.md`).toContain(part);
  });

  it("has no entries for messages that no longer exist", () => {
    expect(markers.filter((key) => !(key in messages))).toEqual([]);
    expect(new Set(markers).size).toBe(markers.length);
  });

  it("describes the commands an editor runs", () => {
    for (const command of [
      "npm run new -- plan 2026",
      "npm run check",
      "npm run import --",
      "--dry-run",
      "npm start",
      "npm run build",
      "::: chart",
      "::: include",
      "[^1]",
    ]) {
      expect(guide).toContain(command);
    }
  });
});
