// Global data for templates: the site identity, the view of the model, the typeface and the logo.
import { FONT_FACES, FONT_STACK, fontFileName } from "../../lib/fonts.ts";
import type { EleventyConfig, PluginContext } from "./config.ts";

export function dataPlugin(eleventyConfig: EleventyConfig, { content }: PluginContext): void {
  eleventyConfig.addGlobalData("layout", "layouts/page.njk");
  eleventyConfig.addGlobalData("fontStack", FONT_STACK);
  eleventyConfig.addGlobalData(
    "fontFaces",
    FONT_FACES.map((face) => ({ ...face, file: fontFileName(face) })),
  );
  eleventyConfig.addGlobalData("site", () => content().model.site);
  eleventyConfig.addGlobalData("bp", () => content().view);
  eleventyConfig.addGlobalData("logo", () => content().model.logo !== undefined);
}
