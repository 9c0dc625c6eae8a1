// `npm run bundle -- <case>`: the committee case bundle. Builds the site and PDFs (unless --no-build),
// then writes bundles/<case>/ (the PDFs named by bilag number, metadata.json, sagsfremstilling.txt)
// and bundles/<case>.zip with the same files, ready to attach in a case-management system.
import { CommandLineError, formatCommandLineError, readCommandLine } from "../lib/command-line.ts";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { zipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import type { Browser } from "puppeteer-core";
import { build, failureReport } from "../build.ts";
import { loadModel } from "../content/files.ts";
import { fileSystemCause, fileSystemErrorIn, messages, ValidationError } from "../messages.ts";
import { absoluteUrl } from "../site/pages.ts";
import { siteView } from "../site/view.ts";
import { attachables, checkAttachments, planBundle, type BundlePlan } from "./bundle.ts";
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

/** The build inside `npm run bundle` failed; `cause` is what build() threw, reported as npm run build reports it. */
export class BundleBuildError extends Error {
  constructor(cause: unknown) {
    super("the build failed", { cause });
  }
}

/** A file or folder of the bundle could not be written; `path` is where it was going (the folder, the zip or a file in the folder). */
export class BundleWriteError extends Error {
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(`${path}: ${(cause as Error).message}`, { cause });
    this.path = path;
  }
}

/**
 * Writes `files` as the folder `outDir`/`caseId`/ and the zip `outDir`/`caseId`.zip. Both are made
 * beside their place and moved in, and the previous folder is set aside until the new one is in
 * place, so a failed write (a full disk, no access) leaves the previous bundle as it was and no
 * half-written files. Throws BundleWriteError naming the place it was writing, with the system's error as cause.
 */
export async function writeBundle(outDir: string, caseId: string, files: Record<string, Uint8Array>, mtime: Date): Promise<{ folder: string; zip: string }> {
  const folder = join(outDir, caseId);
  const zip = `${folder}.zip`;
  const staging = join(outDir, `.${caseId}.building-${process.pid}`);
  const previous = join(outDir, `.${caseId}.previous-${process.pid}`);
  let writing = folder;
  let replaced = false;
  let movedIn = false;
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) {
      writing = join(folder, name);
      await writeFile(join(staging, name), bytes);
    }
    writing = zip;
    await writeFile(`${staging}.zip`, zipSync(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime }]]))));
    writing = folder;
    replaced = await rename(folder, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
    await rename(staging, folder);
    movedIn = true;
    writing = zip;
    await rename(`${staging}.zip`, zip);
  } catch (error) {
    // Folder and zip go together: without the new zip, the previous folder is put back.
    if (movedIn) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    if (replaced) await rename(previous, folder).catch(() => undefined);
    throw new BundleWriteError(writing, error);
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    await rm(`${staging}.zip`, { force: true }).catch(() => undefined);
  }
  await rm(previous, { recursive: true, force: true }).catch(() => undefined);
  return { folder, zip };
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
    await build({
      root: options.root,
      source: options.source,
      outDir: options.distDir,
      browser: options.browser,
      cacheDir: join(options.root, ".cache", "charts"),
      log,
    }).catch((error: unknown) => {
      throw new BundleBuildError(error);
    });
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

  // A fixed time stamp (the meeting day, noon) keeps the zip byte for byte the same for the same case.
  const { folder, zip } = await writeBundle(options.outDir, options.caseId, files, new Date(`${committeeCase.meeting}T12:00:00`));
  for (const a of plan.attachments) log(`Bilag ${a.bilag}: ${a.file} (${a.pages} sider)`);
  if (!base) {
    const warning = messages.bundleNoBaseUrl();
    log(`${warning.message}\n    Sådan retter du det: ${warning.hint}`);
  }
  return { folder, zip, plan };
}

/** A path as the reader finds it: relative to where the command runs, or absolute when it lies outside. */
function shownPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith("..") ? path : shown || ".";
}

/**
 * What the command line prints when the bundle could not be made, and its exit code: problems in
 * content, data or the case (2); a failed build as npm run build reports it (1); a file of the
 * bundle that could not be written, named by its place in the bundle with the cause, never as a
 * stack (1). `folder` and `zip` are the bundle's places, relative to where the command runs.
 */
export function bundleFailureReport(error: unknown, places: { folder: string; zip: string; dist: string }): { text: string; code: number } {
  const unchanged = messages.bundleNotWritten(places.folder, places.zip).message;
  // Found before anything was made: the list says it all.
  if (error instanceof ValidationError) return { text: `\n${error.message}`, code: 2 };
  if (error instanceof BundleBuildError) {
    const build = failureReport(error.cause, places.dist);
    return { text: `${build.text}\n${unchanged}`, code: build.code };
  }
  const system = fileSystemErrorIn(error);
  if (error instanceof BundleWriteError && system) {
    const text = messages.writeFailed(shownPath(error.path), fileSystemCause(system.code));
    return { text: `\n${text.message}\n    Sådan retter du det: ${text.hint}\n\n${unchanged}`, code: 1 };
  }
  return { text: `\nSagen kunne ikke samles: ${(error as Error).message}\n\n${unchanged}`, code: 1 };
}

export interface RunOptions {
  /** Project root: templates/, and content/ and data/ unless `source` says otherwise. */
  root: string;
  source?: string;
  log: (line: string) => void;
  error: (line: string) => void;
  /** The environment npm ran the command in (default process.env): tells whether npm took an option. */
  env?: NodeJS.ProcessEnv;
}

/** Runs `npm run bundle -- <case> [--no-build] [--out bundles] [--dist dist]`; returns the exit code. */
export async function runBundle(args: string[], options: RunOptions): Promise<number> {
  let parsed;
  try {
    parsed = readCommandLine(
      "bundle",
      args,
      { "no-build": { type: "boolean", default: false }, out: { type: "string", default: "bundles" }, dist: { type: "string", default: "dist" } },
      { positionals: true, env: options.env },
    );
  } catch (cause) {
    if (!(cause instanceof CommandLineError)) throw cause;
    options.error(formatCommandLineError(cause));
    return 2;
  }
  const caseId = parsed.positionals[0];
  if (!caseId || parsed.positionals.length > 1) {
    const usage = messages.bundleUsage();
    options.error(`${usage.message}\n    Sådan retter du det: ${usage.hint}`);
    return 2;
  }
  const { values } = parsed;
  const outDir = resolve(values.out);
  try {
    const result = await bundleCase({
      root: options.root,
      source: options.source ?? options.root,
      caseId,
      distDir: resolve(values.dist),
      outDir,
      build: !values["no-build"],
      log: options.log,
    });
    options.log(`Sagen er samlet i ${shownPath(result.folder)}/ og ${shownPath(result.zip)}.`);
    return 0;
  } catch (error) {
    const folder = shownPath(join(outDir, caseId));
    const report = bundleFailureReport(error, {
      folder,
      zip: `${folder}.zip`,
      dist: shownPath(resolve(values.dist)),
    });
    options.error(report.text);
    return report.code;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await runBundle(process.argv.slice(2), {
    root: resolve(import.meta.dirname, "..", ".."),
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  });
}
