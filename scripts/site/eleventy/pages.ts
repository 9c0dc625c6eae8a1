// Site pages that are not content files: search, archive, sitemap, the quarterly status and the
// comparisons (what changed between two revisions).
import type { StatusView } from "../status.ts";
import type { SiteView } from "../view.ts";
import type { EleventyConfig } from "./config.ts";

export function pagesPlugin(eleventyConfig: EleventyConfig): void {
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
  // Only with a base_url: a sitemap needs absolute addresses.
  eleventyConfig.addTemplate("sitemap.njk", '{% include "sitemap.xml.njk" %}', {
    layout: false,
    permalink: (data: { site: { base_url?: string } }) => (data.site.base_url ? "/sitemap.xml" : false),
    eleventyExcludeFromCollections: true,
  });

  // The quarterly status: one page per quarter, and /status/ listing them all.
  type StatusData = { status: StatusView };
  eleventyConfig.addTemplate("status.njk", '{% include "pages/status.njk" %}', {
    pagination: { data: "bp.statuses", size: 1, alias: "status", addAllPagesToCollections: true },
    permalink: (data: StatusData) => `${data.status.url}index.html`,
    eleventyComputed: {
      title: (data: StatusData) => data.status.title,
      description: (data: StatusData) => `Status på beskæftigelsesstrategiens nøgletal ved udgangen af ${data.status.quarter}.`,
    },
  });
  eleventyConfig.addTemplate("status-index.njk", '{% include "pages/status-index.njk" %}', {
    title: "Status på nøgletal",
    description: "Den kvartalsvise status på beskæftigelsesstrategiens nøgletal, også de tidligere kvartaler.",
    permalink: (data: { bp: SiteView }) => (data.bp.statuses.length > 0 ? "/status/index.html" : false),
  });

  type CompareData = { comparison: { url: string; title: string; description: string } };
  eleventyConfig.addTemplate("aendringer.njk", '{% include "compare.njk" %}', {
    pagination: { data: "bp.comparisons", size: 1, alias: "comparison", addAllPagesToCollections: true },
    permalink: (data: CompareData) => `${data.comparison.url}index.html`,
    eleventyComputed: { title: (data: CompareData) => data.comparison.title, description: (data: CompareData) => data.comparison.description },
    stylesheets: ["/assets/compare.css"],
    search_exclude: true,
    compareMode: "page",
  });
}
