// The full text of each revision and its indicator set, taken from the content model, for the
// comparisons that content/comparisons.ts pairs up. The comparison itself is diff.ts.
import { composePage } from "../content/compose.ts";
import { directivesOf } from "../content/markdown.ts";
import { expandIncludes } from "../content/include.ts";
import type { Document, Model } from "../content/load.ts";
import type { ChapterData } from "../content/schema.ts";
import type { Indicator } from "../content/data-schema.ts";
import { INTRODUCTION, type ChapterSource } from "./blocks.ts";

/** A document's full text as chapters: the introduction (index body), then each chapter, includes expanded. */
export function chapterSources(model: Model, document: Document): ChapterSource[] {
  return [document.index, ...document.chapters].map((page) => {
    const data = page.data as ChapterData;
    return {
      title: page === document.index ? INTRODUCTION : page.data.title,
      body: expandIncludes(page, model.pages),
      goal: page === document.index ? undefined : data.goal,
      goalText: page === document.index ? undefined : data.goal_text,
    };
  });
}

/** "Diagram: Andel aktiviteter oprettet rettidigt" for a directive line in the text. */
export function directiveLabel(model: Model): (name: string, argument: string) => string {
  return (name, argument) => {
    if (name === "chart") return `Diagram: ${model.indicators.get(argument)?.title ?? argument}`;
    if (name === "table") return `Tabel: ${model.tables.get(argument)?.caption ?? argument}`;
    return `${name}: ${argument}`;
  };
}

function chartsIn(model: Model, document: Document): string[] {
  return [document.index, ...document.chapters].flatMap((page) =>
    directivesOf(composePage(page, model.pages).tokens)
      .filter((d) => d.name === "chart")
      .map((d) => d.argument),
  );
}

export interface IndicatorSet {
  /** The documents the indicators were taken from ("Bilag 2 – Indikatorer"). */
  sources: Document[];
  indicators: Indicator[];
}

/**
 * The indicators a revision is followed up with: the charts in the document itself and, for a
 * strategy, in the appendices with indicators that build on it. A strategy revision without its own
 * indicator appendix is followed up with the one of the nearest earlier revision, which stays in force.
 */
export function indicatorSet(model: Model, document: Document): IndicatorSet {
  let sources: Document[] = [];
  if (document.data.kind === "strategi" && document.data.revision) {
    const revision = document.data.revision;
    // Appendices with indicators (an appendix may also carry text only, e.g. the focus areas).
    const appendices = model.documents.filter((d) => d.data.kind === "bilag" && d.data.strategy !== undefined && chartsIn(model, d).length > 0);
    const earlier = [...new Set(appendices.map((d) => d.data.strategy!))]
      .filter((r) => r.localeCompare(revision, "da", { numeric: true }) <= 0)
      .sort((a, b) => b.localeCompare(a, "da", { numeric: true }));
    const inForce = earlier[0];
    sources = appendices.filter((d) => d.data.strategy === inForce);
  }
  const ids = [...new Set([document, ...sources].flatMap((d) => chartsIn(model, d)))];
  return {
    sources: [...(chartsIn(model, document).length > 0 ? [document] : []), ...sources],
    indicators: ids.map((id) => model.indicators.get(id)).filter((i): i is Indicator => i !== undefined),
  };
}
