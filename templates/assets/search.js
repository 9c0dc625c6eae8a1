// Search on /soeg/: progressive enhancement of the plain form with Pagefind's self-hosted index.
// Without JavaScript the form still submits and the page explains where to find the content.
// Results link to the page and, through Pagefind's sub-results, to the section (heading id).
/* global URL, URLSearchParams, history, location */
import { matchesExactly, spellings } from "./search-words.js";

const form = document.querySelector("[data-search-form]");
const input = form?.querySelector("input[type=search]");
const status = document.querySelector("[data-search-status]");
const results = document.querySelector("[data-search-results]");
const fallback = document.querySelector("[data-search-fallback]");
const PAGE_SIZE = 10;
/** Results whose text is read to find the exact matches and put them first. */
const CHECKED = 60;

/** The site root (with any path prefix), from this script's own address: /prefix/assets/search.js. */
const root = new URL("../", import.meta.url);

/** Pagefind's excerpts are escaped text with <mark> around the hits; nothing else is let through. */
function excerptNode(html) {
  const span = document.createElement("span");
  span.innerHTML = String(html).replace(/<(?!\/?mark>)[^>]*>/gi, "");
  return span;
}

function element(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function resultItem(data) {
  const item = element("li", { class: "search-result" });
  const heading = element("h2", {}, element("a", { href: data.url }, data.meta.title ?? data.url));
  item.append(heading);
  if (data.meta.dokument && data.meta.dokument !== data.meta.title) item.append(element("p", { class: "search-result-document" }, `Fra ${data.meta.dokument}`));
  item.append(element("p", { class: "search-result-excerpt" }, excerptNode(data.excerpt)));
  const sections = (data.sub_results ?? []).filter((sub) => sub.url !== data.url && sub.anchor).slice(0, 3);
  if (sections.length) {
    const list = element("ul", { class: "search-result-sections", "aria-label": `Afsnit på siden ${data.meta.title ?? ""}` });
    for (const sub of sections) {
      list.append(element("li", {}, element("a", { href: sub.url }, sub.title), " ", element("span", { class: "search-result-excerpt" }, excerptNode(sub.excerpt))));
    }
    item.append(list);
  }
  return item;
}

async function start() {
  if (!form || !input || !status || !results) return;
  let pagefind;
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
    await pagefind.init();
  } catch {
    status.textContent = "Søgningen kunne ikke indlæses. Prøv at genindlæse siden.";
    return;
  }
  if (fallback) fallback.hidden = true;

  let shown = [];
  let list;
  let more;
  let generation = 0;

  const showMore = async ({ focus = false } = {}) => {
    const next = shown.splice(0, PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    const items = data.map(resultItem);
    list.append(...items);
    more.hidden = shown.length === 0;
    // After "Vis flere resultater" the keyboard goes on at the first new result, not the page's end.
    if (focus && items[0]) {
      const link = items[0].querySelector("a");
      link.focus();
    }
  };

  /** Every spelling's results, each page once at its best score; pages with the words themselves first. */
  const searchAll = async (query, debounce) => {
    const [first, ...others] = spellings(query);
    const typed = debounce ? await pagefind.debouncedSearch(first, {}, 250) : await pagefind.search(first);
    if (typed === null) return null; // a newer search is on its way
    const lettered = await Promise.all(others.map((text) => pagefind.search(text)));
    const best = new Map();
    for (const found of [typed, ...lettered]) {
      for (const result of found.results) if (!(best.get(result.id)?.score >= result.score)) best.set(result.id, result);
    }
    // When the æ/ø/å spellings find pages, a page that only the spelling as typed found is Pagefind's
    // nearest word ("fokus" for "fokusomraade"): kept only if it has the words, so the typed and the
    // proper spelling find the same pages.
    const viaLetters = new Set(lettered.flatMap((found) => found.results.map((result) => result.id)));
    const typedOnly = viaLetters.size ? [...best.values()].filter((result) => !viaLetters.has(result.id)) : [];
    const kept = await Promise.all(typedOnly.map(async (result) => matchesExactly(query, (await result.data()).content)));
    typedOnly.forEach((result, i) => kept[i] || best.delete(result.id));
    const ranked = [...best.values()].sort((a, b) => b.score - a.score);
    const checked = ranked.slice(0, CHECKED);
    const exact = await Promise.all(checked.map(async (result) => matchesExactly(query, (await result.data()).content)));
    const ordered = [...checked.filter((_, i) => exact[i]), ...checked.filter((_, i) => !exact[i]), ...ranked.slice(CHECKED)];
    return { results: ordered, exact: exact.some(Boolean) };
  };

  const run = async (query, { debounce = true } = {}) => {
    const current = ++generation;
    const params = new URLSearchParams(location.search);
    if (query) params.set("q", query);
    else params.delete("q");
    const search = params.toString();
    history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}`);
    if (!query.trim()) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    const found = await searchAll(query, debounce);
    if (found === null || current !== generation) return;
    const count = found.results.length;
    const counted = count === 1 ? "1 resultat" : `${count} resultater`;
    status.textContent =
      count === 0
        ? `Ingen resultater for »${query}«.`
        : found.exact
          ? `${counted} for »${query}«.`
          : `Ingen sider indeholder præcis »${query}«. Her er ${count === 1 ? "den side" : `${count} sider`} med ord, der ligner.`;
    status.classList.toggle("search-status-inexact", count > 0 && !found.exact);
    shown = [...found.results];
    list = element("ol", { class: "search-results" });
    more = element("button", { type: "button", class: "search-more" }, "Vis flere resultater");
    more.addEventListener("click", () => void showMore({ focus: true }));
    results.replaceChildren(list, more);
    await showMore();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run(input.value, { debounce: false });
  });
  input.addEventListener("input", () => void run(input.value));

  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    await run(initial, { debounce: false });
  }
}

void start();
