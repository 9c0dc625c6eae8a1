// The quarterly status of the key figures as the templates see it: one page and one PDF per quarter
// (the newest linked from the front page, the earlier ones kept in the archive), with the cover
// fields of the committee case that attaches it and the ministry's benchmark as it stood then.
import { attachmentId, type BenchmarkResult, type CommitteeCase } from "../content/committee.ts";
import type { Model } from "../content/load.ts";
import { formatDate, formatNumber } from "../lib/danish.ts";
import { overviewRows, type OverviewRow } from "../indicators/overview.ts";
import { fetchedSourcesText } from "../charts/describe.ts";
import { asOfQuarter, quarterOfPeriod, statusQuarters, type Quarter } from "../indicators/status.ts";

export interface BenchmarkView {
  /** "3. kvartal 2023 – 2. kvartal 2024". */
  period: string;
  municipalities: number;
  rows: { name: string; rank: string; previous?: string; versusExpected: string }[];
  source: string;
}

export interface StatusView {
  /** "status-2020-k3": how a committee case attaches it. */
  id: string;
  /** "3. kvartal 2020". */
  quarter: string;
  /** "Status på nøgletal, 3. kvartal 2020". */
  title: string;
  url: string;
  printUrl: string;
  pdf: string;
  pdfUrl: string;
  /** The key figures as they stood at the end of the quarter. */
  rows: OverviewRow[];
  /** The line under the table naming the fetched figures' sources ("" when none was fetched). */
  source: string;
  benchmark?: BenchmarkView;
  /** Cover lines from the committee case that attaches this status (committee, meeting, item, journal). */
  meta: string[];
  /** The newest quarter: the one the front page links to. */
  latest: boolean;
}

const order = (q: Quarter) => q.year * 4 + q.quarter;

/** "220 færre end forventet", "15 flere end forventet", "som forventet". */
export function versusExpectedText(difference: number): string {
  if (difference === 0) return "som forventet";
  return `${formatNumber(Math.abs(difference))} ${difference < 0 ? "færre" : "flere"} end forventet`;
}

function benchmarkView(result: BenchmarkResult, source: string): BenchmarkView {
  const place = (rank: number) => `${rank}. plads`;
  return {
    period: `${quarterOfPeriod(result.from).text} – ${quarterOfPeriod(result.to).text}`,
    municipalities: result.municipalities,
    rows: result.rankings.map((r) => ({
      name: r.name,
      rank: place(r.rank),
      previous: r.previous_rank === undefined ? undefined : place(r.previous_rank),
      versusExpected: versusExpectedText(r.versus_expected),
    })),
    source,
  };
}

function caseMeta(c: CommitteeCase): string[] {
  return [
    `Udvalg: ${c.committee}`,
    `Møde: ${formatDate(c.meeting)}`,
    ...(c.agenda_item === undefined ? [] : [`Dagsordenspunkt ${c.agenda_item}`]),
    `Journalnr. ${c.journal}`,
  ];
}

/**
 * One status per quarter with a new key figure or a benchmark result, newest first. `chartUrl`
 * says where each indicator's chart is shown.
 */
export function statusViews(model: Model, chartUrl: (id: string) => string | undefined): StatusView[] {
  const results = model.benchmark?.results ?? [];
  const quarters = new Map(statusQuarters(model.indicators.values()).map((q) => [q.id, q]));
  for (const result of results) {
    const q = quarterOfPeriod(result.to);
    quarters.set(q.id, q);
  }
  const sorted = [...quarters.values()].sort((a, b) => order(b) - order(a));
  return sorted.map((q, i) => {
    const id = `status-${q.slug}`;
    // Attached by its quarter ("status-2020-k3", "status/2020-k3") or, the newest, as "status".
    const attachedBy = [...model.cases.values()].find((c) => c.attachments.some((a) => attachmentId(a.document) === id || (i === 0 && a.document === "status")));
    const result = results.filter((r) => order(quarterOfPeriod(r.to)) <= order(q)).sort((a, b) => order(quarterOfPeriod(b.to)) - order(quarterOfPeriod(a.to)))[0];
    const pdf = `status-paa-noegletal-${q.slug}.pdf`;
    return {
      id,
      quarter: q.text,
      title: `Status på nøgletal, ${q.text}`,
      url: `/status/${q.slug}/`,
      printUrl: `/print/${id}/`,
      pdf,
      pdfUrl: `/pdf/${pdf}`,
      rows: overviewRows(
        [...model.indicators.values()].map((indicator) => asOfQuarter(indicator, q)),
        chartUrl,
      ),
      source: fetchedSourcesText(model.indicators.values()),
      benchmark: result && benchmarkView(result, model.benchmark!.source),
      meta: attachedBy ? caseMeta(attachedBy) : [],
      latest: i === 0,
    };
  });
}
