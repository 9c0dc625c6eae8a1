// Reads the editable files of a project (content/ and data/) from disk for buildModel().
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { checkComparisons } from "../compare/view.ts";
import { buildModel, type Model, type SourceFile } from "./load.ts";

async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith("."))
      .map((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))),
  );
  return nested.flat();
}

export async function readSourceFiles(source: string): Promise<SourceFile[]> {
  const paths = [...(await walk(join(source, "content"))), ...(await walk(join(source, "data")))]
    // Markdown and JSON, the logo, and the images pages show (png, jpg, svg in content/).
    .filter(
      (path) =>
        (/\.(md|json)$/.test(path) && !path.endsWith(".schema.json")) ||
        /\/data\/[^/]+\.svg$/.test(path) ||
        /\/content\/.+\.(png|jpe?g|svg)$/i.test(path),
    )
    .sort();
  return Promise.all(
    paths.map(async (path) => ({ path: relative(source, path).split("\\").join("/"), bytes: await readFile(path) })),
  );
}

/** Everything an editor can get wrong, checked: files, links between them, and what compare_with names. */
export async function loadModel(source: string): Promise<Model> {
  const model = buildModel(await readSourceFiles(source));
  checkComparisons(model);
  return model;
}
