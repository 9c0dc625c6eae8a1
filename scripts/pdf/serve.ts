// Sealed page loading: every request the page makes is answered from the built site on disk or
// refused, so a PDF never depends on (or waits for) the network.
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import type { HTTPRequest, Page } from "puppeteer-core";

export const ORIGIN = "http://site.invalid";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".json": "application/json",
};

/** The file in `root` that a URL path (below the path prefix) maps to, or undefined if outside. */
export function fileForUrl(root: string, pathPrefix: string, url: string): string | undefined {
  if (!url.startsWith(ORIGIN)) return undefined;
  let path = decodeURIComponent(new URL(url).pathname);
  if (!path.startsWith(pathPrefix)) return undefined;
  path = path.slice(pathPrefix.length);
  if (path === "" || path.endsWith("/")) path += "index.html";
  const file = normalize(join(root, path));
  return file.startsWith(normalize(root)) ? file : undefined;
}

export async function sealPage(page: Page, root: string, pathPrefix: string, blocked: string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on("request", (request: HTTPRequest) => {
    void (async () => {
      const file = fileForUrl(root, pathPrefix, request.url());
      if (!file) {
        blocked.push(request.url());
        return request.abort("blockedbyclient");
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error("not a file");
        const body = await readFile(file);
        await request.respond({ status: 200, contentType: TYPES[extname(file)] ?? "application/octet-stream", body });
      } catch {
        await request.respond({ status: 404, contentType: "text/plain", body: "Ikke fundet" });
      }
    })();
  });
}
