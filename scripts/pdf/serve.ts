// Sealed page loading: a page may load only from the local server of the built pages
// (lib/serve.ts); every other request is refused and recorded, so a PDF never depends on (or waits
// for) the network.
import type { HTTPRequest, Page } from "puppeteer-core";

/** Lets `page` load from `origin`'s host only; what it tried to load elsewhere is pushed to `blocked`. */
export async function sealPage(page: Page, origin: string, blocked: string[]): Promise<void> {
  const allowed = `${new URL(origin).origin}/`;
  await page.setRequestInterception(true);
  page.on("request", (request: HTTPRequest) => {
    if (request.url().startsWith(allowed)) return void request.continue();
    blocked.push(request.url());
    void request.abort("blockedbyclient");
  });
}
