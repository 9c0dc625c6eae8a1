// The website at every width, by keyboard, and search as Danes type, in the shared Chromium.
// One build: the real content with one quarter more of a key figure's figures, the wide-tables
// fixture (a 14-column Markdown table, long addresses: field cases 16 and 2) and a draft plan made
// with `npm run new`. Every reader page is opened once, with every <details> open, and measured at
// six widths and at 200 % zoom on the same page object.
import { cp, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contrastRatio } from "../../scripts/lib/contrast.ts";
import { runNew } from "../../scripts/new.ts";
import { serveFolder, type FolderServer } from "../../scripts/lib/serve.ts";
import { sealPage } from "../../scripts/pdf/serve.ts";
import { ROOT, buildFixture, connectBrowser, fixture, readHtml } from "../helpers.ts";

const WIDTHS = [320, 375, 768, 1024, 1280, 1920];

let out: string;
let paths: string[];
let browser: Browser;
let page: Page;
let server: FolderServer;
const problems = new Map<string, string[]>();

async function open(path: string, width = 1280): Promise<void> {
  await page.setViewport({ width, height: 900 });
  await page.goto(`${server.origin}/${path}`, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
}

/** What is wrong at the current width: sideways page scrolling, clipped tables, scroll regions out of keyboard reach. */
function measure(): string[] {
  const found: string[] = [];
  const name = (e: Element) =>
    `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.className && typeof e.className === "string" ? `.${e.className.trim().split(/\s+/).join(".")}` : ""}>`;
  const overflows = (e: Element) => e.scrollWidth > e.clientWidth + 1;
  const region = (e: Element) =>
    e.classList.contains("table-scroll") &&
    (e as HTMLElement).tabIndex === 0 &&
    e.getAttribute("role") === "region" &&
    Boolean(e.getAttribute("aria-label") || document.getElementById(e.getAttribute("aria-labelledby") ?? "")?.textContent?.trim()) &&
    ["auto", "scroll"].includes(getComputedStyle(e).overflowX);
  const page = document.documentElement.scrollWidth;
  if (page > window.innerWidth) found.push(`the page is ${page} px wide`);
  for (const table of document.querySelectorAll("table")) {
    if (!table.getClientRects().length) continue; // not displayed (the key figures as cards on narrow screens)
    for (let e: Element | null = table; e && e !== document.body; e = e.parentElement) {
      if (overflows(e) && !region(e))
        found.push(
          `a table ("${table.querySelector("caption")?.textContent?.trim() ?? table.getAttribute("aria-label") ?? document.getElementById(table.getAttribute("aria-labelledby") ?? "")?.textContent}") is clipped by ${name(e)}`,
        );
      if (region(e)) break;
    }
    const box = table.getBoundingClientRect();
    if (box.right > window.innerWidth + 1 && !table.closest(".table-scroll")) found.push(`a table reaches ${Math.round(box.right)} px`);
  }
  for (const e of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(e);
    if (["auto", "scroll"].includes(style.overflowX) && overflows(e) && !region(e)) found.push(`${name(e)} scrolls but cannot be reached by keyboard or has no name`);
  }
  // A region whose table fits is no tab stop (assets/tables.js takes its tabindex away).
  for (const e of document.querySelectorAll(".table-scroll[tabindex]")) {
    if (e.getClientRects().length && !overflows(e) && document.activeElement !== e)
      found.push(`${name(e)} ("${e.getAttribute("aria-label") ?? e.getAttribute("aria-labelledby")}") is a tab stop but has nothing to scroll`);
  }
  return found;
}

/** Lets assets/tables.js see the new size: a ResizeObserver runs with the next frame (time-polled: a page the shared browser does not show gets no frames otherwise). */
async function resized(): Promise<void> {
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll(".table-scroll")].every((e) => !e.getClientRects().length || e.scrollWidth > e.clientWidth + 1 === e.hasAttribute("data-scrolls")),
      { polling: 50, timeout: 5_000 },
    )
    .catch(() => {}); // a region that never settles is reported by measure()
}

beforeAll(async () => {
  const source = await mkdtemp(join(tmpdir(), "bp-widths-"));
  await cp(join(ROOT, "content"), join(source, "content"), { recursive: true });
  await cp(join(ROOT, "data"), join(source, "data"), { recursive: true });
  await cp(join(fixture("wide-tables"), "content"), join(source, "content"), { recursive: true });
  // One quarter more for a key figure (synthetic figures): its status row gains a change since the
  // previous period, which once pushed the status table's "Tendens" column out of sight at 1920 px.
  const keyFigure = join(source, "data", "indicators", "m5-offentligt-forsoergede.json");
  const indicator = JSON.parse(await readFile(keyFigure, "utf8")) as { series: { observations: { period: string; value: number }[] }[] };
  indicator.series.forEach((series, i) => series.observations.push({ period: "2020-K3", value: [6.1, 3.7][i] ?? 5 }));
  await writeFile(keyFigure, JSON.stringify(indicator, null, 2));
  const code = await runNew(["plan", "2027"], { source, log: () => {}, error: (line) => console.error(line) });
  if (code !== 0) throw new Error("npm run new -- plan 2027 failed");
  ({ out } = await buildFixture(source, { pdf: false }));
  paths = (await readdir(out, { recursive: true }))
    .map((f) => f.split("\\").join("/"))
    .filter((f) => f.endsWith("index.html") && !f.startsWith("print/") && !f.startsWith("pagefind/"))
    .map((f) => f.replace(/index\.html$/, ""))
    .sort();
  browser = await connectBrowser();
  page = await browser.newPage();
  // Other test files print and browse in the same shared browser at the same time; a page that is not
  // the focused one matches no :focus-visible, so the keyboard walk would see no focus style.
  const session = await page.createCDPSession();
  await session.send("Emulation.setFocusEmulationEnabled", { enabled: true });
  server = await serveFolder(out);
  await sealPage(page, server.origin, []);
  for (const path of paths) {
    await open(path);
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    const list: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewport({ width, height: 900 });
      await resized();
      list.push(...(await page.evaluate(measure)).map((p) => `${width} px: ${p}`));
    }
    // 200 % zoom of a 1280 px window: a 640 px layout drawn at twice the density.
    await page.setViewport({ width: 640, height: 450, deviceScaleFactor: 2 });
    await resized();
    list.push(...(await page.evaluate(measure)).map((p) => `200 %: ${p}`));
    await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 1 });
    problems.set(path, list);
  }
}, 300_000);

afterAll(async () => {
  await page?.close();
});

describe("at 320, 375, 768, 1024, 1280 and 1920 px and 200 % zoom, with every <details> open", () => {
  it("checked the real content, the 14-column table, the long addresses and the draft plan", () => {
    expect(paths.length).toBeGreaterThan(35);
    expect(paths.some((path) => path.startsWith("status/"))).toBe(true);
    expect(paths).toEqual(expect.arrayContaining(["", "bilag/indikatorer/", "bilag/brede-tabeller/maaneder/", "bilag/brede-tabeller/adresser/", "plan/2027/"]));
  });

  it("no page scrolls sideways, no table is clipped, every scroll region is named and focusable, and none is an empty tab stop", () => {
    expect([...problems].flatMap(([path, list]) => list.map((p) => `/${path}: ${p}`))).toEqual([]);
  });

  it("shows the 14 columns as label: value stacks at 320 px, and as one scrolling table at 1280 px", async () => {
    await open("bilag/brede-tabeller/maaneder/", 320);
    const narrow = await page.$eval("table.reflow", (table) => {
      const cell = table.querySelector("tbody td")!;
      return { display: getComputedStyle(cell).display, label: getComputedStyle(cell, "::before").content, width: table.getBoundingClientRect().width };
    });
    expect(narrow).toEqual({ display: "block", label: expect.stringMatching(/^"jan\."/), width: expect.any(Number) });
    expect(narrow.width).toBeLessThanOrEqual(320);
    await page.setViewport({ width: 1280, height: 900 });
    const wide = await page.$eval(".table-scroll", (region) => ({
      scrolls: region.scrollWidth > region.clientWidth,
      display: getComputedStyle(region.querySelector("td")!).display,
    }));
    expect(wide).toEqual({ scrolls: true, display: "table-cell" });
  });

  it("shows the key figures and every quarter's status whole from 1024 px, the new quarter included", async () => {
    const pages = ["bilag/indikatorer/", ...paths.filter((path) => /^status\/\d{4}-k\d\/$/.test(path))];
    expect(pages.length).toBeGreaterThan(3);
    const cut: string[] = [];
    for (const path of pages) {
      await open(path);
      for (const width of [1024, 1280, 1920]) {
        await page.setViewport({ width, height: 900 });
        const regions = await page.$$eval("table.overview, table.status-table", (tables) =>
          tables.map((t) => ({ id: t.querySelector("caption")!.id, region: t.parentElement!.scrollWidth - t.parentElement!.clientWidth })),
        );
        cut.push(...regions.filter((r) => r.region > 1).map((r) => `/${path} at ${width} px: #${r.id} is ${r.region} px wider than its region`));
      }
    }
    expect(await readHtml(out, "status/2020-k3/").then((html) => html.querySelector("table.status-table")!.text)).toContain("+0,2 procentpoint");
    expect(cut).toEqual([]);
  });

  it("makes a scroll region a tab stop, with a hint in words, only while its table is wider than it; without JavaScript every region is one", async () => {
    await open("bilag/brede-tabeller/maaneder/", 1280);
    const state = () =>
      page.$$eval(".table-scroll", (regions) =>
        regions.map((r) => `${r.getAttribute("aria-label")}: ${r.getAttribute("tabindex") ?? "none"}, ${getComputedStyle(r, "::before").content}`),
      );
    await resized();
    expect(await state()).toEqual(['Tabel: Modtagere pr. måned: 0, "Rul vandret for at se hele tabellen →" / ""', "Tabel: Ord og tal: none, none"]);
    // At 320 px the 14 columns become label: value stacks and fit; a focused region keeps its stop until it loses focus.
    await page.focus(".table-scroll");
    await page.setViewport({ width: 320, height: 900 });
    await resized();
    const narrow = 'Tabel: Ord og tal: 0, "Rul vandret for at se hele tabellen →" / ""'; // four columns do not stack, and scroll at 320 px
    expect(await state()).toEqual(["Tabel: Modtagere pr. måned: 0, none", narrow]);
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    expect(await state()).toEqual(["Tabel: Modtagere pr. måned: none, none", narrow]);
    // A Markdown table without a heading above it is named by its page's title.
    expect((await readHtml(out, "bilag/brede-tabeller/adresser/")).querySelector(".table-scroll")!.getAttribute("aria-label")).toBe("Tabel: Kilder med lange adresser");
    for (const path of paths) {
      const html = await readHtml(out, path);
      for (const region of html.querySelectorAll(".table-scroll")) {
        expect(region.getAttribute("tabindex"), `/${path}`).toBe("0");
        expect(region.getAttribute("role")).toBe("region");
        expect(region.getAttribute("aria-label") ?? html.querySelector(`#${region.getAttribute("aria-labelledby")}`)?.text.trim()).toBeTruthy();
      }
    }
  });

  it("aligns figures right and words left", async () => {
    await open("bilag/brede-tabeller/maaneder/", 1280);
    const align = await page.$$eval("table", (tables) =>
      tables.map((t) => [...t.querySelectorAll("tbody tr:first-child > *")].map((c) => `${c.textContent.trim()}:${getComputedStyle(c).textAlign}`)),
    );
    expect(align[0]!.slice(0, 2)).toEqual(["A-dagpenge:left", "12.345:right"]);
    expect(align[1]).toEqual(["Virksomhedspraktik:left", "Forsikrede ledige:left", "4,8 pct.:right", "−0,3 procentpoint:right"]);
    // Stacked on a phone, too: a text value under its label at the left, a figure at the right.
    await open("status/2020-k3/", 375);
    const stacked = await page.$eval("table.status-table tbody tr", (row) =>
      [...row.querySelectorAll("td")].map((c) => `${c.dataset.label}:${getComputedStyle(c).textAlign}:${getComputedStyle(c, "::before").float}`),
    );
    expect(stacked).toEqual([
      "Seneste tal:right:left",
      "Siden forrige periode:right:left",
      "På et år:right:left",
      "Mål:left:none",
      "Status:left:none",
      "Tendens:left:none",
    ]);
  });
});

/** Walks the page with Tab; for each stop: its text, the contrast of its text on its background, and whether focus is drawn. */
async function keyboardWalk(path: string, width: number): Promise<{ label: string; contrast: number; drawn: boolean }[]> {
  await open(path, width);
  const stops: { label: string; key: string; contrast: number; drawn: boolean }[] = [];
  const hex = (rgb: string) =>
    `#${(rgb.match(/\d+(\.\d+)?/g) ?? [])
      .slice(0, 3)
      .map((n) => Math.round(Number(n)).toString(16).padStart(2, "0"))
      .join("")}`;
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press("Tab");
    // Focus moves when the key event is handled; read the styles after the next frames are drawn,
    // so a stop is not measured before its :focus-visible style applies (seen on a loaded machine).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const stop = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return undefined;
      const style = getComputedStyle(e);
      let background = "rgba(0, 0, 0, 0)";
      for (let a: Element | null = e; a; a = a.parentElement) {
        const color = getComputedStyle(a).backgroundColor;
        if (!/rgba\(.*,\s*0\)$|transparent/.test(color)) {
          background = color;
          break;
        }
      }
      return {
        label: `<${e.tagName.toLowerCase()}> "${(e.textContent ?? "").trim().slice(0, 40)}"`,
        color: style.color,
        background: background === "rgba(0, 0, 0, 0)" ? "rgb(255, 255, 255)" : background,
        drawn: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none",
        key: e.outerHTML.slice(0, 200) + e.getBoundingClientRect().top,
      };
    });
    if (!stop) break;
    if (stops.some((s) => s.key === stop.key)) break; // round again
    stops.push({ label: stop.label, key: stop.key, contrast: contrastRatio(hex(stop.color), hex(stop.background)), drawn: stop.drawn });
  }
  return stops.map(({ label, contrast, drawn }) => ({ label, contrast, drawn }));
}

describe("by keyboard", () => {
  for (const [path, width] of [
    ["", 1280],
    ["", 375],
    ["bilag/indikatorer/maal-2/", 1280],
    ["bilag/indikatorer/maal-2/", 375],
  ] as const) {
    it(`/${path} at ${width} px: every stop is drawn and its text has at least 4.5:1 contrast while focused`, async () => {
      const stops = await keyboardWalk(path, width);
      expect(stops.length).toBeGreaterThan(10);
      expect(stops.filter((s) => !s.drawn || s.contrast < 4.5).map((s) => `${s.label}: ${s.contrast.toFixed(2)}:1${s.drawn ? "" : ", no focus indicator"}`)).toEqual([]);
    });
  }

  it("reaches the header links with dark text on the yellow focus", async () => {
    await open("", 1280);
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // site name
    await page.keyboard.press("Tab"); // first menu link
    const colors = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { inMenu: Boolean(document.activeElement!.closest(".main-nav")), color: style.color, background: style.backgroundColor };
    });
    expect(colors).toEqual({ inMenu: true, color: "rgb(26, 26, 26)", background: "rgb(255, 212, 0)" });
  });
});

describe("drafts", () => {
  it("the new draft plan is not an earlier or the current plan, and is marked as a draft where it is listed", async () => {
    const front = await readHtml(out, "");
    expect(front.querySelector("#arkiv")!.parentNode!.text).not.toContain("2027");
    expect(front.querySelector("#aktuel-plan")!.text).not.toContain("2027");
    const listed = front.querySelectorAll("a").filter((a) => a.text.includes("Beskæftigelsesplan 2027"));
    expect(listed.length).toBeGreaterThan(0);
    for (const link of listed) expect(link.parentNode!.text.toLowerCase(), link.parentNode!.toString()).toContain("udkast");
    const plan = await readHtml(out, "plan/2027/");
    expect(plan.querySelector(".notice-draft")?.text).toContain("Udkast");
    expect(plan.querySelector("title")?.text).toContain("udkast");
    expect(plan.querySelector(".breadcrumbs [aria-current]")?.text).toBe("Beskæftigelsesplan 2027 (udkast)");
    const chapter = await readHtml(out, "plan/2027/baggrund/");
    expect(chapter.querySelector(".breadcrumbs")!.text).toContain("Beskæftigelsesplan 2027 (udkast)");
    expect(chapter.querySelector(".document-nav-title")!.text).toContain("Udkast");
    expect(chapter.querySelector(".notice-draft")?.text).toContain("Udkast");
    // Search engines are asked not to keep a draft; adopted pages are not.
    for (const page of [plan, chapter]) expect(page.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(front.querySelector('meta[name="robots"]')).toBeNull();
    expect((await readHtml(out, "plan/2021/")).querySelector('meta[name="robots"]')).toBeNull();
    // Where documents are listed, every link to the draft or its PDF says so in its own words (a links list reads nothing around them).
    const archive = await readHtml(out, "arkiv/");
    const draftLinks = [front, archive].flatMap((html) =>
      html.querySelectorAll("a").filter((a) => /^\/(plan\/2027\/|pdf\/beskaeftigelsesplan-2027\.pdf)$/.test(a.getAttribute("href") ?? "")),
    );
    expect(draftLinks.length).toBeGreaterThanOrEqual(2);
    expect(draftLinks.filter((a) => !/udkast/i.test(a.text)).map((a) => a.toString())).toEqual([]);
    const entry = archive.querySelectorAll(".archive-list li").find((li) => li.querySelector("h3")!.text.includes("Beskæftigelsesplan 2027"));
    expect(entry?.querySelector("h3")!.text).toContain("Udkast");
    expect(entry?.querySelector("h3")!.text).not.toContain("Gældende");
  });
});

describe("search", () => {
  async function search(query: string): Promise<{ status: string; results: { title: string; document: string; excerpt: string }[] }> {
    await open(`soeg/?q=${encodeURIComponent(query)}`);
    // Settled: the status is written and the first results are shown (or there are none).
    await page.waitForFunction(
      () => {
        const status = document.querySelector("[data-search-status]")!.textContent ?? "";
        return status !== "" && (document.querySelector(".search-result") !== null || status.startsWith("Ingen resultater"));
      },
      { timeout: 50_000 },
    );
    return page.evaluate(() => ({
      status: document.querySelector("[data-search-status]")!.textContent,
      results: [...document.querySelectorAll(".search-result")].map((li) => ({
        title: li.querySelector("h2")!.textContent,
        document: li.querySelector(".search-result-document")?.textContent ?? "",
        excerpt: li.querySelector(".search-result-excerpt")!.textContent,
      })),
    }));
  }

  // Field case 21: "beskaeftigelse" found no page, and "fokusomraade" led with pages that only say "fokus".
  it("finds the æ/ø/å words from spellings with ae, oe and aa", async () => {
    const typed = await search("beskaeftigelse");
    const proper = await search("beskæftigelse");
    expect(typed.results.length).toBeGreaterThan(0);
    expect(typed.status).toMatch(/^\d+ resultater for »beskaeftigelse«/);
    expect(typed.results.map((r) => r.title)).toEqual(proper.results.map((r) => r.title));

    const focus = await search("fokusomraade");
    expect(focus.status).not.toContain("præcis");
    // The same pages as the proper spelling: not also those Pagefind finds for "fokus", its nearest word to the typed one.
    const pages = (found: typeof focus) => [found.status.replace(/ for .*/, ""), ...found.results.map((r) => `${r.title} ${r.document}`).sort()];
    expect(pages(focus)).toEqual(pages(await search("fokusområde")));
    expect(pages(await search("oejenhoejde"))).toEqual(pages(await search("øjenhøjde")));
    const top = focus.results.slice(0, 5).map((r) => `${r.title} ${r.document}`);
    expect(top.some((r) => r.includes("Bilag 1 – Fokusområder"))).toBe(true);
    expect(top.some((r) => r.includes("2022"))).toBe(true);
    expect(focus.results[0]!.excerpt.toLowerCase()).toContain("fokusområde");
  });

  it("says so when no page has the words exactly, and names the document each result comes from", async () => {
    const near = await search("jobcentrenes");
    expect(near.results.length).toBeGreaterThan(0);
    expect(near.status).toContain("Ingen sider indeholder præcis »jobcentrenes«");
    const some = await search("ledige");
    const chapter = some.results.find((r) => r.document);
    expect(chapter?.document).toMatch(/^Fra (Beskæftigelsesplan|Beskæftigelsesstrategi|Bilag \d).*\d{4}/);
  });

  it("finds a compound by its later part", async () => {
    // "ydelsesregister" is the only form of the word on that page; Pagefind alone finds words by their beginning.
    const found = await search("register");
    expect(found.results.map((r) => r.title)).toContain("Kilder med lange adresser");
  });

  it('moves the focus to the first new result after "Vis flere resultater"', async () => {
    await search("beskaeftigelse");
    const before = await page.$$eval(".search-result", (items) => items.length);
    await page.focus(".search-more");
    await page.keyboard.press("Enter");
    expect(before).toBe(10);
    // The new results and the focus arrive together; wait for both, polling by time, since a page the
    // shared browser does not show gets no animation frames.
    await page.waitForFunction(
      (n) => document.querySelectorAll(".search-result").length > n && document.activeElement?.closest(".search-result") != null,
      { timeout: 50_000, polling: 100 },
      before,
    );
    const focused = await page.evaluate(() => {
      const items = [...document.querySelectorAll(".search-result")];
      return items.indexOf(document.activeElement!.closest(".search-result")!);
    });
    expect(focused).toBe(before);
  });
});
