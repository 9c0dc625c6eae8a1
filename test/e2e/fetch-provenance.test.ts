// From `npm run fetch` to what readers get: figures fetched from a local server in Statistikbanken's
// shapes (SYNTHETIC figures, test/fixtures/fetch/), then the site and the PDF built from them. The
// provenance must stand under the figure (its chart and its data table) on the page and in the PDF,
// with the day of the fetch in Danish, and the quarter the source withholds must read ".." with a
// note, never 0. No test reaches the internet.
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFetch } from "../../scripts/fetch/run.ts";
import { buildFixture, fixture, readHtml, readPdf } from "../helpers.ts";

const FIXTURES = fixture("fetch");
const FETCHED_AT = new Date("2027-01-15T09:30:00Z");
const LINE = "Kilde: Danmarks Statistik, SYNT01, hentet 15. januar 2027 (CC BY 4.0).";

// SYNTHETIC: the figures of the made-up table SYNT01 for the area codes of the fixture's map.
const FIGURES: Record<string, (number | null)[]> = { "999": [43.5, 45.2, 46.1, null], "000": [44.0, 44.5, 44.9, 45.3] };
const PERIODS = ["2029K3", "2029K4", "2030K1", "2030K2"];

let server: Server;
let source: string;
let out: string;

beforeAll(async () => {
  const tableinfo = await readFile(join(FIXTURES, "statbank-tableinfo.json"), "utf8");
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
      if (request.url === "/v1/tableinfo") return response.end(tableinfo);
      const asked = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { variables: { code: string; values: string[] }[] };
      const area = asked.variables.find((v) => v.code === "OMRÅDE")!.values[0]!;
      // JSON-stat 2.0 with a status ".." for the withheld quarter, as Statistikbanken writes it.
      response.end(
        JSON.stringify({
          version: "2.0",
          class: "dataset",
          id: ["OMRÅDE", "YDELSE", "Tid"],
          size: [1, 1, 4],
          role: { time: ["Tid"] },
          dimension: {
            OMRÅDE: { category: { index: [area] } },
            YDELSE: { category: { index: ["TOT"] } },
            Tid: { category: { index: PERIODS } },
          },
          value: FIGURES[area],
          status: FIGURES[area]!.map((v) => (v === null ? ".." : "")),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  source = await mkdtemp(join(tmpdir(), "bp-fetch-build-"));
  await cp(fixture("minimal"), source, { recursive: true });
  await cp(join(FIXTURES, "sources.json"), join(source, "data/sources.json"));
  await cp(join(FIXTURES, "m1-ledige.json"), join(source, "data/indicators/m1-ledige.json"));
  const lines: string[] = [];
  const code = await runFetch(["--only", "m1-job"], {
    source,
    env: { STATBANK_URL: `${base}/v1` },
    now: () => FETCHED_AT,
    log: (line) => lines.push(line),
    error: (line) => lines.push(line),
  });
  expect(code, lines.join("\n")).toBe(0);
  ({ out } = await buildFixture(source));
}, 240_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(source, { recursive: true, force: true });
});

describe("fetched figures as readers see them", () => {
  it("puts the provenance under the chart and its data table on the page, and marks the withheld quarter", async () => {
    const figure = (await readHtml(out, "plan/2030/tal")).querySelector("figure.chart")!;
    const parts = figure.childNodes.filter((n) => "tagName" in n).map((n) => (n as unknown as { classNames: string }).classNames);
    // Caption, drawings, summary, data table, notes, source: the source line closes the figure.
    expect(parts.at(-1)).toBe("chart-source");
    expect(figure.querySelector(".chart-source")?.text).toBe(LINE);
    const rows = figure.querySelectorAll("table tbody tr").map((tr) => tr.querySelectorAll("th, td").map((c) => c.text));
    expect(rows.at(-1)).toEqual(["2. kvartal 2030", "..", "45,3 pct."]);
    expect(figure.querySelector(".chart-notes")?.text).toContain(".. betyder, at tallet er udeladt af diskretionshensyn.");
  });

  it("names the fetched key figures' source under the front page's overview and the quarter's status, on the page and in the PDF", async () => {
    const sources = "Hentede tal: Danmarks Statistik, SYNT01, hentet 15. januar 2027 (CC BY 4.0): Andel i job (syntetiske tal).";
    expect((await readHtml(out, "")).querySelector("#noegletal")?.parentNode?.querySelector(".table-source")?.text).toBe(sources);
    const status = await readHtml(out, "status/2030-k2");
    expect(status.querySelectorAll("p.muted").map((p) => p.text)).toContain(sources);
    const pdf = await readPdf(join(out, "pdf", "status-paa-noegletal-2030-k2.pdf"));
    expect(pdf.text.join("\n").replace(/\s+/g, " ")).toContain(sources);
  });

  it("prints the same line in the PDF", async () => {
    const pdf = await readPdf(join(out, "pdf", "testplan-2030.pdf"));
    const text = pdf.text.join("\n").replace(/\s+/g, " ");
    expect(text).toContain(LINE);
    expect(text).toContain(".. betyder, at tallet er udeladt af diskretionshensyn.");
  });
});
