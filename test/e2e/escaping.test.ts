// Escaping: markup and script typed into any text field of the data, the site identity or the front
// matter, or pasted into Markdown, comes out as text on every page and in every chart; never as an
// element, an attribute or a template. Builds a copy of the minimal fixture without PDFs.
import matter from "gray-matter";
import { cp, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, fixture } from "../helpers.ts";

const PAYLOAD = `<script>alert(1)</script> "><img src=x onerror=alert(1)> &amp;`;
/** Every field gets its own tag, so each can be found in the output. */
const shown = new Map<string, string>();
const field = (tag: string) => {
  const text = `${tag} ${PAYLOAD}`;
  shown.set(tag, text);
  return text;
};

/** The Markdown a reader may paste: raw HTML, a script link, template syntax. */
const BODY = [
  "Rå HTML: <script>alert(1)</script> og <img src=x onerror=alert(1)> og &amp;",
  "",
  '<div onclick="alert(1)">en blok</div>',
  "",
  "[et link](javascript:alert(1)) og {{ 7*7 }} og {% raw %}skabelon{% endraw %}",
].join("\n");

async function editJson(path: string, edit: (data: Record<string, unknown>) => void): Promise<void> {
  const data = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
  edit(data);
  await writeFile(path, JSON.stringify(data, null, 2));
}

async function editMarkdown(path: string, fields: Record<string, unknown>, body?: string): Promise<void> {
  const page = matter(await readFile(path, "utf8"), {});
  await writeFile(path, matter.stringify(body ?? page.content, { ...page.data, ...fields }));
}

let out: string;
const pages: { path: string; html: string; root: HTMLElement }[] = [];

beforeAll(async () => {
  const source = join(await mkdtemp(join(tmpdir(), "bp-escaping-")), "minimal");
  await cp(fixture("minimal"), source, { recursive: true });
  await editJson(join(source, "data", "site.json"), (site) => {
    Object.assign(site, { municipality: field("S1"), site_title: field("S2"), department: field("S3") });
    Object.assign(site.contact as object, { name: field("S4"), phone: field("S5"), address: field("S6") });
  });
  await editJson(join(source, "data", "indicators", "m1-job.json"), (indicator) => {
    const series = indicator.series as { name: string }[];
    series[0]!.name = field("I1");
    series[1]!.name = field("I2");
    Object.assign(indicator, { title: field("I3"), question: field("I4"), notes: field("I5"), source: field("I6") });
    indicator.target = { kind: "value", value: 50, direction: "higher", label: field("I7") };
  });
  // The same figures as bars: there the series' names are the chart's own text (SVG).
  const bars = JSON.parse(await readFile(join(source, "data", "indicators", "m1-job.json"), "utf8")) as Record<string, unknown>;
  const latest = (bars.series as { observations: unknown[] }[]).map((series) => ({ ...series, observations: series.observations.slice(-1) }));
  await writeFile(join(source, "data", "indicators", "m1-bars.json"), JSON.stringify({ ...bars, id: "m1-bars", series: latest, chart: { kind: "sammenligning" } }));
  await editJson(join(source, "data", "tables", "aktivering.json"), (table) => {
    Object.assign(table, { caption: field("T1"), stub: field("T2"), group: field("T3"), source: field("T4"), notes: field("T5") });
    table.columns = [field("T6"), field("T7")];
    const rows = table.rows as { label: string }[];
    rows[0]!.label = field("T8");
    rows[1]!.label = field("T9");
  });
  const content = join(source, "content");
  await editMarkdown(join(content, "index.md"), { title: field("P1"), description: field("P2") });
  await editMarkdown(join(content, "plan", "2030", "index.md"), {
    title: field("P3"),
    description: field("P4"),
    adopted_by: field("P5"),
    committee: field("P6"),
    journal: field("P7"),
    agenda_item: field("P8"),
  });
  const tal = join(content, "plan", "2030", "tal.md");
  await editMarkdown(tal, { title: field("P9"), description: field("P10") }, `${matter(await readFile(tal, "utf8"), {}).content}\n::: chart m1-bars\n`);
  await editMarkdown(join(content, "plan", "2030", "fokus.md"), { title: field("P11") }, `${BODY}\n\n::: include strategi/2030/fokus-1\n`);
  await editMarkdown(join(content, "strategi", "2030", "fokus-1.md"), { title: field("P12"), goal_text: field("P13") });

  ({ out } = await buildFixture(source, { pdf: false }));
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|svg)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const html = await readFile(path, "utf8");
    pages.push({ path, html, root: parse(html, { comment: false }) });
  }
});

describe("text from content and data", () => {
  it("builds pages to check", () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.some((page) => page.root.querySelector("figure.chart svg"))).toBe(true);
  });

  it("never becomes an element or an event handler, in HTML or in the charts' SVG", () => {
    for (const { path, html, root } of pages) {
      expect(html, path).not.toContain("<script>alert");
      expect(html, path).not.toContain("<img src=x");
      for (const element of root.querySelectorAll("*")) {
        const where = `${path}: <${element.rawTagName}>`;
        if (element.rawTagName === "script") expect(element.text, where).not.toContain("alert");
        if (element.rawTagName === "img") expect(element.getAttribute("src"), where).not.toBe("x");
        for (const [name, value] of Object.entries(element.attributes)) {
          expect(name.toLowerCase(), where).not.toMatch(/^on/);
          expect(value.trim().toLowerCase(), where).not.toMatch(/^(javascript|data):/);
        }
      }
    }
  });

  it("appears as the very text that was typed", () => {
    const everything = pages
      .map(({ root }) =>
        [
          root.text,
          ...root
            .querySelectorAll("[content], [aria-label], [title]")
            .flatMap((e) => [e.getAttribute("content") ?? "", e.getAttribute("aria-label") ?? "", e.getAttribute("title") ?? ""]),
        ].join("\n"),
      )
      .join("\n");
    const missing = [...shown].filter(([, text]) => !everything.includes(text)).map(([tag]) => tag);
    expect(missing).toEqual([]);
  });

  it("in chart drawings too: series names are SVG text, not SVG markup", () => {
    const svgs = pages.flatMap(({ root }) => root.querySelectorAll("svg"));
    expect(svgs.length).toBeGreaterThan(0);
    const text = svgs.map((svg) => svg.text).join("\n");
    expect(text).toContain("I1 <script>");
    for (const svg of svgs) expect(svg.querySelectorAll("script, img, foreignObject")).toEqual([]);
  });
});

describe("Markdown", () => {
  it("shows raw HTML as text (markdown-it html: false)", async () => {
    const main = parse(await readFile(join(out, "plan", "2030", "fokus", "index.html"), "utf8")).querySelector("main")!;
    expect(main.text).toContain("Rå HTML: <script>alert(1)</script> og <img src=x onerror=alert(1)> og &");
    expect(main.text).toContain('<div onclick="alert(1)">en blok</div>');
    expect(main.querySelector("div[onclick]")).toBeNull();
  });

  it("links no javascript: and runs no template syntax", async () => {
    const main = parse(await readFile(join(out, "plan", "2030", "fokus", "index.html"), "utf8")).querySelector("main")!;
    expect(main.querySelectorAll("a").map((a) => a.getAttribute("href") ?? "")).not.toContainEqual(expect.stringMatching(/^javascript:/i));
    expect(main.text).toContain("{{ 7*7 }}");
    expect(main.text).toContain("{% raw %}skabelon{% endraw %}");
    expect(main.text).not.toContain("49");
  });
});
