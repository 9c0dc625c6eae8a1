// One Chromium per build, started with the flags that keep it off the network.
import puppeteer, { type Browser } from "puppeteer-core";
import { messages } from "../messages.ts";
import { ensureChromium } from "../setup/chromium.ts";

export async function launchBrowser(log?: (line: string) => void): Promise<Browser> {
  const executablePath = ensureChromium(log);
  return launch(executablePath).catch((error: unknown) => {
    // Puppeteer's own words ("Failed to launch the browser process! … Code: 1"), told in Danish with the path.
    const text = String((error as Error).message ?? error);
    const code = /Code: (\d+)/.exec(text)?.[1];
    const own = /stderr:\s*\n?([^\n]+)/.exec(text)?.[1]?.trim();
    const reason = `${code ? `programmet stoppede med fejlkode ${code}` : "programmet svarede ikke"}${own ? ` (Chromiums egen besked: ${own})` : ""}`;
    const { message, hint } = messages.chromiumFailed(executablePath, reason);
    throw new Error(`${message}\n    Sådan retter du det: ${hint}`, { cause: error });
  });
}

function launch(executablePath: string): Promise<Browser> {
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
