// SVGs from editors (the municipality's logo in data/) are published only once sanitised by
// DOMPurify: an SVG opened on its own is a document of the site's origin, so script in it would run
// there. What DOMPurify removes, and every reference outside the file, is reported, not hidden.
import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";

let purifier: ReturnType<typeof createDOMPurify> | undefined;

/** Attributes that point somewhere; only "#…" (inside the file) and data:image/png|jpeg are kept. */
const REFERENCE = /^(href|xlink:href|src)$/i;
const LOCAL = /^\s*(#|data:image\/(png|jpe?g|gif|webp);base64,)/i;
/** CSS that fetches: url(…) other than url(#…), and @import. */
const CSS_FETCH = /url\(\s*['"]?(?!#)|@import/i;

/** Whether a removed part could have run script or fetched something (else it is only unknown markup). */
export const isActive = (removed: string): boolean =>
  /^(on|href$|xlink:href$|src$|style$)/i.test(removed) || /^<(script|foreignobject|iframe|object|embed|a|style|use|image|animate|set|handler|listener)/i.test(removed);

/**
 * The SVG with scripts, event handlers, foreign content and references outside the file removed,
 * and a list of what was removed (element or attribute names; empty for a clean file).
 */
export function sanitizeSvg(svg: string): { svg: string; removed: string[] } {
  if (!purifier) {
    purifier = createDOMPurify(new JSDOM("").window);
    purifier.addHook("uponSanitizeAttribute", (_node, data) => {
      const value = data.attrValue ?? "";
      if ((REFERENCE.test(data.attrName) && !LOCAL.test(value)) || (data.attrName === "style" && CSS_FETCH.test(value))) {
        data.keepAttr = false;
      }
    });
    purifier.addHook("uponSanitizeElement", (node, data) => {
      if (data.tagName === "style" && CSS_FETCH.test(node.textContent ?? "")) node.parentNode?.removeChild(node);
    });
  }
  const clean = purifier.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ["a", "foreignObject", "script"],
    ADD_ATTR: ["role"],
  });
  const removed = purifier.removed.map((entry) =>
    "attribute" in entry && entry.attribute ? `${entry.attribute.name}` : `<${("element" in entry ? entry.element.nodeName : "?").toLowerCase()}>`,
  );
  return { svg: clean, removed: [...new Set(removed)].filter((name) => name !== "<body>") };
}
