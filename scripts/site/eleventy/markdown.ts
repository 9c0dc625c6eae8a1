// Markdown pages: rendered from the tokens read when the content was loaded (the one reading,
// scripts/content/markdown.ts), with charts and tables from the prepared content; Markdown is never
// run as a template.
import { messages, ValidationError } from "../../messages.ts";
import { chartHtml, tableHtml } from "../figures.ts";
import { createMarkdown, type MarkdownEnv } from "../markdown.ts";
import { pageKey, type EleventyConfig, type PluginContext } from "./config.ts";

export type SiteMarkdown = ReturnType<typeof createMarkdown>;

/** The page renderer that draws `::: chart` and `::: table` from the prepared content, with the build's templates. */
export function siteMarkdown({ content, templates }: Pick<PluginContext, "content" | "templates">): SiteMarkdown {
  return createMarkdown({
    chart: (id, env: MarkdownEnv) => {
      const { model, charts } = content();
      const indicator = model.indicators.get(id);
      return indicator && chartHtml(templates, indicator, charts.get(id), { open: env.print, print: env.print });
    },
    table: (id, env: MarkdownEnv) => {
      const table = content().model.tables.get(id);
      return table && tableHtml(templates, table, { print: env.print });
    },
  });
}

export function markdownPlugin(eleventyConfig: EleventyConfig, context: PluginContext, { md, renderPage }: SiteMarkdown): void {
  // Eleventy hands each .md page's text to render(); the page is rendered from its tokens instead.
  // A page the model does not know (e.g. a file added while the dev server runs) is a content error.
  eleventyConfig.setLibrary("md", {
    render: (_text: string, data: { page: { inputPath: string } }) => {
      const { model } = context.content();
      const key = pageKey(data.page.inputPath, context.contentDir);
      const page = model.pages.get(key);
      if (!page) throw new ValidationError([{ file: `content/${key}.md`, line: 1, column: 1, ...messages.pageNotLoaded() }]);
      return renderPage(page, model.pages);
    },
    disable: () => md,
  });
  // Editors' Markdown is text, not a Liquid template (Eleventy's default): "{{ … }}" and "{% … %}"
  // show as written. Only .md pages; the Nunjucks templates stay Nunjucks.
  eleventyConfig.addGlobalData("eleventyComputed", {
    templateEngineOverride: (data: { page?: { inputPath?: string } }) => (data.page?.inputPath?.endsWith(".md") ? "md" : undefined),
  });
}
