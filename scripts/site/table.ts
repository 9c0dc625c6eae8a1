// Data tables from data/tables/*.json as the view templates/partials/data-table.njk draws:
// caption, column groups, row headers, ranges kept as ranges ("6-8 pct.").
import { formatNumber } from "../lib/danish.ts";
import { REFLOW_COLUMNS } from "../lib/table-layout.ts";
import type { Table } from "../content/data-schema.ts";

type Cell = Table["rows"][number]["values"][number];

export function formatCell(value: Cell, unit: Table["unit"]): string {
  const suffix = unit === "pct." ? " pct." : "";
  const decimals = (n: number) => (Number.isInteger(n) ? 0 : 1);
  if (typeof value === "number") return formatNumber(value, decimals(value)) + suffix;
  return `${formatNumber(value.min, decimals(value.min))}-${formatNumber(value.max, decimals(value.max))}${suffix}`;
}

/** What templates/partials/data-table.njk draws for one table of data/tables/. */
export interface TableView {
  /** "tabel-<table>", and the id of its caption (which names the scroll region). */
  id: string;
  captionId: string;
  caption: string;
  /** Whether a narrow screen shows each row as a stack of "label: value". */
  reflow: boolean;
  /** On screen the table scrolls in a region of its own; paper does not scroll. */
  region: boolean;
  /** The first column's header, and the header spanning the value columns when the table has one. */
  stub: string;
  group?: string;
  columns: string[];
  /** Each row's header, its indent level (1–2; 0 or none: none) and its cells in Danish with their column's name. */
  rows: { label: string; level?: number; cells: { label: string; value: string }[] }[];
  notes?: string;
  source?: string;
}

/** A data table as a figure; on screen (not `print`) the table sits in its own scroll region. Every value is a figure (aligned right). */
export function tableView(table: Table, options: { print?: boolean } = {}): TableView {
  return {
    id: `tabel-${table.id}`,
    captionId: `tabel-${table.id}-titel`,
    caption: table.caption,
    reflow: table.columns.length + 1 >= REFLOW_COLUMNS,
    region: !options.print,
    stub: table.stub,
    group: table.group,
    columns: table.columns,
    rows: table.rows.map((row) => ({
      label: row.label,
      level: row.level,
      cells: row.values.map((v, i) => ({ label: table.columns[i] ?? "", value: formatCell(v, table.unit) })),
    })),
    notes: table.notes,
    source: table.source,
  };
}
