"""Narratives never contradict the tables: live figures ({{ nilai:… }}) print what the table prints and follow
the data; a figure typed in a narrative that no longer matches the data is listed with both values."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kinerja.models import BelanjaOPD
from lkjip import narasi, render, services
from sakip.models import PerangkatDaerah, User

BLITAR = "8.01.0.00.0.00.02.0000"


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def lkjip_2024(demo_data):
    return services.lkjip(PerangkatDaerah.objects.get(kode=BLITAR), 2024)


def test_the_demo_narratives_print_the_tables_figures(lkjip_2024):
    isi = render.build(lkjip_2024)
    text = _text(render.pdf(isi)[0])
    efisiensi = text[text.index("tingkat efisiensi sebesar") :][:200]
    assert efisiensi.startswith("tingkat efisiensi sebesar -1,58 %"), efisiensi  # Tabel 3.5, not the seed's -1.66%
    assert "efisiensi anggaran sebesar -7,88 %" in text and "-7.97%" not in text
    assert "terealisasi B (66,55)" in text and "66,55 (BB)" not in text  # the predikat of Tabel 3.1
    assert "adalah sebesar Rp. 66.347.193.835,-" in text  # the Jumlah of Tabel 3.6
    assert "{{" not in text and "nilai tidak ditemukan" not in text
    state = services.state(lkjip_2024, isi)
    assert not [c for c in state.catatan if c.startswith("Narasi")], state.catatan


def test_a_live_figure_follows_the_data(lkjip_2024):
    BelanjaOPD.objects.filter(opd=lkjip_2024.opd, tahun=2024, jenis="pegawai").update(anggaran=Decimal("2530668895"))
    text = _text(render.pdf(render.build(lkjip_2024))[0])
    assert "adalah sebesar Rp. 66.347.193.865,-" in text


def test_a_typed_figure_that_no_longer_matches_is_listed_with_both_values(client, lkjip_2024):
    text = "<p>Anggaran Rp 66.347.193.900 dengan efisiensi -1,66% dan 5,8%.</p>"
    narasi.save(lkjip_2024, "kesimpulan", text, actor=None)
    client.force_login(User.objects.get(username="perencana.blitar"))
    page = client.get(reverse("lkjip:lkjip_detail", args=[lkjip_2024.opd_id, 2024])).content.decode()
    assert "menulis 66.347.193.900; tabel mencetak 66.347.193.835." in page  # Tabel 3.6's Jumlah
    assert "menulis -1,66%; tabel mencetak -1,58 %." in page  # Tabel 3.5
    assert "menulis 5,8%" not in page  # 5,80 % as Tabel 3.5 prints it, written with one decimal


def test_a_field_pointing_at_nothing_is_shown_and_listed(lkjip_2024):
    narasi.save(lkjip_2024, "kesimpulan", "<p>Nilai {{ nilai:3.5|Tidak ada|6 }}.</p>", actor=None)
    isi = render.build(lkjip_2024)
    state = services.state(lkjip_2024, isi)
    assert any("{{ nilai:3.5|Tidak ada|6 }}" in c and "tidak menemukan" in c for c in state.catatan)


def test_the_narrative_page_offers_the_figures_to_insert(client, lkjip_2024):
    client.force_login(User.objects.get(username="perencana.blitar"))
    page = client.get(reverse("lkjip:narasi_update", args=[lkjip_2024.pk, "efisiensi"])).content.decode()
    assert 'data-testid="pilihan-nilai"' in page
    sasaran = "Meningkatnya indeks kesalehan sosial melalui fasilitasi lembaga kesatuan bangsa"
    assert f'data-sisip="{{{{ nilai:3.5|{sasaran}|6 }}}}"' in page and "-1,58 %</button>" in page
