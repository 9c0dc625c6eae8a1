// The synthetic scale fixture for `npm run bench`: a project (content/ + data/) shaped like the
// example content, `scale` times over. Every text, figure and source is made up and says so
// ("syntetisk", "Syntetiske testdata"); nothing here is the municipality's.
//
// One block is the example content's shape: two strategy revisions (the second compared with the
// first), two plan years (one including a strategy page, one with two tables), an appendix that
// borrows the second strategy's pages and an indicator appendix with five goals and 24 indicators
// (19 with figures): 31 Markdown files and about 65 KB of Markdown, as the example. Scale 10 is ten
// blocks: 10x the plan years and the indicators, and so the documents, pages and charts.
//
//   node scripts/bench/synthetic.ts <folder> [scale]     writes a fixture to look at
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const SYNTHETIC_SOURCE = "Syntetiske testdata til ydelsesmåling – ikke kommunens tal";
const OWN = "Eksempelkommune (syntetisk)";
const COUNTRY = "Hele landet (syntetisk)";
const GOALS = [1, 2, 3, 4, 5] as const;
/** Indicators per goal, as in the example's indicator appendix (24 in all). */
const PER_GOAL = [6, 4, 3, 5, 6] as const;

export interface FixtureSummary {
  scale: number;
  markdownFiles: number;
  indicators: number;
  indicatorsWithData: number;
  tables: number;
  documents: number;
  bytes: number;
}

/** A small deterministic generator (mulberry32), so every run builds the same fixture. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "borgere virksomheder indsats beskæftigelse uddannelse ledighed samarbejde jobcenter forløb samtale " +
  "tilbud praktik løntilskud mentor opfølgning resultat effekt målgruppe kompetencer arbejdsmarked " +
  "sagsbehandler dagpenge kontanthjælp ressourceforløb fleksjob virksomhedskonsulent netværk tværfaglig " +
  "helhedsorienteret progression motivation rådgivning vejledning afklaring opkvalificering rekruttering " +
  "fastholdelse sygedagpenge integration sprog unge voksne udvalg strategi fokusområde prioritering"
).split(" ");

function sentence(next: () => number): string {
  const length = 8 + Math.floor(next() * 9);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const text = words.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number): string {
  return Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(next)).join(" ");
}

/** About `bytes` of Markdown prose: paragraphs, now and then a list or a subheading. */
function prose(next: () => number, bytes: number, headings = true): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part =
      headings && i > 0 && i % 4 === 0
        ? `## Syntetisk afsnit ${i / 4}: ${sentence(next).slice(0, -1).toLowerCase()}`
        : i % 5 === 2
          ? Array.from({ length: 4 }, () => `- ${sentence(next)}`).join("\n")
          : paragraph(next);
    parts.push(part);
    size += part.length + 2;
  }
  return parts.join("\n\n");
}

function frontMatter(fields: Record<string, string | number | string[]>): string {
  const lines = Object.entries(fields).map(
    ([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.join(", ")}]` : typeof value === "number" ? value : JSON.stringify(value)}`,
  );
  return `---\n${lines.join("\n")}\n---\n\n`;
}

type Json = Record<string, unknown>;

const round = (value: number, decimals = 1) => Number(value.toFixed(decimals));

/** Indicator k of goal g in block b: the shapes cycle through the chart kinds of the example. */
function indicator(b: number, g: number, k: number, year: number, next: () => number): Json {
  const id = `syn-b${b + 1}-m${g}-${k + 1}`;
  const shape = (g * 7 + k) % 6;
  const pct = (low = 20, span = 60) => round(low + next() * span);
  const base: Json = {
    id,
    goal: g,
    kind: k === 0 ? "nøgletal" : "indikator",
    title: `Syntetisk indikator ${k + 1} for mål ${g} (blok ${b + 1})`,
    question: `Går den syntetiske indikator ${k + 1} for mål ${g} i den rigtige retning?`,
    unit: "pct.",
    source: SYNTHETIC_SOURCE,
    extracted: null,
    notes: "Tallene er syntetiske og laves af scripts/bench/synthetic.ts til ydelsesmålingen.",
  };
  const months = (n: number) => Array.from({ length: n }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  const quarters = (n: number) => Array.from({ length: n }, (_, i) => `${year + Math.floor(i / 4)}-K${(i % 4) + 1}`);
  switch (shape) {
    case 0: // development over twelve months against a value
      return {
        ...base,
        series: [{ name: OWN, observations: months(12).map((period) => ({ period, value: pct() })) }],
        target: { kind: "value", value: 75, direction: "higher" },
      };
    case 1: // one figure against its target
      return {
        ...base,
        series: [{ name: OWN, observations: [{ period: `${year}-06`, value: pct() }] }],
        target: { kind: "value", value: 60, direction: "higher", label: "Syntetisk mål" },
      };
    case 2: // the municipality against the country, one period
      return {
        ...base,
        series: [OWN, COUNTRY].map((name) => ({ name, observations: [{ period: `${year}-K2`, value: pct() }] })),
        target: { kind: "series", series: COUNTRY, direction: "lower" },
      };
    case 3: // two series over eight quarters, better when rising
      return {
        ...base,
        series: [OWN, COUNTRY].map((name) => ({ name, observations: quarters(8).map((period) => ({ period, value: pct(30, 40) })) })),
        target: { kind: "trend", direction: "higher" },
      };
    case 4: // no figures yet (as several of the example's indicators)
      return { ...base, unit: "antal", series: [], target: { kind: "value", value: 100, direction: "higher" } };
    default: // four groups, one period, in weeks
      return {
        ...base,
        unit: "uger",
        decimals: 0,
        series: ["Gruppe A", "Gruppe B", "Gruppe C", "Gruppe D"].map((group) => ({
          name: `${group} (syntetisk)`,
          observations: [{ period: String(year), value: Math.round(5 + next() * 40) }],
        })),
        target: { kind: "trend", direction: "lower" },
      };
  }
}

function table(b: number, t: number, year: number, next: () => number): Json {
  return {
    id: `syn-b${b + 1}-tabel-${t + 1}`,
    caption: `Syntetisk tabel ${t + 1} (blok ${b + 1})`,
    stub: "Redskab",
    group: "Syntetiske andele",
    unit: "pct.",
    columns: [`Realiseret ${year - 2}`, `Forventet ${year - 1}`, `Mål ${year}`],
    rows: [
      { label: "Syntetisk andel i alt", values: [round(30 + next() * 20, 0), round(30 + next() * 20, 0), round(30 + next() * 20, 0)] },
      { label: "Heraf uddannelse", level: 1, values: [round(next() * 10, 0), round(next() * 10, 0), { min: 6, max: 8 }] },
      { label: "Heraf virksomhedsrettet", level: 1, values: [round(10 + next() * 10, 0), round(10 + next() * 10, 0), { min: 15, max: 17 }] },
    ],
    source: SYNTHETIC_SOURCE,
  };
}

/** Writes the fixture to `dir` (emptied first) and tells what it holds. */
export async function writeSyntheticFixture(dir: string, scale: number): Promise<FixtureSummary> {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a whole number ≥ 1, not ${scale}`);
  await rm(dir, { recursive: true, force: true });
  const files = new Map<string, string>();
  const md = (path: string, fields: Record<string, string | number | string[]>, body: string) => files.set(`content/${path}.md`, `${frontMatter(fields)}${body}\n`);
  const json = (path: string, value: unknown) => files.set(`data/${path}.json`, `${JSON.stringify(value, null, 2)}\n`);

  json("site", {
    municipality: "Eksempelkommune (syntetiske testdata)",
    department: "Syntetisk beskæftigelsesområde",
    site_title: "Syntetisk testprojekt til ydelsesmåling",
    path_prefix: "/",
    accessibility_statement: "https://example.org/tilgaengelighed",
    contact: { name: "Syntetisk jobcenter", url: "https://example.org" },
    colors: { primary: "#1f4e79", accent: "#b3541e" },
    committees: ["Syntetisk udvalg"],
  });
  const intro = random(1);
  md("index", { title: "Syntetisk testprojekt", description: "Syntetiske dokumenter til ydelsesmåling – ikke kommunens." }, paragraph(intro));

  let indicators = 0;
  let withData = 0;
  let tables = 0;
  for (let b = 0; b < scale; b++) {
    const next = random(1000 + b);
    const year = 2030 + 2 * b; // one strategy revision and one plan per year, two years per block
    const [first, second] = [String(year), String(year + 1)];

    // Two strategy revisions, the second compared with the first.
    const focusChapters = GOALS.map((g) => `fokusomraade-${g}`);
    md(
      `strategi/${first}/index`,
      {
        title: `Syntetisk strategi ${first}`,
        kind: "strategi",
        revision: first,
        status: "vedtaget",
        adopted_by: "Syntetisk udvalg",
        adopted: `${year - 1}-10`,
        description: `Syntetisk beskæftigelsesstrategi ${first} til ydelsesmåling.`,
        chapters: ["principper", ...focusChapters],
      },
      "",
    );
    md(`strategi/${first}/principper`, { title: "Syntetiske principper" }, prose(next, 2700));
    md(
      `strategi/${second}/index`,
      {
        title: `Syntetisk strategi ${second}`,
        kind: "strategi",
        revision: second,
        status: "vedtaget",
        adopted_by: "Syntetisk udvalg",
        adopted: `${year}-11`,
        compare_with: first,
        description: `Syntetisk beskæftigelsesstrategi ${second}, revideret, til ydelsesmåling.`,
        chapters: focusChapters,
      },
      prose(next, 2600),
    );
    for (const revision of [first, second]) {
      for (const g of GOALS) {
        md(
          `strategi/${revision}/fokusomraade-${g}`,
          {
            title: `Syntetisk fokusområde ${g}`,
            goal: g,
            goal_text: `Syntetisk mål ${g}: ${sentence(next).slice(0, -1).toLowerCase()}`,
          },
          prose(next, 800 + Math.floor(next() * 1600), false),
        );
      }
    }

    // Two plan years: one includes a page of its strategy, one has two tables.
    md(
      `plan/${first}/index`,
      {
        title: `Syntetisk beskæftigelsesplan ${first}`,
        kind: "plan",
        year,
        status: "vedtaget",
        strategy: first,
        pdf: `syntetisk-plan-${first}.pdf`,
        description: `Syntetisk beskæftigelsesplan ${first} til ydelsesmåling.`,
        chapters: ["baggrund", "fokusomraader", "saerlig-indsats"],
      },
      `${prose(next, 1400, false)}\n\n::: include strategi/${first}/principper`,
    );
    for (const [slug, size] of [
      ["baggrund", 1000],
      ["fokusomraader", 1400],
      ["saerlig-indsats", 1750],
    ] as const) {
      md(`plan/${first}/${slug}`, { title: `Syntetisk kapitel: ${slug.replace(/-/g, " ")}` }, prose(next, size));
    }
    const tableIds = [0, 1].map((t) => {
      json(`tables/syn-b${b + 1}-tabel-${t + 1}`, table(b, t, year + 1, next));
      tables++;
      return `syn-b${b + 1}-tabel-${t + 1}`;
    });
    const planChapters = ["udviklingen", "prioriteringer", "spor", "indsats", "maal"];
    md(
      `plan/${second}/index`,
      {
        title: `Syntetisk beskæftigelsesplan ${second}`,
        kind: "plan",
        year: year + 1,
        status: "udkast",
        strategy: second,
        pdf: `syntetisk-plan-${second}.pdf`,
        description: `Syntetisk beskæftigelsesplan ${second} (udkast) til ydelsesmåling.`,
        chapters: planChapters,
      },
      prose(next, 1200, false),
    );
    for (const slug of planChapters) {
      const body = slug === "maal" ? tableIds.map((id) => `::: table ${id}`).join("\n\n") : prose(next, 1000 + Math.floor(next() * 1300));
      md(`plan/${second}/${slug}`, { title: `Syntetisk kapitel: ${slug}` }, body);
    }

    // Appendix borrowing the second strategy's pages, as Bilag 1 does.
    md(
      `bilag/fokusomraader-${b + 1}/index`,
      {
        title: `Syntetiske fokusområder ${second}`,
        kind: "bilag",
        number: 2 * b + 1,
        strategy: second,
        status: "vedtaget",
        pdf: `syntetisk-bilag-${2 * b + 1}.pdf`,
        description: "Syntetisk bilag, der låner strategiens sider.",
        committee: "Syntetisk udvalg",
        meeting: `${year + 1}-10-08`,
        agenda_item: 5,
        journal: `00.00.00-A00-${b + 1}-00`,
        chapters: [`strategi/${second}/index`, ...focusChapters.map((c) => `strategi/${second}/${c}`)],
      },
      "",
    );

    // The indicator appendix: per goal a chapter with a heading, a paragraph and a chart per indicator.
    const goalChapters: string[] = [];
    for (const g of GOALS) {
      const parts: string[] = [];
      for (let k = 0; k < PER_GOAL[g - 1]!; k++) {
        const value = indicator(b, g, k, year, next);
        json(`indicators/${value.id as string}`, value);
        indicators++;
        if ((value.series as unknown[]).length > 0) withData++;
        parts.push(`## ${k === 0 ? "Nøgletal" : "Indikator"}: ${value.title as string}\n\n${paragraph(next)}\n\n::: chart ${value.id as string}`);
      }
      md(`bilag/indikatorer-${b + 1}/maal-${g}`, { title: `Syntetisk mål ${g}`, goal: g, goal_text: `Syntetisk mål ${g}` }, parts.join("\n\n"));
      goalChapters.push(`maal-${g}`);
    }
    md(
      `bilag/indikatorer-${b + 1}/index`,
      {
        title: `Syntetiske indikatorer ${first}`,
        kind: "bilag",
        number: 2 * b + 2,
        strategy: first,
        status: "vedtaget",
        pdf: `syntetisk-bilag-${2 * b + 2}.pdf`,
        description: "Syntetiske nøgletal og indikatorer til ydelsesmåling.",
        chapters: goalChapters,
      },
      prose(next, 2000, false),
    );
  }

  let bytes = 0;
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
    bytes += Buffer.byteLength(text);
  }
  return {
    scale,
    markdownFiles: [...files.keys()].filter((p) => p.endsWith(".md")).length,
    indicators,
    indicatorsWithData: withData,
    tables,
    documents: 6 * scale,
    bytes,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [dir, scale = "1"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/bench/synthetic.ts <folder> [scale]");
    process.exit(2);
  }
  console.log(await writeSyntheticFixture(resolve(dir), Number(scale)));
}
