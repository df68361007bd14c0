"""Every table of a document rates indicators by the pemda's capaian policy (Pengaturan capaian)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from kinerja.capaian import RumusNegatif
from kinerja.models import PengaturanCapaian
from lkjip import render, services
from renstra.models import RenstraVersi
from sakip.models import PerangkatDaerah

BALANGAN = "8.01.0.00.0.00.01.0000"


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def _tc23_text(isi) -> str:
    """The PDF text from T-C.23's title to T-C.24's (after the list of tables)."""
    text = _text(render.pdf(isi)[0])
    start = text.rindex("Tabel T-C.23")
    return text[start : text.index("Tabel T-C.24", start)]


@pytest.fixture
def renstra_balangan(demo_data):
    opd = PerangkatDaerah.objects.select_related("pemda").get(kode=BALANGAN)
    versi = RenstraVersi.objects.filter(renstra__opd=opd).order_by("-nomor").first()
    return opd, services.renstra(versi)


def test_demo_balangan_uses_the_formula_of_its_renstra(renstra_balangan):
    opd, _dokumen = renstra_balangan
    assert PengaturanCapaian.objects.get(pemda=opd.pemda).rumus_negatif == RumusNegatif.T_MINUS_R


def test_tc23_rates_a_lower_is_better_indicator_as_seed_000_does(renstra_balangan):
    """Seed 000: targets 10, 9, 8 kejadian, realisasi 4, 5, 4 → 60 %, 44,4 % and (its own inputs) 50 %."""
    _opd, dokumen = renstra_balangan
    table = _tc23_text(render.build(dokumen))
    row = table[table.index("Angka Kejadian") : table.index("Prosentase Ormas")]
    assert "60,00 %" in row and "44,44 %" in row and "50,00 %" in row, row
    assert "160,00 %" not in row and "144,44 %" not in row
    assert "(T − R) / T × 100" in table  # the policy is printed under the table


def test_tc23_follows_a_change_of_the_policy(renstra_balangan):
    opd, dokumen = renstra_balangan
    PengaturanCapaian.objects.filter(pemda=opd.pemda).update(rumus_negatif=RumusNegatif.DUA_T_MINUS_R)
    table = _tc23_text(render.build(dokumen))
    row = table[table.index("Angka Kejadian") : table.index("Prosentase Ormas")]
    assert "160,00 %" in row and "144,44 %" in row, row
    assert "(2T − R) / T × 100" in table
