// The build's own PDF/UA-1 check: the machine-checkable conditions of the Matterhorn Protocol 1.1
// (PDF Association) that our PDFs can fail. What needs a human (is the alt text meaningful, is
// the reading order right, is a decorative thing really decorative) is listed in the README.
import { ParseSpeeds, PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFStream, PDFString, type PDFObject } from "pdf-lib";
import { contentFacts, streamBytes } from "./content.ts";
import { STANDARD_TYPES } from "./tagging.ts";

export interface Violation {
  /** Matterhorn checkpoint, e.g. "01-005"; where Matterhorn has none, veraPDF's rule for ISO 14289-1, e.g. "UA 6.2-1". */
  checkpoint: string;
  /** 1-based page, when the fault sits on one. */
  page?: number;
  /** What is wrong, in Danish. */
  message: string;
}

const name = (value: string) => PDFName.of(value);
const text = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);
const streamText = (stream: PDFObject | undefined) => Buffer.from(streamBytes(stream)).toString("latin1");

/** The fonts a page's resources use, also inside its form XObjects, each once. */
function fontsOf(resources: PDFObject | undefined, seen = new Set<PDFObject>()): { font: PDFDict; fontName: string }[] {
  if (!(resources instanceof PDFDict) || seen.has(resources)) return [];
  seen.add(resources);
  const found: { font: PDFDict; fontName: string }[] = [];
  const fonts = resources.lookup(name("Font"));
  if (fonts instanceof PDFDict) {
    for (const [key, value] of fonts.entries()) {
      const font = fonts.context.lookup(value);
      if (!(font instanceof PDFDict) || seen.has(font)) continue;
      seen.add(font);
      const base = font.lookup(name("BaseFont"));
      found.push({ font, fontName: base instanceof PDFName ? base.decodeText() : key.decodeText() });
    }
  }
  const xobjects = resources.lookup(name("XObject"));
  if (xobjects instanceof PDFDict) {
    for (const [, value] of xobjects.entries()) {
      const xobject = xobjects.context.lookup(value);
      if (xobject instanceof PDFStream) found.push(...fontsOf(xobject.dict.lookup(name("Resources")), seen));
    }
  }
  return found;
}

/**
 * Checks a PDF against the conditions the build verifies (see the README's list): metadata (06,
 * 07, 11), content that is neither tagged nor Artifact (01-005) or tagged inside an Artifact
 * (01-004), fonts embedded and mapped to Unicode (31-009, 10-001), structure types and RoleMap (02-001), figures with Alt (13-004) and no Figure around
 * other structure, lists (16), footnotes as Note with ID (19-003), link annotations in a Link
 * element with /Contents (28-011, 28-012). Returns every violation; an empty list means it passes.
 */
export async function checkPdf(bytes: Uint8Array): Promise<Violation[]> {
  return checkDocument(await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
}

/**
 * checkPdf on a document already in memory: the build checks the post-processed document right
 * before saving it, instead of parsing the saved bytes again (saving writes exactly these objects).
 */
export function checkDocument(doc: PDFDocument): Violation[] {
  const found: Violation[] = [];
  const add = (checkpoint: string, message: string, page?: number) => found.push({ checkpoint, message, ...(page ? { page } : {}) });
  const catalog = doc.catalog;
  const pages = doc.getPages().map((p) => p.ref);
  const pageOf = (dict: PDFDict) => {
    const ref = dict.get(name("Pg"));
    const index = ref instanceof PDFRef ? pages.findIndex((p) => p === ref || p.toString() === ref.toString()) : -1;
    return index >= 0 ? index + 1 : undefined;
  };

  // Metadata (Matterhorn 06, 07, 11).
  const xmp = streamText(catalog.lookup(name("Metadata")));
  if (!xmp) add("06-001", "der er ingen XMP-metadata");
  else {
    if (!/<pdfuaid:part>1<\/pdfuaid:part>|pdfuaid:part="1"/.test(xmp)) add("06-002", "XMP-metadata mangler PDF/UA-mærket (pdfuaid:part 1)");
    if (!/<dc:title>[^]*?<rdf:li[^>]*>[^<]+<\/rdf:li>/.test(xmp)) add("06-003", "XMP-metadata mangler dc:title");
  }
  const prefs = catalog.lookup(name("ViewerPreferences"));
  const display = prefs instanceof PDFDict ? prefs.lookup(name("DisplayDocTitle")) : undefined;
  if (!(display instanceof PDFBool)) add("07-001", "ViewerPreferences har ingen DisplayDocTitle");
  else if (!display.asBoolean()) add("07-002", "ViewerPreferences/DisplayDocTitle er false");
  if (!text(catalog.lookup(name("Lang")))) add("11-006", "dokumentet har intet sprog (/Lang)");
  const markInfo = catalog.lookup(name("MarkInfo"));
  const marked = markInfo instanceof PDFDict ? markInfo.lookup(name("Marked")) : undefined;
  if (!(marked instanceof PDFBool) || !marked.asBoolean()) add("UA 6.2-1", "MarkInfo/Marked er ikke true");

  // Content: every mark on a page is tagged or an Artifact (Matterhorn 01).
  doc.getPages().forEach((page, i) => {
    const contents = page.node.lookup(name("Contents"));
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    const facts = contentFacts(streams.map(streamText).join("\n"));
    if (facts.untagged > 0) add("01-005", `${facts.untagged} tegneoperationer er hverken mærket som indhold eller som Artifact`, i + 1);
    if (facts.taggedInArtifact > 0) add("01-004", `${facts.taggedInArtifact} mærkede indholdsdele ligger inde i en Artifact`, i + 1);
  });

  // Fonts (Matterhorn 31-009, 10-001): embedded, with a map to Unicode.
  doc.getPages().forEach((page, i) => {
    for (const { font, fontName } of fontsOf(page.node.lookup(name("Resources")))) {
      const subtype = (font.lookup(name("Subtype")) as PDFName | undefined)?.decodeText();
      if (subtype === "Type3") continue; // drawn by content streams inside the file
      const descendants = font.lookup(name("DescendantFonts"));
      const program = descendants instanceof PDFArray ? descendants.lookup(0) : font;
      const descriptor = program instanceof PDFDict ? program.lookup(name("FontDescriptor")) : undefined;
      const embedded = descriptor instanceof PDFDict && ["FontFile", "FontFile2", "FontFile3"].some((key) => descriptor.has(name(key)));
      if (!embedded) add("31-009", `skriften ${fontName} er ikke indlejret`, i + 1);
      if (!font.has(name("ToUnicode"))) add("10-001", `skriften ${fontName} har ingen tabel til Unicode (/ToUnicode)`, i + 1);
    }
  });

  // Structure.
  const root = catalog.lookup(name("StructTreeRoot"));
  if (!(root instanceof PDFDict)) {
    add("UA 7.1-11", "dokumentet har intet strukturtræ (tagged PDF)");
    return found;
  }
  const roleMap = root.lookup(name("RoleMap"));
  const mapped = new Set(roleMap instanceof PDFDict ? roleMap.keys().map((key) => key.decodeText()) : []);
  const linkAnnots = new Set<string>();
  const noteIds = new Map<string, number>();
  const elements = (dict: PDFDict) => {
    const kids = dict.get(name("K"));
    const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    return list.map((kid) => (kid instanceof PDFRef ? doc.context.lookup(kid) : kid)).filter((kid): kid is PDFDict => kid instanceof PDFDict);
  };
  const visit = (dict: PDFDict, inherited: number | undefined) => {
    const type = (dict.get(name("S")) as PDFName | undefined)?.decodeText() ?? "";
    const page = pageOf(dict) ?? inherited;
    const kids = elements(dict);
    const structKids = kids.filter((kid) => kid.has(name("S")));
    const kidTypes = structKids.map((kid) => (kid.get(name("S")) as PDFName).decodeText());
    if (!STANDARD_TYPES.has(type) && !mapped.has(type)) add("02-001", `strukturtypen ${type} er hverken standard eller i RoleMap`, page);
    if (type === "Figure") {
      const alt = text(dict.lookup(name("Alt"))) ?? text(dict.lookup(name("ActualText")));
      if (!alt?.trim()) add("13-004", "en figur (Figure) har ingen alternativ tekst (Alt)", page);
      else if (/^(Figur|Tabel)\s*\./.test(alt)) add("13-004", `en figurs Alt mangler figurens nummer: "${alt.slice(0, 40)}"`, page);
      if (kidTypes.length > 0) add("13-004", `en Figure indeholder anden struktur (${[...new Set(kidTypes)].join(", ")}); den er ikke en figur`, page);
    }
    if (type === "LI" && kidTypes.some((t) => t !== "Lbl" && t !== "LBody"))
      add("16-003", `et listepunkt (LI) indeholder ${kidTypes.filter((t) => t !== "Lbl" && t !== "LBody").join(", ")} i stedet for Lbl og LBody`, page);
    if (type === "L" && kidTypes.some((t) => t !== "LI" && t !== "Caption" && t !== "L"))
      add("09-005", `en liste (L) indeholder ${kidTypes.filter((t) => t !== "LI").join(", ")} i stedet for LI`, page);
    if (type === "Note") {
      const id = text(dict.lookup(name("ID")));
      if (!id) add("19-003", "en note (Note) har intet ID", page);
      else noteIds.set(id, (noteIds.get(id) ?? 0) + 1);
    }
    for (const kid of kids) {
      if ((kid.get(name("Type")) as PDFName | undefined)?.decodeText() !== "OBJR") continue;
      const annot = kid.get(name("Obj"));
      if (annot) {
        if (type === "Link") linkAnnots.add(annot.toString());
        else add("28-011", `en annotation hænger under ${type}, ikke under Link`, page);
      }
    }
    for (const kid of structKids) visit(kid, page);
  };
  for (const kid of elements(root)) if (kid.has(name("S"))) visit(kid, undefined);
  for (const [id, count] of noteIds) if (count > 1) add("19-004", `note-ID'et ${id} findes ${count} gange`);

  // Annotations (Matterhorn 28).
  doc.getPages().forEach((page, i) => {
    const annots = page.node.lookup(name("Annots"));
    if (!(annots instanceof PDFArray)) return;
    const tabs = page.node.lookup(name("Tabs"));
    if (annots.size() > 0 && !(tabs instanceof PDFName)) add("28-008", "en side med annotationer har ingen tabulatorrækkefølge (/Tabs)", i + 1);
    else if (annots.size() > 0 && tabs instanceof PDFName && tabs.decodeText() !== "S")
      add("28-009", `en side med annotationer har /Tabs /${tabs.decodeText()}, ikke /S (strukturens rækkefølge)`, i + 1);
    for (const ref of annots.asArray()) {
      const annot = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
      if (!(annot instanceof PDFDict) || (annot.get(name("Subtype")) as PDFName | undefined)?.decodeText() !== "Link") continue;
      if (!text(annot.lookup(name("Contents")))?.trim()) add("28-012", "en link-annotation har ingen beskrivelse (/Contents)", i + 1);
      if (!linkAnnots.has(ref.toString())) add("28-011", "en link-annotation er ikke knyttet til et Link-element i strukturen", i + 1);
    }
  });
  return found;
}
