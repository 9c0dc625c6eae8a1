// Scroll regions of wide tables (class "table-scroll"): the markup makes every region a tab stop, so
// a keyboard can scroll it also without JavaScript. Here a region is a tab stop only while its table
// is wider than it (a table that fits is no empty stop), and is marked data-scrolls, for which the
// stylesheet shows a "scroll sideways" hint. Checked again whenever a region or its table changes
// size (window width, zoom, a <details> opened).
/* global ResizeObserver */

/** Sets or removes the tab stop and the mark of one region from whether its content is wider than it. */
function update(region) {
  const scrolls = region.scrollWidth > region.clientWidth + 1;
  region.toggleAttribute("data-scrolls", scrolls);
  if (scrolls) region.setAttribute("tabindex", "0");
  // A focused region keeps its stop until it loses focus, so focus never falls back to the page.
  else if (document.activeElement !== region) region.removeAttribute("tabindex");
}

const regions = document.querySelectorAll(".table-scroll");
const observer = new ResizeObserver((entries) => {
  for (const entry of entries) update(entry.target.closest(".table-scroll"));
});
for (const region of regions) {
  update(region);
  observer.observe(region);
  if (region.firstElementChild) observer.observe(region.firstElementChild);
  region.addEventListener("focusout", () => update(region));
}
