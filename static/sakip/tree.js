// The Renstra tree: expand/collapse rows, the actions of each row, and the dialog HTMX fills with forms.
(function () {
  "use strict";
  var modalEl = document.getElementById("editor");
  var modal = modalEl ? bootstrap.Modal.getOrCreateInstance(modalEl) : null;
  var csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];

  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (modal && event.detail.target.id === "modal-body") {
      modal.show();
      var first = modalEl.querySelector("input:not([type=hidden]), textarea, select");
      if (first) { first.focus(); }
    }
  });
  document.body.addEventListener("sakip:saved", function () { if (modal) { modal.hide(); } });
  // A refused change (409) or a bad request still shows its message in the dialog.
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 409 || event.detail.xhr.status === 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Row actions: the URL patterns come once with the page (data-urls); the id is the nearest data-id.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-act]");
    var holder = document.querySelector("[data-urls]");
    if (!button || !holder || !holder.dataset.urls) { return; }
    var urls = JSON.parse(holder.dataset.urls), act = button.dataset.act;
    var owner = button.closest("[data-id]"), id = owner ? owner.dataset.id : "";
    var url;
    if (act === "create") {
      url = urls.create + "?level=" + encodeURIComponent(button.dataset.level) + (id ? "&parent=" + id : "");
    } else {
      url = urls[act].replace(urls.id, id);
    }
    if (/(^|-)(up|down)$/.test(act)) {
      htmx.ajax("POST", url, { target: "#plan-tree", headers: { "X-CSRFToken": csrf } });
    } else {
      htmx.ajax("GET", url, { target: "#modal-body" });
    }
  });

  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr[data-path]")); }

  function setCollapsed(row, collapsed) {
    var path = row.dataset.path + "/";
    var button = row.querySelector("[data-tree=toggle]");
    if (button) {
      button.setAttribute("aria-expanded", collapsed ? "false" : "true");
      button.querySelector("i").className = collapsed ? "bi bi-caret-right-fill" : "bi bi-caret-down-fill";
    }
    rows().forEach(function (other) {
      if (other.dataset.path.indexOf(path) === 0) {
        other.classList.toggle("collapsed-child", collapsed);
        var childButton = other.querySelector("[data-tree=toggle]");
        if (!collapsed && childButton) {
          childButton.setAttribute("aria-expanded", "true");
          childButton.querySelector("i").className = "bi bi-caret-down-fill";
        }
      }
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-tree]");
    if (!button) { return; }
    var action = button.dataset.tree;
    if (action === "toggle") {
      setCollapsed(button.closest("tr"), button.getAttribute("aria-expanded") === "true");
    } else if (action === "collapse-all" || action === "expand-all") {
      rows().forEach(function (row) {
        if (row.dataset.path.indexOf("/") === -1) { setCollapsed(row, action === "collapse-all"); }
      });
    }
  });
})();
