// The committee case bundle built from the minimal fixture, and for the real case of 8 October 2024
// from the shared real build: the zip's files, their page counts against metadata.json, and the names.
import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { bundleCase } from "../../scripts/bundle/cli.ts";
import { messages, ValidationError } from "../../scripts/messages.ts";
import { connectBrowser, fixture, readPdf, realContent, ROOT } from "../helpers.ts";

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

  it("bundles the real case of 8 October 2024: the strategy and its two appendices as Bilag 1–3, with the case's metadata", async () => {
    const { out } = await realContent();
    const dir = await mkdtemp(join(tmpdir(), "bp-bundle-real-"));
    const log: string[] = [];
    const result = await bundleCase({
      root: ROOT,
      source: ROOT,
      caseId: "2024-10-08-revidering-af-beskaeftigelsesstrategi",
      distDir: out,
      outDir: join(dir, "bundles"),
      build: false,
      log: (line) => log.push(line),
    });
    const names = [
      "01-beskaeftigelsesstrategi-revideret-november-2022.pdf",
      "02-bilag-1-fokusomraader.pdf",
      "03-bilag-2-indikatorer.pdf",
      "metadata.json",
      "sagsfremstilling.txt",
    ];
    expect((await readdir(result.folder)).sort()).toEqual(names);
    const zip = unzipSync(new Uint8Array(await readFile(result.zip)));
    expect(Object.keys(zip).sort()).toEqual(names);
    const metadata = JSON.parse(new TextDecoder().decode(zip["metadata.json"])) as {
      case: Record<string, unknown>;
      attachments: {
        bilag: number;
        file: string;
        title: string;
        case: string;
        journal: string;
        meeting: string;
        agenda_item: number;
        pages: number;
        public: boolean;
        web_url: string | null;
        source_pdf: string;
      }[];
    };
    expect(metadata.case).toEqual({
      id: "2024-10-08-revidering-af-beskaeftigelsesstrategi",
      title: "Revidering af beskæftigelsesstrategi",
      committee: "Erhvervs-, Beskæftigelses- og Uddannelsesudvalget",
      meeting: "2024-10-08",
      agenda_item: 5,
      journal: "15.00.00-A00-12-22",
    });
    expect(metadata.attachments.map((a) => [a.bilag, a.file, a.title, a.case, a.journal, a.meeting, a.agenda_item, a.public])).toEqual([
      [1, names[0], "Beskæftigelsesstrategi – revideret november 2022", "Revidering af beskæftigelsesstrategi", "15.00.00-A00-12-22", "2024-10-08", 5, true],
      [2, names[1], "Bilag 1 – Fokusområder", "Revidering af beskæftigelsesstrategi", "15.00.00-A00-12-22", "2024-10-08", 5, true],
      [3, names[2], "Bilag 2 – Indikatorer", "Revidering af beskæftigelsesstrategi", "15.00.00-A00-12-22", "2024-10-08", 5, true],
    ]);
    for (const attachment of metadata.attachments) {
      // The page count is the PDF's own, and the bundled file is the built one, byte for byte.
      const pdf = await readPdf(join(result.folder, attachment.file));
      expect(pdf.pages, attachment.file).toBe(attachment.pages);
      expect(pdf.info.Title, attachment.file).toBe(attachment.title);
      expect(Buffer.from(zip[attachment.file]!).equals(await readFile(join(out, "pdf", attachment.source_pdf))), attachment.file).toBe(true);
    }
    // The real site.json has no base_url: no address is made up, and the command says so.
    expect(metadata.attachments.map((a) => a.web_url)).toEqual([null, null, null]);
    expect(log.join("\n")).toContain(messages.bundleNoBaseUrl().message);
    const summary = new TextDecoder().decode(zip["sagsfremstilling.txt"]);
    expect(summary.split("\n").slice(0, 3)).toEqual([
      "Revidering af beskæftigelsesstrategi",
      "Erhvervs-, Beskæftigelses- og Uddannelsesudvalget, mødet 8. oktober 2024, punkt 5",
      "Journalnr. 15.00.00-A00-12-22",
    ]);
    for (const a of metadata.attachments) expect(summary).toContain(`Bilag ${a.bilag}: ${a.title} (${a.pages} sider).`);
  });

  it("is preceded by npm run check, which names a case's unknown attachment (exit code 2)", async () => {
    const source = await mkdtemp(join(tmpdir(), "bp-bundle-check-"));
    await cp(fixture("minimal"), source, { recursive: true });
    const file = join(source, "data", "cases", "2030-11-10-plan.json");
    await writeFile(file, (await readFile(file, "utf8")).replace('"plan/2030"', '"plan/2031"'));
    const child = spawn(join(ROOT, "node_modules", ".bin", "node"), [join(ROOT, "scripts", "check.ts"), "--source", source], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(code).toBe(2);
    expect(stderr).toContain("data/cases/2030-11-10-plan.json (attachments[0].document)");
    expect(stderr).toContain(messages.bundleUnknownDocument("plan/2031", []).message);
  });
});
