// The nomenclature picker of the plan editor (renstra/_nomenklatur_picker.html): the search box asks the server
// for matching entries as you type (HTMX); picking one keeps its id in the hidden input and fills the form's
// kode and uraian; "Hapus pilihan" clears the choice. Delegated listeners: the form arrives in a dialog by HTMX.
(function () {
  "use strict";

  function choose(picker, id, label) {
    picker.querySelector("[data-nomenklatur-id]").value = id;
    var shown = picker.querySelector("[data-nomenklatur-terpilih]");
    shown.textContent = "";
    if (!id) { return; }
    var badge = document.createElement("span");
    badge.className = "badge text-bg-light border text-wrap text-start";
    badge.textContent = label;
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "btn btn-link btn-sm p-0 ms-1";
    clear.setAttribute("data-nomenklatur-hapus", "");
    clear.textContent = picker.getAttribute("data-hapus-label") || "Hapus pilihan";
    shown.append(badge, clear);
  }

  function fill(form, name, value) {
    var field = form ? form.querySelector('[name="' + name + '"]') : null;
    if (field) { field.value = value; field.dispatchEvent(new Event("input", { bubbles: true })); }
  }

  document.addEventListener("click", function (event) {
    var el = event.target instanceof Element ? event.target : null;
    if (!el) { return; }
    var pick = el.closest("[data-nomenklatur-pick]");
    var picker = el.closest("[data-nomenklatur-picker]");
    if (pick && picker) {
      choose(picker, pick.dataset.id, pick.dataset.label);
      var form = picker.closest("form");
      fill(form, "kode", pick.dataset.kode);
      fill(form, "nama", pick.dataset.nama);
      picker.querySelector(".nomenklatur-hasil").textContent = "";
      var search = picker.querySelector('input[type="search"]');
      if (search) { search.value = ""; }
    } else if (el.closest("[data-nomenklatur-hapus]") && picker) {
      choose(picker, "", "");
    }
  });

  // Arrow down from the search box moves into the list; up from the first entry goes back.
  document.addEventListener("keydown", function (event) {
    var el = event.target instanceof Element ? event.target : null;
    var picker = el ? el.closest("[data-nomenklatur-picker]") : null;
    if (!picker || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) { return; }
    var items = Array.prototype.slice.call(picker.querySelectorAll("[data-nomenklatur-pick]"));
    var search = picker.querySelector('input[type="search"]');
    var at = items.indexOf(el);
    var next = event.key === "ArrowDown" ? (el === search ? items[0] : items[at + 1]) : (at <= 0 ? search : items[at - 1]);
    if (next) { event.preventDefault(); next.focus(); }
  });
})();
