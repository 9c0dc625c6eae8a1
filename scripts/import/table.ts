// Reads an export (CSV or Excel) into rows of cells, with the row numbers staff see when they
// open the file. CSV is parsed by csv-parse, Excel by exceljs; this module only decodes the text
// (UTF-8, UTF-8 with BOM, UTF-16 or Windows-1252) and picks the separator.
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { LIMITS } from "../limits.ts";
import { mib } from "../messages.ts";
import { parse } from "csv-parse/sync";
import type { Cell } from "./values.ts";
import { columnLetters } from "./values.ts";

export interface Row {
  /** 1-based row number in the file (the line in a CSV file, the row in Excel). */
  number: number;
  cells: Cell[];
}

export interface Sheet {
  format: "csv" | "xlsx";
  rows: Row[];
  /** The encoding a CSV file was read with. */
  encoding?: "utf-8" | "utf-16le" | "windows-1252";
  /** Excel: the sheet's name, and its formulas that have no stored result (the workbook was never calculated and saved by Excel). */
  name?: string;
  uncomputed?: { cell: string; formula: string }[];
}

/** Thrown for a file that cannot be read at all; `reason` is for the editor's message. */
export class UnreadableFile extends Error {
  readonly kind: "type" | "unreadable" | "sheet";
  readonly sheets: string[];
  constructor(kind: "type" | "unreadable" | "sheet", reason: string, sheets: string[] = []) {
    super(reason);
    this.kind = kind;
    this.sheets = sheets;
  }
}

/** How a column is named in messages: "C" in Excel, "3" in a CSV file. */
export function columnLabel(sheet: Pick<Sheet, "format">, column: number): string {
  return sheet.format === "xlsx" ? columnLetters(column) : String(column);
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** The text of a CSV file: UTF-8 when it is valid UTF-8, otherwise Windows-1252 (Excel's "CSV" on Danish Windows). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: NonNullable<Sheet["encoding"]> } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/** The separator of a CSV file: semicolon (Danish exports), tab, or comma. */
export function detectDelimiter(text: string): string {
  const sample = text
    .split(/\r?\n/)
    .slice(0, 50)
    .join("\n")
    .replace(/"[^"]*"/g, "");
  if (sample.includes(";")) return ";";
  if (sample.includes("\t")) return "\t";
  return ",";
}

export function readCsv(bytes: Uint8Array, delimiter?: string): Sheet {
  const { text, encoding } = decodeText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      delimiter: delimiter ?? detectDelimiter(text),
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (error) {
    throw new UnreadableFile("unreadable", (error as Error).message.replace(/\.$/, ""));
  }
  return {
    format: "csv",
    encoding,
    rows: records.map(({ record, info }) => ({
      number: info.lines,
      cells: record.map((value) => (value.trim() === "" ? null : value)),
    })),
  };
}

/** Excel's cell values (formulas, rich text, links, errors) as plain cells. */
function excelCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("") || null;
  if ("formula" in value || "sharedFormula" in value) return excelCell((value as { result?: ExcelJS.CellValue }).result);
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return String(value.error);
  return null;
}

/**
 * A number as Excel shows it: a cell formatted as a percentage stores 0.493 and shows "49,3 %", and
 * the figure the editor means (in pct.) is the one shown. Other cells are as stored.
 */
function asShown(cell: Cell, numberFormat: string | undefined): Cell {
  // "%" outside quoted text ("0.0%", not '0.0" %-point"') makes Excel multiply by 100 for display.
  const percent =
    typeof numberFormat === "string" &&
    numberFormat
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, "")
      .includes("%");
  return percent && typeof cell === "number" ? Number((cell * 100).toPrecision(12)) : cell;
}

/** Why an .xlsx is too large to open (scripts/limits.ts), from its size and its zip directory, before unpacking. */
function xlsxTooLarge(bytes: Uint8Array): string | undefined {
  if (bytes.length > LIMITS.importBytes) return `filen fylder mere end ${mib(LIMITS.importBytes)}`;
  let unpacked = 0;
  try {
    // The filter sees each entry's declared size and unpacks nothing (it returns false).
    unzipSync(bytes, { filter: (entry) => ((unpacked += entry.originalSize), false) });
  } catch {
    return undefined; // not a zip: exceljs says why
  }
  return unpacked > LIMITS.importUnpackedBytes ? `den fylder udpakket mere end ${mib(LIMITS.importUnpackedBytes)}` : undefined;
}

export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<Sheet> {
  const tooLarge = xlsxTooLarge(bytes);
  if (tooLarge) throw new UnreadableFile("unreadable", tooLarge);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableFile("unreadable", (error as Error).message.replace(/\.$/, ""));
  }
  const names = workbook.worksheets.map((worksheet) => worksheet.name);
  const worksheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!worksheet) throw new UnreadableFile("sheet", sheetName ?? "", names);
  const rows: Row[] = [];
  const uncomputed: { cell: string; formula: string }[] = [];
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 0); c++) {
      const cell = row.getCell(c);
      const value = cell.value;
      // A formula is stored with its last result only when Excel (or a program like it) calculated
      // and saved the workbook; without one, its figure would silently read as an empty cell.
      if (value && typeof value === "object" && ("formula" in value || "sharedFormula" in value) && (value as { result?: unknown }).result === undefined) {
        const formula = (value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? "";
        uncomputed.push({ cell: `${columnLetters(c)}${r}`, formula });
      }
      cells.push(asShown(excelCell(value), cell.numFmt));
    }
    while (cells.length > 0 && cells.at(-1) === null) cells.pop();
    rows.push({ number: r, cells });
  }
  return { format: "xlsx", rows, name: worksheet.name, uncomputed };
}

/** Reads a CSV or Excel (.xlsx) export; the format follows from the content, then the file name. */
export async function readSheet(bytes: Uint8Array, fileName: string, options: { sheet?: string; delimiter?: string } = {}): Promise<Sheet> {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (isZip(bytes)) return readXlsx(bytes, options.sheet);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (isOle(bytes) || ["xls", "xlsm", "xlsb", "ods", "numbers", "pdf"].includes(extension) || (!utf16 && bytes.includes(0))) {
    throw new UnreadableFile("type", fileName);
  }
  if (extension === "xlsx") throw new UnreadableFile("unreadable", "filen er ikke en gyldig Excel-fil");
  return readCsv(bytes, options.delimiter);
}
