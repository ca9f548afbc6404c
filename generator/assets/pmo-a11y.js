/* Site-wide accessibility fixes to the theme's own markup, on every page.
 *
 * - A table wider than the page scrolls inside its box (the theme's scroll wrapper, or ours
 *   around tables drawn by a script); a keyboard user can reach that box only if it takes
 *   focus, and a screen-reader user needs to know what it holds. Each box that actually
 *   scrolls becomes a focusable region named after its caption or the heading above it; a box
 *   that fits is left alone, so that it adds no tab stop.
 *   A chart's box says it holds a chart (`data-region`).
 * - The search dialog gets a name.
 */
(function () {
  "use strict";

  var WRAPPERS = ".md-typeset__scrollwrap, .pmo-scroll";

  function label(box) {
    var caption = box.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    if (box.getAttribute("data-label")) return box.getAttribute("data-label");
    // the nearest heading before the box in document order
    var headings = document.querySelectorAll(".md-content h1, .md-content h2, .md-content h3, " +
                                             ".md-content h4");
    var found = null;
    for (var i = 0; i < headings.length; i++) {
      var relation = headings[i].compareDocumentPosition(box);
      if (relation & Node.DOCUMENT_POSITION_FOLLOWING) found = headings[i];
      else break;
    }
    if (!found) return document.title.split(" - ")[0];
    var copy = found.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  function regions() {
    document.querySelectorAll(WRAPPERS).forEach(function (box) {
      if (box.querySelector(WRAPPERS)) return;  // the innermost box is the one that scrolls
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        var kind = box.getAttribute("data-region") || "Table";
        box.setAttribute("aria-label", kind + ": " + label(box) + " (scrolls sideways)");
        box.classList.add("pmo-scrolls");
      } else if (box.classList.contains("pmo-scrolls")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        box.classList.remove("pmo-scrolls");
      }
    });
  }

  function names() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  }

  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      regions();
    });
  }

  function start() {
    names();
    regions();
  }

  // the theme wraps tables once its own script has run: after it, and again when sizes change
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { later(); names(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  window.addEventListener("load", later);
  window.addEventListener("resize", later);
  // pages that draw tables later (the self-assessment results) ask for a fresh look
  document.addEventListener("pmo:content", later);
  window.PMORegions = regions;
})();
