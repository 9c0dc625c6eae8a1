// The comparison as HTML: inserted text in <ins>, deleted text in <del> (underlined and struck
// through, each announced as "Indsat: " / "Slettet: " by a visually hidden prefix), runs of
// unchanged and moved paragraphs folded into one line. Every piece of text is escaped here.
import { slugify } from "../lib/danish.ts";
import { escapeHtml } from "../lib/html.ts";
import type { Block } from "./blocks.ts";
import type { Counts, Segment, TextComparison } from "./diff.ts";
import type { IndicatorChange, IndicatorField } from "./indicators.ts";

const INSERTED = '<span class="visually-hidden">Indsat: </span>';
const DELETED = '<span class="visually-hidden">Slettet: </span>';
const BREAK = '<span class="visually-hidden">afsnitsskift </span><span class="diff-pilcrow" aria-hidden="true">¶</span>';

export function ins(text: string): string {
  return `<ins>${INSERTED}${escapeHtml(text)}</ins>`;
}

export function del(text: string): string {
  return `<del>${DELETED}${escapeHtml(text)}</del>`;
}

/** Word-level changes as inline HTML; "\n" is a paragraph break, shown as ¶ where it was added or removed. */
export function renderSegments(segments: readonly Segment[]): string {
  return segments
    .map((segment) => {
      const lines = segment.text.split("\n").map(escapeHtml);
      if (segment.kind === "equal") return lines.join("<br>");
      if (segment.kind === "added") return lines.map((line) => (line ? `<ins>${INSERTED}${line}</ins>` : "")).join(`<ins class="diff-break">${INSERTED}${BREAK}</ins><br>`);
      return lines.map((line) => (line ? `<del>${DELETED}${line}</del>` : "")).join(`<del class="diff-break">${DELETED}${BREAK}</del> `);
    })
    .join("");
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const quoted = (title: string) => `»${title}«`;

export interface RenderOptions {
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

function blockTag(block: Block): string {
  return block.kind === "item" ? "li" : "p";
}

function blockClass(block: Block, state: string): string {
  const classes = [`diff-${state}`, `diff-${block.kind}`];
  if (block.kind === "goal") classes.push("goal");
  if (block.kind === "item" && block.level > 1) classes.push(`diff-depth-${Math.min(block.level, 4)}`);
  return classes.join(" ");
}

/** The text part of a comparison: chapter headings always, changes in full, the rest folded. */
export function renderText(comparison: TextComparison, options: RenderOptions = {}): string {
  const chapterLevel = options.chapterLevel ?? 3;
  const ids = sectionIds(comparison);
  const html: string[] = [];
  let list = false;
  const closeList = () => {
    if (list) html.push("</ul>");
    list = false;
  };
  const openList = () => {
    if (!list) html.push('<ul class="diff-list">');
    list = true;
  };
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
    html.push(`<p class="diff-folded diff-folded-${kind}">${escapeHtml(text)}</p>`);
    folded = undefined;
  };

  for (const entry of comparison.entries) {
    const block = entry.kind === "changed" ? entry.new[0]! : entry.block;
    const isHeading = block.kind === "heading" && entry.kind !== "moved-in" && entry.kind !== "moved-out";
    if (!isHeading && (entry.kind === "unchanged" || entry.kind === "moved-in" || entry.kind === "moved-out")) {
      const other = entry.kind === "moved-in" ? entry.from : entry.kind === "moved-out" ? entry.to : "";
      if (folded && (folded.kind !== entry.kind || folded.other !== other)) flushFolded();
      closeList();
      folded ??= { kind: entry.kind, count: 0, other, section: block.section };
      folded.count++;
      continue;
    }
    flushFolded();
    const inner =
      entry.kind === "changed"
        ? renderSegments(entry.segments)
        : entry.kind === "added"
          ? ins(block.text)
          : entry.kind === "removed"
            ? del(block.text)
            : escapeHtml(block.text);
    if (isHeading) {
      closeList();
      const level = Math.min(6, block.level === 1 ? chapterLevel : chapterLevel + block.level - 1);
      const id = block.level === 1 ? ids.get(block.section) : undefined;
      html.push(`<h${level}${id ? ` id="${id}"` : ""} class="diff-heading diff-${entry.kind}">${inner}</h${level}>`);
      continue;
    }
    const tag = blockTag(block);
    if (tag === "li") openList();
    else closeList();
    const label =
      entry.kind === "added"
        ? `<span class="diff-label">${block.kind === "item" ? "Nyt punkt" : "Nyt afsnit"}</span> `
        : entry.kind === "removed"
          ? `<span class="diff-label">${block.kind === "item" ? "Slettet punkt" : "Slettet afsnit"}</span> `
          : "";
    html.push(`<${tag} class="${blockClass(block, entry.kind)}">${label}${inner}</${tag}>`);
  }
  flushFolded();
  closeList();
  return html.join("\n");
}

function figures(counts: Counts): [string, number][] {
  const rows: [string, number][] = [
    ["ændret", counts.changed],
    ["tilføjet", counts.added],
    ["fjernet", counts.removed],
  ];
  if (counts.moved > 0) rows.push(["flyttet", counts.moved]);
  rows.push(["uændret", counts.unchanged]);
  return rows;
}

export interface SummaryInput {
  text: TextComparison;
  indicators: IndicatorChange[];
  /** Id of the indicator section, linked from the summary. */
  indicatorsId: string;
}

/** The summary at the top: figures, goals with new wording, indicators, the chapters with changes. */
export function renderSummary({ text, indicators, indicatorsId }: SummaryInput): string {
  const html: string[] = [];
  html.push('<dl class="compare-figures">');
  for (const [label, value] of figures(text.paragraphs)) {
    html.push(`<div><dt>Afsnit ${escapeHtml(label)}</dt><dd>${value}</dd></div>`);
  }
  html.push("</dl>");
  const h = text.headings;
  if (h.changed + h.added + h.removed + h.moved > 0) {
    const parts = [
      h.changed && plural(h.changed, "overskrift er ændret", "overskrifter er ændret"),
      h.added && plural(h.added, "overskrift er tilføjet", "overskrifter er tilføjet"),
      h.removed && plural(h.removed, "overskrift er fjernet", "overskrifter er fjernet"),
      h.moved && plural(h.moved, "overskrift er flyttet", "overskrifter er flyttet"),
    ].filter(Boolean);
    html.push(`<p class="compare-headings">Overskrifter: ${escapeHtml(parts.join(", "))}.</p>`);
  }

  if (text.goals.length === 0) html.push('<p class="compare-goals">Målenes ordlyd er uændret.</p>');
  else {
    html.push('<p class="compare-goals">Mål med ny ordlyd:</p>\n<ul class="compare-goal-list">');
    for (const goal of text.goals) {
      const what = goal.kind === "added" ? "nyt mål" : goal.kind === "removed" ? "udgået mål" : "ny ordlyd";
      html.push(`<li><strong>Mål ${goal.goal}</strong> (${what}): ${renderSegments(goal.segments)}</li>`);
    }
    html.push("</ul>");
  }

  const indicatorText =
    indicators.length === 0
      ? "Ingen ændringer i indikatorerne."
      : `${indicatorSummary(indicators)}.`;
  html.push(`<p class="compare-indicator-summary">Indikatorer: <a href="#${indicatorsId}">${escapeHtml(indicatorText)}</a></p>`);

  const ids = sectionIds(text);
  if (text.changedSections.length === 0) html.push("<p>Teksten er uændret.</p>");
  else {
    const links = text.changedSections.map((title) => {
      const id = ids.get(title);
      return id ? `<a href="#${id}">${escapeHtml(title)}</a>` : escapeHtml(title);
    });
    html.push(`<p class="compare-sections">Ændringer i: ${links.join(", ")}.</p>`);
  }
  // What a revision keeps is said in words, not only by the absence of marks.
  if (text.unchangedSections.length > 0 && text.changedSections.length > 0) {
    html.push(`<p class="compare-sections">Uændret: ${text.unchangedSections.map(escapeHtml).join(", ")}.</p>`);
  }
  html.push(
    '<p class="compare-legend"><strong>Sådan læses sammenligningen:</strong> ' +
      `Ny tekst er ${ins("understreget")}, slettet tekst er ${del("gennemstreget")}. ` +
      "Afsnit uden ændringer er foldet sammen til en linje, fx »3 uændrede afsnit«.</p>",
  );
  return html.join("\n");
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

/** The indicator changes as a list, or "Ingen ændringer i indikatorerne". */
export function renderIndicators(changes: readonly IndicatorChange[], sources: IndicatorSources): string {
  const html: string[] = [];
  const same = sources.old.length > 0 && sources.old.join("|") === sources.new.join("|");
  if (same) html.push(`<p>Begge udgaver følges op med indikatorerne i ${escapeHtml(sources.old.join(" og "))}.</p>`);
  else if (sources.old.length + sources.new.length > 0) {
    const list = (titles: string[]) => (titles.length ? titles.join(" og ") : "ingen indikatorer");
    html.push(`<p>Indikatorerne i ${escapeHtml(list(sources.old))} er sammenlignet med indikatorerne i ${escapeHtml(list(sources.new))}.</p>`);
  }
  if (changes.length === 0) {
    html.push('<p class="compare-no-changes">Ingen ændringer i indikatorerne.</p>');
    return html.join("\n");
  }
  html.push('<ul class="compare-indicator-list">');
  for (const change of changes) {
    const name = `${escapeHtml(change.title)} <span class="compare-indicator-goal">(mål ${change.goal})</span>`;
    if (change.kind === "added") html.push(`<li><span class="diff-label">Ny indikator</span> ${ins(change.title)} <span class="compare-indicator-goal">(mål ${change.goal})</span></li>`);
    else if (change.kind === "removed") html.push(`<li><span class="diff-label">Udgået indikator</span> ${del(change.title)} <span class="compare-indicator-goal">(mål ${change.goal})</span></li>`);
    else {
      const fields = change.fields.map((field) => {
        const label = escapeHtml(FIELD_LABELS[field.field]);
        if (field.field === "revised") return `<li>${label}: ${escapeHtml(field.new)} for tidligere perioder er rettet</li>`;
        const parts = [field.old && del(field.old), field.new && ins(field.new)].filter(Boolean);
        return `<li>${label}: ${parts.join(" ")}</li>`;
      });
      html.push(`<li><span class="diff-label">Ændret</span> ${name}<ul>${fields.join("")}</ul></li>`);
    }
  }
  html.push("</ul>");
  return html.join("\n");
}
