// No broken links: the real content built with its PDFs under a sub-path (the shared build) and at
// the root, and every href, src, action and CSS url() (with #fragments) checked against the files
// that came out. The root build is a publisher's `--no-pdf` rebuild of a copy of the shared one, so
// it keeps (and links) the same PDFs without printing them again.
import { cp, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { checkLinks, type LinkReport } from "../../scripts/site/links.ts";
import { REAL_PREFIX as PREFIX, ROOT, buildFixture, realContent } from "../helpers.ts";

const builds: Record<string, { out: string; report: LinkReport }> = {};
const rootLog: string[] = [];
/** What reached the console during the root build besides the build's own log: Eleventy's lines. */
const consoleLines: string[] = [];

beforeAll(async () => {
  const shared = await realContent();
  const root = join(await mkdtemp(join(tmpdir(), "bp-links-")), "dist");
  await cp(shared.out, root, { recursive: true });
  const spies = (["log", "info", "warn", "error"] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(args.join(" "))),
  );
  try {
    await buildFixture(ROOT, { outDir: root, pdf: false, pathPrefix: "/", log: (line) => rootLog.push(line) });
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  for (const [prefix, out] of [
    ["/", root],
    [PREFIX, shared.out],
  ] as const) {
    builds[prefix] = { out, report: await checkLinks(out, { pathPrefix: prefix }) };
  }
});

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

it("warns that PDFs kept by --no-pdf do not show changes made since they were printed", () => {
  const kept = rootLog.find((line) => line.startsWith("Advarsel: de "));
  expect(kept).toMatch(
    /^Advarsel: de \d+ PDF'er er fra sidste bygning \(--no-pdf\), så ændringer siden da står på siderne, men ikke i PDF'erne\.\n {4}Sådan retter du det: Byg uden --no-pdf/,
  );
});

it("reports progress in Danish only: decimal commas, Danish counts, none of Eleventy's English lines", () => {
  expect(consoleLines.filter((line) => line.includes("[11ty]"))).toEqual([]);
  const stages = rootLog.filter((line) => /^\S+ +\d/.test(line));
  expect(stages.map((line) => line.split(" ")[0])).toEqual(["indhold", "diagrammer", "sammenligning", "pdf", "websted", "søgning", "udgiv"]);
  for (const line of stages) expect(line).toMatch(/^\S+ +\d+,\d\d s {2}\S/);
  expect(rootLog.join("\n")).toMatch(/^sammenligning +\S+ s {2}1 sammenligning af udgaver$/m);
});
