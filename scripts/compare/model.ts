// Which documents are compared with which (front matter `compare_with`), the full text of each
// revision and its indicator set, taken from the content model. The comparison itself is diff.ts.
import { composePage } from "../content/compose.ts";
import { directivesOf } from "../content/markdown.ts";
import { expandIncludes } from "../content/include.ts";
import type { Document, Model } from "../content/load.ts";
import type { ChapterData } from "../content/schema.ts";
import type { Indicator } from "../indicators/schema.ts";
import { slugify } from "../lib/danish.ts";
import { messages, type Problem } from "../messages.ts";
import { INTRODUCTION, type ChapterSource } from "./blocks.ts";

export interface ComparisonPair {
  /** "strategi-2022-aendringer": unique, used for the print page and messages. */
  id: string;
  old: Document;
  new: Document;
  /** "2020", "2022": how each revision is named. */
  oldLabel: string;
  newLabel: string;
  /** "Ændringer fra 2020 til 2022". */
  title: string;
  /** "Bilag: Ændringer i beskæftigelsesstrategien". */
  pdfTitle: string;
  /** Site-relative page URL: "/strategi/2022/aendringer/". */
  url: string;
  printUrl: string;
  /** "aendringer-i-beskaeftigelsesstrategien-2020-2022.pdf". */
  pdf: string;
}

/** How a revision is named: a strategy by its revision, a plan by its year, an appendix by its strategy. */
export function revisionLabel(document: Document): string {
  const data = document.data;
  if (data.kind === "strategi") return data.revision ?? "";
  // A span keeps the hyphen it is written with in compare_with ("2024-2026").
  if (data.kind === "plan") return data.year === undefined ? "" : String(data.year);
  return data.strategy ?? "";
}

/** What the document is called in "Ændringer i …". */
function subject(document: Document): string {
  if (document.data.kind === "strategi") return "beskæftigelsesstrategien";
  if (document.data.kind === "plan") return "beskæftigelsesplanen";
  return document.fullTitle;
}

/** The document `compare_with` names: the same kind of document with that revision label. */
function counterpart(model: Model, document: Document): Document | undefined {
  const wanted = document.data.compare_with;
  if (wanted === undefined) return undefined;
  if (document.data.kind === "strategi") return model.strategies.get(wanted);
  return model.documents.find(
    (other) =>
      other !== document &&
      other.data.kind === document.data.kind &&
      revisionLabel(other) === wanted &&
      (other.data.kind !== "bilag" || other.data.number === document.data.number),
  );
}

/** Every comparison asked for in front matter, and the problems with the ones that cannot be made. */
export function findComparisons(model: Model): { pairs: ComparisonPair[]; problems: Problem[] } {
  const pairs: ComparisonPair[] = [];
  const problems: Problem[] = [];
  for (const document of model.documents) {
    const wanted = document.data.compare_with;
    if (wanted === undefined) continue;
    const old = counterpart(model, document);
    if (!old || old === document) {
      // The loader already reports a strategy revision that does not exist.
      if (document.data.kind !== "strategi" || old === document) {
        const known = model.documents
          .filter((d) => d !== document && d.data.kind === document.data.kind)
          .map(revisionLabel)
          .filter(Boolean);
        problems.push({ file: document.index.file, ...messages.compareWithUnknown(wanted, known) });
      }
      continue;
    }
    const oldLabel = revisionLabel(old);
    const newLabel = revisionLabel(document);
    const pdfTitle = `Bilag: Ændringer i ${subject(document)}`;
    const url = `${document.url}aendringer/`;
    const taken = [...model.pages.values()].find((page) => page.url === url);
    if (taken) problems.push({ file: taken.file, ...messages.compareUrlTaken(url) });
    pairs.push({
      id: `${document.id}-aendringer`,
      old,
      new: document,
      oldLabel,
      newLabel,
      title: `Ændringer fra ${oldLabel} til ${newLabel}`,
      pdfTitle,
      url,
      printUrl: `/print/${document.id}-aendringer/`,
      pdf: `${slugify(`Ændringer i ${subject(document)} ${oldLabel} ${newLabel}`)}.pdf`,
    });
  }
  return { pairs, problems };
}

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
