// The browser editor (`npm run edit`) in Chromium, on a copy of the example content: open a focus
// area, change a sentence and save; add a quarter's figure through the form; try an invalid period.
// Every request must stay on the editor's own server (127.0.0.1).
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Frame, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEditServer, type EditServer } from "../../scripts/edit/server.ts";
import { messages } from "../../scripts/messages.ts";
import { buildFixture, connectBrowser, readHtml, readPdf, ROOT } from "../helpers.ts";

let root: string;
let editor: EditServer;
let context: BrowserContext;
const outside: string[] = [];
// Dialogs the editor opened ("leave the page?"): accepted so a test goes on, and then asserted empty.
const dialogs: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "bp-edit-e2e-"));
  for (const folder of ["content", "data", "templates"]) await cp(join(ROOT, folder), join(root, folder), { recursive: true });
  editor = await startEditServer(root, 0);
  context = await (await connectBrowser()).createBrowserContext();
});

afterAll(async () => {
  await context?.close();
  await editor?.close();
});

async function openEditor(hash: string): Promise<Page> {
  const page = await context.newPage();
  // Decap's 5 MB bundle takes long to start when the machine is busy with other test files.
  page.setDefaultTimeout(120_000);
  await page.setViewport({ width: 1280, height: 900 });
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.accept();
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${editor.origin}/`) && !/^(data|blob|about):/.test(url)) outside.push(url);
  });
  await page.goto(`${editor.origin}/`, { waitUntil: "networkidle0" });
  // The first page of the context logs in (no password: the proxy backend); later ones are logged in.
  await page.waitForFunction(() => /Log ind|Fokusområder/.test(document.body.innerText));
  if (await page.$("::-p-text(Log ind)")) await page.locator("::-p-text(Log ind)").click();
  await page.waitForFunction(() => document.body.innerText.includes("Fokusområder"));
  await page.goto(`${editor.origin}/${hash}`, { waitUntil: "networkidle0" });
  return page;
}

/** The preview pane (Decap renders it into an iframe). */
async function previewText(page: Page, contains: string, timeout = 120_000): Promise<string> {
  const until = Date.now() + timeout;
  let text = "";
  while (Date.now() < until) {
    const frame = page.frames().find((f: Frame) => f.url() === "about:srcdoc");
    text = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
    if (text.includes(contains)) return text;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The preview did not show "${contains}" within ${timeout} ms; it showed: ${text.slice(0, 500)}`);
}

async function publish(page: Page): Promise<void> {
  await page.locator("::-p-text(Publicer)").click();
  await page.locator("::-p-text(Publicer nu)").click();
}

/** Adds an observation to the first series with "Tilføj tal", typing its period and value. */
async function addObservation(page: Page, period: string, value: string): Promise<void> {
  const count = (await page.$$('input[id^="period-field-"]')).length;
  await page.locator("::-p-text(Tilføj tal)").click();
  await page.waitForFunction((n) => document.querySelectorAll('input[id^="period-field-"]').length > n, {}, count);
  const periods = await page.$$('input[id^="period-field-"]');
  const input = periods[count]!;
  await input.type(period);
  // The item's value field follows its period field.
  const id = await input.evaluate((element) => element.id);
  const valueId = `value-field-${Number(id.replace("period-field-", "")) + 1}`;
  await page.type(`#${valueId}`, value);
}

describe("the browser editor", () => {
  it("saves a changed sentence of a 2022 focus area into its Markdown file and nothing else, and the site and Bilag 1 show it", { timeout: 600_000 }, async () => {
    const file = join(root, "content/strategi/2022/fokusomraade-1.md");
    const before = await readFile(file, "utf8");
    const page = await openEditor("#/collections/fokusomraader/entries/strategi-2022-fokusomraade-1");
    expect(await previewText(page, "Ingen fejl")).toContain("Samarbejde i øjenhøjde – relationer og resultater");

    const sentence = "Redaktionen tilføjede denne sætning i browseren.";
    await page.click("[contenteditable=true]");
    await page.keyboard.type(` ${sentence} `);
    await previewText(page, sentence);
    await publish(page);
    await page.waitForFunction(() => document.body.innerText.includes("ÆNDRINGER GEMT"));

    const after = await readFile(file, "utf8");
    const beforeLines = before.split("\n");
    const changed = after.split("\n").filter((line, i) => line !== beforeLines[i]);
    expect(after.split("\n")).toHaveLength(beforeLines.length);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain(sentence);
    // Front matter order and quoting kept: the first lines are unchanged.
    expect(after.slice(0, before.indexOf("\n---\n") + 5)).toBe(before.slice(0, before.indexOf("\n---\n") + 5));
    await page.close();

    const { out } = await buildFixture(root);
    expect((await readHtml(out, "strategi/2022/fokusomraade-1")).querySelector("main")!.text).toContain(sentence);
    const pdf = await readPdf(join(out, "pdf", "bilag-1-fokusomraader.pdf"));
    expect(pdf.text.join(" ").replace(/\s+/g, " ")).toContain("Redaktionen tilføjede denne sætning");
  });

  it("adds a quarter's figure to an indicator through the form", { timeout: 400_000 }, async () => {
    const file = join(root, "data/indicators/m1-aktivt-tilbud-13-uger.json");
    const before = await readFile(file, "utf8");
    const page = await openEditor("#/collections/indikatorer/entries/m1-aktivt-tilbud-13-uger");
    await previewText(page, "4. kvartal 2019");
    // Typed the Danish way: a browser number field would read "33,5" as 335 in an English-language browser.
    await addObservation(page, "2020-K1", "33,5");
    await previewText(page, "33,5");
    await publish(page);
    await page.waitForFunction(() => document.body.innerText.includes("ÆNDRINGER GEMT"));
    const saved = JSON.parse(await readFile(file, "utf8")) as { series: { observations: unknown[] }[] };
    expect(saved.series[0]!.observations).toEqual([
      { period: "2019-K4", value: 31 },
      { period: "2020-K1", value: 33.5 },
    ]);
    // Only the new observation was written; the rest of the file is as it was.
    const after = await readFile(file, "utf8");
    const added = after
      .split("\n")
      .filter((line) => !before.split("\n").includes(line))
      .map((line) => line.trim());
    expect(added).toEqual(["},", '"period": "2020-K1",', '"value": 33.5']);
    await page.close();
  });

  it("shows the messages for an invalid period and a point decimal, and writes nothing", { timeout: 400_000 }, async () => {
    const file = join(root, "data/indicators/m2-fuldtidsledighed.json");
    const before = await readFile(file, "utf8");
    const page = await openEditor("#/collections/indikatorer/entries/m2-fuldtidsledighed");
    await previewText(page, "Ingen fejl");
    await addObservation(page, "2021-13", "4.5");
    const index = 1;
    // The project's check, before saving: file, field and the Danish message.
    const preview = await previewText(page, "2021-13");
    expect(preview).toMatch(new RegExp(`data/indicators/m2-fuldtidsledighed\\.json:\\d+:\\d+ \\(series\\[0\\]\\.observations\\[${index}\\]\\.period\\)`));
    expect(preview).toContain('Perioden "2021-13" har et forkert format.');
    await publish(page);
    // The form's own check, from the schema's pattern and its Danish message.
    // (textContent: the form shows its error in capitals through CSS, which innerText would apply.)
    await page.waitForFunction(() => document.body.textContent.includes('perioden skal skrives som "2020-08", "2020-K2" eller "2020"'));
    expect(await page.evaluate(() => document.body.textContent)).toContain("Skriv decimaler med komma, fx 4,5.");
    expect(await readFile(file, "utf8")).toBe(before);
    await page.close();
  });

  it("keeps the form and shows the check's message with file and line when the check refuses a save", { timeout: 400_000 }, async () => {
    const path = "content/strategi/2022/fokusomraade-3.md";
    const before = await readFile(join(root, path), "utf8");
    const page = await openEditor("#/collections/fokusomraader/entries/strategi-2022-fokusomraade-3");
    await previewText(page, "Ingen fejl");
    // The form cannot know that no indicator has this id; only the project's check can.
    await page.click("[contenteditable=true]");
    for (let i = 0; i < 2; i++) await page.keyboard.press("Enter");
    await page.keyboard.type("::: chart findes-ikke");
    for (let i = 0; i < 2; i++) await page.keyboard.press("Enter");
    await previewText(page, "findes-ikke");
    await publish(page);
    await page.waitForSelector("#edit-save-problem");
    const panel = await page.$eval("#edit-save-problem", (element) => (element as HTMLElement).innerText);
    expect(panel).toContain(messages.editNotSaved(1).message);
    expect(panel).toMatch(new RegExp(`${path}:\\d+:1\\n\\s+${messages.unknownIndicator("findes-ikke").message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect(await readFile(join(root, path), "utf8")).toBe(before);
    // Nothing typed is lost: the line is still in the form, which still has unsaved changes.
    expect(await page.$eval("[contenteditable=true]", (element) => element.textContent)).toContain("::: chart findes-ikke");
    expect(await page.evaluate(() => document.body.textContent)).toMatch(/Ugemte ændringer/i);
    await page.close();
  });

  it("creates a focus area of the 2022 strategy from the form and then lists it among the focus areas", { timeout: 400_000 }, async () => {
    const index = join(root, "content/strategi/2022/index.md");
    const before = await readFile(index, "utf8");
    const page = await openEditor("#/collections/nyt-kapitel/new");
    // The document is chosen by its title (a select); the rest is typed.
    await page.click('[id^="dokument-field-"]');
    await page.keyboard.type("revideret november 2022");
    await page.keyboard.press("Enter");
    await page.type('[id^="filnavn-field-"]', "fokusomraade-6");
    await page.type('[id^="title-field-"]', "Borgere på kanten");
    await page.type('[id^="goal-field-"]', "6");
    await page.type('[id^="goal_text-field-"]', "Flere borgere på kanten af arbejdsmarkedet skal i job.");
    await page.click("[contenteditable=true]");
    await page.keyboard.type("Et nyt fokusområde, oprettet i browseren.");
    await previewText(page, "Ingen fejl");
    await publish(page);
    // The page reloads at the new entry, listed among the focus areas from its new file.
    // (A whole reload of Decap's 5 MB bundle: slow when the machine is busy with other test files.)
    await page.waitForFunction(
      () => location.hash === "#/collections/fokusomraader/entries/strategi-2022-fokusomraade-6" && document.body.innerText.includes("ÆNDRINGER GEMT"),
      { timeout: 300_000 },
    );
    expect(await previewText(page, "Mål 6:")).toContain("Et nyt fokusområde, oprettet i browseren.");
    expect(await readFile(join(root, "content/strategi/2022/fokusomraade-6.md"), "utf8")).toBe(
      "---\ntitle: Borgere på kanten\ngoal: 6\ngoal_text: Flere borgere på kanten af arbejdsmarkedet skal i job.\n---\n\nEt nyt fokusområde, oprettet i browseren.\n",
    );
    const after = await readFile(index, "utf8");
    expect(after).toBe(before.replace("fokusomraade-5]", "fokusomraade-5, fokusomraade-6]"));
    await page.close();
  });

  it("fits a phone: form above the preview, the save button on screen, nothing wider than 375 px", { timeout: 400_000 }, async () => {
    const page = await openEditor("#/collections/fokusomraader/entries/strategi-2022-fokusomraade-4");
    await page.setViewport({ width: 375, height: 800 });
    await previewText(page, "Ingen fejl");
    const layout = await page.evaluate(() => {
      const box = (element: Element | null) => element?.getBoundingClientRect().toJSON() as DOMRect | undefined;
      const save = [...document.querySelectorAll("button")].find((button) => button.textContent?.trim().startsWith("Publicer"));
      return {
        width: document.documentElement.scrollWidth,
        save: box(save ?? null),
        title: box(document.querySelector("input")),
        preview: box(document.querySelector("iframe")),
      };
    });
    expect(layout.width).toBeLessThanOrEqual(375);
    expect(layout.save!.right).toBeLessThanOrEqual(375);
    expect(layout.title!.right).toBeLessThanOrEqual(375);
    expect(layout.preview!.width).toBeGreaterThanOrEqual(300);
    expect(layout.preview!.top).toBeGreaterThan(layout.title!.bottom);
    await page.close();
  });

  it("loads nothing from outside 127.0.0.1, and never asks the editor whether to leave a page", () => {
    expect(outside).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
