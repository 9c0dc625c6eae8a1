// Eleventy's entry for the dev server (`npm start`). Wiring only: the site is configured in
// scripts/site/plugin.ts, and `npm run build` drives the same plugin from scripts/build.ts.
// The preview has no print pages and no PDFs: those are made by `npm run build`.
import { join } from "node:path";
import { chartCache } from "./scripts/charts/render.ts";
import { ValidationError } from "./scripts/messages.ts";
import { prepareContent } from "./scripts/prepare.ts";
import { configureSite } from "./scripts/site/plugin.ts";

const root = import.meta.dirname;
const cache = chartCache(join(root, ".cache", "charts"));

export default function (eleventyConfig) {
  // Eleventy's dependency scan parses imports as JavaScript and cannot read our TypeScript.
  eleventyConfig.setWatchJavaScriptDependencies(false);
  configureSite(eleventyConfig, {
    root,
    source: root,
    prepare: async () => {
      try {
        return await prepareContent(root, cache);
      } catch (error) {
        // Editors read this in the terminal; the last good pages stay in the browser.
        if (error instanceof ValidationError) console.error(`\n${error.message}\n`);
        throw error;
      }
    },
  });
}

export const config = {
  dir: { input: "content", output: ".cache/serve" },
};
