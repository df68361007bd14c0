"""Issue 16, journeys 8 and 9 on the server: the realisasi grid answers each row's year value and capaian as
saved; one reader for forms and grids (the indicator's satuan, Rupiah rounded with a message, plausibility
warnings confirmed before saving)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.models import JendelaRealisasi, Realisasi
from renstra import services
from renstra.models import Elemen, Indikator, Level, Pagu, Target
from renstra.testing import generate_plan, make_periode, make_versi

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def draft(world):
    return generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))


@pytest.fixture
def in_force(world, draft):
    ind = Indikator.objects.get(elemen__versi=draft, elemen__level=Level.SASARAN)
    ind.satuan, ind.tipe, ind.agregasi = "%", Indikator.Tipe.PERSEN, Indikator.Agregasi.NILAI_AKHIR
    ind.save()
    Target.objects.filter(indikator=ind, tahun=2024).update(nilai=Decimal(80), teks="")
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2024, triwulan=1, terbuka=True)
    return services.tetapkan(draft, berlaku_mulai=2021, actor=None)


def _post(client, url, cells):
    return client.post(url, json.dumps({"cells": cells}), content_type="application/json").json()


def test_realisasi_save_answers_the_rows_year_value_and_capaian(client, world, in_force):
    ind = Indikator.objects.get(elemen__versi=in_force, elemen__level=Level.SASARAN)
    client.force_login(world.alice)
    url = reverse("realisasi:indikator_grid", args=[world.opd_a.pk, 2024])
    data = _post(client, url, [{"indikator": ind.pk, "kolom": "tw1", "value": "60", "token": ""}])
    assert data["saved"] == {f"{ind.pk}:tw1": "60"}
    assert data["rows"][str(ind.pk)]["realisasi"] == "60" and data["rows"][str(ind.pk)]["capaian"] == "75,00 %"
    page = client.get(url).content.decode()
    assert 'data-derived="capaian"' in page and "75,00 %" in page


def test_a_percentage_over_100_is_saved_only_once_confirmed(client, world, in_force):
    ind = Indikator.objects.get(elemen__versi=in_force, elemen__level=Level.SASARAN)
    client.force_login(world.alice)
    url = reverse("realisasi:indikator_grid", args=[world.opd_a.pk, 2024])
    cell = {"indikator": ind.pk, "kolom": "tw1", "value": "120", "token": ""}
    data = _post(client, url, [cell])
    assert "lebih dari 100" in data["warnings"][f"{ind.pk}:tw1"] and not data["saved"]
    assert not Realisasi.objects.filter(indikator=ind).exists()
    data = _post(client, url, [{**cell, "konfirmasi": True}])
    assert data["saved"] == {f"{ind.pk}:tw1": "120"}
    assert Realisasi.objects.get(indikator=ind).nilai == 120


def test_target_grid_asks_to_confirm_a_negative_count_and_refuses_another_unit(client, world, draft):
    ind = Indikator.objects.filter(elemen__versi=draft, elemen__level=Level.PROGRAM).first()
    ind.satuan, ind.tipe = "dok", Indikator.Tipe.ANGKA
    ind.save()
    client.force_login(world.alice)
    url = reverse("renstra:target_grid", args=[draft.pk])
    data = _post(client, url, [{"indikator": ind.pk, "kolom": "2025", "value": "-3"}])
    assert "negatif" in data["warnings"][f"{ind.pk}:2025"]
    data = _post(client, url, [{"indikator": ind.pk, "kolom": "2025", "value": "1.234,5x"}])
    assert "Satuan “x”" in data["errors"][f"{ind.pk}:2025"]


def test_pagu_is_rounded_to_whole_rupiah_with_a_message(client, world, draft):
    sub = Elemen.objects.filter(versi=draft, level=Level.SUB_KEGIATAN).first()
    client.force_login(world.alice)
    data = _post(
        client,
        reverse("renstra:pagu_grid", args=[draft.pk]),
        [{"elemen": sub.pk, "kolom": "2022", "value": "15.000.000,50"}],
    )
    assert data["saved"] == {f"{sub.pk}:2022": "15.000.001"}
    assert "dibulatkan menjadi 15.000.001" in data["warnings"][f"{sub.pk}:2022"]
    assert Pagu.objects.get(elemen=sub, tahun=2022).jumlah == Decimal("15000001")


def test_indicator_form_reads_as_the_grid_and_asks_to_confirm(client, world, draft):
    sub = Elemen.objects.filter(versi=draft, level=Level.SUB_KEGIATAN).first()
    client.force_login(world.alice)
    url = reverse("renstra:indikator_create", args=[sub.pk])
    base = {"uraian": "Jumlah dokumen", "satuan": "dok", "polaritas": "positif", "tipe": "angka",
            "agregasi": "nilai_akhir", "frekuensi": "tahunan"}  # fmt: skip
    html = client.post(url, {**base, "kondisi_awal": "1.234,5x"}, **HX).content.decode()
    assert "Satuan “x” berbeda" in html
    html = client.post(url, {**base, "kondisi_awal": "-2"}, **HX).content.decode()
    assert "negatif" in html and 'name="konfirmasi"' in html and 'type="checkbox"' in html
    assert not Indikator.objects.filter(elemen=sub, uraian="Jumlah dokumen").exists()
    client.post(url, {**base, "kondisi_awal": "-2", "konfirmasi": "on"}, **HX)
    assert Indikator.objects.get(elemen=sub, uraian="Jumlah dokumen").kondisi_awal_nilai == -2
