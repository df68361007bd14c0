// Filter as you type (issue 17): <input data-saring="#table-selector"> hides the rows of that table's <tbody>
// whose text lacks one of the words typed (any order, case and accents ignored). In a tree (rows with
// data-path="1/5/9", as in the plan tree and the pagu grid) the ancestors of a matching row stay visible, and
// rows a collapsed branch hides are shown while they match. The table may be swapped by HTMX: the filter
// applies again after each swap. No inline script (CSP): loaded with <script src defer>.
(function () {
  "use strict";

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function apply(input) {
    var table = document.querySelector(input.getAttribute("data-saring"));
    if (!table) { return; }
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody > tr"));
    var byPath = {};
    rows.forEach(function (row) { if (row.dataset.path) { byPath[row.dataset.path] = row; } });
    var keep = new Set();
    var matched = 0;
    rows.forEach(function (row) {
      if (!words.length) { return; }
      var text = fold(row.textContent);
      if (!words.every(function (w) { return text.indexOf(w) !== -1; })) { return; }
      matched += 1;
      keep.add(row);
      if (row.dataset.path) {
        var parts = row.dataset.path.split("/");
        for (var i = 1; i < parts.length; i++) {
          var ancestor = byPath[parts.slice(0, i).join("/")];
          if (ancestor) { keep.add(ancestor); }
        }
      }
    });
    rows.forEach(function (row) {
      row.classList.toggle("saring-sembunyi", words.length > 0 && !keep.has(row));
    });
    table.classList.toggle("saring-aktif", words.length > 0);
    var status = document.querySelector(input.getAttribute("data-saring-status") || "#saring-status");
    if (status) {
      status.textContent = words.length ? (input.getAttribute("data-saring-jumlah") || "%n cocok").replace("%n", String(matched)) : "";
    }
  }

  var timer = null;
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute("data-saring")) { return; }
    clearTimeout(timer);
    timer = setTimeout(function () { apply(input); }, 80);
  });
  // Esc empties the box and shows every row again.
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (event.key === "Escape" && input instanceof HTMLInputElement && input.hasAttribute("data-saring")) {
      input.value = "";
      apply(input);
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    document.querySelectorAll("input[data-saring]").forEach(function (input) { if (input.value) { apply(input); } });
  });
})();
