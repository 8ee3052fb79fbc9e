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

  var LEGEND_ROW = 22;
  var LEGEND_ENTRY = 140;
  var TITLE_CHARS = 32;

  function wrapped(text) {
    var lines = [""];
    text.split(" ").forEach(function (word) {
      var line = lines[lines.length - 1];
      if (line && (line + " " + word).length > TITLE_CHARS) {
        lines.push(word);
      } else {
        lines[lines.length - 1] = line ? line + " " + word : word;
      }
    });
    return lines.join("<br>");
  }

  // On a narrow screen: the legend goes below the plot, every entry shown (the figure
  // grows by its rows), and the title wraps instead of running off both sides.
  function narrowed(el, figure) {
    var layout = figure.layout || {};
    if (el.clientWidth >= NARROW) { return layout; }
    var extra = 0;
    if (layout.title && layout.title.text) {
      var title = wrapped(layout.title.text);
      var lines = title.split("<br>").length;
      layout.title = Object.assign({}, layout.title, { text: title, font: { size: 14 } });
      layout.margin = Object.assign({}, layout.margin, { t: 32 + 20 * lines });
      extra += 20 * (lines - 1);
    }
    var entries = (figure.data || []).filter(function (trace) {
      return trace.showlegend !== false;
    }).length;
    if (layout.showlegend !== false && entries > 1) {
      var perRow = Math.max(1, Math.floor(el.clientWidth / LEGEND_ENTRY));
      var rows = Math.ceil(entries / perRow);
      layout.legend = Object.assign({}, layout.legend, {
        orientation: "h", x: 0, xanchor: "left", y: 0, yanchor: "bottom", yref: "container",
        maxheight: 1
      });
      layout.margin = Object.assign({}, layout.margin, { b: (layout.margin || {}).b || 90 });
      layout.margin.b += rows * LEGEND_ROW;
      extra += rows * LEGEND_ROW;
    }
    layout.height = (layout.height || 450) + extra;
    return layout;
  }

  function draw(root) {
    if (typeof Plotly === "undefined") { return; }
    Plotly.register(SWEDISH);
    root.querySelectorAll("[data-figure]").forEach(function (el) {
      var source = document.getElementById(el.dataset.figure);
      if (!source) { return; }
      var figure = JSON.parse(source.textContent);
      var layout = narrowed(el, figure);
      var config = Object.assign({ responsive: true, displaylogo: false, locale: "sv" }, figure.config || {});
      Plotly.newPlot(el, figure.data || [], layout, config);
    });
  }

  // A section with data-charts gets its charts from that address once the page is shown: the
  // #charts-content of the charts page, which without JavaScript is a page of its own (the
  // section's link). Until then, and if it fails, the section says so and keeps the link.
  function loadLater(section) {
    var status = section.querySelector(".charts-status");
    var link = status.querySelector("a");
    status.textContent = "Diagrammen hämtas …";
    function failed(text) {
      status.textContent = text + " ";
      status.appendChild(link);
    }
    fetch(section.dataset.charts, { credentials: "same-origin" })
      .then(function (response) {
        // Redirected: to the login page, when the session ended meanwhile.
        if (!response.ok || response.redirected) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var content = page.getElementById("charts-content");
        if (!content) {
          var empty = page.querySelector("main .empty");
          failed(empty ? empty.textContent.trim() : "Det finns inga diagram för urvalet.");
          return;
        }
        var charts = document.importNode(content, true);
        status.replaceWith(charts);
        draw(charts);
      })
      .catch(function () { failed("Diagrammen kunde inte hämtas."); });
  }

  function start() {
    draw(document);
    document.querySelectorAll("section[data-charts]").forEach(loadLater);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
