// The committee case bundle built from the minimal fixture: the zip's files, their page counts
// against metadata.json, and the names.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { bundleCase } from "../../scripts/bundle/cli.ts";
import { ValidationError } from "../../scripts/messages.ts";
import { connectBrowser, fixture, ROOT } from "../helpers.ts";

describe("npm run bundle", () => {
  it("makes a folder and a zip with the case's PDFs, metadata and write-up", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bp-bundle-"));
    const result = await bundleCase({
      root: ROOT,
      source: fixture("minimal"),
      caseId: "2030-11-10-plan",
      distDir: join(dir, "dist"),
      outDir: join(dir, "bundles"),
      browser: await connectBrowser(),
    });
    const names = ["01-testplan-2030.pdf", "02-teststrategi-2030.pdf", "metadata.json", "sagsfremstilling.txt"];
    expect((await readdir(result.folder)).sort()).toEqual(names);
    const zip = unzipSync(new Uint8Array(await readFile(result.zip)));
    expect(Object.keys(zip).sort()).toEqual(names);

    const metadata = JSON.parse(new TextDecoder().decode(zip["metadata.json"])) as {
      case: { journal: string };
      attachments: { bilag: number; file: string; pages: number; public: boolean; title: string }[];
    };
    expect(metadata.case.journal).toBe("15.00.00-A00-1-30");
    for (const attachment of metadata.attachments) {
      const pdf = await PDFDocument.load(zip[attachment.file]!);
      expect(pdf.getPageCount(), attachment.file).toBe(attachment.pages);
      expect(attachment.pages).toBeGreaterThan(1);
    }
    // The plan is a draft: not marked for publication; the strategy is kept from publication by the case.
    expect(metadata.attachments.map((a) => [a.bilag, a.title, a.public])).toEqual([
      [1, "Testplan 2030", false],
      [2, "Teststrategi 2030", false],
    ]);
    const summary = new TextDecoder().decode(zip["sagsfremstilling.txt"]);
    expect(summary).toContain("Testudvalget, mødet 10. november 2030, punkt 3");
    expect(summary).toContain(`Bilag 1: Testplan 2030 (${metadata.attachments[0]!.pages} sider).`);
  });

  it("stops before building when the case names an unknown case or document", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bp-bundle-"));
    const options = { root: ROOT, source: fixture("minimal"), distDir: join(dir, "dist"), outDir: join(dir, "bundles") };
    await expect(bundleCase({ ...options, caseId: "findes-ikke" })).rejects.toThrow(ValidationError);
    await expect(readdir(dir)).resolves.toEqual([]);
  });
});
