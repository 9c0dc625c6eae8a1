// The committee case bundle, planned as data: which PDF goes in under which bilag number and name,
// the metadata a case-management system takes, and the plain-text lines for the write-up
// (sagsfremstilling). Pure; the command in cli.ts reads the PDFs and writes the folder and the zip.
import { formatDate, slugify } from "../lib/danish.ts";
import { messages, type Problem } from "../messages.ts";
import { attachmentId, type CommitteeCase } from "../content/committee.ts";
import type { Model } from "../content/load.ts";
import { siteView, type SiteView } from "../site/view.ts";

/** Something the build prints as a PDF that a case can attach. */
export interface Attachable {
  id: string;
  title: string;
  /** The PDF's file name in dist/pdf/. */
  pdf: string;
  /** Site-relative address of its web version, e.g. "/strategi/2022/". */
  url: string;
  draft: boolean;
  description?: string;
}

/** One attachment's row in metadata.json; every row repeats the case so it can be filed alone. */
export interface AttachmentMetadata {
  bilag: number;
  file: string;
  title: string;
  case: string;
  journal: string;
  committee: string;
  /** ISO date of the meeting, "2024-10-08". */
  meeting: string;
  agenda_item: string | number | null;
  pages: number;
  /** May be published (offentlig); false for drafts unless the case says otherwise. */
  public: boolean;
  /** Absolute address of the web version; null while data/site.json has no base_url. */
  web_url: string | null;
  source_pdf: string;
}

export interface BundlePlan {
  caseId: string;
  attachments: AttachmentMetadata[];
  summary: string;
}

export interface PlanInput {
  caseId: string;
  /** Path of the case file for messages, e.g. "data/cases/2024-10-08-revidering.json". */
  file: string;
  committeeCase: CommitteeCase;
  attachables: ReadonlyMap<string, Attachable>;
  /** Page count of each PDF in dist/pdf/, by file name. */
  pages: ReadonlyMap<string, number>;
  /** Turns a site-relative address into the public one; undefined when the site has no base_url. */
  publicUrl?: (url: string) => string;
}

/**
 * Plans the bundle: attachments numbered "Bilag 1…n" in the order the case lists them, files named
 * "<nn>-<title>.pdf" ("02-bilag-1-fokusomraader.pdf": the case's bilag 2 is the strategy's Bilag 1). Returns the problems instead when a listed document is unknown, listed
 * twice, or has no PDF (e.g. a build with --no-pdf).
 */
export function planBundle(input: PlanInput): { plan?: BundlePlan; problems: Problem[] } {
  const { committeeCase: c, file } = input;
  const problems = checkAttachments(c, input.attachables, file);
  if (problems.length > 0) return { problems };
  const attachments: AttachmentMetadata[] = [];
  c.attachments.forEach((entry, i) => {
    const target = input.attachables.get(attachmentId(entry.document))!;
    const pages = input.pages.get(target.pdf);
    if (pages === undefined) {
      problems.push({ file, path: `attachments[${i}].document`, ...messages.bundleMissingPdf(target.pdf) });
      return;
    }
    const bilag = attachments.length + 1;
    attachments.push({
      bilag,
      file: `${String(bilag).padStart(2, "0")}-${slugify(target.title)}.pdf`,
      title: target.title,
      case: c.title,
      journal: c.journal,
      committee: c.committee,
      meeting: c.meeting,
      agenda_item: c.agenda_item ?? null,
      pages,
      public: entry.public ?? !target.draft,
      web_url: input.publicUrl ? input.publicUrl(target.url) : null,
      source_pdf: target.pdf,
    });
  });
  if (problems.length > 0) return { problems };
  return { plan: { caseId: input.caseId, attachments, summary: summaryText(c, attachments, input.attachables) }, problems };
}

/** Problems with the case's list before anything is built: unknown or repeated documents. */
export function checkAttachments(c: CommitteeCase, attachables: ReadonlyMap<string, Attachable>, file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  c.attachments.forEach((entry, i) => {
    const path = `attachments[${i}].document`;
    const id = attachmentId(entry.document);
    if (!attachables.has(id)) problems.push({ file, path, ...messages.bundleUnknownDocument(entry.document, [...attachables.keys()]) });
    else if (seen.has(id)) problems.push({ file, path, ...messages.bundleDuplicate(entry.document) });
    seen.add(id);
  });
  return problems;
}

/** The plain-text lines for the case write-up: the case, the officer's summary, then each bilag. */
export function summaryText(c: CommitteeCase, attachments: readonly AttachmentMetadata[], attachables: ReadonlyMap<string, Attachable>): string {
  const item = c.agenda_item === undefined ? "" : `, punkt ${c.agenda_item}`;
  const lines = [c.title, `${c.committee}, mødet ${formatDate(c.meeting)}${item}`, `Journalnr. ${c.journal}`, ""];
  if (c.summary) lines.push(c.summary.trim(), "");
  lines.push(attachments.length === 1 ? "1 bilag:" : `${attachments.length} bilag:`, "");
  for (const a of attachments) {
    const target = [...attachables.values()].find((t) => t.pdf === a.source_pdf);
    const pages = a.pages === 1 ? "1 side" : `${a.pages} sider`;
    lines.push(`Bilag ${a.bilag}: ${a.title} (${pages}).`);
    if (target?.description) lines.push(target.description);
    if (!a.public) lines.push("Må ikke offentliggøres.");
    else if (a.web_url) lines.push(`Kan også læses på ${a.web_url}`);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Every PDF a case can attach, by id: documents, comparisons and the quarterly status. */
export function attachables(view: SiteView): Map<string, Attachable> {
  const all: Attachable[] = [
    ...view.documents.map((d) => ({ id: d.id, title: d.fullTitle, pdf: d.pdf, url: d.url, draft: d.status !== "vedtaget", description: d.description })),
    ...view.comparisons.map((c) => ({ id: c.id, title: c.pdfTitle, pdf: c.pdf, url: c.url, draft: c.status !== "vedtaget", description: c.description })),
    ...view.statuses.map((s) => ({ id: s.id, title: s.title, pdf: s.pdf, url: s.url, draft: false })),
    // "status" is the newest quarter's.
    ...(view.status ? [{ id: "status", title: view.status.title, pdf: view.status.pdf, url: view.status.url, draft: false }] : []),
  ];
  return new Map(all.map((a) => [a.id, a]));
}

/**
 * Every case file's attachments checked against what the content prints (`npm run check` runs
 * this, so a case naming a document that does not exist is found before the bundle is made).
 */
export function caseProblems(model: Model): Problem[] {
  if (model.cases.size === 0) return [];
  const targets = attachables(siteView(model));
  return [...model.cases].flatMap(([id, c]) => checkAttachments(c, targets, `data/cases/${id}.json`));
}
