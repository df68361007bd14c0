"""Lost updates: two people edit the same value from pages loaded before either saved. The second is told who
changed it, when and to what, and the first one's value stays (target grid, pagu grid, realisasi grid, budget
grid, rencana aksi grid, PK row); saving again from the value now shown overwrites it deliberately."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kinerja import services as pk_services
from kinerja.models import (
    AnggaranSubKegiatan,
    JendelaRealisasi,
    PKIndikator,
    Realisasi,
    RealisasiAnggaran,
    RencanaAksi,
)
from renstra import services
from renstra.models import Indikator, Level, Pagu, Target
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import Peran
from sakip.testing import make_user

pytestmark = pytest.mark.django_db

CONFLICT = re.compile(r"^Diubah oleh Alice \(alice\) pada \d\d\.\d\d menjadi “(.*)”; nilai Anda belum disimpan\.$")


@pytest.fixture
def two(world):
    """Alice and Anto both plan OPD A, each in their own browser session."""
    anto = make_user("anto", world.pemda, (Peran.Jenis.PERENCANA, world.opd_a))
    first, second = Client(), Client()
    first.force_login(world.alice)
    second.force_login(anto)
    return first, second


def post(client, url, *cells):
    response = client.post(url, json.dumps({"cells": list(cells)}), content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def draft(world):
    return generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))


def test_target_cell_edited_by_two_people(two, draft):
    alice, anto = two
    ind = Indikator.objects.filter(elemen__versi=draft, elemen__level=Level.SUB_KEGIATAN).first()
    url = reverse("renstra:target_grid", args=[draft.pk])
    shown = Target.objects.get(indikator=ind, tahun=2022).shown  # both pages show it
    key = f"{ind.pk}:2022"
    first = post(alice, url, {"indikator": ind.pk, "kolom": "2022", "value": "30", "token": shown})
    assert first["saved"] == {key: "30"} and not first["conflicts"]
    second = post(anto, url, {"indikator": ind.pk, "kolom": "2022", "value": "40", "token": shown})
    assert second["saved"] == {} and CONFLICT.match(second["conflicts"][key]["pesan"]).group(1) == "30"
    assert second["conflicts"][key]["nilai"] == "30"
    assert Target.objects.get(indikator=ind, tahun=2022).nilai == Decimal(30)  # Alice's value stays
    # Anto has seen it and saves again from "30": now his value is saved.
    third = post(anto, url, {"indikator": ind.pk, "kolom": "2022", "value": "40", "token": "30"})
    assert third["saved"] == {key: "40"} and Target.objects.get(indikator=ind, tahun=2022).nilai == Decimal(40)


def test_kondisi_awal_and_an_emptied_target(two, draft):
    alice, anto = two
    ind = Indikator.objects.filter(elemen__versi=draft, elemen__level=Level.SUB_KEGIATAN).first()
    url = reverse("renstra:target_grid", args=[draft.pk])
    awal, target = ind.kondisi_awal, Target.objects.get(indikator=ind, tahun=2023).shown
    post(
        alice,
        url,
        {"indikator": ind.pk, "kolom": "awal", "value": "12", "token": awal},
        {"indikator": ind.pk, "kolom": "2023", "value": "", "token": target},
    )
    second = post(
        anto,
        url,
        {"indikator": ind.pk, "kolom": "awal", "value": "13", "token": awal},
        {"indikator": ind.pk, "kolom": "2023", "value": "5", "token": target},
        {"indikator": ind.pk, "kolom": "akhir", "value": "99", "token": ind.kondisi_akhir},  # untouched by Alice
    )
    assert CONFLICT.match(second["conflicts"][f"{ind.pk}:awal"]["pesan"]).group(1) == "12"
    emptied = second["conflicts"][f"{ind.pk}:2023"]["pesan"]
    assert re.match(r"^Dikosongkan oleh Alice \(alice\) pada \d\d\.\d\d; nilai Anda belum disimpan\.$", emptied), (
        emptied
    )
    assert second["saved"] == {f"{ind.pk}:akhir": "99"}
    ind.refresh_from_db()
    assert ind.kondisi_awal_nilai == 12 and not Target.objects.filter(indikator=ind, tahun=2023).exists()


def test_pagu_cell_edited_by_two_people(two, draft):
    alice, anto = two
    sub = draft.elemen.filter(level=Level.SUB_KEGIATAN).first()
    url = reverse("renstra:pagu_grid", args=[draft.pk])
    shown = services.format_number(Pagu.objects.get(elemen=sub, tahun=2022).jumlah, 0)
    post(alice, url, {"elemen": sub.pk, "kolom": "2022", "value": "1.500.000", "token": shown})
    second = post(anto, url, {"elemen": sub.pk, "kolom": "2022", "value": "2.000.000", "token": shown})
    assert CONFLICT.match(second["conflicts"][f"{sub.pk}:2022"]["pesan"]).group(1) == "1.500.000"
    assert Pagu.objects.get(elemen=sub, tahun=2022).jumlah == 1_500_000


def test_realisasi_cell_edited_by_two_people(two, world, draft):
    alice, anto = two
    services.tetapkan(draft, berlaku_mulai=2021, actor=None)
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2024, triwulan=2, terbuka=True)
    ind = Indikator.objects.filter(elemen__versi=draft).first()
    url = reverse("realisasi:indikator_grid", args=[world.opd_a.pk, 2024])
    post(alice, url, {"indikator": ind.pk, "kolom": "tw2", "value": "7", "token": ""})
    second = post(anto, url, {"indikator": ind.pk, "kolom": "tw2", "value": "8", "token": ""})
    assert CONFLICT.match(second["conflicts"][f"{ind.pk}:tw2"]["pesan"]).group(1) == "7"
    assert Realisasi.objects.get(indikator=ind, triwulan=2).nilai == 7


def test_a_cell_without_token_is_saved_as_before(two, draft):
    # A workbook upload and older pages send no token: the value is saved.
    alice, _ = two
    ind = Indikator.objects.filter(elemen__versi=draft, elemen__level=Level.SUB_KEGIATAN).first()
    result = post(
        alice, reverse("renstra:target_grid", args=[draft.pk]), {"indikator": ind.pk, "kolom": "2022", "value": "3"}
    )
    assert result["saved"] and Target.objects.get(indikator=ind, tahun=2022).nilai == 3


def test_pk_row_edited_by_two_people(two, world, draft):
    alice, anto = two
    world.pemda.kepala_daerah_nama = "H. ABDUL"
    world.pemda.save()
    services.tetapkan(draft, berlaku_mulai=2021, actor=None)
    pk = pk_services.susun_dari_renstra(world.kepala_a, 2024)
    page = alice.get(pk.get_absolute_url()).content.decode()
    row = pk.indikator.get()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    url = reverse("kinerja:pk_row_update", args=[pk.pk, row.pk])
    alice.post(url, {"target": "30", "alasan": "APBD-P", "token": token})
    response = anto.post(url, {"target": "40", "alasan": "lain", "token": token}, follow=True)
    text = " ".join(str(m) for m in response.context["messages"])
    assert re.search(
        r"Diubah oleh Alice \(alice\) pada \d\d\.\d\d menjadi “30%?”; nilai Anda belum disimpan\.", text
    ), text
    assert PKIndikator.objects.get(pk=row.pk).target_nilai == 30


def test_budget_cell_edited_by_two_people(two, world, draft):
    # The realisasi anggaran grid: a DPA amount and a quarter's spending, both from pages loaded before either
    # saved; an amount Alice emptied is reported as emptied.
    alice, anto = two
    services.tetapkan(draft, berlaku_mulai=2021, actor=None)
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2024, triwulan=1, terbuka=True)
    sub = draft.elemen.filter(level=Level.SUB_KEGIATAN).first()
    url = reverse("realisasi:anggaran_grid", args=[world.opd_a.pk, 2024])
    post(alice, url, {"elemen": sub.pk, "kolom": "dpa", "value": "1.000.000"})
    page = alice.get(url).content.decode()
    assert 'value="1.000.000"' in page  # both pages show it: that is the token grid.js sends
    first = post(
        alice,
        url,
        {"elemen": sub.pk, "kolom": "dpa", "value": "1.500.000", "token": "1.000.000"},
        {"elemen": sub.pk, "kolom": "tw1", "value": "250.000", "token": ""},
    )
    assert first["saved"] == {f"{sub.pk}:dpa": "1.500.000", f"{sub.pk}:tw1": "250.000"} and not first["conflicts"]
    second = post(
        anto,
        url,
        {"elemen": sub.pk, "kolom": "dpa", "value": "2.000.000", "token": "1.000.000"},
        {"elemen": sub.pk, "kolom": "tw1", "value": "300.000", "token": ""},
        {"elemen": sub.pk, "kolom": "dppa", "value": "1.800.000", "token": ""},  # untouched by Alice
    )
    assert CONFLICT.match(second["conflicts"][f"{sub.pk}:dpa"]["pesan"]).group(1) == "1.500.000"
    assert CONFLICT.match(second["conflicts"][f"{sub.pk}:tw1"]["pesan"]).group(1) == "250.000"
    assert second["saved"] == {f"{sub.pk}:dppa": "1.800.000"}
    assert AnggaranSubKegiatan.objects.get(elemen=sub, jenis="dpa").jumlah == 1_500_000  # Alice's values stay
    assert RealisasiAnggaran.objects.get(elemen=sub, triwulan=1).jumlah == 250_000
    # Alice empties the quarter; Anto's edit from "250.000" is told so, and the cell stays empty.
    post(alice, url, {"elemen": sub.pk, "kolom": "tw1", "value": "", "token": "250.000"})
    third = post(anto, url, {"elemen": sub.pk, "kolom": "tw1", "value": "260.000", "token": "250.000"})
    emptied = third["conflicts"][f"{sub.pk}:tw1"]["pesan"]
    assert re.match(r"^Dikosongkan oleh Alice \(alice\) pada \d\d\.\d\d; nilai Anda belum disimpan\.$", emptied), (
        emptied
    )
    assert not RealisasiAnggaran.objects.filter(elemen=sub, triwulan=1).exists()
    # Saving again from the value now shown overwrites deliberately.
    fourth = post(anto, url, {"elemen": sub.pk, "kolom": "dpa", "value": "2.000.000", "token": "1.500.000"})
    assert fourth["saved"] == {f"{sub.pk}:dpa": "2.000.000"}
    assert AnggaranSubKegiatan.objects.get(elemen=sub, jenis="dpa").jumlah == 2_000_000


def test_rencana_aksi_cell_edited_by_two_people(two, world, draft):
    alice, anto = two
    world.pemda.kepala_daerah_nama = "H. ABDUL"
    world.pemda.save()
    services.tetapkan(draft, berlaku_mulai=2021, actor=None)
    pk = pk_services.susun_dari_renstra(world.kepala_a, 2024)
    [ra] = pk_services.prepare_rencana_aksi(pk)
    url = reverse("kinerja:rencana_aksi_grid", args=[pk.pk])
    first = post(
        alice,
        url,
        {"rencana": ra.pk, "kolom": "tw1", "value": "10", "token": ""},
        {"rencana": ra.pk, "kolom": "anggaran", "value": "5.000.000", "token": ""},
    )
    assert not first["conflicts"] and first["saved"] == {f"{ra.pk}:tw1": "10", f"{ra.pk}:anggaran": "5.000.000"}
    page = alice.get(url).content.decode()
    assert 'value="10"' in page and 'value="5.000.000"' in page  # the tokens a page loaded now sends
    second = post(
        anto,
        url,
        {"rencana": ra.pk, "kolom": "tw1", "value": "12", "token": ""},
        {"rencana": ra.pk, "kolom": "anggaran", "value": "6.000.000", "token": ""},
        {"rencana": ra.pk, "kolom": "tw2", "value": "20", "token": ""},  # untouched by Alice
    )
    assert CONFLICT.match(second["conflicts"][f"{ra.pk}:tw1"]["pesan"]).group(1) == "10"
    assert CONFLICT.match(second["conflicts"][f"{ra.pk}:anggaran"]["pesan"]).group(1) == "5.000.000"
    assert second["saved"] == {f"{ra.pk}:tw2": "20"}
    ra.refresh_from_db()
    assert (ra.tw1, ra.anggaran, ra.tw2) == (10, 5_000_000, 20)  # Alice's values stay
    third = post(anto, url, {"rencana": ra.pk, "kolom": "tw1", "value": "12", "token": "10"})
    assert third["saved"] == {f"{ra.pk}:tw1": "12"} and RencanaAksi.objects.get(pk=ra.pk).tw1 == 12
