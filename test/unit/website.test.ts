// The website's markup without a browser: tables (alignment, scroll region, narrow-screen labels),
// footnote back-links, drafts on the front page and in search results, and the search's spellings.
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../scripts/content/load.ts";
import { createMarkdown } from "../../scripts/site/markdown.ts";
import { tableHtml } from "../../scripts/site/figures.ts";
import { isNumeric, numericColumns } from "../../scripts/site/tables.ts";
import { compoundParts, wordsOf } from "../../scripts/site/search.ts";
import { templates } from "../templates.ts";
import { documentSource, revisionNotes, siteView } from "../../scripts/site/view.ts";
import { fold, matchesExactly, spellings } from "../../templates/assets/search-words.js";
import { files } from "../helpers.ts";

const { md } = createMarkdown({ chart: () => "", table: () => "" });
const months = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];
const wide = [
  "## Modtagere pr. måned",
  "",
  `| Ydelsesgruppe | ${months.join(" | ")} | I alt |`,
  `| --- |${" ---: |".repeat(13)}`,
  `| A-dagpenge |${" 12.345 |".repeat(12)} 148.140 |`,
  `| Kontanthjælp |${" 12.345 |".repeat(12)} 148.140 |`,
].join("\n");

describe("figures and words in tables", () => {
  it("tells figures from words", () => {
    for (const text of ["12.345", "148.140", "4,8 pct.", "−0,3 procentpoint", "6-8 pct.", "50 %", "+2,1", "1.250 kr."]) expect(isNumeric(text), text).toBe(true);
    for (const text of ["A-dagpenge", "Unge under 30 år", "2. kvartal 2020", "–", "Mål 2018", "juli 2020"]) expect(isNumeric(text), text).toBe(false);
  });

  it("aligns a column right when every cell with something in it is a figure", () => {
    expect(
      numericColumns([
        ["A-dagpenge", "12.345", "–", "ja"],
        ["Kontanthjælp", "12", "4,8 pct.", "nej"],
      ]),
    ).toEqual([false, true, true, false]);
    expect(numericColumns([["–"], [""]])).toEqual([false]);
  });
});

describe("a Markdown table", () => {
  const root = parse(md.render(wide, {}));
  const table = root.querySelector("table")!;

  it("scrolls in its own region, named after the heading it stands under and reachable by keyboard", () => {
    const region = root.querySelector(".table-scroll")!;
    expect(region.getAttribute("role")).toBe("region");
    expect(region.getAttribute("tabindex")).toBe("0");
    expect(region.getAttribute("aria-label")).toBe("Tabel: Modtagere pr. måned");
    expect(region.querySelector("table")).toBe(table);
    expect(table.getAttribute("aria-label")).toBeTruthy();
  });

  it("aligns figures right and words left, without inline styles (the CSP forbids them)", () => {
    expect(root.querySelectorAll("[style]")).toHaveLength(0);
    const first = table.querySelector("tbody tr")!;
    expect(first.querySelector("th")?.getAttribute("scope")).toBe("row");
    expect(first.querySelector("th")?.classList.contains("num")).toBe(false);
    expect(first.querySelectorAll("td").every((td) => td.classList.contains("num"))).toBe(true);
    expect(table.querySelectorAll("thead th").map((th) => th.classList.contains("num"))).toEqual([false, ...Array<boolean>(13).fill(true)]);
  });

  it("with many columns, reflows on a narrow screen: every value carries its column's label", () => {
    expect(table.classList.contains("reflow")).toBe(true);
    expect(table.classList.contains("many-columns")).toBe(true); // smaller type in print
    expect(
      table
        .querySelector("tbody tr")!
        .querySelectorAll("td")
        .map((td) => td.getAttribute("data-label")),
    ).toEqual([...months, "I alt"]);
  });

  it("keeps a column of words left-aligned even when the editor wrote ---:", () => {
    const mixed = parse(md.render("| Indsats | Målgruppe | Andel |\n| ---: | ---: | ---: |\n| Løntilskud | Unge | 12 pct. |\n| Praktik | Ledige | – |", {}));
    const rows = mixed.querySelectorAll("tbody tr");
    expect(rows[0]!.querySelectorAll("td").map((td) => td.classList.contains("num"))).toEqual([false, true]);
    expect(rows[1]!.querySelectorAll("td")[1]!.classList.contains("num")).toBe(true); // "–" in a column of figures
    expect(mixed.querySelector("table")!.classList.contains("reflow")).toBe(false);
  });

  it("has no scroll region on paper", () => {
    const printed = parse(md.render(wide, { print: true }));
    expect(printed.querySelector(".table-scroll")).toBeNull();
    expect(printed.querySelector("td.num")).not.toBeNull();
  });
});

describe("a data table", () => {
  const table = {
    id: "t",
    caption: "Aktivering",
    stub: "Redskab",
    unit: "pct." as const,
    columns: ["2016", "2017", "2018"],
    rows: [{ label: "Andel", values: [40, 38, { min: 6, max: 8 }] }],
  };

  it("sits in a region named by its caption, figures right-aligned", () => {
    const root = parse(tableHtml(templates, table));
    const region = root.querySelector(".table-scroll")!;
    expect(region.getAttribute("tabindex")).toBe("0");
    expect(root.getElementById(region.getAttribute("aria-labelledby")!)?.text).toBe("Aktivering");
    expect(root.querySelectorAll("td").every((td) => td.classList.contains("num"))).toBe(true);
    expect(parse(tableHtml(templates, table as Parameters<typeof tableHtml>[1], { print: true })).querySelector(".table-scroll")).toBeNull();
  });
});

describe("footnotes", () => {
  const text = "Tekst[^1] og mere[^2].\n\n[^1]: Kilde A.\n[^2]: Kilde B.";

  it("name their back-links in Danish", () => {
    const links = parse(md.render(text, {})).querySelectorAll("a.footnote-backref");
    expect(links.map((a) => a.getAttribute("aria-label"))).toEqual(["Tilbage til henvisning 1", "Tilbage til henvisning 2"]);
  });

  it("print without the back-link arrow", () => {
    const html = md.render(text, { print: true, docId: "d" });
    expect(html).not.toContain("↩");
    expect(html).not.toContain("footnote-backref");
  });
});

const project = (extra: Record<string, string> = {}) =>
  buildModel(
    files({
      "data/site.json": JSON.stringify({
        municipality: "Testkommune",
        site_title: "Beskæftigelsesplan",
        contact: { name: "Jobcenter" },
        accessibility_statement: "https://example.org/was",
      }),
      "content/index.md": "---\ntitle: Forside\n---\n",
      "content/strategi/2020/index.md": '---\ntitle: Strategi 2020\nkind: strategi\nrevision: "2020"\nstatus: vedtaget\n---\n',
      "content/plan/2020/index.md": '---\ntitle: Beskæftigelsesplan 2020\nkind: plan\nyear: 2020\nstatus: vedtaget\nstrategy: "2020"\n---\n',
      "content/plan/2021/index.md": '---\ntitle: Beskæftigelsesplan 2021\nkind: plan\nyear: 2021\nstatus: vedtaget\nstrategy: "2020"\n---\n',
      ...extra,
    }),
  );

describe("drafts", () => {
  it("are never an earlier or the current plan, and are listed as drafts", () => {
    const view = siteView(
      project({ "content/plan/2027/index.md": '---\ntitle: Beskæftigelsesplan 2027\nkind: plan\nyear: 2027\nstatus: udkast\nstrategy: "2020"\n---\n' }),
    );
    expect(view.currentPlan?.id).toBe("plan-2021");
    expect(view.earlier.map((d) => d.id)).toEqual(["plan-2020"]);
    expect(view.drafts.map((d) => d.id)).toEqual(["plan-2027"]);
    expect(view.drafts[0]!.source).toBe("Beskæftigelsesplan 2027 (udkast)");
  });

  it("search results name the document with its year", () => {
    const model = project({ "content/bilag/a/index.md": '---\ntitle: Indikatorer\nkind: bilag\nnumber: 2\nstrategy: "2020"\nstatus: vedtaget\n---\n' });
    const source = (id: string) => documentSource(model.documents.find((d) => d.id === id)!);
    expect(source("plan-2021")).toBe("Beskæftigelsesplan 2021");
    expect(source("strategi-2020")).toBe("Strategi 2020");
    expect(source(model.documents.find((d) => d.data.kind === "bilag")!.id)).toBe("Bilag 2 – Indikatorer til beskæftigelsesstrategien 2020");
  });
});

describe("search as Danes type", () => {
  it("also searches ae, oe and aa as æ, ø and å", () => {
    expect(spellings("beskaeftigelse")).toEqual(["beskaeftigelse", "beskæftigelse"]);
    expect(spellings("fokusomraade")).toContain("fokusområde");
    expect(spellings("soegning paa maal")).toContain("søgning på mål");
    expect(spellings("ledighed")).toEqual(["ledighed"]);
  });

  it("counts a page as an exact match when it has every word, however æ, ø and å were typed, also inside compounds", () => {
    expect(fold("Fokusområder")).toBe(fold("fokusomraader"));
    expect(matchesExactly("beskaeftigelse", "Beskæftigelse og uddannelse")).toBe(true);
    expect(matchesExactly("fokusomraade", "de fem fokusområder")).toBe(true);
    expect(matchesExactly("omraade", "på beskæftigelsesområdet")).toBe(true);
    expect(matchesExactly("fokusomraade", "med særlig fokus på")).toBe(false);
    expect(matchesExactly("unge ledige", "unge borgere")).toBe(false);
  });
});

describe("compound words", () => {
  const vocabulary = new Set(wordsOf("beskæftigelse området indsats register ydelse ende følg plan"));

  it("are indexed by their later parts where both sides are words of the site", () => {
    expect(compoundParts(wordsOf("Beskæftigelsesområdet og ydelsesregisteret, beskæftigelsesindsats"), vocabulary)).toEqual(["indsats", "området"]);
    expect(compoundParts(["ydelsesregister"], vocabulary)).toEqual(["register"]);
  });

  it("are not split where the first side is no word, or the later side is shorter than five letters", () => {
    expect(compoundParts(["følgende", "beskæftigelsesom", "indsatsplan"], vocabulary)).toEqual([]);
  });
});

describe("a revision that keeps chapters of the one before", () => {
  const strategies = {
    "content/strategi/2020/index.md": '---\ntitle: Strategi 2020\nkind: strategi\nrevision: "2020"\nstatus: vedtaget\nchapters: [principper, fokus, samme]\n---\n',
    "content/strategi/2020/principper.md": "---\ntitle: Principper\n---\n\nPrincipperne gælder (syntetisk testindhold).\n",
    "content/strategi/2020/fokus.md": "---\ntitle: Fokus\ngoal: 1\ngoal_text: Flere i job.\n---\n\nDet gamle fokus.\n",
    "content/strategi/2020/samme.md": "---\ntitle: Samme\n---\n\nUændret tekst.\n",
    "content/strategi/2022/index.md":
      '---\ntitle: Strategi 2022\nkind: strategi\nrevision: "2022"\nstatus: vedtaget\ncompare_with: "2020"\nchapters: [strategi/2020/principper, fokus, samme]\n---\n',
    "content/strategi/2022/fokus.md": "---\ntitle: Fokus\ngoal: 1\ngoal_text: Flere i job.\n---\n\nDet nye fokus.\n",
    "content/strategi/2022/samme.md": "---\ntitle: Samme\n---\n\nUændret tekst.\n",
  };

  it("names each chapter as kept, revised or neither, from the chapter list and the comparison", () => {
    const view = siteView(project(strategies));
    const revision = view.documents.find((d) => d.id === "strategi-2022")!;
    expect(revision.chapters.slice(1).map((c) => [c.title, c.keptFrom, c.revisedSince])).toEqual([
      ["Principper", "Strategi 2020", undefined],
      ["Fokus", undefined, "Strategi 2020"],
      ["Samme", undefined, undefined],
    ]);
    expect(revision.revisionNotes).toEqual(["Videreført uændret fra Strategi 2020: Principper.", "Revideret siden Strategi 2020: Fokus."]);
    expect(view.documents.find((d) => d.id === "strategi-2020")!.revisionNotes).toEqual([]);
  });

  it("lists several chapters by title, separated by commas, the introduction left out", () => {
    const chapter = (title: string, from: Partial<Record<"keptFrom" | "revisedSince", string>>) => ({ title, url: "/", key: title, anchor: title, ...from });
    const notes = revisionNotes([
      chapter("Indledning", { revisedSince: "Strategi 2020" }),
      chapter("A", { keptFrom: "Strategi 2020" }),
      chapter("B", { keptFrom: "Strategi 2018" }),
      chapter("Unge borgere", { revisedSince: "Strategi 2020" }),
      chapter("Borgere med ikke-vestlig baggrund", { revisedSince: "Strategi 2020" }),
    ]);
    expect(notes).toEqual([
      "Videreført uændret fra Strategi 2020: A.",
      "Videreført uændret fra Strategi 2018: B.",
      "Revideret siden Strategi 2020: Unge borgere, Borgere med ikke-vestlig baggrund.",
    ]);
  });
});
