// Spreadsheet-like grids (targets, pagu): move with the keyboard, paste a block copied from Excel,
// save the changed cells; each invalid cell shows its message while the valid ones are saved. Each cell is
// sent with the value it had when loaded (its token): a cell someone else changed meanwhile is not saved but
// marked "Diubah oleh … pada … menjadi …"; saving it again overwrites theirs, Esc takes theirs.
(function () {
  "use strict";
  var table = document.querySelector("[data-grid]");
  if (!table) { return; }
  var saveUrl = table.dataset.saveUrl;
  var status = document.getElementById("grid-status");
  var saveButton = document.getElementById("grid-save");
  var csrf = document.querySelector("[name=csrfmiddlewaretoken]").value;

  // Cells carry only their value; row, column, id, column key and label are derived here once.
  (function index() {
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th[data-kolom]"));
    var rowIndex = 0;
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      var cells = tr.querySelectorAll("input");
      if (!cells.length) { return; }
      var rowHeader = tr.querySelector("th");
      if (rowHeader && !rowHeader.id) { rowHeader.id = "grid-r" + rowIndex; }
      cells.forEach(function (input, col) {
        var header = headers[col];
        if (!header.id) { header.id = "grid-k" + col; }
        input.dataset.row = rowIndex;
        input.dataset.col = col;
        input.dataset.id = tr.dataset.id;
        input.dataset.kolom = header.dataset.kolom;
        input.dataset.original = input.value;
        input.setAttribute("aria-labelledby", rowHeader.id + " " + header.id);
      });
      rowIndex += 1;
    });
  })();

  function inputs() { return Array.prototype.slice.call(table.querySelectorAll("input[data-row]")); }
  function at(row, col) { return table.querySelector('input[data-row="' + row + '"][data-col="' + col + '"]'); }
  // The next cell up or down, skipping the rows the filter box hides (saring.js).
  function vertical(p, step) {
    var row = p[0] + step, next = at(row, p[1]);
    while (next && next.closest("tr.saring-sembunyi")) { row += step; next = at(row, p[1]); }
    return next;
  }
  function pos(input) { return [parseInt(input.dataset.row, 10), parseInt(input.dataset.col, 10)]; }

  // A cell grows with its value (sakip.css reads --len, its width in digits: a separator is half a digit), so
  // no digit hides behind the cell's edge.
  function fit(input) {
    var narrow = (input.value.match(/[.,\s]/g) || []).length;
    input.style.setProperty("--len", String(input.value.length - narrow / 2));
  }
  table.querySelectorAll("input").forEach(fit);

  function markDirty(input) {
    fit(input);
    var cell = input.closest("td");
    cell.classList.remove("saved", "invalid", "warning");
    cell.querySelectorAll(".cell-error").forEach(function (note) { note.remove(); });
    cell.classList.toggle("dirty", input.value !== input.dataset.original);
    updateStatus();
    if (window.sakipGridChanged) { window.sakipGridChanged(input); }
  }

  function dirtyInputs() { return inputs().filter(function (i) { return i.value !== i.dataset.original; }); }

  function updateStatus(text) {
    var n = dirtyInputs().length;
    if (saveButton) { saveButton.disabled = n === 0; }
    if (status) { status.textContent = text || (n ? n + " sel belum disimpan" : ""); }
  }

  table.addEventListener("input", function (event) { if (event.target.dataset.row) { markDirty(event.target); } });

  table.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.dataset || !input.dataset.row) { return; }
    var p = pos(input), next = null;
    if (event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey)) { next = vertical(p, 1); }
    else if (event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey)) { next = vertical(p, -1); }
    else if (event.key === "ArrowRight" && input.selectionStart === input.value.length) { next = at(p[0], p[1] + 1); }
    else if (event.key === "ArrowLeft" && input.selectionStart === 0) { next = at(p[0], p[1] - 1); }
    else if (event.key === "s" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); save(); return; }
    else if (event.key === "Escape") { input.value = input.dataset.original; markDirty(input); return; }
    if (next) { event.preventDefault(); next.focus(); next.select(); }
  });

  table.addEventListener("paste", function (event) {
    var input = event.target;
    if (!input.dataset || !input.dataset.row) { return; }
    var text = (event.clipboardData || window.clipboardData).getData("text");
    if (text.indexOf("\t") === -1 && text.indexOf("\n") === -1) { return; }  // a single value: paste normally
    event.preventDefault();
    var lines = text.replace(/\r/g, "").replace(/\n$/, "").split("\n");
    var p = pos(input);
    lines.forEach(function (line, i) {
      line.split("\t").forEach(function (value, j) {
        var target = at(p[0] + i, p[1] + j);
        if (target && !target.readOnly) { target.value = value.trim(); markDirty(target); }
      });
    });
  });

  function save() {
    var dirty = dirtyInputs();
    if (!dirty.length) { return; }
    var cells = dirty.map(function (input) {
      var cell = { kolom: input.dataset.kolom, value: input.value, token: input.dataset.original };
      if (input.dataset.confirmed === input.value) { cell.konfirmasi = true; }
      cell[table.dataset.key] = input.dataset.id;
      return cell;
    });
    updateStatus("Menyimpan…");
    fetch(saveUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ cells: cells }),
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (!result.ok) { updateStatus(result.data.error || "Gagal menyimpan."); return; }
      var saved = 0, failed = 0, asked = 0, conflicts = result.data.conflicts || {}, warnings = result.data.warnings || {};
      dirty.forEach(function (input) {
        var key = input.dataset.id + ":" + input.dataset.kolom, cell = input.closest("td");
        cell.classList.remove("dirty", "warning", "invalid", "conflict");
        cell.querySelectorAll(".cell-error").forEach(function (old) { old.remove(); });
        if (key in conflicts) {
          failed += 1;
          input.dataset.original = conflicts[key].nilai;  // theirs: Esc takes it, saving again overwrites it
          cell.classList.add("invalid", "conflict", "dirty");
          var note = document.createElement("span");
          note.className = "cell-error";
          note.setAttribute("role", "alert");
          note.textContent = conflicts[key].pesan;
          cell.appendChild(note);
          input.setAttribute("aria-invalid", "true");
          input.title = conflicts[key].pesan;
        } else if (key in result.data.errors) {
          failed += 1;
          cell.classList.add("invalid");
          var message = document.createElement("span");
          message.className = "cell-error";
          message.textContent = result.data.errors[key];
          cell.appendChild(message);
          input.setAttribute("aria-invalid", "true");
          input.title = result.data.errors[key];
        } else if (key in warnings && !(key in result.data.saved)) {
          // Plausible? The cell waits for the user: "Simpan juga" sends it again, confirmed.
          asked += 1;
          cell.classList.add("warning", "dirty");
          var ask = document.createElement("span");
          ask.className = "cell-error cell-warning";
          ask.setAttribute("role", "alert");
          ask.textContent = warnings[key] + " ";
          var confirm = document.createElement("button");
          confirm.type = "button";
          confirm.className = "btn btn-sm btn-warning py-0";
          confirm.textContent = "Simpan juga";
          confirm.addEventListener("click", function () { input.dataset.confirmed = input.value; save(); });
          ask.appendChild(confirm);
          cell.appendChild(ask);
          input.title = warnings[key];
        } else if (key in result.data.saved) {
          saved += 1;
          input.value = result.data.saved[key];
          fit(input);
          input.dataset.original = input.value;
          input.removeAttribute("aria-invalid");
          input.title = "";
          cell.classList.add("saved");
          delete input.dataset.confirmed;
          if (key in warnings) {  // said, and saved (a Rupiah amount rounded to whole rupiah)
            var note = document.createElement("span");
            note.className = "cell-error cell-note";
            note.textContent = warnings[key];
            cell.appendChild(note);
          }
        }
      });
      // The rows' computed columns as saved (a realisasi's year value and capaian; a budget's sums and penyerapan).
      var rows = result.data.rows || {};
      Object.keys(rows).forEach(function (id) {
        var tr = table.querySelector('tr[data-id="' + CSS.escape(id) + '"]');  // tfoot too: the Jumlah row
        if (!tr) { return; }
        Object.keys(rows[id]).forEach(function (name) {
          var cell = tr.querySelector('[data-derived="' + name + '"]');
          if (cell) { cell.textContent = rows[id][name]; }
        });
        var kat = tr.querySelector('[data-derived="capaian"]');
        if (kat && rows[id].kategori) { kat.className = "kat " + rows[id].kategori; }
      });
      // Totals follow what was saved: a rejected cell counts with its stored value (grid-rejected marks it).
      if (window.sakipGridChanged) { window.sakipGridChanged(); }
      updateStatus(saved + " sel tersimpan" + (failed ? ", " + failed + " sel perlu diperbaiki" : "") +
        (asked ? ", " + asked + " sel perlu dikonfirmasi" : "") + ".");
    }).catch(function () { updateStatus("Gagal menyimpan: periksa sambungan."); });
  }
  if (saveButton) { saveButton.addEventListener("click", save); }
  window.addEventListener("beforeunload", function (event) {
    if (dirtyInputs().length) { event.preventDefault(); event.returnValue = ""; }
  });
  updateStatus();
})();
