// The one typeface of site, charts and PDFs: Source Sans 3 (SIL OFL), self-hosted from npm.
// Charts measure their text with the same font files, so labels fit exactly as they are drawn.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as fontkit from "fontkit";

export const FONT_FAMILY = "Source Sans 3";
export const FONT_STACK = `"${FONT_FAMILY}", "Helvetica Neue", Arial, sans-serif`;

const require = createRequire(import.meta.url);
export const FONT_DIR = join(dirname(require.resolve("@fontsource/source-sans-3/package.json")), "files");

export const FONT_FACES = [
  { weight: 400, style: "normal" },
  { weight: 400, style: "italic" },
  { weight: 600, style: "normal" },
  { weight: 700, style: "normal" },
] as const;

export function fontFileName(face: (typeof FONT_FACES)[number]): string {
  return `source-sans-3-latin-${face.weight}-${face.style}.woff2`;
}

type Font = { unitsPerEm: number; layout(text: string): { advanceWidth: number } };
const fonts = new Map<number, Font>();
const widths = new Map<string, number>();

function fontFor(weight: number): Font {
  const nearest = weight >= 650 ? 700 : weight >= 550 ? 600 : 400;
  let font = fonts.get(nearest);
  if (!font) {
    font = fontkit.openSync(join(FONT_DIR, fontFileName({ weight: nearest, style: "normal" } as never))) as unknown as Font;
    fonts.set(nearest, font);
  }
  return font;
}

/** Width in pixels of `text` set in the site's font, with kerning, as Chromium will draw it. */
export function measureText(text: string, fontSize: number, weight: number | string = 400): number {
  const numeric = weight === "bold" ? 700 : weight === "normal" ? 400 : Number(weight) || 400;
  const key = `${numeric}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    const font = fontFor(numeric);
    width = font.layout(text).advanceWidth / font.unitsPerEm;
    widths.set(key, width);
  }
  return width * fontSize;
}

/**
 * Width in pixels with room for a reader's own text spacing: WCAG 1.4.12 asks that text still fits
 * with letter spacing 0.12 em and word spacing 0.16 em, and those apply to SVG text too.
 */
export function measureSpacedText(text: string, fontSize: number, weight: number | string = 400): number {
  const spaces = text.split(" ").length - 1;
  return measureText(text, fontSize, weight) + fontSize * (0.12 * [...text].length + 0.16 * spaces);
}
