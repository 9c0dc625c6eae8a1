// Periods and numbers as staff find them in exports from Jobindsats and Danmarks Statistik,
// turned into the project's own forms: "2020K2" / "2. kvt. 2020" -> "2020-K2", "2020M08" /
// "august 2020" -> "2020-08", "1.234,5" -> 1234.5. Pure functions, no I/O.

/** One cell of a sheet: text from a CSV file; text, a number or a date from an Excel file; null when empty. */
export type Cell = string | number | Date | null;

const MONTHS: [RegExp, number][] = [
  [/^jan(uar|uary)?$/, 1],
  [/^feb(ruar|ruary)?$/, 2],
  [/^mar(ts|ch)?$/, 3],
  [/^apr(il)?$/, 4],
  [/^(maj|may)$/, 5],
  [/^jun(i|e)?$/, 6],
  [/^jul(i|y)?$/, 7],
  [/^aug(ust)?$/, 8],
  [/^sep(t|tember)?$/, 9],
  [/^o[ck]t(ober)?$/, 10],
  [/^nov(ember)?$/, 11],
  [/^dec(ember)?$/, 12],
];

const pad = (n: number) => String(n).padStart(2, "0");
const validYear = (year: number) => year >= 1900 && year <= 2100;
const month = (year: number, m: number) => (validYear(year) && m >= 1 && m <= 12 ? `${year}-${pad(m)}` : undefined);
const quarter = (year: number, q: number) => (validYear(year) && q >= 1 && q <= 4 ? `${year}-K${q}` : undefined);

/**
 * A period as staff write it, in the project's form: "2020-08" (month), "2020-K2" (quarter) or
 * "2020" (year); undefined when it is not a period.
 */
export function normalisePeriod(cell: Cell): string | undefined {
  if (cell === null) return undefined;
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? undefined : month(cell.getUTCFullYear(), cell.getUTCMonth() + 1);
  }
  if (typeof cell === "number") return Number.isInteger(cell) && validYear(cell) ? String(cell) : undefined;
  const text = cell.trim().toLowerCase().replace(/\s+/g, " ");
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})$/.exec(text))) return validYear(Number(match[1])) ? match[1]! : undefined;
  // Quarters: 2020K2, 2020-K2, 2020 K2, 2020Q2, K2 2020, 2. kvt. 2020, 2. kvartal 2020.
  if ((match = /^(\d{4}) ?-? ?[kq] ?([1-4])$/.exec(text))) return quarter(Number(match[1]), Number(match[2]));
  if ((match = /^[kq] ?([1-4]) ?-? ?(\d{4})$/.exec(text))) return quarter(Number(match[2]), Number(match[1]));
  if ((match = /^([1-4])\.? ?(kvt|kv|kvartal)\.? ?(\d{4})$/.exec(text))) return quarter(Number(match[3]), Number(match[1]));
  // Months: 2020M08, 2020M8, 2020-08, 2020-08-01, 08-2020, 8/2020, august 2020, aug. 2020.
  if ((match = /^(\d{4}) ?m ?(\d{1,2})$/.exec(text))) return month(Number(match[1]), Number(match[2]));
  if ((match = /^(\d{4})-(\d{1,2})(-\d{1,2})?$/.exec(text))) return month(Number(match[1]), Number(match[2]));
  if ((match = /^(\d{1,2})[-/.](\d{4})$/.exec(text))) return month(Number(match[2]), Number(match[1]));
  if ((match = /^([a-zæøå]+)\.? ?(\d{4})$/.exec(text))) {
    const found = MONTHS.find(([pattern]) => pattern.test(match![1]!));
    return found ? month(Number(match[2]), found[1]) : undefined;
  }
  return undefined;
}

/** Cells that mean "no figure": empty, or the marks statistics use for missing or confidential figures. */
export const MISSING_MARKS = ["", "..", "...", "-", "–", "*", ":"] as const;

export function isMissing(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && (MISSING_MARKS as readonly string[]).includes(cell.trim()));
}

/**
 * A number in Danish format ("1.234,5", "79,5", "-3", "12 %"), or a number cell from Excel;
 * "missing" for an empty or missing-mark cell; undefined when it is not a number.
 */
export function parseNumber(cell: Cell): number | "missing" | undefined {
  if (isMissing(cell)) return "missing";
  if (typeof cell === "number") return Number.isFinite(cell) ? Number(cell.toPrecision(12)) : undefined;
  if (cell instanceof Date || cell === null) return undefined;
  const text = cell
    .trim()
    .replace(/\s*%$/, "")
    .replace(/^[−–]/, "-")
    .replace(/[\u00a0\u202f]/g, " ");
  const plain = /^[-+]?\d+(,\d+)?$/;
  const dotted = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/;
  const spaced = /^[-+]?\d{1,3}( \d{3})+(,\d+)?$/;
  if (!plain.test(text) && !dotted.test(text) && !spaced.test(text)) return undefined;
  return Number(jsonText(text));
}

const jsonText = (danish: string) => danish.replace(/[. ]/g, "").replace(",", ".").replace(/^\+/, "");

/**
 * The number as it was written, in JSON form ("46,0" -> "46.0"), so a figure keeps the decimals
 * it was published with; undefined when the cell is not written text or has no such form.
 */
export function numberText(cell: Cell): string | undefined {
  const value = parseNumber(cell);
  if (typeof cell !== "string" || typeof value !== "number") return undefined;
  const text = jsonText(
    cell
      .trim()
      .replace(/\s*%$/, "")
      .replace(/^[−–]/, "-")
      .replace(/[\u00a0\u202f]/g, " "),
  );
  return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(text) && Number(text) === value ? text : undefined;
}

/** A cell as text for messages and header matching. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Excel's column letters: 1 -> "A", 27 -> "AA". */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
