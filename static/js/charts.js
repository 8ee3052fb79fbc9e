// Draws every Plotly figure of a page. Each figure is JSON in
// <script type="application/json" id="fig-…"> (written by Django's json_script) and a
// <div class="chart" data-figure="fig-…"> marks where it goes: no inline script, so a strict
// Content Security Policy holds.
(function () {
  "use strict";
  function draw() {
    if (typeof Plotly === "undefined") { return; }
    document.querySelectorAll("[data-figure]").forEach(function (el) {
      var source = document.getElementById(el.dataset.figure);
      if (!source) { return; }
      var figure = JSON.parse(source.textContent);
      var config = Object.assign({ responsive: true, displaylogo: false, locale: "sv" }, figure.config || {});
      Plotly.newPlot(el, figure.data || [], figure.layout || {}, config);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
