// One reading of Markdown: the check (buildModel) and the build (the page renderer the Eleventy
// plugin uses) read the same tokens, so whatever the check accepts renders, and every directive the
// check accepted becomes a figure. Generated Markdown puts directives in quotes, lists, footnotes and
// code blocks; footnotes and heading links across included pages keep their own text and targets.
import fc from "fast-check";
import { parse as parseHtml } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { composePage } from "../../scripts/content/compose.ts";
import { buildModel, type Document, type Model } from "../../scripts/content/load.ts";
import { directivesOf } from "../../scripts/content/markdown.ts";
import { ValidationError } from "../../scripts/messages.ts";
import { createMarkdown, printPrefix, printTargets } from "../../scripts/site/markdown.ts";
import { files } from "../helpers.ts";

const SITE = JSON.stringify({
  municipality: "Testby Kommune (syntetiske testdata)",
  site_title: "Testplan",
  accessibility_statement: "https://example.org/tilgaengelighed",
  contact: { name: "Testby Jobcenter" },
});
const TABLE = JSON.stringify({
  id: "aktivering",
  caption: "Aktivering (syntetiske tal)",
  stub: "Redskab",
  unit: "pct.",
  columns: ["2029"],
  rows: [{ label: "Aktiverede", values: [40] }],
});

function project(pages: Record<string, string>) {
  return files({
    "data/site.json": SITE,
    "data/tables/aktivering.json": TABLE,
    "content/index.md": "---\ntitle: Forside\n---\n\nForsiden.\n",
    ...Object.fromEntries(Object.entries(pages).map(([key, body]) => [`content/${key}.md`, `---\ntitle: ${key}\n---\n\n${body}\n`])),
  });
}

/** HTML with <pre> parsed as elements (node-html-parser keeps it as raw text by default). */
const parse = (html: string) => parseHtml(html, { blockTextElements: { script: true, style: true } });

const { md, renderPage } = createMarkdown({
  chart: () => undefined,
  table: (id) => (id === "aktivering" ? `<figure class="table" id="tabel-${id}"></figure>` : undefined),
});

const LINES = [
  "Tekst.",
  "",
  "::: table aktivering",
  "> ::: table aktivering",
  "- ::: table aktivering",
  "1. ::: table aktivering",
  "   ::: table aktivering",
  ":: table aktivering",
  "::: Table aktivering",
  "::: table ukendt",
  "::: include side-b",
  "> ::: include side-b",
  "```",
  "~~~",
  "    ::: table aktivering",
  "Tekst[^1].",
  "[^1]: ::: table aktivering",
  "[^1]: Kilde.",
  "## Afsnit",
  "> Citat",
  "- Punkt",
  "  - ::: table aktivering",
  "| a | b |",
  "| - | - |",
  "| ::: table aktivering | x |",
  "## ::: table aktivering",
  "Se ::: table aktivering her.",
  "Se `::: table aktivering` her.",
];
const markdown = fc.array(fc.constantFrom(...LINES), { maxLength: 14 }).map((lines) => lines.join("\n"));

/** The model, or the problems: never another kind of error. */
function check(pages: Record<string, string>): Model | ValidationError {
  try {
    return buildModel(project(pages));
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
}

describe("check and build read Markdown once", () => {
  it("whatever the check accepts renders, with every accepted directive as a figure", () => {
    fc.assert(
      fc.property(markdown, markdown, (a, b) => {
        const model = check({ "side-a": a, "side-b": b });
        if (model instanceof ValidationError) {
          for (const problem of model.problems) expect([problem.file, problem.line]).toEqual([expect.stringMatching(/^content\//), expect.any(Number)]);
          return;
        }
        for (const page of model.pages.values()) {
          const html = renderPage(page, model.pages);
          const composed = composePage(page, model.pages);
          const expected = directivesOf(composed.tokens).filter((d) => d.name === "table").length;
          expect(parse(html).querySelectorAll("figure.table")).toHaveLength(expected);
          // A directive in a code block is shown as written, never expanded.
          for (const code of parse(html).querySelectorAll("pre code")) expect(code.text).not.toContain("<figure");
          // Outside code, no directive is ever shown as text (in a table cell, a heading, a line of text).
          const shown = parse(html);
          for (const code of shown.querySelectorAll("code")) code.remove();
          expect(shown.text).not.toMatch(/::+[ \t]*[a-z]/i);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reports a directive in a quote, a list item and a footnote at its line, and leaves one in a code fence as text", () => {
    const error = check({ "side-a": "Tekst.\n\n> ::: table aktivering\n\n- ::: table aktivering\n\nTekst[^1].\n\n[^1]: ::: table aktivering" });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => [p.file, p.line])).toEqual([
      ["content/side-a.md", 7],
      ["content/side-a.md", 9],
      ["content/side-a.md", 13],
    ]);
    const model = check({ "side-a": "```\n::: include side-b\n::: table aktivering\n```", "side-b": "B." }) as Model;
    const html = parse(renderPage(model.pages.get("side-a")!, model.pages));
    expect(html.querySelector("pre code")!.text).toBe("::: include side-b\n::: table aktivering\n");
    expect(html.querySelectorAll("figure")).toHaveLength(0);
    expect(md.render("::: table aktivering")).toContain("tabel-aktivering");
  });
});

describe("included pages", () => {
  // Field case 8: two included pages that each use [^1].
  const model = check({
    "del-a": "Ledigheden steg.[^1]\n\n[^1]: Kilde A.",
    "del-b": "Sygefraværet faldt.[^1]\n\n[^1]: Kilde B.",
    samlet: "Før.[^1]\n\n::: include del-a\n\n::: include del-b\n\n[^1]: Egen kilde.",
  }) as Model;

  it("keep their own footnotes, numbered in reading order", () => {
    const html = parse(renderPage(model.pages.get("samlet")!, model.pages));
    const notes = html.querySelectorAll(".footnotes li").map((li) => [li.id, li.text.replace(/\s*↩︎\s*$/, "").trim()]);
    expect(notes).toEqual([
      ["fn1", "Egen kilde."],
      ["fn2", "Kilde A."],
      ["fn3", "Kilde B."],
    ]);
    expect(html.querySelectorAll("sup.footnote-ref a").map((a) => [a.text, a.getAttribute("href")])).toEqual([
      ["[1]", "#fn1"],
      ["[2]", "#fn2"],
      ["[3]", "#fn3"],
    ]);
  });

  it("number footnotes on through a PDF, with the chapter's prefix", () => {
    const html = parse(renderPage(model.pages.get("del-b")!, model.pages, { docId: "doc-del-b", print: true }, { footnoteStart: 3 }));
    expect(html.querySelector(".footnotes li")!.id).toBe("fn-doc-del-b-4");
    expect(html.querySelector(".footnotes ol")!.getAttribute("start")).toBe("4");
    expect(html.querySelector("sup.footnote-ref a")!.text).toBe("[4]");
  });
});

describe("links to headings", () => {
  // Field case 10: duplicate and special-character headings, linked to from the page.
  const body = [
    "Se [andet mål](#maal-1-flere-i-job-2), [økonomi](#oekonomi-2) og [tabellen](#tabel-aktivering).",
    "",
    "::: table aktivering",
    "",
    "## Mål 1: Flere i job",
    "",
    "## Mål 1: Flere i job",
    "",
    "## ≥ 85 % i tilbud",
    "",
    "## Økonomi",
    "",
    "## Oekonomi",
  ].join("\n");
  const model = check({ overskrifter: body }) as Model;
  const page = model.pages.get("overskrifter")!;

  it("are checked: a link to a heading that is not there is reported at its line and column", () => {
    const error = check({ overskrifter: `${body}\n\nOg [dette](#maal-3).` }) as ValidationError;
    expect(error.problems.map((p) => [p.file, p.line, p.column, p.message])).toEqual([["content/overskrifter.md", 19, 12, expect.stringContaining('"#maal-3"')]]);
  });

  it("reach the same heading on the site and in print, where ids carry the chapter's prefix", () => {
    const site = parse(renderPage(page, model.pages));
    const print = parse(renderPage(page, model.pages, { docId: "bilag-20-overskrifter", print: true }));
    const targets = (html: ReturnType<typeof parse>) => html.querySelectorAll("p a").map((a) => html.getElementById(a.getAttribute("href")!.slice(1))?.text ?? null);
    expect(targets(site)).toEqual(["Mål 1: Flere i job", "Oekonomi", ""]);
    expect(targets(print)).toEqual(targets(site));
    expect(print.querySelector("p a")!.getAttribute("href")).toBe("#bilag-20-overskrifter-maal-1-flere-i-job-2");
    // Not a heading: left as written.
    expect(print.querySelectorAll("p a")[2]!.getAttribute("href")).toBe("#tabel-aktivering");
  });

  it("to another page of the same PDF stay inside the PDF; to any other page go to its address on the site", () => {
    const pages = (
      check({
        overskrifter: "Se [målene](../baggrund/#maal-for-tilbud), [baggrunden](/baggrund/), [kilden](/baggrund/#fn1) og [en anden side](andet/../../andet/#afsnit).",
        baggrund: "## Mål for tilbud\n\nTekst.[^1]\n\n[^1]: Kilde.",
        andet: "## Afsnit",
      }) as Model
    ).pages;
    // A PDF of the front page's text, then the two chapters (synthetic).
    const document = { id: "bilag-20", index: pages.get("index")!, chapters: [pages.get("overskrifter")!, pages.get("baggrund")!] } as Document;
    const env = (key: string) => ({ docId: printPrefix(document.id, pages.get(key)!), print: true, printTargets: printTargets(document, pages) });
    const print = parse(renderPage(pages.get("overskrifter")!, pages, env("overskrifter")));
    expect(print.querySelectorAll("p a").map((a) => a.getAttribute("href"))).toEqual([
      "#bilag-20-baggrund-maal-for-tilbud",
      "#bilag-20-kapitel-3",
      "#bilag-20-kapitel-3",
      "/andet/#afsnit",
    ]);
    // The id the heading has where the other chapter is printed.
    expect(parse(renderPage(pages.get("baggrund")!, pages, env("baggrund"))).querySelector("h2")!.id).toBe("bilag-20-baggrund-maal-for-tilbud");
  });
});
