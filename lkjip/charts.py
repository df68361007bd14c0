"""Charts for the printed documents, drawn as SVG from the same numbers as the tables and dashboards."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape

from sakip.lib.numbers import format_number
from sakip.lib.periode import romawi


def _f(x) -> str:
    return f"{x:.1f}"


def target_realisasi(judul: str, years: list[int], target: list, realisasi: list, satuan: str = "") -> str:
    """Paired bars per year (target grey, realisasi blue) with the values printed above them."""
    values = [v for v in target + realisasi if v is not None]
    if not values:
        return ""
    width, height, left, bottom, top_pad = 440, 170, 36, 24, 26
    top = max([*values, Decimal(1)]) * Decimal("1.15")
    plot_h = Decimal(height - bottom - top_pad)
    slot = Decimal(width - left - 8) / max(len(years), 1)
    bar = slot * Decimal("0.3")
    parts = [
        f'<text x="{width / 2}" y="13" text-anchor="middle" class="t">{escape(judul)}</text>',
        f'<line x1="{left}" x2="{width - 4}" y1="{height - bottom}" y2="{height - bottom}" class="axis"/>',
    ]
    for i, year in enumerate(years):
        x0 = left + slot * i + (slot - 2 * bar) / 2
        for j, (value, cls) in enumerate(((target[i], "tg"), (realisasi[i], "rl"))):
            if value is None:
                continue
            h = plot_h * Decimal(value) / top if value > 0 else Decimal(0)
            x = x0 + bar * j
            y = Decimal(height - bottom) - h
            parts.append(f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(bar - 2)}" height="{_f(h)}" class="{cls}"/>')
            parts.append(
                f'<text x="{_f(x + bar / 2)}" y="{_f(y - 3)}" text-anchor="middle" class="v">'
                f"{escape(format_number(value, 2, strip_zeros=True))}</text>"
            )
        parts.append(
            f'<text x="{_f(left + slot * i + slot / 2)}" y="{height - 8}" text-anchor="middle" class="x">{year}</text>'
        )
    legend_y = height - 8
    parts.append(f'<rect x="4" y="{legend_y - 22}" width="8" height="8" class="tg"/>')
    parts.append(f'<text x="14" y="{legend_y - 15}" class="l">Target</text>')
    parts.append(f'<rect x="4" y="{legend_y - 10}" width="8" height="8" class="rl"/>')
    parts.append(f'<text x="14" y="{legend_y - 3}" class="l">Real.</text>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'class="grafik" role="img" aria-label="{escape(judul)}">'
        "<style>.t{font:bold 10px sans-serif}.v{font:7.5px sans-serif}.x,.l{font:8.5px sans-serif}"
        ".axis{stroke:#444;stroke-width:.8}.tg{fill:#b9c3cf}.rl{fill:#1f5f99}</style>" + "".join(parts) + "</svg>"
    )


def serapan(judul: str, realisasi: list, anggaran: Decimal) -> str:
    """Cumulative absorption per triwulan as % of the budget: bars with their percentage."""
    if not anggaran:
        return ""
    width, height, bottom = 440, 150, 22
    plot_h = Decimal(height - bottom - 30)
    running, parts = Decimal(0), [f'<text x="{width / 2}" y="13" text-anchor="middle" class="t">{escape(judul)}</text>']
    slot = Decimal(width - 20) / 4
    for i, value in enumerate(realisasi):
        x = 10 + slot * i + slot * Decimal("0.25")
        if value is not None:
            running += Decimal(value)
            pct = running / Decimal(anggaran) * 100
            h = plot_h * min(pct, Decimal(100)) / 100
            y = Decimal(height - bottom) - h
            parts.append(f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(slot / 2)}" height="{_f(h)}" class="rl"/>')
            parts.append(
                f'<text x="{_f(x + slot / 4)}" y="{_f(y - 3)}" text-anchor="middle" class="v">'
                f"{escape(format_number(pct, 2))} %</text>"
            )
        tw = romawi(i + 1)
        parts.append(f'<text x="{_f(x + slot / 4)}" y="{height - 7}" text-anchor="middle" class="x">TW {tw}</text>')
    parts.append(f'<line x1="6" x2="{width - 6}" y1="{height - bottom}" y2="{height - bottom}" class="axis"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'class="grafik" role="img" aria-label="{escape(judul)}">'
        "<style>.t{font:bold 10px sans-serif}.v{font:8px sans-serif}.x{font:8.5px sans-serif}"
        ".axis{stroke:#444;stroke-width:.8}.rl{fill:#1f5f99}</style>" + "".join(parts) + "</svg>"
    )
