// Pagu grid: kegiatan, program and plan totals follow what is typed in the sub kegiatan cells; after saving,
// what was saved (a refused cell counts with its stored value).
(function () {
  "use strict";
  // Indonesian or English digits as typed; the server is the authority, this is only a preview.
  function parse(text) {
    var t = (text || "").replace(/^\s*rp\.?\s*/i, "").replace(/\s+/g, "");
    if (!t || t === "-") { return 0; }
    var dots = (t.match(/\./g) || []).length, commas = (t.match(/,/g) || []).length;
    if (dots && commas) {
      t = t.lastIndexOf(",") > t.lastIndexOf(".") ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "");
    } else if (commas) {
      t = commas > 1 ? t.replace(/,/g, "") : t.replace(",", ".");
    } else if (dots > 1 || (dots === 1 && t.split(".")[1].length === 3)) {
      t = t.replace(/\./g, "");
    }
    var n = parseFloat(t);
    return isNaN(n) ? 0 : n;
  }
  function format(n) { return Math.round(n).toLocaleString("id-ID"); }

  function recompute() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-grid] tbody tr[data-path]"));
    var byPath = {}, grand = {}, grandAll = 0;
    rows.forEach(function (row) {
      var inputs = row.querySelectorAll("input[data-kolom]");
      if (!inputs.length) { return; }
      var rowTotal = 0;
      inputs.forEach(function (input) {
        // A cell the server refused counts with the value it still has (its original), not the refused text.
        var refused = input.closest("td").classList.contains("invalid");
        var v = parse(refused ? input.dataset.original : input.value), y = input.dataset.kolom;
        rowTotal += v;
        grand[y] = (grand[y] || 0) + v;
        grandAll += v;
        // add to every ancestor row
        var parts = row.dataset.path.split("/");
        for (var i = 1; i < parts.length; i++) {
          var key = parts.slice(0, i).join("/") + "|" + y;
          byPath[key] = (byPath[key] || 0) + v;
        }
      });
      row.querySelector("[data-total-row]").textContent = format(rowTotal);
    });
    rows.forEach(function (row) {
      var sums = row.querySelectorAll("[data-sum]");
      if (!sums.length) { return; }
      var total = 0;
      sums.forEach(function (cell) {
        var v = byPath[row.dataset.path + "|" + cell.dataset.sum] || 0;
        total += v;
        cell.textContent = format(v);
      });
      row.querySelector("[data-total-row]").textContent = format(total);
    });
    document.querySelectorAll("[data-grand]").forEach(function (cell) {
      var y = cell.dataset.grand;
      cell.textContent = format(y === "all" ? grandAll : (grand[y] || 0));
    });
  }
  window.sakipGridChanged = recompute;
})();
