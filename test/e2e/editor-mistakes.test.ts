// Every editor mistake is caught before anything is published: each project of the broken corpus
// (test/fixtures/broken/<case>/, see test/unit/broken.test.ts for the exact message and place) makes
// the build stop with the same problems as the check, and leaves a published dist/ byte for byte as
// it was. A few go through the real command lines (`npm run check`, `npm run build`): exit code 2,
// the catalogue's message with its file:line:column, and dist/ unchanged.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PDFDict as PDFDictType, PDFObject } from "pdf-lib";
import { build } from "../../scripts/build.ts";
import { chartCache } from "../../scripts/charts/render.ts";
import { loadModel } from "../../scripts/content/files.ts";
import { formatProblem, messages, ValidationError, type Problem } from "../../scripts/messages.ts";
import { STAMP } from "../../scripts/publish.ts";
import { buildFixture, fixture, readHtml, readPdf, ROOT, snapshot } from "../helpers.ts";

const NODE = join(ROOT, "node_modules", ".bin", "node");
const corpus = fixture("broken");
const cases = readdirSync(corpus)
  .filter((name) => statSync(join(corpus, name)).isDirectory())
  .sort();

interface Expected {
  file: string;
  line?: number;
  column?: number;
  key: keyof typeof messages;
  args?: unknown[];
}
const expected = (name: string) => JSON.parse(readFileSync(join(corpus, name, "expected.json"), "utf8")) as Expected;

/** A published dist/ to protect: a page and a PDF. */
async function published(): Promise<{ out: string; before: Record<string, string> }> {
  const out = join(await mkdtemp(join(tmpdir(), "bp-mistakes-")), "dist");
  await mkdir(join(out, "pdf"), { recursive: true });
  await writeFile(join(out, "index.html"), "<!doctype html><title>Forrige udgave</title>\n");
  // Marked as made by a build: the build replaces no other folder.
  await writeFile(join(out, STAMP), "Denne mappe er lavet af npm run build.\n");
  await writeFile(join(out, "pdf", "plan.pdf"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x0a]));
  return { out, before: await snapshot(out) };
}

async function checkProblems(source: string): Promise<Problem[]> {
  try {
    await loadModel(source);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error(`${source}: the check found no problem`);
}

function run(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(NODE, [join(ROOT, "scripts", script), ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("every mistake in the broken corpus", () => {
  it.each(cases)("%s: the build stops with the check's problems, and dist/ is unchanged", async (name) => {
    const source = join(corpus, name);
    const problems = await checkProblems(source);
    const { out, before } = await published();
    const error = await build({ root: ROOT, source, outDir: out, pdf: false, cache: chartCache() }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual(problems);
    expect(await snapshot(out)).toEqual(before);
  });
});

describe("through the command lines", () => {
  // A front-matter mistake (one message, no consequence), a directive in a quote, a missing image, a directive in a table cell.
  const chosen = ["chapter-title-colon", "directive-in-quote", "missing-image", "directive-in-table-cell"];

  it.each(chosen)(
    "%s: exit code 2 from npm run check and npm run build, the message at its file:line:column, dist/ unchanged",
    async (name) => {
      const want = expected(name);
      const text = (messages[want.key] as (...args: unknown[]) => { message: string })(...(want.args ?? []));
      const where = `${want.file}:${want.line}:${want.column}`;
      const check = await run("check.ts", ["--source", join(corpus, name)]);
      expect(check.code).toBe(2);
      expect(check.stderr).toContain(`${where}\n    ${text.message}`);
      expect(check.stderr).toMatch(/^1 fejl i indhold eller data:/);

      const { out, before } = await published();
      const built = await run("build.ts", ["--source", join(corpus, name), "--out", out, "--no-pdf"]);
      expect(built.code).toBe(2);
      expect(built.stderr).toContain(`${where}\n    ${text.message}`);
      expect(built.stderr).toContain(messages.notPublished(out).message);
      expect(await snapshot(out)).toEqual(before);
      // The same words as the check: one reading, one list of problems.
      expect(built.stderr).toContain(formatProblem((await checkProblems(join(corpus, name)))[0]!));
    },
    240_000,
  );
});

describe("footnotes, links to headings and images, on the site and in the PDF", () => {
  // Field cases 8 and 10 and an image (test/fixtures/editor-cases), built once with PDFs.
  const built = buildFixture(fixture("editor-cases"));

  it("keeps each included page's footnote text, numbered on through the PDF", async () => {
    const { out } = await built;
    const page = await readHtml(out, "bilag/case-8/samlet");
    expect(page.querySelectorAll(".footnotes li").map((li) => li.text.replace(/\s*↩︎\s*$/, "").trim())).toEqual([
      "Kilde A: Jobindsats, udtrukket 15. september 2020.",
      "Kilde B: Danmarks Statistik, tabel AUK01.",
    ]);
    const pdf = (await readPdf(join(out, "pdf", "proeve-18.pdf"))).text.join("\n");
    // Samlet (Del A and Del B included: 1, 2), then the chapters Del A (3) and Del B (4).
    expect(pdf).toMatch(/Ledigheden steg i 2020\.\s*\[1\][\s\S]*Sygefraværet faldt i 2021\.\s*\[2\][\s\S]*1\. Kilde A[\s\S]*2\. Kilde B/);
    expect(pdf).toMatch(/Ledigheden steg i 2020\.\s*\[3\][\s\S]*3\. Kilde A[\s\S]*Sygefraværet faldt i 2021\.\s*\[4\][\s\S]*4\. Kilde B/);
  }, 300_000);

  it("keeps links to headings in the PDF, as named destinations of the prefixed ids, also to another chapter", async () => {
    const { out } = await built;
    const { PDFDocument, PDFName, PDFArray, PDFDict, PDFString, PDFHexString } = await import("pdf-lib");
    const doc = await PDFDocument.load(await readFile(join(out, "pdf", "proeve-20.pdf")));
    const text = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : String(value ?? ""));
    const links = doc.getPages().flatMap((page) => {
      const annots = page.node.lookup(PDFName.of("Annots"));
      return annots instanceof PDFArray
        ? annots
            .asArray()
            .map((ref) => doc.context.lookup(ref))
            .filter((a): a is PDFDictType => a instanceof PDFDict)
        : [];
    });
    const dests = links.map((a) => String(a.get(PDFName.of("Dest")) ?? "")).filter(Boolean);
    const uris = links
      .map((a) => a.lookup(PDFName.of("A")))
      .filter((a) => a instanceof PDFDict)
      .map((a) => text(a.lookup(PDFName.of("URI"))));
    // The contents' links come first; then field case 10's links in its text, and the link to a
    // heading of the next chapter (Baggrund), written as a link to another page on the site.
    expect(dests.slice(-3)).toEqual([
      "/bilag-case-10-overskrifter-maal-1-flere-i-job-2",
      "/bilag-case-10-overskrifter-oekonomi-2",
      "/bilag-case-10-baggrund-maal-for-tilbud",
    ]);
    // Every destination a link goes to is in the PDF's table of named destinations.
    const names = doc.catalog.lookup(PDFName.of("Dests"));
    expect(names).toBeInstanceOf(PDFDict);
    for (const dest of dests) expect((names as PDFDictType).has(PDFName.of(dest.slice(1))), dest).toBe(true);
    // A page that is not in this PDF: its public address (site.json base_url), not the print server's.
    expect(uris).toEqual(["https://example.org/bilag/case-8/del-a/"]);
  }, 300_000);

  it("publishes an image with an upper-case extension and embeds it in the PDF", async () => {
    const { out } = await built;
    const page = await readHtml(out, "bilag/case-10/baggrund");
    expect(page.querySelector("main img")!.getAttribute("src")).toBe("/bilag/case-10/Groent.PNG");
    expect(await readFile(join(out, "bilag", "case-10", "Groent.PNG"))).toEqual(await readFile(fixture("editor-cases/content/bilag/case-10/Groent.PNG")));
  }, 300_000);

  it("offers every PDF it made on the front page, and links no other", async () => {
    const { out, report } = await built;
    const front = await readHtml(out, "");
    const offered = front.querySelectorAll("#pdf ~ ul a").map((a) => a.getAttribute("href"));
    const documents = report.pdfs.map((r) => r.file).filter((file) => !file.startsWith("status") && !file.includes("aendringer"));
    expect(offered.length).toBeGreaterThanOrEqual(4);
    for (const href of offered) expect(documents.map((file) => `/pdf/${file}`)).toContain(href);
  }, 300_000);

  it("publishes an image beside its page and embeds it in the PDF", async () => {
    const { out } = await built;
    const page = await readHtml(out, "bilag/case-10/overskrifter");
    const img = page.querySelector("main img")!;
    expect(img.getAttribute("alt")).toBe("Blåt rektangel (syntetisk testbillede)");
    expect(img.getAttribute("src")).toBe("/bilag/case-10/kort.png");
    expect(await readFile(join(out, "bilag", "case-10", "kort.png"))).toEqual(await readFile(fixture("editor-cases/content/bilag/case-10/kort.png")));
    const { PDFDocument, PDFName, PDFRawStream } = await import("pdf-lib");
    const doc = await PDFDocument.load(await readFile(join(out, "pdf", "proeve-20.pdf")));
    const images = doc.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFRawStream && String(object.dict.get(PDFName.of("Subtype"))) === "/Image");
    // kort.png and Groent.PNG (the next chapter's).
    expect(images.length).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
