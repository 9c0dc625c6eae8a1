// The bench's synthetic project (scripts/bench/synthetic.ts) must stay a valid project as the
// content rules grow, or `npm run bench` would fail long after the rule that broke it landed.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { writeSyntheticFixture } from "../../scripts/bench/synthetic.ts";
import { loadModel } from "../../scripts/content/files.ts";

it("writes a project that passes the content checks", async () => {
  const dir = join(await mkdtemp(join(tmpdir(), "bp-synthetic-")), "project");
  try {
    const summary = await writeSyntheticFixture(dir, 1);
    const model = await loadModel(dir);
    expect(model.indicators.size).toBe(summary.indicators);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
