// Search on /soeg/: progressive enhancement of the plain form with Pagefind's self-hosted index.
// Without JavaScript the form still submits and the page explains where to find the content.
// Results link to the page and, through Pagefind's sub-results, to the section (heading id).
/* global URL, URLSearchParams, history, location */

const form = document.querySelector("[data-search-form]");
const input = form?.querySelector("input[type=search]");
const status = document.querySelector("[data-search-status]");
const results = document.querySelector("[data-search-results]");
const fallback = document.querySelector("[data-search-fallback]");
const PAGE_SIZE = 10;

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
  if (data.meta.dokument && data.meta.dokument !== data.meta.title) item.append(element("p", { class: "search-result-document" }, data.meta.dokument));
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

  const showMore = async () => {
    const next = shown.splice(0, PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    for (const entry of data) list.append(resultItem(entry));
    more.hidden = shown.length === 0;
  };

  const run = async (query, { debounce = true } = {}) => {
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
    const found = debounce ? await pagefind.debouncedSearch(query, {}, 250) : await pagefind.search(query);
    if (found === null) return; // a newer search is on its way
    const count = found.results.length;
    status.textContent =
      count === 0 ? `Ingen resultater for »${query}«.` : `${count === 1 ? "1 resultat" : `${count} resultater`} for »${query}«.`;
    shown = [...found.results];
    list = element("ol", { class: "search-results" });
    more = element("button", { type: "button", class: "search-more" }, "Vis flere resultater");
    more.addEventListener("click", () => void showMore());
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
