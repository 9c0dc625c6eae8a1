// The known name an unknown one most likely means, for "Mente du …?" in the editors' messages:
// a front matter field ("titel" → "title"), a command's option ("--no-pdfs" → "--no-pdf"), a series.
import { closest, distance } from "fastest-levenshtein";

/**
 * The known name closest to `name` by edit distance (Levenshtein, case ignored), when it is close
 * enough to be a typo: at most max(2, a third of its length) edits away. Undefined otherwise, and
 * when nothing is known. Returns the known name as it is written.
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = name.toLocaleLowerCase("da");
  const lowered = known.map((other) => other.toLocaleLowerCase("da"));
  const best = closest(lower, lowered);
  return distance(lower, best) <= Math.max(2, Math.floor(best.length / 3)) ? known[lowered.indexOf(best)] : undefined;
}
