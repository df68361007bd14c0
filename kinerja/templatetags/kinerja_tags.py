"""Charts drawn on the server as small inline SVG (no JavaScript library, works offline and in print)."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.html import format_html, format_html_join

from kinerja.models import BelanjaOPD
from sakip.lib.numbers import format_number
from sakip.lib.periode import romawi as _romawi

register = template.Library()


def _f(x) -> str:
    return f"{x:.1f}"


def _join(parts):
    return format_html_join("", "{}", ((p,) for p in parts))


KATEGORI_KELAS = {
    "Sangat Tinggi": "kat-sangat-tinggi",
    "Tinggi": "kat-tinggi",
    "Sedang": "kat-sedang",
    "Rendah": "kat-rendah",
    "Sangat Rendah": "kat-sangat-rendah",
}


@register.filter
def kategori_kelas(label: str) -> str:
    return KATEGORI_KELAS.get(label, "kat-kosong")


@register.simple_tag
def grafik_batang(values, labels, *, label="", reference=None, width=180, height=60):
    """Bars of ``values`` (None: no bar), an optional dashed reference line, each bar titled with its value."""
    numbers = [Decimal(v) if v is not None else None for v in values]
    top = max([n for n in numbers if n is not None] + [Decimal(reference or 0), Decimal(1)])
    n = max(len(numbers), 1)
    slot = Decimal(width) / n
    bar_w = slot * Decimal("0.6")
    plot_h = Decimal(height - 14)
    bars = []
    for i, (value, text) in enumerate(zip(numbers, labels, strict=True)):
        x = slot * i + (slot - bar_w) / 2
        if value is not None:
            h = max(Decimal(1), plot_h * value / top) if value > 0 else Decimal(0)
            bars.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" class="bar"><title>{}: {}</title></rect>',
                    f"{x:.1f}",
                    f"{plot_h - h:.1f}",
                    f"{bar_w:.1f}",
                    f"{h:.1f}",
                    text,
                    format_number(value, 2),
                )
            )
        bars.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" class="axis">{}</text>',
                f"{x + bar_w / 2:.1f}",
                height - 2,
                text,
            )
        )
    if reference:
        y = plot_h - plot_h * Decimal(reference) / top
        bars.append(format_html('<line x1="0" x2="{}" y1="{}" y2="{}" class="ref"/>', width, _f(y), _f(y)))
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="{}">{}</svg>',
        width, height, width, height, label, _join(bars),
    )  # fmt: skip


@register.simple_tag
def grafik_serapan(realisasi, rencana, anggaran, *, width=360, height=120):
    """Cumulative spending per triwulan (bars) against the plan (line), as % of the budget."""
    budget = Decimal(anggaran or 0)
    if budget <= 0:
        return ""
    running, actual = Decimal(0), []
    for value in realisasi:
        running += Decimal(value or 0)
        actual.append(running / budget * 100 if value is not None else None)
    planned = [Decimal(v) / budget * 100 for v in rencana] if any(rencana) else []
    plot_h, slot = Decimal(height - 16), Decimal(width) / 4
    items = []
    for i, pct in enumerate(actual):
        x = slot * i + slot * Decimal("0.2")
        if pct is not None:
            h = plot_h * min(pct, Decimal(100)) / 100
            items.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" class="bar"><title>TW {}: {} %</title></rect>',
                    _f(x),
                    _f(plot_h - h),
                    _f(slot * Decimal("0.6")),
                    _f(h),
                    _romawi(i + 1),
                    format_number(pct, 2),
                )
            )
        items.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" class="axis">TW {}</text>',
                _f(x + slot * Decimal("0.3")),
                height - 3,
                _romawi(i + 1),
            )
        )
    if planned:
        points = " ".join(
            f"{slot * i + slot / 2:.1f},{plot_h - plot_h * min(p, Decimal(100)) / 100:.1f}"
            for i, p in enumerate(planned)
        )
        items.append(format_html('<polyline points="{}" class="plan"><title>Rencana</title></polyline>', points))
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="100%" height="{}" role="img" '
        'aria-label="Serapan anggaran kumulatif">{}</svg>',
        width, height, height, _join(items),
    )  # fmt: skip


@register.filter
def persen(hasil) -> str:
    """A Hasil as "98,38 %", or "–"."""
    if hasil is None:
        return "–"
    return hasil.tampil() if hasil.nilai is not None else "–"


@register.filter
def belanja_total(rows):
    """The Jumlah line of a jenis belanja table (an unsaved BelanjaOPD, so it formats like the rows)."""
    return BelanjaOPD(anggaran=sum(r.anggaran for r in rows), realisasi=sum(r.realisasi for r in rows))


@register.filter
def romawi(q) -> str:
    """A triwulan number as people write it: 1 → I."""
    return _romawi(q)


@register.filter
def romawi_list(quarters) -> str:
    return ", ".join(_romawi(q) for q in quarters)
