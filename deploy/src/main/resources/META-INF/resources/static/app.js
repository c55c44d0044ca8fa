// Small behaviours of the pages, as data-* attributes: the Content-Security-Policy refuses inline scripts and
// on*= handlers (script-src 'self'). Listeners sit on the document, so content swapped in by htmx works too.
(function () {
  "use strict";

  // <input data-select-on-focus>: selects its text when focused (links to copy).
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.hasAttribute("data-select-on-focus")) {
      target.select();
    }
  });

  // <button data-copy-from="id">: copies the value of the element with that id to the clipboard.
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-copy-from]") : null;
    if (!button || !navigator.clipboard) {
      return;
    }
    var source = document.getElementById(button.getAttribute("data-copy-from"));
    if (source && "value" in source) {
      navigator.clipboard.writeText(source.value);
    }
  });

  // <select data-submit-on-change>: submits its form when the choice changes (filters).
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute("data-submit-on-change") && target.form) {
      if (target.form.requestSubmit) {
        target.form.requestSubmit();
      } else {
        target.form.submit();
      }
    }
  });

  // CSRF: an htmx request that changes something (hx-post, hx-put, hx-delete, hx-patch, outside a form that carries
  // its own csrf-token field) sends the page's token in the header named by <meta name="csrf-token" data-header>.
  document.addEventListener("htmx:configRequest", function (event) {
    var detail = event.detail;
    var verb = String(detail.verb || "get").toLowerCase();
    if (verb === "get" || verb === "head" || verb === "options") {
      return;
    }
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (!meta || !meta.content) {
      return;
    }
    var field = detail.formData && typeof detail.formData.get === "function" ? detail.formData.get("csrf-token") : null;
    if (!field) {
      detail.headers[meta.getAttribute("data-header") || "X-CSRF-TOKEN"] = meta.content;
    }
  });
})();
