// `npm run edit`: the browser editor for the working copy, at http://127.0.0.1:8090/ (--port N to
// change it). Saves go straight into content/ and data/; the web team commits and publishes as before.
import { resolve } from "node:path";
import { CommandLineError, formatCommandLineError, readCommandLine } from "../lib/command-line.ts";
import { messages } from "../messages.ts";
import { editorConfig, listContent } from "./config.ts";
import { startEditServer } from "./server.ts";

export const DEFAULT_PORT = 8090;

/** A message as the commands print it: the message, then the remedy. */
const said = (text: { message: string; hint: string }) => `${text.message}\n    Sådan retter du det: ${text.hint}`;

let values;
try {
  ({ values } = readCommandLine("edit", process.argv.slice(2), {
    port: { type: "string", default: String(DEFAULT_PORT) },
    "print-config": { type: "boolean", default: false },
  }));
} catch (error) {
  if (!(error instanceof CommandLineError)) throw error;
  console.error(formatCommandLineError(error));
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(said(messages.editPortInvalid(values.port)));
  process.exit(2);
}
const root = resolve(import.meta.dirname, "..", "..");
if (values["print-config"]) {
  // For hosting the editor with a Git host's backend: JSON is YAML, so this can be Decap's config.yml.
  console.log(JSON.stringify(editorConfig(await listContent(root), { origin: `http://127.0.0.1:${port}` }), null, 2));
  process.exit(0);
}
try {
  const editor = await startEditServer(root, port);
  console.log(`Redigér i browseren: ${editor.origin}/`);
  console.log("Ændringer gemmes direkte i content/ og data/. Stop med Ctrl+C.");
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
  console.error(said(messages.editPortBusy(port)));
  process.exit(2);
}
