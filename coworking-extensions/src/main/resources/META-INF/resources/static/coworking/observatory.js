/*
 * The observatory's charts: each canvas.observatory-chart carries its figures as JSON in data-figures (written
 * by the server) and data-chart says which chart to draw. The tables under the charts hold the same figures
 * for readers without JavaScript. No inline script on the page.
 */
(function () {
  'use strict';

  var COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

  function datasets(series, type) {
    return Object.keys(series).map(function (name, i) {
      return {
        label: name,
        data: series[name].map(function (v) { return v == null ? null : Number(v); }),
        borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: COLOURS[i % COLOURS.length],
        spanGaps: true,
        type: type
      };
    });
  }

  function draw(canvas, tries) {
    if (!window.Chart) {
      if (tries < 100) {
        setTimeout(function () { draw(canvas, tries + 1); }, 50);
      }
      return;
    }
    if (canvas.dataset.ready) {
      return;
    }
    canvas.dataset.ready = 'true';
    var figures = JSON.parse(canvas.dataset.figures);
    var occupancy = canvas.dataset.chart === 'occupancy';
    new Chart(canvas, {
      type: occupancy ? 'line' : 'bar',
      data: {
        labels: figures.labels,
        datasets: occupancy ? datasets(figures.occupancy, 'line') : datasets(figures.activity, 'bar')
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { title: { display: true, text: occupancy ? figures.occupancyTitle : figures.activityTitle } },
        scales: occupancy ? { y: { beginAtZero: true, suggestedMax: 100 } } : { y: { beginAtZero: true } }
      }
    });
    canvas.dataset.drawn = 'true';
  }

  function drawAll() {
    document.querySelectorAll('canvas.observatory-chart').forEach(function (canvas) { draw(canvas, 0); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
  document.addEventListener('htmx:afterSettle', drawAll);
})();
