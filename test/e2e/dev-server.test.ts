// The dev server (`npm start` = `eleventy --serve --quiet`, wired by .eleventy.js) in a copy of the
// project with the minimal fixture's content: a content mistake saved while it runs is shown in the
// terminal as the catalogue's Danish message with file:line:column, the server keeps serving the
// last good page, and the page is rebuilt once the file is fixed. The server listens on a port the
// system picks (port 0), so other test runs and an editor's own `npm start` are never disturbed.
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem, messages } from "../../scripts/messages.ts";
import { fixture, ROOT } from "../helpers.ts";

const EDITED = "content/plan/2030/tal.md";
const OUTPUT = ".cache/serve/plan/2030/tal/index.html";

let mirror: string;
let server: ChildProcess;
let printed = "";
let origin = "";

async function waitFor(test: () => boolean | Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (server.exitCode !== null) throw new Error(`the dev server stopped while waiting for ${what}:\n${printed.slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${printed.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const outputHas = (text: string) =>
  readFile(join(mirror, OUTPUT), "utf8").then(
    (html) => html.includes(text),
    () => false,
  );

beforeAll(async () => {
  mirror = await mkdtemp(join(tmpdir(), "bp-dev-server-"));
  for (const entry of ["templates", "scripts", ".eleventy.js", "package.json"]) await cp(join(ROOT, entry), join(mirror, entry), { recursive: true });
  for (const entry of ["content", "data"]) await cp(join(fixture("minimal"), entry), join(mirror, entry), { recursive: true });
  await symlink(join(ROOT, "node_modules"), join(mirror, "node_modules"), "dir");
  await mkdir(join(mirror, ".cache"), { recursive: true });
  // The project's own wiring, with the server on a port the system picks; the address is printed.
  await writeFile(
    join(mirror, "dev-server.config.js"),
    `import site from "./.eleventy.js";
export { config } from "./.eleventy.js";
export default function (eleventyConfig) {
  site(eleventyConfig);
  eleventyConfig.setServerOptions({ port: 0, messageOnStart: ({ localhostUrl }) => { console.log("DEV-SERVER " + localhostUrl); return false; } });
}
`,
  );
  server = spawn(process.execPath, [join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--serve", "--quiet", "--config=dev-server.config.js"], {
    cwd: mirror,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.setEncoding("utf8").on("data", (chunk: string) => (printed += chunk));
  server.stderr!.setEncoding("utf8").on("data", (chunk: string) => (printed += chunk));
  await waitFor(() => /DEV-SERVER http:\/\/localhost:(\d+)/.test(printed), "the server's address");
  origin = `http://127.0.0.1:${/DEV-SERVER http:\/\/localhost:(\d+)/.exec(printed)![1]}`;
  await waitFor(() => outputHas("</html>"), "the first build");
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  }
  if (mirror) await rm(mirror, { recursive: true, force: true });
});

describe("the dev server", () => {
  it("shows a content mistake in Danish with file and line, keeps serving, and recovers when it is fixed", async () => {
    const page = async () => (await fetch(`${origin}/plan/2030/tal/`)).text();
    expect(await page()).toContain("Andelen i job er steget.");
    const original = await readFile(join(mirror, EDITED), "utf8");

    // Line 7 of the file: a chart whose indicator does not exist.
    await writeFile(join(mirror, EDITED), original.replace("::: chart m1-job", "::: chart m1-findes-ikke"));
    const message = formatProblem({ file: EDITED, line: 7, column: 1, ...messages.unknownIndicator("m1-findes-ikke") });
    await waitFor(() => printed.includes(message), "the Danish message");
    expect(server.exitCode).toBeNull();
    // The editor's message, not a JavaScript stack trace.
    expect(printed).not.toMatch(/Original error stack trace|at buildModel/);
    // The last good page is still served.
    expect(await page()).toContain("Andelen i job er steget.");

    await writeFile(join(mirror, EDITED), original.replace("Andelen i job er steget.", "Andelen i job er steget igen."));
    await waitFor(() => outputHas("Andelen i job er steget igen."), "the rebuilt page");
    await waitFor(async () => (await page()).includes("Andelen i job er steget igen."), "the served page");
    expect(server.exitCode).toBeNull();
  }, 180_000);
});
