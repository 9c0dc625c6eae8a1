// Finds the Chromium that prints the PDFs: an explicit setting, then the system, then Puppeteer's
// cache. Where none is found and we may (root on Debian), installs Debian's chromium package.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export const INSTALL_HINT =
  "Chromium blev ikke fundet. Installér det med: sudo apt-get install chromium (Debian/Ubuntu), " +
  "eller peg på en installeret Chrome/Chromium med miljøvariablen CHROMIUM_PATH=/sti/til/chromium.";

function fromPuppeteerCache(): string | undefined {
  const base = join(process.env.PUPPETEER_CACHE_DIR ?? join(homedir(), ".cache", "puppeteer"), "chrome");
  if (!existsSync(base)) return undefined;
  for (const version of readdirSync(base).sort().reverse()) {
    const candidate = join(base, version, "chrome-linux64", "chrome");
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.CHROMIUM_PATH ?? env.PUPPETEER_EXECUTABLE_PATH;
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  return SYSTEM_PATHS.find((path) => existsSync(path)) ?? fromPuppeteerCache();
}

function canInstall(): boolean {
  return process.platform === "linux" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
}

/** The Chromium path, installing Debian's package first where that is possible. */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH ?? process.env.PUPPETEER_EXECUTABLE_PATH) {
    throw new Error(`CHROMIUM_PATH peger på en fil, der ikke findes. ${INSTALL_HINT}`);
  }
  if (!canInstall()) throw new Error(INSTALL_HINT);
  log("Chromium mangler: installerer Debians pakke chromium (det tager et par minutter første gang) …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "--no-install-recommends", "chromium"],
  ]) {
    const result = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} fejlede. ${INSTALL_HINT}`);
  }
  const installed = findChromium();
  if (!installed) throw new Error(INSTALL_HINT);
  log(`Chromium installeret: ${execFileSync(installed, ["--version"], { encoding: "utf8" }).trim()}`);
  return installed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    console.log(`Chromium: ${ensureChromium()}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
