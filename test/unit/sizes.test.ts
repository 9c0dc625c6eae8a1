import { expect, it } from "vitest";
import { annotatePdfLinks, formatSize } from "../../scripts/pdf/sizes.ts";

it("writes sizes the Danish way", () => {
  expect(formatSize(110_592)).toBe("108 kB");
  expect(formatSize(1_572_864)).toBe("1,5 MB");
  expect(formatSize(10)).toBe("1 kB");
});

it("adds the size inside links to known PDFs, once", () => {
  const sizes = new Map([["plan.pdf", 110_592]]);
  const html = '<a href="/sti/pdf/plan.pdf" download>Hent planen</a> <a href="/pdf/andet.pdf">Andet</a>';
  const once = annotatePdfLinks(html, sizes);
  expect(once).toBe('<a href="/sti/pdf/plan.pdf" download>Hent planen <span class="file-size">(PDF, 108 kB)</span></a> <a href="/pdf/andet.pdf">Andet</a>');
  expect(annotatePdfLinks(once, sizes)).toBe(once);
});
