// Draws the page's plotly figures (JSON in <script id="figures">) into their divs.
// Charts in view are drawn first; the rest follow a few at a time so a page with hundreds of
// indicators stays responsive. <body data-charts="done"> says every chart is drawn (tests wait on it).
(function () {
  "use strict";
  var source = document.getElementById("figures");
  var figures = source ? JSON.parse(source.textContent) : {};
  var ids = Object.keys(figures).sort();
  var config = { displayModeBar: false, responsive: true };
  var pending = new Set(ids);
  var left = ids.length;

  function finished() {
    left -= 1;
    if (left === 0) {
      document.body.dataset.charts = "done";
    }
  }

  function draw(id) {
    if (!pending.has(id)) {
      return;
    }
    pending.delete(id);
    var figure = figures[id];
    Plotly.newPlot(id, figure.data, figure.layout, config).then(finished, finished);
  }

  function drainSome() {
    var batch = Array.from(pending).slice(0, 4);
    batch.forEach(draw);
    if (pending.size > 0) {
      window.setTimeout(drainSome, 0);
    }
  }

  if (ids.length === 0) {
    document.body.dataset.charts = "done";
    return;
  }
  if ("IntersectionObserver" in window) {
    var observer = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            draw(entry.target.id);
            observer.unobserve(entry.target);
          }
        });
      },
      { rootMargin: "300px" }
    );
    ids.forEach(function (id) {
      var div = document.getElementById(id);
      if (div) {
        observer.observe(div);
      }
    });
  }
  window.setTimeout(drainSome, 0);
})();
