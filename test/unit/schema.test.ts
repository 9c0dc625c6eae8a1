import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { SCHEMAS, schemaText } from "../../scripts/schema.ts";
import { ROOT } from "../helpers.ts";

it.each(Object.entries(SCHEMAS))("data/%s is up to date with the validator (run npm run schema)", async (file, schema) => {
  expect(await readFile(join(ROOT, "data", file), "utf8")).toBe(schemaText(schema));
});
