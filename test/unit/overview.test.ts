import { describe, expect, it } from "vitest";
import { overviewRow, overviewRows } from "../../scripts/indicators/overview.ts";
import type { Indicator, Series } from "../../scripts/content/data-schema.ts";

// Synthetic figures for tests.
const series = (name: string, values: [string, number][]): Series => ({
  name,
  observations: values.map(([period, value]) => ({ period, value })),
});
const indicator = (over: Partial<Indicator>): Indicator => ({
  id: "t",
  goal: 1,
  kind: "nøgletal",
  title: "T",
  unit: "pct.",
  series: [],
  source: "Test",
  extracted: null,
  ...over,
});

describe("the key-figure overview", () => {
  it("keeps only key figures, ordered by goal", () => {
    const rows = overviewRows(
      [indicator({ id: "c", goal: 3 }), indicator({ id: "x", goal: 1, kind: "indikator" }), indicator({ id: "a", goal: 1 }), indicator({ id: "b", goal: 2 })],
      (id) => (id === "a" ? "/bilag/maal-1/#figur-a" : undefined),
    );
    expect(rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(rows[0]!.url).toBe("/bilag/maal-1/#figur-a");
    expect(rows[1]!.url).toBeUndefined();
  });

  it("shows the latest figure, the comparison at the same period, the gap, target, status and trend", () => {
    const row = overviewRow(
      indicator({
        series: [
          series("Testby", [
            ["2020-K2", 11.5],
            ["2020-K1", 10],
            ["2019-K4", 9],
          ]),
          series("Hele landet", [
            ["2020-K1", 12],
            ["2020-K2", 14],
          ]),
        ],
        target: { kind: "series", series: "Hele landet", direction: "higher" },
      }),
    );
    expect(row.latest).toEqual({ series: "Testby", value: "11,5 pct.", period: "2. kvartal 2020" });
    expect(row.comparison).toEqual({ series: "Hele landet", value: "14,0 pct.", gap: "\u22122,5 procentpoint" });
    expect(row.target).toBe("Niveauet for hele landet (højere er bedre)");
    expect(row.status).toBe("på vej");
    expect(row.statusText).toBe("På vej");
    expect(row.trend).toBe("stigende");
    expect(row.trendText).toBe("Stigende");
  });

  it("prefers the strategy's own wording of the target", () => {
    const row = overviewRow(
      indicator({
        series: [series("Testby", [["2020-07", 4.8]])],
        target: { kind: "value", value: 4.3, direction: "lower", label: "top ti i regionen" },
      }),
    );
    expect(row.target).toBe("Top ti i regionen");
    expect(row.status).toBe("ikke nået");
    expect(row.trend).toBeUndefined();
    expect(row.trendText).toBe("For få tal");
    expect(row.comparison).toBeUndefined();
  });

  it("says so when there are no figures yet", () => {
    const row = overviewRow(indicator({ target: { kind: "trend", direction: "higher" } }));
    expect(row.latest).toBeUndefined();
    expect(row.status).toBe("ukendt");
    expect(row.statusText).toBe("Kan ikke vurderes");
    expect(row.target).toBe("En stigende tendens");
  });

  it("leaves out a comparison that has no figure for the latest period", () => {
    const row = overviewRow(indicator({ series: [series("Testby", [["2021", 3]]), series("Landet", [["2020", 4]])], unit: "antal" }));
    expect(row.latest?.value).toBe("3");
    expect(row.comparison).toBeUndefined();
  });
});
