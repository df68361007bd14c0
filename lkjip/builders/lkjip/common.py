"""What the chapters of the LKjIP share: cell formats, yearly realisasi, the head's PK, rows per sasaran."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.utils.html import escape
from django.utils.translation import gettext as _

from kinerja import capaian as engine
from kinerja.models import PerjanjianKinerja, Realisasi
from kinerja.realisasi.lembar import nilai_tahunan
from sakip.lib.periode import roman_numeral
from sakip.lib.tabel import Sel, Tabel, persen
from sakip.lib.values import format_value

ZERO = Decimal(0)


def nomor_program(i: int) -> str:
    """Programs are numbered I…XV, then 16, 17, … (index from 0)."""
    return roman_numeral(i + 1) if i < 15 else str(i + 1)


def hasil(h: engine.Hasil) -> Sel:
    return persen(h.nilai) if h.nilai is not None else Sel("–")


def nilai_shown(nilai: engine.Nilai) -> str:
    """A yearly realisasi as printed (a predikat with its text)."""
    return format_value(nilai.nilai, nilai.teks if nilai.predikat or nilai.nilai is None else "")


def esc(text: str) -> str:
    return escape(text)


def pk_kepala(opd, tahun):
    return (
        PerjanjianKinerja.objects.filter(opd=opd, tahun=tahun, jabatan__atasan__isnull=True)
        .select_related("opd__pemda")
        .latest_signed()
    )


def realisasi_tahun(ids: list[int], years: list[int], sheet) -> dict[tuple[int, int], engine.Nilai]:
    """The yearly realisasi of some indicators over some years (one query)."""
    agregasi = {r.indikator.pk: r.indikator.agregasi for r in sheet.rows}
    quarters: dict[tuple[int, int], list] = defaultdict(lambda: [None] * 4)
    for ind_id, y, q, nilai, teks in Realisasi.objects.filter(indikator_id__in=ids, tahun__in=years).values_list(
        "indikator_id", "tahun", "triwulan", "nilai", "teks"
    ):
        quarters[(ind_id, y)][q - 1] = engine.Nilai(nilai, teks)
    return {key: nilai_tahunan(values, agregasi.get(key[0], "")) for key, values in quarters.items()}


def iku_per_sasaran(iku) -> dict[int, list]:
    """The IKU rows under each sasaran (by the sasaran's elemen id)."""
    by_sasaran = defaultdict(list)
    for r in iku:
        by_sasaran[r.node.elemen.pk].append(r)
    return by_sasaran


def baris_sasaran(t: Tabel, numbered, cells_for) -> None:
    """One row per IKU of each numbered sasaran (a row saying there is none for a sasaran without IKU):
    number, sasaran, indicator, then ``cells_for(node, row, first)``."""
    for i, node, rows in numbered:
        for j, r in enumerate(rows or [None]):
            first = j == 0
            t.add_row(
                str(i) if first else "",
                node.elemen.nama if first else "",
                r.indikator.uraian if r else _("(belum ada IKU)"),
                *cells_for(node, r, first),
            )
