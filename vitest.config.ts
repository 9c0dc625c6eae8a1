import { defineConfig } from "vitest/config";

// Two projects: `unit` (no browser, no Eleventy build) and `e2e` (builds sites and PDFs, opens them
// in the one shared Chromium). Run one alone with `npx vitest run --project unit` (or `e2e`).
// Unit files share their workers' module cache (isolate: false): they keep no state between files,
// and loading Vega, jsdom, zod and Eleventy once per worker instead of once per file is most of
// their time. The e2e files share theirs too (each file builds into its own temporary folders),
// and the real content is built once for all of them (realContent() in test/helpers.ts).
// Time limits only catch hangs: they are generous, because a shared or loaded 2-core machine
// (CI) can be many times slower than a quiet one; speed is measured by `npm run bench`.
export default defineConfig({
  test: {
    env: { TZ: "UTC", SOURCE_DATE_EPOCH: "1700000000" },
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 120_000, isolate: false },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // One Chromium for every browser test, started once (test/global-setup.ts).
          globalSetup: ["test/global-setup.ts"],
          isolate: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
