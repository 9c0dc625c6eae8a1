// `npm run import -- FILE [--mapping MAPPING.json] [--dry-run]`: reads an export, merges its
// figures into data/indicators/<id>.json and validates the whole project before anything is written.
// All parsing and merging is pure (table, extract, merge); this file does the reading and writing.
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { nearestName } from "../lib/nearest.ts";
import { basename, extname, isAbsolute, join, relative, resolve } from "node:path";
import { readSourceFiles } from "../content/files.ts";
import { buildModel } from "../content/load.ts";
import { validateIndicator } from "../content/data-validate.ts";
import { CommandLineError, formatCommandLineError, readCommandLine } from "../lib/command-line.ts";
import { fileSystemCause, fileSystemErrorIn, formatProblem, messages, ValidationError, type Problem } from "../messages.ts";
import { extractObservations } from "./extract.ts";
import { defaultMapping, parseMapping, type Mapping } from "./mapping.ts";
import { changeLines, mergeObservations, newPeriods, sortPeriods, summary } from "./merge.ts";
import { readSheet, UnreadableFile } from "./table.ts";
import { formatPeriod } from "../lib/danish.ts";
import { readJson } from "../lib/json.ts";

export interface RunOptions {
  /** Where content/ and data/ are. */
  source: string;
  /** Where relative FILE and MAPPING paths are read from (the folder the editor ran npm in). */
  cwd: string;
  log: (line: string) => void;
  error: (line: string) => void;
  /** The environment npm ran the command in (default process.env): tells whether npm took an option. */
  env?: NodeJS.ProcessEnv;
}

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 20;

function report(problems: readonly Problem[], error: (line: string) => void, closing: string): number {
  const count = problems.length === 1 ? "1 fejl" : `${problems.length} fejl`;
  const shown = problems.slice(0, MAX_PROBLEMS).map(formatProblem).join("\n\n");
  const more = problems.length > MAX_PROBLEMS ? `\n\n… og ${problems.length - MAX_PROBLEMS} fejl mere af samme slags.` : "";
  error(`${count}:\n\n${shown}${more}\n\n${closing}`);
  return 2;
}

const NOTHING_CHANGED = "Intet er ændret.";

async function readBytes(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/** The existing series a new name most likely means: one contains the other ("Ballerup Kommune", "Ballerup"), or a typo away. */
function seriesMeant(name: string, existing: readonly string[]): string | undefined {
  const lower = name.toLocaleLowerCase("da");
  return existing.find((other) => lower.includes(other.toLocaleLowerCase("da")) || other.toLocaleLowerCase("da").includes(lower)) ?? nearestName(name, existing);
}

/** Runs the import; returns the exit code (0 done, 2 a problem with the file, the mapping or the data, 1 the file could not be written). */
export async function runImport(args: readonly string[], options: RunOptions): Promise<number> {
  const { log, error } = options;
  let values: { mapping?: string; "dry-run"?: boolean; "new-series"?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = readCommandLine(
      "import",
      args,
      { mapping: { type: "string" }, "dry-run": { type: "boolean" }, "new-series": { type: "boolean" }, help: { type: "boolean", short: "h" } },
      { positionals: true, env: options.env },
    ));
  } catch (cause) {
    if (!(cause instanceof CommandLineError)) throw cause;
    error(formatCommandLineError(cause));
    return 2;
  }
  if (values.help || positionals.length !== 1) {
    const usage = messages.importUsage();
    error(`${usage.message}\n    Sådan gør du: ${usage.hint}`);
    return 2;
  }
  const dryRun = values["dry-run"] === true;
  const display = (path: string) => {
    const fromCwd = relative(options.cwd, path);
    return fromCwd && !fromCwd.startsWith("..") && !isAbsolute(fromCwd) ? fromCwd.split("\\").join("/") : path;
  };
  const exportPath = resolve(options.cwd, positionals[0]!);
  const exportName = display(exportPath);

  // 1. The export.
  const bytes = await readBytes(exportPath);
  if (!bytes) return report([{ file: exportName, ...messages.importFileMissing(exportName) }], error, NOTHING_CHANGED);

  // 2. The mapping, or the default one named after the file.
  let mapping: Mapping | undefined;
  let mappingName: string | undefined;
  if (values.mapping !== undefined) {
    const mappingPath = resolve(options.cwd, values.mapping);
    mappingName = display(mappingPath);
    const text = await readBytes(mappingPath);
    if (!text) return report([{ file: mappingName, ...messages.importFileMissing(mappingName) }], error, NOTHING_CHANGED);
    const parsed = parseMapping(new TextDecoder().decode(text), mappingName);
    if (!parsed.mapping) return report(parsed.problems, error, NOTHING_CHANGED);
    mapping = parsed.mapping;
  }
  const indicatorId = mapping?.indicator ?? basename(exportPath, extname(exportPath));
  const indicatorFile = `data/indicators/${indicatorId}.json`;
  const indicatorPath = join(options.source, indicatorFile);
  const original = await readBytes(indicatorPath);
  if (!original) {
    const problem = mapping
      ? { file: mappingName!, path: "indicator", ...messages.unknownIndicator(indicatorId) }
      : { file: exportName, ...messages.importNoMapping(basename(exportPath)) };
    return report([problem], error, NOTHING_CHANGED);
  }

  // 3. The indicator as it is now must be valid, so the merge starts from something sound.
  let projectFiles: Awaited<ReturnType<typeof readSourceFiles>>;
  try {
    projectFiles = await readSourceFiles(options.source);
  } catch (cause) {
    // A file of the project that cannot be used (a symlink, too large, unreadable): listed, not thrown.
    if (!(cause instanceof ValidationError)) throw cause;
    return report(cause.problems, error, NOTHING_CHANGED);
  }
  const ownProblems = (files: typeof projectFiles) => {
    try {
      buildModel(files);
      return { own: [], others: 0 };
    } catch (cause) {
      if (!(cause instanceof ValidationError)) throw cause;
      const own = cause.problems.filter((problem) => problem.file === indicatorFile);
      return { own, others: cause.problems.length - own.length };
    }
  };
  const originalText = new TextDecoder().decode(original);
  const before = ownProblems(projectFiles);
  const current = before.own.length === 0 ? validateIndicator(readJson(originalText, indicatorFile).value, indicatorFile, []).indicator : undefined;
  if (!current) return report([{ file: indicatorFile, ...messages.importExistingInvalid() }, ...before.own], error, NOTHING_CHANGED);
  mapping ??= defaultMapping(
    indicatorId,
    current.series.map((s) => s.name),
  );

  // 4. Read the export's figures.
  log(`Læser ${exportName}${mappingName ? ` med opsætningen ${mappingName}` : ""} …`);
  let sheet;
  try {
    sheet = await readSheet(bytes, exportPath, { sheet: mapping.sheet, delimiter: mapping.delimiter });
  } catch (cause) {
    if (!(cause instanceof UnreadableFile)) throw cause;
    const text =
      cause.kind === "type"
        ? messages.importFileType(basename(exportPath))
        : cause.kind === "sheet"
          ? messages.importSheetMissing(cause.message, cause.sheets)
          : messages.importUnreadable(cause.message);
    return report([{ file: cause.kind === "sheet" && mappingName ? mappingName : exportName, ...text }], error, NOTHING_CHANGED);
  }
  if (sheet.uncomputed && sheet.uncomputed.length > 0) {
    const sheetName = sheet.name ?? "";
    return report(
      sheet.uncomputed.map(({ cell, formula }) => ({ file: exportName, ...messages.importFormulaWithoutValue(sheetName, cell, formula) })),
      error,
      NOTHING_CHANGED,
    );
  }
  const extraction = extractObservations(sheet, mapping, exportName);
  if (extraction.problems.length > 0) return report(extraction.problems, error, NOTHING_CHANGED);
  const periods = sortPeriods(extraction.observations.map((o) => o.period));
  const seriesNames = [...new Set(extraction.observations.map((o) => o.series))];
  log(
    `  ${extraction.observations.length} tal for ${seriesNames.map((s) => `"${s}"`).join(", ")} ` +
      `i ${periods.length === 1 ? "1 periode" : `${periods.length} perioder`} (${formatPeriod(periods[0]!)}` +
      `${periods.length > 1 ? ` – ${formatPeriod(periods.at(-1)!)}` : ""})` +
      `${sheet.encoding === "windows-1252" ? ", tegnsæt Windows-1252" : ""}` +
      `${extraction.missing === 1 ? "; 1 tom eller skjult celle (.., -) er sprunget over" : ""}` +
      `${extraction.missing > 1 ? `; ${extraction.missing} tomme eller skjulte celler (.., -) er sprunget over` : ""}.`,
  );

  // 5. Merge, and validate the whole project with the new file before writing anything.
  const merged = mergeObservations(originalText, extraction.observations);
  const after = ownProblems(projectFiles.map((file) => (file.path === indicatorFile ? { path: file.path, bytes: new TextEncoder().encode(merged.text) } : file)));
  if (after.own.length > 0) return report([{ file: indicatorFile, ...messages.importResultInvalid() }, ...after.own], error, NOTHING_CHANGED);
  const otherProblems = after.others;
  // A series name the indicator does not have is far more often a typo in the mapping ("Ballerup
  // Kommune" for "Ballerup") than a new comparison: a new series needs --new-series.
  if (merged.newSeries.length > 0 && values["new-series"] !== true) {
    const existing = current.series.map((s) => s.name);
    return report(
      merged.newSeries.map((name) => ({
        file: mappingName ?? exportName,
        ...(mappingName ? { path: "series" } : {}),
        ...messages.importNewSeries(name, indicatorFile, existing, seriesMeant(name, existing)),
      })),
      error,
      NOTHING_CHANGED,
    );
  }

  // 6. Report and write.
  for (const line of changeLines(merged)) log(line);
  const fileName = `${indicatorId}.json`;
  const nothing = merged.added.length === 0 && merged.changed.length === 0 && merged.newSeries.length === 0;
  if (otherProblems > 0) log(`Bemærk: der er ${otherProblems} fejl i andre filer. Kør npm run check for at se dem.`);
  if (nothing) {
    log(`Ingen ændringer: ${fileName} har allerede alle ${merged.unchanged} tal fra filen.`);
    return 0;
  }
  if (dryRun) {
    log(`Prøvekørsel (--dry-run): ${summary(merged, fileName)} ville blive skrevet. Intet er ændret.`);
    return 0;
  }
  // Written beside the file and moved over it in one step, so it is never half-written.
  const temporary = `${indicatorPath}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, merged.text);
    await rename(temporary, indicatorPath);
  } catch (cause) {
    // A full disk, no access, a read-only drive: named with its path, and the file is as it was.
    const system = fileSystemErrorIn(cause);
    if (!system) throw cause;
    const text = messages.writeFailed(indicatorFile, fileSystemCause(system.code));
    error(`${text.message}\n    Sådan retter du det: ${text.hint}\n\n${NOTHING_CHANGED}`);
    return 1;
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
  const latest = newPeriods(merged).at(-1);
  log(`Færdig: ${summary(merged, fileName)}.${latest ? ` Seneste nye periode: ${formatPeriod(latest)}.` : ""}`);
  return 0;
}
