// Every Nunjucks filter the templates use, registered in one place. The print filters get their
// print-only helpers (hyphenation, headings for the contents) from the print pass, which lives in
// scripts/pdf/: site code does not import the PDF code.
import { composePage } from "../../content/compose.ts";
import type { Document, Page } from "../../content/load.ts";
import { formatSize } from "../../lib/danish.ts";
import { cssString } from "../../lib/html.ts";
import { printPrefix, printTargets, type MarkdownEnv, type PrintTarget } from "../markdown.ts";
import { absoluteUrl, pageHeadings } from "../pages.ts";
import { pageKey, type EleventyConfig, type PluginContext } from "./config.ts";
import type { SiteMarkdown } from "./markdown.ts";

export interface PrintHelpers {
  /** Adds soft hyphens to an HTML fragment's text. */
  hyphenate(html: string): string;
  /** The h2 headings of an HTML fragment, for the printed contents. */
  headings(html: string): { id: string; text: string }[];
}

/** How many footnotes the chapters before `key` in the document's PDF have. */
function footnotesBefore(document: Document, key: string, pages: ReadonlyMap<string, Page>): number {
  const chapters = [document.index, ...document.chapters];
  const index = chapters.findIndex((chapter) => chapter.key === key);
  return chapters.slice(0, Math.max(0, index)).reduce((sum, chapter) => sum + composePage(chapter, pages).footnotes, 0);
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
  // Whether the site has the PDF: a build links only PDFs it made or kept (--no-pdf keeps the last ones).
  const hasPdf = (file: string) => !content().pdfsKnown || content().pdfSizes.has(file);
  eleventyConfig.addFilter("hasPdf", hasPdf);
  eleventyConfig.addFilter("withPdf", (documents: { pdf: string }[]) => documents.filter((d) => hasPdf(d.pdf)));
  eleventyConfig.addFilter("cssString", cssString);
  eleventyConfig.addFilter("chapterData", (key: string) => content().model.pages.get(key)?.data ?? {});
  if (!print) return;
  // The pages of each PDF, worked out once per document and model.
  const targets = new WeakMap<Document, Map<string, PrintTarget>>();
  const targetsOf = (document: Document, pages: ReadonlyMap<string, Page>) => {
    if (!targets.has(document)) targets.set(document, printTargets(document, pages));
    return targets.get(document)!;
  };
  eleventyConfig.addFilter("printChapter", (key: string, docId: string) => {
    const { model } = content();
    const document = model.documents.find((d) => d.id === docId);
    const page = model.pages.get(key);
    if (!document || !page) throw new Error(`The print page of ${docId} names a chapter the model does not have: ${key}.`);
    const env = { docId: printPrefix(document.id, page), print: true, printTargets: targetsOf(document, model.pages) } satisfies MarkdownEnv;
    // Footnotes are numbered on through the PDF: after those of the chapters before this one.
    return print.hyphenate(md.renderPage(page, model.pages, env, { footnoteStart: footnotesBefore(document, key, model.pages) }));
  });
  eleventyConfig.addFilter("headings", (html: string) => print.headings(html));
}
