import { describe, expect, it } from "vitest";
import { asOfQuarter, quarterOfPeriod, statusQuarters } from "../../scripts/indicators/status.ts";
import type { Indicator } from "../../scripts/content/data-schema.ts";
import type { Model } from "../../scripts/content/load.ts";
import { statusViews, versusExpectedText } from "../../scripts/site/status.ts";

// Synthetic test data, not the municipality's figures.
const keyFigure = (id: string, periods: string[], kind: Indicator["kind"] = "nøgletal"): Indicator => ({
  id,
  goal: 1,
  kind,
  title: id,
  unit: "pct.",
  series: [{ name: "Testby", observations: periods.map((period, i) => ({ period, value: 10 + i })) }],
  source: "Syntetiske testdata",
  extracted: null,
});

describe("quarterly status", () => {
  it.each([
    ["2020-08", "2020-K3", "3. kvartal 2020"],
    ["2020-12", "2020-K4", "4. kvartal 2020"],
    ["2021-K1", "2021-K1", "1. kvartal 2021"],
    ["2019", "2019-K4", "4. kvartal 2019"],
  ])("the period %s ends in %s (%s)", (period, id, text) => {
    expect(quarterOfPeriod(period)).toMatchObject({ id, text });
  });

  it("has a status for every quarter in which a key figure got a figure, oldest first", () => {
    const quarters = statusQuarters([keyFigure("a", ["2020-08", "2020-07", "2021-K1"]), keyFigure("b", ["2020-K2"]), keyFigure("c", ["2022-K1"], "indikator")]);
    expect(quarters.map((q) => q.slug)).toEqual(["2020-k2", "2020-k3", "2021-k1"]);
  });

  it("shows each quarter's figures as they stood then, without changing the input", () => {
    const indicator = keyFigure("a", ["2020-07", "2020-08", "2020-10", "2021-K1"]);
    const asOf = asOfQuarter(indicator, quarterOfPeriod("2020-09"));
    expect(asOf.series[0]!.observations.map((o) => o.period)).toEqual(["2020-07", "2020-08"]);
    expect(indicator.series[0]!.observations).toHaveLength(4);
  });
});

describe("the ministry's benchmark in the status", () => {
  it.each([
    [-220, "220 færre end forventet"],
    [15, "15 flere end forventet"],
    [0, "som forventet"],
    [-1200, "1.200 færre end forventet"],
  ])("%d citizens against the expected number reads %s", (difference, text) => {
    expect(versusExpectedText(difference)).toBe(text);
  });

  it("gives the benchmark's last quarter a status of its own, showing the list as it stood then", () => {
    const model = {
      indicators: new Map([["a", keyFigure("a", ["2020-K3"])]]),
      cases: new Map(),
      benchmark: {
        source: "Syntetiske testdata",
        results: [{ from: "2023-K3", to: "2024-K2", municipalities: 98, rankings: [{ name: "Samlet", rank: 2, previous_rank: 3, versus_expected: -220 }] }],
      },
    } as unknown as Model;
    const statuses = statusViews(model, () => undefined);
    expect(statuses.map((s) => [s.id, s.latest, s.benchmark?.period])).toEqual([
      ["status-2024-k2", true, "3. kvartal 2023 – 2. kvartal 2024"],
      ["status-2020-k3", false, undefined],
    ]);
    expect(statuses[0]!.benchmark?.rows).toEqual([{ name: "Samlet", rank: "2. plads", previous: "3. plads", versusExpected: "220 færre end forventet" }]);
    expect(statuses[0]!.pdf).toBe("status-paa-noegletal-2024-k2.pdf");
  });
});

describe("the cover of a quarter's status", () => {
  const committeeCase = (document: string) => ({
    title: "Sag",
    committee: "Testudvalget",
    meeting: "2030-01-20",
    agenda_item: 2,
    journal: "15.00.00-A00-2-30",
    attachments: [{ document }],
  });
  const statusesWith = (document: string) =>
    statusViews(
      { indicators: new Map([["a", keyFigure("a", ["2029-K3", "2029-K4"])]]), cases: new Map([["sag", committeeCase(document)]]) } as unknown as Model,
      () => undefined,
    );

  it.each(["status-2029-k4", "status/2029-k4", "status"])("carries the fields of the case that attaches it as %s", (document) => {
    const [newest, earlier] = statusesWith(document);
    expect(newest!.meta).toEqual(["Udvalg: Testudvalget", "Møde: 20. januar 2030", "Dagsordenspunkt 2", "Journalnr. 15.00.00-A00-2-30"]);
    expect(earlier!.meta).toEqual([]);
  });

  it("is not claimed by a case that attaches another quarter", () => {
    const [newest, earlier] = statusesWith("status-2029-k3");
    expect(newest!.meta).toEqual([]);
    expect(earlier!.meta).toContain("Journalnr. 15.00.00-A00-2-30");
  });
});
