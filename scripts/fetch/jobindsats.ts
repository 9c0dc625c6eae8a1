// Jobindsats (STAR), API version 3 (version 2 was switched off on 30 September 2026), as STAR's
// "Brugervejledning til version 3" and public v3 clients use it: base https://api.jobindsats.dk/v3,
// header "Authorization: Bearer <token>", GET /table/{id}?format=json for a table's metadata
// (dimensions with their hierarchies) and GET /data/{id}?format=json&period.M=latest:24
// &mgroup.*=*&hierarchy._nykom=<value> for figures, answered as { "columns": [...], "rows": [[...]] }
// with one column per dimension and measure. Values may be numbers or Danish-formatted text
// ("1.234", "12,5"); ".." marks a figure not shown. A request has a cell limit, so a series whose
// answer could pass it is refused with a message saying how to ask for less.
import { numberText, parseNumber, normalisePeriod } from "../import/values.ts";
import { fetchDetails } from "../messages.ts";
import type { JobindsatsEntry } from "./sources.ts";
import { requestJson, SourceError } from "./http.ts";
import type { ClientOptions, FetchedSeries } from "./statbank.ts";

export const JOBINDSATS_URL = "https://api.jobindsats.dk/v3";
/**
 * Cells one answer may hold. STAR's guide states a limit per request; its figure could not be read
 * where this was written, so this is set low on purpose: a larger series is refused, never cut off.
 */
export const JOBINDSATS_CELL_LIMIT = 100_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const same = (a: string, b: string) => a.trim().localeCompare(b.trim(), "da", { sensitivity: "accent" }) === 0;

/** The hierarchy ids in a table's metadata (dimensions[].hierarchies[].hierarchy_id), when it lists them. */
function hierarchyIds(metadata: unknown): string[] | undefined {
  const dimensions = isObject(metadata) ? metadata.dimensions : undefined;
  if (!Array.isArray(dimensions)) return undefined;
  return dimensions.flatMap((dimension) =>
    isObject(dimension) && Array.isArray(dimension.hierarchies)
      ? dimension.hierarchies.flatMap((h) => (isObject(h) && typeof h.hierarchy_id === "string" ? [h.hierarchy_id] : []))
      : [],
  );
}

/** The data query without base address and token, e.g. "y25i01?format=json&period.M=latest:24&…". */
export function jobindsatsQuery(entry: JobindsatsEntry): string {
  const params = [
    ["format", "json"],
    [`period.${entry.period_type}`, entry.periods],
    ["mgroup.*", "*"],
    [`hierarchy.${entry.area.hierarchy}`, entry.area.value],
    ...Object.entries(entry.hierarchies).map(([h, v]) => [`hierarchy.${h}`, v]),
  ];
  return `${entry.table}?${params.map(([k, v]) => `${k}=${encodeURIComponent(v!).replace(/%2F/g, "/").replace(/%3A/g, ":")}`).join("&")}`;
}

/** Fetches one mapped series from Jobindsats with the organisation's token. Throws SourceError. */
export async function fetchJobindsats(entry: JobindsatsEntry, options: ClientOptions & { token: string }): Promise<FetchedSeries> {
  const get = (path: string) =>
    requestJson(`${options.baseUrl}/${path}`, { headers: { Authorization: `Bearer ${options.token}`, Accept: "application/json" } }, options.policy, options.transport, [
      options.token,
    ]);

  const periods = Number(entry.periods.slice("latest:".length));
  const fixedColumns = 2 + Object.keys(entry.hierarchies).length;
  if (periods * (fixedColumns + 1) > options.cellLimit) {
    throw new SourceError("http", fetchDetails.tooManyCells(periods * (fixedColumns + 1), options.cellLimit));
  }

  const metadata = await get(`table/${encodeURIComponent(entry.table)}?format=json`);
  if (!isObject(metadata)) throw new SourceError("malformed", fetchDetails.shape("tabellens beskrivelse (table)"));
  const hierarchies = hierarchyIds(metadata);
  if (hierarchies) {
    for (const wanted of [entry.area.hierarchy, ...Object.keys(entry.hierarchies)]) {
      if (!hierarchies.some((h) => same(h, wanted))) throw new SourceError("changed", fetchDetails.noHierarchy(wanted, hierarchies));
    }
  }

  let query = jobindsatsQuery(entry);
  let answer: unknown;
  try {
    answer = await get(`data/${query}`);
  } catch (error) {
    // Jobindsats refuses "latest:N" beyond what the table has ("Requested latest:36 for type M, but
    // only 24 periods are available"); then all it has is what is wanted.
    const available = error instanceof SourceError && error.status === 400 ? /only (\d+) periods are available/.exec(error.message)?.[1] : undefined;
    if (!available || Number(available) < 1) throw error;
    query = jobindsatsQuery({ ...entry, periods: `latest:${available}` });
    answer = await get(`data/${query}`);
  }
  const columns = isObject(answer) ? answer.columns : undefined;
  const rows = isObject(answer) ? answer.rows : undefined;
  if (!Array.isArray(columns) || !Array.isArray(rows) || !columns.every((c) => typeof c === "string")) {
    throw new SourceError("malformed", fetchDetails.shape('"columns" og "rows"'));
  }
  const names = columns;
  const periodColumn = names.findIndex((c) => /^period(e)?$/i.test(c.trim()));
  if (periodColumn < 0) throw new SourceError("malformed", fetchDetails.shape(`en kolonne "Periode" (det har ${names.join(", ")})`));
  const valueColumn = names.findIndex((c) => same(c, entry.measure));
  if (valueColumn < 0) throw new SourceError("changed", fetchDetails.noMeasure(entry.measure, names));

  const observations: FetchedSeries["observations"] = [];
  const suppressed: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== names.length) throw new SourceError("malformed", fetchDetails.shape("rækker, der passer til kolonnerne"));
    const code = String(row[periodColumn] ?? "");
    const period = normalisePeriod(code);
    if (!period) throw new SourceError("changed", fetchDetails.badPeriod(code));
    if (seen.has(period)) throw new SourceError("malformed", fetchDetails.twoRows(code));
    seen.add(period);
    const cell = row[valueColumn] as unknown;
    const value = typeof cell === "number" || typeof cell === "string" || cell === null ? parseNumber(cell) : undefined;
    if (value === undefined) throw new SourceError("malformed", fetchDetails.notANumber(JSON.stringify(cell).slice(0, 40), code));
    if (value === "missing") suppressed.push(period);
    else {
      const text = typeof cell === "string" ? numberText(cell) : undefined;
      observations.push(text ? { period, value, text } : { period, value });
    }
  }
  return { observations, suppressed, query, requests: 1 };
}
