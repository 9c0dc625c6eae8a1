// Finds the observations in a sheet through a mapping: the column header row (after any title
// rows), the period, series and value of every figure, and a message naming row and column for
// every cell that cannot be read. Pure: a Sheet and a Mapping in, observations and problems out.
import { messages, type Problem } from "../messages.ts";
import type { ColumnRef, Mapping } from "./mapping.ts";
import { columnLabel, type Row, type Sheet } from "./table.ts";
import { cellText, isMissing, normalisePeriod, numberText, parseNumber, type Cell } from "./values.ts";

export interface ImportedObservation {
  series: string;
  period: string;
  value: number;
  /** The number as written in the export, in JSON form ("46.0"), when it was text. */
  text?: string;
  /** Where the figure is in the export. */
  row: number;
  column: number;
}

export interface Extraction {
  observations: ImportedObservation[];
  /** Cells left out because they were empty or marked as missing (".." or "-"). */
  missing: number;
  /** The row of column headers, when there is one. */
  headerRow?: number;
  problems: Problem[];
}

const normalise = (text: string) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase("da");
const cellAt = (row: Row, column: number): Cell => row.cells[column - 1] ?? null;

function findColumn(header: Row | undefined, ref: ColumnRef): number | undefined {
  if (typeof ref === "number") return ref;
  if (!header) return undefined;
  const index = header.cells.findIndex((cell) => normalise(cellText(cell)) === normalise(ref));
  return index >= 0 ? index + 1 : undefined;
}

/** The column references a layout names by header text. */
function namedColumns(mapping: Mapping): string[] {
  const layout = mapping.layout;
  const refs: ColumnRef[] =
    layout.kind === "series-columns"
      ? [layout.period, ...layout.series.map((s) => s.column)]
      : layout.kind === "rows"
        ? [layout.period, layout.series, layout.value]
        : [layout.series];
  return refs.filter((ref): ref is string => typeof ref === "string");
}

/** The row of column headers: the given one, else the first row that has every named column (for default mappings: the period column and at least one series). */
function findHeaderRow(sheet: Sheet, mapping: Mapping): Row | undefined {
  if (mapping.headerRow !== undefined) return sheet.rows.find((row) => row.number === mapping.headerRow);
  const layout = mapping.layout;
  const named = namedColumns(mapping);
  if (layout.kind === "series-columns" && layout.onlyPresent) {
    return sheet.rows.find((row) => findColumn(row, layout.period) !== undefined && layout.series.some((s) => findColumn(row, s.column) !== undefined));
  }
  if (named.length > 0) return sheet.rows.find((row) => named.every((ref) => findColumn(row, ref) !== undefined));
  if (layout.kind === "period-headers") {
    const seriesColumn = layout.series as number;
    return sheet.rows.find((row) => row.cells.some((cell, i) => i + 1 !== seriesColumn && normalisePeriod(cell) !== undefined));
  }
  return undefined;
}

/** The row whose headers come closest to the mapping's, to show the editor what the file has. */
function closestHeaderRow(sheet: Sheet, mapping: Mapping): Row | undefined {
  const named = namedColumns(mapping);
  let best: Row | undefined;
  let bestScore = -1;
  for (const row of sheet.rows.slice(0, 50)) {
    const found = named.filter((ref) => findColumn(row, ref) !== undefined).length;
    const score = found * 1000 + row.cells.filter((cell) => cell !== null).length;
    if (score > bestScore) [best, bestScore] = [row, score];
  }
  return best;
}

function headersOf(row: Row | undefined): string[] {
  return row ? row.cells.map(cellText).filter((text) => text !== "") : [];
}

export function extractObservations(sheet: Sheet, mapping: Mapping, file: string): Extraction {
  const problems: Problem[] = [];
  const observations: ImportedObservation[] = [];
  let missing = 0;
  const layout = mapping.layout;
  const header = findHeaderRow(sheet, mapping);

  // Every named column must be in the header row.
  const shown = header ?? closestHeaderRow(sheet, mapping);
  // Without a header row, the columns missing from the row that comes closest.
  const missingColumns =
    header && layout.kind === "series-columns" && layout.onlyPresent ? [] : namedColumns(mapping).filter((ref) => findColumn(shown, ref) === undefined);
  if (mapping.headerRow !== undefined && !header) {
    problems.push({ file, ...messages.importColumnsMissing(namedColumns(mapping), [], mapping.headerRow) });
    return { observations, missing, problems };
  }
  if (missingColumns.length > 0) {
    problems.push({ file, ...messages.importColumnsMissing(missingColumns.map(String), headersOf(shown), shown?.number) });
    return { observations, missing, problems };
  }

  const headerText = (column: number) => (header ? cellText(cellAt(header, column)) : "");
  const where = (row: number, column: number) => {
    const name = headerText(column);
    return `række ${row}, kolonne ${columnLabel(sheet, column)}${name ? ` ("${name}")` : ""}`;
  };
  const seen = new Map<string, number>();
  const add = (series: string, period: string, cell: Cell, row: number, column: number) => {
    const value = parseNumber(cell);
    if (value === "missing") {
      missing++;
      return;
    }
    if (value === undefined) {
      problems.push({ file, ...messages.importBadNumber(cellText(cell), where(row, column)) });
      return;
    }
    const key = `${series}\u0000${period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ file, ...messages.importDuplicate(series, period, where(row, column), first) });
      return;
    }
    seen.set(key, row);
    const text = numberText(cell);
    observations.push({ series, period, value, ...(text === undefined ? {} : { text }), row, column });
  };
  const periodOf = (row: Row, column: number): string | undefined => {
    const cell = cellAt(row, column);
    const period = normalisePeriod(cell);
    if (period === undefined) problems.push({ file, ...messages.importBadPeriod(cellText(cell), where(row.number, column)) });
    return period;
  };
  const nameOf = (names: Record<string, string> | undefined, text: string): string | undefined => {
    if (!names) return text;
    const entry = Object.entries(names).find(([from]) => normalise(from) === normalise(text));
    return entry?.[1];
  };

  const firstDataRow = (periodColumn: number) =>
    header ? header.number + 1 : (sheet.rows.find((row) => normalisePeriod(cellAt(row, periodColumn)) !== undefined)?.number ?? Infinity);

  if (layout.kind === "series-columns") {
    const periodColumn = findColumn(header, layout.period)!;
    const columns = layout.series
      .map((s) => ({ name: s.name, column: findColumn(header, s.column) }))
      .filter((s): s is { name: string; column: number } => s.column !== undefined);
    for (const row of sheet.rows.filter((r) => r.number >= firstDataRow(periodColumn))) {
      // Rows without any figure (titles, notes, sources, blank lines) are not data.
      if (columns.every((s) => isMissing(cellAt(row, s.column)))) {
        if (normalisePeriod(cellAt(row, periodColumn)) !== undefined) missing += columns.filter((c) => cellAt(row, c.column) !== null).length;
        continue;
      }
      const period = periodOf(row, periodColumn);
      if (period === undefined) continue;
      for (const s of columns) add(s.name, period, cellAt(row, s.column), row.number, s.column);
    }
  } else if (layout.kind === "rows") {
    const periodColumn = findColumn(header, layout.period)!;
    const seriesColumn = findColumn(header, layout.series)!;
    const valueColumn = findColumn(header, layout.value)!;
    // Statistics exports often leave a label blank when it repeats the one above.
    let lastSeries = "";
    let lastPeriod: Cell = null;
    for (const row of sheet.rows.filter((r) => r.number >= firstDataRow(periodColumn))) {
      const seriesText = cellText(cellAt(row, seriesColumn)) || lastSeries;
      const periodCell: Cell = cellAt(row, periodColumn) ?? lastPeriod;
      lastSeries = seriesText;
      lastPeriod = periodCell;
      const valueCell = cellAt(row, valueColumn);
      if (isMissing(valueCell)) {
        if (valueCell !== null && normalisePeriod(periodCell) !== undefined && nameOf(layout.names, seriesText) !== undefined) missing++;
        continue;
      }
      if (!seriesText) {
        problems.push({ file, ...messages.importNoSeriesName(where(row.number, seriesColumn)) });
        continue;
      }
      const series = nameOf(layout.names, seriesText);
      if (series === undefined) continue;
      const period = normalisePeriod(periodCell);
      if (period === undefined) {
        problems.push({ file, ...messages.importBadPeriod(cellText(periodCell), where(row.number, periodColumn)) });
        continue;
      }
      add(series, period, valueCell, row.number, valueColumn);
    }
  } else {
    const seriesColumn = findColumn(header, layout.series)!;
    if (!header) {
      problems.push({ file, ...messages.importNoData() });
      return { observations, missing, problems };
    }
    const periodColumns = header.cells
      .map((cell, i) => ({ column: i + 1, period: normalisePeriod(cell) }))
      .filter((c): c is { column: number; period: string } => c.column !== seriesColumn && c.period !== undefined);
    for (const row of sheet.rows.filter((r) => r.number > header.number)) {
      if (periodColumns.every((c) => isMissing(cellAt(row, c.column)))) {
        if (nameOf(layout.names, cellText(cellAt(row, seriesColumn))) !== undefined) {
          missing += periodColumns.filter((c) => cellAt(row, c.column) !== null).length;
        }
        continue;
      }
      const seriesText = cellText(cellAt(row, seriesColumn));
      if (!seriesText) {
        problems.push({ file, ...messages.importNoSeriesName(where(row.number, seriesColumn)) });
        continue;
      }
      const series = nameOf(layout.names, seriesText);
      if (series === undefined) continue;
      for (const c of periodColumns) add(series, c.period, cellAt(row, c.column), row.number, c.column);
    }
  }

  if (problems.length === 0 && observations.length === 0) problems.push({ file, ...messages.importNoData() });
  return { observations, missing, headerRow: header?.number, problems };
}
