// Every message an editor can see, in one place. Written in Danish for the policy staff who run
// the build; each names what was found, what was expected and what to do.

export interface Problem {
  /** Path relative to the project, e.g. "content/plan/2021/index.md". */
  file: string;
  line?: number;
  column?: number;
  /** JSON path for data files, e.g. "series[0].observations[2].period". */
  path?: string;
  message: string;
  hint?: string;
}

export class ValidationError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = "ValidationError";
    this.problems = problems;
  }
}

export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.line && problem.column]
    .filter((part) => part !== undefined && part !== "" && part !== 0)
    .join(":");
  const path = problem.path ? ` (${problem.path})` : "";
  const hint = problem.hint ? `\n    Sådan retter du det: ${problem.hint}` : "";
  return `${where}${path}\n    ${problem.message}${hint}`;
}

/** All problems grouped by file, with a count first. */
export function formatProblems(problems: readonly Problem[]): string {
  const count = problems.length === 1 ? "1 fejl" : `${problems.length} fejl`;
  return `${count} i indhold eller data:\n\n${problems.map(formatProblem).join("\n\n")}`;
}

const show = (value: unknown): string =>
  value === undefined ? "ingenting" : typeof value === "string" ? `"${value}"` : JSON.stringify(value);

export const messages = {
  notUtf8: () => ({
    message: "Filen er ikke gemt som UTF-8, så æ, ø og å kan ikke læses.",
    hint: "Gem filen igen med tegnsættet UTF-8 (i de fleste editorer: Gem som … → Kodning: UTF-8).",
  }),
  emptyFile: () => ({
    message: "Filen er tom.",
    hint: "Skriv indholdet i filen, eller slet den, hvis den ikke skal bruges.",
  }),
  badFileName: (name: string) => ({
    message: `Filnavnet ${show(name)} indeholder tegn, der ikke kan bruges i en webadresse.`,
    hint: "Brug kun små bogstaver a-z, tal og bindestreg, fx fokusomraade-1.md (æ → ae, ø → oe, å → aa).",
  }),
  yamlSyntax: (reason: string) => ({
    message: `Forsiden (front matter mellem linjerne ---) kan ikke læses: ${reason}.`,
    hint: "Tjek kolon, indrykning og anførselstegn på linjen. Tekst med kolon skal stå i anførselstegn.",
  }),
  jsonSyntax: (reason: string) => ({
    message: `JSON-filen kan ikke læses: ${reason}.`,
    hint: "Tjek kommaer, klammer og anførselstegn omkring linjen. Decimaltal skrives med punktum i JSON (79.5).",
  }),
  missingField: (field: string) => ({
    message: `Feltet ${show(field)} mangler.`,
    hint: `Tilføj linjen ${field}: … i forsiden (front matter).`,
  }),
  wrongType: (field: string, expected: string, found: unknown) => ({
    message: `Feltet ${show(field)} skal være ${expected}, men er ${show(found)}.`,
  }),
  unknownValue: (field: string, found: unknown, allowed: readonly unknown[]) => ({
    message: `Feltet ${show(field)} har den ukendte værdi ${show(found)}.`,
    hint: `Brug en af: ${allowed.map(show).join(", ")}.`,
  }),
  unknownField: (field: string) => ({
    message: `Feltet ${show(field)} kendes ikke.`,
    hint: "Tjek stavningen, eller fjern feltet.",
  }),
  invalidField: (field: string, reason: string) => ({
    message: `Feltet ${show(field)} er ugyldigt: ${reason}.`,
  }),
  missingChapter: (slug: string, folder: string) => ({
    message: `Kapitlet ${show(slug)} står i chapters, men filen ${folder}/${slug}.md findes ikke.`,
    hint: "Ret navnet i chapters, eller opret filen.",
  }),
  orphanPage: (document: string) => ({
    message: `Siden hører til dokumentet ${show(document)}, men står ikke i dets chapters-liste.`,
    hint: "Tilføj sidens filnavn (uden .md) til chapters i dokumentets index.md.",
  }),
  unknownStrategy: (revision: string, known: readonly string[]) => ({
    message: `Strategirevisionen ${show(revision)} findes ikke.`,
    hint: `Kendte revisioner: ${known.map(show).join(", ") || "ingen"}.`,
  }),
  unknownIndicator: (id: string) => ({
    message: `Indikatoren ${show(id)} findes ikke i data/indicators/.`,
    hint: `Tjek stavningen, eller opret data/indicators/${id}.json.`,
  }),
  unknownTable: (id: string) => ({
    message: `Tabellen ${show(id)} findes ikke i data/tables/.`,
    hint: `Tjek stavningen, eller opret data/tables/${id}.json.`,
  }),
  unknownDirective: (name: string) => ({
    message: `Ukendt instruktion ${show(`::: ${name}`)}.`,
    hint: "Brug ::: chart <indikator>, ::: table <tabel> eller ::: include <side>.",
  }),
  missingInclude: (target: string) => ({
    message: `Siden ${show(target)} findes ikke, så den kan ikke indsættes.`,
    hint: "Angiv stien fra content/ uden .md, fx ::: include strategi/2020/fokusomraade-1.",
  }),
  includeOutside: (target: string) => ({
    message: `Stien ${show(target)} peger uden for content/.`,
    hint: "Angiv stien fra content/ uden .md og uden ../.",
  }),
  includeCycle: (chain: readonly string[]) => ({
    message: `Siderne indsætter hinanden i ring: ${chain.join(" → ")}.`,
    hint: "Fjern en af ::: include-linjerne, så ringen brydes.",
  }),
  duplicateId: (id: string, other: string) => ({
    message: `Id'et ${show(id)} bruges også i ${other}.`,
    hint: "Giv hver indikator og tabel sit eget id.",
  }),
  idMismatch: (id: string, fileName: string) => ({
    message: `Id'et ${show(id)} svarer ikke til filnavnet ${show(fileName)}.`,
    hint: `Omdøb filen til ${id}.json, eller ret id'et.`,
  }),
  duplicateUrl: (url: string, other: string) => ({
    message: `Siden får adressen ${url}, som ${other} også får.`,
    hint: "Omdøb en af filerne.",
  }),
  badPeriod: (found: unknown) => ({
    message: `Perioden ${show(found)} har et forkert format.`,
    hint: 'Skriv måned som "2020-08", kvartal som "2020-K2" eller år som "2020".',
  }),
  notANumber: (found: unknown) => ({
    message: `Værdien ${show(found)} er ikke et tal.`,
    hint: "Skriv tallet uden anførselstegn og med punktum som decimaltegn, fx 79.5.",
  }),
  outOfRange: (value: number, unit: string, range: string) => ({
    message: `Værdien ${value} er uden for det mulige for enheden ${show(unit)} (${range}).`,
    hint: "Tjek tallet og enheden.",
  }),
  mixedPeriods: (series: string) => ({
    message: `Serien ${show(series)} blander måneder, kvartaler og år.`,
    hint: "Brug samme slags periode i hele serien, eller del den i to serier.",
  }),
  duplicatePeriod: (series: string, period: string) => ({
    message: `Serien ${show(series)} har perioden ${show(period)} mere end én gang.`,
    hint: "Slet den ene af de to observationer.",
  }),
  unknownGoal: (goal: unknown, known: readonly number[]) => ({
    message: `Målet ${show(goal)} findes ikke i strategien.`,
    hint: `Brug et af målene ${known.join(", ")}.`,
  }),
  missingTargetSeries: (series: string) => ({
    message: `Målet sammenlignes med serien ${show(series)}, som ikke findes i indikatoren.`,
    hint: "Tilføj serien under series, eller ret navnet i target.series.",
  }),
  duplicateSeries: (series: string) => ({
    message: `Serien ${show(series)} findes to gange.`,
    hint: "Giv hver serie sit eget navn.",
  }),
  customSpecData: () => ({
    message: "Et eget Vega-Lite-diagram må ikke hente data fra en adresse.",
    hint: "Fjern data.url fra specifikationen; data hentes fra indikatoren.",
  }),
  missingSiteConfig: () => ({
    message: "Filen med kommunens oplysninger mangler.",
    hint: "Opret data/site.json (se README under 'Kommunens oplysninger').",
  }),
} as const;

export type MessageText = { message: string; hint?: string };
