"""Plausibility of the values typed (issue 16): a fraction of a count, a year's target ten times the other years',
a DPA/DPPA ten times the sub kegiatan's pagu are confirmed before they are saved; a PK anggaran differing from its
source needs a reason, as a target does; a typo after a number is "not a number", not "another unit"."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja import services as pk_services
from kinerja.models import AnggaranSubKegiatan, PKAnggaran
from renstra import services
from renstra.models import Elemen, Indikator, Level, Pagu, Target
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.lib.values import read_cell
from tests.test_number_fields import message_at


@pytest.fixture
def draft(world):
    return generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))


def _post(client, url, cells):
    return client.post(url, json.dumps({"cells": cells}), content_type="application/json").json()


def _count_indicator(draft, satuan="orang"):
    ind = Indikator.objects.filter(elemen__versi=draft, elemen__level=Level.PROGRAM).first()
    ind.satuan, ind.tipe = satuan, Indikator.Tipe.ANGKA
    ind.save()
    Target.objects.filter(indikator=ind).delete()
    for tahun in (2021, 2022, 2023):
        Target.objects.create(indikator=ind, tahun=tahun, nilai=Decimal(100 + tahun - 2021))
    return ind


def test_a_fraction_of_a_count_is_confirmed_before_it_is_saved(client, world, draft):
    ind = _count_indicator(draft, "Orang")
    client.force_login(world.alice)
    url = reverse("renstra:target_grid", args=[draft.pk])
    cell = {"indikator": ind.pk, "kolom": "2024", "value": "105,50"}
    data = _post(client, url, [cell])
    assert "Satuan “Orang” dihitung utuh, tetapi nilainya pecahan (105,5)." in data["warnings"][f"{ind.pk}:2024"]
    assert not data["saved"] and not Target.objects.filter(indikator=ind, tahun=2024).exists()
    data = _post(client, url, [{**cell, "konfirmasi": True}])
    assert data["saved"] == {f"{ind.pk}:2024": "105,5"}
    # A whole count, or a fraction of a percentage, asks nothing.
    assert not read_cell("105", satuan="Orang").peringatan and not read_cell("12,5", satuan="%").peringatan


def test_a_target_ten_times_the_other_years_is_confirmed_before_it_is_saved(client, world, draft):
    ind = _count_indicator(draft, "dokumen")
    client.force_login(world.alice)
    url = reverse("renstra:target_grid", args=[draft.pk])
    data = _post(client, url, [{"indikator": ind.pk, "kolom": "2024", "value": "15.000.000"}])
    warning = data["warnings"][f"{ind.pk}:2024"]
    assert warning == "Nilainya 15.000.000, sepuluh kali target tahun lain (paling besar 102) atau lebih."
    assert not Target.objects.filter(indikator=ind, tahun=2024).exists()
    data = _post(client, url, [{"indikator": ind.pk, "kolom": "2024", "value": "110"}])
    assert data["saved"] == {f"{ind.pk}:2024": "110"}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1.234,5x", "“1.234,5x” bukan angka yang dapat dibaca."),
        ("12 abc", "“12 abc” bukan angka yang dapat dibaca."),
        ("3 dok", "Satuan “dok” berbeda dengan satuan indikator “Forum”."),
    ],
)
def test_a_typo_after_a_number_is_not_read_as_another_unit(client, world, draft, typed, message):
    ind = _count_indicator(draft, "Forum")
    client.force_login(world.alice)
    data = _post(
        client,
        reverse("renstra:target_grid", args=[draft.pk]),
        [{"indikator": ind.pk, "kolom": "2024", "value": typed}],
    )
    assert data["errors"][f"{ind.pk}:2024"] == message


@pytest.fixture
def in_force(world, draft):
    return services.tetapkan(draft, berlaku_mulai=2021, actor=None)


@pytest.mark.parametrize("kolom", ["dpa", "dppa"])
def test_a_budget_ten_times_the_pagu_is_confirmed_before_it_is_saved(client, world, in_force, kolom):
    sub = Elemen.objects.filter(versi=in_force, level=Level.SUB_KEGIATAN).order_by("kode").first()
    Pagu.objects.update_or_create(elemen=sub, tahun=2024, defaults={"jumlah": Decimal(25_000_000)})
    client.force_login(world.alice)
    url = reverse("realisasi:anggaran_grid", args=[world.opd_a.pk, 2024])
    cell = {"elemen": sub.pk, "kolom": kolom, "value": "99.999.999.999.999", "token": ""}
    data = _post(client, url, [cell])
    assert "sepuluh kali anggarannya (25.000.000)" in data["warnings"][f"{sub.pk}:{kolom}"] and not data["saved"]
    assert not AnggaranSubKegiatan.objects.filter(elemen=sub).exists()
    data = _post(client, url, [{**cell, "konfirmasi": True}])
    assert data["saved"] == {f"{sub.pk}:{kolom}": "99.999.999.999.999"}


def test_a_pk_anggaran_differing_from_its_source_needs_a_reason(client, world, in_force):
    pk = pk_services.susun_dari_renstra(world.kepala_a, 2024)
    row = PKAnggaran.objects.filter(pk_doc=pk).exclude(sumber=None).first()
    sumber = row.anggaran
    client.force_login(world.alice)
    url = reverse("kinerja:pk_row_update", args=[pk.pk, row.pk])
    response = client.post(url, {"jenis": "anggaran", "anggaran": "1", "keterangan": ""})
    shown = f"{sumber:,.0f}".replace(",", ".")
    expected = f"Anggaran berbeda dari DPA/Renstra (Rp {shown}): tuliskan alasannya di keterangan."
    assert message_at(response, "keterangan", url) == expected
    assert PKAnggaran.objects.get(pk=row.pk).anggaran == sumber
    client.post(url, {"jenis": "anggaran", "anggaran": "1", "keterangan": "Efisiensi APBD-P"})
    assert PKAnggaran.objects.get(pk=row.pk).anggaran == 1
    # The source's own amount needs no reason.
    client.post(url, {"jenis": "anggaran", "anggaran": str(int(sumber)), "keterangan": ""})
    assert PKAnggaran.objects.get(pk=row.pk).anggaran == sumber
