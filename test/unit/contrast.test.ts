import { expect, it } from "vitest";
import { contrastRatio } from "../../scripts/lib/contrast.ts";

it.each([
  ["#000000", "#ffffff", 21],
  ["#ffffff", "#ffffff", 1],
  ["#767676", "#ffffff", 4.54],
  ["#1f4e79", "#ffffff", 8.66],
])("contrast of %s on %s is %s", (a, b, ratio) => {
  expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
});
