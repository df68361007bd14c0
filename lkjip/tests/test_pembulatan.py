"""A pemda's rounding policy for printed figures: every table of its documents prints percentages with its
decimals, rounded half up or cut; derived figures come from the figures as printed; the policy is printed
under the tables."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from lkjip import render, services
from sakip.lib.numbers import POTONG
from sakip.models import PerangkatDaerah

BLITAR = "8.01.0.00.0.00.02.0000"


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def blitar(demo_data):
    return PerangkatDaerah.objects.select_related("pemda").get(kode=BLITAR)


def test_seed_001s_way_one_decimal_cut_reproduces_its_figures(blitar):
    """Seed 001 prints 98,3 % for 84,61 of 86 (98,38…) and an efisiensi of −1,66 % computed from it (cut to
    one decimal, −1,6 %; from the unprinted 98,38 it would be −1,57, cut −1,5)."""
    pemda = blitar.pemda
    pemda.desimal_persen, pemda.pembulatan = 1, POTONG
    pemda.save()
    isi = render.build(services.lkjip(PerangkatDaerah.objects.get(pk=blitar.pk), 2024))
    text = _text(render.pdf(isi)[0])
    for figure in ("98,3 %", "88,3 %", "-1,6 %", "-7,9 %", "99,9 %"):
        assert figure in text, figure
    assert "98,38 %" not in text and "98,4 %" not in text and "-1,5 %" not in text
    assert "Persentase ditulis dengan 1 angka desimal, dipotong tanpa pembulatan." in text


def test_the_default_is_two_decimals_half_up_and_derived_figures_follow_the_printed_ones(blitar):
    isi = render.build(services.lkjip(blitar, 2024))
    t35 = next(t for t in isi.tables if t.nomor == "3.5")
    shown = [[c.shown for c in row.cells] for row in t35.rows]
    assert any("-1,58 %" in row for row in shown), shown  # from 98,38 % as printed (−1,57 at full precision)
    text = _text(render.pdf(isi)[0])
    assert "Persentase ditulis dengan 2 angka desimal, dibulatkan setengah ke atas." in text
