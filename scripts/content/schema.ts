// Front matter of content pages and the site identity: validators and types from one source.
import { z } from "zod";

// Front matter is read as YAML 1.2, so an unquoted 2020-10-15 stays text.
// A date that exists in the calendar: "2020-13-45" is refused, not published as "45. undefined 2020".
export const IMPOSSIBLE_DATE = "datoen findes ikke i kalenderen: måned 01-12 og en dag, som måneden har";
const realDate = (text: string): boolean => {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number | undefined];
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};
const dateText = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'datoen skal skrives som "2020-10" eller "2020-10-15"')
  .refine(realDate, IMPOSSIBLE_DATE);

const revision = z.preprocess((value) => (typeof value === "number" ? String(value) : value), z.string().min(1));

// A plan's years: one year (2021) or a span of years ("2024-2026"; an en dash is read as a hyphen).
export const YEARS_RULE = 'skriv ét år (2021) eller en periode af år ("2024-2026"), første år før sidste';
const validYears = (value: unknown): boolean => {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1990 && value <= 2100;
  const match = typeof value === "string" ? /^(\d{4})-(\d{4})$/.exec(value) : null;
  return match !== null && Number(match[1]) >= 1990 && Number(match[1]) < Number(match[2]) && Number(match[2]) <= 2100;
};
// A quoted single year ("2021", as strategy revisions are written) is the year 2021.
const years = z.preprocess(
  (value) => (typeof value !== "string" ? value : /^\s*\d{4}\s*$/.test(value) ? Number(value) : value.trim().replace("\u2013", "-")),
  z.custom<number | string>(validYears, { message: YEARS_RULE }),
);

/** The first and last year of a plan's `year`: 2021 → 2021–2021, "2024-2026" → 2024–2026. */
export function yearSpan(year: number | string): { from: number; to: number } {
  if (typeof year === "number") return { from: year, to: year };
  return { from: Number(year.slice(0, 4)), to: Number(year.slice(5, 9)) };
}

/** How a plan's years read: "2021", or "2024–2026" with an en dash. */
export function yearsText(year: number | string): string {
  const { from, to } = yearSpan(year);
  return from === to ? String(from) : `${from}\u2013${to}`;
}

export const STATUSES = ["udkast", "vedtaget"] as const;
export const DOCUMENT_KINDS = ["plan", "strategi", "bilag"] as const;

export const documentSchema = z.strictObject({
  title: z.string().min(1),
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(STATUSES),
  description: z.string().min(1).optional(),
  // A chapter is a file in the document's folder, or a page of another document ("strategi/2022/fokusomraade-1").
  chapters: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/, "filnavn uden .md, eller en sti fra content/")).default([]),
  year: years.optional(),
  revision: revision.optional(),
  number: z.number().int().min(1).optional(),
  strategy: revision.optional(),
  compare_with: revision.optional(),
  pdf: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\.pdf$/, "fx beskaeftigelsesplan-2021.pdf").optional(),
  adopted_by: z.string().min(1).optional(),
  adopted: dateText.optional(),
  committee: z.string().min(1).optional(),
  meeting: dateText.optional(),
  agenda_item: z.union([z.string(), z.number()]).optional(),
  journal: z.string().min(1).optional(),
  /** Opens the document with the overview of the key figures, as the committee reads Bilag 2. */
  overview: z.boolean().optional(),
});

export const chapterSchema = z
  .strictObject({
    title: z.string().min(1),
    description: z.string().min(1).optional(),
    goal: z.number().int().min(1).optional(),
    goal_text: z.string().min(1).optional(),
  })
  .superRefine((data, context) => {
    // The goal is printed as "Mål 2: <goal_text>" in the strategy, Bilag 1 and the plans; without
    // its text the goal would silently disappear from all of them.
    if (data.goal !== undefined && data.goal_text === undefined) {
      context.addIssue({ code: "invalid_type", expected: "string", input: undefined, path: ["goal_text"], message: "goal_text mangler" });
    }
  });

export const frontPageSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1).optional(),
});

export type DocumentData = z.infer<typeof documentSchema>;
export type ChapterData = z.infer<typeof chapterSchema>;
export type FrontPageData = z.infer<typeof frontPageSchema>;

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, "farven skrives som #1a5f8c");

export const siteSchema = z.strictObject({
  $schema: z.string().optional(),
  municipality: z.string().min(1),
  department: z.string().min(1).optional(),
  site_title: z.string().min(1),
  language: z.literal("da").default("da"),
  base_url: z.string().url().optional(),
  path_prefix: z.string().regex(/^\/([a-z0-9-]+\/)*$/, "fx /beskaeftigelsesplan/").default("/"),
  accessibility_statement: z.string().url(),
  /** The municipality's logo: an SVG file in data/, shown in the site's header and on PDF covers. */
  logo: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\.svg$/, "en SVG-fil i data/, fx logo.svg").optional(),
  contact: z.strictObject({
    name: z.string().min(1),
    email: z.string().email().optional(),
    phone: z.string().optional(),
    address: z.string().optional(),
    url: z.string().url().optional(),
  }),
  colors: z
    .strictObject({
      primary: color,
      accent: color,
      series: z.array(color).min(2).optional(),
    })
    .default({ primary: "#1f4e79", accent: "#b3541e" }),
  committees: z.array(z.string().min(1)).default([]),
});

export type SiteConfig = z.infer<typeof siteSchema>;
