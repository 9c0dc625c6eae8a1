// Danish hyphenation for print. Chromium here ships no hyphenation dictionaries (hyphens: auto
// does nothing), so soft hyphens are placed at build time from the TeX Danish patterns.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { hyphenateSync } = require("hyphen/da") as { hyphenateSync(text: string, options?: { minWordLength?: number }): string };

// Headings stay whole (they also name the PDF bookmarks); SVG text is laid out by Vega.
const SKIP = new Set(["svg", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "code", "pre"]);

// The same paragraphs print in several documents (a focus area in the strategy, the plan, Bilag 1).
const cache = new Map<string, string>();
function hyphenateText(text: string): string {
  let result = cache.get(text);
  if (result === undefined) {
    result = hyphenateSync(text, { minWordLength: 7 });
    cache.set(text, result);
  }
  return result;
}

/** Inserts soft hyphens (U+00AD) into the text of an HTML fragment, leaving markup untouched. */
export function hyphenateHtml(html: string): string {
  let skipping = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(part);
      if (tag) {
        const name = tag[2]!.toLowerCase();
        if (SKIP.has(name) && !part.endsWith("/>")) skipping += tag[1] ? -1 : 1;
        return part;
      }
      return skipping > 0 || part.trim() === "" ? part : hyphenateText(part);
    })
    .join("");
}
