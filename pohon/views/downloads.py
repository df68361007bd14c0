"""The tree on paper and in Excel: the diagram page, SVG, PDF, the stage-4 table and its xlsx."""

from __future__ import annotations

from django.shortcuts import render

from pohon import diagram, exporters, services
from pohon.views.common import filename, get_pohon
from sakip.lib import http
from sakip.lib.pdf import DIAGRAM_PAPERS


def pohon_diagram(request, pk: int):
    """The diagram: pan and zoom in the browser, downloads as SVG, PNG and PDF."""
    pohon = get_pohon(request, pk)
    tree = services.load(pohon)
    return render(
        request,
        "pohon/diagram.html",
        {"pohon": pohon, "svg": diagram.svg_pohon(tree).svg, "jumlah": len(tree.nodes), "legenda": diagram.legend()},
    )


def pohon_svg(request, pk: int):
    pohon = get_pohon(request, pk)
    content = diagram.svg_pohon(services.load(pohon)).svg
    response = http.download('<?xml version="1.0" encoding="UTF-8"?>\n' + content, filename(pohon, ".svg"), http.SVG)
    return response


def pohon_pdf(request, pk: int):
    pohon = get_pohon(request, pk)
    kertas = request.GET.get("kertas", "A3")
    kertas = kertas if kertas in DIAGRAM_PAPERS else "A3"
    bagian = request.GET.get("bagian", "semua")
    bagian = bagian if bagian in ("semua", "diagram", "tabel") else "semua"
    content = exporters.pdf(services.load(pohon), kertas=kertas, bagian=bagian)
    suffix = {"semua": "", "diagram": "-diagram", "tabel": "-tabel"}[bagian]
    response = http.download(content, filename(pohon, f"{suffix}-{kertas}.pdf"), http.PDF, inline=True)
    return response


def pohon_tabel(request, pk: int):
    """Seed 002's translation table (stage 4) as a page."""
    pohon = get_pohon(request, pk)
    tree = services.load(pohon)
    return render(request, "pohon/tabel.html", {"pohon": pohon, "tabel": services.tabel_tahap4(tree)})


def pohon_xlsx(request, pk: int):
    pohon = get_pohon(request, pk)
    response = http.download(exporters.xlsx(services.load(pohon)), filename(pohon, "-tahap4.xlsx"), http.XLSX)
    return response
