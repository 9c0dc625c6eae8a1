// `npm run fetch` end to end against a local server on 127.0.0.1 that answers in the shapes of
// Statistikbanken's and Jobindsats' public APIs (test/fixtures/fetch/, SYNTHETIC figures), on a
// temporary copy of the minimal fixture site: what it asks, prints and writes, and that a failure
// of any kind writes nothing. No test reaches the internet.
import { symlinkSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sourceText, tableNotes } from "../../scripts/charts/describe.ts";
import { defaultTransport, type RetryPolicy } from "../../scripts/fetch/http.ts";
import { periodsBefore, projectPeriod, tableHierarchies, valueId } from "../../scripts/fetch/jobindsats.ts";
import { runFetch } from "../../scripts/fetch/run.ts";
import { validateIndicator } from "../../scripts/content/data-validate.ts";
import type { Indicator } from "../../scripts/content/data-schema.ts";
import { fileSystemCause, messages } from "../../scripts/messages.ts";
import { fixture } from "../helpers.ts";

const FIXTURES = fixture("fetch");
const TOKEN = "syntetisk-testnoegle-123";
const NOW = new Date("2030-08-15T06:00:00Z");
// Generous time limit: the machine is shared, and a slow first answer must not count as a time-out.
const POLICY: RetryPolicy = { timeoutMs: 5_000, retries: 2, baseDelayMs: 5, maxDelayMs: 20, budgetMs: 20_000 };

// SYNTHETIC figures of the table SYNT01 (YDELSE TOT) and the Jobindsats table ysyn01.
const STATBANK: Record<string, Record<string, number | null>> = {
  "999": { "2029K3": 43.5, "2029K4": 45.2, "2030K1": 46.1, "2030K2": null },
  "000": { "2029K3": 44.0, "2029K4": 44.5, "2030K1": 44.9, "2030K2": 45.3 },
};
const JOBINDSATS_ROWS = [
  ["2030M01", "Testby", "1.180"],
  ["2030M02", "Testby", "1.234"],
  ["2030M03", "Testby", ".."],
  ["2030M04", "Testby", "1.301"],
];

interface Behaviour {
  /** Answers to send instead of the normal one, first come first served, for a path prefix. */
  queue: { path: string; status?: number; body?: string; headers?: Record<string, string>; delayMs?: number }[];
  tableinfo?: unknown;
  /** Rows of the Jobindsats table instead of JOBINDSATS_ROWS. */
  jobindsatsRows?: string[][];
}
let behaviour: Behaviour;
let requests: { method: string; url: string; body: string; authorization?: string }[];
let server: Server;
let base: string;

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function statbankData(body: { variables: { code: string; values: string[] }[] }): unknown {
  const pick = (code: string) => body.variables.find((v) => v.code === code)!.values;
  const [area] = pick("OMRÅDE");
  const periods = pick("Tid");
  const index = (codes: string[]) => Object.fromEntries(codes.map((c, i) => [c, i]));
  return {
    dataset: {
      dimension: {
        OMRÅDE: { label: "område", category: { index: index([area!]), label: { [area!]: area === "000" ? "Hele landet" : "Testby" } } },
        YDELSE: { label: "ydelse", category: { index: { TOT: 0 }, label: { TOT: "I alt" } } },
        Tid: { label: "tid", category: { index: index(periods), label: Object.fromEntries(periods.map((p) => [p, p])) } },
        id: ["OMRÅDE", "YDELSE", "Tid"],
        size: [1, 1, periods.length],
        role: { time: ["Tid"] },
      },
      label: "Syntetiske testdata efter område, ydelse og tid",
      source: "Danmarks Statistik",
      updated: "2030-08-01T06:00:00Z",
      value: periods.map((p) => STATBANK[area!]![p]),
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await bodyOf(request);
  const url = request.url ?? "";
  requests.push({ method: request.method ?? "", url, body, authorization: request.headers.authorization });
  const send = (status: number, text: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
    response.end(text);
  };
  const planned = behaviour.queue.findIndex((q) => url.startsWith(q.path));
  if (planned >= 0) {
    const [answer] = behaviour.queue.splice(planned, 1);
    // A slow answer; a client that gives up (closes the connection) ends the wait.
    if (answer!.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, answer!.delayMs);
        response.once("close", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (answer!.status !== undefined) return send(answer!.status, answer!.body ?? "", answer!.headers);
  }
  if (url.startsWith("/v3/") && request.headers.authorization !== `Bearer ${TOKEN}`) {
    return send(401, JSON.stringify({ message: `Ugyldig nøgle: ${request.headers.authorization}` }));
  }
  if (url === "/v1/tableinfo") return send(200, JSON.stringify(behaviour.tableinfo ?? JSON.parse(await readFile(join(FIXTURES, "statbank-tableinfo.json"), "utf8"))));
  if (url === "/v1/data") return send(200, JSON.stringify(statbankData(JSON.parse(body) as StatbankQuery)));
  if (url.startsWith("/v3/table/ysyn01")) return send(200, await readFile(join(FIXTURES, "jobindsats-table.json"), "utf8"));
  if (url.startsWith("/v3/data/ysyn01")) {
    // The rows the query asks for: "latest:N" or period codes separated by commas, for Testby (/999/) only.
    const query = new URL(url, "http://localhost").searchParams;
    if (query.get("hierarchy._nykom") !== "/999/") return send(400, JSON.stringify({ message: "Ukendt værdi for _nykom" }));
    const periods = query.get("period.M") ?? "";
    const rows = behaviour.jobindsatsRows ?? JOBINDSATS_ROWS;
    const latest = /^latest:(\d+)$/.exec(periods);
    const picked = latest ? rows.slice(-Number(latest[1])) : rows.filter((row) => periods.split(",").includes(row[0]!));
    return send(200, JSON.stringify({ columns: ["Periode", "Område", "Antal ledige (syntetisk)"], rows: picked }));
  }
  send(404, JSON.stringify({ message: "Ikke fundet" }));
}

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let source: string;
let out: string[];
let err: string[];

beforeEach(async () => {
  behaviour = { queue: [] };
  requests = [];
  source = await mkdtemp(join(tmpdir(), "bp-fetch-"));
  await cp(fixture("minimal"), source, { recursive: true });
  await cp(join(FIXTURES, "sources.json"), join(source, "data/sources.json"));
  await cp(join(FIXTURES, "m1-ledige.json"), join(source, "data/indicators/m1-ledige.json"));
});
afterEach(() => rm(source, { recursive: true, force: true }));

async function run(
  args: string[] = [],
  options: { token?: string | null; cellLimit?: number; jobindsatsCellLimit?: number; policy?: RetryPolicy } = {},
): Promise<number> {
  out = [];
  err = [];
  const token = options.token === undefined ? TOKEN : options.token;
  return runFetch(args, {
    source,
    env: { STATBANK_URL: `${base}/v1`, JOBINDSATS_URL: `${base}/v3`, ...(token ? { JOBINDSATS_TOKEN: token } : {}) },
    now: () => NOW,
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    transport: defaultTransport(),
    policy: options.policy ?? POLICY,
    cellLimits: { statistikbanken: options.cellLimit ?? 1_000_000, jobindsats: options.jobindsatsCellLimit ?? 100_000 },
  });
}
const read = (id: string) => readFile(join(source, `data/indicators/${id}.json`), "utf8");
/** An indicator file as the fetch wrote it. */
const readIndicator = async (id: string) => JSON.parse(await read(id)) as Indicator;
/** The body of a Statistikbanken data request. */
type StatbankQuery = { table: string; variables: { code: string; values: string[] }[] };
const snapshot = async () => [await read("m1-job"), await read("m1-ledige")];

describe("fetching mapped series", () => {
  it("fetches both sources, merges new and changed figures, marks withheld ones and records provenance", async () => {
    expect(await run()).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([
      "Henter 3 serier til 2 indikatorer (1 serie uden offentlig kilde beholder deres tal) …",
      "  [1/3] m1-job, Testby: Danmarks Statistik, SYNT01 …",
      "        3 tal (3. kvartal 2029 – 1. kvartal 2030); 1 periode vises ikke hos kilden (..): 2. kvartal 2030.",
      "  [2/3] m1-job, Hele landet: Danmarks Statistik, SYNT01 …",
      "        4 tal (3. kvartal 2029 – 2. kvartal 2030).",
      "  [3/3] m1-ledige, Testby: Jobindsats (STAR), ysyn01 …",
      "        3 tal (januar 2030 – april 2030); 1 periode vises ikke hos kilden (..): marts 2030.",
      "data/indicators/m1-job.json:",
      "  + Testby, 1. kvartal 2030: 46,1",
      "  + Hele landet, 1. kvartal 2030: 44,9",
      "  + Hele landet, 2. kvartal 2030: 45,3",
      "  ~ Testby, 4. kvartal 2029: 45,0 → 45,2",
      "data/indicators/m1-ledige.json:",
      "  + Testby, februar 2030: 1.234",
      "  + Testby, april 2030: 1.301",
      "Færdig: 2 nye perioder, 1 ændret værdi i m1-job.json; 2 nye perioder, 0 ændrede værdier i m1-ledige.json. Seneste nye periode: april 2030.",
    ]);

    const job = await readIndicator("m1-job");
    expect(job.series[0]!.observations.map((o: { period: string }) => o.period)).toEqual(["2029-K1", "2029-K2", "2029-K3", "2029-K4", "2030-K1"]);
    expect(job.provenance).toEqual([
      {
        series: "Testby",
        source: "Danmarks Statistik",
        table: "SYNT01",
        query: "SYNT01: OMRÅDE=999, YDELSE=TOT, Tid=>=2029K3",
        fetched: "2030-08-15T06:00:00.000Z",
        licence: "CC BY 4.0",
      },
      {
        series: "Hele landet",
        source: "Danmarks Statistik",
        table: "SYNT01",
        query: "SYNT01: OMRÅDE=000, YDELSE=TOT, Tid=>=2029K3",
        fetched: "2030-08-15T06:00:00.000Z",
        licence: "CC BY 4.0",
      },
    ]);
    // The withheld quarter is marked as such (shown as ".."), never written as a figure.
    expect(job.series[0]!.suppressed).toEqual(["2030-K2"]);
    expect(job.series[1]!.suppressed).toBeUndefined();
    const ledige = await readIndicator("m1-ledige");
    // "1.234" is Danish for 1234; ".." (March) is missing, never zero.
    expect(ledige.series[0]!.observations).toEqual([
      { period: "2030-01", value: 1180 },
      { period: "2030-02", value: 1234 },
      { period: "2030-04", value: 1301 },
    ]);
    expect(ledige.series[0]!.suppressed).toEqual(["2030-03"]);
    // The map names the area "Testby"; the table's description gives its value id.
    expect(ledige.provenance?.[0]?.query).toBe("ysyn01?format=json&period.M=latest:4&mgroup.*=*&hierarchy._nykom=/999/");
    expect(await read("m1-ledige")).not.toContain(TOKEN);

    // What the sources were asked: Statistikbanken by POST with the mapped codes, Jobindsats with the Bearer token.
    const data = requests.filter((r) => r.url === "/v1/data").map((r) => JSON.parse(r.body) as StatbankQuery);
    expect(data[0]).toEqual({
      table: "SYNT01",
      format: "JSONSTAT",
      lang: "da",
      timeOrder: "Ascending",
      variables: [
        { code: "OMRÅDE", values: ["999"] },
        { code: "YDELSE", values: ["TOT"] },
        { code: "Tid", values: ["2029K3", "2029K4", "2030K1", "2030K2"] },
      ],
    });
    expect(requests.filter((r) => r.url.startsWith("/v3/")).map((r) => r.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);

    // Readers see where the figures came from and what is missing.
    const shown = validateIndicator(job, "m1-job.json", []).indicator!;
    expect(sourceText(shown)).toBe("Kilde: Danmarks Statistik, SYNT01, hentet 15. august 2030 (CC BY 4.0).");
    expect(tableNotes(shown)).toContain(".. betyder, at tallet er udeladt af diskretionshensyn.");

    // A second run finds nothing new and leaves the files byte for byte.
    const before = await snapshot();
    expect(await run()).toBe(0);
    expect(out.at(-1)).toBe("Ingen ændringer: data/indicators/ har allerede alle hentede tal.");
    expect(await snapshot()).toEqual(before);
  });

  it("a full disk while writing (ENOSPC, for real: a temporary file leads to /dev/full): file and cause named, nothing written", async () => {
    const before = await snapshot();
    out = [];
    err = [];
    const temporary = join(source, "data", "indicators", `m1-ledige.json.${process.pid}.tmp`);
    // Laid once the project has been read (a symlink in data/ is refused when read), at the first progress line.
    const code = await runFetch([], {
      source,
      env: { STATBANK_URL: `${base}/v1`, JOBINDSATS_URL: `${base}/v3`, JOBINDSATS_TOKEN: TOKEN },
      now: () => NOW,
      log: (line) => {
        if (out.length === 0) symlinkSync("/dev/full", temporary);
        out.push(line);
      },
      error: (line) => err.push(line),
      transport: defaultTransport(),
      policy: POLICY,
    });
    expect(code).toBe(1);
    const shown = err.join("\n");
    expect(shown).toContain(messages.writeFailed("data/indicators/m1-ledige.json", fileSystemCause("ENOSPC")).message);
    expect(shown).toContain("Intet er skrevet.");
    expect(shown).not.toMatch(/\n\s+at /);
    expect(await snapshot()).toEqual(before);
    expect((await readdir(join(source, "data", "indicators"))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("changes nothing with --dry-run", async () => {
    const before = await snapshot();
    expect(await run(["--dry-run"])).toBe(0);
    expect(out[0]).toBe("Henter 3 serier til 2 indikatorer (1 serie uden offentlig kilde beholder deres tal) – prøvekørsel …");
    expect(out.at(-1)).toBe(
      "Prøvekørsel (--dry-run): 2 nye perioder, 1 ændret værdi i m1-job.json; 2 nye perioder, 0 ændrede værdier i m1-ledige.json ville blive skrevet. Intet er ændret.",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("takes base addresses with or without a trailing slash", async () => {
    out = [];
    err = [];
    const code = await runFetch(["--only", "m1-ledige", "--dry-run"], {
      source,
      env: { JOBINDSATS_URL: `${base}/v3/`, JOBINDSATS_TOKEN: TOKEN },
      now: () => NOW,
      log: (line) => out.push(line),
      error: (line) => err.push(line),
      policy: POLICY,
    });
    expect(code, err.join("\n")).toBe(0);
    expect(requests.map((r) => r.url.split("?")[0])).toEqual(["/v3/table/ysyn01", "/v3/data/ysyn01"]);
  });

  it("fetches one indicator with --only", async () => {
    expect(await run(["--only", "m1-ledige"])).toBe(0);
    expect(requests.every((r) => r.url.startsWith("/v3/"))).toBe(true);
    expect(await run(["--only", "m1-findes-ikke"])).toBe(2);
    expect(err[0]).toContain('Indikatoren "m1-findes-ikke" har ingen serier, der hentes');
  });

  it("splits a request that would pass the cell limit", async () => {
    // 4 cells per period (area, benefit, time, value): a limit of 8 allows 2 periods per request.
    expect(await run(["--only", "m1-job"], { cellLimit: 8 })).toBe(0);
    const parts = requests.filter((r) => r.url === "/v1/data").map((r) => (JSON.parse(r.body) as StatbankQuery).variables[2]?.values);
    expect(parts).toEqual([
      ["2029K3", "2029K4"],
      ["2030K1", "2030K2"],
      ["2029K3", "2029K4"],
      ["2030K1", "2030K2"],
    ]);
    expect(out).toContain("        4 tal (3. kvartal 2029 – 2. kvartal 2030) – hentet i 2 dele (cellegrænse).");
    expect((await readIndicator("m1-job")).series[1]?.observations).toHaveLength(6);
  });
  it("splits a Jobindsats request at the cell limit into explicit periods counted back from the table's latest", async () => {
    // 3 cells per row (period, area, the one measure the description lists): a limit of 6 allows 2 periods.
    expect(await run(["--only", "m1-ledige"], { jobindsatsCellLimit: 6 })).toBe(0);
    const asked = requests.filter((r) => r.url.startsWith("/v3/data")).map((r) => new URL(r.url, base).searchParams.get("period.M"));
    expect(asked).toEqual(["2030M01,2030M02", "2030M03,2030M04"]);
    expect(out).toContain("        3 tal (januar 2030 – april 2030); 1 periode vises ikke hos kilden (..): marts 2030 – hentet i 2 dele (cellegrænse).");
    const ledige = await readIndicator("m1-ledige");
    expect(ledige.series[0]!.observations.map((o) => o.period)).toEqual(["2030-01", "2030-02", "2030-04"]);
    expect(ledige.provenance?.[0]?.query).toBe("ysyn01?format=json&period.M=2030M01,2030M02,2030M03,2030M04&mgroup.*=*&hierarchy._nykom=/999/");
  });

  it("finds a hierarchy by the name jobindsats.dk shows and a value by its name", async () => {
    const map = JSON.parse(await readFile(join(source, "data/sources.json"), "utf8")) as { series: { hierarchies?: Record<string, string> }[] };
    map.series[2]!.hierarchies = { Ydelsesgrupper: "A-dagpenge" };
    await writeFile(join(source, "data/sources.json"), JSON.stringify(map));
    expect(await run(["--only", "m1-ledige"])).toBe(0);
    expect((await readIndicator("m1-ledige")).provenance?.[0]?.query).toBe(
      "ysyn01?format=json&period.M=latest:4&mgroup.*=*&hierarchy._nykom=/999/&hierarchy._ygrpsyn=/2/",
    );
  });

  it("reads Danish decimals and thousands, and an empty cell as not shown (never 0)", async () => {
    behaviour.jobindsatsRows = [
      ["2030M01", "Testby", "12,5"],
      ["2030M02", "Testby", "1.234,75"],
      ["2030M03", "Testby", null as unknown as string],
      ["2030M04", "Testby", "0,4"],
    ];
    expect(await run(["--only", "m1-ledige", "--dry-run"])).toBe(0);
    expect(out).toContain("  + Testby, februar 2030: 1.234,75");
    expect(out).toContain("  + Testby, april 2030: 0,40");
    expect(out).toContain("  ~ Testby, januar 2030: 1.180,00 → 12,50");
    expect(out.join("\n")).toContain("1 periode vises ikke hos kilden (..): marts 2030");
  });
});

describe("the Jobindsats client's pieces", () => {
  it("counts periods back from the latest, written as the table writes them", () => {
    expect(periodsBefore("2030M02", "M", 3)).toEqual(["2029M12", "2030M01", "2030M02"]);
    expect(periodsBefore("2030Q01", "Q", 3)).toEqual(["2029Q03", "2029Q04", "2030Q01"]);
    expect(periodsBefore("2030Q1", "Q", 2)).toEqual(["2029Q4", "2030Q1"]);
    expect(periodsBefore("2030", "Y", 2)).toEqual(["2029", "2030"]);
    expect(periodsBefore("2030QMAT01", "Q", 2)).toBeUndefined();
    // Jobindsats writes quarters "2030Q01"; the project writes "2030-K1".
    expect(["2030Q01", "2030Q4", "2030M07", "2030"].map(projectPeriod)).toEqual(["2030-K1", "2030-K4", "2030-07", "2030"]);
  });

  it("finds a value by its id or its name, and names the values when neither fits", async () => {
    const hierarchy = tableHierarchies(JSON.parse(await readFile(join(FIXTURES, "jobindsats-table.json"), "utf8")))!.find((h) => h.id === "_nykom")!;
    expect(valueId(hierarchy, "Testby")).toBe("/999/");
    expect(valueId(hierarchy, "testby")).toBe("/999/");
    expect(valueId(hierarchy, "/998/")).toBe("/998/");
    expect(valueId(hierarchy, "/")).toBe("/");
    expect(() => valueId(hierarchy, "Ballerup")).toThrow('hierarkiet "_nykom" har ingen værdi "Ballerup" (det har "Hele landet", "Testby", "Andeby")');
  });
});

describe("when a source fails", () => {
  it("retries after 429 and goes on", async () => {
    behaviour.queue.push({ path: "/v1/data", status: 429, body: '{"message":"For mange forespørgsler"}', headers: { "Retry-After": "0" } });
    expect(await run(["--only", "m1-job"])).toBe(0);
    expect(behaviour.queue).toEqual([]); // each of the three attempts met a slow answer
    expect(out[2]).toBe("        for mange forespørgsler: prøver igen om 1 s (forsøg 2) …");
  });

  it("reports 401 without the token and writes nothing, not even the series that succeeded", async () => {
    const before = await snapshot();
    behaviour.queue.push({ path: "/v3/table", status: 401, body: `{"message":"Ugyldig nøgle ${TOKEN}"}` });
    expect(await run()).toBe(1);
    const text = err.join("\n");
    expect(text).toContain('Jobindsats (STAR), tabel ysyn01 (serien "Testby" i m1-ledige) afviste adgangen: HTTP 401');
    expect(text).toContain("Nøglen i JOBINDSATS_TOKEN er forkert");
    expect(text).toContain("Intet er skrevet.");
    expect(text + out.join("\n")).not.toContain(TOKEN);
    expect(requests.filter((r) => r.url.startsWith("/v3/table"))).toHaveLength(1);
    expect(await snapshot()).toEqual(before);
  });

  it("with --dry-run, a failure says that nothing would be written and how to see the rest", async () => {
    const before = await snapshot();
    behaviour.queue.push({ path: "/v3/table", status: 401, body: "{}" });
    expect(await run(["--dry-run"])).toBe(1);
    expect(err.join("\n")).toContain("Intet er skrevet. Ret fejlen, eller kør med --keep-going for at se de serier, der lykkedes.");
    behaviour.queue.push({ path: "/v3/table", status: 401, body: "{}" });
    expect(await run(["--dry-run", "--keep-going"])).toBe(1);
    expect(err.join("\n")).toContain("De øvrige serier vises herunder (--keep-going); intet skrives (--dry-run).");
    expect(out.at(-1)).toMatch(/^Prøvekørsel \(--dry-run\): .* i m1-job\.json ville blive skrevet\. Intet er ændret\.$/);
    expect(await snapshot()).toEqual(before);
  });

  it("writes the series that succeeded with --keep-going, and still exits non-zero", async () => {
    const [, ledige] = await snapshot();
    behaviour.queue.push({ path: "/v3/table", status: 401, body: "{}" });
    expect(await run(["--keep-going"])).toBe(1);
    expect(err.join("\n")).toContain("De øvrige serier skrives (--keep-going).");
    expect((await readIndicator("m1-job")).provenance).toHaveLength(2);
    expect(await read("m1-ledige")).toBe(ledige);
  });

  it("asks for fewer periods when Jobindsats has fewer than the map asks for", async () => {
    behaviour.queue.push({ path: "/v3/data", status: 400, body: '{"message":"Requested latest:4 for type M, but only 3 periods are available"}' });
    expect(await run(["--only", "m1-ledige"])).toBe(0);
    expect(requests.filter((r) => r.url.startsWith("/v3/data")).map((r) => r.url.match(/period\.M=[^&]+/)![0])).toEqual(["period.M=latest:4", "period.M=latest:3"]);
    expect((await readIndicator("m1-ledige")).provenance?.[0]?.query).toContain("period.M=latest:3");
  });

  it("reports 403 as a key without access, naming source, table and series", async () => {
    behaviour.queue.push({ path: "/v3/table", status: 403, body: '{"message":"Ingen adgang til tabellen"}' });
    expect(await run(["--only", "m1-ledige"])).toBe(1);
    const text = err.join("\n");
    expect(text).toContain('Jobindsats (STAR), tabel ysyn01 (serien "Testby" i m1-ledige) afviste adgangen: HTTP 403 ({"message":"Ingen adgang til tabellen"})');
    expect(text).toContain("Nøglen i JOBINDSATS_TOKEN er forkert, udløbet eller mangler adgang");
  });

  it("names the area when the table's description has no value of that name", async () => {
    const map = JSON.parse(await readFile(join(source, "data/sources.json"), "utf8")) as { series: { area?: { value?: string } }[] };
    map.series[2]!.area!.value = "Ballerup";
    await writeFile(join(source, "data/sources.json"), JSON.stringify(map));
    expect(await run(["--only", "m1-ledige"])).toBe(1);
    expect(err.join("\n")).toContain('passer ikke længere til data/sources.json: hierarkiet "_nykom" har ingen værdi "Ballerup"');
    expect(requests.filter((r) => r.url.startsWith("/v3/data"))).toEqual([]);
  });

  it("asks for a code when the map leaves out a Statistikbanken variable that cannot be eliminated", async () => {
    const info = JSON.parse(await readFile(join(FIXTURES, "statbank-tableinfo.json"), "utf8")) as { variables: { id: string; elimination: boolean }[] };
    behaviour.tableinfo = {
      ...info,
      variables: [
        ...info.variables.slice(0, 2),
        { id: "ENHED", text: "enhed", elimination: false, time: false, values: [{ id: "PCT", text: "Pct." }] },
        info.variables[2],
      ],
    };
    expect(await run(["--only", "m1-job"])).toBe(1);
    expect(err.join("\n")).toContain('SYNT01 kræver en værdi for variablen "ENHED", som ikke kan udelades; skriv den under "variables" (værdierne er "PCT (Pct.)")');
    expect(requests.filter((r) => r.url === "/v1/data")).toEqual([]);
  });

  it("says how to get a key when JOBINDSATS_TOKEN is not set", async () => {
    expect(await run(["--only", "m1-ledige"], { token: null })).toBe(1);
    expect(err.join("\n")).toContain("Miljøvariablen JOBINDSATS_TOKEN er ikke sat");
    expect(requests).toEqual([]);
  });

  it("gives up after a bounded number of time-outs", async () => {
    const before = await snapshot();
    // Answers slower than the test's own time limit: only a client that gives up at its time-out finishes.
    for (let i = 0; i < 3; i++) behaviour.queue.push({ path: "/v1/data", delayMs: 600_000, status: 200, body: "{}" });
    expect(await run(["--only", "m1-job"], { policy: { ...POLICY, timeoutMs: 300 } })).toBe(1);
    expect(behaviour.queue).toEqual([]); // each of the three attempts met a slow answer
    expect(err.join("\n")).toContain('Danmarks Statistik, tabel SYNT01 (serien "Testby" i m1-job) svarede ikke efter 3 forsøg: intet svar inden for 300 ms');
    expect(await snapshot()).toEqual(before);
  });

  it("reports a body that is not JSON, or not JSON-stat", async () => {
    behaviour.queue.push({ path: "/v1/data", status: 200, body: "<html>Vedligeholdelse</html>" });
    expect(await run(["--only", "m1-job"])).toBe(1);
    expect(err.join("\n")).toContain('gav et svar, der ikke kan læses: svaret er ikke JSON (det begynder "<html>Vedligeholdelse</html>")');
    behaviour.queue.push({ path: "/v1/data", status: 200, body: '{"dataset":{"dimension":{}}}' });
    expect(await run(["--only", "m1-job"])).toBe(1);
    expect(err.join("\n")).toContain("(JSON-stat)");
  });

  it("names a table that no longer has the mapped variable, and a table that is gone", async () => {
    const info = JSON.parse(await readFile(join(FIXTURES, "statbank-tableinfo.json"), "utf8")) as { variables: { id: string }[] };
    behaviour.tableinfo = { ...info, variables: info.variables.filter((v) => v.id !== "YDELSE") };
    expect(await run(["--only", "m1-job"])).toBe(1);
    expect(err.join("\n")).toContain('passer ikke længere til data/sources.json: SYNT01 har ingen variabel "YDELSE" (den har "OMRÅDE", "Tid")');
    behaviour.tableinfo = undefined;
    behaviour.queue.push({ path: "/v3/table", status: 404, body: '{"message":"Not found"}' });
    expect(await run(["--only", "m1-ledige"])).toBe(1);
    expect(err.join("\n")).toContain("findes ikke hos kilden: HTTP 404");
  });
});
