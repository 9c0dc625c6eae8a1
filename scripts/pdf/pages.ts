// The print pages: one self-contained HTML page per PDF (each document, each comparison, the
// quarterly status), made by an Eleventy pass of their own into a temporary folder that only the
// PDF stage reads. They are never published.
import Eleventy, { HtmlBasePlugin } from "@11ty/eleventy";
import { join } from "node:path";
import { assetsPlugin } from "../site/eleventy/assets.ts";
import { sitePluginContext, type EleventyConfig, type Prepared } from "../site/eleventy/config.ts";
import { dataPlugin } from "../site/eleventy/data.ts";
import { filtersPlugin } from "../site/eleventy/filters.ts";
import { siteMarkdown } from "../site/eleventy/markdown.ts";
import { validationErrorIn } from "../messages.ts";
import type { SiteView } from "../site/view.ts";
import { hyphenateHtml } from "./hyphenate.ts";
import type { PdfJob } from "./render.ts";
import { headingsOf } from "./toc.ts";

/** The print templates: "/print/<document>/", "/print/<comparison>/" and "/print/status-<quarter>/". */
export function printPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addTemplate("print.njk", '{% include "print.njk" %}', {
    layout: false,
    pagination: { data: "bp.documents", size: 1, alias: "doc" },
    permalink: (data: { doc: { printUrl: string } }) => `${data.doc.printUrl}index.html`,
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("aendringer-print.njk", '{% include "compare.njk" %}', {
    layout: false,
    pagination: { data: "bp.comparisons", size: 1, alias: "comparison" },
    permalink: (data: { comparison: { printUrl: string } }) => `${data.comparison.printUrl}index.html`,
    eleventyExcludeFromCollections: true,
    compareMode: "print",
  });
  eleventyConfig.addTemplate("status-print.njk", '{% include "status-print.njk" %}', {
    layout: false,
    pagination: { data: "bp.statuses", size: 1, alias: "status" },
    permalink: (data: { status: { printUrl: string } }) => `${data.status.printUrl}index.html`,
    eleventyExcludeFromCollections: true,
  });
}

export interface PrintPagesOptions {
  /** Project root holding templates/. */
  root: string;
  /** Folder holding content/ and data/. */
  source: string;
  outDir: string;
  pathPrefix: string;
  prepared: Prepared;
}

/**
 * Writes the print pages and the assets they load (stylesheets, typeface, logo) to `outDir`, with
 * the site's URLs (path prefix included), so the PDF stage can serve them as the site would.
 */
export async function renderPrintPages(options: PrintPagesOptions): Promise<void> {
  const configure = (eleventyConfig: EleventyConfig) => {
    // Only the templates added here: the content's Markdown files are read by the print filters.
    const context = sitePluginContext(eleventyConfig, { ...options, prepare: () => Promise.resolve(options.prepared) }, ["njk"]);
    dataPlugin(eleventyConfig, context);
    printPlugin(eleventyConfig);
    assetsPlugin(eleventyConfig, context);
    filtersPlugin(eleventyConfig, context, siteMarkdown(context), { hyphenate: hyphenateHtml, headings: headingsOf });
    eleventyConfig.addPlugin(HtmlBasePlugin);
  };
  const eleventy = new Eleventy(join(options.source, "content"), options.outDir, {
    quietMode: true,
    configPath: false,
    pathPrefix: options.pathPrefix,
    config: configure,
  });
  // The build reports its own progress in Danish; Eleventy's English lines ("Wrote 40 files", "Benchmark …") would only confuse editors.
  eleventy.disableLogger();
  // A content error found while rendering (Eleventy wraps it) is reported as the content error it is.
  await eleventy.write().catch((error: unknown) => {
    throw validationErrorIn(error) ?? error;
  });
}

/** Every PDF the build prints: each document, each comparison and each quarterly status. */
export function pdfJobs(view: SiteView): PdfJob[] {
  return [
    ...view.documents.map((d) => ({ id: d.id, title: d.fullTitle, subject: d.description ?? d.fullTitle, printUrl: d.printUrl, file: d.pdf })),
    ...view.comparisons.map((c) => ({ id: c.id, title: c.pdfTitle, subject: c.description, printUrl: c.printUrl, file: c.pdf })),
    ...view.statuses.map((s) => ({ id: s.id, title: s.title, subject: "Status på nøgletal", printUrl: s.printUrl, file: s.pdf })),
  ];
}
