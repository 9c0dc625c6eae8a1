// No broken links: the real content built with its PDFs at the root and under a sub-path, and every
// href, src, action and CSS url() (with #fragments) checked against the files that came out.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkLinks, type LinkReport } from "../../scripts/site/links.ts";
import { ROOT, buildFixture } from "../helpers.ts";

const PREFIX = "/beskaeftigelsesplan/";
const builds: Record<string, { out: string; report: LinkReport }> = {};

beforeAll(async () => {
  for (const prefix of ["/", PREFIX]) {
    const { out } = await buildFixture(ROOT, { pathPrefix: prefix });
    builds[prefix] = { out, report: await checkLinks(out, { pathPrefix: prefix }) };
  }
}, 240_000);

describe.each(["/", PREFIX])("the site built for %s", (prefix) => {
  it("has no broken links, files or anchors", () => {
    const { report } = builds[prefix]!;
    expect(report.pages).toBeGreaterThan(30);
    expect(report.checked).toBeGreaterThan(900);
    expect(report.problems.map((p) => `${p.file}: ${p.url} – ${p.problem}`)).toEqual([]);
  });

  it("links only to the web addresses it means to", () => {
    for (const url of builds[prefix]!.report.external) expect(url).toMatch(/^(https:\/\/|mailto:)/);
  });

  it("publishes every PDF it links to", async () => {
    const pdfs = await readdir(join(builds[prefix]!.out, "pdf"));
    expect(pdfs.length).toBeGreaterThanOrEqual(5);
    expect(pdfs.every((name) => name.endsWith(".pdf"))).toBe(true);
  });
});
