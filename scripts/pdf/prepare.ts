// The print page as Chromium should tag it: changes in the loaded page before printing, none of
// which moves anything on paper (print.css styles the new elements as the old ones looked).
import type { Page } from "puppeteer-core";

/**
 * - Figure and table numbers become text ("Figur 3. "), instead of CSS counters, which Chromium
 *   leaves out of the accessible name; a chart's Alt reads "Figur 3. Title. Summary".
 * - Footnotes become `<aside class="footnote-item">` list items (tagged Aside, made Note by
 *   tagging.ts) in a `<div class="footnotes-list">`, keeping their ids so the marks still link.
 * Returns the text of every link by its target ("#id" or the address), for the link annotations'
 * /Contents: the words a reader sees, or the footnote's number as "Fodnote 1".
 */
export async function preparePrint(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const number = (selector: string, target: string, word: string) => {
      document.querySelectorAll(selector).forEach((figure, i) => {
        const label = figure.querySelector(target);
        if (!label) return;
        const span = document.createElement("span");
        span.className = "figure-number";
        span.textContent = `${word} ${i + 1}. `;
        label.prepend(span);
        figure.classList.add("numbered");
      });
    };
    number("figure.chart:not(.chart-empty)", ".chart-title", "Figur");
    number("figure.table", "caption", "Tabel");
    // A chart's Alt is its labels' words (number, title, summary) as sentences, without soft hyphens.
    for (const svg of document.querySelectorAll("svg[aria-labelledby]")) {
      const parts = svg
        .getAttribute("aria-labelledby")!
        .split(/\s+/)
        .map((id) =>
          (document.getElementById(id)?.textContent ?? "")
            .replace(/\u00ad/g, "")
            .replace(/\s+/g, " ")
            .trim(),
        )
        .filter(Boolean);
      svg.setAttribute("aria-label", parts.map((part, i) => (i < parts.length - 1 && !/[.!?:]$/.test(part) ? `${part}.` : part)).join(" "));
      svg.removeAttribute("aria-labelledby");
    }
    for (const list of document.querySelectorAll("section.footnotes > ol")) {
      const div = document.createElement("div");
      div.className = "footnotes-list";
      // Footnotes are numbered on through the PDF: a chapter's list goes on from its start number
      // (Chromium numbers list items from counter-set on the first, not from counter-reset on the list).
      const start = (list as HTMLOListElement).start;
      for (const item of [...list.children]) {
        const aside = document.createElement("aside");
        for (const { name, value } of item.attributes) aside.setAttribute(name, value);
        aside.classList.add("footnote-item");
        if (start > 1 && item === list.firstElementChild) aside.style.counterSet = `list-item ${start}`;
        // Inside a section an aside is generic; with its role Chromium tags it Aside.
        aside.setAttribute("role", "complementary");
        aside.setAttribute("aria-label", `Fodnote ${div.children.length + 1}`);
        aside.append(...item.childNodes);
        div.append(aside);
      }
      list.replaceWith(div);
    }
    const links: Record<string, string> = {};
    for (const link of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
      const href = link.getAttribute("href")!;
      const target = href.startsWith("#") ? href : link.href;
      const text = (link.getAttribute("aria-label") ?? link.textContent ?? "")
        .replace(/\u00ad/g, "")
        .replace(/\s+/g, " ")
        .trim();
      const words = link.closest(".footnote-ref") ? `Fodnote ${text.replace(/\D/g, "")}` : link.classList.contains("footnote-backref") ? "Tilbage til teksten" : text;
      if (words && !(target in links)) links[target] = words;
    }
    return links;
  });
}
