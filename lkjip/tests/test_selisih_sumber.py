"""Inconsistencies in the source are shown, not silently corrected: a printed total or kondisi akhir that
differs from what the data computes is listed, with both values, in the Renstra's completeness panel and in
the document's check list."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lkjip import render, services
from renstra import services as renstra_services
from renstra.models import RenstraVersi
from sakip.models import PerangkatDaerah, User

BALANGAN = "8.01.0.00.0.00.01.0000"


@pytest.fixture
def versi(demo_data):
    opd = PerangkatDaerah.objects.get(kode=BALANGAN)
    return RenstraVersi.objects.filter(renstra__opd=opd).order_by("-nomor").first()


EXPECTED = [
    # seed 000 line 1334: three years of 72.610.000, a period total of 72.610.000
    "Rp kondisi akhir tercetak di sumber 72.610.000, dihitung dari datanya 217.830.000.",
    # line 1333: 22.472.000 a year for 2024–2026, printed once as the total
    "Rp kondisi akhir tercetak di sumber 22.472.000, dihitung dari datanya 67.416.000.",
    # line 1327: the kegiatan's 2024 prints 600.000.000 more than its sub kegiatan add up to
    "Rp 2024 tercetak di sumber 49.060.514.300, dihitung dari datanya 48.460.514.300.",
    # line 1311: kondisi akhir 4 unit for targets of 1 and 1
    "Kondisi akhir 4 tidak sama dengan jumlah target tahunan 2.",
]


def test_the_plans_check_lists_each_printed_figure_that_differs(versi):
    messages = [i.message for i in renstra_services.check(versi) if i.selisih]
    missing = [m for m in EXPECTED if m not in messages]
    assert not missing, (missing, messages)
    # consistent rows raise nothing: the penunjang program's total is the sum of its years
    assert not any("28.471.977.466" in m for m in messages)


def test_the_renstra_documents_check_list_says_so_with_both_values(client, versi):
    dokumen = services.renstra(versi, create=True)
    notes = services.state(dokumen, render.build(dokumen)).catatan
    assert any("Rp kondisi akhir tercetak di sumber 72.610.000, dihitung dari datanya 217.830.000." in n for n in notes)
    client.force_login(User.objects.get(username="perencana.balangan"))
    page = client.get(reverse("lkjip:renstra_detail", args=[versi.pk])).content.decode()
    assert "tercetak di sumber 22.472.000, dihitung dari datanya 67.416.000" in page


def test_the_lkjip_shows_a_printed_jumlah_its_rows_do_not_add_up_to(demo_data):
    """Seed 001 Tabel 3.6 prints a 2024 Jumlah of 66.347.193.865; its rows add up to 66.347.193.835."""
    dokumen = services.lkjip(PerangkatDaerah.objects.get(kode="8.01.0.00.0.00.02.0000"), 2024)
    isi = render.build(dokumen)
    assert isi.table("belanja").rows[-1].cells[4].shown == "66.347.193.835"  # the table prints the sum
    notes = services.state(dokumen, isi).catatan
    expected = "Tabel 3.6, Jumlah, kolom (5): tercetak di sumber 66.347.193.865, dihitung dari datanya 66.347.193.835."
    assert expected in notes, notes
