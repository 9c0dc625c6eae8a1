import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLinks } from "../../scripts/site/links.ts";
import { absoluteUrl, pageHeadings } from "../../scripts/site/pages.ts";

async function site(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bp-links-"));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const page = (body: string) => `<!doctype html><html lang="da"><head><link rel="stylesheet" href="/assets/site.css"></head><body>${body}</body></html>`;

describe("the link checker", () => {
  it("accepts pages, assets, anchors, relative links and external addresses", async () => {
    const dir = await site({
      "index.html": page(
        '<a href="/plan/">Plan</a> <a href="plan/#mål">Mål</a> <a href="#top" id="top">Top</a> <a href="https://example.org/">Ude</a> <a href="mailto:a@example.org">Post</a>',
      ),
      "plan/index.html": page('<h2 id="mål">Mål</h2><a href="../">Forside</a><img src="../assets/figur.svg" alt=""><script src="/assets/søg.js"></script>'),
      "assets/site.css": '@font-face { src: url("fonts/a.woff2"); } .x { background: url(data:image/png;base64,AAAA); }',
      "assets/fonts/a.woff2": "",
      "assets/figur.svg": "<svg/>",
      "assets/søg.js": "",
    });
    const report = await checkLinks(dir);
    expect(report.problems).toEqual([]);
    expect(report.pages).toBe(2);
    expect(report.checked).toBe(9);
    expect(report.external).toEqual(["https://example.org/", "mailto:a@example.org"]);
  });

  it("finds missing pages, files and anchors, empty links and folders without a slash", async () => {
    const dir = await site({
      "index.html": page('<a href="/mangler/">x</a> <a href="/plan/#intet">x</a> <a href="">x</a> <a href="#">x</a> <a href="/plan">x</a> <a href="/pdf/a.pdf">x</a>'),
      "plan/index.html": page('<h2 id="noget">Noget</h2>'),
      "assets/site.css": '@font-face { src: url("fonts/væk.woff2"); }',
    });
    const report = await checkLinks(dir);
    expect(report.problems.map((p) => `${p.file} ${p.url}: ${p.problem}`)).toEqual([
      "index.html /mangler/: findes ikke",
      'index.html /plan/#intet: siden har intet id="intet"',
      "index.html : tomt link",
      "index.html #: tomt #-anker",
      "index.html /plan: mappe uden afsluttende skråstreg",
      "index.html /pdf/a.pdf: findes ikke",
      "assets/site.css fonts/væk.woff2: findes ikke",
    ]);
    const allowed = await checkLinks(dir, { allowMissing: (file) => file.startsWith("pdf/") });
    expect(allowed.problems.map((p) => p.url)).not.toContain("/pdf/a.pdf");
  });

  it("checks a site built for a sub-path against its prefix", async () => {
    const dir = await site({
      "index.html": '<a href="/bp/plan/">ok</a> <a href="/plan/">uden præfiks</a> <a href="plan/">relativt</a>',
      "plan/index.html": '<a href="/bp/">ok</a> <a href="../">op</a>',
    });
    const report = await checkLinks(dir, { pathPrefix: "/bp/" });
    expect(report.problems.map((p) => `${p.url}: ${p.problem}`)).toEqual(["/plan/: uden for webstedets sti /bp/"]);
  });
});

describe("page helpers", () => {
  it("lists the visible h2 sections, without footnote markers", () => {
    const html =
      '<h2 id="a">Første <em>del</em></h2><p>x</p><h3 id="b">Under</h3><h2 id="c">Tal<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> og mål</h2><h2 class="visually-hidden">Fodnoter</h2><h2>Uden id</h2>';
    expect(pageHeadings(html)).toEqual([
      { id: "a", html: "Første del" },
      { id: "c", html: "Tal og mål" },
    ]);
  });

  it("makes absolute addresses from base_url with or without the path prefix in it", () => {
    expect(absoluteUrl("https://kommune.example", "/", "/plan/2021/")).toBe("https://kommune.example/plan/2021/");
    expect(absoluteUrl("https://kommune.example/bp", "/", "/plan/")).toBe("https://kommune.example/bp/plan/");
    expect(absoluteUrl("https://kommune.example", "/bp/", "/plan/")).toBe("https://kommune.example/bp/plan/");
    expect(absoluteUrl("https://kommune.example/bp/", "/bp/", "/")).toBe("https://kommune.example/bp/");
  });
});
