// Set-up of the e2e project: starts the one Chromium that all browser tests share (tests connect
// with connectBrowser()) and names the folder of the one shared build of the real content (built
// by the first test file that asks for it, realContent() in test/helpers.ts).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { launchBrowser } from "../scripts/pdf/browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    browserWSEndpoint: string;
    realContentDir: string;
  }
}

export default async function setup(project: TestProject) {
  const browser = await launchBrowser(undefined, { shared: true });
  const realContentDir = await mkdtemp(join(tmpdir(), "bp-real-"));
  project.provide("browserWSEndpoint", browser.wsEndpoint());
  project.provide("realContentDir", realContentDir);
  return async () => {
    await browser.close();
    await rm(realContentDir, { recursive: true, force: true });
  };
}
