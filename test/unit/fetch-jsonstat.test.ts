// The JSON-stat subset Statistikbanken answers with (scripts/fetch/jsonstat.ts). SYNTHETIC figures.
import { describe, expect, it } from "vitest";
import { cubeCells, JsonStatError, readJsonStat } from "../../scripts/fetch/jsonstat.ts";

/** A JSON-stat 1.x bundle as Statistikbanken's data call returns it (format JSONSTAT). */
const bundle = {
  dataset: {
    dimension: {
      OMRÅDE: { label: "område", category: { index: { "999": 0, "000": 1 }, label: { "999": "Testby", "000": "Hele landet" } } },
      Tid: { label: "tid", category: { index: { "2030K1": 0, "2030K2": 1 }, label: { "2030K1": "2030K1", "2030K2": "2030K2" } } },
      id: ["OMRÅDE", "Tid"],
      size: [2, 2],
      role: { time: ["Tid"] },
    },
    label: "Syntetiske testdata",
    source: "Danmarks Statistik",
    updated: "2030-08-01T06:00:00Z",
    value: [46.1, null, 44.9, 45.3],
  },
};

describe("reading JSON-stat", () => {
  it("reads a 1.x bundle: dimensions, codes in index order, the time role and null for a figure not shown", () => {
    const cube = readJsonStat(bundle);
    expect(cube.dimensions).toEqual(["OMRÅDE", "Tid"]);
    expect(cube.codes).toEqual({ OMRÅDE: ["999", "000"], Tid: ["2030K1", "2030K2"] });
    expect(cube.time).toBe("Tid");
    expect(cube.updated).toBe("2030-08-01T06:00:00Z");
    expect(cubeCells(cube)).toEqual([
      { codes: { OMRÅDE: "999", Tid: "2030K1" }, value: 46.1, status: undefined },
      { codes: { OMRÅDE: "999", Tid: "2030K2" }, value: null, status: undefined },
      { codes: { OMRÅDE: "000", Tid: "2030K1" }, value: 44.9, status: undefined },
      { codes: { OMRÅDE: "000", Tid: "2030K2" }, value: 45.3, status: undefined },
    ]);
  });

  it("reads 2.0: id and size at the top, index as a list, sparse values and status as objects, '..' as not shown", () => {
    const cube = readJsonStat({
      version: "2.0",
      class: "dataset",
      id: ["Tid", "OMRÅDE"],
      size: [3, 1],
      role: { time: ["Tid"] },
      dimension: { Tid: { category: { index: ["2029", "2030", "2031"] } }, OMRÅDE: { category: { label: { "999": "Testby" } } } },
      value: { "0": 12.5, "2": ".." },
      status: { "2": ".." },
    });
    expect(cubeCells(cube).map((c) => [c.codes.Tid, c.value, c.status])).toEqual([
      ["2029", 12.5, undefined],
      ["2030", null, undefined],
      ["2031", null, ".."],
    ]);
  });

  it.each([
    ["not an object", "[]"],
    ["no dataset", { foo: 1 }],
    ["no values", { dataset: { ...bundle.dataset, value: undefined } }],
    ["too few values", { dataset: { ...bundle.dataset, value: [1, 2, 3] } }],
    ["a value that is text", { dataset: { ...bundle.dataset, value: [1, "x", 3, 4] } }],
    ["sizes that do not fit", { dataset: { ...bundle.dataset, dimension: { ...bundle.dataset.dimension, size: [2, 3] } } }],
    [
      "a category position outside its size",
      { dataset: { ...bundle.dataset, dimension: { ...bundle.dataset.dimension, Tid: { category: { index: { "2030K1": 0, "2030K2": 5 } } } } } },
    ],
  ])("refuses %s with a Danish reason", (_name, input) => {
    expect(() => readJsonStat(input)).toThrow(JsonStatError);
    try {
      readJsonStat(input);
    } catch (error) {
      expect((error as Error).message).toMatch(/svar|dimension|værdi|celler/);
    }
  });
});
