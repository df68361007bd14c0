"""Charts drawn on the server as small SVG: data in, SVG text out (no JavaScript, works offline and in print).

The same drawing serves the pages (styled by ``static/sakip/sakip.css``, ``svg.chart``) and the printed
documents (the SVG carries its own ``<style>``: the PDF has no site stylesheet). The documents' charts are
part of a finalised document's fingerprint (``lkjip.isi``), so their output must stay byte for byte the
same, or every final document would read as changed since it was finalised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape

from sakip.lib.numbers import cumulative, format_number
from sakip.lib.periode import roman


def _f(x: Decimal | float) -> str:
    return f"{x:.1f}"


def serapan_kumulatif(
    realisasi: Sequence[Decimal | int | None], anggaran: Decimal | int | None
) -> list[Decimal | None]:
    """Spending to the end of each triwulan as % of the budget; None where the triwulan has no figure.

    ``[10, 20, None, 30]`` of 100 → ``[10, 30, None, 60]``. No budget: no percentages.
    """
    budget = Decimal(anggaran or 0)
    return [
        None if value is None or budget <= 0 else running / budget * 100
        for value, running in zip(realisasi, cumulative(realisasi), strict=True)
    ]


@dataclass(frozen=True)
class SerapanStyle:
    """The look of the absorption chart where it is shown: its CSS classes and margins.

    An empty class name leaves the part out: no ``value`` class shows each percentage as a hover title
    instead of printing it above the bar; no ``title`` or ``baseline`` class draws no title or axis line.
    """

    svg_class: str
    css: str  # the chart's own stylesheet; "" when the page's stylesheet styles it
    bar: str
    label: str
    value: str = ""
    title: str = ""
    baseline: str = ""
    plan: str = "plan"
    responsive: bool = False  # as wide as its box
    margin: int = 0  # left and right of the four quarters
    top: int = 0  # room above the 100 % line (title, printed values)
    bottom: int = 16  # room below the bars for the TW labels
    label_gap: int = 3  # the labels' baseline above the bottom edge
    bar_width: Decimal = Decimal("0.6")  # of a quarter's slot


# In the LKjIP (WeasyPrint): printed percentages, an axis line, its own styles.
PRINT = SerapanStyle(
    svg_class="grafik",
    css="<style>.t{font:bold 10px sans-serif}.v{font:8px sans-serif}.x{font:8.5px sans-serif}"
    ".axis{stroke:#444;stroke-width:.8}.rl{fill:#1f5f99}</style>",
    bar="rl",
    label="x",
    value="v",
    title="t",
    baseline="axis",
    margin=10,
    top=30,
    bottom=22,
    label_gap=7,
    bar_width=Decimal("0.5"),
)
# On the pages (sakip.css: svg.chart .bar, .axis, .plan): percentages on hover, as wide as the column.
SCREEN = SerapanStyle(svg_class="chart", css="", bar="bar", label="axis", responsive=True)


def serapan(
    realisasi: Sequence[Decimal | int | None],
    anggaran: Decimal | int | None,
    *,
    rencana: Sequence[Decimal | int | None] = (),
    judul: str = "",
    width: int = 440,
    height: int = 150,
    style: SerapanStyle = PRINT,
) -> str:
    """Cumulative spending per triwulan as % of the budget (bars, capped at 100 %) against the plan (line).

    ``realisasi``: spending in each triwulan (None: not reported); ``rencana``: the planned spending
    to the end of each triwulan, already cumulative as the rencana aksi sums it (no line when all zero).
    ``judul`` names the chart for screen readers and, with a ``title`` class, above it. No budget: "".
    """
    budget = Decimal(anggaran or 0)
    if budget <= 0:
        return ""
    base = Decimal(height - style.bottom)
    plot_h = base - style.top
    slot = Decimal(width - 2 * style.margin) / 4
    gap = (1 - style.bar_width) / 2
    parts = []
    if style.title:
        parts.append(f'<text x="{width / 2}" y="13" text-anchor="middle" class="{style.title}">{escape(judul)}</text>')
    for i, pct in enumerate(serapan_kumulatif(realisasi, budget)):
        x = style.margin + slot * i + slot * gap
        centre = x + slot * style.bar_width / 2
        if pct is not None:
            h = plot_h * min(pct, Decimal(100)) / 100
            y = base - h
            shown = f"{format_number(pct, 2)} %"
            bar = f'x="{_f(x)}" y="{_f(y)}" width="{_f(slot * style.bar_width)}" height="{_f(h)}" class="{style.bar}"'
            if style.value:
                parts.append(f"<rect {bar}/>")
                parts.append(
                    f'<text x="{_f(centre)}" y="{_f(y - 3)}" text-anchor="middle" class="{style.value}">'
                    f"{escape(shown)}</text>"
                )
            else:
                parts.append(f"<rect {bar}><title>TW {roman(i + 1)}: {escape(shown)}</title></rect>")
        parts.append(
            f'<text x="{_f(centre)}" y="{height - style.label_gap}" text-anchor="middle" class="{style.label}">'
            f"TW {roman(i + 1)}</text>"
        )
    if style.baseline:
        end = width - style.margin + 4
        parts.append(f'<line x1="{style.margin - 4}" x2="{end}" y1="{base}" y2="{base}" class="{style.baseline}"/>')
    if any(rencana):
        points = " ".join(
            f"{_f(style.margin + slot * i + slot / 2)},{_f(base - plot_h * min(pct, Decimal(100)) / 100)}"
            for i, pct in enumerate(Decimal(v or 0) / budget * 100 for v in rencana)
        )
        # Presentation attributes: the line shows where no stylesheet styles the class (a printed chart).
        parts.append(
            f'<polyline points="{points}" class="{style.plan}" fill="none" stroke="#fd7e14" stroke-width="2">'
            "<title>Rencana</title></polyline>"
        )
    size = f'width="100%" height="{height}"' if style.responsive else f'width="{width}" height="{height}"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" {size} '
        f'class="{style.svg_class}" role="img" aria-label="{escape(judul)}">' + style.css + "".join(parts) + "</svg>"
    )


def target_realisasi(
    judul: str, years: list[int], target: list[Decimal | None], realisasi: list[Decimal | None], satuan: str = ""
) -> str:
    """Paired bars per year (target grey, realisasi blue) with the values printed above them (the LKjIP)."""
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


def bars(
    values: Sequence[Decimal | int | None],
    labels: Sequence[object],
    *,
    label: str = "",
    reference: Decimal | int | None = None,
    width: int = 180,
    height: int = 60,
) -> str:
    """Bars of ``values`` (None: no bar) over their labels, an optional dashed reference line (sakip.css
    ``svg.chart``); each bar titled with its value."""
    numbers = [Decimal(v) if v is not None else None for v in values]
    top = max([n for n in numbers if n is not None] + [Decimal(reference or 0), Decimal(1)])
    slot = Decimal(width) / max(len(numbers), 1)
    bar_w = slot * Decimal("0.6")
    plot_h = Decimal(height - 14)
    parts = []
    for i, (value, text) in enumerate(zip(numbers, labels, strict=True)):
        x = slot * i + (slot - bar_w) / 2
        if value is not None:
            h = max(Decimal(1), plot_h * value / top) if value > 0 else Decimal(0)
            parts.append(
                f'<rect x="{_f(x)}" y="{_f(plot_h - h)}" width="{_f(bar_w)}" height="{_f(h)}" class="bar">'
                f"<title>{escape(text)}: {escape(format_number(value, 2))}</title></rect>"
            )
        parts.append(
            f'<text x="{_f(x + bar_w / 2)}" y="{height - 2}" text-anchor="middle" class="axis">{escape(text)}</text>'
        )
    if reference:
        y = plot_h - plot_h * Decimal(reference) / top
        parts.append(f'<line x1="0" x2="{width}" y1="{_f(y)}" y2="{_f(y)}" class="ref"/>')
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(label)}">' + "".join(parts) + "</svg>"
    )
