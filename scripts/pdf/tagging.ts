// PDF/UA-1 (ISO 14289-1) post-processing of Chromium's tagged PDF, with pdf-lib: what Chromium
// leaves out or tags in its own way. The check in accessibility.ts verifies the result.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, type PDFStream, PDFString, type PDFDocument, type PDFObject } from "pdf-lib";
import { deflateSync } from "node:zlib";
import { markArtifacts, streamBytes } from "./content.ts";

export interface Tagging {
  title: string;
  author: string;
  subject: string;
  /** BCP 47, e.g. "da". */
  language: string;
  /** Seconds since 1970: the XMP dates (reproducible). */
  date: number;
  /** Each link's text, by its target (href as in the PDF: "#id" or an address). */
  links: Record<string, string>;
}

/** Structure types of PDF 1.7 (ISO 32000-1, 14.8.4): anything else needs a RoleMap entry. */
export const STANDARD_TYPES = new Set(
  (
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody " +
    "Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form"
  ).split(" "),
);
/** Chromium's PDF 2.0 types, mapped to the PDF 1.7 type a PDF/UA-1 reader knows. */
export const ROLE_MAP: Record<string, string> = { Strong: "Span", Em: "Span", Aside: "Note", Title: "H1", FENote: "Note", Sub: "Span" };

const name = (value: string) => PDFName.of(value);
const typeOf = (dict: PDFDict) => (dict.get(name("S")) as PDFName | undefined)?.decodeText();

/**
 * Makes a Chromium PDF meet PDF/UA-1 where a program can: XMP metadata with the PDF/UA identifier,
 * the title shown in the window, page furniture marked as Artifact, a RoleMap, lists with LBody,
 * footnotes as Note, figure wrappers that are not Figure, and every link annotation with /Contents.
 * Mutates `doc`; pure otherwise (the same input gives the same bytes).
 */
export function makeAccessible(doc: PDFDocument, tagging: Tagging): void {
  const catalog = doc.catalog;
  catalog.set(name("Metadata"), doc.context.register(xmpStream(doc, tagging)));
  const preferences = catalog.lookup(name("ViewerPreferences"));
  const prefs = preferences instanceof PDFDict ? preferences : doc.context.obj({});
  prefs.set(name("DisplayDocTitle"), doc.context.obj(true));
  catalog.set(name("ViewerPreferences"), prefs);
  catalog.set(name("MarkInfo"), doc.context.obj({ Marked: true }));
  for (const page of doc.getPages()) {
    markPageArtifacts(doc, page.node);
    // PDF/UA-1 7.18.3: pages with annotations give their tab order by structure.
    if (page.node.lookup(name("Annots"))) page.node.set(name("Tabs"), name("S"));
  }
  const root = catalog.lookup(name("StructTreeRoot"));
  if (root instanceof PDFDict) fixStructure(doc, root);
  describeLinks(doc, tagging.links);
}

function markPageArtifacts(doc: PDFDocument, page: PDFDict): void {
  const contents = page.lookup(name("Contents"));
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  const source = streams.map((stream) => Buffer.from(streamBytes(stream)).toString("latin1")).join("\n");
  const { source: marked, artifacts } = markArtifacts(source);
  if (artifacts === 0) return;
  // zlib's default level: level 9 saved 4 % of the content streams at twice the time (deterministic either way).
  const stream = doc.context.stream(deflateSync(Buffer.from(marked, "latin1")), { Filter: "FlateDecode" });
  // Replaced in place: pdf-lib writes every object it holds, referenced or not.
  const refs = contents instanceof PDFArray ? contents.asArray() : [page.get(name("Contents"))];
  const [first, ...rest] = refs;
  if (first instanceof PDFRef) {
    doc.context.assign(first, stream);
    page.set(name("Contents"), first);
    for (const ref of rest) if (ref instanceof PDFRef) doc.context.delete(ref);
  } else page.set(name("Contents"), doc.context.register(stream));
}

function xmpStream(doc: PDFDocument, t: Tagging): PDFStream {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const date = new Date(t.date * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const xml = `<?xpacket begin="\u{feff}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(t.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${escape(t.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escape(t.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${escape(t.language)}</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<xmp:CreatorTool>beskaeftigelsesplan</xmp:CreatorTool>
<pdf:Producer>Chromium (Puppeteer) og pdf-lib</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
  // Uncompressed, so that any tool (and the archive) can read it without decoding.
  return doc.context.stream(new TextEncoder().encode(xml), { Type: "Metadata", Subtype: "XML" });
}

/** The structure elements below `node` (through references), each with its parent. */
function children(doc: PDFDocument, node: PDFDict): { ref: PDFRef | undefined; dict: PDFDict }[] {
  const kids = node.get(name("K"));
  const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
  return list.flatMap((kid) => {
    const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
    return dict instanceof PDFDict && dict.has(name("S")) ? [{ ref: kid instanceof PDFRef ? kid : undefined, dict }] : [];
  });
}

function fixStructure(doc: PDFDocument, root: PDFDict): void {
  const used = new Set<string>();
  let noteIds = 0;
  const visit = (dict: PDFDict, ref: PDFRef | undefined): void => {
    const type = typeOf(dict);
    if (type === "LI" && ref) wrapListBody(doc, dict, ref);
    if (type === "Figure" && children(doc, dict).length > 0) {
      // A <figure> around a chart or a table groups them; the chart's own Figure has the Alt.
      dict.set(name("S"), name("Div"));
      for (const kid of children(doc, dict)) if (typeOf(kid.dict) === "Caption") kid.dict.set(name("S"), name("P"));
    }
    if (type === "Aside") {
      // Footnotes print as <aside> (render.ts): PDF/UA-1 7.9 wants Note, with an ID.
      dict.set(name("S"), name("Note"));
      if (!dict.has(name("ID"))) dict.set(name("ID"), PDFString.of(`note${String(++noteIds).padStart(4, "0")}`));
    }
    const now = typeOf(dict);
    if (now) used.add(now);
    for (const kid of children(doc, dict)) visit(kid.dict, kid.ref);
  };
  for (const kid of children(doc, root)) visit(kid.dict, kid.ref);
  const roleMap = root.lookup(name("RoleMap")) instanceof PDFDict ? (root.lookup(name("RoleMap")) as PDFDict) : doc.context.obj({});
  for (const type of [...used].sort()) {
    if (!STANDARD_TYPES.has(type)) roleMap.set(name(type), name(ROLE_MAP[type] ?? "Span"));
  }
  if (roleMap.keys().length > 0) root.set(name("RoleMap"), roleMap);
  const ids = root.lookup(name("IDTree"));
  if (noteIds > 0 && ids instanceof PDFDict) addNoteIds(doc, root, ids);
}

/** PDF/UA-1 7.6: a list item holds Lbl and LBody; Chromium puts the body's parts straight in LI. */
function wrapListBody(doc: PDFDocument, li: PDFDict, liRef: PDFRef): void {
  const kids = li.get(name("K"));
  const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
  const isElement = (kid: PDFObject) => {
    const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
    return dict instanceof PDFDict && dict.has(name("S")) ? dict : undefined;
  };
  const body = list.filter((kid) => typeOf(isElement(kid) ?? doc.context.obj({})) !== "Lbl");
  if (body.length === 0) return;
  if (body.length === 1 && typeOf(isElement(body[0]!) ?? doc.context.obj({})) === "LBody") return;
  const lbody = doc.context.obj({ Type: "StructElem", S: "LBody", P: liRef, K: body });
  const lbodyRef = doc.context.register(lbody);
  const page = li.get(name("Pg"));
  if (page) lbody.set(name("Pg"), page);
  for (const kid of body) {
    const element = isElement(kid);
    if (element) {
      element.set(name("P"), lbodyRef);
      continue;
    }
    // Marked content: its entry in the parent tree now names the LBody.
    const mcr = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
    const mcid = mcr instanceof PDFNumber ? mcr.asNumber() : mcr instanceof PDFDict ? (mcr.lookup(name("MCID")) as PDFNumber | undefined)?.asNumber() : undefined;
    const pageRef = mcr instanceof PDFDict ? (mcr.get(name("Pg")) ?? page) : page;
    const parents = mcid === undefined ? undefined : parentArray(doc, pageRef);
    if (parents && mcid !== undefined && mcid < parents.size()) parents.set(mcid, lbodyRef);
  }
  li.set(name("K"), doc.context.obj([...list.filter((kid) => !body.includes(kid)), lbodyRef]));
}

/** The parent tree's array for a page: index = MCID, value = the structure element it belongs to. */
function parentArray(doc: PDFDocument, pageRef: PDFObject | undefined): PDFArray | undefined {
  const page = pageRef instanceof PDFRef ? doc.context.lookup(pageRef) : pageRef;
  const key = page instanceof PDFDict ? page.lookup(name("StructParents")) : undefined;
  const root = doc.catalog.lookup(name("StructTreeRoot"));
  const tree = root instanceof PDFDict ? root.lookup(name("ParentTree")) : undefined;
  if (!(key instanceof PDFNumber) || !(tree instanceof PDFDict)) return undefined;
  const search = (node: PDFDict): PDFArray | undefined => {
    const nums = node.lookup(name("Nums"));
    if (nums instanceof PDFArray) {
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        if ((nums.lookup(i) as PDFNumber).asNumber() === key.asNumber()) {
          const value = nums.lookup(i + 1);
          return value instanceof PDFArray ? value : undefined;
        }
      }
    }
    const kids = node.lookup(name("Kids"));
    if (kids instanceof PDFArray) {
      for (const kid of kids.asArray()) {
        const found = search(doc.context.lookup(kid) as PDFDict);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(tree);
}

/** Notes' IDs go into the structure tree's /IDTree (a name tree), kept sorted. */
function addNoteIds(doc: PDFDocument, root: PDFDict, ids: PDFDict): void {
  const notes: [string, PDFRef][] = [];
  const walk = (dict: PDFDict) => {
    for (const kid of children(doc, dict)) {
      const id = kid.dict.lookup(name("ID"));
      if (typeOf(kid.dict) === "Note" && kid.ref && (id instanceof PDFString || id instanceof PDFHexString)) notes.push([id.decodeText(), kid.ref]);
      walk(kid.dict);
    }
  };
  walk(root);
  const names = ids.lookup(name("Names"));
  if (!(names instanceof PDFArray)) return;
  const entries: [string, PDFObject][] = [];
  for (let i = 0; i + 1 < names.size(); i += 2) {
    const key = names.lookup(i);
    if (key instanceof PDFString || key instanceof PDFHexString) entries.push([key.decodeText(), names.get(i + 1)]);
  }
  for (const [id, ref] of notes) if (!entries.some(([key]) => key === id)) entries.push([id, ref]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  ids.set(name("Names"), doc.context.obj(entries.flatMap(([key, value]) => [PDFString.of(key), value])));
  const limits = ids.lookup(name("Limits"));
  if (limits instanceof PDFArray && entries.length > 0) ids.set(name("Limits"), doc.context.obj([PDFString.of(entries[0]![0]), PDFString.of(entries.at(-1)![0])]));
}

/** PDF/UA-1 7.18.5: every link annotation says in /Contents where it leads. */
function describeLinks(doc: PDFDocument, links: Record<string, string>): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookup(name("Annots"));
    if (!(annots instanceof PDFArray)) continue;
    for (const item of annots.asArray()) {
      const annot = item instanceof PDFRef ? doc.context.lookup(item) : item;
      if (!(annot instanceof PDFDict) || (annot.get(name("Subtype")) as PDFName | undefined)?.decodeText() !== "Link") continue;
      if (annot.has(name("Contents"))) continue;
      const action = annot.lookup(name("A"));
      const uri = action instanceof PDFDict ? action.lookup(name("URI")) : undefined;
      const dest = annot.lookup(name("Dest"));
      const target =
        uri instanceof PDFString || uri instanceof PDFHexString
          ? uri.decodeText()
          : dest instanceof PDFString || dest instanceof PDFHexString
            ? `#${dest.decodeText()}`
            : dest instanceof PDFName
              ? `#${dest.decodeText()}`
              : "";
      const text = links[target] ?? (target.startsWith("#") ? "Henvisning i dokumentet" : `Link til ${target}`);
      annot.set(name("Contents"), PDFHexString.fromText(text));
    }
  }
}
