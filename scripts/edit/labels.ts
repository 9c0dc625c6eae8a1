// Danish labels and help texts for every field of the content and data formats, in the words of
// the editor's guide (docs/redaktoervejledning.md, sections 2 and 3, and README "For editors").
// Keys are the field's path in its schema, array items left out: "series.observations.period".
// The configuration generator (fields.ts) refuses a schema field without a text here, so a new
// field cannot reach the browser editor unlabelled.

export interface FieldText {
  label: string;
  hint?: string;
  /** A longer text: a text area instead of a one-line field. */
  long?: boolean;
}

const documentTexts: Record<string, FieldText> = {
  title: { label: "Titel", hint: "Dokumentets titel, fx Beskæftigelsesplan 2021." },
  kind: { label: "Slags dokument", hint: "plan, strategi eller bilag." },
  status: { label: "Status", hint: 'udkast (der står "UDKAST" på hver PDF-side) eller vedtaget.' },
  description: { label: "Beskrivelse", hint: "Én sætning om dokumentet. Vises i søgeresultater og ved links.", long: true },
  chapters: {
    label: "Kapitler",
    hint: "Kapitlerne i rækkefølge: filnavnet uden .md (baggrund), eller en side fra et andet dokument (strategi/2022/fokusomraade-1).",
  },
  year: { label: "År", hint: "Planer: planens år, fx 2021, eller en periode af år, fx 2024-2026." },
  revision: { label: "Revision", hint: "Strategier: revisionens år, fx 2022." },
  number: { label: "Bilagsnummer", hint: "Bilag: nummeret, fx 2 for Bilag 2." },
  strategy: { label: "Strategi", hint: "Den strategirevision, planen eller bilaget bygger på, fx 2022." },
  compare_with: {
    label: "Sammenlign med",
    hint: 'Valgfrit: den udgave, dokumentet sammenlignes med (en strategi: revisionen, en plan: året). Giver siden "Ændringer fra … til …".',
  },
  pdf: { label: "PDF-filens navn", hint: "Valgfrit: fx beskaeftigelsesplan-2021.pdf. Små bogstaver a-z, tal og bindestreg." },
  adopted_by: { label: "Vedtaget af", hint: "Valgfrit: udvalget, fx Erhvervs- og Beskæftigelsesudvalget." },
  adopted: { label: "Vedtaget", hint: 'Valgfrit: hvornår, "2020-10" eller "2020-10-15".' },
  committee: { label: "Udvalg", hint: "Bilag: udvalget, bilaget forelægges. Står på PDF'ens forside." },
  meeting: { label: "Mødedato", hint: 'Bilag: mødets dato, "2024-10-08". Står på PDF\'ens forside.' },
  agenda_item: { label: "Punkt på dagsordenen", hint: "Bilag: punktets nummer. Står på PDF'ens forside." },
  journal: { label: "Journalnummer", hint: "Bilag: sagens journalnummer, fx 15.00.00-A00-12-22." },
  overview: { label: "Overblik over nøgletal først", hint: "Åbner dokumentet med overblikket over nøgletallene, som Bilag 2." },
  body: {
    label: "Tekst",
    hint: "Teksten i Markdown. En linje for sig selv indsætter et diagram (::: chart id), en tabel (::: table id) eller en anden side (::: include sti).",
  },
};

const chapterTexts: Record<string, FieldText> = {
  title: { label: "Titel", hint: "Kapitlets titel; den vises som sidens hovedoverskrift. Overskrifter i teksten begynder derfor med ## og ###." },
  description: { label: "Beskrivelse", hint: "Valgfrit: én sætning om kapitlet.", long: true },
  goal: { label: "Mål nr.", hint: "Fokusområder: nummeret på strategiens mål. Indikatorernes goal peger på det." },
  goal_text: { label: "Målet", hint: "Fokusområder: målet med fokusområdet, i én sætning.", long: true },
  body: documentTexts.body!,
};

const frontPageTexts: Record<string, FieldText> = {
  title: { label: "Titel", hint: "Forsidens titel." },
  description: { label: "Beskrivelse", hint: "Valgfrit: én sætning om webstedet.", long: true },
  body: documentTexts.body!,
};

const siteTexts: Record<string, FieldText> = {
  $schema: { label: "JSON Schema" },
  municipality: { label: "Kommune", hint: "Kommunens navn, fx Ballerup Kommune." },
  department: { label: "Område", hint: "Valgfrit: fx Beskæftigelsesområdet." },
  site_title: { label: "Webstedets titel", hint: "Står øverst på alle sider." },
  language: { label: "Sprog" },
  base_url: {
    label: "Webstedets adresse",
    hint: "Valgfrit, indtil adressen kendes: fx https://www.kommune.dk/beskaeftigelsesplan. Giver sitemap og kanoniske adresser.",
  },
  path_prefix: { label: "Sti på webserveren", hint: "Fx /beskaeftigelsesplan/, eller / hvis webstedet ligger i roden." },
  accessibility_statement: { label: "Tilgængelighedserklæring", hint: "Hele adressen, der begynder med https://." },
  logo: { label: "Logo", hint: "Valgfrit: en SVG-fil i data/, fx logo.svg." },
  contact: { label: "Kontakt" },
  "contact.name": { label: "Navn", hint: "Fx Jobcenter Ballerup." },
  "contact.email": { label: "E-mail" },
  "contact.phone": { label: "Telefon" },
  "contact.address": { label: "Adresse" },
  "contact.url": { label: "Webadresse", hint: "Hele adressen, der begynder med https://." },
  colors: { label: "Farver", hint: "Kommunens farver. De skal stå tydeligt mod hvid baggrund (kontrast mindst 4,5:1)." },
  "colors.primary": { label: "Primær farve", hint: "Fx #1f4e79." },
  "colors.accent": { label: "Accentfarve", hint: "Fx #b3541e." },
  "colors.series": { label: "Farver til diagrammernes serier", hint: "Valgfrit: mindst to farver, fx #1f4e79." },
  committees: { label: "Udvalg", hint: "De udvalg, der vedtager planer og strategier." },
};

const indicatorTexts: Record<string, FieldText> = {
  $schema: { label: "JSON Schema" },
  id: { label: "Id", hint: "Samme som filnavnet: små bogstaver, tal og bindestreg, fx m2-fuldtidsledighed." },
  goal: { label: "Mål nr.", hint: "Nummeret på strategiens mål (fokusområdets mål nr.)." },
  kind: { label: "Slags", hint: "nøgletal eller indikator." },
  title: { label: "Titel" },
  question: { label: "Spørgsmål", hint: "Valgfrit: det spørgsmål, indikatoren besvarer.", long: true },
  unit: { label: "Enhed", hint: "pct., antal, uger eller placering; en ændring (som kan være negativ): procentpoint eller ændring i antal." },
  decimals: { label: "Decimaler", hint: "Valgfrit: antal decimaler, der vises (0–2)." },
  series: { label: "Serier", hint: "Én eller flere serier. Den første er kommunens egen." },
  "series.name": { label: "Seriens navn", hint: "Kommunen først, så sammenligninger (Hele landet) eller grupper." },
  "series.observations": { label: "Tal", hint: "Ét tal pr. periode, samme slags periode i hele serien." },
  "series.suppressed": {
    label: "Perioder uden offentligt tal",
    hint: 'Valgfrit: perioder, hvor tallet er holdt tilbage af diskretionshensyn (".." i statistikken), fx "2020-K2".',
  },
  "series.observations.period": { label: "Periode", hint: 'En måned "2020-08", et kvartal "2020-K2" eller et år "2020".' },
  "series.observations.value": { label: "Værdi", hint: "Tallet, fx 79,5." },
  target: { label: "Mål", hint: "Valgfrit mål: en værdi, niveauet i en anden serie eller en udvikling – altid med retningen, der er bedst." },
  "target.kind": { label: "Slags mål", hint: "value: en værdi; series: niveauet i en anden serie; trend: en udvikling." },
  "target.value": { label: "Målets værdi", hint: "Kun når slags mål er value, fx 100." },
  "target.series": { label: "Serien, der er målet", hint: "Kun når slags mål er series, fx Hele landet." },
  "target.direction": { label: "Retning", hint: "higher: højere er bedre; lower: lavere er bedre." },
  "target.by": { label: "Nås senest", hint: 'Valgfrit, kun når slags mål er value: perioden, hvor målet skal være nået, fx "2022-K4".' },
  "target.label": { label: "Målet i strategiens ord", hint: "Valgfrit: fx 100 pct. af aktiviteterne er oprettet rettidigt." },
  source: { label: "Kilde", hint: "Fx Jobindsats." },
  extracted: { label: "Udtrukket", hint: 'Datoen, tallene er trukket, "2020-09-15". Tom, hvis den ikke kendes.' },
  notes: { label: "Note", hint: "Valgfrit: en note, der vises ved diagrammet.", long: true },
  provenance: { label: "Hentede tal", hint: "Skrives af npm run fetch: hvor tallene i hver hentet serie kommer fra. Ret kun, hvis en serie er omdøbt." },
  "provenance.series": { label: "Serie", hint: "Seriens navn, som under Serier." },
  "provenance.source": { label: "Udgiver", hint: "Fx Danmarks Statistik." },
  "provenance.table": { label: "Tabel", hint: "Kildens tabel, fx AUS08." },
  "provenance.query": { label: "Forespørgsel", hint: "Forespørgslen uden adresse og nøgle." },
  "provenance.fetched": { label: "Hentet", hint: "Hvornår tallene blev hentet (UTC), fx 2027-01-15T08:00:00Z." },
  "provenance.licence": { label: "Licens", hint: "Valgfrit: fx CC BY 4.0." },
  chart: { label: "Diagram", hint: "Valgfrit: kun når diagrammet skal have en anden form, end tallene giver." },
  "chart.kind": { label: "Slags diagram", hint: "udvikling, sammenligning eller maal." },
  "chart.spec": { label: "Eget Vega-Lite-diagram", hint: "Valgfrit, for udviklere: en Vega-Lite-specifikation i JSON. Tallene kommer fra indikatoren." },
};

const tableTexts: Record<string, FieldText> = {
  $schema: { label: "JSON Schema" },
  id: { label: "Id", hint: "Samme som filnavnet: små bogstaver, tal og bindestreg, fx plan-2018-aktiveringsomfang." },
  caption: { label: "Overskrift", hint: "Tabellens overskrift." },
  stub: { label: "Første kolonnes overskrift", hint: "Fx Redskab." },
  group: { label: "Fælles overskrift", hint: "Valgfrit: en overskrift over tallenes kolonner." },
  unit: { label: "Enhed", hint: "pct. eller antal." },
  columns: { label: "Kolonner", hint: "Overskrifterne på tallenes kolonner, fx Mål 2018." },
  rows: { label: "Rækker" },
  "rows.label": { label: "Rækkens tekst" },
  "rows.level": { label: "Indrykning", hint: 'Valgfrit: 1 eller 2 for en underrække ("Heraf …").' },
  "rows.values": { label: "Tal", hint: 'Ét tal pr. kolonne. Et spænd skrives {"min": 6, "max": 8}.' },
  source: { label: "Kilde", hint: "Valgfrit." },
  notes: { label: "Note", hint: "Valgfrit: vises under tabellen.", long: true },
};

/** The texts of each format, by the name the configuration uses for it. */
export const FIELD_TEXTS = {
  document: documentTexts,
  chapter: chapterTexts,
  frontPage: frontPageTexts,
  site: siteTexts,
  indicator: indicatorTexts,
  table: tableTexts,
} as const;

export type FormatName = keyof typeof FIELD_TEXTS;
