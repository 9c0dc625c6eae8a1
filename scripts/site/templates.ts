// The one Nunjucks environment of a site build: Eleventy renders the pages with it, and the
// Markdown directives (`::: chart`, `::: table`), which are rendered inside markdown-it, render
// their partials (templates/partials/) with it too. Markup lives in the templates; the TypeScript
// side hands them plain view objects.
import nunjucks from "nunjucks";
import { resolve } from "node:path";

export interface Templates {
  /** The Nunjucks environment (autoescape on), to hand to Eleventy with `setLibrary("njk", …)`. */
  environment: nunjucks.Environment;
  /**
   * Renders the template `name` (a path below templates/, e.g. "partials/chart-figure.njk") with
   * `context`; every value is escaped unless the template says otherwise. Throws on a missing
   * template or a template error.
   */
  render(name: string, context: object): string;
}

/**
 * A Nunjucks environment over `templatesDir` configured as Eleventy configures its own (a file
 * system loader, `dev: true` for full error traces, autoescape on, Nunjucks' default), so a
 * partial renders the same inside an Eleventy build, in the editor's preview and in unit tests.
 */
export function createTemplates(templatesDir: string): Templates {
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(resolve(templatesDir)), { autoescape: true, dev: true });
  return {
    environment,
    render: (name, context) => environment.render(name, context),
  };
}
