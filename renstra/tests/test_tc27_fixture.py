"""The demo's T-C.27 (seed 000) cell by cell: every row's years where the seed prints them, adding up to the
seed's printed end value wherever the seed is consistent; the seed's own inconsistencies listed here and
reported by the import with both values."""

from __future__ import annotations

import csv
import re
from decimal import Decimal

from django.conf import settings

from renstra import services
from renstra.importers import tc27
from renstra.models import Elemen, RenstraVersi

TABLE = settings.BASE_DIR / "fixtures" / "demo" / "renstra_balangan_2021_2026.tsv"
SAMPLE = settings.BASE_DIR / "fixtures" / "renstra_tc27_balangan.xlsx"
YEARS = list(range(2021, 2027))

# Rows (seed 000 line) whose printed Rp at kondisi akhir is not the sum of the printed years:
# (sum of the years, what the seed prints).
INCONSISTENT = {
    "1292": (Decimal("27981600"), "36,914,800"),  # Perubahan RKA: the total of the row above, copied
    "1329": (Decimal("157842758849"), "#REF!"),  # a broken spreadsheet formula
    "1333": (Decimal("67416000"), "22,472,000"),  # three years of 22.472.000, printed once
    "1334": (Decimal("217830000"), "72,610,000"),  # three years of 72.610.000, printed once
}


def _rows() -> list[dict]:
    with open(TABLE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _rp(text: str) -> Decimal:
    text = text.replace(" ", "")
    return Decimal(0) if text in ("", "-") else Decimal(text.replace(",", ""))


def test_each_rows_years_add_up_to_its_printed_end_value():
    checked = 0
    for row in _rows():
        if not row["baris_seed"] or not row["rp_akhir"]:
            continue
        total = sum((_rp(row[f"rp_{y}"]) for y in YEARS), Decimal(0))
        if row["baris_seed"] in INCONSISTENT:
            assert (total, row["rp_akhir"]) == INCONSISTENT[row["baris_seed"]], row["baris_seed"]
            continue
        assert total == _rp(row["rp_akhir"]), (row["baris_seed"], row["kode"], total, row["rp_akhir"])
        checked += 1
    assert checked >= 45


def test_a_programs_years_are_the_sum_of_its_kegiatan():
    """Catches a year's Rp moved into the previous one (kegiatan 2.07: 24.500.000 in 2025, 25.000.000 in 2026)."""
    rows = _rows()
    program = next(r for r in rows if r["kode"] == "1.05.01")
    kegiatan = [r for r in rows if r["tingkat"] == "kegiatan" and r["kode"].startswith("1.05.01.")]
    for y in YEARS:
        assert _rp(program[f"rp_{y}"]) == sum((_rp(k[f"rp_{y}"]) for k in kegiatan), Decimal(0)), y


def test_the_shifted_rows_of_the_issue_are_in_their_years():
    by_line = {r["baris_seed"]: r for r in _rows()}
    cetakan, bacaan, kegiatan_207 = by_line["1307"], by_line["1308"], by_line["1310"]
    assert [cetakan[f"rp_{y}"] for y in (2024, 2025, 2026)] == ["10,652,500", "11,717,750", "12,889,525"]
    assert [bacaan[f"rp_{y}"] for y in (2024, 2025, 2026)] == ["3,300,000", "3,630,000", "3,993,000"]
    assert [kegiatan_207[f"rp_{y}"] for y in (2024, 2025, 2026)] == ["-", "24,500,000", "25,000,000"]
    assert all(kegiatan_207[f"target_{y}"] == "100%" for y in YEARS)
    assert by_line["1333"]["rp_2026"] == "22,472,000"  # the Ekososbud kebijakan row
    for row in (cetakan, bacaan, by_line["1333"]):
        assert row["target_2026"], row["uraian"]  # no "Indikator tanpa target tahun 2026"


def test_the_sample_workbook_carries_the_fixture_and_the_import_reports_each_printed_total():
    with open(SAMPLE, "rb") as handle:
        report = tc27.read_renstra(handle, YEARS)
    assert report.errors == []
    sub = next(e for e in report.flat() if e.kode == "1.05.01.2.06.05")
    assert [sub.pagu[y] for y in (2025, 2026)] == [Decimal("11717750"), Decimal("12889525")]
    messages = [p.message for p in report.warnings]
    for computed, printed in (("67.416.000", "22.472.000"), ("217.830.000", "72.610.000")):
        text = f"Rp kondisi akhir tercetak {printed}, jumlah tahunannya {computed}; yang dipakai jumlahnya."
        assert text in messages, messages
    assert not any(re.search(r"kondisi akhir tercetak 64\.797\.375", m) for m in messages)


def test_an_imported_plan_keeps_the_printed_totals_and_its_check_shows_the_differences(demo_data):
    demo = RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan", nomor=1)
    with open(SAMPLE, "rb") as handle:
        report = tc27.read_renstra(handle, YEARS)
    versi = tc27.save_renstra(report, demo.renstra.opd, demo.renstra.periode)
    sub = Elemen.objects.get(versi=versi, kode="1.05.01.2.06.05")
    assert sub.rp_tercetak == {"akhir": "64797375"}
    messages = [i.message for i in services.check(versi) if i.selisih]
    assert "Rp kondisi akhir tercetak di sumber 72.610.000, dihitung dari datanya 217.830.000." in messages
