// `::: include <page>` as text, for the comparison of two revisions (which compares wording): the
// included page's title becomes a heading and its own headings move one level down, as on the site.
// Lines are taken from the tokens of the one Markdown reading, so a directive in a code block stays text.
import { posix } from "node:path";
import type { Page } from "./load.ts";

/** The page's Markdown with every include line replaced by the page it names (validated before). */
export function expandIncludes(page: Page, pages: ReadonlyMap<string, Page>, seen: readonly string[] = [page.key], shift = 0): string {
  const lines = page.body.split("\n");
  const includes = new Map(page.directives.filter((d) => d.name === "include" && !d.container).map((d) => [d.bodyLine, d]));
  const headings = new Map(
    page.tokens.filter((t) => t.type === "heading_open" && t.markup.startsWith("#") && t.map).map((t) => [t.map![0], Number(t.tag.slice(1))]),
  );
  return lines
    .map((line, index) => {
      const level = headings.get(index);
      if (level !== undefined && shift > 0) return `${"#".repeat(Math.min(6, level + shift))} ${line.trimStart().replace(/^#+[ \t]*/, "")}`;
      const directive = includes.get(index);
      const target = directive && pages.get(posix.normalize(directive.argument));
      if (!target || seen.includes(target.key)) return line;
      const goal = "goal_text" in target.data && target.data.goal_text ? `\n\n**Mål ${target.data.goal}:** ${target.data.goal_text}` : "";
      return `${"#".repeat(Math.min(6, 2 + shift))} ${target.data.title}${goal}\n\n${expandIncludes(target, pages, [...seen, target.key], shift + 1)}`;
    })
    .join("\n");
}
