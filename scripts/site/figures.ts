// The HTML of the Markdown directives `::: chart` and `::: table`: a view from the data, drawn by
// its partial (templates/partials/chart-figure.njk, data-table.njk).
import { chartFigureView } from "../charts/describe.ts";
import type { ChartDrawings } from "../charts/stage.ts";
import type { Indicator, Table } from "../content/data-schema.ts";
import { tableView } from "./table.ts";
import type { Templates } from "./templates.ts";

/** An indicator's chart figure; `print` leaves out the scroll region, `open` unfolds the data table. */
export function chartHtml(templates: Templates, indicator: Indicator, drawings: ChartDrawings | undefined, options: { open?: boolean; print?: boolean } = {}): string {
  return templates.render("partials/chart-figure.njk", { figure: chartFigureView(indicator, drawings, options) });
}

/** A table of data/tables/ as a figure; `print` leaves out the scroll region. */
export function tableHtml(templates: Templates, table: Table, options: { print?: boolean } = {}): string {
  return templates.render("partials/data-table.njk", { table: tableView(table, options) });
}
