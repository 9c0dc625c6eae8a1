// Content is data, never code. Each hostile file below ran code or published pages while check said
// "Alt er i orden": now the validator names it (exit 2), and even a build that skipped the validator
// would not run or publish it, because Eleventy only renders the pages the model validated.
import Eleventy from "@11ty/eleventy";
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONTENT_FILE_TYPES, loadModel } from "../../scripts/content/files.ts";
import { cssString } from "../../scripts/lib/html.ts";
import { messages, ValidationError } from "../../scripts/messages.ts";
import { configureSite } from "../../scripts/site/plugin.ts";
import { connectBrowser, fixture, ROOT } from "../helpers.ts";

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of the minimal fixture in a fresh folder, beside a folder "outside" the project. */
async function project(): Promise<{ dir: string; src: string; outside: string }> {
  const dir = await mkdtemp(join(tmpdir(), "bp-data-"));
  temporary.push(dir);
  const src = join(dir, "project");
  await cp(fixture("minimal"), src, { recursive: true });
  const outside = join(dir, "outside");
  await mkdir(outside);
  await writeFile(join(outside, "hemmelig.md"), "---\ntitle: Hemmelig\n---\n\nUden for projektet.\n");
  return { dir, src, outside };
}

/** Each file writes a marker beside the project if it is ever run. */
const hostile = (marker: string): Record<string, string> => ({
  "content/ond.njk": `{{ range.constructor("return process")().mainModule.require("fs").writeFileSync("${marker}-njk", "x") }}`,
  "content/raab.MD": `---js\nrequire("fs").writeFileSync("${marker}-js", "x"); module.exports = { title: "x" };\n---\nRåb\n`,
  "content/stor.MD": "---\ntitle: Store bogstaver\n---\n\nEn side med .MD\n",
  "content/_data/ond.js": `import fs from "node:fs"; fs.writeFileSync("${marker}-data", "x"); export default {};`,
  "content/plan/plan.11tydata.js": `require("fs").writeFileSync("${marker}-dirdata", "x"); module.exports = {};`,
  "content/plan/plan.json": `{ "permalink": "/kapret/" }`,
});

async function addHostile(src: string, outside: string, marker: string): Promise<void> {
  for (const [path, text] of Object.entries(hostile(marker))) {
    await mkdir(join(src, path, ".."), { recursive: true });
    await writeFile(join(src, path), text);
  }
  await mkdir(join(src, "content", ".skjult"));
  await writeFile(join(src, "content", ".skjult", "side.md"), "---\ntitle: Skjult\n---\n\nSkjult side.\n");
  await symlink(outside, join(src, "content", "link"));
  await symlink(join(outside, "hemmelig.md"), join(src, "content", "fil-link.md"));
}

describe("files in content/ that are not validated pages", () => {
  it("each is a content error naming the file; hidden ones are skipped", async () => {
    const { dir, src, outside } = await project();
    await addHostile(src, outside, join(dir, "koert"));
    const error = await loadModel(src).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    const problems = (error as ValidationError).problems;
    const byFile = new Map(problems.map((p) => [p.file, p.message]));
    for (const path of Object.keys(hostile("x"))) {
      expect(byFile.get(path), path).toBe(messages.unknownFileType(path, CONTENT_FILE_TYPES).message);
    }
    expect(byFile.get("content/link")).toBe(messages.symlink().message);
    expect(byFile.get("content/fil-link.md")).toBe(messages.symlink().message);
    expect([...byFile.keys()].some((file) => file.includes(".skjult"))).toBe(false);
    expect(await readdir(dir)).toEqual(["outside", "project"]);
  });

  it("Eleventy, even handed a valid model, runs none of them and publishes only the model's pages", async () => {
    const { dir, src, outside } = await project();
    const model = await loadModel(src);
    await addHostile(src, outside, join(dir, "koert"));
    await rm(join(src, "content", "raab.MD")); // refused by Eleventy too, see below
    const out = join(dir, "out");
    const eleventy = new Eleventy(join(src, "content"), out, {
      quietMode: true,
      configPath: false,
      config: (config: never) => configureSite(config, { root: ROOT, source: src, prepare: () => Promise.resolve({ model, charts: new Map() }) }),
    });
    await eleventy.write();
    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith(".html") && !f.startsWith("print/"));
    const expected = [...model.pages.values()].map((page) => `${page.url.slice(1)}index.html`);
    expect(pages.filter((p) => !/^(soeg|arkiv|status)\//.test(p)).sort()).toEqual(expected.sort());
    expect(await readdir(dir)).toEqual(["out", "outside", "project"]);
  });

  it("JavaScript front matter makes Eleventy fail instead of running it", async () => {
    const { dir, src, outside } = await project();
    const model = await loadModel(src);
    await addHostile(src, outside, join(dir, "koert"));
    const eleventy = new Eleventy(join(src, "content"), join(dir, "out"), {
      quietMode: true,
      configPath: false,
      config: (config: never) => configureSite(config, { root: ROOT, source: src, prepare: () => Promise.resolve({ model, charts: new Map() }) }),
    });
    await expect(eleventy.write()).rejects.toThrow(/front matter/);
    expect((await readdir(dir)).filter((name) => name.startsWith("koert"))).toEqual([]);
  });
});

describe("the logo SVG", () => {
  it("with script, handlers or outside references: a content error listing them", async () => {
    const { src } = await project();
    await writeFile(
      join(src, "data", "logo.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script><image href="https://example.org/x.png"/><rect width="1" height="1"/></svg>',
    );
    const error = (await loadModel(src).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.problems).toEqual([{ file: "data/logo.svg", ...messages.unsafeSvg(["onload", "<script>", "href"]) }]);
  });

  it("a clean logo is published as sanitised SVG, its role and label kept", async () => {
    const model = await loadModel(fixture("minimal"));
    expect(model.logo).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="Testby/);
    expect(model.logo).not.toMatch(/<script|on\w+=/i);
  });
});

/** The text of a CSS string as the browser serialises it (CSS Syntax §4.3.5, escapes undone). */
const unescapeCss = (css: string): string =>
  css
    .slice(1, -1)
    .replace(/\\([0-9a-fA-F]{1,6}) ?|\\([^0-9a-fA-F])/g, (_m, hex: string | undefined, char: string | undefined) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : char!,
    );

describe("values reaching CSS", () => {
  it("cssString keeps any title one string: the browser reads back exactly the text", async () => {
    const titles = ["Plan\r2021", 'a"b\\c', "</style><script>alert(1)</script>", "æ\n\f\t\u0000ø", "x\u2028y", '\\"\r\n'];
    const browser = await connectBrowser();
    const page = await browser.newPage();
    try {
      const css = titles.map((t, i) => `#t${i}::before { content: ${cssString(t)}; }`).join("\n");
      await page.setContent(`<!doctype html><style>${css}</style>${titles.map((_, i) => `<p id="t${i}"></p>`).join("")}<p id="after">efter</p>`);
      const read = await page.evaluate(
        (n) => Array.from({ length: n }, (_, i) => getComputedStyle(document.getElementById(`t${i}`)!, "::before").content),
        titles.length,
      );
      expect(read.map(unescapeCss)).toEqual(titles.map((t) => t.replace("\u0000", "\uFFFD")));
      expect(await page.evaluate(() => document.styleSheets[0]!.cssRules.length)).toBe(titles.length);
      expect(await page.$eval("#after", (el) => el.textContent)).toBe("efter");
      expect(await page.$$("script")).toHaveLength(0);
    } finally {
      await page.close();
    }
  });
});
