"""Seed 003's rencana aksi (Kesbangpol Kota Metro 2021) as the seed says: its figures loaded, what it leaves
ambiguous flagged and not placed, no invented schedule, a shared sub kegiatan funded once."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from kinerja import exporters, services
from kinerja.models import PerjanjianKinerja


def _text(content: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages))


@pytest.fixture
def metro(demo_data):
    pk = PerjanjianKinerja.objects.get(opd__pemda__kode="metro", tahun=2021)
    return pk, services.rencana_aksi_rows(pk)


def test_the_seed_figures_are_loaded_and_nothing_is_invented(metro):
    _pk, rows = metro
    assert [ra.indikator.urutan for ra in rows] == [1, 2, 3, 4, 5]
    sosialisasi = rows[1]
    assert sosialisasi.triwulan == [None, None, Decimal(79), Decimal(79)]
    assert sosialisasi.target_kegiatan == "225 peserta"
    assert rows[0].triwulan == [Decimal(15), Decimal(25), Decimal(15), Decimal(15)]
    assert rows[0].target_kegiatan == "70%"
    # The "35%" of row 4 has no certain column: flagged, in no quarter.
    assert rows[3].triwulan == [None] * 4 and "35%" in rows[3].catatan
    # The seed's schedule covers rows 1–3 (one tick per aksi); rows 4–5 have none.
    assert [a.bulan for a in rows[0].aksi.all()] == [[2], [4], [9], [12]]
    assert [a.bulan for a in rows[1].aksi.all()] == [[7], [12]]
    assert all(a.bulan == [] for ra in rows[3:] for a in ra.aksi.all())


def test_a_sub_kegiatan_shared_by_two_rows_is_counted_once_in_the_pk(metro):
    pk, rows = metro
    assert rows[0].program == rows[1].program
    assert pk.jumlah_anggaran == Decimal("966075600")  # 109.000.000 + 51.150.000 + 648.510.600 + 157.415.000


def test_the_check_raises_no_false_alarm_and_shows_what_is_unclear(metro):
    _pk, rows = metro
    kerukunan = services.check_rencana_aksi(rows[0])
    assert not any("target tahunan" in p for p in kerukunan), kerukunan  # 15 + 25 + 15 + 15 = 70, cumulative
    ormas = services.check_rencana_aksi(rows[3])
    assert any(p.startswith("Perlu dipastikan") and "35%" in p for p in ormas), ormas


def test_the_pdf_prints_the_target_kegiatan_and_the_open_questions(metro):
    pk, rows = metro
    text = _text(exporters.rencana_aksi_pdf(pk, rows))
    assert "225 peserta" in text and "Target Kegiatan" in text
    assert "Perlu dipastikan" in text and "35%" in text
