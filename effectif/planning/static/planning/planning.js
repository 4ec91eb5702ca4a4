// Effectif — the planning grid: a day's editor in a dialog, loaded and saved with htmx.
// Without JavaScript each cell is a link to the same editor as a page of its own.
(function () {
  "use strict";
  var dialog = document.getElementById("pl-editor");
  var body = document.getElementById("pl-editor-body");
  var status = document.getElementById("pl-status");
  var lastCell = null;

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-pl-print]")) {
      window.print();
      return;
    }
    var link = event.target.closest(".pl-editable > a");
    if (!link || !dialog || !window.htmx) {
      return;
    }
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    lastCell = link.closest("td").id;
    var table = link.closest("table");
    var query = table && table.getAttribute("data-edit-query");
    var url = link.getAttribute("href") + (query ? "?" + query : "");
    window.htmx.ajax("GET", url, { target: "#pl-editor-body", swap: "innerHTML" });
  });

  // The arrow keys move between the days one may change, as in a spreadsheet.
  var MOVES = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
  document.addEventListener("keydown", function (event) {
    var move = MOVES[event.key];
    var link = move && event.target.closest && event.target.closest(".pl-grid td > a");
    if (!link) {
      return;
    }
    var cell = link.parentElement;
    var row = cell.parentElement;
    var column = Array.prototype.indexOf.call(row.cells, cell);
    var found = null;
    if (move[0] === 0) {
      for (var i = column + move[1]; i > 0 && i < row.cells.length && !found; i += move[1]) {
        found = row.cells[i].querySelector("a");
      }
    } else {
      var rows = Array.prototype.slice.call(row.closest("table").querySelectorAll("tbody tr"));
      for (var r = rows.indexOf(row) + move[0]; r >= 0 && r < rows.length && !found; r += move[0]) {
        if (rows[r].cells.length === row.cells.length) {
          found = rows[r].cells[column].querySelector("a");
        }
      }
    }
    if (found) {
      event.preventDefault();
      found.focus();
    }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches("[data-pl-select]")) {
      event.target.select();
    }
  });
  if (!dialog) {
    return;
  }
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target !== body || !body.querySelector("form")) {
      return;
    }
    if (!dialog.open) {
      dialog.showModal();
    }
    var first = body.querySelector("[data-pl-focus]") || body.querySelector("input:not([type=hidden]), textarea");
    if (first) {
      first.focus();
    }
  });
  document.body.addEventListener("htmx:responseError", function (event) {
    if (status && event.detail.target === body) {
      status.textContent = (status.getAttribute("data-error") || "%s").replace("%s", event.detail.xhr.status);
      status.classList.remove("visually-hidden");
    }
  });
  document.body.addEventListener("planning-saved", function () {
    dialog.close();
  });
  dialog.addEventListener("close", function () {
    body.innerHTML = "";
    var cell = lastCell && document.getElementById(lastCell);
    var link = cell && cell.querySelector("a");
    if (link) {
      link.focus();
    }
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog || event.target.closest("[data-pl-close]")) {
      dialog.close();
    }
  });
})();
