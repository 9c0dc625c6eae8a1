// The website as a reader and a publisher meet it: the front page, navigation, search (in the
// browser, under a sub-path, with the Content Security Policy), titles and sharing tags, sitemap.
import { cp, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HTMLElement as Parsed } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../scripts/content/files.ts";
import { serveFolder } from "../../scripts/lib/serve.ts";
import { sealPage } from "../../scripts/pdf/serve.ts";
import { REAL_PREFIX as PREFIX, ROOT, buildFixture, connectBrowser, fixture, readHtml, realContent } from "../helpers.ts";

let out: string;

beforeAll(async () => {
  ({ out } = await realContent());
});

async function pages(): Promise<string[]> {
  return (await readdir(out, { recursive: true }))
    .map((f) => f.split("\\").join("/"))
    .filter((f) => f.endsWith("index.html") && !f.startsWith("print/") && !f.startsWith("pagefind/"))
    .map((f) => f.replace(/index\.html$/, ""));
}

describe("the front page", () => {
  let front: Parsed;
  beforeAll(async () => {
    front = await readHtml(out, "");
  });

  it("leads to the current plan, the strategy and its five goals", () => {
    expect(front.querySelector("#aktuel-plan a")?.getAttribute("href")).toBe(`${PREFIX}plan/2021/`);
    expect(front.querySelector("#strategi a")?.getAttribute("href")).toMatch(new RegExp(`^${PREFIX}strategi/\\d{4}/$`));
    const goals = front.querySelectorAll(".goals li");
    expect(goals).toHaveLength(5);
    expect(goals[0]!.querySelector("h3")?.text).toContain("Mål 1:");
  });

  it("shows the key figures as a table, one row per nøgletal, linked to their charts", async () => {
    const model = await loadModel(ROOT);
    const keyFigures = [...model.indicators.values()].filter((i) => i.kind === "nøgletal");
    const table = front.querySelector("table.overview")!;
    expect(table.querySelector("caption")?.text).toContain("Nøgletal");
    expect(table.querySelectorAll("thead th").map((th) => th.text)).toEqual(["Nøgletal", "Seneste tal", "Sammenligning", "Målsætning", "Status", "Tendens"]);
    const rows = table.querySelectorAll("tbody tr");
    expect(rows).toHaveLength(keyFigures.length);
    for (const row of rows) {
      expect(row.querySelector("th[scope=row]")?.text).toMatch(/^Mål \d/);
      expect(row.querySelectorAll("td")).toHaveLength(5);
      expect(row.querySelector("th a")?.getAttribute("href")).toMatch(new RegExp(`^${PREFIX}.+#figur-`));
    }
    // The figures are computed: Ballerup's share of unemployed insured in July 2020 is 4,8 pct.
    const m2 = rows.find((r) => r.text.includes("Mål 2"))!;
    expect(m2.querySelectorAll("td")[0]!.text).toContain("4,8 pct.");
    expect(m2.querySelectorAll("td")[0]!.text).toContain("juli 2020");
    // The table scrolls by itself on a narrow screen and can be reached with the keyboard.
    const scroller = table.closest(".table-scroll");
    expect(scroller?.getAttribute("tabindex")).toBe("0");
    expect(scroller?.getAttribute("role")).toBe("region");
  });

  it("offers the earlier plans", () => {
    // (A build without PDFs links none: "a small site built without PDFs" below.)
    expect(front.querySelectorAll("#arkiv ~ ul a").map((a) => a.text)).toContain("Beskæftigelsesplan 2018");
  });
});

describe("navigation", () => {
  it("has a header with the municipality, a main menu, breadcrumbs, chapters and previous/next", async () => {
    const page = await readHtml(out, "plan/2021/baggrund");
    expect(page.querySelector(".site-name")?.text).toContain("Ballerup Kommune");
    const menu = page.querySelectorAll("nav[aria-label=Hovedmenu] a");
    expect(menu.map((a) => a.text)).toEqual(expect.arrayContaining(["Beskæftigelsesplan 2021", "Strategien", "Alle dokumenter", "Søg"]));
    expect(menu.find((a) => a.text === "Beskæftigelsesplan 2021")?.getAttribute("aria-current")).toBe("true");
    expect(page.querySelectorAll(".breadcrumbs li").map((li) => li.text.trim())).toEqual(["Forside", "Beskæftigelsesplan 2021", "Baggrund"]);
    expect(page.querySelector(".document-nav [aria-current=page]")?.text).toBe("Baggrund");
    expect(page.querySelector("a[rel=prev]")?.getAttribute("href")).toBe(`${PREFIX}plan/2021/`);
    expect(page.querySelector("a[rel=next]")?.getAttribute("href")).toMatch(new RegExp(`^${PREFIX}plan/2021/.+/$`));
  });

  it("gives long pages a table of contents of their sections", async () => {
    const page = await readHtml(out, "bilag/indikatorer/maal-1");
    const links = page.querySelectorAll("nav.toc a");
    const sections = page.querySelectorAll("main h2[id]").filter((h) => !h.closest("nav") && !h.closest(".chapters"));
    expect(links.map((a) => a.getAttribute("href"))).toEqual(sections.map((h) => `#${h.id}`));
    expect(links.every((a) => !a.text.includes("[1]"))).toBe(true);
  });

  it("marks an earlier edition and points to the current one", async () => {
    const page = await readHtml(out, "plan/2018");
    expect(page.querySelector(".notice a")?.getAttribute("href")).toBe(`${PREFIX}plan/2021/`);
  });

  it("has a footer with contact and the accessibility statement from site.json", async () => {
    const site = JSON.parse(await readFile(join(ROOT, "data", "site.json"), "utf8")) as { accessibility_statement: string; contact: { name: string } };
    const footer = (await readHtml(out, "")).querySelector("footer")!;
    expect(
      footer
        .querySelectorAll("a")
        .find((a) => a.text === "Tilgængelighedserklæring")
        ?.getAttribute("href"),
    ).toBe(site.accessibility_statement);
    expect(footer.text).toContain(site.contact.name);
  });

  it("lists every document and every quarter's status in the archive", async () => {
    const archive = await readHtml(out, "arkiv");
    const model = await loadModel(ROOT);
    // Addresses carry the build's path prefix.
    const links = archive.querySelectorAll(".archive-list h3 a").map((a) => (a.getAttribute("href") ?? "").replace(/^\/[^/]+(?=\/status\/)/, ""));
    expect(links.filter((href) => !href.startsWith("/status/"))).toHaveLength(model.documents.length);
    expect(links.filter((href) => href.startsWith("/status/"))).toEqual(["/status/2024-k2/", "/status/2020-k3/", "/status/2020-k2/", "/status/2019-k3/"]);
  });
});

describe("every page", () => {
  it("has its own title, a description and sharing tags in Danish", async () => {
    const titles = new Set<string>();
    for (const path of await pages()) {
      const page = await readHtml(out, path);
      const title = page.querySelector("title")?.text ?? "";
      expect(title, path).toMatch(/– Ballerup Kommune$/);
      expect(titles.has(title), `${path}: ${title}`).toBe(false);
      titles.add(title);
      const meta = (selector: string) => page.querySelector(`meta[${selector}]`)?.getAttribute("content") ?? "";
      expect(meta("name=description").length, path).toBeGreaterThan(20);
      expect(meta('property="og:title"'), path).toBeTruthy();
      expect(meta('property="og:description"'), path).toBe(meta("name=description"));
      expect(meta('property="og:locale"')).toBe("da_DK");
      // No base_url in data/site.json: no absolute addresses are made up.
      expect(page.querySelector('meta[property="og:url"]'), path).toBeNull();
      expect(page.querySelector("link[rel=canonical]"), path).toBeNull();
    }
  });

  it("is in the search index except the search page; print pages are not published", async () => {
    const entry = JSON.parse(await readFile(join(out, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(["da"]);
    let indexed = 0;
    for (const path of await pages()) if ((await readHtml(out, path)).querySelector("main[data-pagefind-body]")) indexed++;
    expect(entry.languages.da!.page_count).toBe(indexed);
    expect(indexed).toBeGreaterThan(30);
    expect((await readHtml(out, "soeg")).querySelector("[data-pagefind-body]")).toBeNull();
    expect((await readdir(out)).filter((name) => name.startsWith("print"))).toEqual([]);
  });

  it("has no sitemap when site.json has no base_url", async () => {
    await expect(readFile(join(out, "sitemap.xml"))).rejects.toThrow();
  });
});

describe("search in the browser", () => {
  it("finds text on every kind of page and links to the section, under the sub-path and the CSP", async () => {
    const browser = await connectBrowser();
    const page = await browser.newPage();
    const server = await serveFolder(out, PREFIX);
    const host = new URL(server.origin).origin;
    const blocked: string[] = [];
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || /Content Security Policy/.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    try {
      await sealPage(page, server.origin, blocked);
      await page.goto(`${host}${PREFIX}soeg/?q=repatriering`, { waitUntil: "load" });
      await page.waitForSelector(".search-result", { timeout: 10_000 });
      expect(await page.$eval("[data-search-fallback]", (e) => (e as HTMLElement).hidden)).toBe(true);
      expect(await page.$eval("[data-search-status]", (e) => e.textContent)).toMatch(/resultat/);
      const hrefs = await page.$$eval(".search-result a", (links) => links.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href.startsWith(PREFIX), href).toBe(true);
      expect(hrefs.some((href) => href.includes("/plan/2021/repatriering/"))).toBe(true);
      const section = hrefs.find((href) => href.includes("#"));
      expect(section, "a result links to a section").toBeDefined();
      // The section link lands on the heading.
      await page.goto(`${host}${section}`, { waitUntil: "load" });
      const id = decodeURIComponent(section!.split("#")[1]!);
      expect(await page.evaluate((target) => document.getElementById(target)?.tagName, id)).toMatch(/^H[2-6]$/);

      // Typing searches as you go and keeps the address shareable.
      await page.goto(`${host}${PREFIX}soeg/`, { waitUntil: "load" });
      await page.waitForFunction(() => (document.querySelector("[data-search-fallback]") as HTMLElement).hidden);
      await page.type("#soeg-felt", "fuldtidsledige");
      await page.waitForSelector(".search-result", { timeout: 10_000 });
      expect(new URL(page.url()).searchParams.get("q")).toBe("fuldtidsledige");
      expect(problems).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });
});

describe("a small site built without PDFs, with a base_url", () => {
  let built: string;
  beforeAll(async () => {
    const source = join(await mkdtemp(join(tmpdir(), "bp-site-")), "src");
    await cp(fixture("minimal"), source, { recursive: true });
    const siteFile = join(source, "data", "site.json");
    const site = JSON.parse(await readFile(siteFile, "utf8")) as Record<string, unknown>;
    await writeFile(siteFile, JSON.stringify({ ...site, base_url: "https://kommune.example" }));
    ({ out: built } = await buildFixture(source, { pdf: false, pathPrefix: PREFIX }));
  }, 120_000);

  it("links no PDF a build without PDFs did not make", async () => {
    // Built with --no-pdf into an empty folder: no PDF exists, so none is offered (the PDF list is
    // checked with PDFs in editor-mistakes.test.ts).
    const front = await readHtml(built, "");
    expect(front.querySelector("#pdf")).toBeNull();
    expect(
      front
        .querySelectorAll("a")
        .map((a) => a.getAttribute("href") ?? "")
        .filter((href) => href.endsWith(".pdf")),
    ).toEqual([]);
    const plan = await readHtml(built, "plan/2030");
    expect(
      plan
        .querySelectorAll("a")
        .map((a) => a.getAttribute("href") ?? "")
        .filter((href) => href.endsWith(".pdf")),
    ).toEqual([]);
  });

  it("gets a sitemap, canonical addresses and og:url, with the path prefix", async () => {
    const sitemap = await readFile(join(built, "sitemap.xml"), "utf8");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`https://kommune.example${PREFIX}`);
    // Every quarter's status (not only the first of the paginated pages); the draft plan 2030 not
    // (its pages ask search engines not to keep them).
    expect(locs).toEqual(expect.arrayContaining(["2029-k1", "2029-k2", "2029-k3", "2029-k4"].map((q) => `https://kommune.example${PREFIX}status/${q}/`)));
    expect(locs.filter((loc) => loc!.includes("/plan/2030/"))).toEqual([]);
    expect(locs).toContain(`https://kommune.example${PREFIX}strategi/2030/fokus-1/`);
    expect(locs.every((loc) => loc!.startsWith(`https://kommune.example${PREFIX}`))).toBe(true);
    expect(locs.some((loc) => loc!.includes("/print/"))).toBe(false);
    const page = await readHtml(built, "plan/2030/tal");
    expect(page.querySelector("link[rel=canonical]")?.getAttribute("href")).toBe(`https://kommune.example${PREFIX}plan/2030/tal/`);
    expect(page.querySelector('meta[property="og:url"]')?.getAttribute("content")).toBe(`https://kommune.example${PREFIX}plan/2030/tal/`);
  });
});
