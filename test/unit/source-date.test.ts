// The PDFs' date without git history (a ZIP download): the newest file's time, with a warning; never 1970.
import { mkdir, mkdtemp, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sourceDateEpoch } from "../../scripts/build.ts";
import { messages } from "../../scripts/messages.ts";

describe("the PDFs' date", () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  beforeEach(() => {
    delete process.env.SOURCE_DATE_EPOCH;
  });
  afterEach(() => {
    process.env.SOURCE_DATE_EPOCH = saved;
  });

  it("comes from the newest file in content/ and data/ when there is no git history, and says so", async () => {
    const project = await mkdtemp(join(tmpdir(), "bp-nogit-"));
    await mkdir(join(project, "content"));
    await mkdir(join(project, "data"));
    await writeFile(join(project, "content", "index.md"), "x");
    await writeFile(join(project, "data", "site.json"), "{}");
    const newest = new Date("2031-03-04T05:06:07Z");
    await utimes(join(project, "data", "site.json"), newest, newest);
    await utimes(join(project, "content", "index.md"), new Date("2030-01-01T00:00:00Z"), new Date("2030-01-01T00:00:00Z"));
    const lines: string[] = [];
    const epoch = await sourceDateEpoch(project, project, (line) => lines.push(line));
    expect(epoch).toBe(newest.getTime() / 1000);
    expect(lines.join("\n")).toContain(messages.noSourceDate("2031-03-04").message);
  });

  it("takes SOURCE_DATE_EPOCH when it is set", async () => {
    process.env.SOURCE_DATE_EPOCH = "1700000000";
    expect(await sourceDateEpoch("/nonexistent", "/nonexistent", () => {})).toBe(1700000000);
  });
});
