// Draws every Plotly figure of a page. Each figure is JSON in
// <script type="application/json" id="fig-…"> (written by Django's json_script) and a
// <div class="chart" data-figure="fig-…"> marks where it goes: no inline script, so a strict
// Content Security Policy holds.
(function () {
  "use strict";
  // Narrower than this, a legend beside the plot would squeeze it: it goes below instead.
  var NARROW = 700;
  var SWEDISH = {
    moduleType: "locale",
    name: "sv",
    dictionary: {},
    format: {
      days: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
      shortDays: ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
      months: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
        "september", "oktober", "november", "december"],
      shortMonths: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt",
        "nov", "dec"],
      date: "%Y-%m-%d",
      decimal: ",",
      thousands: " "
    }
  };

  function legendFor(el, legend) {
    if (!legend || legend.orientation === "h") { return legend; }
    if (el.clientWidth >= NARROW) { return legend; }
    return Object.assign({}, legend, {
      orientation: "h", x: 0, xanchor: "left", y: 0, yanchor: "top", yref: "container"
    });
  }

  function draw() {
    if (typeof Plotly === "undefined") { return; }
    Plotly.register(SWEDISH);
    document.querySelectorAll("[data-figure]").forEach(function (el) {
      var source = document.getElementById(el.dataset.figure);
      if (!source) { return; }
      var figure = JSON.parse(source.textContent);
      var layout = figure.layout || {};
      layout.legend = legendFor(el, layout.legend);
      var config = Object.assign({ responsive: true, displaylogo: false, locale: "sv" }, figure.config || {});
      Plotly.newPlot(el, figure.data || [], layout, config);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
