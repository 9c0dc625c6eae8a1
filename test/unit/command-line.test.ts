// The commands' options, refused in Danish before anything is done (scripts/lib/command-line.ts).
import { describe, expect, it } from "vitest";
import { CommandLineError, formatCommandLineError, readCommandLine } from "../../scripts/lib/command-line.ts";
import { runImport } from "../../scripts/import/run.ts";
import { runNew } from "../../scripts/new.ts";
import { ROOT } from "../helpers.ts";

const OPTIONS = { mapping: { type: "string" }, "dry-run": { type: "boolean" }, "no-pdf": { type: "boolean" } } as const;

function refusal(args: string[], env: NodeJS.ProcessEnv = {}, positionals = true): string {
  try {
    readCommandLine("import", args, OPTIONS, { positionals, env });
  } catch (error) {
    if (error instanceof CommandLineError) return formatCommandLineError(error);
    throw error;
  }
  throw new Error(`${args.join(" ")} was accepted`);
}

describe("readCommandLine", () => {
  it("reads the options and the files", () => {
    expect(readCommandLine("import", ["eksport.csv", "--mapping", "m.json", "--dry-run"], OPTIONS, { positionals: true, env: {} })).toEqual({
      values: { mapping: "m.json", "dry-run": true },
      positionals: ["eksport.csv"],
    });
  });

  it("refuses an option npm took for itself because -- was missing, so a trial run never runs for real", () => {
    // `npm run import eksport.csv --dry-run`: npm keeps --dry-run and says so in npm_config_dry_run.
    expect(refusal(["eksport.csv"], { npm_config_dry_run: "true" })).toBe(
      "npm læste --dry-run som sit eget valg, fordi der ikke står -- foran, så intet er gjort.\n" +
        "    Sådan retter du det: Skriv -- lige efter npm run import; alt efter -- går videre til kommandoen: npm run import -- eksport.csv --dry-run",
    );
    // --no-pdf: npm sets npm_config_pdf to an empty string.
    expect(refusal([], { npm_config_pdf: "" })).toMatch(/^npm læste --no-pdf som sit eget valg/);
    // A string option's value stayed among the arguments: shown as "…", not guessed.
    expect(refusal(["eksport.csv", "m.json"], { npm_config_mapping: "true" })).toMatch(/: npm run import -- eksport\.csv m\.json --mapping …$/);
  });

  it("names an unknown option and the known one it is closest to", () => {
    expect(refusal(["--dryrun"])).toBe(
      "npm run import kender ikke valget --dryrun.\n    Sådan retter du det: Mente du --dry-run? Valgene er: --mapping, --dry-run, --no-pdf.",
    );
    expect(refusal(["--verbose"])).toMatch(/kender ikke valget --verbose\.\n.*Sådan retter du det: Valgene er: --mapping/);
  });

  it("says when an option lacks its value, or has one it does not take", () => {
    expect(refusal(["eksport.csv", "--mapping"])).toMatch(/^Valget --mapping til npm run import mangler sin værdi\./);
    expect(refusal(["--dry-run=ja"])).toMatch(/^Valget --dry-run til npm run import tager ingen værdi\.\n.*Skriv kun --dry-run, uden = og værdi\./);
  });

  it("names an argument a command without files does not take", () => {
    expect(refusal(["dist2"], {}, false)).toMatch(/^npm run import ved ikke, hvad den skal gøre med "dist2"\./);
  });
});

describe("the commands", () => {
  it("npm run import refuses a --dry-run that npm took, and writes nothing", async () => {
    const errors: string[] = [];
    const code = await runImport(["eksport-findes-ikke.csv"], {
      source: ROOT,
      cwd: ROOT,
      log: () => {},
      error: (line) => errors.push(line),
      env: { npm_config_dry_run: "true" },
    });
    expect(code).toBe(2);
    expect(errors.join("\n")).toMatch(/^npm læste --dry-run som sit eget valg/);
  });

  it("npm run new names what it cannot make instead of asking what to make", async () => {
    const errors: string[] = [];
    expect(await runNew(["strategi", "2026"], { source: ROOT, log: () => {}, error: (line) => errors.push(line), env: {} })).toBe(2);
    expect(errors.join("\n")).toMatch(/^npm run new kan oprette en ny plan, men ikke "strategi"\./);
  });
});
