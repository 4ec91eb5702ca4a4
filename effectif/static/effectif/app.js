// Effectif — small behaviours shared by every page (no framework beyond htmx and Bootstrap).
(function () {
  "use strict";
  // Auto-submit filter forms when a select changes (progressive enhancement: a button remains).
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches("form[data-autosubmit] select, form[data-autosubmit] input[type=date], form[data-autosubmit] input[type=checkbox]")) {
      if (window.htmx && el.form.hasAttribute("hx-get")) {
        window.htmx.trigger(el.form, "submit");
      } else {
        el.form.requestSubmit();
      }
    }
  });
  // Print buttons, and « Annuler » links that go back to the previous page.
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      window.print();
    } else if (event.target.closest("[data-history-back]")) {
      event.preventDefault();
      window.history.back();
    }
  });
  // Confirm destructive actions.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);
})();
