// `npm run fetch [-- --dry-run] [--only ID] [--keep-going]`: fetches every series that
// data/sources.json maps to Statistikbanken or Jobindsats, merges the figures and their provenance
// into data/indicators/, validates the whole project with the new files and writes them, each
// atomically. When any series fails nothing is written (unless --keep-going), so data is never
// lost and never half-updated. Base addresses come from STATBANK_URL and JOBINDSATS_URL (tests
// point them at a local server); the Jobindsats key only from JOBINDSATS_TOKEN.
import { CommandLineError, formatCommandLineError, readCommandLine } from "../lib/command-line.ts";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readSourceFiles } from "../content/files.ts";
import { buildModel } from "../content/load.ts";
import { changeLines, newPeriods, sortPeriods, summary, type MergeResult } from "../import/merge.ts";
import { formatPeriod } from "../lib/danish.ts";
import { fetchDetails, fileSystemCause, fileSystemErrorIn, formatProblem, messages, ValidationError, type Problem } from "../messages.ts";
import { DEFAULT_POLICY, defaultTransport, SourceError, type RetryPolicy, type Transport } from "./http.ts";
import { fetchJobindsats, JOBINDSATS_CELL_LIMIT, JOBINDSATS_URL } from "./jobindsats.ts";
import { mergeFetched, PUBLISHERS, type SeriesResult } from "./merge.ts";
import { parseSources, SOURCES_FILE, type FetchedEntry } from "./sources.ts";
import { fetchStatbank, STATBANK_CELL_LIMIT, STATBANK_URL, type FetchedSeries } from "./statbank.ts";

export interface FetchOptions {
  /** Where content/ and data/ are. */
  source: string;
  /** The environment: STATBANK_URL, JOBINDSATS_URL, JOBINDSATS_TOKEN. */
  env: Readonly<Record<string, string | undefined>>;
  /** The time recorded as "fetched" (injected so that tests and reruns are reproducible). */
  now: () => Date;
  log: (line: string) => void;
  error: (line: string) => void;
  transport?: Transport;
  policy?: RetryPolicy;
  cellLimits?: { statistikbanken: number; jobindsats: number };
}

const MAX_PROBLEMS = 20;
const NOTHING_WRITTEN = "Intet er skrevet.";

function report(problems: readonly Problem[], error: (line: string) => void, closing: string): void {
  const count = problems.length === 1 ? "1 fejl" : `${problems.length} fejl`;
  const shown = problems.slice(0, MAX_PROBLEMS).map(formatProblem).join("\n\n");
  const more = problems.length > MAX_PROBLEMS ? `\n\n… og ${problems.length - MAX_PROBLEMS} fejl mere.` : "";
  error(`${count}:\n\n${shown}${more}\n\n${closing}`);
}

/** A base address from the environment (or the default), without a trailing slash: ".../v3/" and ".../v3" are the same. */
const baseUrl = (fromEnv: string | undefined, fallback: string) => (fromEnv?.trim() || fallback).replace(/\/+$/, "");
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const span = (periods: readonly string[]) =>
  periods.length === 0 ? "" : ` (${formatPeriod(periods[0]!)}${periods.length > 1 ? ` – ${formatPeriod(periods.at(-1)!)}` : ""})`;

/** Runs the fetch; returns the exit code (0 done, 1 a source failed, 2 a problem in the source map or the data). */
export async function runFetch(args: readonly string[], options: FetchOptions): Promise<number> {
  const { log, error, env } = options;
  let values: { "dry-run"?: boolean; only?: string[]; "keep-going"?: boolean; help?: boolean };
  try {
    ({ values } = readCommandLine(
      "fetch",
      args,
      { "dry-run": { type: "boolean" }, only: { type: "string", multiple: true }, "keep-going": { type: "boolean" }, help: { type: "boolean", short: "h" } },
      { env },
    ));
  } catch (cause) {
    if (!(cause instanceof CommandLineError)) throw cause;
    error(formatCommandLineError(cause));
    return 2;
  }
  if (values.help) {
    const usage = messages.fetchUsage();
    error(`${usage.message}\n    Sådan gør du: ${usage.hint}`);
    return 2;
  }
  const dryRun = values["dry-run"] === true;

  // 1. The project as it is must be sound where the fetch writes, and the source map must fit it.
  let text: string;
  try {
    text = await readFile(join(options.source, SOURCES_FILE), "utf8");
  } catch {
    report([{ file: SOURCES_FILE, ...messages.fetchSourcesMissing() }], error, NOTHING_WRITTEN);
    return 2;
  }
  let files: Awaited<ReturnType<typeof readSourceFiles>>;
  try {
    files = await readSourceFiles(options.source);
  } catch (cause) {
    // A file of the project that cannot be used (a symlink, too large, unreadable): listed, not thrown.
    if (!(cause instanceof ValidationError)) throw cause;
    report(cause.problems, error, NOTHING_WRITTEN);
    return 2;
  }
  const indicatorFile = (id: string) => `data/indicators/${id}.json`;
  const ids = new Set(files.flatMap((f) => (/^data\/indicators\/[^/]+\.json$/.test(f.path) ? [f.path.slice(16, -5)] : [])));
  const parsed = parseSources(text, ids);
  if (!parsed.sources) {
    report(parsed.problems, error, NOTHING_WRITTEN);
    return 2;
  }
  const projectProblems = (candidate: typeof files) => {
    try {
      buildModel(candidate);
      return [];
    } catch (cause) {
      if (!(cause instanceof ValidationError)) throw cause;
      return cause.problems;
    }
  };
  const only = values.only ?? [];
  const all = parsed.sources.series;
  const entries = all.filter((e): e is FetchedEntry => e.source !== "manuel" && (only.length === 0 || only.includes(e.indicator)));
  const unknown = only.filter((id) => !entries.some((e) => e.indicator === id));
  if (unknown.length > 0) {
    report(
      unknown.map((id) => ({ file: SOURCES_FILE, ...messages.fetchOnlyUnknown(id) })),
      error,
      NOTHING_WRITTEN,
    );
    return 2;
  }
  const targets = [...new Set(entries.map((e) => indicatorFile(e.indicator)))];
  const before = projectProblems(files).filter((p) => targets.includes(p.file));
  if (before.length > 0) {
    report([{ file: before[0]!.file, ...messages.importExistingInvalid() }, ...before], error, NOTHING_WRITTEN);
    return 2;
  }

  // 2. Fetch, one series after the other (the sources ask for moderation).
  const manual = only.length === 0 ? all.filter((e) => e.source === "manuel").length : 0;
  log(
    `Henter ${plural(entries.length, "serie", "serier")} til ${plural(targets.length, "indikator", "indikatorer")}` +
      `${manual > 0 ? ` (${plural(manual, "serie", "serier")} uden offentlig kilde beholder deres tal)` : ""}${dryRun ? " – prøvekørsel" : ""} …`,
  );
  const transport = options.transport ?? defaultTransport();
  const policy = options.policy ?? DEFAULT_POLICY;
  const limits = options.cellLimits ?? { statistikbanken: STATBANK_CELL_LIMIT, jobindsats: JOBINDSATS_CELL_LIMIT };
  const token = env.JOBINDSATS_TOKEN?.trim();
  const results: SeriesResult[] = [];
  const failures: Problem[] = [];
  for (const [i, entry] of entries.entries()) {
    const publisher = PUBLISHERS[entry.source].name;
    log(`  [${i + 1}/${entries.length}] ${entry.indicator}, ${entry.series}: ${publisher}, ${entry.table} …`);
    const withRetries: Transport = {
      ...transport,
      onRetry: (attempt, waitMs, reason) =>
        log(`        ${fetchDetails.retryReason(reason)}: prøver igen om ${Math.max(1, Math.round(waitMs / 1000))} s (forsøg ${attempt + 1}) …`),
    };
    try {
      let fetched: FetchedSeries;
      if (entry.source === "statistikbanken") {
        fetched = await fetchStatbank(entry, { baseUrl: baseUrl(env.STATBANK_URL, STATBANK_URL), policy, transport: withRetries, cellLimit: limits.statistikbanken });
      } else {
        if (!token) {
          failures.push({ file: SOURCES_FILE, path: `${entry.indicator} / ${entry.series}`, ...messages.fetchTokenMissing() });
          log("        springes over: JOBINDSATS_TOKEN mangler.");
          continue;
        }
        fetched = await fetchJobindsats(entry, {
          baseUrl: baseUrl(env.JOBINDSATS_URL, JOBINDSATS_URL),
          policy,
          transport: withRetries,
          cellLimit: limits.jobindsats,
          token,
        });
      }
      const periods = fetched.observations.map((o) => o.period);
      log(
        `        ${plural(fetched.observations.length, "tal", "tal")}${span(periods)}` +
          `${fetched.suppressed.length > 0 ? `; ${plural(fetched.suppressed.length, "periode", "perioder")} vises ikke hos kilden (..): ${fetched.suppressed.map(formatPeriod).join(", ")}` : ""}` +
          `${fetched.requests > 1 ? ` – hentet i ${fetched.requests} dele (cellegrænse)` : ""}.`,
      );
      results.push({ entry, fetched });
    } catch (cause) {
      if (!(cause instanceof SourceError)) throw cause;
      const text = messages.fetchFailed(cause.kind, publisher, entry.table, entry.indicator, entry.series, cause.message, cause.attempts);
      failures.push({ file: SOURCES_FILE, path: `${entry.indicator} / ${entry.series}`, ...text });
      log("        fejlede (se nedenfor).");
    }
  }
  const keepGoing = values["keep-going"] === true;
  if (failures.length > 0)
    report(
      failures,
      error,
      dryRun
        ? keepGoing
          ? "De øvrige serier vises herunder (--keep-going); intet skrives (--dry-run)."
          : `${NOTHING_WRITTEN} Ret fejlen, eller kør med --keep-going for at se de serier, der lykkedes.`
        : keepGoing
          ? "De øvrige serier skrives (--keep-going)."
          : `${NOTHING_WRITTEN} Ret fejlen, eller kør med --keep-going for at skrive de serier, der lykkedes.`,
    );
  if (failures.length > 0 && !keepGoing) return 1;

  // 3. Merge per indicator and validate the whole project with every new file before writing.
  const merged = new Map<string, MergeResult>();
  const at = options.now();
  for (const file of targets) {
    const own = results.filter((r) => indicatorFile(r.entry.indicator) === file);
    if (own.length === 0) continue;
    const original = new TextDecoder().decode(files.find((f) => f.path === file)!.bytes);
    merged.set(file, mergeFetched(original, own, at));
  }
  const candidate = files.map((f) => (merged.has(f.path) ? { path: f.path, bytes: new TextEncoder().encode(merged.get(f.path)!.text) } : f));
  const after = projectProblems(candidate).filter((p) => merged.has(p.file));
  if (after.length > 0) {
    report([{ file: after[0]!.file, ...messages.fetchResultInvalid(after[0]!.file) }, ...after], error, NOTHING_WRITTEN);
    return 2;
  }

  // 4. Report and write.
  const changed = [...merged].filter(([file, result]) => {
    const original = new TextDecoder().decode(files.find((f) => f.path === file)!.bytes);
    return result.text !== original;
  });
  for (const [file, result] of changed) {
    log(`${file}:`);
    for (const line of changeLines(result)) log(line);
  }
  const failed = failures.length > 0 ? 1 : 0;
  if (changed.length === 0) {
    log("Ingen ændringer: data/indicators/ har allerede alle hentede tal.");
    return failed;
  }
  const summaries = changed.map(([file, result]) => summary(result, file.slice(16)));
  if (dryRun) {
    log(`Prøvekørsel (--dry-run): ${summaries.join("; ")} ville blive skrevet. Intet er ændret.`);
    return failed;
  }
  // Each file is written beside itself, then all are moved into place, so none is half-written.
  const temporary = (file: string) => join(options.source, `${file}.${process.pid}.tmp`);
  const written: string[] = [];
  let writing = "";
  try {
    for (const [file, result] of changed) await writeFile(temporary((writing = file)), result.text);
    for (const [file] of changed) {
      await rename(temporary((writing = file)), join(options.source, file));
      written.push(file);
    }
  } catch (cause) {
    // A full disk, no access, a read-only drive: the file named with the cause, and what was written said.
    const system = fileSystemErrorIn(cause);
    if (!system) throw cause;
    const text = messages.writeFailed(writing, fileSystemCause(system.code));
    const closing = written.length === 0 ? NOTHING_WRITTEN : `Kun disse filer er skrevet: ${written.join(", ")}.`;
    error(`${text.message}\n    Sådan retter du det: ${text.hint}\n\n${closing}`);
    return 1;
  } finally {
    await Promise.all(changed.map(([file]) => rm(temporary(file), { force: true }).catch(() => undefined)));
  }
  const latest = sortPeriods(changed.flatMap(([, result]) => newPeriods(result))).at(-1);
  log(`Færdig: ${summaries.join("; ")}.${latest ? ` Seneste nye periode: ${formatPeriod(latest)}.` : ""}`);
  return failed;
}
