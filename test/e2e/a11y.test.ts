// Accessibility of every built page of the real content (WCAG 2.1 AA, Danish web accessibility
// law), tested in the shared Chromium: axe-core, the Nu HTML Checker, headings, tables, charts,
// 320 px and 200 % zoom without horizontal scrolling, visible focus, and pages without JavaScript.
// The shared build of the real content (under its sub-path, with the print pages kept) serves every check.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse, type HTMLElement as Parsed } from "node-html-parser";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pMap from "p-map";
import { serveFolder, type FolderServer } from "../../scripts/lib/serve.ts";
import { sealPage } from "../../scripts/pdf/serve.ts";
import { REAL_PREFIX, ROOT, connectBrowser, realContent } from "../helpers.ts";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const CONCURRENCY = 4;

let out: string;
let browser: Browser;
let server: FolderServer;
/** Every HTML page, as its URL path below the site root: "", "plan/2021/", "print/plan-2021/". */
let paths: string[];
const html = new Map<string, Parsed>();

interface PageResult {
  violations: string[];
  width320: number;
  width200: number;
  external: string[];
  errors: string[];
}
const results = new Map<string, PageResult>();
/** The Nu HTML Checker's messages, checked (in Java) while the browser works through the pages. */
let vnu: Promise<string[]>;

async function runVnu(): Promise<string[]> {
  const jar = join(ROOT, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
  const { stdout, stderr } = await promisify(execFile)("java", ["-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", "--exit-zero-always", out], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(stdout || stderr) as { messages: { url: string; message: string; lastLine?: number }[] };
  return report.messages.map((m) => `${m.url.slice(m.url.indexOf(out) + out.length)}:${m.lastLine}: ${m.message}`);
}

async function open(path: string, options: { javaScript?: boolean; width?: number } = {}): Promise<{ page: Page; external: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  if (options.javaScript === false) await page.setJavaScriptEnabled(false);
  await sealPage(page, server.origin, blocked);
  await page.setViewport({ width: options.width ?? 1280, height: 900 });
  await page.goto(`${server.origin}/${path}`, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  return { page, external: blocked, errors };
}

beforeAll(async () => {
  const shared = await realContent();
  // The print pages are checked beside the site (they are never published): the same assets, one
  // folder, a copy (the shared build is read-only).
  out = join(await mkdtemp(join(tmpdir(), "bp-a11y-")), "site");
  await cp(shared.out, out, { recursive: true, filter: (file) => !file.endsWith(".pdf") });
  await cp(join(shared.printDir, "print"), join(out, "print"), { recursive: true });
  server = await serveFolder(out, REAL_PREFIX);
  browser = await connectBrowser();
  vnu = runVnu();
  vnu.catch(() => {}); // awaited (and reported) in its test
  const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind"));
  paths = files
    .map((f) =>
      f
        .split("\\")
        .join("/")
        .replace(/index\.html$/, ""),
    )
    .sort();
  for (const path of paths) html.set(path, parse(await readFile(join(out, path, "index.html"), "utf8")));

  const axe = await readFile(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  await pMap(
    paths,
    async (path) => {
      const { page, external, errors } = await open(path);
      try {
        await page.evaluate(axe);
        const violations = await page.evaluate(async (tags) => {
          const axeApi = (
            window as unknown as {
              axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> };
            }
          ).axe;
          const result = await axeApi.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
          return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
        }, TAGS);
        await page.setViewport({ width: 320, height: 640 });
        const width320 = await page.evaluate(() => document.documentElement.scrollWidth);
        // 200 % zoom of a 1280 px window: a 640 px wide layout drawn at twice the density.
        await page.setViewport({ width: 640, height: 450, deviceScaleFactor: 2 });
        const width200 = await page.evaluate(() => document.documentElement.scrollWidth);
        results.set(path, { violations, width320, width200, external, errors });
      } finally {
        await page.close();
      }
    },
    { concurrency: CONCURRENCY },
  );
});

afterAll(() => server.close());

/** The print pages are A4 paged media that the PDFs are made from; the site does not link to them. */
const isPrint = (path: string) => path.startsWith("print/");
const check = (list: string[], test: (path: string, result: PageResult) => string[]) =>
  list.flatMap((path) => test(path, results.get(path)!).map((problem) => `/${path}: ${problem}`));
const everyPage = (test: (path: string, result: PageResult) => string[]) => check(paths, test);
const readerPages = (test: (path: string, result: PageResult) => string[]) =>
  check(
    paths.filter((p) => !isPrint(p)),
    test,
  );

describe("every page", () => {
  it("was checked", () => {
    expect(paths.length).toBeGreaterThan(30);
    expect(paths).toContain("");
    expect(paths).toContain("soeg/");
    expect(results.size).toBe(paths.length);
  });

  it("has no axe-core violations of WCAG 2.1 A and AA", () => {
    expect(readerPages((_, r) => r.violations)).toEqual([]);
  });

  it("has no axe-core violations of WCAG 2.1 A and AA on the print pages either", () => {
    expect(check(paths.filter(isPrint), (_, r) => r.violations)).toEqual([]);
  });

  it("passes the Nu HTML Checker without errors", async () => {
    expect(await vnu).toEqual([]);
  }, 120_000);

  it("fits 320 px and 200 % zoom without horizontal scrolling", () => {
    expect(
      readerPages((_, r) => [r.width320 > 320 ? `${r.width320} px wide at 320 px` : "", r.width200 > 640 ? `${r.width200} px wide at 200 %` : ""].filter(Boolean)),
    ).toEqual([]);
  });

  it("makes no requests outside the site and logs no errors", () => {
    expect(everyPage((_, r) => [...r.external.map((url) => `requested ${url}`), ...r.errors])).toEqual([]);
  });

  it("is Danish, starts with a skip link to the main content and has one h1", () => {
    expect(
      everyPage((path) => {
        const root = html.get(path)!;
        const problems: string[] = [];
        if (root.querySelector("html")?.getAttribute("lang") !== "da") problems.push('lang is not "da"');
        if (isPrint(path)) return problems;
        const first = root.querySelector("body a");
        const target = first?.getAttribute("href")?.slice(1) ?? "";
        if (!first?.classList.contains("skip-link") || !root.querySelector(`main#${target}`)) problems.push("no skip link to <main> first");
        if (root.querySelectorAll("h1").length !== 1) problems.push(`${root.querySelectorAll("h1").length} h1`);
        return problems;
      }),
    ).toEqual([]);
  });

  it("has headings in order, without skipped levels", () => {
    expect(
      everyPage((path) => {
        const levels = html
          .get(path)!
          .querySelectorAll("h1, h2, h3, h4, h5, h6")
          .map((h) => ({ level: Number(h.tagName[1]), text: h.text.trim().slice(0, 50) }));
        const problems: string[] = [];
        if (levels[0]?.level !== 1) problems.push(`first heading is h${levels[0]?.level}`);
        levels.forEach((h, i) => {
          if (i > 0 && h.level > levels[i - 1]!.level + 1) problems.push(`h${levels[i - 1]!.level} is followed by h${h.level} "${h.text}"`);
        });
        return problems;
      }),
    ).toEqual([]);
  });

  it("gives every table headers and a name, every chart and image a text alternative", () => {
    expect(
      everyPage((path) => {
        const root = html.get(path)!;
        const text = (ids: string) =>
          ids
            .split(/\s+/)
            .map((id) => root.getElementById(id)?.text.trim() ?? "")
            .join(" ")
            .trim();
        const problems: string[] = [];
        for (const table of root.querySelectorAll("table")) {
          if (!table.querySelector("th")) problems.push("a table without header cells");
          const name = table.querySelector("caption")?.text.trim() || table.getAttribute("aria-label") || text(table.getAttribute("aria-labelledby") ?? "");
          if (!name) problems.push("a table without a caption");
        }
        for (const svg of root.querySelectorAll("figure svg")) {
          if (svg.getAttribute("role") !== "img" || !text(svg.getAttribute("aria-labelledby") ?? "")) problems.push("a chart without a text alternative");
        }
        for (const img of root.querySelectorAll("img")) if (img.getAttribute("alt") === undefined) problems.push("an image without alt");
        return problems;
      }),
    ).toEqual([]);
  });

  it("has no inline scripts, event handlers or inline styles, and a Content Security Policy of 'self'", () => {
    expect(
      everyPage((path) => {
        const root = html.get(path)!;
        const problems: string[] = [];
        for (const script of root.querySelectorAll("script")) if (!script.getAttribute("src")) problems.push("an inline script");
        for (const element of root.querySelectorAll("*")) {
          for (const name of Object.keys(element.attributes)) if (/^on/i.test(name)) problems.push(`an event handler ${name}`);
        }
        // The print pages set their running headers with a <style> of their own (never seen by readers).
        if (isPrint(path)) return problems;
        if (root.querySelector("style")) problems.push("a <style> element");
        for (const element of root.querySelectorAll("[style]")) problems.push(`a style attribute on <${element.tagName.toLowerCase()}>`);
        const csp = root.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
        if (!/default-src 'self'/.test(csp) || /'unsafe-inline'|'unsafe-eval'|https?:|\*/.test(csp)) problems.push(`CSP "${csp}"`);
        return problems;
      }),
    ).toEqual([]);
  });
});

describe("in the browser", () => {
  it("shows where the keyboard focus is", async () => {
    const { page } = await open("plan/2021/baggrund/");
    try {
      const focused = async () =>
        page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return {
            text: element.textContent?.trim() ?? "",
            tag: element.tagName,
            visible: box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight,
            indicated: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none",
          };
        });
      await page.keyboard.press("Tab");
      expect(await focused()).toEqual({ text: "Gå til indhold", tag: "A", visible: true, indicated: true });
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("indhold");
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press("Tab");
        const now = await focused();
        expect(now.indicated, `${now.tag} "${now.text}"`).toBe(true);
      }
    } finally {
      await page.close();
    }
  });

  it("works without JavaScript: text, figures, the figures' tables and the menu", async () => {
    const { page } = await open("bilag/indikatorer/maal-2/", { javaScript: false, width: 320 });
    try {
      expect(await page.$eval("h1", (h) => h.textContent)).toBeTruthy();
      expect(await page.$$eval("figure.chart svg", (svgs) => svgs.length)).toBeGreaterThan(0);
      await page.click("details.chart-data summary");
      expect(await page.$eval("details.chart-data", (d) => d.open && d.querySelector("table")!.getBoundingClientRect().height > 0)).toBe(true);
      expect(await page.$$eval(".main-nav a", (links) => links.every((a) => a.getBoundingClientRect().width > 0))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    } finally {
      await page.close();
    }
  });

  it("explains on the search page that search needs JavaScript, and keeps the form", async () => {
    const { page } = await open("soeg/?q=ledighed", { javaScript: false });
    try {
      expect(await page.$eval("[data-search-fallback]", (e) => (e as HTMLElement).offsetHeight > 0 && e.textContent)).toContain("kræver JavaScript");
      expect(await page.$eval("form[role=search]", (f) => f.getAttribute("action"))).toBe(`${REAL_PREFIX}soeg/`);
    } finally {
      await page.close();
    }
  });
});
