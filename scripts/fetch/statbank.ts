// Statistikbanken (Danmarks Statistik), following its public API documentation
// (dst.dk, "Statistikbank API"): POST https://api.statbank.dk/v1/tableinfo { table, format: "JSON" }
// gives the table's variables with their value codes (the time variable has `time: true`);
// POST /v1/data { table, format: "JSONSTAT", variables: [{ code, values }] } gives the figures.
// Variables not named are eliminated (summed) by Statistikbanken. A non-streamed answer may hold
// at most 1,000,000 cells, counted as rows × (chosen variables + the value), so a long time
// range is asked for in parts. A figure that is not shown comes as null ("..").
// No key is needed; the data is CC BY 4.0 and must be credited "Kilde: Danmarks Statistik".
import { normalisePeriod } from "../import/values.ts";
import { fetchDetails } from "../messages.ts";
import type { StatbankEntry } from "./sources.ts";
import { requestJson, SourceError, type RetryPolicy, type Transport } from "./http.ts";
import { cubeCells, JsonStatError, readJsonStat } from "./jsonstat.ts";

export const STATBANK_URL = "https://api.statbank.dk/v1";
/** Statistikbanken's limit for non-streamed formats since 27 May 2021 (the API's change log). */
export const STATBANK_CELL_LIMIT = 1_000_000;

/** Figures of one series as fetched: the project's periods, suppressed periods apart. */
export interface FetchedSeries {
  observations: { period: string; value: number; text?: string }[];
  /** Periods the source has but does not show (".."). */
  suppressed: string[];
  /** The query in a readable, repeatable form (no base address, no token). */
  query: string;
  /** How many data requests it took (more than one when split for the cell limit). */
  requests: number;
}

export interface ClientOptions {
  baseUrl: string;
  policy: RetryPolicy;
  transport: Transport;
  cellLimit: number;
}

interface TableVariable {
  id: string;
  time: boolean;
  /** Whether Statistikbanken may sum the variable away when a query does not name it. */
  elimination: boolean;
  values: string[];
  /** The values' texts, in the same order. */
  texts: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The variables of a tableinfo answer; SourceError "malformed" when it has none. */
function tableVariables(info: unknown): TableVariable[] {
  const variables = isObject(info) ? info.variables : undefined;
  if (!Array.isArray(variables) || variables.length === 0) throw new SourceError("malformed", fetchDetails.shape("tabellens variable (tableinfo)"));
  return variables.map((variable) => {
    if (!isObject(variable) || typeof variable.id !== "string" || !Array.isArray(variable.values))
      throw new SourceError("malformed", fetchDetails.shape("id eller værdier for en variabel (tableinfo)"));
    const values = variable.values.map((value) => (isObject(value) && typeof value.id === "string" ? value.id : undefined));
    if (values.some((value) => value === undefined)) throw new SourceError("malformed", fetchDetails.shape(`id for en værdi af ${variable.id} (tableinfo)`));
    const texts = variable.values.map((value, i) => (isObject(value) && typeof value.text === "string" ? value.text : values[i]!));
    // tableinfo says "elimination": false for a variable every query must name; absent means it may be left out.
    return { id: variable.id, time: variable.time === true, elimination: variable.elimination !== false, values: values as string[], texts };
  });
}

const same = (a: string, b: string) => a.localeCompare(b, "da", { sensitivity: "accent" }) === 0;

/**
 * The time codes a selector picks, in the table's order: "*", codes separated by commas, and
 * conditions such as ">=2019M01" or ">=2010K1<=2015K4" (each part on its own, as Statistikbanken
 * reads them). Codes compare as the table orders them. Throws SourceError "changed" for a code the table lacks.
 */
export function selectPeriods(selector: string, codes: readonly string[], table: string): string[] {
  const picked = new Set<number>();
  for (const part of selector
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    if (part === "*") codes.forEach((_, i) => picked.add(i));
    else if (/^[<>]/.test(part)) {
      const conditions = [...part.matchAll(/([<>]=?)([^<>]+)/g)];
      const bounds = conditions.map(([, op, code]) => {
        const at = codes.findIndex((c) => same(c, code!.trim()));
        if (at < 0) throw new SourceError("changed", fetchDetails.noPeriod(table, code!.trim()));
        return { op: op!, at };
      });
      codes.forEach((_, i) => {
        if (bounds.every(({ op, at }) => (op === ">=" ? i >= at : op === ">" ? i > at : op === "<=" ? i <= at : i < at))) picked.add(i);
      });
    } else {
      const at = codes.findIndex((c) => same(c, part));
      if (at < 0) throw new SourceError("changed", fetchDetails.noPeriod(table, part));
      picked.add(at);
    }
  }
  return [...picked].sort((a, b) => a - b).map((i) => codes[i]!);
}

/** Consecutive parts of at most `size` items. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}

/** Fetches one mapped series from Statistikbanken. Throws SourceError. */
export async function fetchStatbank(entry: StatbankEntry, options: ClientOptions): Promise<FetchedSeries> {
  const post = (call: string, body: unknown) =>
    requestJson(
      `${options.baseUrl}/${call}`,
      { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) },
      options.policy,
      options.transport,
    );

  const variables = tableVariables(await post("tableinfo", { table: entry.table, format: "JSON", lang: "da" }));
  const find = (code: string) => {
    const variable = variables.find((v) => same(v.id, code));
    if (!variable)
      throw new SourceError(
        "changed",
        fetchDetails.noVariable(
          entry.table,
          code,
          variables.map((v) => v.id),
        ),
      );
    return variable;
  };
  const fixed = [[entry.area.variable, entry.area.code], ...Object.entries(entry.variables)].map(([code, value]) => {
    const variable = find(code!);
    const id = variable.values.find((v) => same(v, value!));
    if (id === undefined)
      throw new SourceError(
        "changed",
        fetchDetails.noValue(
          variable.id,
          value!,
          variable.values.map((v, i) => `${v} (${variable.texts[i]})`),
        ),
      );
    return { code: variable.id, values: [id] };
  });
  const time = variables.find((v) => v.time) ?? find("Tid");
  // A variable that cannot be eliminated and is not in the map would make Statistikbanken refuse the query.
  const unnamed = variables.find((v) => v !== time && !v.elimination && !fixed.some((f) => f.code === v.id));
  if (unnamed)
    throw new SourceError(
      "changed",
      fetchDetails.notEliminable(
        entry.table,
        unnamed.id,
        unnamed.values.map((v, i) => `${v} (${unnamed.texts[i]})`),
      ),
    );
  const periods = selectPeriods(entry.periods, time.values, entry.table);
  if (periods.length === 0) throw new SourceError("changed", fetchDetails.noPeriods(entry.periods));

  // Rows × (the chosen variables and time, plus the value): the documented way cells are counted.
  const cellsPerRow = fixed.length + 2;
  const perRequest = Math.floor(options.cellLimit / cellsPerRow);
  if (perRequest < 1) throw new SourceError("http", fetchDetails.tooManyCells(cellsPerRow, options.cellLimit));

  const observations: FetchedSeries["observations"] = [];
  const suppressed: string[] = [];
  const parts = chunks(periods, perRequest);
  for (const part of parts) {
    const answer = await post("data", {
      table: entry.table,
      format: "JSONSTAT",
      lang: "da",
      timeOrder: "Ascending",
      variables: [...fixed, { code: time.id, values: part }],
    });
    let cube;
    try {
      cube = readJsonStat(answer);
    } catch (error) {
      if (error instanceof JsonStatError) throw new SourceError("malformed", `${error.message} (JSON-stat)`);
      throw error;
    }
    const timeId = cube.time ?? cube.dimensions.find((d) => same(d, time.id));
    if (!timeId) throw new SourceError("malformed", fetchDetails.shape(`tidsdimensionen ${time.id}`));
    for (const cell of cubeCells(cube)) {
      // Every other dimension must be the one value asked for; anything else is not this series.
      const foreign = fixed.find((f) => {
        const dimension = cube.dimensions.find((d) => same(d, f.code));
        return dimension !== undefined && !same(cell.codes[dimension]!, f.values[0]!);
      });
      if (foreign) throw new SourceError("malformed", fetchDetails.foreignValues(foreign.code));
      const code = cell.codes[timeId]!;
      const period = normalisePeriod(code);
      if (!period) throw new SourceError("changed", fetchDetails.badPeriod(code));
      if (cell.value === null || cell.status === "..") suppressed.push(period);
      else observations.push({ period, value: cell.value });
    }
  }
  const query = `${entry.table}: ${[...fixed, { code: time.id, values: [entry.periods] }].map((v) => `${v.code}=${v.values[0]}`).join(", ")}`;
  return { observations, suppressed, query, requests: parts.length };
}
