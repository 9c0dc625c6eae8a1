import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One Chromium for every browser test, started once (test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    env: { TZ: "UTC", SOURCE_DATE_EPOCH: "1700000000" },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
