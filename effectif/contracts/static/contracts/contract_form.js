// Show the fixed-term fields only for the contracts that have them (they stay in the page for screen readers and without JavaScript).
(function () {
  var kind = document.getElementById("id_c-kind");
  var fixedTerm = ["cdd", "interim", "apprentissage", "stage", "professionnalisation", "contractuel"];
  var withReason = ["cdd", "interim"];
  function wrap(id) { var el = document.getElementById(id); return el ? el.closest("[class*='col-']") : null; }
  function toggle() {
    var value = kind.value;
    [["id_c-end_date", fixedTerm], ["id_c-imprecise_term", ["cdd"]], ["id_c-fixed_term_reason", withReason], ["id_c-replaced_person", withReason]].forEach(function (pair) {
      var box = wrap(pair[0]);
      if (box) { box.hidden = value !== "" && pair[1].indexOf(value) === -1 && !box.querySelector(".invalid-feedback"); }
    });
  }
  if (kind) { kind.addEventListener("change", toggle); toggle(); }
})();
