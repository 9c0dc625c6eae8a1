import { describe, expect, it } from "vitest";
import { checkAttachments, planBundle, type Attachable } from "../../scripts/bundle/bundle.ts";
import type { CommitteeCase } from "../../scripts/content/committee.ts";
import { messages } from "../../scripts/messages.ts";

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
