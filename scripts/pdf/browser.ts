// One Chromium per build, started with the flags that keep it off the network.
import puppeteer, { type Browser } from "puppeteer-core";
import { messages } from "../messages.ts";
import { ensureChromium } from "../setup/chromium.ts";

/** Chromium processes this process started (each leads its own process group). */
const launched = new Set<number>();

/**
 * Kills every Chromium this process launched, with all of its helper processes (its process group).
 * For signal handlers: the build's own handlers say why it stopped instead of Puppeteer's "Target closed".
 */
export function killBrowsers(): void {
  for (const pid of launched) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  launched.clear();
}

/**
 * Launches Chromium over a pipe, not a WebSocket: when this process dies, even by SIGKILL, the pipe
 * closes and Chromium quits with every helper process, so no browser outlives a killed build.
 * `shared`: over a WebSocket instead, for other processes to connect to (wsEndpoint()).
 */
export async function launchBrowser(log?: (line: string) => void, options: { shared?: boolean } = {}): Promise<Browser> {
  const executablePath = ensureChromium(log);
  const browser = await puppeteer
    .launch({
      executablePath,
      headless: true,
      // A browser that other processes connect to (the tests' shared one) needs its WebSocket.
      pipe: !options.shared,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
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
    })
    .catch((error: unknown) => {
      // Puppeteer's own words ("Failed to launch the browser process! … Code: 1"), told in Danish with the path.
      const text = String((error as Error).message ?? error);
      const code = /Code: (\d+)/.exec(text)?.[1];
      const own = /stderr:\s*\n?([^\n]+)/.exec(text)?.[1]?.trim();
      const reason = `${code ? `programmet stoppede med fejlkode ${code}` : "programmet svarede ikke"}${own ? ` (Chromiums egen besked: ${own})` : ""}`;
      const { message, hint } = messages.chromiumFailed(executablePath, reason);
      throw new Error(`${message}\n    Sådan retter du det: ${hint}`, { cause: error });
    });
  const pid = browser.process()?.pid;
  if (pid) {
    launched.add(pid);
    browser.once("disconnected", () => launched.delete(pid));
  }
  return browser;
}
