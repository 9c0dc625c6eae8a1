import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attachables, caseProblems, checkAttachments, planBundle, type Attachable } from "../../scripts/bundle/bundle.ts";
import { runBundle } from "../../scripts/bundle/cli.ts";
import type { CommitteeCase } from "../../scripts/content/committee.ts";
import { loadModel } from "../../scripts/content/files.ts";
import { fileSystemCause, messages } from "../../scripts/messages.ts";
import { siteView } from "../../scripts/site/view.ts";
import { fixture, ROOT, snapshot } from "../helpers.ts";

const targets = new Map<string, Attachable>([
  [
    "strategi-2022",
    {
      id: "strategi-2022",
      title: "Beskæftigelsesstrategi – revideret november 2022",
      pdf: "strategi.pdf",
      url: "/strategi/2022/",
      draft: false,
      description: "Strategien.",
    },
  ],
  ["bilag-fokusomraader", { id: "bilag-fokusomraader", title: "Bilag 1 – Fokusområder", pdf: "bilag-1-fokusomraader.pdf", url: "/bilag/fokusomraader/", draft: false }],
  ["plan-2027", { id: "plan-2027", title: "Beskæftigelsesplan 2027", pdf: "plan-2027.pdf", url: "/plan/2027/", draft: true }],
]);
const pages = new Map([
  ["strategi.pdf", 8],
  ["bilag-1-fokusomraader.pdf", 1],
  ["plan-2027.pdf", 3],
]);
const testCase: CommitteeCase = {
  title: "Revidering af beskæftigelsesstrategi",
  committee: "Testudvalget",
  meeting: "2024-10-08",
  agenda_item: 5,
  journal: "15.00.00-A00-12-22",
  attachments: [{ document: "strategi/2022" }, { document: "bilag-fokusomraader" }, { document: "plan-2027" }],
};
const file = "data/cases/sag.json";

describe("the committee case bundle", () => {
  it("numbers the attachments in the case's order and names the files by number and title", () => {
    const { plan } = planBundle({ caseId: "sag", file, committeeCase: testCase, attachables: targets, pages, publicUrl: (url) => `https://kommune.example${url}` });
    expect(plan?.attachments.map((a) => [a.bilag, a.file, a.pages, a.public, a.web_url])).toEqual([
      [1, "01-beskaeftigelsesstrategi-revideret-november-2022.pdf", 8, true, "https://kommune.example/strategi/2022/"],
      [2, "02-bilag-1-fokusomraader.pdf", 1, true, "https://kommune.example/bilag/fokusomraader/"],
      // A draft may go to the committee, but is not marked for publication.
      [3, "03-beskaeftigelsesplan-2027.pdf", 3, false, "https://kommune.example/plan/2027/"],
    ]);
    expect(plan?.attachments[0]).toMatchObject({ case: testCase.title, journal: testCase.journal, meeting: "2024-10-08", agenda_item: 5 });
  });

  it("writes the case write-up in Danish with each bilag, its pages and where to read it", () => {
    const { plan } = planBundle({ caseId: "sag", file, committeeCase: { ...testCase, summary: "Sagens egne linjer." }, attachables: targets, pages });
    expect(plan?.summary).toBe(
      [
        "Revidering af beskæftigelsesstrategi",
        "Testudvalget, mødet 8. oktober 2024, punkt 5",
        "Journalnr. 15.00.00-A00-12-22",
        "",
        "Sagens egne linjer.",
        "",
        "3 bilag:",
        "",
        "Bilag 1: Beskæftigelsesstrategi – revideret november 2022 (8 sider).",
        "Strategien.",
        "",
        "Bilag 2: Bilag 1 – Fokusområder (1 side).",
        "",
        "Bilag 3: Beskæftigelsesplan 2027 (3 sider).",
        "Må ikke offentliggøres.",
        "",
      ].join("\n"),
    );
  });

  it("reports unknown and repeated documents with the case file and JSON path", () => {
    const problems = checkAttachments({ ...testCase, attachments: [{ document: "plan/2099" }, { document: "plan-2027" }, { document: "plan/2027" }] }, targets, file);
    expect(problems).toEqual([
      { file, path: "attachments[0].document", ...messages.bundleUnknownDocument("plan/2099", [...targets.keys()]) },
      { file, path: "attachments[2].document", ...messages.bundleDuplicate("plan/2027") },
    ]);
  });

  it("reports a PDF that was not built", () => {
    const { plan, problems } = planBundle({ caseId: "sag", file, committeeCase: testCase, attachables: targets, pages: new Map() });
    expect(plan).toBeUndefined();
    expect(problems[0]).toEqual({ file, path: "attachments[0].document", ...messages.bundleMissingPdf("strategi.pdf") });
  });
});

describe("npm run bundle --no-build on PDFs already built (blank synthetic pages), when a file cannot be written", () => {
  const caseId = "2030-11-10-plan";
  let dir: string;
  let out: string[];
  let err: string[];
  const run = (...args: string[]) => {
    out = [];
    err = [];
    return runBundle([caseId, "--no-build", "--dist", join(dir, "dist"), ...args], {
      root: ROOT,
      source: fixture("minimal"),
      log: (line) => out.push(line),
      error: (line) => err.push(line),
    });
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "bp-bundle-write-"));
    await mkdir(join(dir, "dist", "pdf"), { recursive: true });
    const targets = attachables(siteView(await loadModel(fixture("minimal"))));
    for (const target of targets.values()) {
      const pdf = await PDFDocument.create();
      pdf.addPage();
      pdf.addPage();
      await writeFile(join(dir, "dist", "pdf", target.pdf), await pdf.save());
    }
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("a full disk while writing the zip (ENOSPC, for real: it leads to /dev/full): the zip and the cause, the previous bundle as it was", async () => {
    const bundles = join(dir, "bundles");
    expect(await run("--out", bundles)).toBe(0);
    expect(out.at(-1)).toBe(`Sagen er samlet i ${join(bundles, caseId)}/ og ${join(bundles, caseId)}.zip.`);
    const before = await snapshot(bundles);
    // The zip is written beside its place under a name with the process id, then moved in.
    await symlink("/dev/full", join(bundles, `.${caseId}.building-${process.pid}.zip`));
    expect(await run("--out", bundles)).toBe(1);
    const text = messages.writeFailed(`${join(bundles, caseId)}.zip`, fileSystemCause("ENOSPC"));
    expect(err.join("\n")).toBe(
      `\n${text.message}\n    Sådan retter du det: ${text.hint}\n\n${messages.bundleNotWritten(join(bundles, caseId), `${join(bundles, caseId)}.zip`).message}`,
    );
    // Nothing half-written is left beside the bundle, and the bundle is the one from before.
    expect(await snapshot(bundles)).toEqual(before);
  });

  it("a file where the folder should be (ENOTDIR): the bundle's folder and the cause, never a stack", async () => {
    await writeFile(join(dir, "bundles"), "en fil, ikke en mappe");
    expect(await run("--out", join(dir, "bundles"))).toBe(1);
    const folder = join(dir, "bundles", caseId);
    const text = messages.writeFailed(folder, fileSystemCause("ENOTDIR"));
    expect(err.join("\n")).toContain(`${text.message}\n    Sådan retter du det: ${text.hint}`);
    expect(err.join("\n")).not.toMatch(/\n\s+at /);
    expect(await readFile(join(dir, "bundles"), "utf8")).toBe("en fil, ikke en mappe");
  });

  it("explains what to write when the case is missing or an option is unknown", async () => {
    const usage = messages.bundleUsage();
    const unknown = messages.unknownOption("bundle", "--ukendt", undefined, ["--no-build", "--out", "--dist"]);
    for (const [args, expected] of [
      [[], usage],
      [["--ukendt"], unknown],
    ] as const) {
      err = [];
      const code = await runBundle([...args], { root: ROOT, source: fixture("minimal"), log: () => {}, error: (line) => err.push(line), env: {} });
      expect(code).toBe(2);
      expect(err.join("\n")).toBe(`${expected.message}\n    Sådan retter du det: ${expected.hint}`);
    }
    expect(await readdir(dir)).toEqual(["dist"]);
  });
});

describe("npm run check on the case files", () => {
  it("names a case's attachment that the content does not print, with the case file and JSON path", async () => {
    const model = await loadModel(fixture("minimal"));
    expect(caseProblems(model)).toEqual([]);
    model.cases.set("2030-12-01-typo", {
      title: "Sag med en tastefejl (syntetisk testsag)",
      committee: "Testudvalget",
      meeting: "2030-12-01",
      journal: "15.00.00-A00-3-30",
      attachments: [{ document: "plan/2030" }, { document: "status-2029-k9" }],
    });
    const known = [...attachables(siteView(model)).keys()];
    expect(caseProblems(model)).toEqual([
      { file: "data/cases/2030-12-01-typo.json", path: "attachments[1].document", ...messages.bundleUnknownDocument("status-2029-k9", known) },
    ]);
  });
});
