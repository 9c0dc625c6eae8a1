// Helpers for the page templates: the in-page table of contents and absolute addresses.

export interface Heading {
  id: string;
  /** The heading's text as HTML-escaped text (tags removed). */
  html: string;
}

const H2 = /<h2\b([^>]*)>([\s\S]*?)<\/h2>/g;

/**
 * The h2 sections of a rendered page (ids come from markdown.ts). Visually hidden headings (the
 * footnotes' "Fodnoter") are for screen readers and stay out.
 */
export function pageHeadings(html: string | undefined): Heading[] {
  const found: Heading[] = [];
  for (const match of (html ?? "").matchAll(H2)) {
    const attributes = match[1] ?? "";
    const id = /\bid="([^"]+)"/.exec(attributes)?.[1];
    if (!id || /\bclass="[^"]*\bvisually-hidden\b/.test(attributes)) continue;
    const text = (match[2] ?? "")
      .replace(/<sup class="footnote-ref">[\s\S]*?<\/sup>/g, "")
      .replace(/<[^>]*>/g, "")
      .replace(/\s+/g, " ")
      .trim();
    if (text) found.push({ id, html: text });
  }
  return found;
}

/** An absolute address from the site's base_url (which may already end in the path prefix). */
export function absoluteUrl(baseUrl: string, pathPrefix: string, url: string): string {
  const base = new URL(baseUrl);
  let path = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
  const prefix = pathPrefix.endsWith("/") ? pathPrefix : `${pathPrefix}/`;
  if (!path.endsWith(prefix)) path = path.slice(0, -1) + prefix;
  return new URL(url.replace(/^\/+/, ""), base.origin + path).href;
}
