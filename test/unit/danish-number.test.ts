// The browser editor's number fields read numbers as Danish editors type them (client/danish-number.js).
import { describe, expect, it } from "vitest";
import { danishNumberProblem, formatDanishNumber, parseDanishNumber } from "../../scripts/edit/client/danish-number.js";

describe("parseDanishNumber", () => {
  it.each([
    ["79,5", 79.5],
    ["5,0", 5],
    [" 12 ", 12],
    ["1.234", 1234],
    ["1.234,5", 1234.5],
    ["−1,4", -1.4],
    ["-140", -140],
    ["1 234", 1234],
  ])("reads %s as %s", (text, value) => expect(parseDanishNumber(text)).toBe(value));

  it.each(["33.5", "4.50", "1,2,3", "12a", "", ",5", "1.23", "--1"])("refuses %j", (text) => expect(parseDanishNumber(text)).toBeUndefined());
});

describe("danishNumberProblem", () => {
  it("says how to write a point decimal with a comma, and accepts the comma", () => {
    expect(danishNumberProblem("33.5", {})).toBe("Skriv decimaler med komma, fx 33,5.");
    expect(danishNumberProblem("33,5", {})).toBeUndefined();
    expect(danishNumberProblem("", { min: 0 })).toBeUndefined();
  });

  it("holds the field's rules from the schema", () => {
    expect(danishNumberProblem("4,5", { integer: true })).toBe("Skriv et helt tal uden decimaler.");
    expect(danishNumberProblem("−0,5", { min: 0, max: 100 })).toBe("Tallet må ikke være mindre end 0.");
    expect(danishNumberProblem("100,1", { min: 0, max: 100 })).toBe("Tallet må ikke være større end 100.");
    expect(danishNumberProblem("abc", {})).toBe("Skriv et tal, fx 79,5 (komma før decimaler).");
  });

  it("shows a stored number as it reads back", () => {
    expect(formatDanishNumber(79.5)).toBe("79,5");
    expect(parseDanishNumber(formatDanishNumber(-1.4))).toBe(-1.4);
  });
});
