// Template editor: a click on a merge field inserts it at the cursor of the body.
(function () {
  "use strict";
  var lastBody = null;
  document.addEventListener("focusin", function (event) {
    if (event.target.id === "id_body") { lastBody = event.target; }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.merge-field");
    if (!button) { return; }
    var body = lastBody || document.getElementById("id_body");
    if (!body) { return; }
    var text = button.getAttribute("data-insert");
    var start = body.selectionStart || 0;
    var end = body.selectionEnd || 0;
    body.value = body.value.slice(0, start) + text + body.value.slice(end);
    body.focus();
    body.selectionStart = body.selectionEnd = start + text.length;
    body.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
})();
