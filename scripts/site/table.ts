// Data tables from data/tables/*.json as accessible HTML: caption, column groups, row headers,
// ranges kept as ranges ("6-8 pct.").
import { formatNumber } from "../lib/danish.ts";
import { escapeHtml } from "../lib/html.ts";
import type { Table } from "../indicators/schema.ts";

type Cell = Table["rows"][number]["values"][number];

export function formatCell(value: Cell, unit: Table["unit"]): string {
  const suffix = unit === "pct." ? " pct." : "";
  const decimals = (n: number) => (Number.isInteger(n) ? 0 : 1);
  if (typeof value === "number") return formatNumber(value, decimals(value)) + suffix;
  return `${formatNumber(value.min, decimals(value.min))}-${formatNumber(value.max, decimals(value.max))}${suffix}`;
}

export function renderTable(table: Table): string {
  const group = table.group
    ? `<tr><th scope="col" rowspan="2">${escapeHtml(table.stub)}</th><th scope="colgroup" colspan="${table.columns.length}">${escapeHtml(table.group)}</th></tr><tr>`
    : `<tr><th scope="col">${escapeHtml(table.stub)}</th>`;
  const head = `${group}${table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr>`;
  const body = table.rows
    .map((row) => {
      const level = row.level ? ` class="level-${row.level}"` : "";
      const cells = row.values.map((v) => `<td>${escapeHtml(formatCell(v, table.unit))}</td>`).join("");
      return `<tr${level}><th scope="row">${escapeHtml(row.label)}</th>${cells}</tr>`;
    })
    .join("");
  const notes = table.notes ? `<p class="table-notes">${escapeHtml(table.notes)}</p>` : "";
  const source = `${notes}${table.source ? `<p class="table-source">Kilde: ${escapeHtml(table.source)}.</p>` : ""}`;
  return `<figure class="table" id="tabel-${table.id}"><table><caption>${escapeHtml(table.caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>${source}</figure>`;
}
