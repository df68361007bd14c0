"""Every delete page of the product: asked for, it shows the confirmation; confirmed, it deletes and says so.

The table below names one case per URL whose name ends in ``_delete``; a new delete URL without a case fails
``test_every_delete_url_has_a_case``, so none is left untested.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kinerja import services as kinerja_services
from kinerja.models import BuktiDukung, JendelaRealisasi, Realisasi
from pohon.models import PohonKinerja, Simpul
from renstra import services as renstra_services
from renstra.models import ArahKebijakan, Elemen, Indikator, Level, SasaranRPJMD, Strategi, TujuanRPJMD
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import Jabatan, Pegawai, Penugasan, PerangkatDaerah, UnitKerja, User

pytestmark = pytest.mark.django_db


def _names(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from _names(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield prefix + p.name


# The operator's Django admin (/operator/) is Django's own and left out.
DELETE_URLS = sorted(
    n for n in set(_names(get_resolver().url_patterns)) if n.endswith("_delete") and not n.startswith("admin:")
)


@pytest.fixture
def objects(world):
    """A throw-away object for every delete page, with the user who may delete it."""
    o = {}
    # Core: spare objects nothing refers to, so that the deletion goes through.
    opd = PerangkatDaerah.objects.create(pemda=world.pemda, kode="Z", nama="Dinas Baru", singkatan="DZ")
    unit = UnitKerja.objects.create(opd=world.opd_a, nama="Bidang Z", jenis=UnitKerja.Jenis.BIDANG)
    jabatan = Jabatan.objects.create(opd=world.opd_a, nama="Analis", jenjang="pelaksana", atasan=world.sekretaris_a)
    pegawai = Pegawai.objects.create(pemda=world.pemda, nama="Zainal", nip="198502022010011003")
    penugasan = Penugasan.objects.create(pegawai=pegawai, jabatan=jabatan, mulai=datetime.date(2022, 1, 3))
    pegawai2 = Pegawai.objects.create(pemda=world.pemda, nama="Yanti", nip="198703032011012004")
    user = User.objects.create_user("zz", password="x", pemda=world.pemda, nama="Zet")
    periode = make_periode(world.pemda)
    tujuan = TujuanRPJMD.objects.create(periode=periode, urutan=1, uraian="Tujuan RPJMD")
    tujuan2 = TujuanRPJMD.objects.create(periode=periode, urutan=2, uraian="Tujuan RPJMD 2")
    sasaran = SasaranRPJMD.objects.create(tujuan=tujuan2, urutan=1, uraian="Sasaran RPJMD")
    o["sakip:opd_delete"] = (world.dave, reverse("sakip:opd_delete", args=[opd.pk]), lambda: opd)
    o["sakip:unitkerja_delete"] = (
        world.dave,
        reverse("sakip:unitkerja_delete", args=[world.opd_a.pk, unit.pk]),
        lambda: unit,
    )
    o["sakip:penugasan_delete"] = (
        world.dave,
        reverse("sakip:penugasan_delete", args=[pegawai.pk, penugasan.pk]),
        lambda: penugasan,
    )
    o["sakip:jabatan_delete"] = (  # deleted after its penugasan: a separate jabatan without one
        world.dave,
        reverse(
            "sakip:jabatan_delete",
            args=[
                world.opd_a.pk,
                Jabatan.objects.create(opd=world.opd_a, nama="Staf", jenjang="pelaksana", atasan=world.sekretaris_a).pk,
            ],
        ),
        None,
    )
    o["sakip:pegawai_delete"] = (world.dave, reverse("sakip:pegawai_delete", args=[pegawai2.pk]), lambda: pegawai2)
    o["sakip:user_delete"] = (world.dave, reverse("sakip:user_delete", args=[user.pk]), lambda: user)
    o["renstra:tujuan_rpjmd_delete"] = (
        world.dave,
        reverse("renstra:tujuan_rpjmd_delete", args=[periode.pk, tujuan.pk]),
        lambda: tujuan,
    )
    o["renstra:sasaran_rpjmd_delete"] = (
        world.dave,
        reverse("renstra:sasaran_rpjmd_delete", args=[periode.pk, sasaran.pk]),
        lambda: sasaran,
    )
    # Renstra: a draft plan of OPD B (carol plans it).
    draft = generate_plan(make_versi(world.opd_b, periode))
    program = Elemen.objects.filter(versi=draft, level=Level.PROGRAM).first()
    indikator = Indikator.objects.filter(elemen__versi=draft, elemen__level=Level.KEGIATAN).first()
    sasaran_el = Elemen.objects.get(versi=draft, level=Level.SASARAN)
    strategi = Strategi.objects.create(sasaran=sasaran_el, uraian="Strategi", urutan=1)
    kebijakan = ArahKebijakan.objects.create(
        strategi=Strategi.objects.create(sasaran=sasaran_el, urutan=2, uraian="S2"), uraian="Arah", urutan=1
    )
    o["renstra:elemen_delete"] = (world.carol, reverse("renstra:elemen_delete", args=[program.pk]), lambda: program)
    o["renstra:elemen_child_delete"] = [
        (world.carol, reverse("renstra:elemen_child_delete", args=["indikator", indikator.pk]), lambda: indikator),
        (world.carol, reverse("renstra:elemen_child_delete", args=["strategi", strategi.pk]), lambda: strategi),
        (world.carol, reverse("renstra:elemen_child_delete", args=["kebijakan", kebijakan.pk]), lambda: kebijakan),
    ]
    o["renstra:versi_delete"] = (world.carol, reverse("renstra:versi_delete", args=[draft.pk]), lambda: draft)
    # OPD A's plan in force, its pohon kinerja, a PK draft and a realisasi with evidence (alice plans OPD A).
    plan = generate_plan(make_versi(world.opd_a, periode))
    ind = Indikator.objects.get(elemen__versi=plan, elemen__level=Level.SASARAN)
    ind.is_iku = True
    ind.save()
    plan = renstra_services.tetapkan(plan, berlaku_mulai=2021, actor=None)
    pohon = PohonKinerja.objects.create(opd=world.opd_a, periode=periode, tahun_berlaku=2022, versi=plan)
    simpul = Simpul.objects.create(pohon=pohon, tingkat="outcome", kinerja="Meningkatnya sesuatu")
    o["pohon:simpul_delete"] = (world.alice, reverse("pohon:simpul_delete", args=[simpul.pk]), lambda: simpul)
    pk = kinerja_services.susun_dari_renstra(world.kepala_a, 2024)
    row = pk.indikator.first()
    o["kinerja:pk_row_delete"] = (world.alice, reverse("kinerja:pk_row_delete", args=[pk.pk, row.pk]), lambda: row)
    other = kinerja_services.susun_dari_renstra(world.kepala_a, 2025)
    o["kinerja:pk_delete"] = (world.alice, reverse("kinerja:pk_delete", args=[other.pk]), lambda: other)
    JendelaRealisasi.objects.create(pemda=world.pemda, tahun=2024, triwulan=2, terbuka=True)
    item = Realisasi.objects.create(indikator=ind, tahun=2024, triwulan=2, nilai=Decimal(50))
    bukti = BuktiDukung.objects.create(
        realisasi=item, berkas=SimpleUploadedFile("ba.pdf", b"%PDF-1.4 isi"), nama="ba.pdf", ukuran=12
    )
    o["realisasi:bukti_delete"] = (world.alice, reverse("realisasi:bukti_delete", args=[bukti.pk]), lambda: bukti)
    return o


def test_every_delete_url_has_a_case(objects):
    assert DELETE_URLS and set(DELETE_URLS) == set(objects)


@pytest.mark.parametrize("name", DELETE_URLS)
def test_delete_page_asks_then_deletes_with_a_message(client, objects, name):
    cases = objects[name] if isinstance(objects[name], list) else [objects[name]]
    for user, url, obj in cases:
        client.force_login(user)
        asked = client.get(url)
        assert asked.status_code in (200, 405), (url, asked.status_code)  # 405: a POST-only delete button
        response = client.post(url, {"jenis": "indikator"})
        assert response.status_code in (200, 302), (url, response.status_code)
        said = [str(m) for m in get_messages(response.wsgi_request)] or [response.headers.get("HX-Trigger", "")]
        assert any("dihapus" in m.lower() for m in said), (url, said)
        if obj is not None:
            target = obj()
            assert not type(target).objects.filter(pk=target.pk).exists(), url
