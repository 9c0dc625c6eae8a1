import { describe, expect, it } from "vitest";
import { hyphenateHtml, isProseWord } from "../../scripts/pdf/hyphenate.ts";
import { headingsOf, matchHeadings, sameTitle } from "../../scripts/pdf/toc.ts";

describe("bookmarks and headings", () => {
  it.each([
    ["Indledning", "Indledning", true],
    ["IndledningIndledning", "Indledning", true],
    [
      "Nøgletal: Andelen af borgere, der overgår til selvforsørgelse eller starter i etvirksomhedsrettet tilbud",
      "Nøgletal: Andelen af borgere, der overgår til selvforsørgelse eller starter i et virksomhedsrettet tilbud",
      true,
    ],
    [
      "Indikator: Andelen af forsikrede ledige borgere, som fortsat modtagerIndikator: Andelen af forsikrede ledige borgere, som fortsat modtagerdagpenge 13 uger",
      "Indikator: Andelen af forsikrede ledige borgere, som fortsat modtager dagpenge 13 uger",
      true,
    ],
    ["minimum fire[1] samtaler", "minimum fire samtaler", true],
    ["Baggrund", "Indledning", false],
    ["Mål 1Mål 2", "Mål 2", false],
  ])("%j names %j: %s", (bookmark, heading, same) => {
    expect(sameTitle(bookmark, heading)).toBe(same);
  });

  it("pairs headings with bookmarks in order, so equal titles land on their own pages", () => {
    const pages = matchHeadings(
      [
        { id: "a", text: "Baggrund" },
        { id: "b", text: "Mål" },
        { id: "c", text: "Mål" },
      ],
      [
        { title: "Indhold", page: 2 },
        { title: "Baggrund", page: 3 },
        { title: "Mål", page: 4 },
        { title: "Mål", page: 6 },
      ],
    );
    expect([...pages]).toEqual([
      ["a", 3],
      ["b", 4],
      ["c", 6],
    ]);
  });

  it("reads the h2s of rendered HTML for the contents", () => {
    expect(headingsOf('<h2 id="x">Ulighed &amp; job<sup><a href="#fn1">[1]</a></sup></h2><h3 id="y">Nej</h3>')).toEqual([{ id: "x", text: "Ulighed & job" }]);
  });
});

describe("Danish hyphenation for print", () => {
  it("puts soft hyphens in running text only", () => {
    const html = hyphenateHtml(
      '<p>Beskæftigelsesindsatsen</p><h2 id="beskaeftigelsesindsatsen">Beskæftigelsesindsatsen</h2><svg><text>Beskæftigelsesindsatsen</text></svg>',
    );
    expect(html).toContain("<p>Be\u00adskæf\u00adti\u00adgel\u00adses\u00adind\u00adsat\u00adsen</p>");
    expect(html).toContain('<h2 id="beskaeftigelsesindsatsen">Beskæftigelsesindsatsen</h2>');
    expect(html).toContain("<text>Beskæftigelsesindsatsen</text>");
  });

  it("never hyphenates addresses, e-mail, numbers or codes, but does hyphenate quoted words", () => {
    const html = hyphenateHtml(
      '<p>Se https://www.jobindsats.dk/forsikrede-ledige-omfang.html eller skriv til beskaeftigelsesafdelingen@ballerup.dk, j.nr. 27.00.00-A00-1-20, AUK01, 1.234.567 borgere, "Beskæftigelsesindsatsen".</p>',
    );
    expect(html).toContain("https://www.jobindsats.dk/forsikrede-ledige-omfang.html");
    expect(html).toContain("beskaeftigelsesafdelingen@ballerup.dk,");
    expect(html).toContain("27.00.00-A00-1-20, AUK01, 1.234.567");
    expect(html).toContain('"Be\u00adskæf\u00adti\u00adgel\u00adses\u00adind\u00adsat\u00adsen".');
    expect(hyphenateHtml("<p>&quot;Beskæftigelsespolitiske&quot;</p>")).toContain("&quot;Be\u00adskæf");
  });

  it.each([
    ["beskæftigelsesindsatsen", true],
    ["(virksomhedsrettet),", true],
    ["Erhvervs-", true],
    ["www.ballerup.dk", false],
    ["navn@ballerup.dk", false],
    ["https://example.org", false],
    ["2020-2022", false],
    ["K2", false],
    ["AMS", false],
  ])("%j is a word of prose: %s", (token, prose) => {
    expect(isProseWord(token)).toBe(prose);
  });
});
