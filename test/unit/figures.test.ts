import { describe, expect, it } from "vitest";
import { changeSincePrevious, changeSinceYearBefore, gapTo, latest, status, trend } from "../../scripts/indicators/figures.ts";
import type { Indicator, Series } from "../../scripts/content/data-schema.ts";

const series = (name: string, values: [string, number][]): Series => ({
  name,
  observations: values.map(([period, value]) => ({ period, value })),
});

// Synthetic figures for tests.
const rising = series("Testby", [
  ["2019-K4", 44],
  ["2019-K2", 40],
  ["2019-K3", 42],
  ["2020-K1", 45],
  ["2020-K4", 50],
]);
// The same without the hole in 2020.
const steady = series("Testby", [
  ["2019-K4", 44],
  ["2019-K2", 40],
  ["2019-K3", 42],
  ["2020-K1", 45],
  ["2020-K2", 50],
]);
const indicator = (over: Partial<Indicator>): Indicator => ({
  id: "t",
  goal: 1,
  kind: "indikator",
  title: "T",
  unit: "pct.",
  series: [steady],
  source: "Test",
  extracted: null,
  ...over,
});

describe("computed figures", () => {
  it("finds the latest observation whatever the order in the file", () => {
    expect(latest(rising)).toEqual({ period: "2020-K4", value: 50 });
  });

  it("computes changes since the previous period and a year before", () => {
    // rising has no figure for 2020-K2 and K3: no previous period to compare with (see below).
    expect(changeSincePrevious(rising)).toBeUndefined();
    expect(changeSincePrevious(steady)).toBe(5);
    expect(changeSinceYearBefore(rising)).toBe(6);
    expect(changeSinceYearBefore(series("x", [["2020-08", 1]]))).toBeUndefined();
  });

  it("reads the trend of the last four periods, only when none of them lacks a figure", () => {
    expect(trend(steady)).toBe("stigende");
    expect(trend(rising)).toBeUndefined();
    expect(
      trend(
        series("x", [
          ["2020-01", 5],
          ["2020-02", 6],
          ["2020-04", 7],
        ]),
      ),
    ).toBeUndefined();
    expect(
      trend(
        series("x", [
          ["2020", 5],
          ["2021", 4],
        ]),
      ),
    ).toBe("faldende");
    expect(
      trend(
        series("x", [
          ["2020", 5],
          ["2021", 5],
        ]),
      ),
    ).toBe("uændret");
    expect(trend(series("x", [["2020", 5]]))).toBeUndefined();
  });

  it("computes the gap to a comparison for the same period", () => {
    expect(gapTo(series("a", [["2020-K1", 60.6]]), series("b", [["2020-K1", 55.0]]))).toBeCloseTo(5.6);
    expect(gapTo(series("a", [["2020-K1", 60.6]]), series("b", [["2019-K1", 55.0]]))).toBeUndefined();
  });
});

describe("status against the target", () => {
  it.each([
    [{ kind: "value", value: 50, direction: "higher" }, "nået"],
    [{ kind: "value", value: 60, direction: "higher" }, "på vej"],
    [{ kind: "value", value: 30, direction: "lower" }, "ikke nået"],
    [{ kind: "trend", direction: "higher" }, "nået"],
    [{ kind: "trend", direction: "lower" }, "ikke nået"],
  ] as const)("%j gives %s", (target, expected) => {
    expect(status(indicator({ target }))).toBe(expected);
  });

  it("compares with a series at the same period, honouring the direction", () => {
    const ballerup = series("Ballerup", [["2020-K1", 60.6]]);
    const national = series("Hele landet", [["2020-K1", 55.0]]);
    const target = { kind: "series", series: "Hele landet", direction: "lower" } as const;
    expect(status(indicator({ series: [ballerup, national], target }))).toBe("ikke nået");
    expect(status(indicator({ series: [ballerup, national], target: { ...target, direction: "higher" } }))).toBe("nået");
  });

  it("cannot judge without data or target", () => {
    expect(status(indicator({ series: [], target: { kind: "value", value: 1, direction: "higher" } }))).toBe("ukendt");
    expect(status(indicator({}))).toBe("ukendt");
  });
});

describe("the change since the previous period", () => {
  const series = (observations: [string, number][]) => ({ name: "Testby (syntetisk)", observations: observations.map(([period, value]) => ({ period, value })) });

  it("compares with the period just before the latest: the month, quarter or year before", () => {
    expect(
      changeSincePrevious(
        series([
          ["2020-K2", 5.9],
          ["2020-K3", 5.1],
        ]),
      ),
    ).toBe(-0.8);
    expect(
      changeSincePrevious(
        series([
          ["2020-12", 4],
          ["2021-01", 4.5],
        ]),
      ),
    ).toBe(0.5);
    expect(
      changeSincePrevious(
        series([
          ["2019", 30],
          ["2020", 28],
        ]),
      ),
    ).toBe(-2);
  });

  it("is unknown across a gap, never a change over years shown as one period's", () => {
    expect(
      changeSincePrevious(
        series([
          ["2020-K2", 5.9],
          ["2024-K3", 5.1],
        ]),
      ),
    ).toBeUndefined();
    expect(
      changeSincePrevious(
        series([
          ["2020-05", 4],
          ["2020-07", 4.8],
        ]),
      ),
    ).toBeUndefined();
    expect(changeSincePrevious(series([["2024-K3", 5.1]]))).toBeUndefined();
  });
});
