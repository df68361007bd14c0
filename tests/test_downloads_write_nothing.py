"""A GET never writes, downloads included: every PDF, workbook and diagram a user downloads (which
test_get_writes_nothing leaves out of its crawl for time) leaves every table of the project, the audit log
included, as it was: no draft document, rencana aksi row or rendering is created by opening a download."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja import services as pk_services
from kinerja.models import JendelaRealisasi
from pohon.models import PohonKinerja, Simpul, Tingkat
from renstra import services
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import Jenjang
from tests.test_get_writes_nothing import _count_query, _counts


@pytest.fixture
def downloads(world):
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)), programs=1)
    versi = services.tetapkan(versi, berlaku_mulai=2021, actor=None)
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2024, triwulan=1, terbuka=True)
    pk = pk_services.susun_dari_renstra(world.kepala_a, 2024)
    pohon = PohonKinerja.objects.create(opd=world.opd_a, periode=versi.renstra.periode, tahun_berlaku=2021, versi=versi)
    Simpul.objects.create(pohon=pohon, tingkat=Tingkat.OUTCOME, jenjang=Jenjang.JPT_PRATAMA, kinerja="Outcome")
    opd = world.opd_a.pk
    return [
        reverse("renstra:versi_export", args=[versi.pk]),
        reverse("kinerja:pk_pdf", args=[pk.pk]),
        reverse("kinerja:rencana_aksi_pdf", args=[pk.pk]),
        reverse("realisasi:workbook_template", args=[opd, 2024]),
        reverse("lkjip:lkjip_xlsx", args=[opd, 2024]),
        reverse("lkjip:renstra_xlsx", args=[versi.pk]),
        reverse("pohon:pohon_svg", args=[pohon.pk]),
        reverse("pohon:pohon_pdf", args=[pohon.pk]),
        reverse("pohon:pohon_xlsx", args=[pohon.pk]),
    ]


def test_no_download_writes(client, world, downloads):
    client.force_login(world.alice)
    sql = _count_query()
    before = _counts(sql)
    for url in downloads:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        after = _counts(sql)
        changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
        assert not changed, f"GET {url} changed row counts: {changed}"
