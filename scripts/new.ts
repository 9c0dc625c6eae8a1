// `npm run new -- plan 2026` (or a span: `plan 2027-2029`): starts the next plan in content/plan/<years>/ from the newest plan.
// The new plan is a draft (status: udkast) on the newest adopted strategy revision, with the same
// chapters and headings, "[Skriv her: …]" where the text goes, charts kept, and the strategy's
// focus areas included (::: include strategi/2022/fokusomraade-1), never copied. It refuses to
// overwrite anything and validates the whole project with the new files before writing them.
// scaffoldPlan() is pure; runNew() reads and writes; the last line is the command.
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, posix, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { readSourceFiles } from "./content/files.ts";
import { buildModel, type Document, type Model, type Page } from "./content/load.ts";
import { yearSpan, yearsText, type ChapterData } from "./content/schema.ts";
import { CommandLineError, formatCommandLineError, readCommandLine } from "./lib/command-line.ts";
import { slugify } from "./lib/danish.ts";
import { fileSystemCause, fileSystemErrorIn, formatProblems, messages, ValidationError, type MessageText } from "./messages.ts";

export interface PlanScaffold {
  /** "content/plan/2026". */
  folder: string;
  files: { path: string; text: string }[];
  /** The plan it was made from. */
  from: Document;
  /** The strategy revision it builds on. */
  strategy: string;
  /** Pages included as the focus areas: "strategi/2022/fokusomraade-1", … */
  focusAreas: string[];
  /** Includes of an older strategy's pages that were kept as they were (there is no newer one). */
  kept: string[];
}

/** Marks a place to write. Editors search for "[Skriv her". */
export const placeholder = (what: string) => `[Skriv her: ${what}]`;

/** A YAML value: plain when that is safe, otherwise a double-quoted (JSON) string. */
function yaml(text: string): string {
  const plain = /^[\p{L}\p{N}][^:#[\]{}"'`|>&*!%@,\n]*$/u.test(text) && !/\s$/.test(text) && !/^(true|false|null|yes|no|on|off|[\d.:-]+)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

const headingText = (line: string) =>
  line
    .replace(/^#{1,6}\s+/, "")
    .replace(/\s+#+\s*$/, "")
    .trim();

function byRevision(a: Document, b: Document): number {
  return (a.data.revision ?? "").localeCompare(b.data.revision ?? "", "da", { numeric: true });
}

interface Context {
  model: Model;
  /** The new plan's `year`: 2026, or a span "2027-2029". */
  year: number | string;
  from: Document;
  strategy: Document;
  focusKeys: Set<string>;
  focusAreas: string[];
  focusDone: boolean;
  kept: Set<string>;
}

/** The page's headings and directives with a place to write wherever it had text. */
function skeleton(page: Page, first: string, context: Context): string {
  const directives = new Map(page.directives.map((d) => [d.bodyLine, d]));
  const blocks: string[] = [];
  let heading: string | undefined;
  let text = false;
  let written = false;
  let fence: string | undefined;
  let footnote = false;
  const flush = () => {
    if (text) {
      const what = heading ? `teksten under "${heading}".` : first;
      blocks.push(placeholder(written ? `mere tekst${heading ? ` under "${heading}"` : ""}, eller slet denne linje.` : what));
      written = true;
    }
    text = false;
  };
  page.body.split("\n").forEach((line, index) => {
    // Footnotes belong to the old text; the new text gets its own.
    if (/^\[\^[^\]]+\]:/.test(line)) footnote = true;
    else if (footnote && line.trim() !== "" && !/^\s/.test(line)) footnote = false;
    if (footnote) return;
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence || fenceMatch) {
      if (fenceMatch && !fence) fence = fenceMatch[1]![0];
      else if (fenceMatch && fenceMatch[1]![0] === fence) fence = undefined;
      text = true;
      return;
    }
    const directive = directives.get(index);
    if (directive) {
      flush();
      blocks.push(...directiveBlocks(directive.name, directive.argument, line, context));
    } else if (/^#{1,6}\s+\S/.test(line)) {
      flush();
      heading = headingText(line);
      written = false;
      blocks.push(line.trim());
    } else if (line.trim() !== "") text = true;
  });
  flush();
  if (!blocks.some((block) => block.startsWith("[Skriv her:"))) blocks.unshift(placeholder(first));
  return blocks.join("\n\n");
}

function directiveBlocks(name: string, argument: string, line: string, context: Context): string[] {
  if (name === "table") {
    return [
      placeholder(
        `en opdateret tabel. Planen for ${context.from.data.year} viste tabellen ${argument}; opret en ny i data/tables/, og indsæt den med en linje \`::: table <navn>\` for sig selv.`,
      ),
    ];
  }
  if (name !== "include") return [line.trim()];
  const target = posix.normalize(argument);
  if (context.focusKeys.has(target)) {
    if (context.focusDone) return [];
    context.focusDone = true;
    return context.focusAreas.map((key) => `::: include ${key}`);
  }
  const match = /^strategi\/([^/]+)\/(.+)$/.exec(target);
  const revision = context.strategy.data.revision!;
  if (match && match[1] !== revision) {
    const newer = `strategi/${revision}/${match[2]}`;
    if (context.model.pages.has(newer)) return [`::: include ${newer}`];
    context.kept.add(target);
  }
  return [line.trim()];
}

/** The last year a plan covers, then its first: how plans are ordered. */
const planOrder = (d: Document) => {
  const span = yearSpan(d.data.year ?? 0);
  return span.to * 10_000 + span.from;
};

/**
 * The files of a new plan for `year` (2026, or a span "2027-2029"), built from the newest plan; a
 * message when there is nothing to build on.
 */
export function scaffoldPlan(model: Model, year: number | string): PlanScaffold | MessageText {
  const plans = model.documents.filter((d) => d.data.kind === "plan" && d.data.year !== undefined);
  const from = plans.sort((a, b) => planOrder(a) - planOrder(b)).at(-1);
  if (!from) return messages.newNoPlan();
  const strategy = [...model.strategies.values()]
    .filter((d) => d.data.status === "vedtaget")
    .sort(byRevision)
    .at(-1);
  if (!strategy) return messages.newNoStrategy();

  const isFocus = (page: Page) => (page.data as ChapterData).goal !== undefined;
  const focusKeys = new Set([...model.strategies.values()].flatMap((d) => d.chapters.filter(isFocus).map((c) => c.key)));
  const focusPages = strategy.chapters.some(isFocus) ? strategy.chapters.filter(isFocus) : strategy.chapters;
  const context: Context = {
    model,
    year,
    from,
    strategy,
    focusKeys,
    focusAreas: focusPages.map((c) => c.key),
    focusDone: false,
    kept: new Set(),
  };

  const folder = `content/plan/${year}`;
  const oldYear = String(from.data.year);
  const oldText = yearsText(from.data.year!);
  const title = from.data.title.includes(oldText)
    ? from.data.title.replaceAll(oldText, yearsText(year))
    : from.data.title.includes(oldYear)
      ? from.data.title.replaceAll(oldYear, yearsText(year))
      : `Beskæftigelsesplan ${yearsText(year)}`;
  const pdf = from.data.pdf?.includes(oldYear) ? from.data.pdf.replaceAll(oldYear, String(year)) : `${slugify(title)}.pdf`;
  const files: PlanScaffold["files"] = [];
  const chapters: string[] = [];
  for (const slug of from.data.chapters) {
    chapters.push(slug);
    // A chapter borrowed from another folder ("strategi/2022/principper") stays borrowed.
    if (slug.includes("/")) continue;
    const page = from.chapters.find((c) => c.key === `${from.folder}/${slug}`);
    if (!page) continue;
    const chapterTitle = (page.data as ChapterData).title;
    const body = skeleton(page, `teksten til kapitlet "${chapterTitle}".`, context);
    files.push({ path: `${folder}/${slug}.md`, text: `---\ntitle: ${yaml(chapterTitle)}\n---\n\n${body}\n` });
  }
  const intro = skeleton(from.index, `indledningen til ${title}: hvad planen bygger på, og hvad der er nyt i ${yearsText(year)}.`, context);
  if (!context.focusDone) {
    // The newest plan did not show the focus areas: they get a chapter of their own.
    const slug = chapters.includes("fokusomraader") ? `fokusomraader-${year}` : "fokusomraader";
    chapters.push(slug);
    const body = [placeholder("en kort indledning til fokusområderne."), ...context.focusAreas.map((key) => `::: include ${key}`)];
    files.push({ path: `${folder}/${slug}.md`, text: `---\ntitle: Fokusområder\n---\n\n${body.join("\n\n")}\n` });
    context.focusDone = true;
  }
  const frontMatter = [
    `title: ${yaml(title)}`,
    "kind: plan",
    `year: ${typeof year === "number" ? year : JSON.stringify(year)}`,
    "status: udkast",
    `strategy: ${JSON.stringify(strategy.data.revision)}`,
    `pdf: ${pdf}`,
    `description: ${JSON.stringify(placeholder("én sætning om planen. Den vises i søgeresultater og i PDF'ens oplysninger."))}`,
    `chapters: [${chapters.join(", ")}]`,
  ];
  files.unshift({ path: `${folder}/index.md`, text: `---\n${frontMatter.join("\n")}\n---\n\n${intro}\n` });
  return { folder, files, from, strategy: strategy.data.revision!, focusAreas: context.focusAreas, kept: [...context.kept] };
}

export interface NewOptions {
  /** Where content/ and data/ are. */
  source: string;
  log: (line: string) => void;
  error: (line: string) => void;
  /** Writes one file of the new plan (default: fs.writeFile); a test passes one that fails as a full disk does. */
  writeFile?: (path: string, text: string, options: { flag: "wx" }) => Promise<void>;
  /** The environment npm ran the command in (default process.env): tells whether npm took an option. */
  env?: NodeJS.ProcessEnv;
}

function fail(text: MessageText, error: (line: string) => void): number {
  error(`${text.message}${text.hint ? `\n    Sådan gør du: ${text.hint}` : ""}`);
  return 2;
}

/** "2026" → 2026, "2027-2029" or "2027–2029" → "2027-2029"; undefined for anything else. */
export function parseYears(text: string): number | string | undefined {
  const match = /^(\d{4})(?:[-\u2013](\d{4}))?$/.exec(text.trim());
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < 1990 || to > 2100 || to < from) return undefined;
  return to === from && match[2] === undefined ? from : `${from}-${to}`;
}

/** Runs `new`; returns the exit code (0 created, 2 nothing created, 1 a file could not be written and nothing is created). */
export async function runNew(args: readonly string[], options: NewOptions): Promise<number> {
  let positionals: string[];
  try {
    ({ positionals } = readCommandLine("new", args, {}, { positionals: true, env: options.env }));
  } catch (cause) {
    if (!(cause instanceof CommandLineError)) throw cause;
    options.error(formatCommandLineError(cause));
    return 2;
  }
  const [given, yearText, ...rest] = positionals;
  const kind = given?.toLowerCase(); // "Plan" means plan
  if (kind !== undefined && kind !== "plan") return fail(messages.newKindUnknown(given!), options.error);
  if (kind !== "plan" || rest.length > 0) return fail(messages.newUsage(), options.error);

  let model: Model;
  const existing = await readSourceFiles(options.source);
  try {
    model = buildModel(existing);
  } catch (cause) {
    if (!(cause instanceof ValidationError)) throw cause;
    options.error(`${cause.message}\n\nRet fejlene først (npm run check viser dem), og kør så npm run new igen. Intet er oprettet.`);
    return 2;
  }
  const newest = Math.max(0, ...model.documents.filter((d) => d.data.kind === "plan").map((d) => yearSpan(d.data.year ?? 0).to));
  const year = yearText === undefined ? newest + 1 : parseYears(yearText);
  if (year === undefined) return fail(messages.newBadYear(yearText ?? ""), options.error);

  const folder = `content/plan/${year}`;
  const exists = await stat(join(options.source, folder)).then(
    () => true,
    () => false,
  );
  if (exists) return fail(messages.newPlanExists(folder), options.error);

  const scaffold = scaffoldPlan(model, year);
  if (!("files" in scaffold)) return fail(scaffold, options.error);
  try {
    buildModel([...existing, ...scaffold.files.map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.text) }))]);
  } catch (cause) {
    if (!(cause instanceof ValidationError)) throw cause;
    options.error(`${formatProblems(cause.problems)}\n\nDen nye plan ville ikke kunne bygges, så intet er oprettet.`);
    return 2;
  }

  // Written next to its place and moved there in one step: no half-made plan if something fails.
  const staging = join(options.source, "content", "plan", `.${year}-ny-${process.pid}`);
  let writing = `${folder}/`;
  try {
    await mkdir(join(options.source, "content", "plan"), { recursive: true });
    await mkdir(staging);
    for (const file of scaffold.files) {
      writing = file.path;
      await (options.writeFile ?? writeFile)(join(staging, posix.basename(file.path)), file.text, { flag: "wx" });
    }
    writing = `${folder}/`;
    await rename(staging, join(options.source, folder));
  } catch (cause) {
    // A full disk, no access, a read-only drive: named with the file it was writing, and nothing is created.
    const system = fileSystemErrorIn(cause);
    if (!system) throw cause;
    const text = messages.writeFailed(writing, fileSystemCause(system.code));
    options.error(`${text.message}\n    Sådan gør du: ${text.hint}\n\nIntet er oprettet.`);
    return 1;
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }

  const log = options.log;
  log(`Oprettede ${folder}/ ud fra ${scaffold.from.fullTitle} og strategien fra ${scaffold.strategy}:`);
  for (const file of scaffold.files) log(`  ${file.path}`);
  log(`Fokusområderne indsættes fra strategien med ::: include: ${scaffold.focusAreas.join(", ")}.`);
  for (const key of scaffold.kept) log(`Bemærk: planen indsætter stadig ${key} fra en ældre strategi. Tjek, om det er rigtigt.`);
  log(`Skriv teksten der, hvor der står "[Skriv her: …]". Se planen med npm start, og kør npm run check, når du er færdig.`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await runNew(process.argv.slice(2), {
    source: resolve(import.meta.dirname, ".."),
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  });
}
