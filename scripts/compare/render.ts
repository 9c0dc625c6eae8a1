// The comparison as views for templates/partials/compare.njk: inserted text becomes <ins>,
// deleted text <del> (underlined and struck through, each announced as "Indsat: " / "Slettet: "),
// runs of unchanged and moved paragraphs are folded into one line. Everything here is plain data:
// the template writes (and escapes) the markup.
import { slugify } from "../lib/danish.ts";
import type { Block } from "./blocks.ts";
import type { Counts, Segment, TextComparison } from "./diff.ts";
import type { IndicatorChange, IndicatorField } from "./indicators.ts";

/**
 * A piece of inline text: plain, inserted or deleted text, a paragraph break that was added or
 * removed (shown as ¶), or a line break.
 */
export type Inline = { kind: "text" | "ins" | "del"; text: string } | { kind: "break"; change: "added" | "removed" } | { kind: "br" };

const ins = (text: string): Inline => ({ kind: "ins", text });
const del = (text: string): Inline => ({ kind: "del", text });

/** Word-level changes as inline pieces; "\n" is a paragraph break, shown as ¶ where it was added or removed. */
export function segmentsView(segments: readonly Segment[]): Inline[] {
  return segments.flatMap((segment) => {
    const lines = segment.text.split("\n");
    return lines.flatMap((line, i): Inline[] => {
      const last = i === lines.length - 1;
      if (segment.kind === "equal") return [{ kind: "text", text: line }, ...(last ? [] : [{ kind: "br" } as const])];
      const mark = line ? [segment.kind === "added" ? ins(line) : del(line)] : [];
      if (last) return mark;
      const change = segment.kind === "added" ? "added" : "removed";
      // A deleted break is followed by a space, an inserted one by the new line it makes.
      return [...mark, { kind: "break", change }, change === "added" ? { kind: "br" } : { kind: "text", text: " " }];
    });
  });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const quoted = (title: string) => `»${title}«`;

export interface TextOptions {
  /** Heading level of a chapter title (its sub-headings follow below it). */
  chapterLevel?: number;
}

/** Stable, unique ids for the chapter headings of a comparison ("aendring-unge-borgere"). */
export function sectionIds(comparison: TextComparison): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const entry of comparison.entries) {
    const block = entry.kind === "changed" ? entry.new[0]! : entry.block;
    if (block.kind !== "heading" || block.level !== 1 || ids.has(block.section)) continue;
    const base = `aendring-${slugify(block.section) || "kapitel"}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(block.section, id);
  }
  return ids;
}

function blockClass(block: Block, state: string): string {
  const classes = [`diff-${state}`, `diff-${block.kind}`];
  if (block.kind === "goal") classes.push("goal");
  if (block.kind === "item" && block.level > 1) classes.push(`diff-depth-${Math.min(block.level, 4)}`);
  return classes.join(" ");
}

/** A paragraph or list item of the text part: its classes, "Nyt afsnit"-like label, and content. */
export interface BlockView {
  className: string;
  label?: string;
  content: Inline[];
}

/** One line of the text part: a heading, a paragraph, a list of items, or a folded run of paragraphs. */
export type TextItem =
  | { kind: "heading"; level: number; id?: string; className: string; content: Inline[] }
  | ({ kind: "paragraph" } & BlockView)
  | { kind: "list"; items: BlockView[] }
  | { kind: "folded"; className: string; text: string };

/** The text part of a comparison: chapter headings always, changes in full, the rest folded. */
export function textView(comparison: TextComparison, options: TextOptions = {}): TextItem[] {
  const chapterLevel = options.chapterLevel ?? 3;
  const ids = sectionIds(comparison);
  const items: TextItem[] = [];
  let folded: { kind: "unchanged" | "moved-in" | "moved-out"; count: number; other: string; section: string } | undefined;
  const flushFolded = () => {
    if (!folded) return;
    const { kind, count, other, section } = folded;
    const where = other === section ? "et andet sted i kapitlet" : quoted(other || "starten af teksten");
    const text =
      kind === "unchanged"
        ? plural(count, "uændret afsnit", "uændrede afsnit")
        : kind === "moved-in"
          ? `${plural(count, "afsnit", "afsnit")} flyttet hertil fra ${other === section ? where : `kapitlet ${where}`}`
          : `${plural(count, "afsnit", "afsnit")} flyttet til ${other === section ? where : `kapitlet ${where}`}`;
    items.push({ kind: "folded", className: `diff-folded diff-folded-${kind}`, text });
    folded = undefined;
  };

  for (const entry of comparison.entries) {
    const block = entry.kind === "changed" ? entry.new[0]! : entry.block;
    const isHeading = block.kind === "heading" && entry.kind !== "moved-in" && entry.kind !== "moved-out";
    if (!isHeading && (entry.kind === "unchanged" || entry.kind === "moved-in" || entry.kind === "moved-out")) {
      const other = entry.kind === "moved-in" ? entry.from : entry.kind === "moved-out" ? entry.to : "";
      if (folded && (folded.kind !== entry.kind || folded.other !== other)) flushFolded();
      folded ??= { kind: entry.kind, count: 0, other, section: block.section };
      folded.count++;
      continue;
    }
    flushFolded();
    const content: Inline[] =
      entry.kind === "changed"
        ? segmentsView(entry.segments)
        : entry.kind === "added"
          ? [ins(block.text)]
          : entry.kind === "removed"
            ? [del(block.text)]
            : [{ kind: "text", text: block.text }];
    if (isHeading) {
      const level = Math.min(6, block.level === 1 ? chapterLevel : chapterLevel + block.level - 1);
      const id = block.level === 1 ? ids.get(block.section) : undefined;
      items.push({ kind: "heading", level, id, className: `diff-heading diff-${entry.kind}`, content });
      continue;
    }
    const item = block.kind === "item";
    const label = entry.kind === "added" ? (item ? "Nyt punkt" : "Nyt afsnit") : entry.kind === "removed" ? (item ? "Slettet punkt" : "Slettet afsnit") : undefined;
    const view: BlockView = { className: blockClass(block, entry.kind), label, content };
    const list = items.at(-1);
    if (!item) items.push({ kind: "paragraph", ...view });
    else if (list?.kind === "list") list.items.push(view);
    else items.push({ kind: "list", items: [view] });
  }
  flushFolded();
  return items;
}

function figures(counts: Counts): { label: string; value: number }[] {
  const rows = [
    { label: "ændret", value: counts.changed },
    { label: "tilføjet", value: counts.added },
    { label: "fjernet", value: counts.removed },
  ];
  if (counts.moved > 0) rows.push({ label: "flyttet", value: counts.moved });
  rows.push({ label: "uændret", value: counts.unchanged });
  return rows;
}

export interface SummaryInput {
  text: TextComparison;
  indicators: IndicatorChange[];
  /** Id of the indicator section, linked from the summary. */
  indicatorsId: string;
}

/** The summary at the top of a comparison (templates/partials/compare.njk, `summary`). */
export interface SummaryView {
  /** Paragraphs changed, added, removed, (moved,) unchanged. */
  figures: { label: string; value: number }[];
  /** "2 overskrifter er ændret, 1 overskrift er tilføjet"; "" when no heading changed. */
  headings: string;
  /** Goals with new wording: the goal's number, "nyt mål"/"udgået mål"/"ny ordlyd" and the wording's changes. */
  goals: { goal: number; what: string; content: Inline[] }[];
  /** "2 nye indikatorer, 1 indikator ændret." or "Ingen ændringer i indikatorerne.", linked to `indicatorsId`. */
  indicators: string;
  indicatorsId: string;
  /** The chapters with changes, each linked to its heading when it has one. */
  changedSections: { title: string; id?: string }[];
  /** The chapters without changes, named only when some chapter changed. */
  unchangedSections: string[];
}

/** The summary at the top: figures, goals with new wording, indicators, the chapters with changes. */
export function summaryView({ text, indicators, indicatorsId }: SummaryInput): SummaryView {
  const h = text.headings;
  const headings = [
    h.changed && plural(h.changed, "overskrift er ændret", "overskrifter er ændret"),
    h.added && plural(h.added, "overskrift er tilføjet", "overskrifter er tilføjet"),
    h.removed && plural(h.removed, "overskrift er fjernet", "overskrifter er fjernet"),
    h.moved && plural(h.moved, "overskrift er flyttet", "overskrifter er flyttet"),
  ].filter(Boolean);
  const ids = sectionIds(text);
  return {
    figures: figures(text.paragraphs),
    headings: headings.join(", "),
    goals: text.goals.map((goal) => ({
      goal: goal.goal,
      what: goal.kind === "added" ? "nyt mål" : goal.kind === "removed" ? "udgået mål" : "ny ordlyd",
      content: segmentsView(goal.segments),
    })),
    indicators: indicators.length === 0 ? "Ingen ændringer i indikatorerne." : `${indicatorSummary(indicators)}.`,
    indicatorsId,
    changedSections: text.changedSections.map((title) => ({ title, id: ids.get(title) })),
    // What a revision keeps is said in words, not only by the absence of marks.
    unchangedSections: text.changedSections.length > 0 ? text.unchangedSections : [],
  };
}

function indicatorSummary(changes: readonly IndicatorChange[]): string {
  const added = changes.filter((c) => c.kind === "added").length;
  const removed = changes.filter((c) => c.kind === "removed").length;
  const changed = changes.filter((c) => c.kind === "changed").length;
  return [
    added && plural(added, "ny indikator", "nye indikatorer"),
    removed && plural(removed, "indikator udgået", "indikatorer udgået"),
    changed && plural(changed, "indikator ændret", "indikatorer ændret"),
  ]
    .filter(Boolean)
    .join(", ");
}

const FIELD_LABELS: Record<IndicatorField, string> = {
  title: "Titel",
  goal: "Mål",
  kind: "Type",
  unit: "Enhed",
  question: "Spørgsmål",
  target: "Målsætning",
  series: "Serier",
  latest: "Seneste tal",
  revised: "Rettede tal",
  source: "Kilde",
};

export interface IndicatorSources {
  old: string[];
  new: string[];
}

/** The indicator part of a comparison (templates/partials/compare.njk, `indicators`). */
export interface IndicatorsView {
  /** Which appendices' indicators were compared, as a sentence; "" when neither side has any. */
  sources: string;
  changes: {
    kind: IndicatorChange["kind"];
    title: string;
    goal: number;
    /** For a changed indicator: each field's label and its old and new wording ("" for none); `revised`: corrected figures, their count in `new`. */
    fields: { label: string; revised: boolean; old: string; new: string }[];
  }[];
}

/** The indicator changes: which sets were compared and what was added, dropped or changed. */
export function indicatorsView(changes: readonly IndicatorChange[], sources: IndicatorSources): IndicatorsView {
  const same = sources.old.length > 0 && sources.old.join("|") === sources.new.join("|");
  const list = (titles: string[]) => (titles.length ? titles.join(" og ") : "ingen indikatorer");
  return {
    sources: same
      ? `Begge udgaver følges op med indikatorerne i ${sources.old.join(" og ")}.`
      : sources.old.length + sources.new.length > 0
        ? `Indikatorerne i ${list(sources.old)} er sammenlignet med indikatorerne i ${list(sources.new)}.`
        : "",
    changes: changes.map((change) => ({
      kind: change.kind,
      title: change.title,
      goal: change.goal,
      fields:
        change.kind === "changed"
          ? change.fields.map((field) => ({
              label: FIELD_LABELS[field.field],
              revised: field.field === "revised",
              old: field.old,
              new: field.new,
            }))
          : [],
    })),
  };
}
