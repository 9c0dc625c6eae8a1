// Files beside the pages: the stylesheets (the theme made from site.json), scripts, the typeface,
// the favicon and the municipality's logo. Site and print pages both load them.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { FONT_DIR, FONT_FACES, fontFileName } from "../../lib/fonts.ts";
import type { EleventyConfig, PluginContext } from "./config.ts";

export function assetsPlugin(eleventyConfig: EleventyConfig, { content, templatesDir }: PluginContext): void {
  eleventyConfig.addTemplate("theme.njk", '{% include "theme.css.njk" %}', {
    layout: false,
    permalink: "/assets/theme.css",
    eleventyExcludeFromCollections: true,
  });
  // Served as an image file (never inlined), so an SVG cannot run script in the page.
  eleventyConfig.addTemplate("logo.njk", "{{ logoSvg | safe }}", {
    layout: false,
    permalink: (data: { logo: boolean }) => (data.logo ? "/assets/logo.svg" : false),
    eleventyComputed: { logoSvg: () => content().model.logo ?? "" },
    eleventyExcludeFromCollections: true,
  });
  // Images the pages show (checked by buildModel), at their path below content/: /plan/2021/foto.png.
  eleventyConfig.on("eleventy.after", async (...args: unknown[]) => {
    const { directories } = args[0] as { directories: { output: string } };
    for (const [file, bytes] of content().model.images) {
      const target = join(resolve(directories.output), file.slice("content/".length));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    }
  });
  eleventyConfig.addPassthroughCopy({ [resolve(import.meta.dirname, "../../compare/compare.css")]: "assets/compare.css" });
  eleventyConfig.addPassthroughCopy({ [resolve(templatesDir, "assets")]: "assets" });
  eleventyConfig.addPassthroughCopy(Object.fromEntries(FONT_FACES.map((face) => [resolve(FONT_DIR, fontFileName(face)), `assets/fonts/${fontFileName(face)}`])));
}
