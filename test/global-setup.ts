// Starts the one Chromium that all browser tests share; tests connect with connectBrowser().
import type { TestProject } from "vitest/node";
import { launchBrowser } from "../scripts/pdf/browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    browserWSEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const browser = await launchBrowser(undefined, { shared: true });
  project.provide("browserWSEndpoint", browser.wsEndpoint());
  return async () => {
    await browser.close();
  };
}
