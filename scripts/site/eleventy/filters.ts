// Every Nunjucks filter the templates use, registered in one place. The print filters get their
// print-only helpers (hyphenation, headings for the contents) from the print pass, which lives in
// scripts/pdf/: site code does not import the PDF code.
import { posix } from "node:path";
import { expandIncludes } from "../../content/include.ts";
import { formatSize } from "../../lib/danish.ts";
import { cssString } from "../../lib/html.ts";
import type { MarkdownEnv } from "../markdown.ts";
import { absoluteUrl, pageHeadings } from "../pages.ts";
import { pageKey, type EleventyConfig, type PluginContext } from "./config.ts";
import type { SiteMarkdown } from "./markdown.ts";

export interface PrintHelpers {
  /** Adds soft hyphens to an HTML fragment's text. */
  hyphenate(html: string): string;
  /** The h2 headings of an HTML fragment, for the printed contents. */
  headings(html: string): { id: string; text: string }[];
}

export function filtersPlugin(eleventyConfig: EleventyConfig, { content, contentDir }: PluginContext, md: SiteMarkdown, print?: PrintHelpers): void {
  eleventyConfig.addFilter("pageInfo", (inputPath: string) => content().view.pages[pageKey(inputPath, contentDir)] ?? { position: 0 });
  eleventyConfig.addFilter("pageSections", (html: string) => pageHeadings(html));
  eleventyConfig.addFilter("absoluteUrl", (url: string) => {
    const base = content().model.site.base_url;
    return base ? absoluteUrl(base, String(eleventyConfig.pathPrefix ?? "/"), url) : undefined;
  });
  // "108 kB" for a PDF the PDF stage made; "" without PDFs (--no-pdf, the dev server).
  eleventyConfig.addFilter("pdfSize", (file: string) => {
    const bytes = content().pdfSizes.get(file);
    return bytes === undefined ? "" : formatSize(bytes);
  });
  eleventyConfig.addFilter("cssString", cssString);
  eleventyConfig.addFilter("chapterData", (key: string) => content().model.pages.get(key)?.data ?? {});
  if (!print) return;
  eleventyConfig.addFilter("printChapter", (key: string, docId: string) => {
    const { model } = content();
    const page = model.pages.get(key)!;
    const env = { docId: `${docId}-${posix.basename(key)}`, print: true } satisfies MarkdownEnv;
    return print.hyphenate(md.render(expandIncludes(page.body, model.pages, [key]), env));
  });
  eleventyConfig.addFilter("headings", (html: string) => print.headings(html));
}
