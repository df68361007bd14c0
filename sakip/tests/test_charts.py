"""The server-drawn charts: what a reader of the dashboard or the LKjIP sees in them."""

from __future__ import annotations

import re
from decimal import Decimal

from sakip.lib import charts

SPENT = [Decimal(100), Decimal(250), None, Decimal(400)]  # per triwulan; TW III not reported
BUDGET = Decimal(1000)


def _texts(svg: str, cls: str) -> list[str]:
    return re.findall(rf'<text [^>]*class="{cls}">([^<]*)</text>', svg)


def test_the_cumulative_series_ends_at_the_absorption_percentage():
    series = charts.serapan_kumulatif(SPENT, BUDGET)
    assert series == [Decimal(10), Decimal(35), None, Decimal(75)]
    assert series[-1] == sum(v for v in SPENT if v is not None) / BUDGET * 100
    assert charts.serapan_kumulatif(SPENT, 0) == [None] * 4


def test_printed_chart_labels_the_quarters_and_prints_the_cumulative_percentages():
    svg = charts.serapan(SPENT, BUDGET, judul="Serapan anggaran kumulatif 2024")
    assert _texts(svg, "x") == ["TW I", "TW II", "TW III", "TW IV"]
    assert _texts(svg, "v") == ["10,00 %", "35,00 %", "75,00 %"]  # no bar for the quarter not reported
    assert 'aria-label="Serapan anggaran kumulatif 2024"' in svg and "<style>" in svg
    assert "polyline" not in svg  # no plan asked for


def test_screen_chart_draws_the_plan_line_when_there_is_a_plan():
    plan = [Decimal(250), Decimal(500), Decimal(750), Decimal(1000)]  # cumulative
    svg = charts.serapan(SPENT, BUDGET, rencana=plan, width=360, height=120, style=charts.SCREEN)
    assert _texts(svg, "axis") == ["TW I", "TW II", "TW III", "TW IV"]
    assert re.findall(r"<title>(TW [IV]+: [^<]*)</title>", svg) == ["TW I: 10,00 %", "TW II: 35,00 %", "TW IV: 75,00 %"]
    points = re.search(r'<polyline points="([^"]+)" class="plan"', svg)[1].split()
    assert [float(p.split(",")[1]) for p in points] == [78.0, 52.0, 26.0, 0.0]  # 25 % … 100 % of the 104 px plot
    assert 'width="100%"' in svg and "<style>" not in svg
    assert "polyline" not in charts.serapan(SPENT, BUDGET, rencana=[0, 0, 0, 0], style=charts.SCREEN)


def test_bars_are_capped_at_the_budget_and_no_budget_draws_nothing():
    svg = charts.serapan([Decimal(1500), None, None, None], BUDGET, width=360, height=120, style=charts.SCREEN)
    assert 'height="104.0"' in svg and "TW I: 150,00 %" in svg
    assert charts.serapan(SPENT, 0) == "" and charts.serapan(SPENT, None, style=charts.SCREEN) == ""


def test_printed_absorption_chart_is_unchanged_byte_for_byte():
    # The LKjIP's fingerprint hashes its charts: a changed byte marks every final LKjIP as "data changed".
    svg = charts.serapan([Decimal(1), None, Decimal(2), None], Decimal(4), judul="S <1>")
    assert svg == (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 440 150" width="440" height="150" class="grafik" '
        'role="img" aria-label="S &lt;1&gt;"><style>.t{font:bold 10px sans-serif}.v{font:8px sans-serif}'
        ".x{font:8.5px sans-serif}.axis{stroke:#444;stroke-width:.8}.rl{fill:#1f5f99}</style>"
        '<text x="220.0" y="13" text-anchor="middle" class="t">S &lt;1&gt;</text>'
        '<rect x="36.2" y="103.5" width="52.5" height="24.5" class="rl"/>'
        '<text x="62.5" y="100.5" text-anchor="middle" class="v">25,00 %</text>'
        '<text x="62.5" y="143" text-anchor="middle" class="x">TW I</text>'
        '<text x="167.5" y="143" text-anchor="middle" class="x">TW II</text>'
        '<rect x="246.2" y="54.5" width="52.5" height="73.5" class="rl"/>'
        '<text x="272.5" y="51.5" text-anchor="middle" class="v">75,00 %</text>'
        '<text x="272.5" y="143" text-anchor="middle" class="x">TW III</text>'
        '<text x="377.5" y="143" text-anchor="middle" class="x">TW IV</text>'
        '<line x1="6" x2="434" y1="128" y2="128" class="axis"/></svg>'
    )


def test_target_realisasi_prints_both_values_per_year_with_a_legend():
    svg = charts.target_realisasi("IKU <1>", [2023, 2024], [Decimal(80), Decimal(86)], [None, Decimal("84.61")])
    assert _texts(svg, "x") == ["2023", "2024"]
    assert _texts(svg, "v") == ["80", "86", "84,61"]
    assert _texts(svg, "l") == ["Target", "Real."]
    assert 'aria-label="IKU &lt;1&gt;"' in svg
    assert charts.target_realisasi("x", [2024], [None], [None]) == ""


def test_bars_title_each_bar_and_draw_the_reference_line():
    svg = charts.bars([Decimal(50), None, Decimal(120)], [2022, 2023, "<2024>"], label="Capaian", reference=100)
    assert re.findall(r"<title>([^<]*)</title>", svg) == ["2022: 50,00", "&lt;2024&gt;: 120,00"]
    assert _texts(svg, "axis") == ["2022", "2023", "&lt;2024&gt;"]
    assert 'class="ref"' in svg
