// Builds the small fixture site with PDFs and opens what came out, as a reader would.
import { cp, mkdir, mkdtemp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatSize } from "../../scripts/lib/danish.ts";
import { buildFixture, fixture, readHtml, readPdf, type PdfFacts } from "../helpers.ts";

let out: string;
let pdf: PdfFacts;

beforeAll(async () => {
  ({ out } = await buildFixture(fixture("minimal")));
  pdf = await readPdf(join(out, "pdf", "testplan-2030.pdf"));
});

describe("the site", () => {
  it("holds only what readers get: no print pages, every PDF link with the size of its file", async () => {
    const files = (await readdir(out, { recursive: true })).map((f) => f.split("\\").join("/"));
    expect(files.filter((f) => f.startsWith("print"))).toEqual([]);
    const links: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"))) {
      for (const link of (await readHtml(out, file)).querySelectorAll('a[href$=".pdf"]')) {
        const bytes = (await stat(join(out, link.getAttribute("href")!))).size;
        expect(link.text, `${file}: ${link.text}`).toMatch(new RegExp(`\\(PDF, ${formatSize(bytes)}\\)$`));
        links.push(link.getAttribute("href")!);
      }
    }
    expect(new Set(links)).toEqual(new Set((await readdir(join(out, "pdf"))).map((f) => `/pdf/${f}`)));
  });

  it("renders each chapter with its heading, in Danish", async () => {
    const page = await readHtml(out, "plan/2030/tal");
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("da");
    expect(page.querySelector("h1")?.text).toBe("Tal og mål");
    expect(page.querySelector("title")?.text).toContain("Testplan 2030");
  });

  it("inlines the chart as SVG with a text alternative and its data table", async () => {
    const figure = (await readHtml(out, "plan/2030/tal")).querySelector("figure.chart")!;
    const svg = figure.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    const labelledBy = svg.getAttribute("aria-labelledby")!.split(" ");
    expect(labelledBy.map((id) => figure.querySelector(`#${id}`)?.text)).toEqual([
      "Andel i job (syntetiske tal)",
      expect.stringContaining("45,0 pct. i 4. kvartal 2029"),
    ]);
    expect(svg.text).toContain("45,0 pct.");
    expect(figure.querySelectorAll("table tbody tr")).toHaveLength(4);
    expect(figure.querySelector(".chart-source")?.text).toBe("Kilde: Syntetiske testdata. Udtrukket 10. januar 2030.");
  });

  it("renders the data table with headers and ranges kept as ranges", async () => {
    const table = (await readHtml(out, "plan/2030/tal")).querySelector("figure.table table")!;
    expect(table.querySelector("caption")?.text).toBe("Aktivering (syntetiske tal)");
    expect(table.querySelectorAll("th[scope=row]").map((th) => th.text)).toEqual(["Aktiverede", "Heraf i uddannelse"]);
    expect(table.querySelector("tbody tr td:nth-child(3)")?.text).toBe("6-8 pct.");
  });

  it("includes the strategy's focus area instead of a copy", async () => {
    const page = await readHtml(out, "plan/2030/fokus");
    expect(page.querySelector("main h2")?.text).toBe("Første fokusområde");
    expect(page.querySelector("main h3")?.text).toBe("Et underafsnit");
    expect(page.querySelector("main")?.text).toContain("Mål 1:");
  });

  it("links chapters in order and offers the PDF", async () => {
    const page = await readHtml(out, "plan/2030/fokus");
    expect(page.querySelector("a[rel=prev]")?.getAttribute("href")).toBe("/plan/2030/");
    expect(page.querySelector("a[rel=next]")?.getAttribute("href")).toBe("/plan/2030/tal/");
    const index = await readHtml(out, "plan/2030");
    const link = index.querySelector(".document-pdf a")!;
    expect(link.getAttribute("href")).toBe("/pdf/testplan-2030.pdf");
    expect(link.text).toMatch(/\(PDF, \d+ kB\)$/);
  });

  it("has a status of the key figures per quarter, computed from the data as it stood then, as a page and a PDF", async () => {
    const page = await readHtml(out, "status/2029-k4");
    expect(page.querySelector("h1")?.text).toBe("Status på nøgletal, 4. kvartal 2029");
    const cells = page
      .querySelectorAll(".status-table tbody tr")[0]!
      .querySelectorAll("td")
      .map((td) => td.text);
    expect(cells.slice(0, 4).map((c) => c.replace(/\s+/g, " "))).toEqual(["45,0 pct. 4. kvartal 2029", "+1,5 procentpoint", "–", "50,0 pct."]);
    const status = await readPdf(join(out, "pdf", "status-paa-noegletal-2029-k4.pdf"));
    expect(status.text.join("\n")).toContain("+1,5 procentpoint");
    // The committee case that attaches this quarter's status puts its fields on the cover.
    expect(status.text[0]).toContain("Journalnr. 15.00.00-A00-2-30");
    expect(status.text[0]).toContain("Dagsordenspunkt 2");

    // The quarter before keeps its own figures, page and PDF, and points to the newest.
    const earlier = await readHtml(out, "status/2029-k3");
    const earlierCells = earlier
      .querySelectorAll(".status-table tbody tr")[0]!
      .querySelectorAll("td")
      .map((td) => td.text.replace(/\s+/g, " "));
    expect(earlierCells[0]).toBe("43,5 pct. 3. kvartal 2029");
    expect(earlier.querySelector(".notice a")?.getAttribute("href")).toBe("/status/2029-k4/");
    const earlierPdf = await readPdf(join(out, "pdf", "status-paa-noegletal-2029-k3.pdf"));
    expect(earlierPdf.text.join("\n")).toContain("43,5 pct.");
    expect(earlierPdf.text.join("\n")).not.toContain("45,0 pct.");

    // The front page links the newest; /status/ and the archive list every quarter.
    const front = await readHtml(out, "");
    expect(front.querySelectorAll("a").map((a) => a.getAttribute("href"))).toContain("/status/2029-k4/");
    const index = await readHtml(out, "status");
    expect(index.querySelectorAll(".archive-list h2 a").map((a) => a.text)).toEqual([
      "Status på nøgletal, 4. kvartal 2029",
      "Status på nøgletal, 3. kvartal 2029",
      "Status på nøgletal, 2. kvartal 2029",
      "Status på nøgletal, 1. kvartal 2029",
    ]);
    const archive = await readHtml(out, "arkiv");
    expect(archive.querySelectorAll("#status ~ ul h3 a").length).toBe(4);
  });

  it("shows the municipality's logo from data/ as an image", async () => {
    const page = await readHtml(out, "");
    expect(page.querySelector(".site-header img")?.getAttribute("src")).toBe("/assets/logo.svg");
    expect(await readFile(join(out, "assets", "logo.svg"), "utf8")).toContain("syntetisk testlogo");
  });

  it("self-hosts its font and stylesheets", async () => {
    const fonts = await readdir(join(out, "assets", "fonts"));
    expect(fonts.some((f) => f.endsWith(".woff2"))).toBe(true);
    const theme = await readFile(join(out, "assets", "theme.css"), "utf8");
    expect(theme).toContain('font-family: "Source Sans 3"');
    const html = await readFile(join(out, "index.html"), "utf8");
    expect(html).not.toMatch(/https?:\/\/(?!example\.org)[^"]*\.(css|js|woff2?)/);
  });
});

describe("any municipality", () => {
  it("leaves no trace of Ballerup in another municipality's site", async () => {
    const files = (await readdir(out, { recursive: true })).filter((f) => /\.(html|css|svg|xml|js)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(await readFile(join(out, file), "utf8"), file).not.toMatch(/ballerup/i);
    for (const text of pdf.text) expect(text).not.toMatch(/ballerup/i);
  });
});

describe("the PDF", () => {
  it("is A4 with the plan's text, its figures and page numbers", () => {
    expect(pdf.size[0]).toBeCloseTo(595.3, 0);
    expect(pdf.size[1]).toBeCloseTo(841.9, 0);
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    const all = pdf.text.join("\n");
    expect(all).toContain("Planens indledning.");
    expect(all).toContain("Fokusområdets tekst om beskæftigelse.");
    expect(all).toContain("45,0 pct.");
    pdf.text.slice(1).forEach((text, i) => expect(text).toContain(`Side ${i + 2} af ${pdf.pages}`));
  });

  it("has a table of contents whose page numbers are where the headings are", () => {
    const toc = pdf.text[1]!;
    expect(toc).toContain("Indhold");
    for (const heading of ["Indledning", "Fokusområder", "Første fokusområde", "Tal og mål"]) {
      const match = new RegExp(`${heading}[ .]*(\\d+)`).exec(toc);
      expect(match, `${heading} in ${toc}`).not.toBeNull();
      const page = Number(match![1]);
      expect(pdf.text[page - 1], `${heading} on page ${page}`).toContain(heading);
    }
  });

  it("repeats the document title as a running header after the cover", () => {
    expect(pdf.text[0]).not.toMatch(/Side \d+ af/);
    for (const text of pdf.text.slice(1)) expect(text).toContain("Testplan 2030");
  });

  it("links only inside itself: no link to the private address it was printed from", async () => {
    const { PDFDocument, PDFDict, PDFName } = await import("pdf-lib");
    const doc = await PDFDocument.load(await readFile(join(out, "pdf", "testplan-2030.pdf")));
    // Link annotations carry their address in an action: << /A << /S /URI /URI (…) >> >>.
    const uris = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => (object instanceof PDFDict ? object.lookup(PDFName.of("A")) : undefined))
      .map((action) => (action instanceof PDFDict ? action.lookup(PDFName.of("URI")) : undefined))
      .filter((uri) => uri !== undefined)
      .map(String);
    expect(uris.filter((uri) => uri.includes("site.invalid"))).toEqual([]);
  });

  it("marks a draft as UDKAST on every page", () => {
    for (const text of pdf.text) expect(text).toContain("UDKAST");
  });

  it("has the document's metadata, an outline and only embedded, non-Type 3 fonts", () => {
    expect(pdf.info.Title).toBe("Testplan 2030");
    expect(pdf.info.Author).toBe("Testby Kommune");
    expect(pdf.info.Language).toBe("da");
    expect(pdf.outline, JSON.stringify(pdf.outline)).toContain("Tal og mål");
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type).not.toBe("Type3");
    }
    expect(pdf.fonts.some((f) => f.name.includes("SourceSans3"))).toBe(true);
  });
});

describe("a plan and a strategy over a span of years", () => {
  it("builds a 2024–2026 plan and a 2031–2033 strategy revision: addresses, titles, PDF names and covers, the archive, the front page and the comparison", async () => {
    const source = await mkdtemp(join(tmpdir(), "bp-span-"));
    await cp(fixture("minimal"), source, { recursive: true });
    await mkdir(join(source, "content/plan/2024-2026"));
    // No pdf: in front matter: the PDF is named after the title. The en dash in year: is read as a hyphen.
    await writeFile(
      join(source, "content/plan/2024-2026/index.md"),
      '---\ntitle: Testplan 2024–2026\nkind: plan\nyear: "2024–2026"\nstatus: vedtaget\nstrategy: "2030"\n---\n\nEn plan for tre år (syntetisk testindhold).\n',
    );
    await mkdir(join(source, "content/strategi/2031-2033"));
    await writeFile(
      join(source, "content/strategi/2031-2033/index.md"),
      '---\ntitle: Teststrategi 2031–2033\nkind: strategi\nrevision: "2031-2033"\nstatus: vedtaget\ncompare_with: "2030"\nchapters: [strategi/2030/fokus-1, fokus-2]\n---\n\nEn strategi for tre år (syntetisk testindhold).\n',
    );
    await writeFile(
      join(source, "content/strategi/2031-2033/fokus-2.md"),
      "---\ntitle: Andet fokusområde\ngoal: 2\ngoal_text: Flere skal i uddannelse.\n---\n\nEt nyt fokusområde.\n",
    );
    const { out } = await buildFixture(source);

    const plan = await readHtml(out, "plan/2024-2026");
    expect(plan.querySelector("h1")?.text).toBe("Testplan 2024–2026");
    expect(plan.querySelector(".document-pdf a")?.getAttribute("href")).toBe("/pdf/testplan-2024-2026.pdf");
    const planPdf = await readPdf(join(out, "pdf", "testplan-2024-2026.pdf"));
    expect(planPdf.info.Title).toBe("Testplan 2024–2026");
    expect(planPdf.text[0]).toContain("Testplan 2024–2026");

    const strategy = await readHtml(out, "strategi/2031-2033");
    expect(strategy.querySelector("h1")?.text).toBe("Teststrategi 2031–2033");
    const strategyPdf = await readPdf(join(out, "pdf", "teststrategi-2031-2033.pdf"));
    expect(strategyPdf.text[0]!.replace(/\s+/g, " ")).toContain("Videreført uændret fra Teststrategi 2030: Første fokusområde.");
    expect(strategyPdf.text[0]!.replace(/\s+/g, " ")).toContain("Revideret siden Teststrategi 2030: Andet fokusområde.");
    const comparison = await readHtml(out, "strategi/2031-2033/aendringer");
    expect(comparison.querySelector("h1")?.text).toBe("Ændringer fra 2030 til 2031–2033");

    // Newest first in the archive; the span strategy is the current one, and 2030 an earlier edition.
    const archive = await readHtml(out, "arkiv");
    expect(archive.querySelectorAll("#planer ~ ul h3 a").map((a) => a.getAttribute("href"))).toEqual(["/plan/2030/", "/plan/2024-2026/"]);
    expect(archive.querySelectorAll("#strategier ~ ul h3 a").map((a) => a.getAttribute("href"))).toEqual(["/strategi/2031-2033/", "/strategi/2030/"]);
    const front = await readHtml(out, "");
    const links = front.querySelectorAll("a").map((a) => a.getAttribute("href"));
    expect(links).toContain("/plan/2024-2026/");
    expect(front.querySelectorAll("#arkiv ~ ul a").map((a) => a.getAttribute("href"))).toEqual(["/strategi/2030/"]);
    expect((await readHtml(out, "strategi/2030")).querySelector(".notice a")?.getAttribute("href")).toBe("/strategi/2031-2033/");
  });
});
