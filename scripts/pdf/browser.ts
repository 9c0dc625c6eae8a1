// One Chromium per build, started with the flags that keep it off the network.
import puppeteer, { type Browser } from "puppeteer-core";
import { ensureChromium } from "../setup/chromium.ts";

export async function launchBrowser(log?: (line: string) => void): Promise<Browser> {
  const executablePath = ensureChromium(log);
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--font-render-hinting=none",
    ],
  });
}
