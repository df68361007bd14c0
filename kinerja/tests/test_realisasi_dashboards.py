"""Realisasi dashboards: the OPD's and the pemda's, the seed figures, PK capaian, settings, the menu, constant queries."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kinerja import services as pk_services
from kinerja.models import (
    AnggaranSubKegiatan,
    Realisasi,
    RealisasiAnggaran,
    RencanaAksi,
)
from kinerja.realisasi import dasbor as dasbor_svc
from kinerja.tests.conftest import TAHUN
from renstra import services as renstra_services
from renstra.models import Elemen, Indikator, Level
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import PerangkatDaerah, User
from sakip.testing import QueryLog, assert_same_queries, capture_queries


def test_opd_dashboard_shows_capaian_category_and_late_items(client, world, iku, windows):
    Realisasi.objects.create(indikator=iku, tahun=TAHUN, triwulan=2, nilai=Decimal(60))
    client.force_login(world.bob)
    page = client.get(reverse("realisasi:opd_dashboard", args=[world.opd_a.pk, TAHUN])).content.decode()
    assert "75,00 %" in page and "Tinggi" in page  # 60 of 80
    late = page.split('data-testid="late-list"')[1].split("</ul>")[0]
    assert f"{iku.uraian} — TW I<" in late  # TW I closed with nothing entered: late
    xlsx = client.get(reverse("realisasi:opd_dashboard", args=[world.opd_a.pk, TAHUN]) + "?format=xlsx")
    ws = load_workbook(io.BytesIO(xlsx.content))["IKU"]
    assert ws.cell(4, 1).value == "Indikator"  # under the title and the OPD/year line
    assert ws.cell(5, 1).value == iku.uraian and ws.cell(5, 9).value == 75
    assert load_workbook(io.BytesIO(xlsx.content)).sheetnames == [
        "IKU",
        "Sasaran",
        "Semua indikator",
        "Serapan",
        "Belanja",
    ]


def test_pemda_dashboard_is_for_admin_and_evaluators(client, world, iku, windows):
    Realisasi.objects.create(indikator=iku, tahun=TAHUN, triwulan=2, nilai=Decimal(60))
    url = reverse("realisasi:pemda_dashboard", args=[TAHUN])
    client.force_login(world.dave)
    page = client.get(url + "?urut=capaian").content.decode()
    assert "Badan A" in page and "Dinas B" in page and "75,00 %" in page
    ws = load_workbook(io.BytesIO(client.get(url + "?format=xlsx").content)).active
    assert [c.value for c in ws[5]][:2] == ["Badan A", 75]
    client.force_login(world.alice)
    assert client.get(url).status_code == 403
    client.force_login(world.frank)
    assert "Badan A" not in client.get(url).content.decode()


def test_demo_dashboard_shows_the_seed_figures(client, demo_data):
    """Seed 001 Tabel 3.1, 3.4, 3.5 and 3.6 as the Blitar demo enters them."""
    opd = PerangkatDaerah.objects.get(pemda__kode="blitar", kode="8.01.0.00.0.00.02.0000")
    client.force_login(User.objects.get(username="evaluator.blitar"))
    page = client.get(reverse("realisasi:opd_dashboard", args=[opd.pk, 2024])).content.decode()
    # Tabel 3.2's tingkat kemajuan against the end target: 94,01 % and 87,68 % (the seed prints 94,73 % for
    # 90 of 95, truncated; at full precision it is 94,74 %).
    # Tabel 3.5's efisiensi is derived from the capaian as printed: 98,38 % gives -1,58 % (-1,57 % at full precision).
    for expected in ("98,38 %", "88,38 %", "5,80 %", "0,11 %", "-1,58 %", "-7,88 %", "99,56 %", "95,18",
                     "94,01 %", "87,68 %", "94,74 %"):  # fmt: skip
        assert expected in page, expected
    belanja = client.get(reverse("realisasi:belanja_update", args=[opd.pk, 2023])).content.decode()
    assert "44.566.775.320" in belanja and "99,54" in belanja


def _queries(client, url) -> QueryLog:
    with capture_queries(url) as log:
        assert client.get(url).status_code == 200
    return log


def _fill(versi):
    inds = Indikator.objects.filter(elemen__versi=versi)
    Realisasi.objects.bulk_create(
        Realisasi(indikator=i, tahun=TAHUN, triwulan=q, nilai=Decimal(q)) for i in inds for q in (1, 2, 3, 4)
    )
    subs = Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN)
    AnggaranSubKegiatan.objects.bulk_create(
        AnggaranSubKegiatan(elemen=s, tahun=TAHUN, jenis="dpa", jumlah=Decimal(100)) for s in subs
    )
    RealisasiAnggaran.objects.bulk_create(
        RealisasiAnggaran(elemen=s, tahun=TAHUN, triwulan=q, jumlah=Decimal(10)) for s in subs for q in (1, 2)
    )


@pytest.mark.parametrize("name", ["opd_dashboard", "indikator_grid", "anggaran_grid"])
def test_opd_pages_run_a_constant_number_of_queries(client, world, windows, name):
    small = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))
    large = generate_plan(
        make_versi(world.opd_b, small.renstra.periode), programs=4, kegiatan_per_program=3,
        sub_per_kegiatan=5, indicators_per_element=2,
    )  # fmt: skip
    for versi in (small, large):
        renstra_services.tetapkan(versi, berlaku_mulai=2021, actor=None)
        _fill(versi)
    client.force_login(world.dave)
    counts = [
        _queries(client, reverse(f"realisasi:{name}", args=[opd.pk, TAHUN])) for opd in (world.opd_a, world.opd_b)
    ]
    assert_same_queries(counts[0], counts[1])


def test_pemda_dashboard_runs_a_constant_number_of_queries(client, world, windows):
    client.force_login(world.dave)
    url = reverse("realisasi:pemda_dashboard", args=[TAHUN])
    versi = renstra_services.tetapkan(
        generate_plan(make_versi(world.opd_a, make_periode(world.pemda))), berlaku_mulai=2021, actor=None
    )
    _fill(versi)
    one = _queries(client, url)
    versi = renstra_services.tetapkan(
        generate_plan(make_versi(world.opd_b, versi.renstra.periode), programs=4), berlaku_mulai=2021, actor=None
    )
    _fill(versi)
    assert_same_queries(one, _queries(client, url))


def test_pk_capaian_against_rencana_aksi_and_year_target(client, world, iku, windows):
    pk = pk_services.susun_dari_renstra(world.kepala_a, TAHUN)
    line = pk.indikator.get(sumber=iku)
    line.agregasi = "kumulatif"
    line.save()
    pk_services.prepare_rencana_aksi(pk)
    RencanaAksi.objects.filter(indikator=line).update(
        tw1=Decimal(10), tw2=Decimal(30), tw3=Decimal(20), tw4=Decimal(20)
    )
    Realisasi.objects.create(indikator=iku, tahun=TAHUN, triwulan=1, nilai=Decimal(10))
    Realisasi.objects.create(indikator=iku, tahun=TAHUN, triwulan=2, nilai=Decimal(20))
    row = next(r for r in dasbor_svc.capaian_pk(pk) if r.indikator == line)
    tw2 = row.triwulan[1]
    assert (tw2.target_ra, tw2.realisasi.nilai) == (Decimal(40), Decimal(30))  # both to date
    assert tw2.capaian_ra.shown() == "75,00 %"
    assert tw2.capaian_tahun.shown() == "37,50 %"  # 30 of the year's 80
    client.force_login(world.bob)
    page = client.get(reverse("realisasi:pk_capaian", args=[pk.pk])).content.decode()
    assert "75,00 %" in page and "37,50 %" in page
    client.force_login(world.carol)
    assert client.get(reverse("realisasi:pk_capaian", args=[pk.pk])).status_code == 404


def test_pengaturan_changes_the_numbers_and_is_shown_with_them(client, world, iku, windows):
    Realisasi.objects.create(indikator=iku, tahun=TAHUN, triwulan=2, nilai=Decimal(100))  # 125 % of 80
    url = reverse("realisasi:pengaturan_update")
    client.force_login(world.alice)
    assert client.post(url, {"rumus_negatif": "t_per_r", "batas_atas": "100"}).status_code == 403
    client.force_login(world.dave)
    bad = {"rumus_negatif": "2t_minus_r", "metode_sasaran": "rata_rata", "batas_atas": "120",
           "sangat_tinggi": "50", "tinggi": "76", "sedang": "66", "rendah": "51"}  # fmt: skip
    assert "harus menurun" in client.post(url, bad).content.decode()
    client.post(url, {**bad, "sangat_tinggi": "91"})
    page = client.get(reverse("realisasi:opd_dashboard", args=[world.opd_a.pk, TAHUN])).content.decode()
    assert "120,00 %" in page and "Batas atas capaian: 120 %." in page


@pytest.mark.parametrize(("user", "target"), [("alice", "opd_a"), ("bob", "opd_a"), ("carol", "opd_b"), ("dave", None)])
def test_realisasi_menu_lands_on_the_right_dashboard(client, world, user, target):
    client.force_login(getattr(world, user))
    year = timezone.localdate().year
    expected = (
        reverse("realisasi:opd_dashboard", args=[getattr(world, target).pk, year])
        if target
        else reverse("realisasi:pemda_dashboard", args=[year])
    )
    assert client.get(reverse("realisasi:realisasi_index")).url == expected
