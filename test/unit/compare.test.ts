// the comparison between two revisions on small texts: blocks, word-level changes,
// alignment of paragraphs, goals, indicators and the HTML it becomes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentBlocks, markdownBlocks } from "../../scripts/compare/blocks.ts";
import { compareMarkdown, compareRevisions, diffText, similarity, type Entry, type Segment } from "../../scripts/compare/diff.ts";
import { compareIndicators } from "../../scripts/compare/indicators.ts";
import { findComparisons } from "../../scripts/content/comparisons.ts";
import { indicatorsView, segmentsView, summaryView, textView } from "../../scripts/compare/render.ts";
import { buildModel } from "../../scripts/content/load.ts";
import type { Indicator } from "../../scripts/content/data-schema.ts";
import { files } from "../helpers.ts";
import { macroHtml } from "../templates.ts";

const side = (segments: Segment[], kind: "removed" | "added") =>
  segments
    .filter((s) => s.kind === "equal" || s.kind === kind)
    .map((s) => s.text)
    .join("");
const changes = (segments: Segment[]) => segments.filter((s) => s.kind !== "equal").map((s) => [s.kind, s.text]);
const kinds = (entries: Entry[]) => entries.map((e) => e.kind);

describe("markdownBlocks", () => {
  it("splits Markdown into headings, paragraphs, list items, rows and footnotes, as plain text", () => {
    const blocks = markdownBlocks(
      [
        "## Unge borgere",
        "",
        "Tekst med **fed** og [et link](https://example.org)[^1],",
        "over to linjer.",
        "",
        "- første punkt",
        "  - et underpunkt",
        "",
        "| År | Antal |",
        "| --- | --- |",
        "| 2020 | 12 |",
        "",
        "::: chart m1-job",
        "",
        "[^1]: Kilde: Jobindsats.",
      ].join("\n"),
      { section: "Kapitlet", directiveLabel: (name, id) => `${name}:${id}` },
    );
    expect(blocks.map((b) => [b.kind, b.level, b.text])).toEqual([
      ["heading", 2, "Unge borgere"],
      ["paragraph", 0, "Tekst med fed og et link[1], over to linjer."],
      ["item", 1, "første punkt"],
      ["item", 2, "et underpunkt"],
      ["row", 0, "År | Antal"],
      ["row", 0, "2020 | 12"],
      ["directive", 0, "chart:m1-job"],
      ["footnote", 1, "Fodnote 1: Kilde: Jobindsats."],
    ]);
    expect(blocks.every((b) => b.section === "Kapitlet")).toBe(true);
  });

  it("keeps HTML as text", () => {
    expect(markdownBlocks("Se <script>alert(1)</script> her.")[0]!.text).toBe("Se <script>alert(1)</script> her.");
  });

  it("gives each chapter its title and goal, and leaves out an empty introduction", () => {
    const blocks = documentBlocks([
      { title: "Indledning", body: "" },
      { title: "Unge borgere", body: "Tekst.", goal: 4, goalText: "Flere unge i uddannelse." },
    ]);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ["heading", "Unge borgere"],
      ["goal", "Mål 4: Flere unge i uddannelse."],
      ["paragraph", "Tekst."],
    ]);
  });
});

describe("diffText", () => {
  it("marks a changed Danish word as one deletion and one insertion", () => {
    const segments = diffText("der er i en den aktive beskæftigelsesindsats.", "der er i den aktive beskæftigelsesindsats.");
    expect(changes(segments)).toEqual([["removed", "en "]]);
  });

  it("keeps æ, ø and å inside words and treats punctuation as its own token", () => {
    const segments = diffText(
      "Andelen ligger i 2020 over landsgennemsnittet.",
      "Andelen ligger i 2022 over fortsat over landsgennemsnittet, om end forskellen er mindre end tidligere.",
    );
    expect(changes(segments)).toEqual([
      ["removed", "2020"],
      ["added", "2022"],
      ["added", "fortsat over "],
      ["added", ", om end forskellen er mindre end tidligere"],
    ]);
    expect(changes(diffText("Målgruppen får støtte.", "Målgrupperne får støtte."))).toEqual([
      ["removed", "Målgruppen"],
      ["added", "Målgrupperne"],
    ]);
  });

  it("joins changes separated only by spaces into one deletion and one insertion", () => {
    expect(changes(diffText("Det gamle ord står her.", "Et nyt udtryk står her."))).toEqual([
      ["removed", "Det gamle ord"],
      ["added", "Et nyt udtryk"],
    ]);
    // A word in common stays unmarked between two changes.
    expect(changes(diffText("Fremover skal resultater sammenlignes.", "Resultater skal sammenlignes."))).toEqual([
      ["removed", "Fremover"],
      ["added", "Resultater"],
      ["removed", "resultater "],
    ]);
  });

  it("does not count a change of spacing alone", () => {
    expect(changes(diffText("to  ord", "to ord"))).toEqual([]);
  });

  it("marks a paragraph break added where a paragraph was split", () => {
    expect(changes(diffText("Første sætning. Anden sætning.", "Første sætning.\nAnden sætning."))).toEqual([["added", "\n"]]);
  });

  it("always rebuilds the old text and the new text exactly", () => {
    const word = fc.constantFrom("og", "borgere", "ældre", "øget", "på", "år", ",", ".", "–", "2020", " ", "  ");
    const text = fc.array(word, { maxLength: 25 }).map((words) => words.join(" "));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const segments = diffText(before, after);
        // A change of spacing alone is not marked, so the old side is rebuilt up to its spacing.
        const spaces = (t: string) => t.replace(/\s+/g, "");
        expect(spaces(side(segments, "removed"))).toBe(spaces(before));
        expect(side(segments, "added")).toBe(after);
      }),
    );
  });
});

describe("similarity", () => {
  it("is the share of words in common, in order", () => {
    expect(similarity("Unge borgere i job", "Unge borgere i job")).toBe(1);
    expect(similarity("Unge borgere", "Ældre ledige")).toBe(0);
    expect(similarity("en to tre fire", "en to fem seks")).toBeCloseTo(0.5);
  });
});

describe("compareMarkdown", () => {
  const before = ["Første afsnit er uændret.", "Andet afsnit om unge borgere i job.", "Tredje afsnit bliver slettet helt og aldeles."].join("\n\n");

  it("keeps unchanged paragraphs unchanged and pairs a reworded one as changed", () => {
    const after = ["Første afsnit er uændret.", "Andet afsnit om unge og ældre borgere i job.", "Et helt nyt afsnit om virksomheder."].join("\n\n");
    const entries = compareMarkdown(before, after);
    expect(kinds(entries)).toEqual(["unchanged", "changed", "removed", "added"]);
    const changed = entries[1] as Extract<Entry, { kind: "changed" }>;
    expect(changes(changed.segments)).toEqual([["added", "og ældre "]]);
  });

  it("treats list items and headings as blocks of their own", () => {
    const entries = compareMarkdown("## Mål\n\n- et\n- to og en halv\n- tre", "## Målene\n\n- et\n- to og en kvart\n- tre");
    expect(entries.map((e) => [e.kind, e.kind === "changed" ? e.new[0]!.kind : e.block.kind])).toEqual([
      ["removed", "heading"],
      ["added", "heading"],
      ["unchanged", "item"],
      ["changed", "item"],
      ["unchanged", "item"],
    ]);
  });

  it("pairs a paragraph split in two as one changed paragraph", () => {
    const entries = compareMarkdown(
      "”Citatet fra visionen om borgerne.” Det er ordene fra visionen, og de gælder stadig.",
      "”Citatet fra visionen om borgerne.”\n\nDet er ordene fra visionen, og de gælder stadig.",
    );
    expect(kinds(entries)).toEqual(["changed"]);
    const changed = entries[0] as Extract<Entry, { kind: "changed" }>;
    expect(changed.new).toHaveLength(2);
    expect(changes(changed.segments)).toEqual([["added", "\n"]]);
  });

  it("finds a paragraph moved unchanged", () => {
    const entries = compareMarkdown("Et.\n\nTo.\n\nTre.\n\nFlyttes.", "Flyttes.\n\nEt.\n\nTo.\n\nTre.");
    expect(kinds(entries)).toEqual(["moved-in", "unchanged", "unchanged", "unchanged", "moved-out"]);
  });

  it("does not pair blocks with few words in common", () => {
    expect(kinds(compareMarkdown("Ledigheden steg i 2019.", "Beskæftigelsen faldt kraftigt."))).toEqual(["removed", "added"]);
  });
});

describe("compareRevisions", () => {
  const chapters2020 = [
    { title: "Indledning", body: "" },
    { title: "Principper", body: "Et princip." },
    { title: "Unge borgere", body: "Ligger i 2020 over landsgennemsnittet.\n\nUændret.", goal: 4, goalText: "Flere unge i uddannelse." },
    { title: "Ledige", body: "Om ledige.", goal: 5, goalText: "Færre ledige." },
  ];
  const chapters2022 = [
    { title: "Indledning", body: "En ny indledning." },
    { title: "Unge borgere", body: "Ligger i 2022 over landsgennemsnittet.\n\nUændret.\n\nEt nyt afsnit.", goal: 4, goalText: "Flere unge i uddannelse." },
    { title: "Ledige", body: "Om ledige.", goal: 5, goalText: "Færre ledige i længere tid." },
  ];
  const result = compareRevisions(chapters2020, chapters2022);

  it("counts paragraphs changed, added, removed and unchanged, and headings apart", () => {
    expect(result.paragraphs).toEqual({ changed: 2, added: 2, removed: 1, moved: 0, unchanged: 3 });
    expect(result.headings).toMatchObject({ added: 1, removed: 1, unchanged: 2 });
  });

  it("lists goals whose wording changed, and the chapters with changes", () => {
    expect(result.goals.map((g) => [g.goal, g.kind, changes(g.segments)])).toEqual([[5, "changed", [["added", " i længere tid"]]]]);
    expect(result.changedSections).toEqual(["Principper", "Indledning", "Unge borgere", "Ledige"]);
  });

  it("aligns by chapter first, so a heading is not lost to a paragraph that moved", () => {
    const moved = compareRevisions(
      [
        { title: "A", body: "Et.\n\nFlyttes." },
        { title: "B", body: "To." },
      ],
      [
        { title: "A", body: "Et." },
        { title: "B", body: "To.\n\nFlyttes." },
      ],
    );
    expect(moved.entries.map((e) => [e.kind, e.kind === "changed" ? "" : e.block.text])).toEqual([
      ["unchanged", "A"],
      ["unchanged", "Et."],
      ["moved-out", "Flyttes."],
      ["unchanged", "B"],
      ["unchanged", "To."],
      ["moved-in", "Flyttes."],
    ]);
  });
});

/** A part of a comparison as templates/compare.njk draws it. */
const html = (macro: "inline" | "compareText" | "compareSummary" | "compareIndicators", view: unknown) => macroHtml("partials/compare.njk", macro, view);

describe("rendering", () => {
  it("marks insertions and deletions with <ins>/<del> and text a screen reader announces", () => {
    const segments = html(
      "inline",
      segmentsView([
        { kind: "equal", text: "i " },
        { kind: "removed", text: "2020" },
        { kind: "added", text: "2022" },
      ]),
    );
    expect(segments).toBe('i <del><span class="visually-hidden">Slettet: </span>2020</del><ins><span class="visually-hidden">Indsat: </span>2022</ins>');
  });

  it("escapes every text", () => {
    const result = compareRevisions([{ title: "A & B", body: "Gammel." }], [{ title: "A & B", body: 'Ny <script>alert("x")</script>.' }]);
    const text = html("compareText", textView(result));
    expect(text).not.toContain("<script>");
    expect(text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(text).toContain("A &amp; B");
  });

  it("folds unchanged paragraphs into one line and keeps chapter headings", () => {
    const result = compareRevisions(
      [{ title: "Unge", body: "Et.\n\nTo.\n\nTre.\n\nGammel sætning om unge." }],
      [{ title: "Unge", body: "Et.\n\nTo.\n\nTre.\n\nNy sætning om unge." }],
    );
    const text = html("compareText", textView(result, { chapterLevel: 2 }));
    expect(text).toContain('<h2 id="aendring-unge" class="diff-heading diff-unchanged">Unge</h2>');
    expect(text).toContain('<p class="diff-folded diff-folded-unchanged">3 uændrede afsnit</p>');
    expect(text).not.toContain("To.");
    expect(text).toContain('<del><span class="visually-hidden">Slettet: </span>Gammel</del>');
  });

  it("summarises figures, goals, indicators and chapters", () => {
    const result = compareRevisions([{ title: "Unge", body: "Et." }], [{ title: "Unge", body: "Et.\n\nTo." }]);
    const summary = html("compareSummary", summaryView({ text: result, indicators: [], indicatorsId: "ind" }));
    expect(summary).toContain("<dt>Afsnit tilføjet</dt><dd>1</dd>");
    expect(summary).toContain("Målenes ordlyd er uændret.");
    expect(summary).toContain("Ingen ændringer i indikatorerne.");
    expect(summary).toContain('<a href="#aendring-unge">Unge</a>');
  });
});

describe("compareIndicators", () => {
  const indicator = (id: string, extra: Partial<Indicator> = {}): Indicator => ({
    id,
    goal: 1,
    kind: "indikator",
    title: `Indikator ${id}`,
    unit: "pct.",
    series: [{ name: "Testby", observations: [{ period: "2020-08", value: 79.5 }] }],
    target: { kind: "value", value: 100, direction: "higher" },
    source: "Syntetiske testdata",
    extracted: null,
    ...extra,
  });

  it("finds nothing when the sets are the same", () => {
    const set = [indicator("a"), indicator("b")];
    expect(compareIndicators(set, structuredClone(set))).toEqual([]);
    expect(html("compareIndicators", indicatorsView([], { old: ["Bilag 2"], new: ["Bilag 2"] }))).toContain("Ingen ændringer i indikatorerne");
  });

  it("lists indicators added and dropped", () => {
    const found = compareIndicators([indicator("a"), indicator("gammel", { goal: 2 })], [indicator("a"), indicator("ny")]);
    expect(found.map((c) => [c.kind, c.id])).toEqual([
      ["added", "ny"],
      ["removed", "gammel"],
    ]);
  });

  it("describes a moved target, new figures and corrected figures in Danish", () => {
    const after = indicator("a", {
      target: { kind: "value", value: 95, direction: "higher", by: "2023" },
      series: [
        {
          name: "Testby",
          observations: [
            { period: "2020-08", value: 80.5 },
            { period: "2022-06", value: 88 },
          ],
        },
      ],
    });
    const [change] = compareIndicators([indicator("a")], [after]);
    expect(change?.kind).toBe("changed");
    expect(change?.fields).toEqual([
      { field: "target", old: "100,0 pct. (højere er bedre)", new: "95,0 pct. (højere er bedre) senest 2023" },
      { field: "latest", old: "79,5 pct. i august 2020", new: "88,0 pct. i juni 2022" },
      { field: "revised", old: "", new: "1 tal" },
    ]);
    const list = html("compareIndicators", indicatorsView([change!], { old: ["Bilag 2"], new: ["Bilag 2"] }));
    expect(list).toContain('Målsætning: <del><span class="visually-hidden">Slettet: </span>100,0 pct. (højere er bedre)</del>');
  });
});

describe("findComparisons", () => {
  const site = JSON.stringify({
    municipality: "Testby Kommune",
    site_title: "Test",
    accessibility_statement: "https://example.org/a",
    contact: { name: "Jobcenter" },
  });
  const plan = (year: number, extra = "") => `---\ntitle: Plan ${year}\nkind: plan\nyear: ${year}\nstatus: vedtaget\n${extra}---\n\nTekst ${year}.\n`;

  it("pairs a plan with the year it names and names the page and the PDF", () => {
    const model = buildModel(
      files({ "data/site.json": site, "content/plan/2030/index.md": plan(2030), "content/plan/2031/index.md": plan(2031, 'compare_with: "2030"\n') }),
    );
    const { pairs, problems } = findComparisons(model);
    expect(problems).toEqual([]);
    expect(pairs.map((p) => [p.old.id, p.new.id, p.title, p.url, p.pdf, p.pdfTitle])).toEqual([
      [
        "plan-2030",
        "plan-2031",
        "Ændringer fra 2030 til 2031",
        "/plan/2031/aendringer/",
        "aendringer-i-beskaeftigelsesplanen-2030-2031.pdf",
        "Bilag: Ændringer i beskæftigelsesplanen",
      ],
    ]);
  });

  it("reports a compare_with that names no such revision", () => {
    const model = buildModel(files({ "data/site.json": site, "content/plan/2031/index.md": plan(2031, 'compare_with: "2029"\n') }));
    const { problems } = findComparisons(model);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "content/plan/2031/index.md", message: expect.stringContaining('"2029"') });
  });
});
