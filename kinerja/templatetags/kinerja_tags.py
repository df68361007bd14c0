"""Template helpers of the realisasi pages: kategori colours, percentages, numerals and the charts (drawn by
:mod:`sakip.lib.charts`)."""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from kinerja.capaian import kelas_kategori
from kinerja.models import BelanjaOPD
from sakip.lib import charts
from sakip.lib.periode import roman as _roman

register = template.Library()


@register.filter
def kategori_kelas(label: str) -> str:
    return kelas_kategori(label)


@register.simple_tag
def grafik_batang(values, labels, *, label="", reference=None, width=180, height=60):
    """Bars of ``values`` (None: no bar), an optional dashed reference line, each bar titled with its value."""
    svg = charts.bars(values, labels, label=label, reference=reference, width=width, height=height)
    return mark_safe(svg)  # noqa: S308 - sakip.lib.charts escapes every text it draws


@register.simple_tag
def grafik_serapan(realisasi, rencana, anggaran, *, width=360, height=120):
    """Cumulative spending per triwulan (bars) against the plan (line), as % of the budget."""
    svg = charts.serapan(
        realisasi,
        anggaran,
        rencana=rencana,
        judul=_("Serapan anggaran kumulatif"),
        width=width,
        height=height,
        style=charts.SCREEN,
    )
    return mark_safe(svg)  # noqa: S308 - sakip.lib.charts escapes every text it draws


@register.filter
def persen(hasil) -> str:
    """A Hasil as "98,38 %", or "–"."""
    if hasil is None:
        return "–"
    return hasil.shown() if hasil.nilai is not None else "–"


@register.filter
def belanja_total(rows):
    """The Jumlah line of a jenis belanja table (an unsaved BelanjaOPD, so it formats like the rows)."""
    return BelanjaOPD(anggaran=sum(r.anggaran for r in rows), realisasi=sum(r.realisasi for r in rows))


@register.filter
def roman(q) -> str:
    """A triwulan number as people write it: 1 → I."""
    return _roman(q)


@register.filter
def roman_list(quarters) -> str:
    return ", ".join(_roman(q) for q in quarters)
