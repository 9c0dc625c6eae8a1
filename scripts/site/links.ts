// Link checking over a built site folder: every href, src, action and srcset in the HTML and every
// url() in the CSS must point at a file in the folder (below the path prefix), and every #fragment
// at an id on the target page. External links are listed, not fetched. Run it on a build:
//
//   node scripts/site/links.ts dist [/path-prefix/]
import { readFile, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "node-html-parser";

export interface LinkProblem {
  /** The file the link is in, relative to the folder: "plan/2021/index.html". */
  file: string;
  url: string;
  problem: string;
}

export interface LinkReport {
  pages: number;
  /** Internal links and references checked. */
  checked: number;
  /** External addresses found (not fetched). */
  external: string[];
  problems: LinkProblem[];
}

export interface LinkOptions {
  /** The site's path prefix, "/" (default) or e.g. "/beskaeftigelsesplan/". */
  pathPrefix?: string;
  /** Files (relative to the folder) that may be missing, e.g. the PDFs of a build without PDFs. */
  allowMissing?: (file: string) => boolean;
}

const ORIGIN = "http://site.invalid";
const ATTRIBUTES = ["href", "src", "action", "poster", "data"];
const EXTERNAL = /^(https?:|mailto:|tel:|\/\/)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The URL a file is served at: "plan/2021/index.html" -> "/prefix/plan/2021/". */
function urlOfFile(file: string, prefix: string): string {
  return prefix + file.replace(/(^|\/)index\.html$/, "$1");
}

/** Every URL an HTML page refers to, with the ids it defines. */
function readHtml(text: string): { urls: string[]; ids: Set<string> } {
  const root = parse(text, { comment: false, blockTextElements: { script: true, style: true, pre: true } });
  const urls: string[] = [];
  for (const element of root.querySelectorAll("*")) {
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== undefined && !(name === "data" && element.tagName !== "OBJECT")) urls.push(value);
    }
    const srcset = element.getAttribute("srcset");
    if (srcset)
      urls.push(
        ...srcset
          .split(",")
          .map((part) => part.trim().split(/\s+/)[0] ?? "")
          .filter(Boolean),
      );
  }
  const ids = new Set<string>();
  for (const element of root.querySelectorAll("[id]")) ids.add(element.getAttribute("id")!);
  for (const element of root.querySelectorAll("a[name]")) ids.add(element.getAttribute("name")!);
  return { urls, ids };
}

function readCss(text: string): string[] {
  const urls: string[] = [];
  for (const match of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g)) {
    const url = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? "";
    if (!url.startsWith("#") && !/^data:/i.test(url)) urls.push(url);
  }
  return urls;
}

export async function checkLinks(dir: string, options: LinkOptions = {}): Promise<LinkReport> {
  const prefix = options.pathPrefix ?? "/";
  const root = resolve(dir);
  const files = new Set(
    (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) =>
        join(entry.parentPath, entry.name)
          .slice(root.length + 1)
          .split("\\")
          .join("/"),
      ),
  );
  const pages = new Map<string, { urls: string[]; ids: Set<string> }>();
  const styles = new Map<string, string[]>();
  for (const file of files) {
    if (file.endsWith(".html")) pages.set(file, readHtml(await readFile(join(root, file), "utf8")));
    else if (file.endsWith(".css")) styles.set(file, readCss(await readFile(join(root, file), "utf8")));
  }

  const report: LinkReport = { pages: pages.size, checked: 0, external: [], problems: [] };
  const check = (file: string, raw: string) => {
    const url = raw.trim();
    const problem = (text: string) => report.problems.push({ file, url: raw, problem: text });
    if (url === "") return problem("tomt link");
    if (EXTERNAL.test(url)) return void report.external.push(url);
    if (SCHEME.test(url)) return /^data:/i.test(url) ? undefined : problem("ukendt adresseform");
    report.checked++;
    const target = new URL(url, ORIGIN + urlOfFile(file, prefix));
    if (!target.pathname.startsWith(prefix)) return problem(`uden for webstedets sti ${prefix}`);
    let path: string;
    try {
      path = decodeURIComponent(target.pathname.slice(prefix.length));
    } catch {
      return problem("ugyldig adresse");
    }
    const targetFile = path === "" || path.endsWith("/") ? `${path}index.html` : path;
    if (!files.has(targetFile)) {
      if (files.has(`${targetFile}/index.html`)) return problem("mappe uden afsluttende skråstreg");
      if (options.allowMissing?.(targetFile)) return;
      return problem("findes ikke");
    }
    if (target.hash === "" && !url.includes("#")) return;
    const id = decodeURIComponent(target.hash.slice(1));
    if (id === "") return problem("tomt #-anker");
    const ids = pages.get(targetFile)?.ids;
    if (ids && !ids.has(id)) problem(`siden har intet id="${id}"`);
  };
  for (const [file, page] of pages) for (const url of page.urls) check(file, url);
  for (const [file, urls] of styles) for (const url of urls) check(file, url);
  report.external = [...new Set(report.external)].sort();
  return report;
}

async function main(): Promise<void> {
  const [dir = "dist", prefix = "/"] = process.argv.slice(2);
  const report = await checkLinks(dir, { pathPrefix: prefix });
  for (const p of report.problems) console.error(`${p.file}: ${p.url} – ${p.problem}`);
  console.log(`${report.pages} sider, ${report.checked} interne links, ${report.external.length} eksterne adresser, ${report.problems.length} fejl.`);
  if (report.problems.length) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
