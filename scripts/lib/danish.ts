// Danish presentation of numbers, periods and dates, used by pages, charts and PDFs alike.

// The Danish forms come from Intl (CLDR's da-DK): "1.234,5", "august".
const LOCALE = "da-DK";
const monthName = (month: number) => new Intl.DateTimeFormat(LOCALE, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, month - 1, 1)));
const MONTHS = Array.from({ length: 12 }, (_, i) => monthName(i + 1));

export type PeriodKind = "month" | "quarter" | "year";

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1-12 or quarter 1-4; 0 for a year. */
  index: number;
}

const PERIOD_PATTERNS: [PeriodKind, RegExp][] = [
  ["month", /^(\d{4})-(0[1-9]|1[0-2])$/],
  ["quarter", /^(\d{4})-K([1-4])$/],
  ["year", /^(\d{4})$/],
];

/** Parses "2020-08", "2020-K2" or "2020"; undefined for anything else. */
export function parsePeriod(text: string): Period | undefined {
  for (const [kind, pattern] of PERIOD_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { kind, year: Number(match[1]), index: match[2] ? Number(match[2]) : 0 };
  }
  return undefined;
}

export function requirePeriod(text: string): Period {
  const period = parsePeriod(text);
  if (!period) throw new Error(`Not a period: ${text}`);
  return period;
}

/** Position on a common time axis (in months since year 0), so periods of one kind can be ordered and spaced. */
export function periodOrdinal(period: Period): number {
  if (period.kind === "month") return period.year * 12 + period.index - 1;
  if (period.kind === "quarter") return period.year * 12 + (period.index - 1) * 3;
  return period.year * 12;
}

/** Number of periods of this kind in a year, used to find "a year before". */
export function periodsPerYear(kind: PeriodKind): number {
  return kind === "month" ? 12 : kind === "quarter" ? 4 : 1;
}

/** "august 2020", "2. kvartal 2020", "2020". */
export function formatPeriod(text: string): string {
  const period = requirePeriod(text);
  if (period.kind === "month") return `${MONTHS[period.index - 1]} ${period.year}`;
  if (period.kind === "quarter") return `${period.index}. kvartal ${period.year}`;
  return String(period.year);
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/**
 * Decimal comma, thousands dot and minus sign: 1234.5 -> "1.234,5", -3 -> "−3"; a value that rounds
 * to zero has no sign ("0,0"). Rounds half away from zero, from the number as written (0,15 -> "0,2").
 */
export function formatNumber(value: number, decimals = 0): string {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: "negative" });
    numberFormats.set(decimals, format);
  }
  // The minus sign U+2212, not CLDR's hyphen (Retskrivningsordbogen; read as "minus" by screen readers).
  return format.format(value).replace("-", "\u2212");
}

/** A file size as a reader sees it next to a download link: "108 kB", "1,5 MB" (at least "1 kB"). */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024, 1)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

export type Unit = "pct." | "procentpoint" | "antal" | "ændring i antal" | "uger" | "placering";

/** "79,5 pct.", "109", "37,9 uger", "nr. 18"; changes with their sign: "+2,4 procentpoint", "−140", "+35". */
export function formatValue(value: number, unit: Unit, decimals = 0): string {
  const number = formatNumber(value, decimals);
  if (unit === "pct.") return `${number} pct.`;
  if (unit === "procentpoint") return formatPoints(value, decimals);
  if (unit === "ændring i antal") return formatSigned(value, decimals);
  if (unit === "uger") return `${number} uger`;
  if (unit === "placering") return `nr. ${number}`;
  return number;
}

/** A change with its sign: "+35", "−3,0", and "0" without one (also for a value that rounds to zero). */
export function formatSigned(value: number, decimals = 0): string {
  const number = formatNumber(value, decimals);
  return value > 0 && number !== formatNumber(0, decimals) ? `+${number}` : number;
}

/** Percentage points with sign: "+2,4 procentpoint", "−3,0 procentpoint". */
export function formatPoints(value: number, decimals = 1): string {
  return `${formatSigned(value, decimals)} procentpoint`;
}

/** Decimals needed to show every value as written (at most 1 for shares, 2 otherwise). */
export function decimalsOf(values: readonly number[], max = 2): number {
  let decimals = 0;
  for (const value of values) {
    const text = String(value);
    const dot = text.indexOf(".");
    if (dot >= 0) decimals = Math.max(decimals, text.length - dot - 1);
  }
  return Math.min(decimals, max);
}

/** "oktober 2020" from "2020-10", "16. august 2017" from "2017-08-16". */
export function formatDate(text: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) return text;
  const month = MONTHS[Number(match[2]) - 1];
  return match[3] ? `${Number(match[3])}. ${month} ${match[1]}` : `${month} ${match[1]}`;
}

/** URL-safe slug of Danish text: "Fokusområde 1" -> "fokusomraade-1". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * A series or group name as it reads inside a Danish sentence: common nouns start lower case
 * ("forskellen til hele landet"), proper nouns keep their capital ("Ballerup", "Region Hovedstaden").
 * A one-word name is taken as a place name; a longer one is a common noun unless its first word is a
 * place word (Region, Danmark, Kommune), an abbreviation (KL, STAR) or a word of `properNames`.
 */
export function nameInSentence(name: string, properNames: readonly string[] = []): string {
  const words = name.split(/\s+/);
  const first = words[0] ?? "";
  const proper = new Set(["Region", "Danmark", "Kommune", ...properNames.flatMap((n) => n.split(/\s+/))]);
  const placeName = /^(Kommunes?|Region)$/.test(words[1] ?? "");
  if (words.length < 2 || placeName || proper.has(first.replace(/[,:;]$/, "")) || /^\p{Lu}{2}/u.test(first)) return name;
  return first.charAt(0).toLocaleLowerCase("da") + name.slice(1);
}
