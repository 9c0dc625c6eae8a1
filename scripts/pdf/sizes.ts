// After the PDFs exist, every download link on the site gets the file's size: "(PDF, 108 kB)".
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { formatNumber } from "../lib/danish.ts";

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024, 1)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

const PDF_LINK = /(<a\b[^>]*\bhref="[^"]*\/pdf\/([^"/]+\.pdf)"[^>]*>)([^]*?)<\/a>/g;

/** Adds the size inside each link to a known PDF (once; links to unknown files are left alone). */
export function annotatePdfLinks(html: string, sizes: ReadonlyMap<string, number>): string {
  return html.replace(PDF_LINK, (link, open: string, file: string, text: string) => {
    const bytes = sizes.get(file);
    if (bytes === undefined || text.includes('class="file-size"')) return link;
    return `${open}${text} <span class="file-size">(PDF, ${formatSize(bytes)})</span></a>`;
  });
}

export async function annotateSite(outDir: string, sizes: ReadonlyMap<string, number>): Promise<number> {
  const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith(".html") && !f.startsWith("print"));
  let changed = 0;
  for (const file of files) {
    const path = join(outDir, file);
    const html = await readFile(path, "utf8");
    const annotated = annotatePdfLinks(html, sizes);
    if (annotated !== html) {
      await writeFile(path, annotated);
      changed++;
    }
  }
  return changed;
}
