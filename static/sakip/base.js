// Behaviour every page may use, declared with data- attributes: the Content-Security-Policy allows no inline
// script or event handler (onchange=, hx-on …). Listeners sit on the document, so HTMX-swapped content works too.
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (!(el instanceof HTMLElement)) { return; }
    // <select data-submit-on-change>: choosing submits its form (filters, the active OPD).
    if (el.hasAttribute("data-submit-on-change") && el.form) { el.form.submit(); }
    // <select data-navigate-on-change>: each option's value is the address to open.
    if (el.hasAttribute("data-navigate-on-change") && el.value) { window.location.assign(el.value); }
  });

  document.addEventListener("click", function (event) {
    var el = event.target;
    if (!(el instanceof HTMLElement)) { return; }
    // <input type="checkbox" data-check-all="item">: (un)ticks every checkbox named "item".
    var name = el.getAttribute("data-check-all");
    if (name) {
      document.querySelectorAll('input[type="checkbox"][name="' + CSS.escape(name) + '"]').forEach(function (box) {
        box.checked = el.checked;
      });
    }
    // <button data-formset-add="prefix" data-formset-template="#id" data-formset-rows="#tbody">: adds a
    // Django formset form from its empty template.
    var add = el.closest("[data-formset-add]");
    if (add) {
      var prefix = add.getAttribute("data-formset-add");
      var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      var template = document.querySelector(add.getAttribute("data-formset-template"));
      var rows = document.querySelector(add.getAttribute("data-formset-rows"));
      if (total && template && rows) {
        rows.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__prefix__/g, total.value));
        total.value = parseInt(total.value, 10) + 1;
      }
    }
  });

  // Looks computed per row, without a style attribute (the CSP allows none), set through the CSSOM:
  // data-depth="N" deeper than the classes in sakip.css go (.indent, .pohon-node), and a legend swatch's
  // colours, <span data-swatch-fill="#…" data-swatch-stroke="#…">.
  var CSS_DEPTHS = 12;
  function applyStyles(root) {
    var found = Array.prototype.slice.call(root.querySelectorAll("[data-depth], [data-swatch-fill], [data-swatch-stroke]"));
    if (root.matches && root.matches("[data-depth], [data-swatch-fill], [data-swatch-stroke]")) { found.push(root); }
    found.forEach(function (el) {
      var depth = parseInt(el.getAttribute("data-depth"), 10);
      if (depth > CSS_DEPTHS) { el.style.setProperty("--depth", String(depth)); }
      if (el.hasAttribute("data-swatch-fill")) { el.style.backgroundColor = el.getAttribute("data-swatch-fill"); }
      if (el.hasAttribute("data-swatch-stroke")) { el.style.borderColor = el.getAttribute("data-swatch-stroke"); }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { applyStyles(document); });
  } else {
    applyStyles(document);
  }
  // Content HTMX swaps in.
  document.addEventListener("htmx:load", function (event) {
    if (event.target instanceof Element) { applyStyles(event.target); }
  });

  // <form data-upload-progress="#progress">: an HTMX upload moves that <progress> bar.
  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = event.target instanceof Element ? event.target.closest("[data-upload-progress]") : null;
    var bar = form ? document.querySelector(form.getAttribute("data-upload-progress")) : null;
    if (bar && event.detail.total) { bar.value = event.detail.loaded / event.detail.total * 100; }
  });
})();
