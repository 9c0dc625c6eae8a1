// builds the comparison fixture (two strategy revisions, two appendices, two plan years,
// each newer one with compare_with) and reads the comparison pages and the PDF appendix.
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, fixture, readHtml, readPdf, type PdfFacts } from "../helpers.ts";

let out: string;
let pdfs: string[];
let pdf: PdfFacts;

beforeAll(async () => {
  const built = await buildFixture(fixture("compare"));
  out = built.out;
  pdfs = built.report.pdfs.map((p) => p.file);
  pdf = await readPdf(join(out, "pdf", "aendringer-i-beskaeftigelsesstrategien-2030-2031.pdf"));
});

describe("the comparison page", () => {
  it("is linked from the newer revision's index page", async () => {
    const index = await readHtml(out, "strategi/2031");
    const link = index.querySelector(".document-comparison a");
    expect(link?.getAttribute("href")).toBe("/strategi/2031/aendringer/");
    expect(link?.text).toBe("Ændringer fra 2030 til 2031");
    expect((await readHtml(out, "strategi/2030")).querySelector(".document-comparison")).toBeNull();
  });

  it("marks inserted and deleted words, announced to screen readers", async () => {
    const page = await readHtml(out, "strategi/2031/aendringer");
    expect(page.querySelector("h1")?.text).toBe("Ændringer fra 2030 til 2031");
    const paragraph = page.querySelectorAll(".compare-text p.diff-changed").find((p) => p.text.includes("landsgennemsnittet"))!;
    expect(paragraph.querySelectorAll("del").map((d) => d.text)).toEqual(["Slettet: 2030 "]);
    expect(paragraph.querySelectorAll("ins").map((d) => d.text)).toEqual(["Indsat: 2031 fortsat ", "Indsat: , om end forskellen er mindre"]);
    expect(paragraph.querySelector("ins .visually-hidden")?.text).toBe("Indsat: ");
  });

  it("folds unchanged and moved paragraphs into one line each", async () => {
    const page = await readHtml(out, "strategi/2031/aendringer");
    const folded = page.querySelectorAll(".diff-folded").map((p) => p.text);
    expect(folded).toContain("4 uændrede afsnit");
    expect(folded).toContain("1 afsnit flyttet hertil fra kapitlet »Andet fokusområde«");
    expect(page.querySelector("main")?.text).not.toContain("Et tredje uændret afsnit");
  });

  it("summarises the changes, the goals and the indicators", async () => {
    const page = await readHtml(out, "strategi/2031/aendringer");
    const figures = Object.fromEntries(page.querySelectorAll(".compare-figures div").map((d) => [d.querySelector("dt")!.text, d.querySelector("dd")!.text]));
    expect(figures).toMatchObject({ "Afsnit ændret": "3", "Afsnit tilføjet": "1", "Afsnit fjernet": "1", "Afsnit uændret": "7" });
    expect(page.querySelector(".compare-goal-list")?.text).toContain("Mål 2");
    const indicators = page.querySelector(".compare-indicator-list")!.text;
    expect(indicators).toContain("Ny indikator Indsat: Samtaler til tiden (syntetiske tal)");
    expect(indicators).toContain("Udgået indikator Slettet: Langtidsledighed (syntetiske tal)");
  });

  it("shows pasted HTML as text", async () => {
    const html = await readFile(join(out, "strategi", "2031", "aendringer", "index.html"), "utf8");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; andet");
    expect(html).not.toContain('<script>alert("x")');
  });

  it("has its own stylesheet, and a page for the plans and the appendices too", async () => {
    const page = await readHtml(out, "strategi/2031/aendringer");
    expect(page.querySelectorAll("link[rel=stylesheet]").map((l) => l.getAttribute("href"))).toContain("/assets/compare.css");
    await access(join(out, "assets", "compare.css"));
    expect((await readHtml(out, "plan/2031/aendringer")).querySelector("h1")?.text).toBe("Ændringer fra 2030 til 2031");
    const appendix = await readHtml(out, "bilag/indikatorer-2031/aendringer");
    expect(appendix.querySelector(".compare-indicator-list")?.text).toContain("Samtaler til tiden");
  });
});

describe("the PDF appendix", () => {
  it("is written for every comparison", () => {
    expect(pdfs).toEqual(
      expect.arrayContaining([
        "aendringer-i-beskaeftigelsesstrategien-2030-2031.pdf",
        "aendringer-i-beskaeftigelsesplanen-2030-2031.pdf",
        "aendringer-i-bilag-2-indikatorer-2030-2031.pdf",
      ]),
    );
  });

  it("has the committee's title, a summary, the marked text and page numbers", () => {
    expect(pdf.info.Title).toBe("Bilag: Ændringer i beskæftigelsesstrategien");
    const all = pdf.text.join("\n");
    const cover = pdf.text[0]!.replace(/\s+/g, " ");
    expect(cover).toContain("Bilag: Ændringer i beskæftigelsesstrategien");
    expect(cover).toContain("Ændringer fra 2030 til 2031");
    expect(all).toContain("Overblik");
    expect(all).toContain("2031 fortsat");
    expect(all).toContain("Samtaler til tiden");
    pdf.text.slice(1).forEach((text, i) => expect(text).toContain(`Side ${i + 2} af ${pdf.pages}`));
    expect(pdf.outline).toEqual(expect.arrayContaining(["Overblik", "Ændringer i teksten", "Ændringer i indikatorerne"]));
  });

  it("is marked UDKAST when the newer revision is a draft", () => {
    for (const text of pdf.text) expect(text).toContain("UDKAST");
  });
});
