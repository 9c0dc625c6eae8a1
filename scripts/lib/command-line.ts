// The options of the project's commands (npm run build, check, import, fetch, bundle, edit), read
// with node:util's parseArgs and refused in Danish. Editors run them through npm, which reads
// every option written before `--` as its own: `npm run import fil.csv --dry-run` runs the import
// for real, with --dry-run taken by npm. npm says so only in the environment it gives the command
// (npm_config_dry_run=true; https://docs.npmjs.com/cli/v10/using-npm/scripts#environment).
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import { nearestName } from "./nearest.ts";
import { messages, type MessageText } from "../messages.ts";

/** A command line the command cannot run with: the Danish message and what to write instead. */
export class CommandLineError extends Error {
  readonly problem: MessageText;
  constructor(problem: MessageText) {
    super(problem.message);
    this.name = "CommandLineError";
    this.problem = problem;
  }
}

/** The values as node:util types them: an option with a default always has one, the others may be missing. */
type Values<T extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>["values"];

/**
 * The options and positionals of `npm run <command> -- …`.
 * @param command the npm script's name ("import"), for the examples in the messages
 * @param args the command's arguments (process.argv.slice(2))
 * @param options the options, as node:util parseArgs takes them ("--no-pdf" is an option of its own)
 * @param env the environment npm ran the command in: an npm_config_<option> in it means npm took the option
 * @throws CommandLineError for an option npm took, an unknown option (naming the nearest known one),
 *   an option without its value, or an argument the command does not take
 */
export function readCommandLine<T extends ParseArgsOptionsConfig>(
  command: string,
  args: readonly string[],
  options: T,
  { positionals: allowPositionals = false, env = process.env }: { positionals?: boolean; env?: NodeJS.ProcessEnv } = {},
): { values: Values<T>; positionals: string[] } {
  const names = Object.keys(options);
  const taken = names.find((name) => env[npmConfigKey(name)] !== undefined);
  if (taken) {
    // What to type instead: the same words after "--". A string option's value stayed among the
    // arguments, where it cannot be told from a file name, so it is shown as "…".
    const option = options[taken]!.type === "boolean" ? `--${taken}` : `--${taken} …`;
    throw new CommandLineError(messages.optionTakenByNpm(command, `--${taken}`, [...args, option].join(" ")));
  }
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals, strict: true });
    return { values: values as unknown as Values<T>, positionals };
  } catch (error) {
    throw new CommandLineError(problemOf(error, command, names));
  }
}

/** The variable npm sets for an option it read as its own: --dry-run → npm_config_dry_run, --no-pdf → npm_config_pdf. */
function npmConfigKey(option: string): string {
  return `npm_config_${option.replace(/^no-/, "").replace(/-/g, "_")}`;
}

function problemOf(error: unknown, command: string, names: readonly string[]): MessageText {
  const code = (error as { code?: string }).code;
  const text = error instanceof Error ? error.message : "";
  const known = names.map((name) => `--${name}`);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const option = /'([^']+)'/.exec(text)?.[1] ?? "";
    const written = option.startsWith("-") ? option : `--${option}`;
    return messages.unknownOption(command, written, nearestName(written, known), known);
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const option = /'(--?[\w-]+)/.exec(text)?.[1] ?? "";
    return text.includes("does not take an argument") ? messages.optionTakesNoValue(command, option) : messages.optionNeedsValue(command, option);
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const argument = /'([^']*)'/.exec(text)?.[1] ?? "";
    return messages.unexpectedArgument(command, argument, known);
  }
  throw error;
}

/** The refusal as the commands print it: the message, then what to write instead. */
export function formatCommandLineError(error: CommandLineError): string {
  return `${error.problem.message}\n    Sådan retter du det: ${error.problem.hint ?? ""}`;
}
