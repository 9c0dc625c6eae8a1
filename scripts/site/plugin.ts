// The website's Eleventy configuration: wiring only. Each concern is a plugin in site/eleventy/
// (markdown, data, pages, assets, filters); the print pages are a pass of their own (pdf/pages.ts).
import { HtmlBasePlugin } from "@11ty/eleventy";
import { resolve } from "node:path";
import { assetsPlugin } from "./eleventy/assets.ts";
import { sitePluginContext, type EleventyConfig, type SiteOptions } from "./eleventy/config.ts";
import { dataPlugin } from "./eleventy/data.ts";
import { filtersPlugin } from "./eleventy/filters.ts";
import { markdownPlugin, siteMarkdown } from "./eleventy/markdown.ts";
import { pagesPlugin } from "./eleventy/pages.ts";
import { serverPlugin } from "./eleventy/server.ts";

export type { EleventyConfig, Prepared, SiteOptions } from "./eleventy/config.ts";

/** Configures Eleventy to build the website (content pages, site pages, assets) from `options.source`. */
export function configureSite(eleventyConfig: EleventyConfig, options: SiteOptions): void {
  const context = sitePluginContext(eleventyConfig, options, ["md", "njk"]);
  eleventyConfig.addWatchTarget(resolve(options.source, "data"));
  eleventyConfig.addWatchTarget(context.templatesDir);
  const md = siteMarkdown(context.content);
  markdownPlugin(eleventyConfig, context, md);
  dataPlugin(eleventyConfig, context);
  pagesPlugin(eleventyConfig);
  assetsPlugin(eleventyConfig, context);
  filtersPlugin(eleventyConfig, context, md);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  serverPlugin(eleventyConfig);
}
