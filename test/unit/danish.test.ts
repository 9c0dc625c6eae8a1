import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatPeriod, formatSize, formatValue, nameInSentence, parsePeriod, slugify } from "../../scripts/lib/danish.ts";

describe("Danish numbers", () => {
  it.each([
    [79.5, 1, "79,5"],
    [1234.5, 1, "1.234,5"],
    [1234567, 0, "1.234.567"],
    [-2.4, 1, "\u22122,4"],
    [0, 1, "0,0"],
    [-0.04, 1, "0,0"],
    [-1234.5, 1, "\u22121.234,5"],
    [0.15, 1, "0,2"],
  ])("formatNumber(%s, %s) = %s", (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it("writes file sizes the Danish way", () => {
    expect(formatSize(110_592)).toBe("108 kB");
    expect(formatSize(1_572_864)).toBe("1,5 MB");
    expect(formatSize(10)).toBe("1 kB");
  });

  it("writes values with their unit", () => {
    expect(formatValue(79.5, "pct.", 1)).toBe("79,5 pct.");
    expect(formatValue(37.9, "uger", 1)).toBe("37,9 uger");
    expect(formatValue(18, "placering")).toBe("nr. 18");
    expect(formatValue(1248, "antal")).toBe("1.248");
    // Changes with their sign, the minus sign U+2212, and none on a change that rounds to zero.
    expect(formatValue(2.4, "procentpoint", 1)).toBe("+2,4 procentpoint");
    expect(formatValue(-3, "procentpoint", 1)).toBe("\u22123,0 procentpoint");
    expect(formatValue(1248, "ændring i antal")).toBe("+1.248");
    expect(formatValue(-140, "ændring i antal")).toBe("\u2212140");
    expect(formatValue(0.04, "ændring i antal")).toBe("0");
  });
});

describe("periods", () => {
  it.each([
    ["2020-08", "august 2020"],
    ["2020-05", "maj 2020"],
    ["2020-03", "marts 2020"],
    ["2020-K2", "2. kvartal 2020"],
    ["2020", "2020"],
  ])("%s reads as %s", (period, long) => {
    expect(formatPeriod(period)).toBe(long);
  });

  it.each(["2020-13", "2020-K5", "20-08", "2020-8", "august 2020", ""])("rejects %j", (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });
});

it("formats dates in Danish", () => {
  expect(formatDate("2020-10")).toBe("oktober 2020");
  expect(formatDate("2017-08-16")).toBe("16. august 2017");
});

it("slugifies Danish text", () => {
  expect(slugify("Fokusområde 1: Samarbejde i øjenhøjde")).toBe("fokusomraade-1-samarbejde-i-oejenhoejde");
  expect(slugify("Ærø – Æbler")).toBe("aeroe-aebler");
});

describe("names inside a sentence", () => {
  it.each([
    ["Hele landet", "hele landet"],
    ["Dansk og vestlig herkomst, A-dagpenge", "dansk og vestlig herkomst, A-dagpenge"],
    ["Virksomheder i Ballerup Kommune", "virksomheder i Ballerup Kommune"],
    ["Ballerup", "Ballerup"],
    ["Ballerup Kommune", "Ballerup Kommune"],
    ["Region Hovedstaden", "Region Hovedstaden"],
    ["KL-gennemsnit for kommuner", "KL-gennemsnit for kommuner"],
  ])("%s reads as %s", (name, expected) => {
    expect(nameInSentence(name)).toBe(expected);
  });

  it("keeps a capital for a municipality named by the site", () => {
    expect(nameInSentence("Høje-Taastrup gennemsnit", ["Høje-Taastrup"])).toBe("Høje-Taastrup gennemsnit");
  });
});
