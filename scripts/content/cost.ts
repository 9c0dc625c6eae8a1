// What a page costs once every `::: include` is expanded: how deep includes nest, how many pages end
// up inside it (a page included twice counts twice) and how many headings it then has. Computed
// once per page over the include graph (memoised, linear in the number of pages), so 17 pages that
// each include the next twice are measured in microseconds instead of expanded 2^17 times.
import { posix } from "node:path";
import type { Directive } from "./directives.ts";

export interface PageCost {
  /** Longest chain of includes below the page (0: it includes nothing). */
  depth: number;
  /** Pages inside it once expanded, with repetitions. */
  included: number;
  /** Headings in it once expanded (each included page's title is one more). */
  headings: number;
}

interface CostPage {
  body: string;
  directives: readonly Directive[];
}

/** Markdown headings (ATX, "# …" to "###### …") outside fenced code. */
export function countHeadings(body: string): number {
  let fenced = false;
  let count = 0;
  for (const line of body.split("\n")) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    else if (!fenced && /^ {0,3}#{1,6}(\s|$)/.test(line)) count++;
  }
  return count;
}

/**
 * The cost of every page (by key). An include of a missing page counts nothing (reported
 * elsewhere); an include that closes a ring counts nothing (the ring is reported elsewhere).
 */
export function includeCosts(pages: ReadonlyMap<string, CostPage>): Map<string, PageCost> {
  const costs = new Map<string, PageCost>();
  const visiting = new Set<string>();
  const costOf = (key: string): PageCost => {
    const known = costs.get(key);
    if (known) return known;
    const page = pages.get(key)!;
    visiting.add(key);
    const cost: PageCost = { depth: 0, included: 0, headings: countHeadings(page.body) };
    for (const directive of page.directives) {
      if (directive.name !== "include") continue;
      const target = posix.normalize(directive.argument);
      if (!pages.has(target) || visiting.has(target)) continue;
      const inner = costOf(target);
      cost.depth = Math.max(cost.depth, inner.depth + 1);
      cost.included += inner.included + 1;
      cost.headings += inner.headings + 1;
    }
    visiting.delete(key);
    costs.set(key, cost);
    return cost;
  };
  for (const key of pages.keys()) costOf(key);
  return costs;
}
