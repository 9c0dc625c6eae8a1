// What every part of the Eleventy wiring shares: the slice of Eleventy's config API it uses, the
// prepared content (the one piece of state: replaced before every build and dev-server rebuild)
// and the folders.
import { posix, relative, resolve } from "node:path";
import type { ChartDrawings } from "../../charts/stage.ts";
import type { Model } from "../../content/load.ts";
import { confineToModel } from "../confine.ts";
import { createTemplates, type Templates } from "../templates.ts";
import { siteView, type SiteView } from "../view.ts";

export interface Prepared {
  model: Model;
  /** Chart drawings (SVG at each width) by indicator id. */
  charts: Map<string, ChartDrawings>;
  /** The templates' view of the model, when the caller has made it already. */
  view?: SiteView;
  /** Each PDF's size in bytes by file name ("plan-2021.pdf"), from the PDF stage; empty without PDFs. */
  pdfSizes?: ReadonlyMap<string, number>;
}

/** The prepared content as every plugin reads it. */
export interface Ready {
  model: Model;
  charts: Map<string, ChartDrawings>;
  view: SiteView;
  pdfSizes: ReadonlyMap<string, number>;
  /** Whether pdfSizes lists every PDF the site has (a build) or none are made (the dev server). */
  pdfsKnown: boolean;
}

export interface SiteOptions {
  /** Project root holding templates/. */
  root: string;
  /** Folder holding content/ and data/ (the project root, or a test fixture). */
  source: string;
  /** Loads, validates and renders charts; called before every build (and every rebuild in dev). */
  prepare(): Promise<Prepared>;
}

export type EleventyConfig = {
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setLibrary(ext: string, lib: unknown): void;
  setTemplateFormats(formats: string[]): void;
  setUseTemplateCache(use: boolean): void;
  addPreprocessor(name: string, ext: string, fn: (data: { page: { inputPath: string } }, content: string) => string): void;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addTemplate(path: string, content: string, data?: Record<string, unknown>): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(path: string): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  on(event: string, fn: (...args: unknown[]) => unknown): void;
  setServerOptions(options: Record<string, unknown>): void;
  benchmarkManager: { get(group: string): { setIsVerbose(verbose: boolean): void } };
  [key: string]: unknown;
};

/** What each plugin gets: the folders and the prepared content (throws before the first prepare). */
export interface PluginContext {
  contentDir: string;
  templatesDir: string;
  content: () => Ready;
  /** The pass's Nunjucks environment: Eleventy's, and the Markdown directives' partials'. */
  templates: Templates;
}

/**
 * Sets the folders and calls `options.prepare` before every build, so each build (and each
 * dev-server rebuild) sees freshly loaded content. Returns what the plugins read.
 */
export function sitePluginContext(eleventyConfig: EleventyConfig, options: SiteOptions, templateFormats: string[]): PluginContext {
  const contentDir = resolve(options.source, "content");
  const templatesDir = resolve(options.root, "templates");
  eleventyConfig.setInputDirectory(contentDir);
  eleventyConfig.setIncludesDirectory(relative(contentDir, templatesDir));
  eleventyConfig.setLayoutsDirectory(relative(contentDir, templatesDir));
  eleventyConfig.setTemplateFormats(templateFormats);
  const templates = createTemplates(templatesDir);
  eleventyConfig.setLibrary("njk", templates.environment);
  // Eleventy caches compiled layouts per input folder for the whole process; the print pass and
  // the site pass (and every build in one process) read the same folder with different data.
  eleventyConfig.setUseTemplateCache(false);
  // Eleventy makes this benchmark group before quiet mode applies, so it would print English
  // "[11ty] Benchmark … Nunjucks Filter" warnings between the build's Danish progress lines.
  eleventyConfig.benchmarkManager.get("Configuration").setIsVerbose(false);

  let ready: Ready | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    const prepared = await options.prepare();
    ready = { ...prepared, view: prepared.view ?? siteView(prepared.model), pdfSizes: prepared.pdfSizes ?? new Map(), pdfsKnown: prepared.pdfSizes !== undefined };
  });
  const content = () => {
    if (!ready) throw new Error("The content was not prepared before rendering.");
    return ready;
  };
  confineToModel(eleventyConfig as never, options.source, () => content().model);
  return { contentDir, templatesDir, content, templates };
}

/** A page's key from its input path: "content/plan/2021/baggrund.md" → "plan/2021/baggrund". */
export function pageKey(inputPath: string, contentDir: string): string {
  return posix.normalize(relative(contentDir, resolve(inputPath)).split("\\").join("/")).replace(/\.md$/, "");
}
