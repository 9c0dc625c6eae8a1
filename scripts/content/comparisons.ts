// Which documents are compared with which (front matter `compare_with`): part of linking the
// content, so `npm run check`, the dev server and the build report a wrong compare_with alike.
// What changed between them is worked out in scripts/compare/.
import { slugify } from "../lib/danish.ts";
import { messages, ValidationError, type Problem } from "../messages.ts";
import type { Document, Model } from "./load.ts";

export interface ComparisonPair {
  /** "strategi-2022-aendringer": unique, used for the print page and messages. */
  id: string;
  old: Document;
  new: Document;
  /** "2020", "2022" or "2024–2026" (an en dash, as the titles read): how each revision is named. */
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
    // Labels are read, so a span has its en dash; compare_with is matched against revisionLabel().
    const oldLabel = revisionLabel(old).replace(/^(\d{4})-(\d{4})$/, "$1\u2013$2");
    const newLabel = revisionLabel(document).replace(/^(\d{4})-(\d{4})$/, "$1\u2013$2");
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

/** Fails with every problem in the comparisons asked for (the build runs this with the content check). */
export function checkComparisons(model: Model): void {
  const { problems } = findComparisons(model);
  if (problems.length > 0) throw new ValidationError(problems);
}
