// What templates see: a plain view of the model (documents, navigation, the current plan) with
// URLs relative to the site root; Eleventy's base plugin adds the path prefix.
import type { Document, Model, Page } from "../content/load.ts";
import { yearSpan, yearsText, type ChapterData } from "../content/schema.ts";
import { formatDate } from "../lib/danish.ts";
import { chapterAnchor } from "./markdown.ts";
import { overviewRows, type OverviewRow } from "../indicators/overview.ts";
import { fetchedSourcesText } from "../charts/describe.ts";
import { statusViews, type StatusView } from "./status.ts";
import { comparisonViews, type ComparisonView } from "../compare/view.ts";

export interface DocumentView {
  id: string;
  kind: string;
  title: string;
  fullTitle: string;
  status: string;
  url: string;
  pdf: string;
  pdfUrl: string;
  printUrl: string;
  /** A plan's first year (for ordering); `years` as it reads: "2021" or "2024–2026". */
  year?: number;
  years?: string;
  revision?: string;
  description?: string;
  /** Starts with the key-figure overview (front matter `overview: true`). */
  overview: boolean;
  meta: string[];
  /** What search results say a page comes from: kind, title and year, and whether it is a draft. */
  source: string;
  /** keptFrom: the earlier revision a chapter is carried over from unchanged ("Beskæftigelsesstrategi 2020"). */
  /** revisedSince: the revision it is compared with (compare_with), when the comparison finds the chapter changed or new. */
  /** `anchor`: the id of the chapter's heading on the print page (chapterAnchor). */
  chapters: { title: string; url: string; key: string; anchor: string; keptFrom?: string; revisedSince?: string }[];
  /** the comparison with the revision named in compare_with, linked from the index page. */
  comparison?: { title: string; url: string };
  /** What a revision kept and what it revised, for the PDF's cover (revisionNotes). */
  revisionNotes: string[];
}

export interface PageInfo {
  document?: DocumentView;
  position: number;
  previous?: { title: string; url: string };
  next?: { title: string; url: string };
  goal?: number;
  goalText?: string;
}

export function documentMeta(document: Document): string[] {
  const data = document.data;
  const meta: string[] = [data.status === "vedtaget" ? "Vedtaget" : "Udkast"];
  if (data.adopted_by || data.adopted) {
    meta[0] = ["Vedtaget", data.adopted_by ? `af ${data.adopted_by}` : "", data.adopted ? formatDate(data.adopted) : ""].filter(Boolean).join(" ");
  }
  if (data.committee) meta.push(`Udvalg: ${data.committee}`);
  if (data.meeting) meta.push(`Møde: ${formatDate(data.meeting)}`);
  if (data.agenda_item !== undefined) meta.push(`Dagsordenspunkt ${data.agenda_item}`);
  if (data.journal) meta.push(`Journalnr. ${data.journal}`);
  if (data.strategy) meta.push(`Bygger på beskæftigelsesstrategien ${data.strategy}`);
  return meta;
}

/**
 * "Beskæftigelsesplan 2021", "Beskæftigelsesstrategi – revideret november 2022", "Bilag 2 –
 * Indikatorer til beskæftigelsesstrategien 2020", with " (udkast)" for a draft: the document a search
 * result comes from, with its year even where the title has none.
 */
export function documentSource(document: Document): string {
  const data = document.data;
  const year = data.kind === "plan" ? data.year : data.kind === "strategi" ? data.revision : undefined;
  let source = document.fullTitle;
  if (data.kind === "bilag" && data.strategy) source += ` til beskæftigelsesstrategien ${data.strategy}`;
  else if (year !== undefined && !source.includes(String(year))) source += ` (${year})`;
  return data.status === "vedtaget" ? source : `${source} (udkast)`;
}

/**
 * The templates' view of one document. `others` (all documents) names the revision a borrowed
 * chapter comes from when it is a document of the same kind: a revision keeping what it keeps.
 */
export function documentView(document: Document, others: readonly Document[] = []): DocumentView {
  const pages = [document.index, ...document.chapters];
  const keptFrom = (page: Page) => {
    const owner = page.documentId === document.id ? undefined : others.find((d) => d.id === page.documentId);
    return owner && owner.data.kind === document.data.kind ? owner.fullTitle : undefined;
  };
  return {
    id: document.id,
    kind: document.data.kind,
    title: document.data.title,
    fullTitle: document.fullTitle,
    status: document.data.status,
    url: document.url,
    pdf: document.pdf,
    pdfUrl: `/pdf/${document.pdf}`,
    printUrl: `/print/${document.id}/`,
    year: document.data.year === undefined ? undefined : yearSpan(document.data.year).from,
    years: document.data.year === undefined ? undefined : yearsText(document.data.year),
    revision: document.data.revision,
    description: document.data.description,
    overview: document.data.overview ?? false,
    meta: documentMeta(document),
    source: documentSource(document),
    chapters: pages.map((page, index) => ({
      title: page === document.index ? "Indledning" : page.data.title,
      url: page.url,
      key: page.key,
      anchor: chapterAnchor(document.id, index),
      keptFrom: keptFrom(page),
    })),
    revisionNotes: [],
  };
}

/**
 * What a revision kept and what it revised, one sentence per earlier revision: "Videreført uændret
 * fra Beskæftigelsesstrategi 2020: Principper for …" and "Revideret siden Beskæftigelsesstrategi
 * 2020: Samarbejde i øjenhøjde …, Unge borgere." (titles listed as the comparison's summary lists
 * them, so no title's capital follows an "og"). The introduction (the first entry) is not a
 * chapter and is left out, as in the site's chapter list. Empty for a document that neither keeps
 * nor is compared.
 */
export function revisionNotes(chapters: DocumentView["chapters"]): string[] {
  const grouped = (pick: (chapter: DocumentView["chapters"][number]) => string | undefined) => {
    const groups = new Map<string, string[]>();
    for (const chapter of chapters.slice(1)) {
      const from = pick(chapter);
      if (from) groups.set(from, [...(groups.get(from) ?? []), chapter.title]);
    }
    return [...groups];
  };
  return [
    ...grouped((c) => c.keptFrom).map(([from, titles]) => `Videreført uændret fra ${from}: ${titles.join(", ")}.`),
    ...grouped((c) => c.revisedSince).map(([from, titles]) => `Revideret siden ${from}: ${titles.join(", ")}.`),
  ];
}

export interface SiteView {
  documents: DocumentView[];
  plans: DocumentView[];
  strategies: DocumentView[];
  appendices: DocumentView[];
  /** The newest adopted plan: what the front page leads to. */
  currentPlan?: DocumentView;
  currentStrategy?: DocumentView;
  /** Adopted plans and strategy revisions older than the current ones, newest first (never a draft). */
  earlier: DocumentView[];
  /** Every document still a draft (status: udkast), to be shown as such wherever it appears. */
  drafts: DocumentView[];
  goals: { goal: number; title: string; text: string; url: string }[];
  pages: Record<string, PageInfo>;
  /** the front page's key-figure overview, one row per "nøgletal", linked to its chart. */
  keyFigures: OverviewRow[];
  /** The line under it naming the fetched figures' sources ("" when none was fetched). */
  keyFiguresSource: string;
  /** one comparison per compare_with (a page and a PDF each). */
  comparisons: ComparisonView[];
  /** The quarterly status of the key figures for the committee, newest first (one page and PDF each). */
  statuses: StatusView[];
  /** The newest status, when there are key figures: what the front page links to. */
  status?: StatusView;
}

/** where each indicator's chart is shown ("/bilag/indikatorer/maal-1/#figur-<id>"), appendices first. */
function chartUrls(model: Model): Map<string, string> {
  const urls = new Map<string, string>();
  const order = (d: Document) => (d.data.kind === "bilag" ? 0 : 1);
  for (const document of [...model.documents].sort((a, b) => order(a) - order(b))) {
    for (const page of [document.index, ...document.chapters]) {
      for (const directive of page.directives) {
        if (directive.name === "chart" && !urls.has(directive.argument)) urls.set(directive.argument, `${page.url}#figur-${directive.argument}`);
      }
    }
  }
  return urls;
}

function newestAdopted(list: DocumentView[], by: (d: DocumentView) => number): DocumentView | undefined {
  return [...list].filter((d) => d.status === "vedtaget").sort((a, b) => by(b) - by(a))[0];
}

/** The adopted editions older than `current` (all adopted ones when there is none), newest first. */
export function earlierEditions(list: DocumentView[], current: DocumentView | undefined, by: (d: DocumentView) => number): DocumentView[] {
  return list.filter((d) => d.status === "vedtaget" && (!current || by(d) < by(current))).sort((a, b) => by(b) - by(a));
}

export function siteView(model: Model): SiteView {
  const documents = model.documents.map((document) => documentView(document, model.documents));
  const plans = documents.filter((d) => d.kind === "plan").sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
  // A revision is a year ("2022") or a span ("2024-2026"): ordered by its first year.
  const strategies = documents.filter((d) => d.kind === "strategi").sort((a, b) => Number.parseInt(b.revision ?? "0") - Number.parseInt(a.revision ?? "0"));
  const currentStrategy = newestAdopted(strategies, (d) => Number.parseInt(d.revision ?? "0"));
  const strategyDoc = model.documents.find((d) => d.id === currentStrategy?.id);
  const goals = (strategyDoc?.chapters ?? [])
    .filter((c) => (c.data as ChapterData).goal)
    .map((c) => ({ goal: (c.data as ChapterData).goal!, title: c.data.title, text: (c.data as ChapterData).goal_text ?? "", url: c.url }));

  const pages: Record<string, PageInfo> = {};
  for (const document of model.documents) {
    const view = documents.find((d) => d.id === document.id)!;
    const all: Page[] = [document.index, ...document.chapters];
    all.forEach((page, i) => {
      // A page borrowed from another document keeps that document's navigation.
      if (page.documentId !== document.id) return;
      const data = page.data as ChapterData;
      pages[page.key] = {
        document: view,
        position: i,
        previous: i > 0 ? { title: view.chapters[i - 1]!.title, url: all[i - 1]!.url } : undefined,
        next: i < all.length - 1 ? { title: view.chapters[i + 1]!.title, url: all[i + 1]!.url } : undefined,
        goal: data.goal,
        goalText: data.goal_text,
      };
    });
  }
  const charts = chartUrls(model);

  const comparisons = comparisonViews(model);
  for (const comparison of comparisons) {
    const newer = documents.find((d) => d.id === comparison.new.id);
    if (!newer) continue;
    newer.comparison = { title: comparison.title, url: comparison.url };
    // The comparison names changed chapters by title; a chapter carried over is unchanged by definition.
    for (const chapter of newer.chapters.slice(1)) {
      if (!chapter.keptFrom && comparison.text.changedSections.includes(chapter.title)) chapter.revisedSince = comparison.old.title;
    }
  }
  for (const document of documents) document.revisionNotes = revisionNotes(document.chapters);
  const currentPlan = newestAdopted(plans, (d) => d.year ?? 0);
  const statuses = statusViews(model, (id) => charts.get(id));
  return {
    documents,
    plans,
    strategies,
    appendices: documents.filter((d) => d.kind === "bilag"),
    currentPlan,
    currentStrategy,
    earlier: earlierEditions(plans, currentPlan, (d) => d.year ?? 0).concat(earlierEditions(strategies, currentStrategy, (d) => Number.parseInt(d.revision ?? "0"))),
    drafts: documents.filter((d) => d.status !== "vedtaget"),
    goals,
    pages,
    keyFigures: overviewRows(model.indicators.values(), (id) => charts.get(id)),
    keyFiguresSource: fetchedSourcesText(model.indicators.values()),
    comparisons,
    statuses,
    status: statuses[0],
  };
}
