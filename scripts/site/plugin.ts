// Eleventy wiring: folders, the Markdown library, includes, global data, print pages and assets.
// All the work is done by the modules it calls; this file only connects them to Eleventy.
import { HtmlBasePlugin } from "@11ty/eleventy";
import { posix, relative, resolve } from "node:path";
import { chartFigure } from "../charts/describe.ts";
import { expandIncludes } from "../content/include.ts";
import type { Model } from "../content/load.ts";
import { FONT_DIR, FONT_FACES, FONT_STACK, fontFileName } from "../lib/fonts.ts";
import { createMarkdown, type MarkdownEnv } from "./markdown.ts";
import { renderTable } from "./table.ts";
import { absoluteUrl, pageHeadings } from "./pages.ts";
import { hyphenateHtml } from "../pdf/hyphenate.ts";
import { headingsOf } from "../pdf/toc.ts";
import { siteView, type SiteView } from "./view.ts";

export interface Prepared {
  model: Model;
  charts: Map<string, string>;
  /** The templates' view of the model, when the caller has made it already. */
  view?: SiteView;
}

export interface SiteOptions {
  /** Project root holding templates/. */
  root: string;
  /** Folder holding content/ and data/ (the project root, or a test fixture). */
  source: string;
  /** Loads, validates and renders charts; called before every build (and every rebuild in dev). */
  prepare(): Promise<Prepared>;
}

type EleventyConfig = {
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setLibrary(ext: string, lib: unknown): void;
  setTemplateFormats(formats: string[]): void;
  addPreprocessor(name: string, ext: string, fn: (data: { page: { inputPath: string } }, content: string) => string): void;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addTemplate(path: string, content: string, data?: Record<string, unknown>): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(path: string): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  on(event: string, fn: (...args: unknown[]) => unknown): void;
  setServerOptions(options: Record<string, unknown>): void;
  [key: string]: unknown;
};

export function pageKey(inputPath: string, contentDir: string): string {
  return posix.normalize(relative(contentDir, resolve(inputPath)).split("\\").join("/")).replace(/\.md$/, "");
}

export function configureSite(eleventyConfig: EleventyConfig, options: SiteOptions): void {
  const contentDir = resolve(options.source, "content");
  const templatesDir = resolve(options.root, "templates");
  let current: Prepared | undefined;
  let view: SiteView | undefined;
  const state = () => {
    if (!current || !view) throw new Error("The content was not prepared before rendering.");
    return { ...current, view };
  };

  // --- Folders
  eleventyConfig.setInputDirectory(contentDir);
  eleventyConfig.setIncludesDirectory(relative(contentDir, templatesDir));
  eleventyConfig.setLayoutsDirectory(relative(contentDir, templatesDir));
  eleventyConfig.setTemplateFormats(["md", "njk"]);
  eleventyConfig.addWatchTarget(resolve(options.source, "data"));
  eleventyConfig.addWatchTarget(templatesDir);

  // --- Content and charts, prepared before each build
  eleventyConfig.on("eleventy.before", async () => {
    current = await options.prepare();
    view = current.view ?? siteView(current.model);
  });

  // --- Markdown
  const md = createMarkdown({
    chart: (id, env: MarkdownEnv) => {
      const { model, charts } = state();
      return chartFigure(model.indicators.get(id)!, charts.get(id), { open: env.print, print: env.print });
    },
    table: (id, env: MarkdownEnv) => renderTable(state().model.tables.get(id)!, { print: env.print }),
  });
  eleventyConfig.setLibrary("md", md);
  // Editors' Markdown is text, not a Liquid template (Eleventy's default): "{{ … }}" and "{% … %}"
  // show as written. Only .md pages; the Nunjucks templates stay Nunjucks.
  eleventyConfig.addGlobalData("eleventyComputed", {
    templateEngineOverride: (data: { page?: { inputPath?: string } }) => (data.page?.inputPath?.endsWith(".md") ? "md" : undefined),
  });
  eleventyConfig.addPreprocessor("includes", "md", (data, content) =>
    expandIncludes(content, state().model.pages, [pageKey(data.page.inputPath, contentDir)]),
  );

  // --- Data for templates
  eleventyConfig.addGlobalData("layout", "layouts/page.njk");
  eleventyConfig.addGlobalData("fontStack", FONT_STACK);
  eleventyConfig.addGlobalData("site", () => state().model.site);
  eleventyConfig.addGlobalData("bp", () => state().view);
  eleventyConfig.addFilter("pageInfo", (inputPath: string) => state().view.pages[pageKey(inputPath, contentDir)] ?? { position: 0 });
  eleventyConfig.addFilter("printChapter", (key: string, docId: string) => {
    const { model } = state();
    const page = model.pages.get(key)!;
    const env = { docId: `${docId}-${posix.basename(key)}`, print: true } satisfies MarkdownEnv;
    return hyphenateHtml(md.render(expandIncludes(page.body, model.pages, [key]), env));
  });
  eleventyConfig.addFilter("headings", (html: string) => headingsOf(html));
  eleventyConfig.addFilter("cssString", (text: string) => `"${text.replace(/[\\"]/g, "\\$&").replace(/[<>\n]/g, " ")}"`);
  eleventyConfig.addFilter("chapterData", (key: string) => state().model.pages.get(key)?.data ?? {});

  // --- Pages that are not content: one print page per document, the theme stylesheet
  eleventyConfig.addTemplate("print.njk", '{% include "print.njk" %}', {
    layout: false,
    pagination: { data: "bp.documents", size: 1, alias: "doc" },
    permalink: (data: { doc: { id: string } }) => `/print/${data.doc.id}/index.html`,
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addGlobalData("logo", () => state().model.logo !== undefined);
  // Served as an image file (never inlined), so an SVG cannot run script in the page.
  eleventyConfig.addTemplate("logo.njk", "{{ logoSvg | safe }}", {
    layout: false,
    permalink: (data: { logo: boolean }) => (data.logo ? "/assets/logo.svg" : false),
    eleventyComputed: { logoSvg: () => state().model.logo ?? "" },
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("theme.njk", '{% include "theme.css.njk" %}', {
    layout: false,
    permalink: "/assets/theme.css",
    eleventyExcludeFromCollections: true,
  });

  // --- the search page, the archive, the sitemap (only with a base_url), the in-page contents
  eleventyConfig.addTemplate("soeg.njk", '{% include "pages/search.njk" %}', {
    title: "Søg",
    description: "Søg i beskæftigelsesplanerne, strategien og bilagene.",
    permalink: "/soeg/index.html",
    scripts: ["/assets/search.js"],
    search_exclude: true,
  });
  eleventyConfig.addTemplate("arkiv.njk", '{% include "pages/archive.njk" %}', {
    title: "Alle planer, strategier og bilag",
    description: "Alle beskæftigelsesplaner, revisioner af beskæftigelsesstrategien og bilag, også de tidligere.",
    permalink: "/arkiv/index.html",
  });
  eleventyConfig.addTemplate("sitemap.njk", '{% include "sitemap.xml.njk" %}', {
    layout: false,
    permalink: (data: { site: { base_url?: string } }) => (data.site.base_url ? "/sitemap.xml" : false),
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addFilter("pageSections", (html: string) => pageHeadings(html));
  eleventyConfig.addFilter("absoluteUrl", (url: string) => {
    const base = state().model.site.base_url;
    return base ? absoluteUrl(base, String(eleventyConfig.pathPrefix ?? "/"), url) : undefined;
  });

  // --- The quarterly status of the key figures: a page and a print page for its PDF
  type StatusData = { bp: SiteView };
  eleventyConfig.addTemplate("status.njk", '{% include "pages/status.njk" %}', {
    permalink: (data: StatusData) => (data.bp.status ? "/status/index.html" : false),
    eleventyComputed: { title: (data: StatusData) => data.bp.status?.title, description: () => "Status på beskæftigelsesstrategiens nøgletal." },
  });
  eleventyConfig.addTemplate("status-print.njk", '{% include "status-print.njk" %}', {
    layout: false,
    permalink: (data: StatusData) => (data.bp.status ? "/print/status/index.html" : false),
    eleventyExcludeFromCollections: true,
  });

  // --- what changed between two revisions (compare_with): a page on the site and a print page for its PDF
  type CompareData = { comparison: { url: string; printUrl: string; title: string; description: string } };
  const comparePagination = { data: "bp.comparisons", size: 1, alias: "comparison" };
  eleventyConfig.addTemplate("aendringer.njk", '{% include "compare.njk" %}', {
    pagination: comparePagination,
    permalink: (data: CompareData) => `${data.comparison.url}index.html`,
    eleventyComputed: { title: (data: CompareData) => data.comparison.title, description: (data: CompareData) => data.comparison.description },
    stylesheets: ["/assets/compare.css"],
    search_exclude: true,
    compareMode: "page",
  });
  eleventyConfig.addTemplate("aendringer-print.njk", '{% include "compare.njk" %}', {
    layout: false,
    pagination: comparePagination,
    permalink: (data: CompareData) => `${data.comparison.printUrl}index.html`,
    eleventyExcludeFromCollections: true,
    compareMode: "print",
  });
  eleventyConfig.addPassthroughCopy({ [resolve(import.meta.dirname, "../compare/compare.css")]: "assets/compare.css" });

  // --- Assets
  eleventyConfig.addPassthroughCopy({ [resolve(templatesDir, "assets")]: "assets" });
  eleventyConfig.addPassthroughCopy(
    Object.fromEntries(FONT_FACES.map((face) => [resolve(FONT_DIR, fontFileName(face)), `assets/fonts/${fontFileName(face)}`])),
  );
  eleventyConfig.addGlobalData("fontFaces", FONT_FACES.map((face) => ({ ...face, file: fontFileName(face) })));

  // --- Plugins
  eleventyConfig.addPlugin(HtmlBasePlugin);
}
