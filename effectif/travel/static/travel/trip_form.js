// The trip request form: destination rows added on demand, fellow travellers found by name.
(function () {
  "use strict";

  // Another stop: a copy of the formset's empty row, numbered after the last one.
  var button = document.getElementById("add-stop");
  var body = document.getElementById("stops");
  var total = document.getElementById("id_dest-TOTAL_FORMS");
  var maxField = document.getElementById("id_dest-MAX_NUM_FORMS");
  var template = document.getElementById("stop-template");
  if (button && body && total && maxField && template) {
    var max = parseInt(maxField.value, 10);
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      if (index >= max) { return; }
      var html = template.innerHTML.replace(/__prefix__/g, index).replace(/__number__/g, index + 1);
      body.insertAdjacentHTML("beforeend", html);
      total.value = index + 1;
      button.hidden = index + 1 >= max;
      body.lastElementChild.querySelector("input").focus();
    });
  }

  // A colleague found by the search joins the travellers as a ticked box.
  document.addEventListener("click", function (event) {
    var found = event.target.closest("[data-traveller]");
    if (!found) { return; }
    var picker = found.closest("[data-traveller-picker]");
    var chosen = picker.querySelector("[data-traveller-chosen]");
    var pk = found.getAttribute("data-traveller");
    var box = chosen.querySelector("input[value='" + pk + "']");
    if (!box) {
      var id = chosen.getAttribute("data-id") + "_" + pk;
      var item = document.createElement("li");
      item.className = "form-check";
      box = document.createElement("input");
      box.className = "form-check-input";
      box.type = "checkbox";
      box.name = chosen.getAttribute("data-name");
      box.value = pk;
      box.id = id;
      var label = document.createElement("label");
      label.className = "form-check-label";
      label.htmlFor = id;
      label.textContent = found.getAttribute("data-label");
      item.appendChild(box);
      item.appendChild(label);
      chosen.appendChild(item);
    }
    box.checked = true;
    var search = picker.querySelector("input[type=search]");
    search.value = "";
    picker.querySelector(".list-group").textContent = "";
    search.focus();
  });
})();
