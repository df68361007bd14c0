// The pohon kinerja diagram: pan (drag), zoom (wheel, buttons) by changing the SVG's viewBox, and a PNG
// download drawn from the same SVG on a canvas. The drawing itself comes from the server (pohon/diagram.py).
(function () {
  "use strict";
  var holder = document.getElementById("pohon-kanvas");
  if (!holder) { return; }
  var svg = holder.querySelector("svg");
  if (!svg) { return; }
  var full = svg.getAttribute("viewBox").split(" ").map(Number);
  var view = full.slice();
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.style.width = "100%";
  svg.style.height = "100%";

  function apply() { svg.setAttribute("viewBox", view.join(" ")); }

  function fit() {
    // The whole tree, keeping the box proportions of the canvas.
    var ratio = holder.clientWidth / holder.clientHeight;
    var w = full[2], h = full[3];
    if (w / h > ratio) { h = w / ratio; } else { w = h * ratio; }
    view = [full[0] - (w - full[2]) / 2, full[1], w, h];
    apply();
  }

  function zoom(factor, cx, cy) {
    // Zoom around the point (cx, cy) of the canvas, in 0..1 of its size.
    var nw = view[2] * factor, nh = view[3] * factor;
    if (nw < 150 || nw > full[2] * 6) { return; }
    view = [view[0] + (view[2] - nw) * cx, view[1] + (view[3] - nh) * cy, nw, nh];
    apply();
  }

  holder.addEventListener("wheel", function (event) {
    event.preventDefault();
    var rect = holder.getBoundingClientRect();
    zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, (event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height);
  }, { passive: false });

  var drag = null;
  holder.addEventListener("pointerdown", function (event) {
    drag = { x: event.clientX, y: event.clientY, view: view.slice() };
    holder.setPointerCapture(event.pointerId);
    holder.classList.add("dragging");
  });
  holder.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    var scale = view[2] / holder.clientWidth;
    view = [drag.view[0] - (event.clientX - drag.x) * scale, drag.view[1] - (event.clientY - drag.y) * scale, view[2], view[3]];
    apply();
  });
  ["pointerup", "pointercancel"].forEach(function (name) {
    holder.addEventListener(name, function () { drag = null; holder.classList.remove("dragging"); });
  });

  document.querySelectorAll("[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var act = button.dataset.zoom;
      if (act === "fit") { fit(); } else { zoom(act === "in" ? 1 / 1.3 : 1.3, 0.5, 0.5); }
    });
  });

  var png = document.querySelector("[data-unduh-png]");
  if (png) {
    png.addEventListener("click", function () {
      // Draw the whole tree at twice its natural size on a white canvas.
      var clone = svg.cloneNode(true);
      clone.setAttribute("viewBox", full.join(" "));
      clone.setAttribute("width", full[2] * 2);
      clone.setAttribute("height", full[3] * 2);
      var data = new XMLSerializer().serializeToString(clone);
      var image = new Image();
      image.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = full[2] * 2;
        canvas.height = full[3] * 2;
        var ctx = canvas.getContext("2d");
        ctx.fillStyle = "#fff";
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(image, 0, 0);
        var link = document.createElement("a");
        link.download = "pohon-kinerja-" + png.dataset.unduhPng + ".png";
        link.href = canvas.toDataURL("image/png");
        document.body.appendChild(link);
        link.click();
        link.remove();
      };
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(data);
    });
  }
  fit();
})();
