"""Realisasi windows: a quarter opened and closed for the pemda or reopened for one OPD; a yearly indicator is due in TW IV."""

from __future__ import annotations

from django.urls import reverse

from kinerja.models import (
    JendelaRealisasi,
    Realisasi,
)
from kinerja.realisasi import dasbor as dasbor_svc
from kinerja.realisasi import jendela as jendela_svc
from kinerja.realisasi import lembar as lembar_svc
from kinerja.tests.conftest import TAHUN, grid_url, post_cells
from renstra.models import Indikator


def test_reopening_a_closed_quarter_for_one_opd(client, world, iku, windows):
    window = JendelaRealisasi.objects.get(pemda=world.pemda, tahun=TAHUN, triwulan=1)
    window.dibuka_untuk.add(world.opd_a)
    client.force_login(world.alice)
    response = post_cells(client, grid_url(world), [{"indikator": iku.pk, "kolom": "tw1", "value": "10"}]).json()
    assert response["errors"] == {}
    window.dibuka_untuk.clear()
    # Locked again: a change is refused, the unchanged value (as in an uploaded workbook) passes.
    changed = post_cells(client, grid_url(world), [{"indikator": iku.pk, "kolom": "tw1", "value": "11"}]).json()
    assert "ditutup" in changed["errors"][f"{iku.pk}:tw1"]
    same = post_cells(client, grid_url(world), [{"indikator": iku.pk, "kolom": "tw1", "value": "10"}]).json()
    assert same["errors"] == {}
    assert Realisasi.objects.get(indikator=iku, triwulan=1).nilai == 10


def test_admin_opens_and_closes_a_window(client, world):
    client.force_login(world.dave)
    url = reverse("realisasi:jendela_update", args=[TAHUN])
    assert (
        reverse("realisasi:jendela_update", args=[TAHUN + 1]) in client.get(url).content.decode()
    )  # the year selector
    client.post(url, {"triwulan": "3", "tw3-terbuka": "on"})
    assert JendelaRealisasi.objects.get(pemda=world.pemda, tahun=TAHUN, triwulan=3).terbuka
    client.post(url, {"triwulan": "3", "tw3-dibuka_untuk": [world.opd_b.pk]})
    window = JendelaRealisasi.objects.get(pemda=world.pemda, tahun=TAHUN, triwulan=3)
    assert not window.terbuka and list(window.dibuka_untuk.all()) == [world.opd_b]
    assert jendela_svc.status_jendela(world.opd_b, TAHUN)[3] and not jendela_svc.status_jendela(world.opd_a, TAHUN)[3]
    client.force_login(world.alice)
    assert client.get(url).status_code == 403


def test_a_yearly_indicator_is_only_due_in_tw_iv(client, world, iku, windows):
    Indikator.objects.filter(pk=iku.pk).update(frekuensi=Indikator.Frekuensi.TAHUNAN)
    sheet = lembar_svc.lembar(world.opd_a, TAHUN)
    row = next(r for r in sheet.rows if r.indikator.pk == iku.pk)
    others = [r for r in sheet.rows if r.indikator.pk != iku.pk]
    assert row.terlambat == [] and all(r.terlambat == [1] for r in others)  # TW I is closed
    # Completeness counts TW I and II for the quarterly ones only: nothing entered yet.
    assert sheet.kelengkapan.nilai == 0
    Realisasi.objects.bulk_create(Realisasi(indikator=r.indikator, tahun=TAHUN, triwulan=1, nilai=1) for r in others)
    assert lembar_svc.lembar(world.opd_a, TAHUN).kelengkapan.nilai == 50  # TW I of each quarterly one, of TW I and II
    summary = dasbor_svc.dasbor_pemda(world.pemda, TAHUN, [world.opd_a])[0]
    assert summary.kelengkapan.nilai == 50
