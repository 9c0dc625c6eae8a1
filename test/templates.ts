// The site's templates for tests that check markup without a build: the same Nunjucks set-up as
// Eleventy's (scripts/site/templates.ts), over this checkout's templates/.
import { join } from "node:path";
import { createTemplates } from "../scripts/site/templates.ts";
import { ROOT } from "./helpers.ts";

export const templates = createTemplates(join(ROOT, "templates"));

/** The HTML of one macro of a partial, e.g. `macroHtml("partials/compare.njk", "compareText", view)`. */
export function macroHtml(file: string, macro: string, view: unknown): string {
  return templates.environment.renderString(`{% from "${file}" import ${macro} %}{{ ${macro}(view) }}`, { view });
}
