// Jobindsats (STAR), API version 3 (version 2 was switched off on 30 September 2026), as STAR's
// "Brugervejledning til version 3" and public v3 clients use it: base https://api.jobindsats.dk/v3,
// header "Authorization: Bearer <token>", every call with format=json:
//   GET /tables                      subjects → table_groups → tables (table_id, table_name, periods)
//   GET /table/{id}                  the table's description: dimensions[].hierarchies[] (hierarchy_id,
//                                    levels[].values[] with value_id and value_name) and its periods
//   GET /data/{id}?period.M=latest:24&mgroup.*=*&hierarchy._nykom=<value_id>
//                                    the figures as { "columns": [...], "rows": [[...]] }, one column per
//                                    dimension and measure; "period.M" also takes codes separated by commas.
// A hierarchy's top ("/") is its total, e.g. Hele landet for _nykom. Values may be numbers or
// Danish-formatted text ("1.234", "12,5"); ".." marks a figure not shown. Period codes are
// "2026M08", "2026Q02" (or "2026Q2") and "2026". A request has a cell limit, so a long series is
// asked for in parts of explicit period codes counted back from the table's latest period.
import { numberText, parseNumber, normalisePeriod } from "../import/values.ts";
import { fetchDetails } from "../messages.ts";
import type { JobindsatsEntry } from "./sources.ts";
import { requestJson, SourceError } from "./http.ts";
import { chunks, type ClientOptions, type FetchedSeries } from "./statbank.ts";

export const JOBINDSATS_URL = "https://api.jobindsats.dk/v3";
/**
 * Cells one answer may hold. STAR's guide states a limit per request; its figure could not be read
 * where this was written, so this is set low on purpose: a longer series is asked for in parts.
 */
export const JOBINDSATS_CELL_LIMIT = 100_000;
/** Measures per row assumed when the table's description does not list them (mgroup.*=* asks for all). */
const MEASURES_IF_UNKNOWN = 20;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const same = (a: string, b: string) => a.trim().localeCompare(b.trim(), "da", { sensitivity: "accent" }) === 0;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

interface Hierarchy {
  id: string;
  /** Its own name and its dimension's name, as jobindsats.dk shows them ("Herkomst"). */
  names: string[];
  /** value_id and value_name of every value on every level (empty when the description lists none). */
  values: { id: string; name: string }[];
}

/** The hierarchies in a table's description (dimensions[].hierarchies[]); undefined when it lists no dimensions. */
export function tableHierarchies(metadata: unknown): Hierarchy[] | undefined {
  const dimensions = isObject(metadata) ? metadata.dimensions : undefined;
  if (!Array.isArray(dimensions)) return undefined;
  return dimensions.flatMap((dimension) =>
    list(isObject(dimension) ? dimension.hierarchies : undefined).flatMap((h) => {
      if (!isObject(h) || typeof h.hierarchy_id !== "string") return [];
      const values = list(h.levels).flatMap((level) =>
        list(isObject(level) ? level.values : undefined).flatMap((v) =>
          isObject(v) && typeof v.value_id === "string" ? [{ id: v.value_id, name: typeof v.value_name === "string" ? v.value_name : v.value_id }] : [],
        ),
      );
      const names = [h.hierarchy_name, isObject(dimension) ? dimension.dimension_name : undefined].filter((n): n is string => typeof n === "string");
      return [{ id: h.hierarchy_id, names, values }];
    }),
  );
}

/**
 * A mapped value as Jobindsats' value id: "/" (the hierarchy's total) and ids such as "/2/" as
 * written; anything else is a value's id or its name as the table's description writes it
 * ("Ballerup"), so a map can be written from what jobindsats.dk shows. Throws SourceError "changed"
 * for a name the hierarchy lacks.
 */
export function valueId(hierarchy: Hierarchy | undefined, wanted: string): string {
  if (wanted === "/" || !hierarchy || hierarchy.values.length === 0) return wanted;
  const found = hierarchy.values.find((v) => v.id === wanted) ?? hierarchy.values.find((v) => same(v.name, wanted));
  if (!found)
    throw new SourceError(
      "changed",
      fetchDetails.noHierarchyValue(
        hierarchy.id,
        wanted,
        hierarchy.values.map((v) => v.name),
      ),
    );
  return found.id;
}

/** The latest period of a type in a table's description (periods.periodtypes[].period_last), when it says. */
function latestPeriod(metadata: unknown, type: string): string | undefined {
  const periods = isObject(metadata) ? metadata.periods : undefined;
  const types = list(isObject(periods) ? periods.periodtypes : isObject(metadata) ? metadata.periodtypes : undefined);
  const found = types.find((t) => isObject(t) && t.periodtype_id === type && typeof t.period_last === "string") as { period_last: string } | undefined;
  return found?.period_last;
}

/** How many measures the description lists (measures[] or mgroups[].measures[]), or undefined. */
function measureCount(metadata: unknown): number | undefined {
  if (!isObject(metadata)) return undefined;
  if (Array.isArray(metadata.measures)) return metadata.measures.length || undefined;
  const groups = list(metadata.mgroups ?? metadata.measure_groups);
  const count = groups.reduce<number>((n, g) => n + list(isObject(g) ? g.measures : undefined).length, 0);
  return count || undefined;
}

/**
 * The `count` period codes of a type that end with `last`, oldest first, written as `last` is
 * ("2026M08"; "2026Q02" or "2026Q2"; "2026"). Undefined for a code of another shape.
 */
export function periodsBefore(last: string, type: JobindsatsEntry["period_type"], count: number): string[] | undefined {
  const month = /^(\d{4})M(\d{2})$/.exec(last);
  const quarter = /^(\d{4})Q(0?)([1-4])$/.exec(last);
  const codes: string[] = [];
  if (type === "M" && month) {
    const end = Number(month[1]) * 12 + Number(month[2]) - 1;
    for (let i = end - count + 1; i <= end; i++) codes.push(`${Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, "0")}`);
  } else if (type === "Q" && quarter) {
    const end = Number(quarter[1]) * 4 + Number(quarter[3]) - 1;
    for (let i = end - count + 1; i <= end; i++) codes.push(`${Math.floor(i / 4)}Q${quarter[2]}${(i % 4) + 1}`);
  } else if (type === "Y" && /^\d{4}$/.test(last)) {
    for (let y = Number(last) - count + 1; y <= Number(last); y++) codes.push(String(y));
  } else return undefined;
  return codes;
}

/** A Jobindsats period code as the project writes periods ("2026Q02" is a quarter, like "2026Q2"). */
export const projectPeriod = (code: string) => normalisePeriod(code.trim().replace(/^(\d{4})Q0([1-4])$/i, "$1Q$2"));

/**
 * The data query without base address and token, e.g.
 * "y25i01?format=json&period.M=latest:24&mgroup.*=*&hierarchy._nykom=/151/". `resolved` are the
 * mapped hierarchies as [hierarchy id, value id] (the map's text when not given); `periods`
 * replaces the map's "latest:N".
 */
export function jobindsatsQuery(entry: JobindsatsEntry, resolved?: readonly [string, string][], periods = entry.periods): string {
  const hierarchies = resolved ?? [[entry.area.hierarchy, entry.area.value], ...Object.entries(entry.hierarchies)];
  const params = [["format", "json"], [`period.${entry.period_type}`, periods], ["mgroup.*", "*"], ...hierarchies.map(([h, v]) => [`hierarchy.${h}`, v])];
  const encode = (value: string) => encodeURIComponent(value).replace(/%2F/g, "/").replace(/%3A/g, ":").replace(/%2C/g, ",");
  return `${entry.table}?${params.map(([k, v]) => `${k}=${encode(v!)}`).join("&")}`;
}

/**
 * Fetches one mapped series from Jobindsats with the organisation's token: the table's description
 * first (hierarchies and value names are checked and resolved there), then the figures, in parts
 * when the cell limit asks for it. Throws SourceError.
 */
export async function fetchJobindsats(entry: JobindsatsEntry, options: ClientOptions & { token: string }): Promise<FetchedSeries> {
  const get = (path: string) =>
    requestJson(`${options.baseUrl}/${path}`, { headers: { Authorization: `Bearer ${options.token}`, Accept: "application/json" } }, options.policy, options.transport, [
      options.token,
    ]);

  const metadata = await get(`table/${encodeURIComponent(entry.table)}?format=json`);
  if (!isObject(metadata)) throw new SourceError("malformed", fetchDetails.shape("tabellens beskrivelse (table)"));
  const hierarchies = tableHierarchies(metadata);
  // Each mapped hierarchy by its id ("_nykom") or its name as jobindsats.dk shows it ("Område"), and its value.
  const resolved = ([[entry.area.hierarchy, entry.area.value], ...Object.entries(entry.hierarchies)] as [string, string][]).map(([wanted, value]): [string, string] => {
    if (!hierarchies) return [wanted, value];
    const hierarchy = hierarchies.find((h) => same(h.id, wanted)) ?? hierarchies.find((h) => h.names.some((n) => same(n, wanted)));
    if (!hierarchy)
      throw new SourceError(
        "changed",
        fetchDetails.noHierarchy(
          wanted,
          hierarchies.map((h) => (h.names.length > 0 ? `${h.id} (${h.names[0]})` : h.id)),
        ),
      );
    return [hierarchy.id, valueId(hierarchy, value)];
  });

  // One row per period: the period, each fixed hierarchy, and every measure (mgroup.*=*).
  const count = Number(entry.periods.slice("latest:".length));
  const cellsPerRow = 1 + 1 + Object.keys(entry.hierarchies).length + (measureCount(metadata) ?? MEASURES_IF_UNKNOWN);
  const perRequest = Math.floor(options.cellLimit / cellsPerRow);
  let parts: string[][] | undefined;
  if (count > perRequest) {
    const last = latestPeriod(metadata, entry.period_type);
    const codes = last === undefined || perRequest < 1 ? undefined : periodsBefore(last, entry.period_type, count);
    if (!codes) throw new SourceError("http", fetchDetails.tooManyCells(count * cellsPerRow, options.cellLimit));
    parts = chunks(codes, perRequest);
  }

  const answers: unknown[] = [];
  let query: string;
  if (parts) {
    for (const part of parts) answers.push(await get(`data/${jobindsatsQuery(entry, resolved, part.join(","))}`));
    query = jobindsatsQuery(entry, resolved, parts.flat().join(","));
  } else {
    query = jobindsatsQuery(entry, resolved);
    try {
      answers.push(await get(`data/${query}`));
    } catch (error) {
      // Jobindsats refuses "latest:N" beyond what the table has ("Requested latest:36 for type M, but
      // only 24 periods are available"); then all it has is what is wanted.
      const available = error instanceof SourceError && error.status === 400 ? /only (\d+) periods are available/.exec(error.message)?.[1] : undefined;
      if (!available || Number(available) < 1) throw error;
      query = jobindsatsQuery(entry, resolved, `latest:${available}`);
      answers.push(await get(`data/${query}`));
    }
  }

  const observations: FetchedSeries["observations"] = [];
  const suppressed: string[] = [];
  const seen = new Set<string>();
  for (const answer of answers) {
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
    for (const row of rows) {
      if (!Array.isArray(row) || row.length !== names.length) throw new SourceError("malformed", fetchDetails.shape("rækker, der passer til kolonnerne"));
      const code = String(row[periodColumn] ?? "");
      const period = projectPeriod(code);
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
  }
  return { observations, suppressed, query, requests: answers.length };
}
