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
  // Work under way shows itself, and is not asked for twice. A form's submit buttons are disabled while the
  // server works and the one pressed says what happens (a spinner and data-busy-text, else "Sedang
  // diproses…"); a link to a PDF (or any <a data-busy-text>) does the same until the file arrives. An HTMX
  // form gets its buttons back when its answer is in; a page left and reopened with Back gets them back too.
  var BUSY_DEFAULT = "Sedang diproses…";
  var PDF_BUSY = "Menyiapkan PDF, mohon tunggu…";
  function markBusy(el, text) {
    if (!el || el.classList.contains("is-busy")) { return; }
    el.setAttribute("data-busy-original", el.innerHTML);
    el.classList.add("is-busy");
    el.setAttribute("aria-busy", "true");
    var spinner = document.createElement("span");
    spinner.className = "spinner-border spinner-border-sm me-1";
    spinner.setAttribute("aria-hidden", "true");
    var label = document.createElement("span");
    label.setAttribute("role", "status");
    label.textContent = text;
    el.replaceChildren(spinner, label);
    if (el.tagName === "BUTTON" || el.tagName === "INPUT") { el.disabled = true; }
  }
  function unmarkBusy(el) {
    if (!el.classList.contains("is-busy")) { return; }
    el.innerHTML = el.getAttribute("data-busy-original") || el.innerHTML;
    el.removeAttribute("data-busy-original");
    el.classList.remove("is-busy");
    el.removeAttribute("aria-busy");
    if (el.tagName === "BUTTON" || el.tagName === "INPUT") { el.disabled = false; }
  }
  function submitButtons(form) {
    var inside = Array.prototype.slice.call(form.querySelectorAll("button:not([type=button]):not([type=reset]), input[type=submit]"));
    if (form.id) {
      inside = inside.concat(Array.prototype.slice.call(document.querySelectorAll('[form="' + CSS.escape(form.id) + '"]')));
    }
    return inside;
  }
  function busyForm(form, submitter) {
    var buttons = submitButtons(form);
    var chosen = submitter || buttons[0];
    var text = (chosen && chosen.getAttribute("data-busy-text")) || form.getAttribute("data-busy-text") || BUSY_DEFAULT;
    buttons.forEach(function (button) {
      if (button === chosen) { markBusy(button, text); }
      else { button.disabled = true; button.classList.add("is-busy-peer"); }
    });
  }
  function freeForm(form) {
    submitButtons(form).forEach(function (button) {
      unmarkBusy(button);
      if (button.classList.contains("is-busy-peer")) { button.disabled = false; button.classList.remove("is-busy-peer"); }
    });
    form.removeAttribute("data-submitted");
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented || form.hasAttribute("data-no-busy")) { return; }
    if (form.hasAttribute("hx-post") || form.hasAttribute("hx-get") || form.hasAttribute("hx-put")) { return; }
    if ((form.getAttribute("method") || "get").toLowerCase() !== "post" && !form.hasAttribute("data-busy-text")) { return; }
    if (form.getAttribute("target") === "_blank") { return; }
    if (form.hasAttribute("data-submitted")) { event.preventDefault(); return; }  // a second click
    form.setAttribute("data-submitted", "");
    var submitter = event.submitter || null;
    // After this turn: a button disabled now would leave its name and value out of what is sent.
    window.setTimeout(function () { busyForm(form, submitter); }, 0);
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    var el = event.detail && event.detail.elt;
    if (!(el instanceof HTMLFormElement) || el.hasAttribute("data-no-busy")) { return; }
    var trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
    busyForm(el, (trigger && trigger.submitter) || null);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var el = event.detail && event.detail.elt;
    if (el instanceof HTMLFormElement) { freeForm(el); }
  });
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || link.target === "_blank" || link.hasAttribute("download")) { return; }
    var path = link.pathname || "";
    var isPdf = /\/pdf\/?$|\.pdf$/.test(path);
    if (!isPdf && !link.hasAttribute("data-busy-text")) { return; }
    if (link.classList.contains("is-busy")) { event.preventDefault(); return; }
    markBusy(link, link.getAttribute("data-busy-text") || PDF_BUSY);
    // A file that is saved rather than shown leaves this page in place: the link comes back after a while.
    window.setTimeout(function () { unmarkBusy(link); }, 15000);
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitted]").forEach(freeForm);
    document.querySelectorAll("a.is-busy").forEach(unmarkBusy);
  });

  // <aside class="side-panel collapse" id="…" data-open-from="1600">: a side panel that folds (Bootstrap's
  // collapse, toggled by its button), open at first on a screen at least that wide; its state is kept for
  // the session and survives the HTMX swaps that redraw it.
  function panelKey(el) { return "sakip-panel:" + el.id; }
  function applyPanels(root) {
    var panels = Array.prototype.slice.call(root.querySelectorAll(".side-panel[id]"));
    if (root.matches && root.matches(".side-panel[id]")) { panels.push(root); }
    panels.forEach(function (panel) {
      var stored = null;
      try { stored = window.sessionStorage.getItem(panelKey(panel)); } catch (e) { stored = null; }
      var from = parseInt(panel.getAttribute("data-open-from") || "0", 10);
      var open = stored !== null ? stored === "1" : (from > 0 && window.innerWidth >= from);
      panel.classList.toggle("show", open);
      document.querySelectorAll('[data-bs-target="#' + CSS.escape(panel.id) + '"]').forEach(function (toggle) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        toggle.classList.toggle("collapsed", !open);
      });
    });
  }
  function rememberPanel(event) {
    var panel = event.target;
    if (panel instanceof Element && panel.matches(".side-panel[id]")) {
      try { window.sessionStorage.setItem(panelKey(panel), event.type === "shown.bs.collapse" ? "1" : "0"); } catch (e) { /* private mode */ }
    }
  }
  document.addEventListener("shown.bs.collapse", rememberPanel);
  document.addEventListener("hidden.bs.collapse", rememberPanel);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { applyPanels(document); });
  } else {
    applyPanels(document);
  }
  document.addEventListener("htmx:load", function (event) {
    if (event.target instanceof Element) { applyPanels(event.target); }
  });
})();
