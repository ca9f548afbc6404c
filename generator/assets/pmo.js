/* Filters for generated tables (the lessons-learned register): no dependencies, offline. */
(function () {
  "use strict";

  function matches(row, filters) {
    return filters.every(function (filter) {
      if (!filter.value) return true;
      var tags = (row.getAttribute("data-" + filter.name) || "").split(" ");
      return tags.indexOf(filter.value) !== -1 || tags.indexOf("all") !== -1;
    });
  }

  function setUp(panel) {
    var table = panel.parentNode.querySelector("table.pmo-filterable");
    if (!table) return;
    var selects = Array.prototype.slice.call(panel.querySelectorAll("select[data-filter]"));
    var count = panel.querySelector(".pmo-filter-count");
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));

    function apply() {
      var filters = selects.map(function (s) {
        return { name: s.getAttribute("data-filter"), value: s.value };
      });
      var shown = 0;
      rows.forEach(function (row) {
        var visible = matches(row, filters);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = shown + " of " + rows.length + " shown";
    }

    selects.forEach(function (s) { s.addEventListener("change", apply); });
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".pmo-filter"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
