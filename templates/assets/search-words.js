// Words as Danes type them, for assets/search.js (no DOM here, so the unit tests can import it).

/**
 * The spellings to search for: people type æ, ø and å as ae, oe and aa (as the site's own
 * addresses do), so "beskaeftigelse" is also searched as "beskæftigelse" and "fokusomraade" as
 * "fokusområde". Every combination of the three replacements, the query as typed first.
 */
export function spellings(query) {
  const pairs = [
    ["ae", "æ"],
    ["oe", "ø"],
    ["aa", "å"],
  ].filter(([folded]) => query.toLowerCase().includes(folded));
  const found = new Set([query]);
  for (let mask = 1; mask < 1 << pairs.length; mask++) {
    let text = query.toLowerCase();
    pairs.forEach(([folded, letter], i) => {
      if (mask & (1 << i)) text = text.replaceAll(folded, letter);
    });
    found.add(text);
  }
  return [...found];
}

/** One form for comparing words however æ, ø and å were typed: æ/ae → ae, ø/oe → o, å/aa → a. */
export function fold(text) {
  return text.toLowerCase().normalize("NFC").replaceAll("æ", "ae").replaceAll("ø", "o").replaceAll("oe", "o").replaceAll("å", "a").replaceAll("aa", "a");
}

/** True when every word of the query occurs in the text, also inside a compound ("område" in "beskæftigelsesområdet"). */
export function matchesExactly(query, text) {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u);
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((term) => words.some((word) => word.includes(term)));
}
