// The bounds on every input, in one place (the README's "Limits" lists them). Each is checked before
// the work it bounds starts, and exceeding one is a content error (exit code 2) naming the file. They
// are far above anything a municipality's plans need (the largest data file today is 1.5 KB, the
// largest page 10 KB, the deepest include 2 levels), and low enough that a build stays within seconds
// and well under 1 GB of memory.
export const LIMITS = {
  /** Bytes of one file in content/ or data/. */
  fileBytes: 4 * 1024 * 1024,
  /** Objects and lists inside each other in one JSON file (the indicators need 4, a custom chart spec about 10). */
  jsonDepth: 64,
  /** Observations in one indicator, all series together. */
  observations: 10_000,
  /** Series in one indicator. */
  series: 50,
  /** Headings in one page, included pages counted. */
  headings: 1_000,
  /** Pages inside pages: ::: include nested this deep at most. */
  includeDepth: 8,
  /** Included pages in one page once every include is expanded (fan-out times depth). */
  includedPages: 200,
  /** Width and height of a custom Vega-Lite chart, and of one step of its bands, in pixels. */
  chartPixels: 2_000,
  /** Wall time of one chart's rendering, in milliseconds. */
  chartMs: 20_000,
  /** JavaScript heap of the chart renderer, in MiB. */
  chartHeapMib: 512,
  /** The comparison of two revisions: word edits per changed block, and removed × added blocks paired in one stretch. */
  compareEdits: 1_000,
  comparePairs: 2_500,
  /** Bytes of an .xlsx or .csv file given to import, and of an .xlsx once unpacked. */
  importBytes: 20 * 1024 * 1024,
  importUnpackedBytes: 100 * 1024 * 1024,
} as const;
