"""The pohon kinerja on paper (WeasyPrint) and in Excel: the diagram pages, the stage-4 table, or both."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from lkjip.tables import workbook
from pohon import diagram
from pohon.services import Pohon, tabel_tahap4
from sakip.pdf import data_uri

KERTAS = {"A3": (420, 297), "A4": (297, 210)}  # landscape, mm
MARGIN_MM = 10
HEADER_MM = 17
LEGEND_MM = 9
PX_PER_MM = 96 / 25.4


def area_gambar(kertas: str) -> tuple[float, float]:
    """The drawing area of a landscape page, in CSS px."""
    w, h = KERTAS[kertas]
    return (w - 2 * MARGIN_MM) * PX_PER_MM, (h - 2 * MARGIN_MM - HEADER_MM - LEGEND_MM - 3) * PX_PER_MM


def html(tree: Pohon, *, kertas: str = "A3", bagian: str = "semua") -> str:
    with translation.override("id"):
        pages = diagram.halaman(tree, *area_gambar(kertas)) if bagian in ("semua", "diagram") else []
        tabel = tabel_tahap4(tree) if bagian in ("semua", "tabel") else None
        w, h = KERTAS[kertas]
        pohon = tree.pohon
        return render_to_string(
            "pohon/cetak.html",
            {
                "pohon": pohon,
                "pages": pages,
                "tabel": tabel,
                "paper": f"{w}mm {h}mm",
                "margin": f"{MARGIN_MM}mm",
                "header_mm": HEADER_MM,
                "legend_mm": LEGEND_MM,
                "gambar_mm": h - 2 * MARGIN_MM - HEADER_MM - LEGEND_MM - 1,
                "legenda": diagram.legenda(),
                "lintas": diagram.LINTAS,
                "logo": data_uri(pohon.opd.pemda.logo) or data_uri(pohon.opd.logo),
                "dicetak": timezone.localdate(),
            },
        )


def pdf(tree: Pohon, *, kertas: str = "A3", bagian: str = "semua") -> bytes:
    return HTML(string=html(tree, kertas=kertas, bagian=bagian), base_url=str(settings.BASE_DIR)).write_pdf()


def xlsx(tree: Pohon) -> bytes:
    with translation.override("id"):
        return workbook([tabel_tahap4(tree)], str(tree.pohon))
