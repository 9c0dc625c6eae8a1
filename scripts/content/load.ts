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
import { positionAt, readJson } from "../lib/json.ts";
import { messages, ValidationError, type MessageText, type Problem } from "../messages.ts";
import { nearestField, readFrontMatter, type FrontMatter } from "./frontmatter.ts";
import { checkHeadings, checkImages, checkLinks, checkPlaceholders, GENERATED_PAGES, IMAGE_TYPES, RESERVED_FOLDERS } from "./checks.ts";
import { imageFile } from "./compose.ts";
import { directivesOf, NESTING_LIMIT, parseBody, tooDeep, type Token } from "./markdown.ts";
import { benchmarkSchema, caseSchema, checkBenchmark, validateData, type Benchmark, type CommitteeCase } from "./committee.ts";
import { isKnownDirective, type Directive } from "./directives.ts";
import {
  chapterSchema,
  documentSchema,
  frontPageSchema,
  siteSchema,
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
        const nearest = nearestField(key, Object.keys(schema.shape));
        problems.push({ file, ...parsed.at([...issue.path, key], true), ...messages.unknownField(key, nearest) });
      }
      continue;
    }
    const described = describeIssue(issue, parsed.data);
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

/** Validates every file and links pages into documents; throws ValidationError with all problems. */
export function buildModel(files: readonly SourceFile[]): Model {
  const problems: Problem[] = [];
  const at = (page: Page, directive: Directive, text: MessageText) =>
    problems.push({ file: page.file, line: page.bodyStart + directive.bodyLine, column: 1, ...text });

  // Site identity.
  let site: SiteConfig | undefined;
  const siteFile = files.find((f) => f.path === "data/site.json");
  if (!siteFile) problems.push({ file: "data/site.json", ...messages.missingSiteConfig() });
  else {
    const input = parseJson(siteFile, problems);
    if (input !== undefined) {
      const result = siteSchema.safeParse(input);
      if (result.success) {
        site = result.data;
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
        if (site.logo && !files.some((f) => f.path === `data/${site!.logo}`)) {
          problems.push({ file: siteFile.path, path: "logo", ...messages.missingLogo(site.logo) });
        }
      } else for (const issue of result.error.issues) problems.push({ file: siteFile.path, ...describeIssue(issue, input) });
    }
  }

  // Markdown pages.
  const pages = new Map<string, Page>();
  const raw = new Map<string, ParsedMarkdown>();
  const badFolders = new Set<string>();
  // Pages whose file exists but could not be read: what names them is not reported again as missing.
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

  // Documents and their chapters.
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

  // Data: indicators and tables.
  const indicators = new Map<string, Indicator>();
  const tables = new Map<string, Table>();
  const seen = new Map<string, string>();
  // Files that exist but failed validation: their ids are not reported again as unknown.
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

  // The committee's data: cases and benchmark results.
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

  // Directives: every chart, table and include must name something that exists.
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
  // Bounds (scripts/limits.ts), measured without expanding anything; a page over them is not searched for rings.
  const costs = includeCosts(pages);
  const overBudget = new Set<string>();
  for (const page of pages.values()) {
    const cost = costs.get(page.key)!;
    const first = page.directives.find((d) => d.name === "include");
    const where = first ? { line: page.bodyStart + first.bodyLine, column: 1 } : { line: 1, column: 1 };
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
    // One report per ring: at the page whose key sorts first.
    if (cycle && cycle[0] === page.key && cycle.every((key) => key >= page.key)) {
      const directive = page.directives.find((d) => d.name === "include" && posix.normalize(d.argument) === cycle[1]);
      if (directive) at(page, directive, messages.includeCycle(cycle));
    }
  }

  // Two files must never publish to one URL (e.g. "a.md" and "a/index.md").
  const urls = new Map<string, string>();
  for (const page of pages.values()) {
    const reserved = (GENERATED_PAGES as readonly string[]).includes(page.url) || RESERVED_FOLDERS.some((folder) => page.url.startsWith(folder));
    if (reserved) problems.push({ file: page.file, line: 1, column: 1, ...messages.reservedUrl(page.url) });
    const other = urls.get(page.url);
    if (other) problems.push({ file: page.file, line: 1, column: 1, ...messages.duplicateUrl(page.url, other) });
    urls.set(page.url, page.file);
  }

  // Links, headings, placeholders and images, from the tokens.
  const imageTypes = new RegExp(`^content/.+\\.(${IMAGE_TYPES.join("|")})$`, "i");
  const imageFiles = new Map(files.filter((f) => imageTypes.test(f.path)).map((f) => [f.path, f.bytes]));
  problems.push(...checkLinks(pages, documents), ...checkHeadings(pages), ...checkImages(pages, imageFiles));
  const placeholders = checkPlaceholders(pages, documents);
  problems.push(...placeholders.problems);

  const logoFile = site?.logo ? files.find((f) => f.path === `data/${site!.logo}`) : undefined;
  const logo = logoFile ? sanitizedLogo(logoFile, problems) : undefined;
  if (problems.length > 0 || !site) throw new ValidationError(problems);
  const images = new Map<string, Uint8Array>();
  for (const page of pages.values()) {
    for (const token of page.tokens.flatMap((t) => t.children ?? [])) {
      const src = token.type === "image" ? String(token.attrGet("src") ?? "") : "";
      const file = src && imageFile(page, src);
      if (file && imageFiles.has(file)) images.set(file, imageFiles.get(file)!);
    }
  }
  return { site, pages, documents, indicators, tables, strategies, goals, cases, benchmark, logo, images, warnings: placeholders.warnings };
}

function findIncludeCycle(key: string, pages: Map<string, Page>, chain: string[]): string[] | undefined {
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
