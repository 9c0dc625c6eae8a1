// `npm run bundle -- <case>`: the committee case bundle. Builds the site and PDFs (unless --no-build),
// then writes bundles/<case>/ (the PDFs named by bilag number, metadata.json, sagsfremstilling.txt)
// and bundles/<case>.zip with the same files, ready to attach in a case-management system.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { zipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import type { Browser } from "puppeteer-core";
import { build } from "../build.ts";
import { loadModel } from "../content/files.ts";
import { messages, ValidationError } from "../messages.ts";
import { absoluteUrl } from "../site/pages.ts";
import { siteView, type SiteView } from "../site/view.ts";
import { checkAttachments, planBundle, type Attachable, type BundlePlan } from "./bundle.ts";
import type { CommitteeCase } from "../content/committee.ts";

export interface BundleOptions {
  /** Project root (templates/). */
  root: string;
  /** Folder holding content/, data/ and data/cases/. */
  source: string;
  /** The case file's name in data/cases/ without ".json". */
  caseId: string;
  /** The built site whose dist/pdf/ holds the PDFs. */
  distDir: string;
  /** Where bundles/<case>/ and bundles/<case>.zip are written. */
  outDir: string;
  /** Build first (default); false takes the PDFs already in distDir. */
  build?: boolean;
  browser?: Browser;
  log?: (line: string) => void;
}

export interface BundleResult {
  folder: string;
  zip: string;
  plan: BundlePlan;
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

/** The case's file name in data/cases/ and its data; the loader has validated every case file. */
function findCase(cases: ReadonlyMap<string, CommitteeCase>, caseId: string): { file: string; committeeCase: CommitteeCase } {
  const committeeCase = cases.get(caseId);
  if (!committeeCase) throw new ValidationError([{ file: "data/cases/", ...messages.bundleNoCase(caseId, [...cases.keys()]) }]);
  return { file: `data/cases/${caseId}.json`, committeeCase };
}

function caseMetadata(id: string, c: CommitteeCase) {
  return { id, title: c.title, committee: c.committee, meeting: c.meeting, agenda_item: c.agenda_item ?? null, journal: c.journal };
}

async function pageCounts(pdfDir: string): Promise<Map<string, number>> {
  const pages = new Map<string, number>();
  for (const name of await readdir(pdfDir).catch(() => [] as string[])) {
    if (!name.endsWith(".pdf")) continue;
    const document = await PDFDocument.load(await readFile(join(pdfDir, name)), { updateMetadata: false });
    pages.set(name, document.getPageCount());
  }
  return pages;
}

/**
 * Makes the bundle for one case. Throws ValidationError (content, data or case problems, each with
 * its file) before anything is written; the folder and zip are replaced only when both are complete.
 */
export async function bundleCase(options: BundleOptions): Promise<BundleResult> {
  const log = options.log ?? (() => {});
  const model = await loadModel(options.source);
  const { file, committeeCase } = findCase(model.cases, options.caseId);
  const targets = attachables(siteView(model));
  const listProblems = checkAttachments(committeeCase, targets, file);
  if (listProblems.length > 0) throw new ValidationError(listProblems);
  if (options.build !== false) {
    await build({ root: options.root, source: options.source, outDir: options.distDir, browser: options.browser, cacheDir: join(options.root, ".cache", "charts"), log });
  }
  const pdfDir = join(options.distDir, "pdf");
  const base = model.site.base_url;
  const { plan, problems } = planBundle({
    caseId: options.caseId,
    file,
    committeeCase,
    attachables: targets,
    pages: await pageCounts(pdfDir),
    publicUrl: base ? (url) => absoluteUrl(base, model.site.path_prefix, url) : undefined,
  });
  if (!plan) throw new ValidationError(problems);

  const files: Record<string, Uint8Array> = {};
  for (const a of plan.attachments) files[a.file] = await readFile(join(pdfDir, a.source_pdf));
  files["metadata.json"] = new TextEncoder().encode(`${JSON.stringify({ case: caseMetadata(plan.caseId, committeeCase), attachments: plan.attachments }, null, 2)}\n`);
  files["sagsfremstilling.txt"] = new TextEncoder().encode(plan.summary);

  // Written beside the target and renamed into place, so a failure never leaves half a bundle.
  const folder = join(options.outDir, options.caseId);
  const zip = `${folder}.zip`;
  const staging = join(options.outDir, `.${options.caseId}.building-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(staging, name), bytes);
  // A fixed time stamp (the meeting day, noon) keeps the zip byte for byte the same for the same case.
  const mtime = new Date(`${committeeCase.meeting}T12:00:00`);
  await writeFile(`${staging}.zip`, zipSync(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime }]]))));
  await rm(folder, { recursive: true, force: true });
  await rename(staging, folder);
  await rename(`${staging}.zip`, zip);
  for (const a of plan.attachments) log(`Bilag ${a.bilag}: ${a.file} (${a.pages} sider)`);
  return { folder, zip, plan };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "no-build": { type: "boolean", default: false }, out: { type: "string", default: "bundles" }, dist: { type: "string", default: "dist" } },
  });
  const root = resolve(import.meta.dirname, "..", "..");
  const caseId = positionals[0];
  if (!caseId) {
    const usage = messages.bundleUsage();
    console.error(`${usage.message}\n${usage.hint}`);
    process.exitCode = 2;
    return;
  }
  try {
    const result = await bundleCase({
      root,
      source: root,
      caseId,
      distDir: resolve(values.dist),
      outDir: resolve(values.out),
      build: !values["no-build"],
      log: (line) => console.log(line),
    });
    console.log(`Sagen er samlet i ${relative(process.cwd(), result.folder)}/ og ${relative(process.cwd(), result.zip)}.`);
  } catch (error) {
    if (error instanceof ValidationError) {
      console.error(`\n${error.message}`);
      process.exitCode = 2;
    } else {
      console.error(`\nSagen kunne ikke samles: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
