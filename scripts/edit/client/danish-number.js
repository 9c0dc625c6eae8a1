// Numbers as Danish editors type them in the browser editor's forms: a decimal comma ("79,5"),
// points between thousands ("1.234"), a minus sign or hyphen ("−1,4"). A browser's own number
// field would read "5,0" as 50 in an English-language browser, so the forms use this instead.

/**
 * The number a Danish text means, or undefined when it is not a number written the Danish way.
 * "79,5" → 79.5; "1.234" → 1234; "1.234,5" → 1234.5; "−1,4" → -1.4; "33.5" → undefined (a point is
 * never a decimal sign in Danish, and guessing would let 4.500 mean either 4,5 or 4500).
 * @param {string} text
 * @returns {number | undefined}
 */
export function parseDanishNumber(text) {
  const compact = text
    .trim()
    .replace(/\u2212/g, "-")
    .replace(/[\s\u00a0]/g, "");
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(compact)) return undefined;
  return Number(compact.replace(/\./g, "").replace(",", "."));
}

/**
 * A stored number as the form shows it: decimal comma, no thousands points (so it reads back the same).
 * @param {number} value
 */
export function formatDanishNumber(value) {
  return String(value).replace(".", ",");
}

/**
 * Why a typed number cannot be saved, in Danish, or undefined when it can.
 * @param {string} text what the editor typed ("" for nothing)
 * @param {{ integer?: boolean; min?: number; max?: number }} rules the field's rules, from the schema
 */
export function danishNumberProblem(text, rules) {
  if (text.trim() === "") return undefined;
  const value = parseDanishNumber(text);
  if (value === undefined) {
    return /^\s*[-\u2212]?\d+\.\d{1,2}\s*$/.test(text)
      ? `Skriv decimaler med komma, fx ${text.trim().replace(".", ",")}.`
      : "Skriv et tal, fx 79,5 (komma før decimaler).";
  }
  if (rules.integer && !Number.isInteger(value)) return "Skriv et helt tal uden decimaler.";
  if (rules.min !== undefined && value < rules.min) return `Tallet må ikke være mindre end ${formatDanishNumber(rules.min)}.`;
  if (rules.max !== undefined && value > rules.max) return `Tallet må ikke være større end ${formatDanishNumber(rules.max)}.`;
  return undefined;
}
