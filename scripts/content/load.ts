// Loads and validates all content and data before anything renders. The core, buildModel(), is a
// pure function of the files it is given, so it is tested (and fuzzed) without Eleventy or disk.
import { posix } from "node:path";
import { validateIndicator, validateTable } from "./data-validate.ts";
import type { Indicator, Table } from "./data-schema.ts";
import { contrastRatio } from "../lib/contrast.ts";
import { isActive, sanitizeSvg } from "../lib/svg.ts";
import { LIMITS } from "../limits.ts";
import { includeCosts } from "./cost.ts";
import { slugify } from "../lib/danish.ts";
import { describeIssue } from "../lib/zod-problems.ts";
import { positionAt, positionOfPath, readJson } from "../lib/json.ts";
import { messages, ValidationError, type MessageText, type Problem } from "../messages.ts";
import { readFrontMatter, type FrontMatter } from "./frontmatter.ts";
import { nearestName } from "../lib/nearest.ts";
import { checkDirectivesInText, checkHeadings, checkImages, checkLinks, checkPlaceholders, GENERATED_PAGES, IMAGE_TYPES, RESERVED_FOLDERS } from "./checks.ts";
import { imageFile } from "./compose.ts";
import { directivesOf, NESTING_LIMIT, parseBody, tooDeep, type Token } from "./markdown.ts";
import { benchmarkSchema, caseSchema, checkBenchmark, validateData, type Benchmark, type CommitteeCase } from "./committee.ts";
import { isKnownDirective, type Directive } from "./directives.ts";
import {
  chapterSchema,
  documentSchema,
  frontPageSchema,
  siteSchema,
  yearSpan,
  yearsText,
  type ChapterData,
  type DocumentData,
  type FrontPageData,
  type SiteConfig,
} from "./schema.ts";

export interface SourceFile {
  /** Posix path relative to the project root, e.g. "content/plan/2021/index.md". */
  path: string;
  bytes: Uint8Array;
}

export interface Page {
  /** Path below content/ without ".md": "plan/2021/baggrund". */
  key: string;
  file: string;
  /** Site-relative URL without the path prefix: "/plan/2021/baggrund/". */
  url: string;
  data: DocumentData | ChapterData | FrontPageData;
  body: string;
  /** 1-based line in the file where the Markdown body starts. */
  bodyStart: number;
  /** The body read once by the one Markdown parser (scripts/content/markdown.ts); maps are body lines. */
  tokens: Token[];
  directives: Directive[];
  /** Id of the document the page belongs to. */
  documentId?: string;
}

export interface Document {
  id: string;
  folder: string;
  data: DocumentData;
  /** The title as a committee reads it: "Bilag 2 – Indikatorer". */
  fullTitle: string;
  index: Page;
  chapters: Page[];
  pdf: string;
  url: string;
}

export interface Model {
  site: SiteConfig;
  pages: Map<string, Page>;
  documents: Document[];
  indicators: Map<string, Indicator>;
  tables: Map<string, Table>;
  /** Strategy documents by revision ("2020"). */
  strategies: Map<string, Document>;
  goals: number[];
  /** Committee cases by file name (data/cases/<id>.json). */
  cases: Map<string, CommitteeCase>;
  /** The ministry's benchmark results (data/benchmark.json), when the municipality records them. */
  benchmark?: Benchmark;
  /** The municipality's logo (SVG text from data/), when site.json names one. */
  logo?: string;
  /** Images pages show, checked, by project path ("content/plan/2021/foto.png"); published at the same path below the site. */
  images: Map<string, Uint8Array>;
  /** Problems that do not stop a build (placeholders in a draft), with file and line like the others. */
  warnings: Problem[];
}

const FILE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*\.(md|json)$/;
const FOLDER_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

function decode(file: SourceFile, problems: Problem[]): string | undefined {
  let text: string;
  try {
    text = utf8.decode(file.bytes);
  } catch {
    // Point at the first byte that is not UTF-8 (shown as U+FFFD when decoded leniently).
    const lenient = new TextDecoder("utf-8").decode(file.bytes);
    problems.push({ file: file.path, ...positionAt(lenient, lenient.indexOf("\uFFFD")), ...messages.notUtf8() });
    return undefined;
  }
  if (text.trim() === "") {
    problems.push({ file: file.path, line: 1, column: 1, ...messages.emptyFile() });
    return undefined;
  }
  const name = posix.basename(file.path);
  if (!FILE_NAME.test(name) && !name.endsWith(".schema.json")) {
    problems.push({ file: file.path, line: 1, column: 1, ...messages.badFileName(name) });
  }
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/**
 * A data file's problems named by JSON path get the line and column of that path too, so the editor
 * finds "series[0].observations[1].period" at line 14 without counting from zero.
 */
function withDataPositions(problems: Problem[], files: readonly SourceFile[]): Problem[] {
  const texts = new Map<string, string | undefined>();
  const textOf = (path: string) => {
    if (!texts.has(path)) {
      const file = files.find((f) => f.path === path);
      texts.set(path, file ? new TextDecoder("utf-8").decode(file.bytes) : undefined);
    }
    return texts.get(path);
  };
  return problems.map((problem) => {
    if (problem.line !== undefined || problem.path === undefined || !problem.file.endsWith(".json")) return problem;
    const text = textOf(problem.file);
    const position = text === undefined ? undefined : positionOfPath(text, problem.path);
    return position ? { ...problem, ...position } : problem;
  });
}

/** A data file read by the one JSON reading (lib/json.ts): its value, or undefined with its problems pushed. */
function parseJson(file: SourceFile, problems: Problem[]): unknown {
  const text = decode(file, problems);
  if (text === undefined) return undefined;
  const { value, problems: found } = readJson(text, file.path);
  problems.push(...found);
  return found.length > 0 ? undefined : value;
}

function urlOf(key: string): string {
  if (key === "index") return "/";
  return `/${key.replace(/(^|\/)index$/, "")}/`.replace(/\/+/g, "/");
}

interface ParsedMarkdown extends FrontMatter {
  text: string;
}

function parseMarkdown(file: SourceFile, problems: Problem[]): ParsedMarkdown | undefined {
  const text = decode(file, problems);
  if (text === undefined) return undefined;
  const front = readFrontMatter(text, file.path, problems);
  return front && { ...front, text };
}

const fieldAt = (parsed: ParsedMarkdown, key: string) => parsed.at([key]);

function checkFrontMatter<T>(
  schema: { shape: object; safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } },
  parsed: ParsedMarkdown,
  file: string,
  problems: Problem[],
): T | undefined {
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues as Parameters<typeof describeIssue>[0][]) {
    if (issue.code === "unrecognized_keys") {
      // One message per unknown field, at the field, with the known field it most likely meant.
      for (const key of issue.keys) {
        const nearest = nearestName(key, Object.keys(schema.shape));
        problems.push({ file, ...parsed.at([...issue.path, key], true), ...messages.unknownField(key, nearest) });
      }
      continue;
    }
    const described = describeIssue(issue, parsed.data, "front matter");
    problems.push({ file, ...parsed.at(issue.path), ...described, path: undefined });
  }
  return undefined;
}

function documentTitle(data: DocumentData): string {
  return data.kind === "bilag" && data.number !== undefined ? `Bilag ${data.number} – ${data.title}` : data.title;
}

/** The logo as published: sanitised; anything in it that could run or fetch is a content error. */
function sanitizedLogo(file: SourceFile, problems: Problem[]): string {
  const { svg, removed } = sanitizeSvg(new TextDecoder().decode(file.bytes));
  const active = removed.filter(isActive);
  if (active.length > 0) problems.push({ file: file.path, ...messages.unsafeSvg(active) });
  return svg;
}

/** What one step of buildModel found, with the problems it reported (in the order of the files). */
type Found<T> = T & { problems: Problem[] };

/** The Markdown pages as read: by key, their parsed front matter, and the keys of files that exist but could not be read. */
interface ReadPages {
  pages: Map<string, Page>;
  /** The parsed front matter by page key (for positions of fields in later steps). */
  raw: Map<string, ParsedMarkdown>;
  /** Pages whose file exists but could not be read: what names them is not reported again as missing. */
  unreadable: Set<string>;
}

/** The indicator and table data, and the ids of data files that exist but failed validation. */
interface ReadData {
  indicators: Map<string, Indicator>;
  tables: Map<string, Table>;
  /** Ids of files that exist but failed validation: their ids are not reported again as unknown. */
  invalid: Set<string>;
}

/**
 * Validates every file and links pages into documents; throws ValidationError with all problems.
 * A pure function of `files`, composed of named steps in the order problems are reported: the site
 * identity, the Markdown pages, documents and their chapters, strategies and goals, indicator and
 * table data, the committee's data, then the checks on the pages (directives, includes, URLs,
 * links, headings, images, placeholders) and the logo.
 */
export function buildModel(files: readonly SourceFile[]): Model {
  const site = readSite(files);
  const read = readPages(files);
  const documents = linkDocuments(read);
  const revisions = linkStrategies(documents.documents, read.raw);
  const data = readData(files, revisions.goals);
  const committee = readCommittee(files);
  const content = checkPageContent(files, read.pages, documents.documents, read.raw);
  const logo = readLogo(files, site.site);
  const problems = [
    ...site.problems,
    ...read.problems,
    ...documents.problems,
    ...revisions.problems,
    ...data.problems,
    ...committee.problems,
    ...checkDirectives(read, data),
    ...checkDirectivesInText(read.pages),
    ...checkIncludes(read.pages),
    ...checkUrls(read.pages),
    ...content.problems,
    ...logo.problems,
  ];
  if (problems.length > 0 || !site.site) throw new ValidationError(withDataPositions(problems, files));
  return {
    site: site.site,
    pages: read.pages,
    documents: documents.documents,
    indicators: data.indicators,
    tables: data.tables,
    strategies: revisions.strategies,
    goals: revisions.goals,
    cases: committee.cases,
    benchmark: committee.benchmark,
    logo: logo.logo,
    images: publishedImages(read.pages, content.imageFiles),
    warnings: content.warnings,
  };
}

/**
 * data/site.json against its schema, with what the schema cannot say: web addresses only (never
 * javascript: or data:), colour contrast on white (WCAG 1.4.3 text 4.5:1, 1.4.11 graphics 3:1),
 * and a logo file that exists. `site` is undefined when the file is missing or invalid.
 */
function readSite(files: readonly SourceFile[]): Found<{ site?: SiteConfig }> {
  const problems: Problem[] = [];
  const siteFile = files.find((f) => f.path === "data/site.json");
  if (!siteFile) return { problems: [{ file: "data/site.json", ...messages.missingSiteConfig() }] };
  const input = parseJson(siteFile, problems);
  if (input === undefined) return { problems };
  const result = siteSchema.safeParse(input);
  if (!result.success) return { problems: [...problems, ...result.error.issues.map((issue) => ({ file: siteFile.path, ...describeIssue(issue, input) }))] };
  const site = result.data;
  // Links in the footer and the sitemap: web addresses only, never javascript: or data:.
  const urls = { base_url: site.base_url, accessibility_statement: site.accessibility_statement, "contact.url": site.contact.url };
  for (const [path, url] of Object.entries(urls)) {
    if (url !== undefined && !/^https?:\/\//i.test(url)) problems.push({ file: siteFile.path, path, ...messages.unsafeUrl(path, url) });
  }
  // Colours: text on white needs 4.5:1 (WCAG 1.4.3), chart lines and shapes 3:1 (1.4.11).
  const colors: [string, string, number][] = [
    ["colors.primary", site.colors.primary, 4.5],
    ["colors.accent", site.colors.accent, 4.5],
    ...(site.colors.series ?? []).map((color, i): [string, string, number] => [`colors.series[${i}]`, color, 4.5]),
  ];
  for (const [path, color, needed] of colors) {
    const ratio = contrastRatio(color, "#ffffff");
    if (ratio < needed) problems.push({ file: siteFile.path, path, ...messages.lowContrast(color, ratio, needed) });
  }
  if (site.logo && !files.some((f) => f.path === `data/${site.logo}`)) {
    problems.push({ file: siteFile.path, path: "logo", ...messages.missingLogo(site.logo) });
  }
  return { site, problems };
}

/**
 * Every Markdown file in content/: its folder names (parts of URLs), its front matter against the
 * schema of its kind (front page, document index, chapter), and its body read once into tokens,
 * with quotes and lists nested too deep reported.
 */
function readPages(files: readonly SourceFile[]): Found<ReadPages> {
  const problems: Problem[] = [];
  const pages = new Map<string, Page>();
  const raw = new Map<string, ParsedMarkdown>();
  const badFolders = new Set<string>();
  const unreadable = new Set<string>();
  for (const file of files.filter((f) => f.path.startsWith("content/") && f.path.endsWith(".md"))) {
    // Folder names become parts of URLs too; each bad folder is reported once.
    const folders = file.path.split("/").slice(1, -1);
    const bad = folders.findIndex((name) => !FOLDER_NAME.test(name));
    const folder = ["content", ...folders.slice(0, bad + 1)].join("/");
    if (bad >= 0 && !badFolders.has(folder)) {
      badFolders.add(folder);
      problems.push({ file: file.path, line: 1, column: 1, ...messages.badFolderName(folder) });
    }
    const key = file.path.slice("content/".length, -".md".length);
    unreadable.add(key);
    const parsed = parseMarkdown(file, problems);
    if (!parsed) continue;
    raw.set(key, parsed);
    const isFront = key === "index";
    const isDocument = !isFront && posix.basename(key) === "index";
    const data = isFront
      ? checkFrontMatter<FrontPageData>(frontPageSchema, parsed, file.path, problems)
      : isDocument
        ? checkFrontMatter<DocumentData>(documentSchema, parsed, file.path, problems)
        : checkFrontMatter<ChapterData>(chapterSchema, parsed, file.path, problems);
    if (!data) continue;
    unreadable.delete(key);
    const tokens = parseBody(parsed.body);
    const deep = tooDeep(tokens);
    if (deep !== undefined) problems.push({ file: file.path, line: parsed.bodyStart + deep, column: 1, ...messages.nestedTooDeep(NESTING_LIMIT) });
    pages.set(key, {
      key,
      file: file.path,
      url: urlOf(key),
      data,
      body: parsed.body,
      bodyStart: parsed.bodyStart,
      tokens,
      directives: directivesOf(tokens),
    });
  }
  return { pages, raw, unreadable, problems };
}

/**
 * Documents (each folder's index page) with their chapters in `chapters` order, sorted by id. Sets
 * each own chapter's `documentId`. Reports listed chapters that are duplicated or missing, fields
 * a kind requires, two documents with one id or one PDF name, and pages beside an index that no
 * document lists.
 */
function linkDocuments({ pages, raw, unreadable }: ReadPages): Found<{ documents: Document[] }> {
  const problems: Problem[] = [];
  const documents: Document[] = [];
  for (const page of pages.values()) {
    if (page.key === "index" || posix.basename(page.key) !== "index") continue;
    const data = page.data as DocumentData;
    const folder = posix.dirname(page.key);
    const id = folder.replace(/\//g, "-");
    const fullTitle = documentTitle(data);
    const document: Document = {
      id,
      folder,
      data,
      fullTitle,
      index: page,
      chapters: [],
      pdf: data.pdf ?? `${slugify(fullTitle)}.pdf`,
      url: page.url,
    };
    page.documentId = id;
    const source = raw.get(page.key)!;
    const listed = new Set<string>();
    for (const [index, slug] of data.chapters.entries()) {
      if (listed.has(slug)) {
        problems.push({ file: page.file, ...source.at(["chapters", index]), ...messages.duplicateChapter(slug) });
        continue;
      }
      listed.add(slug);
      const borrowed = slug.includes("/");
      const target = borrowed ? slug : `${folder}/${slug}`;
      const chapter = pages.get(target);
      if (!chapter && unreadable.has(target)) continue;
      if (!chapter) {
        problems.push({ file: page.file, ...fieldAt(source, "chapters"), ...messages.missingChapter(slug, borrowed ? "content" : `content/${folder}`) });
        continue;
      }
      if (!borrowed) chapter.documentId = id;
      document.chapters.push(chapter);
    }
    const required: [keyof DocumentData, boolean][] = [
      ["year", data.kind === "plan"],
      ["revision", data.kind === "strategi"],
      ["number", data.kind === "bilag"],
    ];
    for (const [field, needed] of required) {
      if (needed && data[field] === undefined) problems.push({ file: page.file, ...source.at([]), ...messages.missingField(field) });
    }
    // The address comes from the folder, the title from year or revision: both must name the same years.
    const yearsField = data.kind === "plan" ? "year" : data.kind === "strategi" ? "revision" : undefined;
    const given = yearsField ? data[yearsField] : undefined;
    // A single year may be written "2022" (a revision always is): a span is "2024-2026".
    const years = (text: string | number) => (typeof text === "string" && /^\d{4}$/.test(text) ? Number(text) : text);
    const named = given === undefined ? undefined : years(given);
    const folderYears = posix.basename(folder);
    if (yearsField && named !== undefined && /^\d{4}(-\d{4})?$/.test(folderYears)) {
      const [a, b] = [yearSpan(named), yearSpan(years(folderYears))];
      if (a.from !== b.from || a.to !== b.to) {
        problems.push({ file: page.file, ...fieldAt(source, yearsField), ...messages.yearsFolderMismatch(yearsField, yearsText(named), `content/${folder}`) });
      }
    }
    const same = documents.find((other) => other.id === id);
    if (same) problems.push({ file: page.file, line: 1, column: 1, ...messages.duplicateDocumentId(id, same.index.file) });
    documents.push(document);
  }
  for (const page of pages.values()) {
    const folder = posix.dirname(page.key);
    if (!page.documentId && page.key !== "index" && pages.has(`${folder}/index`)) {
      problems.push({ file: page.file, line: 1, column: 1, ...messages.orphanPage(folder.replace(/\//g, "-")) });
    }
  }
  documents.sort((a, b) => a.id.localeCompare(b.id, "da"));
  const pdfs = new Map<string, string>();
  for (const document of documents) {
    const other = pdfs.get(document.pdf);
    if (other) {
      problems.push({ file: document.index.file, ...fieldAt(raw.get(document.index.key)!, "pdf"), ...messages.duplicatePdf(document.pdf, other) });
    }
    pdfs.set(document.pdf, document.index.file);
  }
  return { documents, problems };
}

/**
 * Strategy documents by revision and the goals their focus areas name (sorted), with every
 * `strategy` and a strategy's `compare_with` checked against the revisions that exist.
 */
function linkStrategies(documents: readonly Document[], raw: ReadonlyMap<string, ParsedMarkdown>): Found<{ strategies: Map<string, Document>; goals: number[] }> {
  const problems: Problem[] = [];
  const strategies = new Map(
    documents.filter((d) => d.data.kind === "strategi" && d.data.revision).map((d) => [d.data.revision!, d]),
  );
  const goals = [
    ...new Set(
      [...strategies.values()].flatMap((d) => d.chapters.map((c) => (c.data as ChapterData).goal ?? 0)).filter((g) => g > 0),
    ),
  ].sort((a, b) => a - b);
  for (const document of documents) {
    for (const field of ["strategy", "compare_with"] as const) {
      const revision = document.data[field];
      if (revision !== undefined && !strategies.has(revision) && !(field === "compare_with" && document.data.kind !== "strategi")) {
        problems.push({ file: document.index.file, ...fieldAt(raw.get(document.index.key)!, field), ...messages.unknownStrategy(revision, [...strategies.keys()]) });
      }
    }
  }
  return { strategies, goals, problems };
}

/** data/indicators/ and data/tables/: each file against its schema (indicators against `goals`), its id matching its file name, ids unique. */
function readData(files: readonly SourceFile[], goals: readonly number[]): Found<ReadData> {
  const problems: Problem[] = [];
  const indicators = new Map<string, Indicator>();
  const tables = new Map<string, Table>();
  const seen = new Map<string, string>();
  const invalid = new Set<string>();
  for (const file of files.filter((f) => /^data\/(indicators|tables)\/[^/]+\.json$/.test(f.path))) {
    const input = parseJson(file, problems);
    if (input === undefined) {
      invalid.add(posix.basename(file.path, ".json"));
      continue;
    }
    const isIndicator = file.path.startsWith("data/indicators/");
    const result = isIndicator ? validateIndicator(input, file.path, goals) : validateTable(input, file.path);
    problems.push(...result.problems);
    const value = "indicator" in result ? result.indicator : "table" in result ? result.table : undefined;
    const fileName = posix.basename(file.path, ".json");
    if (!value) {
      invalid.add(fileName);
      continue;
    }
    if (value.id !== fileName) problems.push({ file: file.path, path: "id", ...messages.idMismatch(value.id, `${fileName}.json`) });
    const other = seen.get(value.id);
    if (other) problems.push({ file: file.path, path: "id", ...messages.duplicateId(value.id, other) });
    seen.set(value.id, file.path);
    if (isIndicator) indicators.set(value.id, value as Indicator);
    else tables.set(value.id, value as Table);
  }
  return { indicators, tables, invalid, problems };
}

/** The committee's data: cases (data/cases/<id>.json) and the ministry's benchmark results (data/benchmark.json). */
function readCommittee(files: readonly SourceFile[]): Found<{ cases: Map<string, CommitteeCase>; benchmark?: Benchmark }> {
  const problems: Problem[] = [];
  const cases = new Map<string, CommitteeCase>();
  for (const file of files.filter((f) => /^data\/cases\/[^/]+\.json$/.test(f.path))) {
    const input = parseJson(file, problems);
    if (input === undefined) continue;
    const { value, problems: found } = validateData(caseSchema, input, file.path);
    problems.push(...found);
    if (value) cases.set(posix.basename(file.path, ".json"), value);
  }
  let benchmark: Benchmark | undefined;
  const benchmarkFile = files.find((f) => f.path === "data/benchmark.json");
  const benchmarkInput = benchmarkFile && parseJson(benchmarkFile, problems);
  if (benchmarkFile && benchmarkInput !== undefined) {
    const { value, problems: found } = validateData(benchmarkSchema, benchmarkInput, benchmarkFile.path);
    problems.push(...found, ...(value ? checkBenchmark(value, benchmarkFile.path) : []));
    benchmark = value;
  }
  return { cases, benchmark, problems };
}

/** Every directive line is well formed, stands on its own, and names a chart, table or page that exists (inside content/). */
function checkDirectives({ pages, unreadable }: ReadPages, { indicators, tables, invalid }: ReadData): Problem[] {
  const problems: Problem[] = [];
  const at = (page: Page, directive: Directive, text: MessageText) =>
    problems.push({ file: page.file, line: page.bodyStart + directive.bodyLine, column: directive.column, ...text });
  for (const page of pages.values()) {
    for (const directive of page.directives) {
      if (directive.malformed !== undefined) at(page, directive, messages.malformedDirective(directive.malformed));
      else if (directive.container) at(page, directive, messages.directiveInContainer(`::: ${directive.name} ${directive.argument}`.trim(), directive.container));
      else if (!isKnownDirective(directive.name)) at(page, directive, messages.unknownDirective(directive.name));
      else if (invalid.has(directive.argument)) continue;
      else if (directive.name === "chart" && !indicators.has(directive.argument)) at(page, directive, messages.unknownIndicator(directive.argument));
      else if (directive.name === "table" && !tables.has(directive.argument)) at(page, directive, messages.unknownTable(directive.argument));
      else if (directive.name === "include") {
        const target = posix.normalize(directive.argument);
        if (target.startsWith("..") || target.startsWith("/")) at(page, directive, messages.includeOutside(directive.argument));
        else if (!pages.has(target) && !unreadable.has(target)) at(page, directive, messages.missingInclude(directive.argument));
      }
    }
  }
  return problems;
}

/**
 * Includes within bounds (scripts/limits.ts: depth, included pages, headings), measured without
 * expanding anything, and without rings; a page over the bounds is not searched for rings, and each
 * ring is reported once, at the page whose key sorts first.
 */
function checkIncludes(pages: ReadonlyMap<string, Page>): Problem[] {
  const problems: Problem[] = [];
  const costs = includeCosts(pages);
  const overBudget = new Set<string>();
  for (const page of pages.values()) {
    const cost = costs.get(page.key)!;
    const first = page.directives.find((d) => d.name === "include");
    const where = first ? { line: page.bodyStart + first.bodyLine, column: first.column } : { line: 1, column: 1 };
    const problem =
      cost.depth > LIMITS.includeDepth ? { ...where, ...messages.includeTooDeep(LIMITS.includeDepth) }
      : cost.included > LIMITS.includedPages ? { ...where, ...messages.includeTooMany(LIMITS.includedPages) }
      : cost.headings > LIMITS.headings ? { line: 1, column: 1, ...messages.tooManyHeadings(cost.headings, LIMITS.headings) }
      : undefined;
    if (!problem) continue;
    overBudget.add(page.key);
    problems.push({ file: page.file, ...problem });
  }
  for (const page of pages.values()) {
    if (overBudget.has(page.key)) continue;
    const cycle = findIncludeCycle(page.key, pages, []);
    if (cycle && cycle[0] === page.key && cycle.every((key) => key >= page.key)) {
      const directive = page.directives.find((d) => d.name === "include" && posix.normalize(d.argument) === cycle[1]);
      if (directive) problems.push({ file: page.file, line: page.bodyStart + directive.bodyLine, column: directive.column, ...messages.includeCycle(cycle) });
    }
  }
  return problems;
}

/** Two files must never publish to one URL (e.g. "a.md" and "a/index.md"), nor to one the build makes itself. */
function checkUrls(pages: ReadonlyMap<string, Page>): Problem[] {
  const problems: Problem[] = [];
  const urls = new Map<string, string>();
  for (const page of pages.values()) {
    const reserved = (GENERATED_PAGES as readonly string[]).includes(page.url) || RESERVED_FOLDERS.some((folder) => page.url.startsWith(folder));
    if (reserved) problems.push({ file: page.file, line: 1, column: 1, ...messages.reservedUrl(page.url) });
    const other = urls.get(page.url);
    if (other) problems.push({ file: page.file, line: 1, column: 1, ...messages.duplicateUrl(page.url, other) });
    urls.set(page.url, page.file);
  }
  return problems;
}

/**
 * The checks on the pages' tokens (scripts/content/checks.ts): links and anchors, heading levels,
 * images, and placeholders (warnings in a draft). Also gives the image files of content/ by path.
 */
function checkPageContent(
  files: readonly SourceFile[],
  pages: ReadonlyMap<string, Page>,
  documents: readonly Document[],
  raw: ReadonlyMap<string, ParsedMarkdown>,
): Found<{ warnings: Problem[]; imageFiles: Map<string, Uint8Array> }> {
  const imageTypes = new RegExp(`^content/.+\\.(${IMAGE_TYPES.join("|")})$`, "i");
  const imageFiles = new Map(files.filter((f) => imageTypes.test(f.path)).map((f) => [f.path, f.bytes]));
  const placeholders = checkPlaceholders(pages, documents, (page, path) => raw.get(page.key)?.at(path) ?? { line: 1, column: 1 });
  return {
    problems: [...checkLinks(pages, documents), ...checkHeadings(pages), ...checkImages(pages, imageFiles), ...placeholders.problems],
    warnings: placeholders.warnings,
    imageFiles,
  };
}

/** The logo site.json names, sanitised; anything in it that could run or fetch is a content error. */
function readLogo(files: readonly SourceFile[], site: SiteConfig | undefined): Found<{ logo?: string }> {
  const problems: Problem[] = [];
  const logoFile = site?.logo ? files.find((f) => f.path === `data/${site.logo}`) : undefined;
  return { logo: logoFile ? sanitizedLogo(logoFile, problems) : undefined, problems };
}

/** The image files pages show, by project path: published at the same path below the site. */
function publishedImages(pages: ReadonlyMap<string, Page>, imageFiles: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const images = new Map<string, Uint8Array>();
  for (const page of pages.values()) {
    for (const token of page.tokens.flatMap((t) => t.children ?? [])) {
      const src = token.type === "image" ? String(token.attrGet("src") ?? "") : "";
      const file = src && imageFile(page, src);
      if (file && imageFiles.has(file)) images.set(file, imageFiles.get(file)!);
    }
  }
  return images;
}

function findIncludeCycle(key: string, pages: ReadonlyMap<string, Page>, chain: string[]): string[] | undefined {
  if (chain.includes(key)) return [...chain.slice(chain.indexOf(key)), key];
  const page = pages.get(key);
  if (!page) return undefined;
  for (const directive of page.directives) {
    if (directive.name !== "include") continue;
    const cycle = findIncludeCycle(posix.normalize(directive.argument), pages, [...chain, key]);
    if (cycle) return cycle;
  }
  return undefined;
}
