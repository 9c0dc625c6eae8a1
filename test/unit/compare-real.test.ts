// the comparison of the real strategy of 2020 with its 2022 revision, checked against the
// differences the transcriber noted. No Eleventy, no browser: the content is loaded and compared.
import { beforeAll, describe, expect, it } from "vitest";
import type { Entry, Segment } from "../../scripts/compare/diff.ts";
import { comparisonViews, type ComparisonView } from "../../scripts/compare/view.ts";
import { loadModel } from "../../scripts/content/files.ts";
import { ROOT } from "../helpers.ts";
import { macroHtml } from "../templates.ts";

let comparison: ComparisonView;
/** The comparison's parts as compare.njk draws them. */
let summaryHtml: string;
let textHtml: string;
let indicatorsHtml: string;

beforeAll(async () => {
  const model = await loadModel(ROOT);
  const found = comparisonViews(model).find((c) => c.new.id === "strategi-2022");
  if (!found) throw new Error("content/strategi/2022 has no comparison (compare_with)");
  comparison = found;
  summaryHtml = macroHtml("partials/compare.njk", "compareSummary", found.summaryView);
  textHtml = macroHtml("partials/compare.njk", "compareText", found.textView);
  indicatorsHtml = macroHtml("partials/compare.njk", "compareIndicators", found.indicatorsView);
});

type Changed = Extract<Entry, { kind: "changed" }>;
const newText = (entry: Entry) => (entry.kind === "changed" ? entry.new.map((b) => b.text).join("\n") : entry.block.text);
const find = (start: string): Entry => {
  const entry = comparison.text.entries.find((e) => newText(e).startsWith(start) || (e.kind === "changed" && e.old[0]!.text.startsWith(start)));
  if (!entry) throw new Error(`no block starts with ${JSON.stringify(start)}`);
  return entry;
};
const changed = (start: string): Changed => {
  const entry = find(start);
  expect(entry.kind, start).toBe("changed");
  return entry as Changed;
};
const marked = (segments: Segment[]) => segments.filter((s) => s.kind !== "equal").map((s) => [s.kind, s.text.trim()]);
/** Text inside every <ins> and <del> of the rendered comparison, without the hidden prefixes. */
const marks = (html: string) => [...html.matchAll(/<(ins|del)\b[^>]*>([^]*?)<\/\1>/g)].map((m) => m[2]!.replace(/<span class="visually-hidden">[^<]*<\/span>/g, ""));

describe("the real strategy, 2020 to 2022", () => {
  it("is a page and a PDF of its own", () => {
    expect(comparison.title).toBe("Ændringer fra 2020 til 2022");
    expect(comparison.url).toBe("/strategi/2022/aendringer/");
    expect(comparison.pdf).toBe("aendringer-i-beskaeftigelsesstrategien-2020-2022.pdf");
    expect(comparison.pdfTitle).toBe("Bilag: Ændringer i beskæftigelsesstrategien");
  });

  it("keeps the 2020 principles unchanged and says so; the focus areas are revised", () => {
    expect(comparison.text.unchangedSections).toContain("Principper for beskæftigelsesindsatsen i Ballerup Kommune");
    expect(comparison.text.changedSections).not.toContain("Principper for beskæftigelsesindsatsen i Ballerup Kommune");
    expect(comparison.text.changedSections).toContain("Unge borgere");
    expect(summaryHtml).toContain("Uændret: Principper for beskæftigelsesindsatsen i Ballerup Kommune.");
    // None of the principles' eleven paragraphs is marked as deleted.
    const principles = comparison.text.entries.filter((e) => e.kind === "removed" && e.block.section.startsWith("Principper"));
    expect(principles).toEqual([]);
  });

  it("marks both the old and the new wording of FA4's changed paragraph", () => {
    const entry = changed("Andelen af unge i Ballerup Kommune, der modtager uddannelseshjælp");
    expect(entry.old[0]!.text).toContain("ligger i 2020 over landsgennemsnittet.");
    expect(entry.new[0]!.text).toContain("ligger i 2022 over fortsat over landsgennemsnittet, om end forskellen er mindre end tidligere.");
    expect(marked(entry.segments)).toEqual([
      ["removed", "2020"],
      ["added", "2022"],
      ["added", "fortsat over"],
      ["added", ", om end forskellen er mindre end tidligere"],
    ]);
    const html = textHtml;
    expect(html).toContain('<del><span class="visually-hidden">Slettet: </span>2020</del><ins><span class="visually-hidden">Indsat: </span>2022');
  });

  it("shows FA1's added sentence, its new paragraph and the corrected “i den aktive”", () => {
    expect(marked(changed("Ballerup Kommunes medarbejdere skal levere de lovbestemte ydelser").segments)).toEqual([
      ["added", "Dette rummer også en balancering af ret og pligt for og med den enkelte borger."],
    ]);
    expect(find("I tidligere borgertilfredshedsundersøgelser").kind).toBe("added");
    expect(marked(changed("Disse to samarbejdsrelationer").segments)).toEqual([["removed", "en"]]);
    expect(marks(textHtml)).toContain(
      "I tidligere borgertilfredshedsundersøgelser findes indikationer på, at kommunens hidtidige beskæftigelsesindsats ikke altid flugter med ovenstående intentioner. Derfor er dette tværgående mål af stor vigtighed.",
    );
  });

  it("shows FA5's reworded sentence", () => {
    const entry = changed("Fremover skal resultater og brug af indsatser");
    expect(entry.new[0]!.text).toMatch(/^Resultater og brug af indsatser og redskaber skal sammenlignes/);
    expect(marked(entry.segments)).toEqual([
      ["removed", "Fremover skal resultater"],
      ["added", "Resultater"],
      ["added", "skal"],
    ]);
  });

  it("shows the two paragraphs added at the end of FA3", () => {
    const entries = comparison.text.entries;
    const fa3 = entries.filter((e) => (e.kind === "changed" ? e.new[0]! : e.block).section === "Borgere med udfordringer ud over ledighed");
    expect(fa3.slice(-2).map((e) => [e.kind, newText(e).slice(0, 30)])).toEqual([
      ["added", "Målgruppen rummer mange ressou"],
      ["added", "Udfordringer ud over ledighed "],
    ]);
  });

  it("leaves unchanged paragraphs unmarked and folded", () => {
    const entry = find("At hjælpe børn og unge til at finde den rette uddannelse");
    expect(entry.kind).toBe("unchanged");
    expect(textHtml).not.toContain("At hjælpe børn og unge");
    for (const text of marks(textHtml)) expect(text).not.toContain("Andelen af unge i Ballerup Kommune");
    expect(textHtml).toMatch(/<p class="diff-folded diff-folded-unchanged">\d+ uændrede? afsnit<\/p>/);
  });

  it("finds titles and goals unchanged, and no change in the indicators", () => {
    expect(comparison.text.goals).toEqual([]);
    for (const title of ["Samarbejde i øjenhøjde – relationer og resultater", "Forsikrede ledige borgere", "Unge borgere", "Borgere med ikke-vestlig baggrund"]) {
      const heading = comparison.text.entries.find((e) => e.kind !== "changed" && e.block.kind === "heading" && e.block.text === title);
      expect(heading?.kind, title).toBe("unchanged");
    }
    expect(summaryHtml).toContain("Målenes ordlyd er uændret.");
    expect(comparison.indicators).toEqual([]);
    expect(indicatorsHtml).toContain("Ingen ændringer i indikatorerne.");
    // 2022 has no indicator appendix of its own (Bilag 1 is text only): Bilag 2 stays in force.
    expect(indicatorsHtml).toContain("Begge udgaver følges op med indikatorerne i Bilag 2 – Indikatorer.");
  });
});
