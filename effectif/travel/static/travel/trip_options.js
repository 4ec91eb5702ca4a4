// The transport option form of a trip: the fare fields for train, plane and public transport,
// the vehicle for the employee's own car, shown as the mode changes.
(function () {
  "use strict";
  var fareModes = ["train", "avion", "transports_commun"];
  function sync(form) {
    var mode = form.querySelector("[name=mode]");
    if (!mode) { return; }
    form.querySelectorAll("[data-for=fare]").forEach(function (el) { el.hidden = fareModes.indexOf(mode.value) < 0; });
    form.querySelectorAll("[data-for=vehicle]").forEach(function (el) { el.hidden = mode.value !== "vehicule_personnel"; });
  }
  document.addEventListener("change", function (event) {
    var form = event.target.closest("#option-form");
    if (form && event.target.name === "mode") { sync(form); }
  });
  function syncPage() {
    var form = document.getElementById("option-form");
    if (form) { sync(form); }
  }
  document.addEventListener("htmx:load", syncPage);
  syncPage();
})();
