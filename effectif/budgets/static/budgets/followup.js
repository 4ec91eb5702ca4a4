// The follow-up charts of a budget: month by month (bars) and cumulated since January (lines).
(function () {
  "use strict";
  var source = document.getElementById("budget-chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var numbers = function (values) { return values.map(Number); };
  // Amounts written in French by hand ("12 500,00 €", a no-break space that every canvas
  // font draws): a browser with reduced locale data
  // formats fr-FR numbers without the thousands separator.
  var grouped = function (digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0"); };
  var euros = {
    format: function (value) {
      var parts = Math.abs(value).toFixed(2).split(".");
      return (value < 0 ? "−" : "") + grouped(parts[0]) + "," + parts[1] + "\u00a0€";
    }
  };
  var axisEuros = function (value) {
    return (value < 0 ? "−" : "") + grouped(Math.round(Math.abs(value)).toString()) + "\u00a0€";
  };
  var options = function (stacked) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: stacked },
        y: { stacked: stacked, beginAtZero: true, ticks: { callback: axisEuros } }
      },
      plugins: {
        tooltip: { callbacks: { label: function (c) { return c.dataset.label + " : " + euros.format(c.parsed.y); } } }
      }
    };
  };
  var monthly = document.getElementById("budget-monthly");
  if (monthly) {
    new Chart(monthly, {
      data: {
        labels: data.labels,
        datasets: [
          { type: "bar", label: data.titles.committed, data: numbers(data.committed), backgroundColor: "#f0ad4e", stack: "used" },
          { type: "bar", label: data.titles.spent, data: numbers(data.spent), backgroundColor: "#d9534f", stack: "used" },
          { type: "line", label: data.titles.budget, data: numbers(data.budget), borderColor: "#0d6efd", backgroundColor: "#0d6efd", stepped: "middle", pointRadius: 0 }
        ]
      },
      options: options(true)
    });
  }
  var cumulative = document.getElementById("budget-cumulative");
  if (cumulative) {
    new Chart(cumulative, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: [
          { label: data.titles.budget_cumulative, data: numbers(data.budget_cumulative), borderColor: "#0d6efd", backgroundColor: "rgba(13,110,253,.08)", fill: true },
          { label: data.titles.consumed_cumulative, data: numbers(data.consumed_cumulative), borderColor: "#d9534f", backgroundColor: "#d9534f" }
        ]
      },
      options: options(false)
    });
  }
})();
