// Saving from the browser editor: what the form sends is merged into the file so that nothing but
// the changed value differs, and a save that the project's check refuses writes nothing.
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { parse } from "yaml";
import { beforeEach, describe, expect, it } from "vitest";
import { draftOf, handleBackend } from "../../scripts/edit/backend.ts";
import { checkWith, draftText } from "../../scripts/edit/check.ts";
import { previewHtml } from "../../scripts/edit/preview.ts";
import { formatOf, formOf, schemaOf } from "../../scripts/edit/config.ts";
import { mergeJson, mergeMarkdown, splitMarkdown } from "../../scripts/edit/merge.ts";
import { messages } from "../../scripts/messages.ts";
import { ROOT } from "../helpers.ts";

async function projectFiles(): Promise<string[]> {
  const entries = [
    ...(await readdir(join(ROOT, "content"), { recursive: true })).map((p) => `content/${p}`),
    ...(await readdir(join(ROOT, "data"), { recursive: true })).map((p) => `data/${p}`),
  ];
  return entries.filter((path) => formatOf(path) !== undefined).sort();
}

/** The form values of a file as Decap reads them. */
function formValues(path: string, text: string): { data: Record<string, unknown>; body: string } {
  if (path.endsWith(".json")) return { data: JSON.parse(text) as Record<string, unknown>, body: "" };
  const { yaml, body } = splitMarkdown(text);
  return { data: (parse(yaml, { version: "1.2" }) ?? {}) as Record<string, unknown>, body: body.trim() };
}

const merge = (path: string, original: string, data: Record<string, unknown>, body: string) =>
  path.endsWith(".json") ? mergeJson(original, data, schemaOf(formatOf(path)!)) : mergeMarkdown(original, data, body, schemaOf(formatOf(path)!));

describe("merging a form into its file", () => {
  it("leaves every file of the example content byte for byte as it is when nothing changed", async () => {
    const paths = await projectFiles();
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) {
      const original = await readFile(join(ROOT, path), "utf8");
      const { data, body } = formValues(path, original);
      expect(merge(path, original, data, body), path).toBe(original);
    }
  });

  it("changes one line for one changed value, keeping order and quoting", async () => {
    const original = await readFile(join(ROOT, "content/strategi/2022/index.md"), "utf8");
    const { data, body } = formValues("content/strategi/2022/index.md", original);
    const text = mergeMarkdown(original, { ...data, adopted: "2022-12" }, body, schemaOf("document"));
    const changed = text.split("\n").filter((line, i) => line !== original.split("\n")[i]);
    expect(changed).toEqual(['adopted: "2022-12"']);
    expect(text).toContain('revision: "2022"');
    expect(text).toMatch(/^chapters: \[[a-z0-9/-]+, /m);
  });

  it("drops what the form leaves of empty optional fields, and keeps a number typed as text a number", () => {
    const original = "---\ntitle: Bilag\nkind: bilag\nnumber: 3\nstatus: udkast\nagenda_item: 5\n---\n\nTekst.\n";
    const text = mergeMarkdown(
      original,
      { title: "Bilag", kind: "bilag", number: 3, status: "udkast", agenda_item: "5", description: "", pdf: null, meeting: "" },
      "Tekst.",
      schemaOf("document"),
    );
    expect(text).toBe(original);
  });

  it("adds an observation without touching the rest of a compactly written JSON file", async () => {
    const path = "data/indicators/m2-dagpenge-efter-13-uger.json";
    const original = await readFile(join(ROOT, path), "utf8");
    const data = JSON.parse(original) as { series: { observations: { period: string; value: number }[] }[] };
    data.series[0]!.observations.push({ period: "2030-K1", value: 50.5 });
    const text = mergeJson(original, data, schemaOf("indicator"));
    expect(JSON.parse(text)).toEqual(data);
    const removed = original.split("\n").filter((line) => !text.split("\n").includes(line));
    expect(removed.length).toBeLessThanOrEqual(1);
  });
});

describe("saving through the editor's backend", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "bp-edit-"));
    await cp(join(ROOT, "content"), join(root, "content"), { recursive: true });
    await cp(join(ROOT, "data"), join(root, "data"), { recursive: true });
  });

  const save = (path: string, raw: string) => handleBackend(root, { action: "persistEntry", params: { dataFiles: [{ path, raw, slug: "x" }], assets: [] } });

  it("writes a valid change", async () => {
    const path = "data/indicators/m1-aktiviteter-rettidigt.json";
    const data = JSON.parse(await readFile(join(root, path), "utf8")) as { series: { observations: unknown[] }[] };
    data.series[0]!.observations.push({ period: "2020-09", value: 81.2 });
    const reply = await save(path, JSON.stringify(data));
    expect(reply.status).toBe(200);
    expect(await readFile(join(root, path), "utf8")).toContain('"period": "2020-09"');
  });

  it("refuses a save over a file changed on disk since the editor opened it, and keeps that change", async () => {
    const path = "content/strategi/2022/fokusomraade-3.md";
    const opened = (await handleBackend(root, { action: "getEntry", params: { path } })).body as { data: string };
    // A colleague adds a paragraph in a text editor while the form is open.
    const theirs = `${opened.data}\nEn kollegas nye afsnit (syntetisk testtekst).\n`;
    await writeFile(join(root, path), theirs);
    const reply = await save(path, opened.data.replace(/^title: "(.*)"$/m, 'title: "$1 (revideret)"'));
    expect(reply.status).toBe(422);
    expect((reply.body as { error: string }).error).toContain(messages.editFileChanged(path).message);
    expect(await readFile(join(root, path), "utf8")).toBe(theirs);
    // Opened again, the file as it is now can be saved.
    const reopened = (await handleBackend(root, { action: "getEntry", params: { path } })).body as { data: string };
    expect((await save(path, reopened.data.replace(/^title: "(.*)"$/m, 'title: "$1 (revideret)"'))).status).toBe(200);
    const saved = await readFile(join(root, path), "utf8");
    expect(saved).toContain("En kollegas nye afsnit");
    expect(saved).toMatch(/^title: ".* \(revideret\)"$/m);
  });

  it("refuses an invalid period with the check's message and writes nothing", async () => {
    const path = "data/indicators/m1-aktiviteter-rettidigt.json";
    const before = await readFile(join(root, path), "utf8");
    const data = JSON.parse(before) as { series: { observations: unknown[] }[] };
    data.series[0]!.observations.push({ period: "2021-13", value: 80 });
    const reply = await save(path, JSON.stringify(data));
    expect(reply.status).toBe(422);
    const error = (reply.body as { error: string }).error;
    expect(error).toContain(messages.editNotSaved(1).message);
    // The place in the file as it would be saved: line and column, and the JSON path.
    expect(error).toMatch(new RegExp(`${path.replace(/[.]/g, "\\.")}:\\d+:\\d+ \\(series\\[0\\]\\.observations\\[1\\]\\.period\\)`));
    expect(error).toContain('"2021-13"');
    expect(await readFile(join(root, path), "utf8")).toBe(before);
  });

  it.each([
    ["content/strategi/2022/fokusomraade-2.md", (text: string) => text.replace('title: "Forsikrede ledige borgere"', "title: Forsikrede: ledige borgere"), 2],
    ["data/indicators/m2-fuldtidsledighed.json", (text: string) => text.replace('"id":', '"id"'), 3],
  ])("never saves the empty form of %s when the file on disk has a mistake, and names its line", async (path, breakIt, line) => {
    const broken = breakIt(await readFile(join(root, path), "utf8"));
    await writeFile(join(root, path), broken);
    // Decap shows a file it cannot parse as an empty form; whatever it sends would replace the file.
    const reply = await save(path, path.endsWith(".json") ? '{"id": "x"}' : "---\ntitle: Ny titel\n---\n\nTekst.\n");
    expect(reply.status).toBe(422);
    const error = (reply.body as { error: string }).error;
    expect(error).toContain(messages.editUnreadable(path).message);
    expect(error).toContain(`${path}:${line}:`);
    expect(await readFile(join(root, path), "utf8")).toBe(broken);

    // The preview says the same before the editor types anything (instead of failing on the merge).
    const { startEditServer } = await import("../../scripts/edit/server.ts");
    const editor = await startEditServer(root, 0);
    try {
      const response = await fetch(`${editor.origin}/api/preview`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ path, data: {}, body: "" }),
      });
      const { problems } = (await response.json()) as { problems: { file: string; line?: number; message: string }[] };
      expect(problems[0]).toMatchObject({ file: path, message: messages.editUnreadable(path).message });
      expect(problems.slice(1)).toContainEqual(expect.objectContaining({ file: path, line }));
    } finally {
      await editor.close();
    }
  });

  describe("a new chapter from the form", () => {
    const index = "content/strategi/2022/index.md";
    const raw = (fields: Record<string, string | number>, body = "Tekst.") =>
      `---\n${Object.entries(fields)
        .map(([key, value]) => `${key}: ${value}`)
        .join("\n")}\n---\n${body}\n`;
    const create = (fields: Record<string, string | number>, body?: string) => save(`content/${String(fields.filnavn)}.md`, raw(fields, body));
    const focusArea = { dokument: "strategi/2022", filnavn: "fokusomraade-6", title: "Borgere på kanten", goal: 6, goal_text: "Flere i job." };

    it("is written into its document's folder and listed last in its chapters, with nothing else changed", async () => {
      const before = await readFile(join(root, index), "utf8");
      const reply = await create(focusArea, "Et nyt fokusområde.");
      expect(reply).toEqual({
        status: 200,
        body: {
          message: "entry persisted",
          created: { path: "content/strategi/2022/fokusomraade-6.md", collection: "fokusomraader", entry: "strategi-2022-fokusomraade-6" },
        },
      });
      expect(await readFile(join(root, "content/strategi/2022/fokusomraade-6.md"), "utf8")).toBe(
        "---\ntitle: Borgere på kanten\ngoal: 6\ngoal_text: Flere i job.\n---\n\nEt nyt fokusområde.\n",
      );
      const after = await readFile(join(root, index), "utf8");
      const changed = after.split("\n").filter((line, i) => line !== before.split("\n")[i]);
      expect(changed).toEqual([expect.stringMatching(/^chapters: \[strategi\/2020\/principper, .*, fokusomraade-5, fokusomraade-6\]$/)]);
      expect((await checkWith(root, index, after)).problems).toEqual([]);
      expect(await readdir(join(root, "content"))).not.toContain("fokusomraade-6.md");
    });

    it.each([
      ["a document that does not exist", { ...focusArea, dokument: "strategi/2030" }, messages.editNoDocument("strategi/2030").message],
      ["a file name with capitals", { ...focusArea, filnavn: "Fokus" }, messages.editChapterName("Fokus").message],
      ["a page that exists", { ...focusArea, filnavn: "fokusomraade-1" }, messages.editChapterExists("content/strategi/2022/fokusomraade-1.md").message],
    ])("is refused for %s, and nothing is written", async (_case, fields, message) => {
      const before = await readFile(join(root, index), "utf8");
      const existing = await readFile(join(root, "content/strategi/2022/fokusomraade-1.md"), "utf8");
      const reply = await create(fields);
      expect(reply.status).toBe(422);
      expect((reply.body as { error: string }).error).toContain(message);
      expect(await readFile(join(root, index), "utf8")).toBe(before);
      expect(await readFile(join(root, "content/strategi/2022/fokusomraade-1.md"), "utf8")).toBe(existing);
    });

    it("is refused with the check's message and line when its text has a problem, and neither file is written", async () => {
      const before = await readFile(join(root, index), "utf8");
      const reply = await create(focusArea, "Tekst.\n\n::: chart findes-ikke");
      expect(reply.status).toBe(422);
      const error = (reply.body as { error: string }).error;
      expect(error).toContain(messages.editNotSaved(1).message);
      expect(error).toContain("content/strategi/2022/fokusomraade-6.md:9:1");
      expect(error).toContain(messages.unknownIndicator("findes-ikke").message);
      expect(await readFile(join(root, index), "utf8")).toBe(before);
      await expect(readFile(join(root, "content/strategi/2022/fokusomraade-6.md"), "utf8")).rejects.toThrow();
    });

    it("is not listed as an entry: the front page in content/ has its own form", async () => {
      expect((await handleBackend(root, { action: "entriesByFolder", params: { folder: "content", extension: "md", depth: 1 } })).body).toEqual([]);
    });
  });

  it("shows the problems the working copy had already apart from those a change adds, and saves despite them", async () => {
    // A mistake left in another file before the editor opened this one.
    const other = "content/strategi/2022/fokusomraade-2.md";
    await writeFile(join(root, other), `${await readFile(join(root, other), "utf8")}\n::: chart findes-ikke\n`);
    const path = "content/strategi/2022/fokusomraade-1.md";
    const original = await readFile(join(root, path), "utf8");
    const draft = draftOf(path, original);
    const { startEditServer } = await import("../../scripts/edit/server.ts");
    const editor = await startEditServer(root, 0);
    try {
      const preview = async (body: string) => {
        const response = await fetch(`${editor.origin}/api/preview`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ ...draft, body }),
        });
        return ((await response.json()) as { problems: { file: string; message: string; known?: boolean }[] }).problems;
      };
      expect(await preview(draft.body!)).toEqual([expect.objectContaining({ file: other, known: true })]);
      const added = await preview(`${draft.body!}\n\n::: chart findes-heller-ikke\n`);
      expect(added).toHaveLength(2);
      expect(added).toContainEqual({ file: path, line: expect.any(Number), column: 1, ...messages.unknownIndicator("findes-heller-ikke") });
    } finally {
      await editor.close();
    }
    const changed = original.replace("Vision 2029", "Vision 2030");
    expect(changed).not.toBe(original);
    expect((await save(path, changed)).status).toBe(200);
    expect(await readFile(join(root, path), "utf8")).toBe(changed);
  });

  it("refuses files outside the forms, and deleting", async () => {
    expect((await save("package.json", "{}")).status).toBe(422);
    expect((await save("content/../package.json", "{}")).status).toBe(422);
    expect((await handleBackend(root, { action: "deleteFiles", params: { paths: ["data/site.json"] } })).status).toBe(422);
    expect((await handleBackend(root, { action: "getEntry", params: { path: "../../etc/passwd" } })).body).toMatchObject({ data: null });
  });
});

describe("the preview of an unsaved page", () => {
  it("draws the charts of ::: chart lines and names them when the project has a problem", async () => {
    const path = "content/bilag/indikatorer/maal-1.md";
    const draft = draftOf(path, await readFile(join(ROOT, path), "utf8"));
    const text = await draftText(ROOT, draft);
    const good = await checkWith(ROOT, path, text);
    expect(good.problems).toEqual([]);
    const html = await previewHtml(draft, good.model);
    expect(html).toMatch(/<figure class="chart" id="figur-m1-[a-z0-9-]+">/);
    expect(html).toContain("<svg");

    const broken = { ...draft, body: `${draft.body}\n\n::: chart findes-ikke\n` };
    const result = await checkWith(ROOT, path, await draftText(ROOT, broken));
    expect(result.problems).toEqual([expect.objectContaining({ file: path, message: messages.unknownIndicator("findes-ikke").message })]);
    expect(result.problems[0]!.line).toBeGreaterThan(1);
    const named = await previewHtml(broken, result.model);
    expect(named).toContain("Diagram: <code>findes-ikke</code>");
    expect(named).not.toContain("<svg");
  });
});

describe("npm run edit", () => {
  const run = (...args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [join(ROOT, "scripts/edit/cli.ts"), ...args], { timeout: 60_000 }, (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
      );
    });

  it("refuses a port that is not a number, and one in use, in Danish with what to do", async () => {
    const invalid = await run("--port", "abc");
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(messages.editPortInvalid("abc").message);
    expect(invalid.stderr).toContain(messages.editPortInvalid("abc").hint);

    const { startEditServer } = await import("../../scripts/edit/server.ts");
    const editor = await startEditServer(ROOT, 0);
    try {
      const port = Number(new URL(editor.origin).port);
      const busy = await run("--port", String(port));
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`${messages.editPortBusy(port).message}\n    Sådan retter du det: ${messages.editPortBusy(port).hint}`);
    } finally {
      await editor.close();
    }
  });
});

describe("the editor's server", () => {
  it("answers only its own page: no other Host, no cross-site or non-JSON writes", async () => {
    const { request } = await import("node:http");
    const { startEditServer } = await import("../../scripts/edit/server.ts");
    const editor = await startEditServer(ROOT, 0);
    const port = new URL(editor.origin).port;
    const ask = (headers: Record<string, string>, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: "/api/v1", method: body === undefined ? "GET" : "POST", headers }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on("error", reject);
        req.end(body);
      });
    const info = JSON.stringify({ action: "info" });
    try {
      expect(await ask({ host: `127.0.0.1:${port}`, "content-type": "application/json" }, info)).toBe(200);
      expect(await ask({ host: `evil.example:${port}`, "content-type": "application/json" }, info)).toBe(403);
      expect(await ask({ host: `127.0.0.1:${port}`, "content-type": "text/plain" }, info)).toBe(403);
      expect(await ask({ host: `127.0.0.1:${port}`, origin: "https://evil.example", "content-type": "application/json" }, info)).toBe(403);
    } finally {
      await editor.close();
    }
  });
});

describe("a plan's years", () => {
  it("are typed as text and saved as the file had them: a number for one year, text for a span", () => {
    expect(formOf("document").find((field) => field.name === "year")).toMatchObject({ widget: "string", required: false });
    const original = "---\ntitle: Plan\nkind: plan\nyear: 2021\nstatus: udkast\n---\n\nTekst.\n";
    const data = { title: "Plan", kind: "plan", status: "udkast" };
    expect(mergeMarkdown(original, { ...data, year: "2021" }, "Tekst.", schemaOf("document"))).toBe(original);
    expect(mergeMarkdown(original, { ...data, year: "2024-2026" }, "Tekst.", schemaOf("document"))).toContain("year: 2024-2026\n");
  });
});
