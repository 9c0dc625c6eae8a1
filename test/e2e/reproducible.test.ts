// Reproducible output: two builds of the same sources, from different folders, with files of
// different ages and the clock moved years ahead, give the same bytes: HTML, SVG, CSS and PDFs.
// The only date in a build that is not content is SOURCE_DATE_EPOCH (vitest sets 1700000000).
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, readdir, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, relative } from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { buildFixture, fixture } from "../helpers.ts";

/** Relative path → SHA-256 of every file below `dir`. */
async function hashes(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const result = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    result.set(
      relative(dir, path),
      createHash("sha256")
        .update(await readFile(path))
        .digest("hex"),
    );
  }
  return new Map([...result].sort(([a], [b]) => a.localeCompare(b)));
}

/** The minimal fixture copied to a folder of its own, every file dated `mtime`. */
async function copyOfMinimal(mtime: Date): Promise<string> {
  const source = join(await mkdtemp(join(tmpdir(), "bp-repro-src-")), "minimal");
  await cp(fixture("minimal"), source, { recursive: true });
  for (const entry of await readdir(source, { recursive: true, withFileTypes: true })) {
    await utimes(join(entry.parentPath, entry.name), mtime, mtime);
  }
  return source;
}

const outs: string[] = [];
let first: Map<string, string>;
let second: Map<string, string>;

beforeAll(async () => {
  outs.push((await buildFixture(await copyOfMinimal(new Date("2001-02-03T04:05:06Z")))).out);
  // The second build runs with the clock in 2041: nothing it writes may notice.
  const source = await copyOfMinimal(new Date("2039-09-09T09:09:09Z"));
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2041-06-15T12:00:00Z"), shouldAdvanceTime: true });
  try {
    outs.push((await buildFixture(source)).out);
  } finally {
    vi.useRealTimers();
  }
  const [a, b] = await Promise.all(outs.map(hashes));
  first = a!;
  second = b!;
});

describe("two builds of one source", () => {
  it("write the same files", () => {
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const kind of [".html", ".css", ".pdf"])
      expect(
        [...first.keys()].some((path) => extname(path) === kind),
        kind,
      ).toBe(true);
  });

  it("byte for byte: HTML, SVG, CSS, PDF and everything else", () => {
    const differing = [...first].filter(([path, hash]) => second.get(path) !== hash).map(([path]) => path);
    expect(differing).toEqual([]);
  });

  it("date the PDFs by SOURCE_DATE_EPOCH, not by the clock", async () => {
    const epoch = new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
    expect(epoch.getUTCFullYear()).toBe(2023);
    for (const path of [...second.keys()].filter((p) => p.endsWith(".pdf"))) {
      const pdf = await PDFDocument.load(await readFile(join(outs[1]!, path)), { updateMetadata: false });
      expect(pdf.getCreationDate(), path).toEqual(epoch);
      expect(pdf.getModificationDate(), path).toEqual(epoch);
    }
  });

  it("show no date from the clock or the files' ages on any page", async () => {
    for (const path of [...second.keys()].filter((p) => /\.(html|svg|css|xml|json)$/.test(p))) {
      const text = await readFile(join(outs[1]!, path), "utf8");
      expect(text, path).not.toMatch(/2041|2039|2001/);
    }
  });
});
