  // Large files take a few seconds: say so, and avoid a second submission.
  document.querySelectorAll("form.import-upload, form.import-confirm").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) { return; }
      var button = form.querySelector("button[type=submit]");
      if (!button) { return; }
      window.setTimeout(function () {
        button.disabled = true;
        button.innerHTML = '<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>' + form.getAttribute("data-busy-label");
      }, 0);
    });
  });
