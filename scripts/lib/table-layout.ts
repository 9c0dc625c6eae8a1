// How wide tables are laid out, shared by the chart figures' data tables, the data tables of
// data/tables/ and the tables written in Markdown (see "Tables" in templates/assets/site.css).

/**
 * Tables with at least this many columns (row header included) show each row as a stack of
 * "label: value" on a narrow screen: 14 months side by side need 850 px, a stack needs none.
 */
export const REFLOW_COLUMNS = 5;
/** Tables with at least this many columns print in smaller type (class "many-columns"), so 14 months fit an A4 page. */
export const MANY_COLUMNS = 8;
