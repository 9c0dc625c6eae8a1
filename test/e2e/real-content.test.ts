// The real build (the one the e2e tests share, with its PDFs): every sentence and figure of the
// source documents must reach the site, with Danish typography, and every document must come out
// as a PDF.
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { readPdf, readPdfText, realContent, ROOT, type PdfText } from "../helpers.ts";
import { structureText } from "../pdf-structure-text.ts";
import type { BuildReport } from "../../scripts/build.ts";

/** The source documents (not part of the repository): SEEDS_DIR, by default ../shared/seeds/ beside it. */
const SEEDS = resolve(ROOT, process.env.SEEDS_DIR ?? join("..", "shared", "seeds"));
const HAVE_SEEDS = existsSync(SEEDS);
let out: string;
let report: BuildReport;
let siteText: string;
let printDir: string;

/** Differences that come from the extraction of the sources, not from our content. */
const ARTEFACTS: [RegExp, string][] = [
  [/Spør/g, "Spor"], // the source's own typo, corrected in the content
  [/spør/g, "spor"],
  [/Slutte- ligt/g, "Slutteligt"],
  [/^\s*[-•]\s+/gm, ""], // list markers: the site has real lists
  [/[¹²]/g, ""], // footnote markers become real footnotes
  [/\bfokusgruppintervjuer\b/g, "fokusgruppeinterviews"],
  [/opfølgingsbilag/g, "opfølgningsbilag"],
  [/opfølgingsplan/g, "opfølgningsplan"],
  [/opfølgingsværktøj/g, "opfølgningsværktøj"],
  [/borgeregens/g, "borgerens"],
  [/arbejdsfælleskab/g, "arbejdsfællesskab"],
  [/dagpenge ret\b/g, "dagpengeret"],
];

/** Source lines that the site shows under another name. */
const RENAMED = [
  "bilag 2 til beskæftigelsesstrategi 2020", // the document's title, shown as "Bilag 2 – Indikatorer"
];

function normalize(text: string): string {
  let result = text;
  for (const [pattern, replacement] of ARTEFACTS) result = result.replace(pattern, replacement);
  result = result
    .replace(/\u00ad/g, "")
    .replace(/\[\d+\]|↩︎/g, "") // footnote references and back links on the site
    .replace(/[ \t]*\n[ \t]*\n?/g, "\n")
    // words broken over lines in the source: "Beskæftigelses-\nudvalg" (but "Erhvervs- og" stays)
    .replace(/([a-zæøå])-\n(?=[a-zæøå])/g, "$1")
    .replace(/\s+/g, " ")
    .replace(/[”“„]/g, '"')
    .trim();
  return result.toLowerCase();
}

/** Sentences of each paragraph (paragraphs are separated by blank lines in the sources). */
function sentences(text: string): string[] {
  return (
    text
      // words broken over lines (sometimes with an empty line between): "Beskæftigelses-\nudvalg"
      .replace(/([a-zæøå])-[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=[a-zæøå])/g, "$1")
      // each list item is a paragraph of its own
      .replace(/\n[ \t]*[-•][ \t]+/g, "\n\n")
      .split(/\n[ \t]*\n/)
      .flatMap((block) => block.replace(/\s+/g, " ").split(/(?<=[.!?:])\s+(?=[A-ZÆØÅ"”])/))
      .map((s) => normalize(s))
      .filter((s) => s.split(" ").length >= 4)
  );
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith(".html") && !e.startsWith("print")).map((e) => join(dir, e));
}

beforeAll(async () => {
  ({ out, report, printDir } = await realContent());
  const texts = await Promise.all(
    (await htmlFiles(out)).map(async (file) => {
      const main = parse(await readFile(file, "utf8")).querySelector("main");
      return main ? main.structuredText : "";
    }),
  );
  siteText = normalize(texts.join("\n"));
});

describe("fidelity to the source documents", () => {
  const title = HAVE_SEEDS
    ? "every sentence of %s (%s) is on the site"
    : `every sentence of %s (%s) is on the site — skipped: no source documents in ${SEEDS} (set SEEDS_DIR)`;
  it.skipIf(!HAVE_SEEDS).each([
    ["001_ef4c52ead63799b9.txt", "Beskæftigelsesplan 2021"],
    ["002_31711436f1b53612.txt", "Beskæftigelsesplan 2018"],
    ["003_888400b8efeb71a4.txt", "Bilag 2 – Indikatorer"],
  ])(title, async (seed) => {
    const source = await readFile(join(SEEDS, seed), "utf8");
    // Table rows are data, checked as figures below; the rest is prose.
    const prose = source
      .split("\n")
      .filter((line) => !line.includes("\t"))
      .join("\n");
    const missing = sentences(prose).filter((sentence) => !siteText.includes(sentence) && !RENAMED.includes(sentence));
    expect(missing).toEqual([]);
  });

  it("shows every figure of the indicator appendix with its period in the charts' data tables", async () => {
    const figures: [string, string][] = [
      ["79,5 pct.", "august 2020"],
      ["24,6 pct.", "august 2020"],
      ["84,2 pct.", "august 2020"],
      ["4,8 pct.", "juli 2020"],
      ["60,6 pct.", "1. kvartal 2020"],
      ["55,0 pct.", "1. kvartal 2020"],
      ["64,9 pct.", "september 2019"],
      ["5,7 pct.", "2. kvartal 2020"],
      ["22,3 pct.", "2020"],
      ["37,9 uger", "2. kvartal 2020"],
    ];
    const rows = await Promise.all(
      (await htmlFiles(join(out, "bilag"))).map(async (file) =>
        parse(await readFile(file, "utf8"))
          .querySelectorAll("table.data-table tbody tr")
          .map((tr) => tr.text),
      ),
    );
    for (const [value, period] of figures) {
      expect(
        rows.flat().some((row) => row.startsWith(period) && row.includes(value)),
        `${value} i ${period}`,
      ).toBe(true);
    }
  });

  it("has Danish letters and no OCR garbling", () => {
    expect(siteText).toMatch(/æ/);
    expect(siteText).toMatch(/ø/);
    expect(siteText).toMatch(/å/);
    // Patterns of the OCR'd seed 000: "gjenhgjde", "malsaetning", "vaerktgijer", "&" for "få".
    for (const garbled of [/gj[a-z]*hgj/, /aet/, /gij/, /\bSide \d+\b/, / & /, /[A-Za-z]3l/, /Ha&/]) {
      expect(siteText).not.toMatch(garbled);
    }
  });
});

describe("the real build", () => {
  it("writes every document's PDF with its text", async () => {
    expect(report.pdfs.map((p) => p.file).sort()).toEqual([
      "aendringer-i-beskaeftigelsesstrategien-2020-2022.pdf",
      "beskaeftigelsesplan-2018.pdf",
      "beskaeftigelsesplan-2021.pdf",
      "beskaeftigelsesstrategi-2020.pdf",
      "beskaeftigelsesstrategi-revideret-november-2022.pdf",
      "bilag-1-fokusomraader.pdf",
      "bilag-2-indikatorer.pdf",
      "status-paa-noegletal-2019-k3.pdf",
      "status-paa-noegletal-2020-k2.pdf",
      "status-paa-noegletal-2020-k3.pdf",
      "status-paa-noegletal-2024-k2.pdf",
    ]);
    const plan = await readPdf(join(out, "pdf", "beskaeftigelsesplan-2021.pdf"));
    expect(plan.pages).toBeGreaterThanOrEqual(6);
    expect(plan.pages).toBeLessThanOrEqual(20);
    expect(normalize(plan.text.join("\n"))).toContain(normalize("Beskæftigelsesplan 2021 for Ballerup Kommune består af hovedelementerne"));
    const bilag = await readPdf(join(out, "pdf", "bilag-2-indikatorer.pdf"));
    expect(bilag.text.join("\n")).toContain("79,5 pct.");
    expect(bilag.info.Title).toBe("Bilag 2 – Indikatorer");
  });

  it("prints every chart's text at 9 pt (at least 8 pt) beside body text at 10.5 pt, as measured in the Bilag 2 PDF", async () => {
    const texts = await readPdfText(join(out, "pdf", "bilag-2-indikatorer.pdf"));
    const charts = texts.filter((t) => t.figure !== undefined);
    // Every chart drawn on the appendix's pages is a Figure with its text in the PDF.
    const pages = await Promise.all((await htmlFiles(join(out, "bilag", "indikatorer"))).map(async (file) => parse(await readFile(file, "utf8"))));
    const drawn = pages.reduce((n, page) => n + page.querySelectorAll("figure.chart .chart-wide svg").length, 0);
    expect(drawn).toBeGreaterThan(10);
    expect(new Set(charts.map((t) => t.figure)).size).toBe(drawn);
    expect(charts.filter((t) => t.size < 8)).toEqual([]);
    const sizes = (list: PdfText[]) => {
      const counts = new Map<number, number>();
      for (const t of list) counts.set(Math.round(t.size * 10) / 10, (counts.get(Math.round(t.size * 10) / 10) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1]).map(([size]) => size);
    };
    expect(sizes(charts)).toEqual([9]);
    expect(sizes(texts.filter((t) => t.figure === undefined))[0]).toBe(10.5);
    expect(charts.map((t) => t.text)).toContain("Mål: 100,0 pct.");
  });

  it("keeps every long word of every document whole in its PDF's text layer, as pdftotext finds it", async () => {
    const prints = await Promise.all(
      (await readdir(join(printDir, "print"))).map(async (id) => parse(await readFile(join(printDir, "print", id, "index.html"), "utf8"))),
    );
    for (const file of report.pdfs.map((p) => p.file)) {
      const pdf = await readPdf(join(out, "pdf", file));
      const page = prints.find((html) => html.querySelector("title")?.text === pdf.info.Title)!;
      expect(page, file).toBeDefined();
      const text = pdf.text.join("\n");
      expect(text, file).not.toContain("\u00ad");
      // Like pdftotext (and a PDF viewer's search): a line that ends in a hyphen after a letter goes on in the next.
      const searchable = text.replace(/(\p{L})-\n(?=\p{L})/gu, "$1").replace(/\s+/g, " ");
      page.querySelectorAll("svg, style, script, title").forEach((node) => node.remove());
      const words = new Set(
        page
          .querySelector("body")!
          .innerHTML.replace(/<[^>]*>/g, " ")
          .replace(/\u00ad/g, "")
          .match(/(?<![\p{L}\d/.-])\p{L}{14,}(?![\p{L}\d/.-])/gu),
      );
      expect(words.size, file).toBeGreaterThan(0);
      expect(
        [...words].filter((word) => !searchable.includes(word)),
        file,
      ).toEqual([]);
    }
  });

  it("gives a screen reader every sentence of the plan's Markdown with its spaces, also at line wraps", async () => {
    const read = (await structureText(await readFile(join(out, "pdf", "beskaeftigelsesplan-2021.pdf")))).replace(/\s+/g, " ");
    const folder = join(ROOT, "content", "plan", "2021");
    const paragraphs: string[] = [];
    for (const file of (await readdir(folder)).filter((f) => f.endsWith(".md"))) {
      const body = (await readFile(join(folder, file), "utf8")).replace(/^---[^]*?\n---\n/, "");
      // Plain prose only: Markdown syntax (emphasis, links, lists, footnotes, directives) prints otherwise.
      for (const block of body.split(/\n\s*\n/))
        if (!/[*_`#|>[\]:]|^\s*(?:-|\d+\.)\s/m.test(block) && block.split(/\s+/).length >= 8) paragraphs.push(block.replace(/\s+/g, " ").trim());
    }
    expect(paragraphs.length).toBeGreaterThan(5);
    expect(paragraphs.filter((paragraph) => !read.includes(paragraph))).toEqual([]);
  });

  it("tags every footnote of every PDF as Note", async () => {
    const { PDFDocument, PDFDict, PDFArray, PDFName } = await import("pdf-lib");
    let footnotes = 0;
    for (const id of await readdir(join(printDir, "print"))) {
      footnotes += parse(await readFile(join(printDir, "print", id, "index.html"), "utf8")).querySelectorAll("section.footnotes li").length;
    }
    let notes = 0;
    for (const file of report.pdfs.map((p) => p.file)) {
      const doc = await PDFDocument.load(await readFile(join(out, "pdf", file)));
      const walk = (node: unknown): void => {
        const dict = node instanceof PDFDict ? node : undefined;
        if (!dict) return;
        if (dict.get(PDFName.of("S"))?.toString() === "/Note") notes++;
        const kids = dict.lookup(PDFName.of("K"));
        for (const kid of kids instanceof PDFArray ? kids.asArray().map((k) => doc.context.lookup(k)) : [kids]) walk(kid);
      };
      walk(doc.catalog.lookup(PDFName.of("StructTreeRoot")));
    }
    expect(footnotes).toBeGreaterThan(0);
    expect(notes).toBe(footnotes);
  });

  it('never breaks a quarter after its number in a status PDF ("2." at a line\'s end, "kvartal 2024" on the next)', async () => {
    const statuses = report.pdfs.map((p) => p.file).filter((file) => file.startsWith("status-"));
    expect(statuses.length).toBeGreaterThanOrEqual(2);
    for (const file of statuses) {
      const pdf = await readPdf(join(out, "pdf", file));
      expect(pdf.text[0], file).toMatch(/\d\. kvartal \d{4}/);
      expect(pdf.text.join("\n"), file).not.toMatch(/\d\.\s*\n\s*kvartal|kvartal\s*\n\s*\d{4}/);
    }
  });

  it("renders a chart for every indicator with figures", async () => {
    const page = parse(await readFile(join(out, "bilag", "indikatorer", "maal-2", "index.html"), "utf8"));
    const figures = page.querySelectorAll("figure.chart");
    expect(figures.length).toBeGreaterThanOrEqual(4);
    for (const figure of figures.filter((f) => !f.classList.contains("chart-empty"))) {
      expect(figure.querySelector("svg")).not.toBeNull();
      expect(figure.querySelector(".chart-summary")?.text).toMatch(/pct\./);
    }
  });
});

describe("the 2022 revision of the strategy, as built", () => {
  const PRINCIPLES = "Principper for beskæftigelsesindsatsen i Ballerup Kommune";
  const FOCUS_AREAS = [
    "Samarbejde i øjenhøjde – relationer og resultater",
    "Forsikrede ledige borgere",
    "Borgere med udfordringer ud over ledighed",
    "Unge borgere",
    "Borgere med ikke-vestlig baggrund",
  ];
  /** One line of text per PDF page, words rejoined where they broke over a line. */
  const pdfPages = async (file: string) => (await readPdf(join(out, "pdf", file))).text.map((page) => page.replace(/(\p{L})-\n(?=\p{L})/gu, "$1").replace(/\s+/g, " "));

  it("says in its PDF that the principles are kept unchanged from 2020 and the focus areas revised", async () => {
    const pages = await pdfPages("beskaeftigelsesstrategi-revideret-november-2022.pdf");
    expect(pages[0]).toContain(`Videreført uændret fra Beskæftigelsesstrategi 2020: ${PRINCIPLES}.`);
    expect(pages[0]).toContain(`Revideret siden Beskæftigelsesstrategi 2020: ${FOCUS_AREAS.join(", ")}.`);
    // Under the kept chapter's heading, and under each focus area's, on the page the chapter begins.
    const principles = pages.find((page) => page.includes(`${PRINCIPLES} Videreført uændret fra Beskæftigelsesstrategi 2020.`));
    expect(principles).toContain("Beskæftigelse og uddannelse betyder deltagelse i et fællesskab.");
    for (const title of FOCUS_AREAS)
      expect(
        pages.some((page) => page.includes(`${title} Revideret siden Beskæftigelsesstrategi 2020.`)),
        title,
      ).toBe(true);
    // The 2020 strategy keeps nothing from another revision and is compared with none: no such lines.
    expect((await pdfPages("beskaeftigelsesstrategi-2020.pdf")).join(" ")).not.toMatch(/Videreført uændret|Revideret siden/);
  });

  it("says so in its chapter list and in the comparison's page and PDF, which mark none of the principles deleted", async () => {
    const chapters = parse(await readFile(join(out, "strategi", "2022", "index.html"), "utf8")).querySelectorAll(".chapter-list > li");
    expect(chapters.map((li) => [li.querySelector("a")!.text, li.querySelector(".muted")?.text])).toEqual([
      [PRINCIPLES, "Videreført uændret fra Beskæftigelsesstrategi 2020."],
      ...FOCUS_AREAS.map((title) => [title, "Revideret siden Beskæftigelsesstrategi 2020."]),
    ]);
    const page = parse(await readFile(join(out, "strategi", "2022", "aendringer", "index.html"), "utf8"));
    expect(page.querySelector("main")!.text.replace(/\s+/g, " ")).toContain(`Uændret: ${PRINCIPLES}.`);
    // A deleted paragraph is a <del>; none holds the principles' text.
    expect(page.querySelectorAll("del").filter((del) => /fællesskab|principper/i.test(del.text))).toEqual([]);
    const pdf = (await pdfPages("aendringer-i-beskaeftigelsesstrategien-2020-2022.pdf")).join(" ");
    expect(pdf).toContain(`Uændret: ${PRINCIPLES}.`);
    expect(pdf).toContain(`Ændringer i: Indledning, ${FOCUS_AREAS.join(", ")}.`);
  });
});
