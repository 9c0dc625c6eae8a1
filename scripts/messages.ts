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
  /** Eleventy (the dev server) prints the editor's message without the JavaScript stack trace. */
  readonly skipOriginalStack = true;
  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = "ValidationError";
    this.problems = problems;
  }
}

/** The ValidationError behind `error`: itself, or the one a renderer (Eleventy) wrapped in another error. */
export function validationErrorIn(error: unknown): ValidationError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    if (current instanceof ValidationError) return current;
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return undefined;
}

/** A 1-based position as shown: whole and at least 1, whatever a parser reported (a column once read "5:-15"). */
const shownPosition = (n: number | undefined): number | undefined => (n === undefined || !Number.isFinite(n) ? undefined : Math.max(1, Math.trunc(n)));

/** The file-system error (ENOSPC, EACCES …) behind `error`, itself or wrapped by a renderer (Eleventy); `path` is missing for a write to an open file. */
export function fileSystemErrorIn(error: unknown): (NodeJS.ErrnoException & { code: string }) | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    const { code } = current as NodeJS.ErrnoException;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return current as NodeJS.ErrnoException & { code: string };
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return undefined;
}

/** Why a file or folder could not be written or removed, in Danish, with the system's code: "disken er fuld (ENOSPC)". */
export function fileSystemCause(code: string): string {
  const causes: Record<string, string> = {
    ENOSPC: "disken er fuld",
    EDQUOT: "din plads på disken (kvoten) er brugt op",
    EACCES: "der er ikke adgang til at skrive der",
    EPERM: "der er ikke adgang til at skrive der",
    EROFS: "drevet er skrivebeskyttet",
    EISDIR: "der står en mappe, hvor filen skal skrives",
    ENOTDIR: "der står en fil, hvor der skal være en mappe",
    EEXIST: "der står allerede en fil med det navn",
    ENOTEMPTY: "mappen er ikke tom",
    EBUSY: "den er i brug af et andet program",
    EIO: "disken svarer med en fejl",
  };
  return `${causes[code] ?? "styresystemet svarer med en fejl"} (${code})`;
}

export function formatProblem(problem: Problem): string {
  const line = shownPosition(problem.line);
  const column = line === undefined ? undefined : shownPosition(problem.column);
  const where = [problem.file, line, column].filter((part) => part !== undefined && part !== "").join(":");
  const path = problem.path ? ` (${problem.path})` : "";
  const hint = problem.hint ? `\n    Sådan retter du det: ${problem.hint}` : "";
  return `${where}${path}\n    ${problem.message}${hint}`;
}

/** All problems grouped by file, with a count first. */
export function formatProblems(problems: readonly Problem[]): string {
  const count = problems.length === 1 ? "1 fejl" : `${problems.length} fejl`;
  return `${count} i indhold eller data:\n\n${problems.map(formatProblem).join("\n\n")}`;
}

/** A found value as the editor wrote it, cut short: front matter can hold huge or self-referring YAML. */
const show = (value: unknown): string => {
  let budget = 100;
  let text: string;
  try {
    text =
      value === undefined
        ? "ingenting"
        : typeof value === "string"
          ? `"${value}"`
          : (JSON.stringify(value, (_key, v: unknown) => {
              if (--budget < 0) throw new RangeError("for stor");
              return v;
              // undefined only for a function or a symbol, which no YAML or JSON holds: named by its type.
            }) ?? typeof value);
  } catch {
    text = Array.isArray(value) ? "[…]" : "{…}";
  }
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
};

/** A size for a message: "4,0 MiB". */
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MiB`;

export const messages = {
  notUtf8: () => ({
    message: "Filen er ikke gemt som UTF-8, så æ, ø og å kan ikke læses.",
    hint: "Gem filen igen med tegnsættet UTF-8 (i de fleste editorer: Gem som … → Kodning: UTF-8).",
  }),
  emptyFile: () => ({
    message: "Filen er tom.",
    hint: "Skriv indholdet i filen, eller slet den, hvis den ikke skal bruges. Blev den tom, da den blev gemt (fx fordi disken var fuld), så hent den forrige udgave med git checkout -- og filens navn.",
  }),
  badFileName: (name: string) => ({
    message: `Filnavnet ${show(name)} indeholder tegn, der ikke kan bruges i en webadresse.`,
    hint: "Brug kun små bogstaver a-z, tal og bindestreg, fx fokusomraade-1.md (æ → ae, ø → oe, å → aa).",
  }),
  badFolderName: (folder: string) => ({
    message: `Mappen ${show(folder)} har et navn med tegn, der ikke kan bruges i en webadresse.`,
    hint: "Brug kun små bogstaver a-z, tal og bindestreg i mappenavne, fx content/plan/2021 (æ → ae, ø → oe, å → aa).",
  }),
  yamlSyntax: (reason: string) => ({
    message: `Forsiden (front matter mellem linjerne ---) kan ikke læses: ${reason}.`,
    hint: "Tjek kolon, indrykning og anførselstegn på linjen. Hvert felt skrives som navn: værdi på sin egen linje.",
  }),
  frontMatterLanguage: (language: string) => ({
    message: `Forsiden (front matter) er markeret som ${show(language)}, men kan kun skrives i YAML.`,
    hint: "Skriv den første linje som --- alene, og felterne som navn: værdi.",
  }),
  frontMatterNotClosed: () => ({
    message: "Forsiden (front matter) begynder med linjen ---, men den afsluttende linje --- mangler.",
    hint: "Skriv en linje med --- alene efter det sidste felt, før selve teksten begynder.",
  }),
  frontMatterNotFields: () => ({
    message: "Forsiden (front matter) skal være felter som title: …, men er noget andet.",
    hint: "Skriv hvert felt på sin egen linje som navn: værdi, fx title: Baggrund.",
  }),
  unclosedQuote: (quote: string) => ({
    message: `Anførselstegnet ${quote} åbnes her, men lukkes ikke på linjen.`,
    hint: `Sæt et ${quote} til sidst på linjen, fx strategy: ${quote}2020${quote}.`,
  }),
  colonInValue: (field: string) => ({
    message: `Værdien i feltet ${show(field)} indeholder et kolon efterfulgt af mellemrum, så den kan ikke læses.`,
    hint: `Sæt hele værdien i lige anførselstegn, fx ${field}: "Mål 2: Flere i job".`,
  }),
  typographicQuotes: () => ({
    message: "Linjen har typografiske anførselstegn (“ ” eller „ “), som de kommer fra Word; de tæller ikke som anførselstegn her.",
    hint: 'Skriv lige anførselstegn (") i stedet, fx title: "Mål 2: Flere i job".',
  }),
  hardSpace: () => ({
    message: "Der står et hårdt mellemrum (ikke-brydende mellemrum, ofte kopieret fra Word) før værdien, så feltet kan ikke læses.",
    hint: "Slet mellemrummet efter kolon, og skriv et almindeligt mellemrum med mellemrumstasten.",
  }),
  duplicateKey: (field: string) => ({
    message: `Feltet ${show(field)} står mere end én gang i forsiden (front matter).`,
    hint: "Slet den ene af linjerne.",
  }),
  unclosedBracket: () => ({
    message: "Listen, der begynder med [ her, slutter ikke med ].",
    hint: "Sæt et ] efter det sidste punkt, fx chapters: [baggrund, indsatser].",
  }),
  yamlIndent: () => ({
    message: "Linjen er rykket forkert ind, så forsiden (front matter) kan ikke læses.",
    hint: "Begynd hvert felt helt ude til venstre; kun punkter i en liste (- …) rykkes ind, med mellemrum, ikke tabulator.",
  }),
  jsonSyntax: (reason: string) => ({
    message: `JSON-filen kan ikke læses: ${reason}.`,
    hint: "Tjek kommaer, klammer og anførselstegn omkring linjen. Decimaltal skrives med punktum i JSON (79.5).",
  }),
  jsonEndsEarly: () => ({
    message: "JSON-filen slutter for tidligt: den holder op, før den sidste } eller ] er skrevet, så den er skåret over eller ikke færdig.",
    hint: "Blev filen ikke gemt helt (fx fordi disken var fuld, eller programmet gik ned), så hent den forrige udgave med git checkout -- og filens navn. Ellers skriv det, der mangler, til sidst i filen.",
  }),
  jsonDuplicateKey: (key: string, firstLine: number) => ({
    message: `Feltet ${show(key)} står to gange i samme gruppe (første gang på linje ${firstLine}), så det er uklart, hvilken værdi der gælder.`,
    hint: "Slet det ene af felterne, så der kun står én værdi.",
  }),
  jsonNumberTooLarge: (written: string) => ({
    message: `Tallet ${written} er for stort til at regne med.`,
    hint: "Skriv tallet med almindelige cifre, fx 1250 eller 79.5; tjek, om der er kommet et e eller for mange nuller med.",
  }),
  jsonTooDeep: (limit: number) => ({
    message: `JSON-filen har grupper og lister inde i hinanden i mere end ${limit} lag.`,
    hint: "Data-filerne bruger kun få lag; tjek, om der står for mange [ eller { i filen.",
  }),
  missingField: (field: string) => ({
    message: `Feltet ${show(field)} mangler.`,
    hint: `Tilføj linjen ${field}: … i forsiden (front matter).`,
  }),
  yearsFolderMismatch: (field: string, years: string, folder: string) => ({
    message: `Feltet ${field} siger ${years}, men mappen hedder ${folder}/ (mappen giver sidernes adresse).`,
    hint: `Ret ${field}, eller omdøb mappen, så begge nævner de samme år.`,
  }),
  keyFigureWithoutTarget: () => ({
    message: "Et nøgletal skal have et mål (target): statussen til udvalget måler nøgletallene mod deres mål.",
    hint: 'Tilføj fx "target": { "kind": "value", "value": 50 }, eller skriv "kind": "indikator", hvis tallet ikke er et nøgletal.',
  }),
  missingDataField: (field: string, key: string) => ({
    message: `Feltet ${show(field)} mangler.`,
    hint: `Tilføj "${key}": … i filen der, hvor beskeden peger, og husk komma mellem felterne.`,
  }),
  wrongType: (field: string, expected: string, found: unknown) => ({
    message: `Feltet ${show(field)} skal være ${expected}, men er ${show(found)}.`,
  }),
  unknownValue: (field: string, found: unknown, allowed: readonly unknown[]) => ({
    message: `Feltet ${show(field)} har den ukendte værdi ${show(found)}.`,
    hint: `Brug en af: ${allowed.map(show).join(", ")}.`,
  }),
  unknownField: (field: string, nearest?: string) => ({
    message: `Feltet ${show(field)} kendes ikke.`,
    hint: nearest ? `Mente du ${show(nearest)}? Ret stavningen, eller fjern feltet.` : "Tjek stavningen, eller fjern feltet.",
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
    hint: 'Skriv tallet uden anførselstegn og med punktum som decimaltegn, fx 79.5. Er tallet udeladt af diskretionshensyn (".."), så slet observationen, og skriv perioden i seriens "suppressed".',
  }),
  negativeValue: (value: number, unit: string, changeUnit: string) => ({
    message: `Værdien ${value} er negativ, men et tal med enheden ${show(unit)} kan ikke være negativt.`,
    hint: `Er tallet en ændring (fx fra året før), så skriv enheden ${show(changeUnit)} i "unit". Ellers ret tallet.`,
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
  tooManySeries: (count: number, max: number) => ({
    message: `Indikatoren har ${count} serier; en figur kan højst vise ${max}, så de kan skelnes på farve og form.`,
    hint: `Vis tallene som en tabel (::: table) eller del serierne på to indikatorer med hver sin figur.`,
  }),
  suppressedWithValue: (series: string, period: string) => ({
    message: `Serien ${show(series)} har både et tal og "udeladt af diskretionshensyn" for ${period}.`,
    hint: "Slet tallet, hvis det er udeladt, eller fjern perioden fra suppressed.",
  }),
  duplicateSeries: (series: string) => ({
    message: `Serien ${show(series)} findes to gange.`,
    hint: "Giv hver serie sit eget navn.",
  }),
  customSpecData: () => ({
    message: "Et eget Vega-Lite-diagram må ikke hente data fra en adresse.",
    hint: "Fjern data.url fra specifikationen; data hentes fra indikatoren.",
  }),
  unsafeUrl: (field: string, found: string) => ({
    message: `Feltet ${show(field)} skal være en webadresse, der begynder med https://, men er ${show(found)}.`,
    hint: "Skriv hele adressen, fx https://www.kommune.dk/tilgaengelighed (kommunens egen adresse).",
  }),
  bundleUsage: () => ({
    message: "Skriv, hvilken sag der skal samles, fx: npm run bundle -- 2024-10-08-revidering-af-beskaeftigelsesstrategi",
    hint: "Sagen er en fil i data/cases/ med sagens titel, udvalg, mødedato, journalnummer og bilag.",
  }),
  bundleNoCase: (id: string, known: readonly string[]) => ({
    message: `Der er ingen sag med navnet "${id}" i data/cases/.`,
    hint: known.length > 0 ? `Kendte sager: ${known.join(", ")}.` : "Opret sagen som en JSON-fil i data/cases/ (se README).",
  }),
  bundleUnknownDocument: (id: string, known: readonly string[]) => ({
    message: `Bilaget "${id}" findes ikke som dokument.`,
    hint: `Skriv et af: ${known.join(", ")}.`,
  }),
  bundleDuplicate: (id: string) => ({
    message: `Bilaget "${id}" står to gange i sagen.`,
    hint: "Fjern den ene linje.",
  }),
  bundleDraftAttached: (bilag: number, title: string) => ({
    message: `Advarsel: bilag ${bilag}, ${show(title)}, er et udkast: PDF'en har "UDKAST" på hver side, og metadata.json siger, at den ikke må offentliggøres.`,
    hint: "Er dokumentet vedtaget, så skriv status: vedtaget (med adopted_by og adopted) i dets index.md, og saml sagen igen.",
  }),
  bundleNoBaseUrl: () => ({
    message: "Advarsel: data/site.json har ingen base_url, så metadata.json og sagsfremstillingen kan ikke give bilagenes adresse på webstedet (web_url er null).",
    hint: "Skriv webstedets offentlige adresse i base_url i data/site.json, fx https://www.kommune.dk/beskaeftigelsesplan, og saml sagen igen.",
  }),
  bundleNotWritten: (folder: string, zip: string) => ({
    message: `Sagen er ikke samlet: ${folder}/ og ${zip} er, som de var.`,
  }),
  bundleMissingPdf: (pdf: string) => ({
    message: `PDF'en ${pdf} er ikke bygget.`,
    hint: "Kør npm run bundle uden --no-build, eller byg først med npm run build (uden --no-pdf).",
  }),
  // Bounds on inputs (scripts/limits.ts, listed in the README).
  includeTooDeep: (limit: number) => ({
    message: `Siderne indsætter hinanden mere end ${limit} lag dybt (::: include i en side, der selv indsættes).`,
    hint: "Indsæt siderne direkte i stedet for gennem hinanden.",
  }),
  includeTooMany: (limit: number) => ({
    message: `Siden bliver til mere end ${limit} indsatte sider, når alle ::: include er foldet ud (en side, der indsættes flere gange, tæller hver gang).`,
    hint: "Tjek, om en side indsætter den samme side flere gange, eller del dokumentet i flere sider.",
  }),
  tooManyHeadings: (count: number, limit: number) => ({
    message: `Siden har ${count} overskrifter (med de indsatte sider), mere end de ${limit}, en side kan have.`,
    hint: "Del siden i flere kapitler.",
  }),
  tooManyObservations: (count: number, limit: number) => ({
    message: `Indikatoren har ${count} observationer, mere end de ${limit}, en indikator kan have.`,
    hint: "Del tallene i flere indikatorer, eller brug kvartaler eller år i stedet for måneder.",
  }),
  specNotAllowed: (what: string) => ({
    message: `Et eget Vega-Lite-diagram må ikke bruge ${what}.`,
    hint: "Fjern den del af specifikationen; tallene kommer fra indikatoren, og diagrammet må højst være 2000 px bredt og højt.",
  }),
  chartBudget: (what: string) => ({
    message: `Diagrammet blev stoppet, fordi ${what}.`,
    hint: "Forenkl det egne diagram (chart.spec): færre transformer og mindre størrelser, eller fjern chart.spec og brug standarddiagrammet.",
  }),
  // Where the build writes (scripts/publish.ts) and how it ends.
  outProtected: () => ({
    message: "Bygningen må ikke skrive her: mappen er projektet selv, ligger over det eller er en af dets egne mapper (content, data, templates, scripts …).",
    hint: "Angiv en anden mappe med --out, fx --out dist eller en tom mappe uden for content/ og data/.",
  }),
  outNotAFolder: () => ({
    message: "Her ligger en fil, ikke en mappe, så bygningen ville slette den.",
    hint: "Flyt eller omdøb filen, eller angiv en anden mappe med --out.",
  }),
  outNotABuild: (count: number) => ({
    message: `Mappen er ikke tom (${count} filer og mapper) og er ikke lavet af en bygning, så den erstattes ikke.`,
    hint: "Angiv en tom mappe eller en mappe fra en tidligere bygning med --out, eller flyt indholdet væk først.",
  }),
  outNotReplaceable: (out: string, reason: string) => ({
    message: `${out}/ kunne ikke erstattes: ${reason}. Den forrige udgave er stadig udgivet.`,
    hint: `Tjek, at du har skriveadgang til mappen, der indeholder ${out}/ (fx efter en bygning med sudo), og byg igen.`,
  }),
  outMovedAside: (out: string, old: string) => ({
    message: `${out}/ mangler: den forrige udgave er flyttet til ${old} og kunne ikke flyttes tilbage.`,
    hint: `Næste bygning lægger den tilbage; ellers flyt ${old} tilbage til ${out} i hånden.`,
  }),
  oldOutputLeft: (out: string, old: string, reason: string) => ({
    message: `${out}/ er opdateret, men den forrige udgave i ${old} kunne ikke slettes: ${reason}.`,
    hint: `Slet den i hånden, fx sudo rm -rf ${old}; den står ikke i vejen for næste bygning.`,
  }),
  leftoverNotRemoved: (path: string, reason: string) => ({
    message: `Den midlertidige mappe ${path} kunne ikke slettes: ${reason}.`,
    hint: `Slet den i hånden (fx sudo rm -rf ${path}); den står ikke i vejen for næste bygning.`,
  }),
  buildInterrupted: (signal: string) => ({
    message: `Bygningen blev stoppet udefra (${signal}), fx med Ctrl+C eller af systemet, før den blev færdig.`,
    hint: "Start den igen med npm run build.",
  }),
  pdfsKept: (count: number) => ({
    message: `Advarsel: ${count === 1 ? "PDF'en er" : `de ${count} PDF'er er`} fra sidste bygning (--no-pdf), så ændringer siden da står på siderne, men ikke i PDF'erne.`,
    hint: "Byg uden --no-pdf, før dist/ udgives, så PDF'erne viser det samme som siderne.",
  }),
  noSourceDate: (date: string) => ({
    message: `Projektet har ingen git-historik, så PDF'erne dateres efter den senest ændrede fil i content/ og data/ (${date}).`,
    hint: "Sæt SOURCE_DATE_EPOCH (sekunder siden 1970) for en fast dato, eller byg fra en git-klon.",
  }),
  writeFailed: (path: string, cause: string) => ({
    message: `${path} kunne ikke skrives: ${cause}.`,
    hint: "Gør plads på disken, giv adgang til mappen, eller flyt det, der står i vejen, og kør kommandoen igen. Det, der var skrevet halvt, er ikke taget i brug.",
  }),
  notPublished: (out: string) => ({
    message: `Intet blev udgivet: ${out}/ er uændret.`,
  }),
  missingSiteConfig: () => ({
    message: "Filen med kommunens oplysninger mangler.",
    hint: "Opret data/site.json (se README under 'Kommunens oplysninger').",
  }),

  compareWithUnknown: (revision: string, known: readonly string[]) => ({
    message: `compare_with: ${show(revision)} peger ikke på en anden udgave af samme slags dokument.`,
    hint: `Kendte udgaver: ${known.map(show).join(", ") || "ingen"}. En plan sammenlignes med et år, en strategi med en revision, et bilag med den strategi, det bygger på.`,
  }),
  compareUrlTaken: (url: string) => ({
    message: `Siden får adressen ${url}, som er forbeholdt sammenligningen med en tidligere udgave (compare_with).`,
    hint: "Omdøb filen, fx til aendringer-i-teksten.md.",
  }),

  optionTakenByNpm: (command: string, option: string, instead: string) => ({
    message: `npm læste ${option} som sit eget valg, fordi der ikke står -- foran, så intet er gjort.`,
    hint: `Skriv -- lige efter npm run ${command}; alt efter -- går videre til kommandoen: npm run ${command} -- ${instead}`,
  }),
  unknownOption: (command: string, option: string, nearest: string | undefined, known: readonly string[]) => ({
    message: `npm run ${command} kender ikke valget ${option}.`,
    hint: `${nearest ? `Mente du ${nearest}? ` : ""}${known.length > 0 ? `Valgene er: ${known.join(", ")}.` : `npm run ${command} har ingen valg.`}`,
  }),
  optionNeedsValue: (command: string, option: string) => ({
    message: `Valget ${option} til npm run ${command} mangler sin værdi.`,
    hint: `Skriv værdien efter valget, adskilt af et mellemrum, eller fjern valget.`,
  }),
  optionTakesNoValue: (command: string, option: string) => ({
    message: `Valget ${option} til npm run ${command} tager ingen værdi.`,
    hint: `Skriv kun ${option}, uden = og værdi.`,
  }),
  unexpectedArgument: (command: string, argument: string, known: readonly string[]) => ({
    message: `npm run ${command} ved ikke, hvad den skal gøre med ${show(argument)}.`,
    hint: known.length > 0 ? `Fjern det. Valgene er: ${known.join(", ")}.` : `Fjern det, og skriv blot npm run ${command}.`,
  }),
  importNewSeries: (series: string, file: string, existing: readonly string[], nearest: string | undefined) => ({
    message: `Serien ${show(series)} findes ikke i ${file}, som har ${existing.map((name) => show(name)).join(", ")}. Tallene ville blive en ny serie.`,
    hint: `${nearest ? `Mente du ${show(nearest)}? ` : ""}Ret navnet i opsætningen ("series"), så det svarer til seriens navn. Skal det være en ny serie, så kør igen med --new-series.`,
  }),
  importUsage: () => ({
    message: "Angiv én fil med tal, der skal indlæses.",
    hint: "Skriv fx npm run import -- eksport.csv --mapping opsaetning.json. Tilføj --dry-run for kun at se, hvad der ville ændre sig.",
  }),
  importFileMissing: (file: string) => ({
    message: `Filen ${show(file)} findes ikke.`,
    hint: "Tjek stavningen og mappen. En sti uden mappe læses fra den mappe, du kører kommandoen i.",
  }),
  importFileType: (name: string) => ({
    message: `Filen ${show(name)} er hverken en CSV-fil eller en Excel-fil (.xlsx).`,
    hint: "Hent tallene igen som CSV eller Excel, eller åbn filen i Excel og gem den som Excel-projektmappe (.xlsx).",
  }),
  importUnreadable: (reason: string) => ({
    message: `Filen kan ikke læses: ${reason}.`,
    hint: "Åbn filen i Excel for at se, om den er hel, og hent den evt. igen.",
  }),
  importSheetMissing: (sheet: string, sheets: readonly string[]) => ({
    message: `Arket ${show(sheet)} findes ikke i Excel-filen.`,
    hint: `Arkene hedder ${sheets.map(show).join(", ")}. Ret "sheet" i opsætningen.`,
  }),
  importNoMapping: (name: string) => ({
    message: `Der er ingen opsætning (--mapping), og filnavnet ${show(name)} er ikke navnet på en indikator i data/indicators/.`,
    hint: "Angiv en opsætning med --mapping, eller giv filen indikatorens navn, fx m2-dagpenge-efter-13-uger.csv.",
  }),
  importMappingLayout: () => ({
    message: "Opsætningen siger ikke entydigt, hvor perioder, serier og tal står.",
    hint: 'Brug en af tre former: "series": {"Kolonne": "Serie"} (én kolonne pr. serie); "series": {"column": …} og "value": {"column": …} (én række pr. tal); eller "period": {"headers": true} og "series": {"column": …} (perioderne som kolonneoverskrifter).',
  }),
  importFormulaWithoutValue: (sheet: string, cell: string, formula: string) => ({
    message: `Cellen ${cell} i arket ${show(sheet)} har formlen =${formula}, men ingen gemt værdi, så tallet kan ikke læses.`,
    hint: "Åbn filen i Excel, og gem den igen, så værdierne gemmes sammen med formlerne; eller skriv tallet i cellen i stedet for formlen.",
  }),
  importColumnsMissing: (columns: readonly string[], headers: readonly string[], row?: number) => ({
    message: `${columns.length === 1 ? "Kolonnen" : "Kolonnerne"} ${columns.map(show).join(", ")} findes ikke i filen.`,
    hint: `${headers.length > 0 ? `Række ${row} har overskrifterne ${headers.map(show).join(", ")}. ` : ""}Skriv kolonnens overskrift i opsætningen præcis som i filen, eller angiv dens nummer (1 er den første kolonne).`,
  }),
  importBadPeriod: (found: string, where: string) => ({
    message: `Perioden ${show(found)} i ${where} kan ikke forstås.`,
    hint: 'Skriv perioden som fx "2020K2", "2. kvt. 2020", "2020M08", "august 2020" eller "2020". Er det ikke en periode, så tjek "period" i opsætningen.',
  }),
  importBadNumber: (found: string, where: string) => ({
    message: `Værdien ${show(found)} i ${where} er ikke et tal.`,
    hint: 'Tal skal stå med decimalkomma og evt. tusindtalspunktum, fx 1.234,5. Tomme celler og ".." eller "-" springes over.',
  }),
  importDuplicate: (series: string, period: string, where: string, firstRow: number) => ({
    message: `Serien ${show(series)} har perioden ${show(period)} to gange i filen: i række ${firstRow} og i ${where}.`,
    hint: "Slet den ene af rækkerne, eller tjek, at opsætningen peger på de rigtige kolonner.",
  }),
  importNoSeriesName: (where: string) => ({
    message: `Der står ikke noget serienavn i ${where}.`,
    hint: "Skriv seriens navn (fx kommunens navn eller Hele landet), eller slet rækken.",
  }),
  importNoData: () => ({
    message: "Der er ingen tal at indlæse i filen.",
    hint: "Tjek, at opsætningen passer til filen: at kolonnerne er de rigtige, og at der står tal under overskrifterne.",
  }),
  importExistingInvalid: () => ({
    message: "Indikatorfilen har allerede fejl, så der indlæses ikke tal i den.",
    hint: "Ret fejlene herunder (npm run check viser dem også), og kør indlæsningen igen.",
  }),
  importResultInvalid: () => ({
    message: "Med de nye tal ville indikatorfilen få fejlene herunder, så den er ikke ændret.",
    hint: "Tjek tallene og perioderne i filen: fx skal en serie have samme slags perioder (måneder, kvartaler eller år) som i forvejen.",
  }),
  fetchUsage: () => ({
    message: "Ukendt tilvalg til npm run fetch.",
    hint: "Skriv npm run fetch, evt. med --dry-run (vis kun ændringerne), --only m2-fuldtidsledighed (kun én indikator) og --keep-going (skriv det hentede, selv om en serie fejler).",
  }),
  fetchSourcesMissing: () => ({
    message: "Filen data/sources.json findes ikke, så der vides ikke, hvor tallene skal hentes.",
    hint: "Opret data/sources.json (se README, afsnittet om at hente tal) med én linje pr. serie.",
  }),
  fetchDuplicateEntry: (indicator: string, series: string) => ({
    message: `Serien ${show(series)} i ${show(indicator)} står mere end én gang i data/sources.json.`,
    hint: "Slet den ene af linjerne, så hver serie har én kilde.",
  }),
  fetchOnlyUnknown: (id: string) => ({
    message: `Indikatoren ${show(id)} har ingen serier, der hentes fra Statistikbanken eller Jobindsats.`,
    hint: "Tjek stavningen, eller tilføj seriens kilde i data/sources.json.",
  }),
  fetchTokenMissing: () => ({
    message: "Miljøvariablen JOBINDSATS_TOKEN er ikke sat, så der kan ikke hentes tal fra Jobindsats.",
    hint: "Søg om en gratis nøgle hos STAR (én pr. organisation, se README), og sæt den før kørslen: JOBINDSATS_TOKEN=… npm run fetch. Skriv aldrig nøglen i en fil i projektet.",
  }),
  fetchFailed: (kind: string, publisher: string, table: string, indicator: string, series: string, detail: string, attempts: number) => {
    const what = `${publisher}, tabel ${table} (serien ${show(series)} i ${indicator})`;
    const tries = attempts > 1 ? ` efter ${attempts} forsøg` : "";
    const texts: Record<string, { message: string; hint: string }> = {
      auth: {
        message: `${what} afviste adgangen: ${detail}.`,
        hint: "Nøglen i JOBINDSATS_TOKEN er forkert, udløbet eller mangler adgang. Tjek den, eller søg om en ny hos STAR (se README).",
      },
      "not-found": {
        message: `${what} findes ikke hos kilden: ${detail}.`,
        hint: "Tjek tabelnavnet i data/sources.json. Tabellen kan være afløst af en ny; find den i Statistikbanken eller på jobindsats.dk.",
      },
      "rate-limited": {
        message: `${what} afviste forespørgslen, fordi der var for mange${tries}: ${detail}.`,
        hint: "Vent en time, og kør npm run fetch igen.",
      },
      server: { message: `${what} svarede med en fejl hos kilden${tries}: ${detail}.`, hint: "Kilden har problemer lige nu. Prøv igen senere." },
      timeout: { message: `${what} svarede ikke${tries}: ${detail}.`, hint: "Tjek netforbindelsen, og prøv igen senere." },
      network: { message: `${what} kunne ikke nås${tries}: ${detail}.`, hint: "Tjek netforbindelsen (og evt. proxy), og prøv igen." },
      malformed: {
        message: `${what} gav et svar, der ikke kan læses: ${detail}.`,
        hint: "Kilden kan have ændret sit format. Prøv igen senere; sker det igen, så bed udviklerne se på det.",
      },
      changed: {
        message: `${what} passer ikke længere til data/sources.json: ${detail}.`,
        hint: "Tabellen er ændret. Slå den op hos kilden, og ret koderne i data/sources.json.",
      },
      http: { message: `${what} kunne ikke hentes: ${detail}.`, hint: "Tjek linjen i data/sources.json." },
    };
    return texts[kind] ?? texts.http!;
  },
  fetchProvenanceSeries: (series: string) => ({
    message: `Oplysningen om kilden (provenance) nævner serien ${show(series)}, som indikatoren ikke har.`,
    hint: "Slet linjen i provenance, eller ret seriens navn. npm run fetch skriver den selv.",
  }),
  fetchResultInvalid: (file: string) => ({
    message: `Med de hentede tal ville ${file} få fejlene herunder, så intet er skrevet.`,
    hint: "Tjek at enheden og perioderne i data/sources.json passer til indikatoren (fx måneder til en serie med måneder).",
  }),
  newUsage: () => ({
    message: "Angiv, hvad der skal oprettes, og for hvilket år.",
    hint: "Skriv fx npm run new -- plan 2026.",
  }),
  newKindUnknown: (kind: string) => ({
    message: `npm run new kan oprette en ny plan, men ikke ${show(kind)}.`,
    hint: "Skriv fx npm run new -- plan 2027. En ny revision af strategien laves ved at kopiere mappen med den seneste revision i content/strategi/ og rette den (se afsnit 5 i vejledningen).",
  }),
  newBadYear: (found: string) => ({
    message: `Årstallet ${show(found)} kan ikke bruges.`,
    hint: "Skriv året med fire cifre, fx npm run new -- plan 2026, eller en periode af år, fx npm run new -- plan 2027-2029.",
  }),
  newPlanExists: (folder: string) => ({
    message: `Mappen ${folder} findes allerede, så intet er oprettet eller overskrevet.`,
    hint: "Vælg et andet år, eller flyt den eksisterende mappe væk, hvis du vil begynde forfra.",
  }),
  newNoPlan: () => ({
    message: "Der er ingen plan i content/plan/ at bygge den nye plan på.",
    hint: "Opret den første plan i hånden (se docs/redaktoervejledning.md).",
  }),
  newNoStrategy: () => ({
    message: "Der er ingen vedtaget strategi, som planen kan bygge på.",
    hint: "Skriv status: vedtaget i strategiens index.md, når strategien er vedtaget.",
  }),
  duplicatePdf: (file: string, other: string) => ({
    message: `PDF-filen ${show(file)} bruges også af ${other}, så den ene ville overskrive den anden.`,
    hint: "Giv dokumenterne hver sit pdf-navn i forsiden (front matter).",
  }),
  malformedDirective: (line: string) => ({
    message: `Linjen ${show(line)} ligner en instruktion, men kan ikke læses.`,
    hint: "Skriv tre koloner, et mellemrum, instruktionen med små bogstaver og dens navn, fx ::: chart m1-noegletal.",
  }),
  duplicateChapter: (slug: string) => ({
    message: `Kapitlet ${show(slug)} står mere end én gang i chapters, så det ville blive trykt to gange.`,
    hint: "Slet den ene forekomst i chapters.",
  }),
  duplicateDocumentId: (id: string, other: string) => ({
    message: `Dokumentet får navnet ${show(id)}, som ${other} også får, så deres PDF- og printsider ville blandes sammen.`,
    hint: "Omdøb en af mapperne, fx content/plan/2021 i stedet for content/plan-2021.",
  }),
  reservedUrl: (url: string) => ({
    message: `Siden får adressen ${url}, som bygningen selv bruger (søgning, arkiv, status, PDF'er eller filer til webstedet).`,
    hint: "Omdøb filen, så den får en anden adresse.",
  }),
  linkWithoutScheme: (href: string) => ({
    message: `Linket ${show(href)} mangler https:// foran, så det læses som en side på webstedet, der ikke findes.`,
    hint: `Skriv hele adressen med https:// foran, fx https://${href.replace(/^\/+/, "")}.`,
  }),
  brokenLink: (href: string, from: string) => ({
    message: `Linket ${show(href)} peger på en side, der ikke findes (set fra ${from}).`,
    hint: "Skriv sidens adresse, som den står i browseren, fx /plan/2021/baggrund/, eller ret stavningen.",
  }),
  brokenAnchor: (href: string, file: string) => ({
    message: `Linket ${show(href)} peger på et afsnit, der ikke findes i ${file}.`,
    hint: "Efter # skal stå overskriftens id: overskriften med små bogstaver og bindestreger (æ → ae, ø → oe, å → aa), fx #maal-1-flere-i-job. Har to overskrifter samme tekst, får den anden -2 til sidst.",
  }),
  headingSkip: (text: string, level: number, previous: number, marks: string) => ({
    message: `Overskriften ${show(text)} er på niveau ${level}, men den forrige er på niveau ${previous}; et niveau springes over.`,
    hint: `Skriv den med ${marks} i stedet, så overskrifterne går ét niveau ned ad gangen (sidens titel er niveau 1, ## er niveau 2).`,
  }),
  headingLevelOne: (text: string) => ({
    message: `Overskriften ${show(text)} er på niveau 1 (#), men niveau 1 er sidens titel (feltet title).`,
    hint: "Skriv den med ## i stedet; overskrifterne i teksten begynder på niveau 2.",
  }),
  placeholder: (text: string) => ({
    message: `Der står stadig ${show(text)} i et vedtaget dokument.`,
    hint: "Skriv teksten i stedet for pladsholderen, eller slet den.",
  }),
  placeholderInDraft: (text: string) => ({
    message: `Advarsel: der står stadig ${show(text)} (dokumentet er et udkast, så det bygges alligevel).`,
    hint: "Skriv teksten i stedet for pladsholderen, før dokumentet får status: vedtaget.",
  }),
  remoteImage: (src: string) => ({
    message: `Billedet ${show(src)} hentes fra en anden adresse; billeder skal ligge i content/, så de kommer med på webstedet og i PDF'en.`,
    hint: "Gem billedet i samme mappe som teksten, og skriv filnavnet, fx ![Beskrivelse af billedet](graf.png).",
  }),
  imageType: (src: string, types: readonly string[]) => ({
    message: `Billedet ${show(src)} er ikke en af de filtyper, der kan bruges.`,
    hint: `Gem billedet som ${types.join(", ")}.`,
  }),
  missingImage: (src: string, file: string) => ({
    message: `Billedet ${show(src)} findes ikke (der ledes efter ${file}).`,
    hint: "Læg billedfilen i samme mappe som teksten, og tjek stavningen af filnavnet (store og små bogstaver tæller).",
  }),
  imageNameCase: (src: string, name: string) => ({
    message: `Billedet ${show(src)} findes ikke med netop det navn; filen hedder ${show(name)}.`,
    hint: "Skriv filnavnet præcis som filen hedder, med de samme store og små bogstaver: webserveren skelner mellem dem, selv om Windows og Mac ikke gør.",
  }),
  imageTooLarge: (src: string, size: string, limit: string) => ({
    message: `Billedet ${show(src)} fylder ${size}; grænsen er ${limit}.`,
    hint: "Gem billedet i en mindre størrelse (fx 1600 punkter bredt) eller som JPG.",
  }),
  unsafeImageSvg: (src: string, parts: readonly string[]) => ({
    message: `SVG-billedet ${show(src)} indeholder dele, der kan køre kode eller hente noget udefra, og derfor ikke udgives: ${parts.join(", ")}.`,
    hint: "Gem billedet igen som PNG, eller eksportér en SVG uden script og uden indlejrede links.",
  }),
  missingAltText: (src: string) => ({
    message: `Billedet ${show(src)} har ingen alternativ tekst, så en skærmlæser ikke kan fortælle, hvad det viser.`,
    hint: "Skriv en kort beskrivelse i de firkantede parenteser, fx ![Kort over jobcentrets afdelinger](kort.png).",
  }),
  chromiumFailed: (path: string, reason: string) => ({
    message: `Chromium (${path}) kunne ikke starte, så der kan ikke laves PDF'er: ${reason}.`,
    hint: "Tjek, at programmet virker (kør det med --version). Installér Chromium med sudo apt-get install chromium (Debian/Ubuntu), eller peg på en anden Chrome/Chromium med miljøvariablen CHROMIUM_PATH=/sti/til/chromium. Byg uden PDF'er med npm run build -- --no-pdf.",
  }),
  pageNotLoaded: () => ({
    message: "Siden er ikke læst ind endnu (den er måske oprettet, mens forhåndsvisningen kørte).",
    hint: "Gem filen igen, eller stop forhåndsvisningen med Ctrl+C og start den igen med npm start.",
  }),
  nestedTooDeep: (limit: number) => ({
    message: `Teksten er sat ind i citater eller lister i mere end ${limit} lag; så dybt kan den ikke vises.`,
    hint: "Fjern de mange > eller indrykninger foran linjerne, så teksten står i højst nogle få lag.",
  }),
  directiveInContainer: (line: string, container: string) => ({
    message: `Linjen ${show(line)} står inde i ${({ citat: "et citat", liste: "en liste", fodnote: "en fodnote", tabel: "en tabel" } as Record<string, string>)[container] ?? container}, men en instruktion skal stå alene på sin linje.`,
    hint: "Fjern > eller - (og indrykningen) foran linjen, og sæt en tom linje før og efter den.",
  }),
  directiveInText: (text: string, where: string) => ({
    message: `${show(text)} står ${({ tabel: "i en tabelcelle", overskrift: "i en overskrift", tekst: "inde i en tekstlinje" } as Record<string, string>)[where] ?? where}, hvor en instruktion ikke kan vises: den ville stå som tekst, og det, den skulle indsætte, ville mangle.`,
    hint: "Flyt instruktionen ud af tabellen, overskriften eller teksten, og skriv den alene på sin egen linje med en tom linje før og efter, fx ::: chart m1-noegletal.",
  }),
  lowContrast: (color: string, ratio: number, needed: number) => ({
    message: `Farven ${show(color)} står for svagt mod hvid baggrund (kontrast ${ratio.toFixed(1).replace(".", ",")}:1, der kræves mindst ${String(needed).replace(".", ",")}:1).`,
    hint: "Vælg en mørkere udgave af farven; kravet følger webtilgængelighedsloven (WCAG 2.1 AA).",
  }),
  // Files that cannot be part of the site (scripts/content/files.ts).
  unknownFileType: (file: string, types: readonly string[]) => ({
    message: `Filen ${show(file.split("/").at(-1))} er ikke en side, og content/ må kun indeholde sider (${types.join(", ")}).`,
    hint: "Flyt filen ud af content/ eller slet den. Tal hører til i data/; en side skal ende på .md med små bogstaver.",
  }),
  symlink: () => ({
    message: "Filen er et symbolsk link (en genvej), som ikke følges: det kunne hente filer uden for projektet ind på webstedet.",
    hint: "Læg en kopi af filen eller mappen her i stedet for linket.",
  }),
  notAFile: () => ({
    message: "Dette er hverken en fil eller en mappe.",
    hint: "Slet den, eller flyt den ud af projektets mapper.",
  }),
  unreadable: (reason: string) => ({
    message: `Filen findes, men kan ikke læses: ${reason}.`,
    hint: "Giv dig selv læseadgang til filen (fx chmod u+r), eller kopier den på plads igen.",
  }),
  fileTooLarge: (size: string, limit: string) => ({
    message: `Filen fylder ${size}, mere end de ${limit}, en fil i content/ eller data/ må fylde.`,
    hint: "Del teksten i flere kapitler, eller tallene i flere indikatorer.",
  }),
  unsafeSvg: (parts: readonly string[]) => ({
    message: `Logoet indeholder dele, der kan køre kode eller hente noget udefra, og derfor ikke udgives: ${parts.join(", ")}.`,
    hint: "Gem logoet igen som rent SVG uden scripts, links og indlejrede billeder (fx Inkscape: Gem som → Optimeret SVG).",
  }),
  missingLogo: (file: string) => ({
    message: `Logoet data/${file} findes ikke.`,
    hint: "Læg kommunens logo som SVG-fil i data/, og skriv filnavnet i logo, eller fjern linjen.",
  }),
  editFileChanged: (path: string) => ({
    message: `Ændringen er ikke gemt: ${path} er ændret uden for browseren, siden du åbnede den, og at gemme nu ville slette de ændringer.`,
    hint: "Kopiér det, du har skrevet, genindlæs siden (F5), så du ser filen, som den er nu, og skriv din ændring ind igen.",
  }),
  editNotSaved: (count: number) => ({
    message: `Ændringen er ikke gemt: den ville give ${count} fejl, som står herunder.`,
    hint: "Ret det, beskeden nævner, i formularen, og gem igen. Filen på disken er uændret.",
  }),
  editNotEditable: (path: string) => ({
    message: `Filen ${show(path)} kan ikke gemmes fra browseren.`,
    hint: "Browseren gemmer kun sider i content/ og filer i data/indicators/, data/tables/ og data/site.json under deres eget navn. Omdøb og flyt filer i projektets mappe.",
  }),
  editUnreadable: (file: string) => ({
    message: `Filen ${file} kan ikke læses af formularen, fordi den har en fejl (se herunder). Derfor er felterne tomme, og intet kan gemmes i filen fra browseren.`,
    hint: "Ret fejlen på den linje, beskeden nævner, i en teksteditor (eller bed webteamet om det), og genindlæs siden. Filen på disken er uændret.",
  }),
  editUnreachable: () => ({
    message: "Ændringen er ikke gemt: browseren kan ikke nå redigeringen (npm run edit er stoppet).",
    hint: "Start npm run edit igen i terminalen, og klik Publicer → Publicer nu igen. Lad siden stå åben imens: formularen beholder din ændring.",
  }),
  editNoDocument: (document: string) => ({
    message: `Dokumentet ${show(document)} findes ikke i content/.`,
    hint: "Vælg i feltet Dokument det dokument, kapitlet skal stå i.",
  }),
  editChapterName: (name: string) => ({
    message: `Filnavnet ${show(name)} kan ikke bruges til et kapitel.`,
    hint: "Skriv kun små bogstaver a-z, tal og bindestreg, fx indsatser-2026 (æ → ae, ø → oe, å → aa). Navnet bliver en del af sidens webadresse.",
  }),
  editChapterExists: (file: string) => ({
    message: `Der findes allerede en side ${file}.`,
    hint: "Vælg et andet filnavn, eller ret den side, der findes, under dens dokument.",
  }),
  editPortInvalid: (port: string) => ({
    message: `Porten ${show(port)} kan ikke bruges til redigeringen.`,
    hint: "Skriv et helt tal mellem 1 og 65535, fx npm run edit -- --port 8091.",
  }),
  editPortBusy: (port: number) => ({
    message: `Porten ${port} er optaget: et andet program bruger den, måske en redigering, der allerede kører i et andet vindue.`,
    hint: `Brug den redigering, der kører, eller start med en anden port, fx npm run edit -- --port ${port + 1}.`,
  }),
  editNotSupported: (action: string) => ({
    message: `Handlingen ${show(action)} kan ikke udføres fra browseren.`,
    hint: "Slet, omdøb og upload filer i projektets mappe, hvor versionsstyringen viser ændringen.",
  }),
} as const;

/**
 * The details inside fetchFailed's message: what exactly a source answered or lacks. Danish, as
 * they reach the editor; kept apart from `messages` because each is a phrase, not a whole message.
 */
/** At most 12 values for a message, each in quotes, with how many more there are. */
const some = (values: readonly string[]) => `${values.slice(0, 12).map(show).join(", ")}${values.length > 12 ? ` og ${values.length - 12} flere` : ""}`;

export const fetchDetails = {
  status: (status: number, body: string) => `HTTP ${status}${body ? ` (${body})` : ""}`,
  notJson: (start: string) => `svaret er ikke JSON (det begynder ${show(start)})`,
  noAnswer: (ms: number) => `intet svar inden for ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} sekunder`}`,
  retryReason: (kind: string) =>
    ({ "rate-limited": "for mange forespørgsler", server: "fejl hos kilden", timeout: "intet svar", network: "ingen forbindelse" })[kind] ?? kind,
  notReached: (reason: string) => reason,
  /** Node's system error codes for a connection that failed, in words an editor can act on (https://nodejs.org/api/errors.html#common-system-errors). */
  systemReason: (code: string, host: string | undefined) =>
    ({
      ENOTFOUND: `navnet ${host ?? "på serveren"} kunne ikke slås op: maskinen er ikke på internettet, eller nettet kræver en proxy`,
      EAI_AGAIN: `navnet ${host ?? "på serveren"} kunne ikke slås op lige nu`,
      ECONNREFUSED: "forbindelsen blev afvist",
      ECONNRESET: "forbindelsen blev afbrudt",
      ETIMEDOUT: "forbindelsen kunne ikke oprettes i tide",
      ENETUNREACH: "nettet kan ikke nås fra denne maskine",
      EHOSTUNREACH: "serveren kan ikke nås fra denne maskine",
      UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        "serverens certifikat kunne ikke godkendes (en proxy, der åbner krypteret trafik, kræver sit eget rodcertifikat i NODE_EXTRA_CA_CERTS)",
      SELF_SIGNED_CERT_IN_CHAIN: "serverens certifikat kunne ikke godkendes (en proxy, der åbner krypteret trafik, kræver sit eget rodcertifikat i NODE_EXTRA_CA_CERTS)",
    })[code],
  shape: (what: string) => `svaret mangler ${what}`,
  noVariable: (table: string, variable: string, has: readonly string[]) => `${table} har ingen variabel ${show(variable)} (den har ${has.map(show).join(", ")})`,
  noValue: (variable: string, value: string, has: readonly string[] = []) =>
    `variablen ${variable} har ingen værdi ${show(value)}${has.length > 0 ? ` (den har ${some(has)})` : ""}`,
  notEliminable: (table: string, variable: string, has: readonly string[]) =>
    `${table} kræver en værdi for variablen ${show(variable)}, som ikke kan udelades; skriv den under "variables" (værdierne er ${some(has)})`,
  noHierarchyValue: (hierarchy: string, value: string, has: readonly string[]) => `hierarkiet ${show(hierarchy)} har ingen værdi ${show(value)} (det har ${some(has)})`,
  noPeriod: (table: string, code: string) => `${table} har ingen periode ${show(code)}`,
  noPeriods: (selector: string) => `ingen perioder passer til ${show(selector)}`,
  badPeriod: (code: string) => `perioden ${show(code)} er hverken en måned, et kvartal eller et år`,
  foreignValues: (variable: string) => `svaret har andre værdier af ${variable} end dem, der blev spurgt om`,
  noMeasure: (measure: string, has: readonly string[]) => `svaret har ingen måling ${show(measure)} (det har ${has.map(show).join(", ")})`,
  noHierarchy: (hierarchy: string, has: readonly string[]) => `tabellen har intet hierarki ${show(hierarchy)} (den har ${has.map(show).join(", ")})`,
  twoRows: (period: string) => `svaret har mere end én række for ${show(period)}; fastlæg flere hierarkier i data/sources.json`,
  notANumber: (value: string, period: string) => `værdien ${show(value)} for ${period} er ikke et tal`,
  tooManyCells: (cells: number, limit: number) => `forespørgslen kan give ${cells} celler, mere end grænsen på ${limit}; hent færre perioder ("latest:…")`,
} as const;

export type MessageText = { message: string; hint?: string };
