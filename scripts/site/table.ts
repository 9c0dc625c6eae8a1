// Data tables from data/tables/*.json as accessible HTML: caption, column groups, row headers,
// ranges kept as ranges ("6-8 pct.").
import { formatNumber } from "../lib/danish.ts";
import { escapeHtml } from "../lib/html.ts";
import { REFLOW_COLUMNS, tableRegion } from "./tables.ts";
import type { Table } from "../content/data-schema.ts";

type Cell = Table["rows"][number]["values"][number];

export function formatCell(value: Cell, unit: Table["unit"]): string {
  const suffix = unit === "pct." ? " pct." : "";
  const decimals = (n: number) => (Number.isInteger(n) ? 0 : 1);
  if (typeof value === "number") return formatNumber(value, decimals(value)) + suffix;
  return `${formatNumber(value.min, decimals(value.min))}-${formatNumber(value.max, decimals(value.max))}${suffix}`;
}

/** A data table as a figure; on screen (not `print`) the table sits in its own scroll region. */
export function renderTable(table: Table, options: { print?: boolean } = {}): string {
  // Every value is a figure: value columns align right (class "num"), the stub column left.
  const group = table.group
    ? `<tr><th scope="col" rowspan="2">${escapeHtml(table.stub)}</th><th scope="colgroup" colspan="${table.columns.length}" class="num">${escapeHtml(table.group)}</th></tr><tr>`
    : `<tr><th scope="col">${escapeHtml(table.stub)}</th>`;
  const head = `${group}${table.columns.map((c) => `<th scope="col" class="num">${escapeHtml(c)}</th>`).join("")}</tr>`;
  const body = table.rows
    .map((row) => {
      const level = row.level ? ` class="level-${row.level}"` : "";
      const cells = row.values.map((v, i) => `<td class="num" data-label="${escapeHtml(table.columns[i] ?? "")}">${escapeHtml(formatCell(v, table.unit))}</td>`).join("");
      return `<tr${level}><th scope="row">${escapeHtml(row.label)}</th>${cells}</tr>`;
    })
    .join("");
  const notes = table.notes ? `<p class="table-notes">${escapeHtml(table.notes)}</p>` : "";
  const source = `${notes}${table.source ? `<p class="table-source">Kilde: ${escapeHtml(table.source)}.</p>` : ""}`;
  const captionId = `tabel-${table.id}-titel`;
  const reflow = table.columns.length + 1 >= REFLOW_COLUMNS ? ' class="reflow"' : "";
  const html = `<table${reflow}><caption id="${captionId}">${escapeHtml(table.caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
  return `<figure class="table" id="tabel-${table.id}">${options.print ? html : tableRegion(html, { labelledBy: captionId })}${source}</figure>`;
}
