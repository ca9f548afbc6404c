/* The report pages' charts, drawn with Chart.js from the JSON written into each page.
 *
 * Every chart is a `.pmo-chart` block: a canvas (role img, labelled) and a
 * `script.pmo-chart-data` holding its Chart.js configuration. Chart.js itself
 * (chart.umd.min.js, next to this file) is loaded only on pages that have a chart. The
 * generator writes plain JSON; what JSON cannot hold is added here, keyed by names that
 * start with `pmo`:
 *
 * - a scale's `pmoTicks: [[value, label], ...]`: exactly those ticks, with those labels;
 * - the legend's `pmoItems: [{text, colour, hatched}]`: a legend of its own (the Gantt chart);
 * - plugins `pmoValues` (a value at the end of each bar), `pmoArrows` (`rows` of an arrow
 *   from today's position to the one wanted) and `pmoGantt` (the first 90 days shaded, the horizon, quick
 *   wins marked, bars beyond the horizon hatched).
 *
 * No animation, so that a chart is complete at once and prints as it shows.
 */
(function () {
  "use strict";

  if (window.PMOCharts) return;  // instant navigation may run the script again
  var script = document.currentScript;
  var LIBRARY = script ? script.src.replace(/[^/]*$/, "chart.umd.min.js")
                       : "assets/pmo/chart.umd.min.js";
  var drawn = [];
  var loading = null;

  function library() {
    if (window.Chart) return Promise.resolve(window.Chart);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = LIBRARY;
        tag.onload = function () { resolve(window.Chart); };
        tag.onerror = function () { reject(new Error("could not load " + LIBRARY)); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  function hatch(Chart, colour) {
    var tile = document.createElement("canvas");
    tile.width = tile.height = 8;
    var ctx = tile.getContext("2d");
    ctx.fillStyle = colour;
    ctx.globalAlpha = 0.5;
    ctx.fillRect(0, 0, 8, 8);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(0, 8); ctx.lineTo(8, 0);
    ctx.moveTo(-2, 2); ctx.lineTo(2, -2);
    ctx.moveTo(6, 10); ctx.lineTo(10, 6);
    ctx.stroke();
    return ctx.createPattern(tile, "repeat");
  }

  function ticks(scale) {
    var wanted = scale.pmoTicks;
    if (!wanted) return;
    var labels = {};
    wanted.forEach(function (pair) { labels[pair[0]] = pair[1]; });
    scale.afterBuildTicks = function (axis) {
      axis.ticks = wanted.map(function (pair) { return { value: pair[0] }; });
    };
    scale.ticks = Object.assign({}, scale.ticks, {
      autoSkip: false,
      callback: function (value) { return value in labels ? labels[value] : ""; },
    });
    delete scale.pmoTicks;
  }

  function prepare(Chart, config) {
    var options = config.options = config.options || {};
    options.animation = false;
    options.responsive = true;
    options.maintainAspectRatio = false;
    Object.keys(options.scales || {}).forEach(function (id) { ticks(options.scales[id]); });
    var plugins = options.plugins = options.plugins || {};
    var legend = plugins.legend || {};
    if (legend.pmoItems) {
      var items = legend.pmoItems;
      delete legend.pmoItems;
      legend.onClick = function () {};
      legend.labels = {
        generateLabels: function () {
          return items.map(function (item) {
            return { text: item.text, fillStyle: item.hatched ? hatch(Chart, item.colour)
                                                               : item.colour,
                     strokeStyle: item.colour, lineWidth: 0, hidden: false };
          });
        },
      };
    }
    if (plugins.pmoPointLabels) {  // the services grid: a point's tooltip names its service
      plugins.tooltip = { callbacks: { label: function (item) {
        var p = item.raw;
        return p.title ? p.label + ". " + p.title + ": importance " + p.y.toFixed(2) +
          ", satisfaction " + p.x.toFixed(2) : item.dataset.label;
      } } };
    }
    var gantt = plugins.pmoGantt;
    if (gantt) {
      options.layout = { padding: { right: 24 } };  // room for the last month's label
      var dataset = config.data.datasets[0];
      var colours = dataset.backgroundColor;
      var deferred = {};
      gantt.deferred.forEach(function (i) { deferred[i] = hatch(Chart, colours[i]); });
      dataset.backgroundColor = colours.map(function (c, i) { return deferred[i] || c; });
    }
    return config;
  }

  function text(ctx, words, x, y, colour, align) {
    ctx.save();
    ctx.fillStyle = colour;
    ctx.textAlign = align || "left";
    ctx.textBaseline = "middle";
    ctx.fillText(words, x, y);
    ctx.restore();
  }

  var VALUES = {
    id: "pmoValues",
    afterDatasetsDraw: function (chart, _args, options) {
      if (!options || options.suffix === undefined) return;
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = "10px " + chart.options.font.family;
      chart.data.datasets.forEach(function (dataset, d) {
        chart.getDatasetMeta(d).data.forEach(function (bar, i) {
          text(ctx, dataset.data[i] + options.suffix, bar.x + 3, bar.y, "#333333");
        });
      });
      ctx.restore();
    },
  };

  var ARROWS = {
    id: "pmoArrows",
    beforeDatasetsDraw: function (chart, _args, options) {
      if (!options || !Array.isArray(options.rows)) return;
      var x = chart.scales.x, y = chart.scales.y, ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = ctx.fillStyle = "#aaaaaa";
      ctx.lineWidth = 1.5;
      options.rows.forEach(function (row) {
        var top = y.getPixelForValue(row[0]), from = x.getPixelForValue(row[1]);
        var to = x.getPixelForValue(row[2]), way = to >= from ? 1 : -1;
        if (Math.abs(to - from) < 12) return;
        ctx.beginPath();
        ctx.moveTo(from, top); ctx.lineTo(to - way * 8, top);
        ctx.stroke();
        ctx.beginPath();
        ctx.moveTo(to - way * 8, top - 4); ctx.lineTo(to - way * 2, top);
        ctx.lineTo(to - way * 8, top + 4);
        ctx.fill();
      });
      ctx.restore();
    },
  };

  var GANTT = {
    id: "pmoGantt",
    beforeInit: function (chart, _args, options) {
      if (!options || options.first === undefined || !chart.legend) return;
      // room under the legend for the "First 90 days" label above the bars
      var fit = chart.legend.fit;
      chart.legend.fit = function () {
        fit.call(this);
        this.height += 16;
      };
    },
    beforeDatasetsDraw: function (chart, _args, options) {
      if (!options || options.first === undefined) return;
      var area = chart.chartArea, x = chart.scales.x, ctx = chart.ctx;
      var right = x.getPixelForValue(options.first);
      ctx.save();
      ctx.fillStyle = options.shade;
      ctx.fillRect(area.left, area.top, right - area.left, area.bottom - area.top);
      ctx.font = "11px " + chart.options.font.family;
      text(ctx, options.firstLabel, (area.left + right) / 2, area.top - 9, options.firstColour,
           "center");
      ctx.restore();
    },
    afterDatasetsDraw: function (chart, _args, options) {
      if (!options || options.first === undefined) return;
      var area = chart.chartArea, x = chart.scales.x, ctx = chart.ctx;
      var horizon = x.getPixelForValue(options.horizon);
      ctx.save();
      ctx.strokeStyle = options.horizonColour;
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(horizon, area.top); ctx.lineTo(horizon, area.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = "11px " + chart.options.font.family;
      var inside = horizon + 60 > area.right;
      text(ctx, inside ? "horizon " : " horizon", horizon, area.bottom - 8,
           options.horizonColour, inside ? "right" : "left");
      ctx.font = "10px " + chart.options.font.family;
      var bars = chart.getDatasetMeta(0).data;
      options.quickWins.forEach(function (i) {
        var bar = bars[i], label = "★ quick win";
        var width = ctx.measureText(label).width;
        if (bar.x + 4 + width <= area.right) text(ctx, label, bar.x + 4, bar.y,
                                                   options.quickWinColour);
        else text(ctx, label, bar.base - 4, bar.y, options.quickWinColour, "right");
      });
      ctx.restore();
    },
  };

  /* The services grid: each point's number beside it (the table names the services). */
  var POINT_LABELS = {
    id: "pmoPointLabels",
    afterDatasetsDraw: function (chart, _args, options) {
      if (!options) return;
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = "11px " + chart.options.font.family;
      chart.data.datasets.forEach(function (dataset, d) {
        if (dataset.type === "line") return;
        chart.getDatasetMeta(d).data.forEach(function (point, i) {
          var label = dataset.data[i].label;
          if (label) text(ctx, label, point.x + 7, point.y - 6, "#333333");
        });
      });
      ctx.restore();
    },
  };

  function draw(Chart, box) {
    var canvas = box.querySelector("canvas");
    var data = box.querySelector("script.pmo-chart-data");
    if (!canvas || !data || canvas.getAttribute("data-drawn")) return;
    canvas.setAttribute("data-drawn", "yes");
    drawn.push(new Chart(canvas, prepare(Chart, JSON.parse(data.textContent))));
  }

  function start() {
    // charts of a page left by instant navigation are let go
    drawn = drawn.filter(function (chart) {
      if (document.body.contains(chart.canvas)) return true;
      chart.destroy();
      return false;
    });
    var boxes = document.querySelectorAll(".pmo-chart");
    if (!boxes.length) return;
    library().then(function (Chart) {
      if (!Chart.registry.plugins.get("pmoGantt")) Chart.register(VALUES, ARROWS, GANTT, POINT_LABELS);
      var style = getComputedStyle(document.body);
      Chart.defaults.font.family = style.fontFamily;
      Chart.defaults.color = "#333333";
      Array.prototype.forEach.call(boxes, function (box) { draw(Chart, box); });
    }).catch(function (error) { console.error(error); });
  }

  // print: redraw at the printed width and a printer's finer resolution, then back
  function printing(on) {
    drawn.forEach(function (chart) {
      chart.options.devicePixelRatio = on ? Math.max(window.devicePixelRatio || 1, 2.5)
                                          : undefined;
      chart.resize();
    });
  }
  window.addEventListener("beforeprint", function () { printing(true); });
  window.addEventListener("afterprint", function () { printing(false); });
  if (window.matchMedia) {  // a PDF printed by a headless browser may skip the events
    var print = window.matchMedia("print");
    if (print.addEventListener) {
      print.addEventListener("change", function (event) { printing(event.matches); });
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  window.PMOCharts = { start: start, charts: function () { return drawn.slice(); } };
})();
