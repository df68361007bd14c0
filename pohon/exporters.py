"""The pohon kinerja on paper (WeasyPrint) and in Excel: the diagram pages, the stage-4 table, or both."""

from __future__ import annotations

from django.utils import timezone, translation

from pohon import diagram
from pohon.services import Pohon, tabel_tahap2, tabel_tahap3, tabel_tahap4
from sakip.lib.pdf import data_uri, render_pdf
from sakip.lib.printing import paper_mm
from sakip.lib.tabel import workbook

MARGIN_MM = 10
HEADER_MM = 17
LEGEND_MM = 9
PX_PER_MM = 96 / 25.4


def drawing_area(kertas: str) -> tuple[float, float]:
    """The drawing area of a landscape page, in CSS px."""
    w, h = paper_mm(kertas, landscape=True)
    return (w - 2 * MARGIN_MM) * PX_PER_MM, (h - 2 * MARGIN_MM - HEADER_MM - LEGEND_MM - 3) * PX_PER_MM


def _context(tree: Pohon, kertas: str, bagian: str) -> dict:
    with translation.override("id"):
        pages = diagram.paginate(tree, *drawing_area(kertas)) if bagian in ("semua", "diagram") else []
        tabel = tabel_tahap4(tree) if bagian in ("semua", "tabel") else None
        tahap = bagian == "semua"
        _w, h = paper_mm(kertas, landscape=True)
        pohon = tree.pohon
        return {
            "pohon": pohon,
            "pages": pages,
            "tabel": tabel,
            # Stages 1-3 of seed 002, before the tree they lead to.
            "tahap1": tree.roots if tahap else None,
            "tahap2": tabel_tahap2(tree) if tahap else [],
            "tahap3": tabel_tahap3(tree) if tahap else None,
            "margin": f"{MARGIN_MM}mm",
            "header_mm": HEADER_MM,
            "legend_mm": LEGEND_MM,
            "gambar_mm": h - 2 * MARGIN_MM - HEADER_MM - LEGEND_MM - 1,
            "legenda": diagram.legend(),
            "lintas": diagram.LINTAS,
            "logo": data_uri(pohon.opd.pemda.logo) or data_uri(pohon.opd.logo),
            "dicetak": timezone.localdate(),
        }


def pdf(tree: Pohon, *, kertas: str = "A3", bagian: str = "semua") -> bytes:
    return render_pdf("pohon/pdf.html", _context(tree, kertas, bagian), paper=kertas, landscape=True)


def xlsx(tree: Pohon) -> bytes:
    with translation.override("id"):
        return workbook([tabel_tahap4(tree)], str(tree.pohon))
