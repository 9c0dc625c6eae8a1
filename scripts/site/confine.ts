// Content is data, never code: Eleventy renders exactly the pages the model validated and nothing
// else from content/. Without this, Eleventy would run any template, data file or JavaScript front
// matter it finds there (a .njk page, content/_data/*.js, "---js" in a .MD file, a folder.11tydata.js)
// and publish pages from hidden folders, while the model, which never read them, reports no problem.
import { relative, resolve } from "node:path";
import type { Model } from "../content/load.ts";

interface ConfinableConfig {
  virtualTemplates: Record<string, unknown>;
  setDataDirectory(dir: string): void;
  setDataFileSuffixes(suffixes: string[]): void;
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  addPreprocessor(name: string, ext: string, fn: (data: { page: { inputPath: string } }, content: string) => unknown): void;
}

/** Folder name Eleventy is told holds global data files; it never exists, so none are run. */
export const NO_DATA_DIR = ".no-global-data";

const refuse = (): never => {
  throw new Error("JavaScript front matter is never run: content is data.");
};

/**
 * Confines Eleventy to the model's pages: no global or directory data files, no JavaScript front
 * matter, and any template in content/ that is not a validated page (by its exact path: hidden files,
 * which scripts/content/files.ts skips, are not) dropped before it is rendered. (Eleventy's ignores
 * cannot do this: they also match the folders above content/.)
 * Virtual templates (addTemplate) are the site's own and pass.
 */
export function confineToModel(eleventyConfig: ConfinableConfig, source: string, model: () => Model): void {
  const contentDir = resolve(source, "content");
  eleventyConfig.setDataDirectory(NO_DATA_DIR);
  eleventyConfig.setDataFileSuffixes([]);
  eleventyConfig.setFrontMatterParsingOptions({ engines: { javascript: refuse, jsLegacy: refuse } });
  eleventyConfig.addPreprocessor("only-validated-pages", "*", (data) => {
    const path = resolve(data.page.inputPath);
    const inContent = relative(contentDir, path).split("\\").join("/");
    if (eleventyConfig.virtualTemplates[inContent] !== undefined) return undefined;
    const file = relative(resolve(source), path).split("\\").join("/");
    const validated = [...model().pages.values()].some((page) => page.file === file);
    return validated ? undefined : false;
  });
}
