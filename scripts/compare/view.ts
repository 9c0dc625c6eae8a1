// What the comparison templates see (templates/compare.njk): one view per `compare_with`, with the
// views of the summary, the text and the indicator changes (render.ts) that its partials draw.
import type { Document, Model } from "../content/load.ts";
import { formatDate } from "../lib/danish.ts";
import { ValidationError } from "../messages.ts";
import { compareRevisions, type TextComparison } from "./diff.ts";
import { compareIndicators, type IndicatorChange } from "./indicators.ts";
import { findComparisons, type ComparisonPair } from "../content/comparisons.ts";
import { chapterSources, directiveLabel, indicatorSet } from "./model.ts";
import { indicatorsView, summaryView, textView, type IndicatorsView, type SummaryView, type TextItem } from "./render.ts";

export const INDICATORS_ID = "aendringer-i-indikatorerne";

export interface ComparisonView {
  id: string;
  /** "Ændringer fra 2020 til 2022". */
  title: string;
  /** "Bilag: Ændringer i beskæftigelsesstrategien": the PDF's title and cover. */
  pdfTitle: string;
  description: string;
  status: string;
  url: string;
  printUrl: string;
  pdf: string;
  pdfUrl: string;
  old: { id: string; title: string; url: string; label: string };
  new: { id: string; title: string; url: string; label: string };
  /** Lines for the PDF cover. */
  meta: string[];
  /** The summary at the top, the text part and the indicator part, as templates/partials/compare.njk draws them. */
  summaryView: SummaryView;
  textView: TextItem[];
  indicatorsView: IndicatorsView;
  /** Id of the indicator section's heading (the summary links to it). */
  indicatorsId: string;
  /** The structured result, for tests and anything else that wants the figures. */
  text: TextComparison;
  indicators: IndicatorChange[];
}

function adopted(document: Document): string {
  const data = document.data;
  if (data.status !== "vedtaget") return "udkast";
  return ["vedtaget", data.adopted_by ? `af ${data.adopted_by}` : "", data.adopted ? formatDate(data.adopted) : ""].filter(Boolean).join(" ");
}

export function comparisonView(model: Model, pair: ComparisonPair): ComparisonView {
  const text = compareRevisions(chapterSources(model, pair.old), chapterSources(model, pair.new), {
    directiveLabel: directiveLabel(model),
  });
  const before = indicatorSet(model, pair.old);
  const after = indicatorSet(model, pair.new);
  const indicators = compareIndicators(before.indicators, after.indicators);
  const side = (document: Document, label: string) => ({ id: document.id, title: document.fullTitle, url: document.url, label });
  return {
    id: pair.id,
    title: pair.title,
    pdfTitle: pair.pdfTitle,
    description: `Hvad er ændret fra ${pair.old.fullTitle} til ${pair.new.fullTitle}: teksten afsnit for afsnit, målene og indikatorerne.`,
    status: pair.new.data.status,
    url: pair.url,
    printUrl: pair.printUrl,
    pdf: pair.pdf,
    pdfUrl: `/pdf/${pair.pdf}`,
    old: side(pair.old, pair.oldLabel),
    new: side(pair.new, pair.newLabel),
    meta: [`Før: ${pair.old.fullTitle} (${adopted(pair.old)})`, `Nu: ${pair.new.fullTitle} (${adopted(pair.new)})`],
    summaryView: summaryView({ text, indicators, indicatorsId: INDICATORS_ID }),
    textView: textView(text, { chapterLevel: 3 }),
    indicatorsId: INDICATORS_ID,
    indicatorsView: indicatorsView(indicators, {
      old: before.sources.map((d) => d.fullTitle),
      new: after.sources.map((d) => d.fullTitle),
    }),
    text,
    indicators,
  };
}

/** Every comparison the content asks for; throws ValidationError when one cannot be made. */
export function comparisonViews(model: Model): ComparisonView[] {
  const { pairs, problems } = findComparisons(model);
  if (problems.length > 0) throw new ValidationError(problems);
  return pairs.map((pair) => comparisonView(model, pair));
}
