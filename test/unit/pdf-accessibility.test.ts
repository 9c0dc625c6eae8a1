// The build's PDF/UA-1 check and the post-processing, on small PDFs written here: one right, and
// one wrong on each checkpoint. No browser.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { checkDocument, checkPdf } from "../../scripts/pdf/accessibility.ts";
import { contentFacts, markArtifacts, operations } from "../../scripts/pdf/content.ts";
import { loadPdf, savePdf } from "../../scripts/pdf/metadata.ts";
import { makeAccessible } from "../../scripts/pdf/tagging.ts";
import { readOutline } from "../../scripts/pdf/toc.ts";

const TAGGING = { title: "Prøve", author: "Testby Kommune", subject: "Prøve", language: "da", date: 1_600_000_000, links: { "https://example.org/": "Eksempel" } };

interface Sample {
  doc: PDFDocument;
  page: PDFDict;
  figure: PDFDict;
  li: PDFDict;
  link: PDFDict;
  annot: PDFDict;
  note: PDFDict;
  root: PDFDict;
  font: PDFDict;
  descriptor: PDFDict;
}

/** A one-page tagged PDF as Chromium makes it (untagged furniture, LI without LBody, Strong, Aside), or fixed. */
async function sample(edit: (s: Sample) => void = () => {}, fixed = true): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const content =
    "BT /F1 12 Tf 1 0 0 1 500 800 Tm (Side 1) Tj ET\n" + // running header: no marked content
    "/P <</MCID 0>> BDC BT /F1 12 Tf 1 0 0 1 50 700 Tm (Tekst) Tj ET EMC\n" +
    "/Figure <</MCID 1>> BDC 50 500 100 100 re f EMC\n" +
    "/Lbl <</MCID 2>> BDC BT 1 0 0 1 50 400 Tm (1.) Tj ET EMC\n" +
    "/NonStruct <</MCID 3>> BDC BT 1 0 0 1 70 400 Tm (Punkt) Tj ET EMC\n" +
    "/Link <</MCID 4>> BDC BT 1 0 0 1 50 300 Tm (Eksempel) Tj ET EMC\n" +
    "/NonStruct <</MCID 5>> BDC BT 1 0 0 1 50 100 Tm (Fodnote) Tj ET EMC\n" +
    "0 0 1 rg 50 350 200 1 re f\n"; // a rule: no marked content
  page.node.set(PDFName.of("Contents"), ctx.register(ctx.flateStream(content)));
  // A font as Chromium embeds one: Type0 over a CIDFontType2 whose program is in the file, with ToUnicode.
  const descriptor = ctx.obj({ Type: "FontDescriptor", FontName: "ABCDEF+Prove", FontFile2: ctx.register(ctx.flateStream("glyphs")) });
  const cidFont = ctx.obj({ Type: "Font", Subtype: "CIDFontType2", BaseFont: "ABCDEF+Prove", FontDescriptor: ctx.register(descriptor) });
  const font = ctx.obj({
    Type: "Font",
    Subtype: "Type0",
    BaseFont: "ABCDEF+Prove",
    Encoding: "Identity-H",
    DescendantFonts: [ctx.register(cidFont)],
    ToUnicode: ctx.register(ctx.flateStream("cmap")),
  });
  page.node.set(PDFName.of("Resources"), ctx.obj({ Font: { F1: ctx.register(font) } }));
  page.node.set(PDFName.of("StructParents"), ctx.obj(0));
  const annot = ctx.obj({ Type: "Annot", Subtype: "Link", Rect: [50, 300, 120, 312], A: { S: "URI", URI: PDFString.of("https://example.org/") }, StructParent: 1 });
  const annotRef = ctx.register(annot);
  page.node.set(PDFName.of("Annots"), ctx.obj([annotRef]));
  const el = (type: string, k: unknown, extra: Record<string, unknown> = {}) => ctx.obj({ Type: "StructElem", S: type, Pg: page.ref, K: k as never, ...extra });
  const reg = (dict: PDFDict) => ctx.register(dict);
  const p = el("P", [0]);
  const strong = el("Strong", [0]);
  const figure = el("Figure", [1], { Alt: PDFHexString.fromText("Figur 1. Ledighed. Ledigheden faldt.") });
  const lbl = el("Lbl", [2]);
  const body = el("NonStruct", [3]);
  const lblRef = reg(lbl);
  const bodyRef = reg(body);
  const li = el("LI", [lblRef, bodyRef]);
  const liRef = reg(li);
  const list = el("L", [liRef]);
  const link = el("Link", [4, ctx.obj({ Type: "OBJR", Obj: annotRef, Pg: page.ref })]);
  const note = el("Aside", [5]);
  const refs = [p, strong, figure, list, link, note].map(reg);
  for (const ref of [lblRef, bodyRef]) (ctx.lookup(ref) as PDFDict).set(PDFName.of("P"), liRef);
  const documentEl = ctx.obj({ Type: "StructElem", S: "Document", K: refs, Lang: PDFString.of("da") });
  const docRef = reg(documentEl);
  const parents = ctx.obj([refs[0]!, refs[2]!, lblRef, bodyRef, refs[4]!, refs[5]!]);
  const root = ctx.obj({ Type: "StructTreeRoot", K: docRef, ParentTree: ctx.obj({ Nums: [0, parents, 1, refs[4]!] }), IDTree: ctx.obj({ Names: [] }) });
  doc.catalog.set(PDFName.of("StructTreeRoot"), ctx.register(root));
  doc.catalog.set(PDFName.of("Lang"), PDFString.of("da"));
  doc.setTitle("Prøve");
  if (fixed) makeAccessible(doc, TAGGING);
  edit({ doc, page: page.node, figure, li, link, annot, note, root, font, descriptor });
  return doc.save({ useObjectStreams: false });
}

const checkpoints = async (bytes: Uint8Array) => (await checkPdf(bytes)).map((v) => `${v.checkpoint}${v.page ? `@${v.page}` : ""}`);
const set = (dict: PDFDict, key: string, value: unknown) => dict.set(PDFName.of(key), value as never);

describe("the PDF/UA-1 check", () => {
  it("passes a PDF made right", async () => {
    expect(await checkPdf(await sample())).toEqual([]);
  });

  it("finds every fault Chromium's output has before post-processing", async () => {
    const found = await checkpoints(await sample(() => {}, false));
    expect(found).toEqual(expect.arrayContaining(["06-001", "07-001", "UA 6.2-1", "01-005@1", "02-001@1", "16-003@1", "28-012@1"]));
  });

  it.each<[string, string, (s: Sample) => void]>([
    ["no XMP metadata", "06-001", ({ doc }) => doc.catalog.delete(PDFName.of("Metadata"))],
    [
      "XMP without the PDF/UA identifier",
      "06-002",
      ({ doc }) =>
        set(doc.catalog, "Metadata", doc.context.register(doc.context.stream("<x:xmpmeta><dc:title><rdf:Alt><rdf:li>T</rdf:li></rdf:Alt></dc:title></x:xmpmeta>"))),
    ],
    [
      "XMP without dc:title",
      "06-003",
      ({ doc }) => set(doc.catalog, "Metadata", doc.context.register(doc.context.stream("<x:xmpmeta><pdfuaid:part>1</pdfuaid:part></x:xmpmeta>"))),
    ],
    ["no DisplayDocTitle", "07-001", ({ doc }) => doc.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict).delete(PDFName.of("DisplayDocTitle"))],
    [
      "the title not shown in the window",
      "07-002",
      ({ doc }) => set(doc.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict), "DisplayDocTitle", doc.context.obj(false)),
    ],
    ["not marked as tagged", "UA 6.2-1", ({ doc }) => doc.catalog.delete(PDFName.of("MarkInfo"))],
    ["no structure tree", "UA 7.1-11", ({ doc }) => doc.catalog.delete(PDFName.of("StructTreeRoot"))],
    ["no language", "11-006", ({ doc }) => doc.catalog.delete(PDFName.of("Lang"))],
    ["untagged content", "01-005@1", ({ doc, page }) => set(page, "Contents", doc.context.register(doc.context.flateStream("BT (Side 1) Tj ET")))],
    [
      "tagged content inside an Artifact",
      "01-004@1",
      ({ doc, page }) => set(page, "Contents", doc.context.register(doc.context.flateStream("/Artifact BMC /P <</MCID 0>> BDC BT (x) Tj ET EMC EMC"))),
    ],
    ["a font not embedded", "31-009@1", ({ descriptor }) => descriptor.delete(PDFName.of("FontFile2"))],
    ["a font without a map to Unicode", "10-001@1", ({ font }) => font.delete(PDFName.of("ToUnicode"))],
    [
      "a font not embedded in a form XObject",
      "31-009@1",
      ({ doc, page }) => {
        const helvetica = doc.context.obj({ Type: "Font", Subtype: "Type1", BaseFont: "Helvetica", ToUnicode: doc.context.register(doc.context.flateStream("cmap")) });
        const form = doc.context.stream("", { Type: "XObject", Subtype: "Form", BBox: [0, 0, 10, 10], Resources: { Font: { F2: doc.context.register(helvetica) } } });
        page.lookup(PDFName.of("Resources"), PDFDict).set(PDFName.of("XObject"), doc.context.obj({ X1: doc.context.register(form) }));
      },
    ],
    ["a type neither standard nor mapped", "02-001@1", ({ root }) => root.delete(PDFName.of("RoleMap"))],
    ["a figure without Alt", "13-004@1", ({ figure }) => figure.delete(PDFName.of("Alt"))],
    ["a figure's Alt without its number", "13-004@1", ({ figure }) => set(figure, "Alt", PDFHexString.fromText("Figur . Ledighed"))],
    [
      "a Figure around other structure",
      "13-004@1",
      ({ doc, figure }) => set(figure, "K", doc.context.obj([doc.context.register(doc.context.obj({ Type: "StructElem", S: "Table", K: [] }))])),
    ],
    [
      "a list item without LBody",
      "16-003@1",
      ({ doc, li }) => set(li, "K", doc.context.obj([doc.context.register(doc.context.obj({ Type: "StructElem", S: "P", K: [] }))])),
    ],
    ["a list holding other structure than items", "09-005@1", ({ li }) => set(li, "S", PDFName.of("P"))],
    ["a note without ID", "19-003@1", ({ note }) => note.delete(PDFName.of("ID"))],
    ["a page with annotations without a tab order", "28-008@1", ({ page }) => page.delete(PDFName.of("Tabs"))],
    ["a page with annotations in another tab order than the structure's", "28-009@1", ({ page }) => set(page, "Tabs", PDFName.of("R"))],
    ["a link annotation without /Contents", "28-012@1", ({ annot }) => annot.delete(PDFName.of("Contents"))],
    ["a link annotation outside any Link element", "28-011@1", ({ doc, link }) => set(link, "K", doc.context.obj([4]))],
  ])("fails %s (%s)", async (_, checkpoint, edit) => {
    expect(await checkpoints(await sample(edit))).toEqual([checkpoint]);
  });
});

describe("post-processing", () => {
  it("writes XMP with the PDF/UA identifier, title and language, and shows the title", async () => {
    const doc = await PDFDocument.load(await sample());
    const xmp = Buffer.from((doc.catalog.lookup(PDFName.of("Metadata")) as unknown as { getContents(): Uint8Array }).getContents()).toString("utf8");
    expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Prøve</rdf:li>');
    expect(xmp).toContain("<dc:language><rdf:Bag><rdf:li>da</rdf:li></rdf:Bag></dc:language>");
    expect(xmp).toContain("<xmp:CreateDate>2020-09-13T12:26:40Z</xmp:CreateDate>");
  });

  it("gives list items an LBody, footnotes Note with an ID, links their words, and maps Strong", async () => {
    const doc = await PDFDocument.load(await sample());
    const root = doc.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
    expect(root.lookup(PDFName.of("RoleMap"), PDFDict).get(PDFName.of("Strong"))?.toString()).toBe("/Span");
    const types: string[] = [];
    const walk = (dict: PDFDict, depth: number) => {
      types.push(`${" ".repeat(depth)}${dict.get(PDFName.of("S"))?.toString() ?? ""}`);
      const k = dict.get(PDFName.of("K"));
      for (const kid of k instanceof PDFArray ? k.asArray() : [k]) {
        const child = kid ? doc.context.lookup(kid) : undefined;
        if (child instanceof PDFDict && child.has(PDFName.of("S"))) walk(child, depth + 1);
      }
    };
    walk(root.lookup(PDFName.of("K"), PDFDict), 0);
    expect(types).toContain("   /LBody");
    expect(types).toContain(" /Note");
    const annot = doc.getPages()[0]!.node.lookup(PDFName.of("Annots"), PDFArray).lookup(0, PDFDict);
    expect((annot.lookup(PDFName.of("Contents")) as PDFHexString).decodeText()).toBe("Eksempel");
  });

  it("is reproducible: the same input gives the same bytes", async () => {
    expect(Buffer.from(await sample()).equals(Buffer.from(await sample()))).toBe(true);
  });
});

describe("saving", () => {
  it("checks the document in memory as the saved file is checked", async () => {
    const broken = await loadPdf(await sample(({ figure }) => figure.delete(PDFName.of("Alt"))));
    expect(checkDocument(broken).map((v) => v.checkpoint)).toEqual(["13-004"]);
    expect((await checkPdf(await savePdf(broken))).map((v) => v.checkpoint)).toEqual(["13-004"]);
  });

  it("writes PDF 1.7 with the structure in compressed object streams, smaller, reproducible and still passing", async () => {
    const plain = await sample();
    const saved = await savePdf(await loadPdf(plain));
    const text = Buffer.from(saved).toString("latin1");
    expect(text.startsWith("%PDF-1.7")).toBe(true);
    expect(text).toContain("/ObjStm");
    expect(text).not.toContain("/StructElem");
    expect(saved.byteLength).toBeLessThan(plain.byteLength);
    expect(Buffer.from(saved).equals(Buffer.from(await savePdf(await loadPdf(plain))))).toBe(true);
    expect(await checkPdf(saved)).toEqual([]);
  });
});

describe("the outline read for the contents' page numbers", () => {
  it("gives each bookmark's page, in order, through explicit and named destinations and GoTo actions", async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const pages = [doc.addPage(), doc.addPage(), doc.addPage()];
    const ctx = doc.context;
    doc.catalog.set(PDFName.of("Dests"), ctx.obj({ kapitel: [pages[2]!.ref, "XYZ", 0, 800, 0] }));
    const items = [
      ctx.obj({ Title: PDFHexString.fromText("Indhold"), Dest: [pages[1]!.ref, "XYZ", 0, 800, 0] }),
      ctx.obj({ Title: PDFString.of("Kapitel"), Dest: PDFName.of("kapitel") }),
      ctx.obj({ Title: PDFString.of("Afsnit"), A: { S: "GoTo", D: [pages[2]!.ref, "Fit"] } }),
      ctx.obj({ Title: PDFString.of("Intet sted"), Dest: PDFName.of("findes-ikke") }),
    ];
    const refs = items.map((item) => ctx.register(item));
    const outlines = ctx.obj({ Type: "Outlines", First: refs[0]!, Last: refs[1]! });
    items[0]!.set(PDFName.of("Next"), refs[1]!);
    items[1]!.set(PDFName.of("First"), refs[2]!);
    items[2]!.set(PDFName.of("Next"), refs[3]!);
    doc.catalog.set(PDFName.of("Outlines"), ctx.register(outlines));
    expect(readOutline(await loadPdf(await doc.save()))).toEqual([
      { title: "Indhold", page: 2 },
      { title: "Kapitel", page: 3 },
      { title: "Afsnit", page: 3 },
    ]);
  });
});

describe("content streams", () => {
  it("reads operators with strings, arrays and dictionaries as operands", () => {
    const ops = operations("/P <</MCID 3 /ActualText (a\\) b)>> BDC [(x) 120 (y)] TJ (q Q) Tj EMC");
    expect(ops.map((op) => op.operator)).toEqual(["BDC", "TJ", "Tj", "EMC"]);
    expect(ops[0]!.operands).toEqual(["/P", "<<>>"]);
  });

  it("marks furniture as Artifact and leaves tagged content alone", () => {
    const source = "q BT (Side 1) Tj ET Q /P <</MCID 0>> BDC BT (Tekst) Tj ET EMC 1 0 0 rg 10 10 5 5 re f 12 10 5 5 re f";
    const { source: marked, artifacts } = markArtifacts(source);
    expect(artifacts).toBe(2);
    expect(marked).toContain("BT /Artifact BMC\n(Side 1) Tj EMC\nET");
    expect(marked).toMatch(/\/Artifact BMC\n10 10 5 5 re f 12 10 5 5 re f\nEMC/);
    expect(contentFacts(source).untagged).toBe(3);
    expect(contentFacts(marked)).toEqual({ untagged: 0, taggedInArtifact: 0, mcids: [0] });
  });
});
