// Markdown pages: the project's markdown-it (charts and tables from the prepared content), Markdown
// never run as a template, and included pages expanded before rendering.
import { chartFigure } from "../../charts/describe.ts";
import { expandIncludes } from "../../content/include.ts";
import { createMarkdown, type MarkdownEnv } from "../markdown.ts";
import { renderTable } from "../table.ts";
import { pageKey, type EleventyConfig, type PluginContext } from "./config.ts";

export type SiteMarkdown = ReturnType<typeof createMarkdown>;

/** The markdown-it instance that draws `::: chart` and `::: table` from the prepared content. */
export function siteMarkdown(content: PluginContext["content"]): SiteMarkdown {
  return createMarkdown({
    chart: (id, env: MarkdownEnv) => {
      const { model, charts } = content();
      return chartFigure(model.indicators.get(id)!, charts.get(id), { open: env.print, print: env.print });
    },
    table: (id, env: MarkdownEnv) => renderTable(content().model.tables.get(id)!, { print: env.print }),
  });
}

export function markdownPlugin(eleventyConfig: EleventyConfig, context: PluginContext, md: SiteMarkdown): void {
  eleventyConfig.setLibrary("md", md);
  // Editors' Markdown is text, not a Liquid template (Eleventy's default): "{{ … }}" and "{% … %}"
  // show as written. Only .md pages; the Nunjucks templates stay Nunjucks.
  eleventyConfig.addGlobalData("eleventyComputed", {
    templateEngineOverride: (data: { page?: { inputPath?: string } }) => (data.page?.inputPath?.endsWith(".md") ? "md" : undefined),
  });
  eleventyConfig.addPreprocessor("includes", "md", (data, content) =>
    expandIncludes(content, context.content().model.pages, [pageKey(data.page.inputPath, context.contentDir)]),
  );
}
