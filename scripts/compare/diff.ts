// The comparison of two revisions of a text: pure functions from Markdown to a structured result.
//
//   1. each revision becomes a flat list of blocks (blocks.ts), grouped by chapter;
//   2. chapters are aligned by title (diffArrays; a renamed chapter by the similarity of its text),
//      then the blocks of each pair of chapters with diffArrays on their text: equal blocks are unchanged;
//   3. in each stretch where blocks were removed and added, a removed block and an added block that
//      share enough words (similarity ≥ threshold, order kept) are the same block "changed"; a
//      paragraph split in two (or two merged into one) stays one changed block;
//   4. a removed block that reappears unchanged elsewhere is "moved";
//   5. changed blocks are compared word by word (diffWordsWithSpace), tidied so that a change reads
//      as one deletion followed by one insertion.
//
// Rendering to HTML is separate (render.ts).
import { diffArrays, diffWordsWithSpace } from "diff";
import { LIMITS } from "../limits.ts";
import { documentBlocks, markdownBlocks, type Block, type BlockOptions, type ChapterSource } from "./blocks.ts";

export type SegmentKind = "equal" | "added" | "removed";

export interface Segment {
  kind: SegmentKind;
  /** Text; "\n" marks a paragraph break (a paragraph split or merged). */
  text: string;
}

export type Entry =
  | { kind: "unchanged"; block: Block }
  /** `rewritten`: beyond the comparison's cost bound, so not compared word by word (or not paired). */
  | { kind: "changed"; old: Block[]; new: Block[]; segments: Segment[]; rewritten?: true }
  | { kind: "added"; block: Block; rewritten?: true }
  | { kind: "removed"; block: Block; rewritten?: true }
  /** The block appears unchanged here in the new text, and elsewhere (`from`: that chapter) in the old. */
  | { kind: "moved-in"; block: Block; from: string }
  /** Where a moved block used to be; `to` is the chapter it is in now. */
  | { kind: "moved-out"; block: Block; to: string };

export interface Counts {
  changed: number;
  added: number;
  removed: number;
  moved: number;
  unchanged: number;
}

export interface GoalChange {
  goal: number;
  kind: "changed" | "added" | "removed";
  old?: string;
  new?: string;
  /** Word-level changes from the old to the new wording (changed goals). */
  segments: Segment[];
}

export interface TextComparison {
  entries: Entry[];
  /** Paragraphs, list items and other text blocks; headings are counted separately. */
  paragraphs: Counts;
  headings: Counts;
  /** Goals whose wording changed, that were added or that were dropped. */
  goals: GoalChange[];
  /** Chapters with at least one change, in the order they appear in the comparison. */
  changedSections: string[];
  /** Chapters in both revisions without a single change (e.g. principles a revision keeps). */
  unchangedSections: string[];
  /**
   * Blocks beyond the comparison's cost bound (LIMITS.compareEdits, LIMITS.comparePairs): shown as
   * rewritten (deleted, then inserted) instead of word by word. The build names them in its log.
   */
  rewritten: number;
}

export interface CompareOptions {
  /** Share of words two blocks must have in common to count as one changed block (0–1). */
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 0.5;

// --- Words

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Share of words two texts have in common, in order: 2·|LCS| / (|a| + |b|), from 0 to 1. */
export function similarity(a: string, b: string): number {
  // Too different to measure within the bound: not alike.
  return similarityWithin(a, b) ?? 0;
}

/** similarity(), or undefined when the texts differ by more word edits than LIMITS.compareEdits. */
function similarityWithin(a: string, b: string): number | undefined {
  const left = words(a);
  const right = words(b);
  if (left.length === 0 && right.length === 0) return a.trim() === b.trim() ? 1 : 0;
  const changes = diffArrays(left, right, { maxEditLength: LIMITS.compareEdits });
  if (!changes) return undefined;
  const common = changes.filter((change) => !change.added && !change.removed).reduce((sum, change) => sum + change.count, 0);
  return (2 * common) / (left.length + right.length);
}

const isSpace = (text: string) => /^\s*$/.test(text);

/**
 * Word-level changes from `oldText` to `newText`. Each run of changes becomes one deletion followed
 * by one insertion; spaces between two changes join them; a change of spacing alone is not a change.
 */
export function diffText(oldText: string, newText: string): Segment[] {
  return diffTextWithin(oldText, newText).segments;
}

/** diffText(), and whether the texts were compared word by word (`within` the bound) or shown as rewritten. */
export function diffTextWithin(oldText: string, newText: string): { segments: Segment[]; within: boolean } {
  // Beyond the bound the text is shown as rewritten: all of it deleted, then all of it inserted.
  const words = diffWordsWithSpace(oldText, newText, { maxEditLength: LIMITS.compareEdits });
  const changes = words ?? [
    { value: oldText, removed: true, added: false, count: 1 },
    { value: newText, added: true, removed: false, count: 1 },
  ];
  const raw: Segment[] = changes.map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "equal",
    text: change.value,
  }));
  const result: Segment[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (isSpace(removed) && isSpace(added) && !removed.includes("\n") && !added.includes("\n")) {
      // Only the spacing differs: keep the new spacing as unchanged text.
      if (added) result.push({ kind: "equal", text: added });
    } else {
      // A space given up for a paragraph break (or the reverse) is part of the break.
      if (removed && !(isSpace(removed) && added.includes("\n"))) result.push({ kind: "removed", text: removed });
      if (added && !(isSpace(added) && removed.includes("\n"))) result.push({ kind: "added", text: added });
    }
    removed = "";
    added = "";
  };
  raw.forEach((segment, i) => {
    if (segment.kind === "removed") removed += segment.text;
    else if (segment.kind === "added") added += segment.text;
    else {
      const between = (removed || added) && i < raw.length - 1 && isSpace(segment.text) && !segment.text.includes("\n");
      if (between) {
        // Spaces between two changes belong to both sides of one change.
        removed += segment.text;
        added += segment.text;
        return;
      }
      flush();
      const last = result.at(-1);
      if (last?.kind === "equal") last.text += segment.text;
      else result.push({ ...segment });
    }
  });
  flush();
  // Merge neighbours of the same kind left by the tidying.
  const segments = result.reduce<Segment[]>((merged, segment) => {
    const last = merged.at(-1);
    if (last && last.kind === segment.kind) last.text += segment.text;
    else merged.push({ ...segment });
    return merged;
  }, []);
  return { segments, within: words !== undefined };
}

// --- Blocks

const keyOf = (block: Block) => `${block.kind}|${block.kind === "heading" ? block.level : ""}|${block.text}`;

/** Whether two blocks may be paired as one changed block: same kind (and heading level). */
function pairable(a: Block, b: Block): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== "heading" || a.level === b.level;
}

interface Pair {
  old: [number, number];
  new: [number, number];
}

/** Index pairs (i, j) with sim(i, j) ≥ threshold, order kept on both sides, the most similarity in total. */
function orderedPairs(m: number, n: number, sim: (i: number, j: number) => number, threshold: number): [number, number][] {
  if (m === 0 || n === 0) return [];
  const scores = Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => sim(i, j)));
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const s = scores[i - 1]![j - 1]!;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, s >= threshold ? best[i - 1]![j - 1]! + s : 0);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = m, j = n; i > 0 && j > 0;) {
    if (best[i]![j] === best[i - 1]![j]) i--;
    else if (best[i]![j] === best[i]![j - 1]) j--;
    else {
      pairs.unshift([i - 1, j - 1]);
      i--;
      j--;
    }
  }
  return pairs;
}

/**
 * Pairs removed and added blocks of one stretch; a pair may grow to a paragraph split or merged.
 * `bounded`: blocks (by index) that could not be measured against another within the cost bound.
 */
function pairBlocks(removed: readonly Block[], added: readonly Block[], threshold: number, bounded: { old: Set<number>; new: Set<number> }): Pair[] {
  // Pairing compares every removed block with every added one: beyond the bound, none are paired.
  if (removed.length * added.length > LIMITS.comparePairs) {
    removed.forEach((_, i) => bounded.old.add(i));
    added.forEach((_, j) => bounded.new.add(j));
    return [];
  }
  const sim = (i: number, j: number) => {
    if (!pairable(removed[i]!, added[j]!)) return 0;
    const measured = similarityWithin(removed[i]!.text, added[j]!.text);
    if (measured === undefined) {
      bounded.old.add(i);
      bounded.new.add(j);
    }
    return measured ?? 0;
  };
  const pairs: Pair[] = orderedPairs(removed.length, added.length, sim, threshold).map(([i, j]) => ({ old: [i, i + 1], new: [j, j + 1] }));
  // A paragraph split in two (or two merged into one): take in unpaired neighbours while that
  // makes the two sides more alike.
  const usedOld = new Set(pairs.map((p) => p.old[0]));
  const usedNew = new Set(pairs.map((p) => p.new[0]));
  const joined = (blocks: readonly Block[], [from, to]: [number, number]) =>
    blocks
      .slice(from, to)
      .map((b) => b.text)
      .join("\n");
  const score = (pair: Pair) => similarity(joined(removed, pair.old), joined(added, pair.new));
  for (const pair of pairs) {
    if (removed[pair.old[0]]!.kind === "heading") continue;
    const grow = (side: "old" | "new", end: 0 | 1, blocks: readonly Block[], used: Set<number>) => {
      for (;;) {
        const index = end === 1 ? pair[side][1] : pair[side][0] - 1;
        const candidate = blocks[index];
        if (!candidate || used.has(index) || !pairable(candidate, blocks[pair[side][0]]!)) return;
        const wider: Pair = { ...pair, [side]: end === 1 ? [pair[side][0], index + 1] : [index, pair[side][1]] };
        if (score(wider) <= score(pair)) return;
        pair[side] = wider[side];
        used.add(index);
      }
    };
    grow("new", 1, added, usedNew);
    grow("new", 0, added, usedNew);
    grow("old", 1, removed, usedOld);
    grow("old", 0, removed, usedOld);
  }
  return pairs;
}

function alignStretch(removed: readonly Block[], added: readonly Block[], threshold: number): Entry[] {
  const entries: Entry[] = [];
  let oldAt = 0;
  let newAt = 0;
  // A block left unpaired after a comparison beyond the bound is shown as rewritten (deleted, then inserted).
  const bounded = { old: new Set<number>(), new: new Set<number>() };
  const mark = (set: Set<number>, index: number) => (set.has(index) ? { rewritten: true as const } : {});
  const pushRemoved = (index: number) => entries.push({ kind: "removed", block: removed[index]!, ...mark(bounded.old, index) });
  const pushAdded = (index: number) => entries.push({ kind: "added", block: added[index]!, ...mark(bounded.new, index) });
  for (const pair of pairBlocks(removed, added, threshold, bounded)) {
    for (; oldAt < pair.old[0]; oldAt++) pushRemoved(oldAt);
    for (; newAt < pair.new[0]; newAt++) pushAdded(newAt);
    const oldBlocks = removed.slice(...pair.old);
    const newBlocks = added.slice(...pair.new);
    const { segments, within } = diffTextWithin(oldBlocks.map((b) => b.text).join("\n"), newBlocks.map((b) => b.text).join("\n"));
    entries.push({ kind: "changed", old: oldBlocks, new: newBlocks, segments, ...(within ? {} : { rewritten: true }) });
    oldAt = pair.old[1];
    newAt = pair.new[1];
  }
  for (; oldAt < removed.length; oldAt++) pushRemoved(oldAt);
  for (; newAt < added.length; newAt++) pushAdded(newAt);
  return entries;
}

/**
 * Walks diffArrays(keys) of two lists: runs of equal items go to `equal`, each stretch of removed
 * and added items between them to `stretch`.
 */
function walk<T, R>(
  oldItems: readonly T[],
  newItems: readonly T[],
  key: (item: T) => string,
  equal: (oldItem: T, newItem: T) => R[],
  stretch: (removed: T[], added: T[]) => R[],
): R[] {
  const result: R[] = [];
  let oldAt = 0;
  let newAt = 0;
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    if (removed.length + added.length > 0) result.push(...stretch(removed, added));
    removed = [];
    added = [];
  };
  for (const change of diffArrays(oldItems.map(key), newItems.map(key))) {
    if (change.removed) {
      removed.push(...oldItems.slice(oldAt, oldAt + change.count));
      oldAt += change.count;
    } else if (change.added) {
      added.push(...newItems.slice(newAt, newAt + change.count));
      newAt += change.count;
    } else {
      flush();
      for (let k = 0; k < change.count; k++) result.push(...equal(oldItems[oldAt + k]!, newItems[newAt + k]!));
      oldAt += change.count;
      newAt += change.count;
    }
  }
  flush();
  return result;
}

function alignBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], threshold: number): Entry[] {
  return walk<Block, Entry>(
    oldBlocks,
    newBlocks,
    keyOf,
    (_, block) => [{ kind: "unchanged", block }],
    (removed, added) => alignStretch(removed, added, threshold),
  );
}

/** Moves: a removed block that was added, word for word, somewhere else. */
function findMoves(entries: Entry[]): Entry[] {
  const removedByKey = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    if (entry.kind !== "removed") return;
    const key = keyOf(entry.block);
    removedByKey.set(key, [...(removedByKey.get(key) ?? []), i]);
  });
  entries.forEach((entry, i) => {
    if (entry.kind !== "added") return;
    const from = removedByKey.get(keyOf(entry.block))?.shift();
    if (from === undefined) return;
    const old = entries[from] as Extract<Entry, { kind: "removed" }>;
    entries[from] = { kind: "moved-out", block: old.block, to: entry.block.section };
    entries[i] = { kind: "moved-in", block: entry.block, from: old.block.section };
  });
  return entries;
}

/** Aligns two lists of blocks: unchanged, changed (with word-level changes), added, removed, moved. */
export function compareBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], options: CompareOptions = {}): Entry[] {
  return findMoves(alignBlocks(oldBlocks, newBlocks, options.threshold ?? DEFAULT_THRESHOLD));
}

/** Blocks grouped by chapter: each group starts with its chapter heading (level 1), if any. */
function chaptersOf(blocks: readonly Block[]): Block[][] {
  const chapters: Block[][] = [];
  for (const block of blocks) {
    if (chapters.length === 0 || (block.kind === "heading" && block.level === 1)) chapters.push([]);
    chapters.at(-1)!.push(block);
  }
  return chapters;
}

const chapterKey = (chapter: readonly Block[]) => {
  const first = chapter[0];
  return first?.kind === "heading" && first.level === 1 ? first.text : "";
};

/**
 * Aligns two documents chapter by chapter: chapters with the same title are compared block by
 * block; a chapter renamed but with much the same text is paired by similarity; the rest are added
 * or removed whole. Blocks moved between chapters are found afterwards.
 */
export function compareDocuments(oldBlocks: readonly Block[], newBlocks: readonly Block[], options: CompareOptions = {}): Entry[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const text = (chapter: readonly Block[]) => chapter.map((b) => b.text).join("\n");
  const entries = walk<Block[], Entry>(
    chaptersOf(oldBlocks),
    chaptersOf(newBlocks),
    chapterKey,
    (oldChapter, newChapter) => alignBlocks(oldChapter, newChapter, threshold),
    (removed, added) => {
      const result: Entry[] = [];
      let oldAt = 0;
      let newAt = 0;
      const sim = (i: number, j: number) => similarity(text(removed[i]!), text(added[j]!));
      for (const [i, j] of orderedPairs(removed.length, added.length, sim, threshold)) {
        for (; oldAt < i; oldAt++) result.push(...removed[oldAt]!.map((block): Entry => ({ kind: "removed", block })));
        for (; newAt < j; newAt++) result.push(...added[newAt]!.map((block): Entry => ({ kind: "added", block })));
        result.push(...alignBlocks(removed[i]!, added[j]!, threshold));
        oldAt = i + 1;
        newAt = j + 1;
      }
      for (; oldAt < removed.length; oldAt++) result.push(...removed[oldAt]!.map((block): Entry => ({ kind: "removed", block })));
      for (; newAt < added.length; newAt++) result.push(...added[newAt]!.map((block): Entry => ({ kind: "added", block })));
      return result;
    },
  );
  return findMoves(entries);
}

function count(entries: readonly Entry[], headings: boolean): Counts {
  const counts: Counts = { changed: 0, added: 0, removed: 0, moved: 0, unchanged: 0 };
  for (const entry of entries) {
    const block = entry.kind === "changed" ? entry.new[0]! : entry.block;
    if ((block.kind === "heading") !== headings) continue;
    if (entry.kind === "moved-in") counts.moved++;
    else if (entry.kind !== "moved-out") counts[entry.kind]++;
  }
  return counts;
}

/** The chapters that have a change, new ones in the new order first. */
function changedSections(entries: readonly Entry[]): string[] {
  const sections: string[] = [];
  const add = (title: string) => {
    if (title && !sections.includes(title)) sections.push(title);
  };
  for (const entry of entries) {
    if (entry.kind === "unchanged" || entry.kind === "moved-out") continue;
    add(entry.kind === "changed" ? entry.new[0]!.section : entry.block.section);
  }
  return sections;
}

/** The chapters whose every block is unchanged, in order. */
function unchangedSections(entries: readonly Entry[], changed: readonly string[]): string[] {
  const sections: string[] = [];
  for (const entry of entries) {
    if (entry.kind !== "unchanged") continue;
    const title = entry.block.section;
    if (title && !changed.includes(title) && !sections.includes(title)) sections.push(title);
  }
  return sections;
}

/** Goals whose wording changed between the chapters of two revisions, by goal number. */
export function compareGoals(oldChapters: readonly ChapterSource[], newChapters: readonly ChapterSource[]): GoalChange[] {
  const goalsOf = (chapters: readonly ChapterSource[]) => new Map(chapters.filter((c) => c.goal !== undefined && c.goalText).map((c) => [c.goal!, c.goalText!.trim()]));
  const before = goalsOf(oldChapters);
  const after = goalsOf(newChapters);
  const numbers = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b);
  return numbers.flatMap((goal): GoalChange[] => {
    const old = before.get(goal);
    const now = after.get(goal);
    if (old === undefined) return [{ goal, kind: "added", new: now, segments: [{ kind: "added", text: now! }] }];
    if (now === undefined) return [{ goal, kind: "removed", old, segments: [{ kind: "removed", text: old }] }];
    if (old.replace(/\s+/g, " ") === now.replace(/\s+/g, " ")) return [];
    return [{ goal, kind: "changed", old, new: now, segments: diffText(old, now) }];
  });
}

/** Compares two revisions given as chapters of Markdown (includes expanded). */
export function compareRevisions(
  oldChapters: readonly ChapterSource[],
  newChapters: readonly ChapterSource[],
  options: CompareOptions & Omit<BlockOptions, "section"> = {},
): TextComparison {
  const entries = compareDocuments(documentBlocks(oldChapters, options), documentBlocks(newChapters, options), options);
  const changed = changedSections(entries);
  return {
    entries,
    paragraphs: count(entries, false),
    headings: count(entries, true),
    goals: compareGoals(oldChapters, newChapters),
    changedSections: changed,
    unchangedSections: unchangedSections(entries, changed),
    rewritten: entries.filter((entry) => "rewritten" in entry && entry.rewritten).length,
  };
}

/** Compares two Markdown texts block by block (one chapter, no headings added). */
export function compareMarkdown(oldMarkdown: string, newMarkdown: string, options: CompareOptions & Omit<BlockOptions, "section"> = {}): Entry[] {
  return compareBlocks(markdownBlocks(oldMarkdown, options), markdownBlocks(newMarkdown, options), options);
}
