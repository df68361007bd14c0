"""Realisasi of the budget: DPA and DPPA per sub kegiatan, spending by jenis belanja, the APBD budget in a PK draft."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from kinerja import services as pk_services
from kinerja.models import (
    AnggaranSubKegiatan,
    BelanjaOPD,
    RealisasiAnggaran,
)
from kinerja.tests.conftest import TAHUN, grid_url, post_cells
from renstra.models import Elemen, Level


def test_budget_grid_keeps_dpa_and_dppa_and_sums_up(client, world, plan, windows):
    subs = list(Elemen.objects.filter(versi=plan, level=Level.SUB_KEGIATAN).order_by("kode")[:2])
    client.force_login(world.alice)
    cells = [
        {"elemen": subs[0].pk, "kolom": "dpa", "value": "1.000.000"},
        {"elemen": subs[0].pk, "kolom": "dppa", "value": "1.200.000"},
        {"elemen": subs[0].pk, "kolom": "tw2", "value": "300.000"},
        {"elemen": subs[1].pk, "kolom": "dpa", "value": "500.000"},
        {"elemen": subs[1].pk, "kolom": "tw1", "value": "100.000"},
        {"elemen": subs[1].pk, "kolom": "tw2", "value": "-5"},
    ]
    response = post_cells(client, grid_url(world, "anggaran_grid"), cells).json()
    assert set(response["errors"]) == {f"{subs[1].pk}:tw1", f"{subs[1].pk}:tw2"}
    assert AnggaranSubKegiatan.objects.filter(elemen=subs[0]).count() == 2
    assert RealisasiAnggaran.objects.get().jumlah == Decimal(300000)
    page = client.get(grid_url(world, "anggaran_grid")).content.decode()
    assert "1.200.000" in page and "1.000.000" in page and "25,00 %" in page  # 300.000 of the DPPA


def test_belanja_per_jenis_in_indonesian_format(client, world):
    url = reverse("realisasi:belanja_update", args=[world.opd_a.pk, TAHUN])
    form = {"belanja-TOTAL_FORMS": "2", "belanja-INITIAL_FORMS": "0"}
    row0 = {"belanja-0-jenis": "pegawai", "belanja-0-anggaran": "2.530.668.865", "belanja-0-realisasi": "2.408.627.627"}
    client.force_login(world.bob)
    assert client.post(url, {**form, **row0}).status_code == 403
    client.force_login(world.alice)
    duplicate = {"belanja-1-jenis": "pegawai", "belanja-1-anggaran": "1", "belanja-1-realisasi": "1"}
    assert "sudah ada di baris lain" in client.post(url, {**form, **row0, **duplicate}).content.decode()
    assert not BelanjaOPD.objects.exists()
    bad = {"belanja-1-jenis": "hibah", "belanja-1-anggaran": "banyak", "belanja-1-realisasi": "0"}
    assert client.post(url, {**form, **row0, **bad}).status_code == 200
    assert not BelanjaOPD.objects.exists()
    client.post(url, {**form, **row0, "belanja-1-jenis": "hibah", "belanja-1-anggaran": "59.887.356.160",
                      "belanja-1-realisasi": "59.857.774.160"})  # fmt: skip
    saved = {b.jenis: b for b in BelanjaOPD.objects.filter(opd=world.opd_a, tahun=TAHUN)}
    assert saved["pegawai"].anggaran == Decimal("2530668865") and saved["hibah"].persen.quantize(
        Decimal("0.01")
    ) == Decimal("99.95")
    page = client.get(url).content.decode()
    assert 'value="2.530.668.865"' in page and "99,95" in page


def test_pk_draft_takes_the_apbd_budget_once_entered(world, plan):
    sub = Elemen.objects.filter(versi=plan, level=Level.SUB_KEGIATAN).order_by("kode").first()
    AnggaranSubKegiatan.objects.create(elemen=sub, tahun=TAHUN, jenis="dpa", jumlah=Decimal(700_000))
    AnggaranSubKegiatan.objects.create(elemen=sub, tahun=TAHUN, jenis="dppa", jumlah=Decimal(800_000))
    pk = pk_services.susun_dari_renstra(world.kepala_a, TAHUN)
    amounts = {row.sumber.kode: row.anggaran for row in pk.anggaran.select_related("sumber")}
    # Program 1 holds the sub kegiatan with a DPPA (800.000) and three with the pagu (1.000.000 each);
    # program 2 has no APBD budget yet and keeps its pagu.
    assert amounts["8.01.01"] == Decimal(3_800_000) and amounts["8.01.02"] == Decimal(4_000_000)
