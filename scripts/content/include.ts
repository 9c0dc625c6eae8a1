// `::: include <page>` expansion: the included page's title becomes a heading and its own headings
// move one level down, so a focus area reads right both on its own page and inside a plan.
import { posix } from "node:path";
import { DIRECTIVE_LINE } from "./directives.ts";
import type { Page } from "./load.ts";

function demote(markdown: string): string {
  let fenced = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (/^\s*(`{3,}|~{3,})/.test(line)) fenced = !fenced;
      return !fenced && /^#{1,5}\s/.test(line) ? `#${line}` : line;
    })
    .join("\n");
}

/** The page's Markdown with every include line replaced by the page it names (validated before). */
export function expandIncludes(body: string, pages: ReadonlyMap<string, Page>, seen: readonly string[] = []): string {
  return body
    .split("\n")
    .map((line) => {
      const match = DIRECTIVE_LINE.exec(line);
      if (!match || match[1] !== "include") return line;
      const key = posix.normalize(match[2] ?? "");
      const page = pages.get(key);
      if (!page || seen.includes(key)) return line;
      const inner = expandIncludes(page.body, pages, [...seen, key]);
      const goal = "goal_text" in page.data && page.data.goal_text ? `\n\n**Mål ${page.data.goal}:** ${page.data.goal_text}` : "";
      return `## ${page.data.title}${goal}\n\n${demote(inner)}`;
    })
    .join("\n");
}
