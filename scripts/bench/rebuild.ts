// rebuild_ms: the dev server (`eleventy --serve --quiet`, wired by .eleventy.js) sees an editor
// save a Markdown file; the time until the rebuilt page in its output folder has the change.
//
// It runs in a copy of the project (content, data, templates, scripts, .eleventy.js; node_modules
// linked), so other engineers' checkout, their dev server's .cache/serve and its port are never
// touched. The edited file is restored byte for byte after every run, failure or not.
import { spawn } from "node:child_process";
import { cp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { freePort, sleep } from "./tools.ts";

const EDITED = "content/plan/2021/baggrund.md";
const OUTPUT = ".cache/serve/plan/2021/baggrund/index.html";
const COPIED = ["content", "data", "templates", "scripts", ".eleventy.js", "package.json"];

async function waitFor(test: () => Promise<boolean>, timeoutMs: number, what: string, pollMs = 5): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await test())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(pollMs);
  }
}

const contains = (file: string, text: string) =>
  readFile(file, "utf8").then(
    (html) => html.includes(text),
    () => false,
  );

/** Warm-up edits first (not returned), then `runs` timed edits; ms each. */
export async function measureRebuild(root: string, workDir: string, runs: number, warmups: number, log: (line: string) => void): Promise<number[]> {
  const mirror = join(workDir, "serve-project");
  await rm(mirror, { recursive: true, force: true });
  await mkdir(mirror, { recursive: true });
  for (const entry of COPIED) await cp(join(root, entry), join(mirror, entry), { recursive: true });
  await symlink(join(root, "node_modules"), join(mirror, "node_modules"), "dir");

  const source = join(mirror, EDITED);
  const output = join(mirror, OUTPUT);
  const original = await readFile(source);
  const port = await freePort();
  const server = spawn(process.execPath, [join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--serve", "--quiet", "--port", String(port)], {
    cwd: mirror,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  server.stdout.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const times: number[] = [];
  try {
    await waitFor(
      async () => {
        if (server.exitCode !== null) throw new Error(`the dev server stopped: ${printed.trim().slice(-500)}`);
        return contains(output, "</html>");
      },
      120_000,
      "the dev server's first build",
      50,
    );
    await sleep(1000); // let the first build's watcher settle
    for (let run = 0; run < warmups + runs; run++) {
      const word = `ydelsesmaalingsord${process.pid}x${run}`;
      const started = performance.now();
      try {
        await writeFile(source, Buffer.concat([original, Buffer.from(`\nDenne sætning er tilføjet af npm run bench: ${word}.\n`)]));
        await waitFor(() => contains(output, word), 60_000, "the edited page");
        const ms = performance.now() - started;
        if (run >= warmups) times.push(ms);
        log(`  ${run < warmups ? "warm-up" : `run ${run - warmups + 1}`}: ${ms.toFixed(0)} ms`);
      } finally {
        await writeFile(source, original);
      }
      await waitFor(async () => !(await contains(output, word)) && (await contains(output, "</html>")), 60_000, "the restored page");
      await sleep(700); // the next edit starts from an idle watcher
    }
  } finally {
    await writeFile(source, original);
    if (server.exitCode === null) server.kill("SIGTERM");
    await Promise.race([exited, sleep(5000)]);
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
    await rm(mirror, { recursive: true, force: true });
  }
  return times;
}
